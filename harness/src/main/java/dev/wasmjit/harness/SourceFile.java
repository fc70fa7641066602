package dev.wasmjit.harness;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A program's source file, read for a command. */
final class SourceFile {

    private SourceFile() {
    }

    /**
     * Reads the file as UTF-8. A file that cannot be read is a usage error (status 2), like a
     * mistyped option: nothing ran.
     *
     * @param file    the file
     * @param command the command that was given it, for the usage message
     * @return its text
     */
    static String read(Path file, CommandLine command) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ParameterException(command, "no such file: " + file);
        } catch (IOException e) {
            throw new ParameterException(command, "cannot read " + file + ": " + e);
        }
    }
}
