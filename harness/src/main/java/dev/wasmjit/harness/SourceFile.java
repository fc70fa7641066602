package dev.wasmjit.harness;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A program's source file, read for a command. */
final class SourceFile {

    private SourceFile() {
    }

    /** The largest source a command reads: 16 MiB, far beyond any program, and bounded. */
    static final int MAX_SOURCE_BYTES = 16 << 20;

    /**
     * Reads the file as UTF-8. A file that does not exist is a usage error (status 2), like a
     * mistyped option: nothing ran. A file that cannot be read, is larger than
     * {@link #MAX_SOURCE_BYTES} (such as {@code /dev/zero}) or is not UTF-8 text is a program
     * error (status 1, one {@code error:} line).
     *
     * @param file    the file
     * @param command the command that was given it, for the usage message
     * @return its text
     */
    static String read(Path file, CommandLine command) {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_SOURCE_BYTES + 1);
        } catch (NoSuchFileException e) {
            throw new ParameterException(command, "no such file: " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        if (bytes.length > MAX_SOURCE_BYTES) {
            throw new IllegalStateException("cannot read " + file + ": a source may be at most "
                    + (MAX_SOURCE_BYTES >> 20) + " MiB");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("cannot read " + file + ": it is not UTF-8 text");
        }
    }
}
