package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Program;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The programs written out as files in the report's work directory, for runtimes outside the JVM. */
final class ProgramFiles {

    private ProgramFiles() {
    }

    /** {@code fib(30)} becomes {@code fib-30.scm}: names safe for every shell and file system. */
    static Path write(Path directory, Program program, String extension) {
        String file = program.name().replaceAll("[^A-Za-z0-9-]+", "-").replaceAll("-+$", "") + extension;
        try {
            return Files.writeString(directory.resolve(file), program.source());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + " into " + directory, e);
        }
    }
}
