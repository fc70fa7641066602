package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.GuestFiles;
import dev.wasmjit.nativeconfig.GuestWasi;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every builder of a running guest configures about its store: where the guest's output
 * goes and how long each call may run. {@link ReactorInstance.Builder} and
 * {@code SchemeInterpreter.Builder} both extend it, so each default and each check exists
 * once, here.
 *
 * <p>The defaults a caller may rely on: stdout to {@link System#out} and stderr to
 * {@link System#err}, line by line; an empty standard input; no directories, arguments or
 * environment variables; no line listener; a deadline of {@link #DEFAULT_DEADLINE}
 * for each call.
 *
 * @param <B> the builder's own type, which each setter returns
 */
public abstract class StoreSettings<B extends StoreSettings<B>> {

    /** The wall-clock deadline of each call unless the builder or a handle says otherwise. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    OutputStream stdout = GuestWasi.passThroughStdout();
    OutputStream stderr = GuestWasi.passThroughStderr();
    /** Null: the guest's standard input is empty. */
    InputStream stdin;
    final List<GuestFiles.Preopen> preopens = new ArrayList<>();
    List<String> arguments = List.of();
    Map<String, String> environment = Map.of();
    GuestWasi.LineListener lineListener = (fd, line) -> { };
    /** Empty for no limit. */
    Optional<Duration> deadline = Optional.of(DEFAULT_DEADLINE);

    /** Only the bridge's builders and their subclasses extend this. */
    protected StoreSettings() {
    }

    /**
     * Where the guest's stdout goes; by default to {@link System#out}, line by line.
     *
     * @param out the stream; {@link OutputStream#nullOutputStream()} discards
     * @return this builder
     */
    public final B stdout(OutputStream out) {
        this.stdout = Objects.requireNonNull(out, "out");
        return self();
    }

    /**
     * Where the guest's stderr goes; by default to {@link System#err}, line by line.
     *
     * @param err the stream; {@link OutputStream#nullOutputStream()} discards
     * @return this builder
     */
    public final B stderr(OutputStream err) {
        this.stderr = Objects.requireNonNull(err, "err");
        return self();
    }

    /**
     * What the guest reads as its standard input (Scheme's {@code current-input-port});
     * by default nothing: the guest sees an empty input, as a sandbox should. Reads block the
     * guest's thread until the stream has data or ends, and a call's deadline cannot cut such
     * a wait short. The stream is never closed by the guest.
     *
     * @param in the stream, for instance {@link System#in}
     * @return this builder
     */
    public final B stdin(InputStream in) {
        this.stdin = Objects.requireNonNull(in, "in");
        return self();
    }

    /**
     * Grants the guest a directory, as {@code wasmtime run --dir} does: the guest sees it as
     * {@code guestName} ({@code "."} makes it the directory relative paths start from), and
     * reaches the files under it, never anything outside it ({@code ..} and symbolic links that
     * lead out are refused). By default the guest reaches no files at all. Directories are
     * granted in the order given.
     *
     * @param host      an existing directory
     * @param guestName the guest's name for it, such as {@code "."} or {@code "/data"}
     * @return this builder
     * @throws IllegalArgumentException if {@code host} is not a directory or the name is empty
     */
    public final B preopenDirectory(Path host, String guestName) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(guestName, "guestName");
        if (!Files.isDirectory(host)) {
            throw new IllegalArgumentException("cannot grant " + host + ": not a directory");
        }
        preopens.add(new GuestFiles.Preopen(host, guestName));
        return self();
    }

    /**
     * The program's arguments, as Scheme's {@code command-line} gives them: the program's name
     * first. By default none: {@code (command-line)} is the empty list.
     *
     * @param arguments the arguments
     * @return this builder
     */
    public final B arguments(List<String> arguments) {
        this.arguments = List.copyOf(arguments);
        return self();
    }

    /**
     * The environment variables the guest sees ({@code get-environment-variable}). By default
     * none: the host's own environment is never passed on unless given here.
     *
     * @param environment the variables by name
     * @return this builder
     */
    public final B environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return self();
    }

    /**
     * Told about every complete line on the guest's stdout (fd 1) and stderr (fd 2), after it
     * reached its stream.
     *
     * @param listener the listener, called on the guest thread
     * @return this builder
     */
    public final B lineListener(GuestWasi.LineListener listener) {
        this.lineListener = Objects.requireNonNull(listener, "listener");
        return self();
    }

    /**
     * The wall-clock deadline of each call unless a handle says otherwise;
     * {@link #DEFAULT_DEADLINE} by default. A call past it ends with a {@link GuestTimeout}.
     * A deadline longer than {@link WasmEngine#LONGEST_DEADLINE} counts as that one.
     *
     * @param deadline a positive duration
     * @return this builder
     * @throws IllegalArgumentException if the duration is zero or negative
     */
    public final B deadline(Duration deadline) {
        this.deadline = Optional.of(checkedDeadline(deadline));
        return self();
    }

    /**
     * Lets each call run as long as it takes, unless a handle says otherwise: an interactive
     * session's choice, where the user stops a call. The engine counts it as
     * {@link WasmEngine#LONGEST_DEADLINE}.
     *
     * @return this builder
     */
    public final B noDeadline() {
        this.deadline = Optional.empty();
        return self();
    }

    /**
     * Gives another builder this one's input, output and deadline settings: for a builder that
     * makes its instance through another.
     *
     * @param other the builder to configure
     * @param <O>   its type
     * @return {@code other}
     */
    protected final <O extends StoreSettings<O>> O copyStoreSettingsTo(O other) {
        other.stdout = stdout;
        other.stderr = stderr;
        other.stdin = stdin;
        other.preopens.clear();
        other.preopens.addAll(preopens);
        other.arguments = arguments;
        other.environment = environment;
        other.lineListener = lineListener;
        other.deadline = deadline;
        return other;
    }

    /**
     * Where the guest's stdout goes, as set: for a subclass that filters it.
     *
     * @return the stream given to {@link #stdout(OutputStream)}, or the default
     */
    protected final OutputStream configuredStdout() {
        return stdout;
    }

    /**
     * Where the guest's stderr goes, as set: for a subclass that filters it.
     *
     * @return the stream given to {@link #stderr(OutputStream)}, or the default
     */
    protected final OutputStream configuredStderr() {
        return stderr;
    }

    /**
     * The one check of every deadline a caller gives: a positive duration.
     *
     * @throws IllegalArgumentException if it is zero or negative
     */
    static Duration checkedDeadline(Duration deadline) {
        Objects.requireNonNull(deadline, "deadline");
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be positive, was " + deadline);
        }
        return deadline;
    }

    /**
     * This builder as its own type, for setters of subclasses.
     *
     * @return this builder
     */
    @SuppressWarnings("unchecked")
    protected final B self() {
        return (B) this;
    }
}
