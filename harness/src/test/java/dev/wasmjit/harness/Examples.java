package dev.wasmjit.harness;

import dev.wasmjit.junit.SchemeProgram;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the harness tests find the Scheme programs of {@code examples/},
 * {@code examples/kernels/} and {@code bench/programs/}; the programs and their
 * {@code ; expect:} and {@code ; output:} lines are read by the JUnit extension's
 * {@link SchemeProgram}.
 */
final class Examples {

    private Examples() {
    }

    static Path directory() {
        return Path.of(System.getProperty("wasmjit.examples", "../examples")).toAbsolutePath().normalize();
    }

    /** The benchmark suite of {@code bench/programs/}. */
    static Path benchDirectory() {
        return Path.of(System.getProperty("wasmjit.bench.programs", "../bench/programs")).toAbsolutePath().normalize();
    }

    /** Every example, sorted by file name. */
    static List<SchemeProgram> all() {
        return SchemeProgram.readAll(directory());
    }

    /**
     * The float and character kernels of {@code examples/kernels/}: ours, in the style of
     * r7rs-benchmarks' (whose licence keeps its own text out of this repository).
     */
    static List<SchemeProgram> kernels() {
        return SchemeProgram.readAll(directory().resolve("kernels"));
    }

    static SchemeProgram named(String name) {
        return SchemeProgram.read(directory().resolve(name));
    }
}
