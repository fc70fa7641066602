package dev.wasmjit.bench;

import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.Tiering;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A guest module under measurement: the bundled {@code interplib.wasm} or another build of
 * it (for example the straightforward JIT, {@code guest/interplib-baseline.wasm}).
 *
 * <p>Interpreters opened here discard the guest's output, so that writing {@code result:}
 * lines to a terminal is not part of what is measured; results are checked through the
 * return value instead.
 */
public final class Guest {

    /** Generous, so that slow machines finish; a benchmark is never cut short by it. */
    private static final Duration EVAL_DEADLINE = Duration.ofMinutes(2);

    private final String name;
    private final byte[] wasm;
    private final boolean bundled;

    private Guest(String name, byte[] wasm, boolean bundled) {
        this.name = name;
        this.wasm = wasm;
        this.bundled = bundled;
    }

    /**
     * The guest bundled with the bridge (the committed {@code guest/interplib.wasm}).
     *
     * @return the bundled guest
     */
    public static Guest bundled() {
        return new Guest("interplib.wasm", SchemeInterpreter.bundledBytes(), true);
    }

    /**
     * A guest by a benchmark parameter: {@code bundled}, or the path of a module file.
     *
     * @param parameter {@code bundled} or a path
     * @return the guest
     */
    public static Guest fromParameter(String parameter) {
        return parameter.equals("bundled") ? bundled() : file(Path.of(parameter));
    }

    /**
     * A guest given as bytes, for example a statically linked {@code out.wasm}.
     *
     * @param name a name for tables, e.g. {@code out.wasm}
     * @param wasm a module with the guest ABI
     * @return the guest; its instances each compile the module anew
     */
    public static Guest module(String name, byte[] wasm) {
        return new Guest(name, wasm.clone(), false);
    }

    /**
     * A guest read from a file.
     *
     * @param path a module with the guest ABI
     * @return the guest, named after the file
     * @throws UncheckedIOException if the file cannot be read
     */
    public static Guest file(Path path) {
        try {
            return new Guest(path.getFileName().toString(), Files.readAllBytes(path), false);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the guest module " + path, e);
        }
    }

    /**
     * The file name of the module.
     *
     * @return for example {@code interplib.wasm}
     */
    public String name() {
        return name;
    }

    /**
     * The module's bytes.
     *
     * @return a copy
     */
    public byte[] wasm() {
        return wasm.clone();
    }

    /**
     * The SHA-256 of the module's bytes, which identifies the guest in a report.
     *
     * @return 64 lower-case hex digits
     */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(wasm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Writes the module to a file, for runtimes outside this JVM.
     *
     * @param path where to write it
     * @return the path
     * @throws UncheckedIOException if it cannot be written
     */
    public Path writeTo(Path path) {
        try {
            return Files.write(path, wasm);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + path, e);
        }
    }

    /**
     * Instantiates the guest on wasmtime with its output discarded. The bundled guest's
     * compiled module is shared by all its instances; another guest is compiled anew for each.
     *
     * @return a new interpreter; the caller closes it
     */
    public SchemeInterpreter open() {
        return open(SchemeInterpreter.DEFAULT_HEAP_BYTES);
    }

    /**
     * Instantiates the guest as {@link #open()} does, with another heap for each evaluation.
     *
     * @param heapBytes the heap size, e.g. {@link Program#SUITE_HEAP_BYTES}
     * @return a new interpreter; the caller closes it
     */
    public SchemeInterpreter open(int heapBytes) {
        return open(heapBytes, Tiering.manual());
    }

    /**
     * Instantiates the guest as {@link #open(int)} does, tiering as asked.
     *
     * @param heapBytes the heap size
     * @param tiering   how the interpreter compiles: off, manual (the seed's protocol) or automatic
     * @return a new interpreter; the caller closes it
     */
    public SchemeInterpreter open(int heapBytes, Tiering tiering) {
        SchemeInterpreter.Builder builder = quiet(SchemeInterpreter.builder()).heapBytes(heapBytes).tiering(tiering);
        if (!bundled) {
            builder.module(wasm);
        }
        return builder.build();
    }

    /**
     * Configures an interpreter the way {@link #open()} does, for interpreters made elsewhere
     * (a static link session): output discarded, a deadline no benchmark reaches, and no
     * ceiling of JIT modules: a benchmark iteration may link a round per invocation, thousands
     * of them, and closes the interpreter after it, which frees them.
     *
     * @param builder the builder to configure
     * @return the same builder
     */
    public static SchemeInterpreter.Builder quiet(SchemeInterpreter.Builder builder) {
        return builder.stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream())
                .deadline(EVAL_DEADLINE)
                .maxJitModules(Integer.MAX_VALUE);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Guest guest && guest.name.equals(name) && Arrays.equals(guest.wasm, wasm);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(wasm));
    }

    @Override
    public String toString() {
        return name + " (sha256 " + sha256().substring(0, 12) + ")";
    }
}
