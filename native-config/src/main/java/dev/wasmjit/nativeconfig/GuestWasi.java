package dev.wasmjit.nativeconfig;

import io.github.kawamuray.wasmtime.Caller;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.Memory;
import io.github.kawamuray.wasmtime.Store;
import io.github.kawamuray.wasmtime.Val;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The WASI a guest gets: stdout and stderr, the clocks, and standard input and directories only
 * when the host gives them ({@link GuestFiles} serves the directories and the files opened in
 * them), and arguments and environment variables only when the host gives them. It implements {@code wasi_snapshot_preview1}
 * imports as Java host functions rather than wasmtime's WasiCtx, so output ordering and the
 * sandbox are the host's by construction.
 *
 * <ul>
 *   <li>{@code fd_write} to fd 1 or 2 reaches the configured {@link OutputStream} line by line,
 *       each line flushed as soon as it is complete, and the {@link LineListener} as text. A
 *       line longer than 64 KiB is passed on in pieces of at most 64 KiB as it is written
 *       (each piece a line for the listener), so output without newlines needs no unbounded
 *       buffer.</li>
 *   <li>{@code fd_fdstat_get} reports fds 0 to 2 as character devices without seek rights, so
 *       wasi-libc line-buffers stdout even when the JVM's stdout is a pipe or a file.</li>
 *   <li>{@code args_*} and {@code environ_*} give the host's {@link Grants}; {@code fd_prestat_get},
 *       {@code path_open}, {@code path_filestat_get} and {@code path_unlink_file} serve the
 *       granted directories; {@code fd_read} on stdin reads the host's {@link InputStream},
 *       or end of file when it gave none (a read blocks the guest's thread until the stream
 *       has data: a deadline cannot cut it short).</li>
 *   <li>{@code clock_time_get} gives the wall clock (realtime) and {@link System#nanoTime}
 *       (monotonic); {@code clock_res_get} says 1 microsecond and 1 nanosecond.</li>
 *   <li>{@code proc_exit} throws {@link WasiExit}; any other import returns ENOSYS, or
 *       traps when its type has no errno result.</li>
 * </ul>
 *
 * <p>A host registers {@link #handler} for each {@link #MODULE} import its module declares.
 */
public final class GuestWasi {

    /** The import module name of WASI preview 1. */
    public static final String MODULE = "wasi_snapshot_preview1";

    /** Receives each complete line the guest writes, without its newline. */
    @FunctionalInterface
    public interface LineListener {
        /**
         * Called on the guest's thread after the line reached its sink.
         *
         * @param fd   1 for stdout, 2 for stderr
         * @param line the line's text, decoded as UTF-8, without the newline
         */
        void line(int fd, String line);
    }

    /** Thrown by the {@code proc_exit} host function: the guest asked to exit. */
    public static final class WasiExit extends RuntimeException {
        private final int code;

        /**
         * Creates the request.
         *
         * @param code the exit code the guest passed
         */
        public WasiExit(int code) {
            super("the guest called proc_exit(" + code + ")");
            this.code = code;
        }

        /**
         * The guest's exit code.
         *
         * @return the code passed to proc_exit
         */
        public int code() {
            return code;
        }
    }

    private static final int ESUCCESS = 0;
    private static final int EBADF = 8;
    private static final int EINVAL = 28;
    private static final int EIO = 29;
    private static final int CLOCK_REALTIME = 0;
    private static final int CLOCK_MONOTONIC = 1;
    private static final int ENOSYS = 52;
    private static final int ESPIPE = 70;
    private static final byte FILETYPE_CHARACTER_DEVICE = 2;
    private static final long RIGHT_FD_READ = 1L << 1;
    private static final long RIGHT_FD_WRITE = 1L << 6;

    private final LineStream stdout;
    private final LineStream stderr;
    private final MemoryWindows windows;
    /** Null: standard input is empty. */
    private final InputStream stdin;
    private final GuestFiles files;
    /** args_get's and environ_get's strings, each NUL-terminated. */
    private final List<byte[]> arguments;
    private final List<byte[]> environment;

    /**
     * What a host grants a guest beyond stdout and stderr; by default ({@link #NONE}) nothing.
     *
     * @param stdin       what the guest reads from fd 0, or null for an empty input; never
     *                    closed here
     * @param files       the directories granted and the files opened in them; the caller
     *                    closes it when the instance goes
     * @param arguments   the program's arguments (args_get), the program's name first
     * @param environment the environment variables (environ_get)
     */
    public record Grants(InputStream stdin, GuestFiles files, List<String> arguments, Map<String, String> environment) {
        /** No input, no files, no arguments, no environment. */
        public static final Grants NONE = new Grants(null, new GuestFiles(List.of()), List.of(), Map.of());

        /**
         * Checks and copies the lists.
         *
         * @param stdin       what the guest reads from fd 0, or null
         * @param files       the directories granted
         * @param arguments   the program's arguments
         * @param environment the environment variables
         */
        public Grants {
            Objects.requireNonNull(files, "files");
            arguments = List.copyOf(arguments);
            environment = Map.copyOf(environment);
        }
    }

    /**
     * Creates the WASI for one guest instance, with an empty standard input.
     *
     * @param stdout   where the guest's stdout goes
     * @param stderr   where the guest's stderr goes
     * @param listener told about every line on either stream
     */
    public GuestWasi(OutputStream stdout, OutputStream stderr, LineListener listener) {
        this(stdout, stderr, listener, Grants.NONE);
    }

    /**
     * Creates the WASI for one guest instance.
     *
     * @param stdout   where the guest's stdout goes
     * @param stderr   where the guest's stderr goes
     * @param listener told about every line on either stream
     * @param grants   standard input, directories, arguments and environment
     */
    public GuestWasi(OutputStream stdout, OutputStream stderr, LineListener listener, Grants grants) {
        Objects.requireNonNull(listener, "listener");
        this.stdin = grants.stdin();
        this.files = grants.files();
        this.arguments = grants.arguments().stream().map(GuestWasi::cString).toList();
        this.environment = grants.environment().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> cString(e.getKey() + "=" + e.getValue())).toList();
        this.windows = new MemoryWindows();
        this.stdout = new LineStream(1, Objects.requireNonNull(stdout, "stdout"), listener);
        this.stderr = new LineStream(2, Objects.requireNonNull(stderr, "stderr"), listener);
    }

    /**
     * A stream that writes to whatever {@link System#out} is at the time of each write, so a
     * guest's output stays in order with the application's own prints.
     *
     * @return a pass-through stream for stdout
     */
    public static OutputStream passThroughStdout() {
        return new PassThrough(() -> System.out);
    }

    /**
     * A stream that writes to whatever {@link System#err} is at the time of each write.
     *
     * @return a pass-through stream for stderr
     */
    public static OutputStream passThroughStderr() {
        return new PassThrough(() -> System.err);
    }

    /** Looks the target up on every write, so that System.setOut/setErr later still apply. */
    private static final class PassThrough extends OutputStream {
        private final Supplier<PrintStream> target;

        PassThrough(Supplier<PrintStream> target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            target.get().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            target.get().write(b, off, len);
        }

        @Override
        public void flush() {
            target.get().flush();
        }

        @Override
        public void close() {
            // never closes System.out or System.err, only hands over what is written so far
            flush();
        }
    }

    /**
     * The windows through which this WASI reaches the guest's memory; the host uses the same
     * ones for its own accesses, so they share what they know of the memory.
     *
     * @return this instance's memory windows
     */
    public MemoryWindows memoryWindows() {
        return windows;
    }

    /**
     * Delivers any partial line still waiting for its newline. Call it when a guest call
     * returns, so output without a final newline is not held back.
     */
    public void flushPartialLines() {
        stdout.flushPartialLine();
        stderr.flushPartialLine();
    }

    /**
     * The implementation of one WASI import. Every name gets a handler: unknown ones return
     * ENOSYS, or trap when the type has no single i32 result.
     *
     * @param store the store the host function will be created in
     * @param name  the import's name within {@link #MODULE}
     * @param type  the import's function type, as the module declares it
     * @param <T>   the store's data type
     * @return the handler to wrap in a {@link Func}
     */
    public <T> Func.Handler<T> handler(Store<T> store, String name, FuncType type) {
        return switch (name) {
            case "fd_write" -> (caller, p, r) -> r[0] = errno(fdWrite(store, caller, p));
            case "fd_fdstat_get" -> (caller, p, r) -> r[0] = errno(fdstat(store, caller, p));
            case "fd_close" -> (caller, p, r) -> r[0] = errno(isStdio(p[0].i32()) ? ESUCCESS : files.close(p[0].i32()));
            case "fd_seek", "fd_tell" -> (caller, p, r) -> r[0] = errno(isStdio(p[0].i32()) ? ESPIPE : EBADF);
            case "fd_read" -> (caller, p, r) -> r[0] = errno(fdRead(store, caller, p));
            case "fd_prestat_get" -> (caller, p, r) -> r[0] = errno(prestat(store, caller, p));
            case "fd_prestat_dir_name" -> (caller, p, r) -> r[0] = errno(prestatName(store, caller, p));
            case "path_open" -> (caller, p, r) -> r[0] = errno(pathOpen(store, caller, p));
            case "path_filestat_get" -> (caller, p, r) -> r[0] = errno(pathStat(store, caller, p));
            case "path_unlink_file" -> (caller, p, r) -> r[0] = errno(pathUnlink(store, caller, p));
            case "clock_time_get" -> (caller, p, r) -> r[0] = errno(clockTime(store, caller, p));
            case "clock_res_get" -> (caller, p, r) -> r[0] = errno(clockResolution(store, caller, p));
            case "args_sizes_get" -> (caller, p, r) -> r[0] = errno(sizes(store, caller, p, arguments));
            case "environ_sizes_get" -> (caller, p, r) -> r[0] = errno(sizes(store, caller, p, environment));
            case "args_get" -> (caller, p, r) -> r[0] = errno(strings(store, caller, p, arguments));
            case "environ_get" -> (caller, p, r) -> r[0] = errno(strings(store, caller, p, environment));
            case "proc_exit" -> (caller, p, r) -> {
                throw new WasiExit(p[0].i32());
            };
            default -> unsupported(name, type);
        };
    }

    private static <T> Func.Handler<T> unsupported(String name, FuncType type) {
        boolean returnsErrno = type.getResults().length == 1 && type.getResults()[0] == Val.Type.I32;
        if (returnsErrno) {
            return (caller, p, r) -> r[0] = errno(ENOSYS);
        }
        return (caller, p, r) -> {
            throw new UnsupportedOperationException("the guest called the WASI function " + name
                    + " of type " + Arrays.toString(type.getParams()) + " -> "
                    + Arrays.toString(type.getResults()) + ", which this host does not provide");
        };
    }

    private static Val errno(int code) {
        return Val.fromI32(code);
    }

    private static boolean isStdio(int fd) {
        return fd >= 0 && fd <= 2;
    }

    /** fd_write(fd, iovs, iovs_len, nwritten_out): gathers the iovecs into the fd's lines. */
    private <T> int fdWrite(Store<T> store, Caller<T> caller, Val[] p) {
        int fd = p[0].i32();
        LineStream target = fd == 1 ? stdout : fd == 2 ? stderr : null;
        if (target == null) {
            return files.isFile(fd) ? gather(store, caller, p, bytes -> files.write(fd, bytes)) : EBADF;
        }
        return gather(store, caller, p, bytes -> {
            target.write(bytes);
            return ESUCCESS;
        });
    }

    /** Where fd_write's bytes go: an errno for each iovec's bytes. */
    private interface Sink {
        int write(ByteBuffer bytes);
    }

    /** fd_write's loop: every iovec in turn into the sink, then the count written. */
    private <T> int gather(Store<T> store, Caller<T> caller, Val[] p, Sink sink) {
        return withMemory(store, caller, memory -> {
            long count = Integer.toUnsignedLong(p[2].i32());
            ByteBuffer iovs = memory.window(p[1].i32(), 8 * count);
            int written = 0;
            for (int i = 0; i < count; i++) {
                int length = iovs.getInt(8 * i + 4);
                int errno = sink.write(memory.window(iovs.getInt(8 * i), Integer.toUnsignedLong(length)));
                if (errno != ESUCCESS) {
                    return errno;
                }
                written += length;
            }
            memory.window(p[3].i32(), 4).putInt(0, written);
            return ESUCCESS;
        });
    }

    /** fd_fdstat_get(fd, stat_out): a 24-byte fdstat of a character device. */
    private <T> int fdstat(Store<T> store, Caller<T> caller, Val[] p) {
        int fd = p[0].i32();
        if (!isStdio(fd)) {
            return files.isDirectory(fd) || files.isFile(fd) ? fileFdstat(store, caller, p) : EBADF;
        }
        return withMemory(store, caller, memory -> {
            ByteBuffer out = memory.window(p[1].i32(), 24);
            out.put(0, FILETYPE_CHARACTER_DEVICE);
            out.put(1, (byte) 0);
            out.putShort(2, (short) 0);
            out.putInt(4, 0);
            out.putLong(8, fd == 0 ? RIGHT_FD_READ : RIGHT_FD_WRITE);
            out.putLong(16, 0L);
            return ESUCCESS;
        });
    }

    /**
     * fd_read(fd, iovs, iovs_len, nread_out): what one read of the host's stdin gives, into the
     * first non-empty iovec (wasi-libc's reads give one), or nothing at the end of the input.
     */
    private <T> int fdRead(Store<T> store, Caller<T> caller, Val[] p) {
        if (p[0].i32() != 0) {
            return files.isFile(p[0].i32()) ? fileRead(store, caller, p) : EBADF;
        }
        return withMemory(store, caller, memory -> {
            int read = 0;
            if (stdin != null) {
                long count = Integer.toUnsignedLong(p[2].i32());
                ByteBuffer iovs = memory.window(p[1].i32(), 8 * count);
                for (int i = 0; i < count && read == 0; i++) {
                    int length = iovs.getInt(8 * i + 4);
                    if (length == 0) {
                        continue;
                    }
                    byte[] bytes = new byte[Math.min(length, 1 << 16)];
                    int n;
                    try {
                        n = stdin.read(bytes);
                    } catch (IOException e) {
                        return EIO;
                    }
                    if (n <= 0) {
                        break;
                    }
                    memory.window(iovs.getInt(8 * i), n).put(0, bytes, 0, n);
                    read = n;
                }
            }
            memory.window(p[3].i32(), 4).putInt(0, read);
            return ESUCCESS;
        });
    }

    /** clock_time_get(id, precision, time_out): nanoseconds as a u64. */
    private <T> int clockTime(Store<T> store, Caller<T> caller, Val[] p) {
        long nanos;
        switch (p[0].i32()) {
            case CLOCK_REALTIME -> {
                Instant now = Instant.now();
                nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }
            case CLOCK_MONOTONIC -> nanos = System.nanoTime();
            default -> {
                return EINVAL;
            }
        }
        long time = nanos;
        return withMemory(store, caller, memory -> {
            memory.window(p[2].i32(), 8).putLong(0, time);
            return ESUCCESS;
        });
    }

    /** clock_res_get(id, resolution_out). */
    private <T> int clockResolution(Store<T> store, Caller<T> caller, Val[] p) {
        int id = p[0].i32();
        if (id != CLOCK_REALTIME && id != CLOCK_MONOTONIC) {
            return EINVAL;
        }
        return withMemory(store, caller, memory -> {
            memory.window(p[1].i32(), 8).putLong(0, id == CLOCK_REALTIME ? 1_000L : 1L);
            return ESUCCESS;
        });
    }

    // ---- granted directories and their files (GuestFiles) ----

    /** fd_prestat_get(fd, prestat_out): a granted directory's name length. */
    private <T> int prestat(Store<T> store, Caller<T> caller, Val[] p) {
        byte[] name = files.directoryName(p[0].i32());
        if (name == null) {
            return EBADF;
        }
        return withMemory(store, caller, memory -> {
            ByteBuffer out = memory.window(p[1].i32(), 8);
            out.put(0, (byte) 0);
            out.putInt(4, name.length);
            return ESUCCESS;
        });
    }

    /** fd_prestat_dir_name(fd, path, path_len). */
    private <T> int prestatName(Store<T> store, Caller<T> caller, Val[] p) {
        byte[] name = files.directoryName(p[0].i32());
        if (name == null) {
            return EBADF;
        }
        int length = Math.min(name.length, p[2].i32());
        return withMemory(store, caller, memory -> {
            memory.window(p[1].i32(), length).put(0, name, 0, length);
            return ESUCCESS;
        });
    }

    /** The UTF-8 path at (address, length) in guest memory. */
    private static String path(GuestMemoryAccess memory, int address, int length) {
        byte[] bytes = new byte[length];
        memory.window(address, length).get(0, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * path_open(dirfd, dirflags, path, path_len, oflags, rights_base, rights_inheriting, fdflags,
     * fd_out).
     */
    private <T> int pathOpen(Store<T> store, Caller<T> caller, Val[] p) {
        return withMemory(store, caller, memory -> {
            int[] fd = new int[1];
            int errno = files.open(p[0].i32(), path(memory, p[2].i32(), p[3].i32()), p[4].i32(),
                    p[5].i64(), p[7].i32(), fd);
            if (errno == ESUCCESS) {
                memory.window(p[8].i32(), 4).putInt(0, fd[0]);
            }
            return errno;
        });
    }

    /** path_filestat_get(dirfd, flags, path, path_len, filestat_out): a 64-byte filestat. */
    private <T> int pathStat(Store<T> store, Caller<T> caller, Val[] p) {
        return withMemory(store, caller, memory -> {
            long[] stat = new long[2];
            int errno = files.stat(p[0].i32(), path(memory, p[2].i32(), p[3].i32()), stat);
            if (errno == ESUCCESS) {
                ByteBuffer out = memory.window(p[4].i32(), 64);
                for (int i = 0; i < 64; i += 8) {
                    out.putLong(i, 0L);
                }
                out.put(16, (byte) stat[0]);
                out.putLong(24, 1L);
                out.putLong(32, stat[1]);
            }
            return errno;
        });
    }

    /** path_unlink_file(dirfd, path, path_len). */
    private <T> int pathUnlink(Store<T> store, Caller<T> caller, Val[] p) {
        return withMemory(store, caller, memory -> files.unlink(p[0].i32(), path(memory, p[1].i32(), p[2].i32())));
    }

    /** fd_fdstat_get of a granted directory or an open file: its type and every right. */
    private <T> int fileFdstat(Store<T> store, Caller<T> caller, Val[] p) {
        int fd = p[0].i32();
        return withMemory(store, caller, memory -> {
            ByteBuffer out = memory.window(p[1].i32(), 24);
            out.put(0, files.isDirectory(fd) ? GuestFiles.FILETYPE_DIRECTORY : GuestFiles.FILETYPE_REGULAR_FILE);
            out.put(1, (byte) 0);
            out.putShort(2, (short) 0);
            out.putInt(4, 0);
            out.putLong(8, -1L);
            out.putLong(16, -1L);
            return ESUCCESS;
        });
    }

    /** fd_read of an open file: into the iovecs in turn. */
    private <T> int fileRead(Store<T> store, Caller<T> caller, Val[] p) {
        return withMemory(store, caller, memory -> {
            long count = Integer.toUnsignedLong(p[2].i32());
            ByteBuffer iovs = memory.window(p[1].i32(), 8 * count);
            int total = 0;
            for (int i = 0; i < count; i++) {
                int length = iovs.getInt(8 * i + 4);
                ByteBuffer into = memory.window(iovs.getInt(8 * i), Integer.toUnsignedLong(length));
                int[] n = new int[1];
                int errno = files.read(p[0].i32(), into, n);
                if (errno != ESUCCESS) {
                    return errno;
                }
                total += n[0];
                if (n[0] < length) {
                    break;
                }
            }
            memory.window(p[3].i32(), 4).putInt(0, total);
            return ESUCCESS;
        });
    }

    private static byte[] cString(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }

    /** args_sizes_get / environ_sizes_get(count_out, size_out). */
    private <T> int sizes(Store<T> store, Caller<T> caller, Val[] p, List<byte[]> strings) {
        int bytes = strings.stream().mapToInt(b -> b.length).sum();
        return withMemory(store, caller, memory -> {
            memory.window(p[0].i32(), 4).putInt(0, strings.size());
            memory.window(p[1].i32(), 4).putInt(0, bytes);
            return ESUCCESS;
        });
    }

    /** args_get / environ_get(pointers_out, buffer_out): the strings and a pointer to each. */
    private <T> int strings(Store<T> store, Caller<T> caller, Val[] p, List<byte[]> strings) {
        return withMemory(store, caller, memory -> {
            int pointers = p[0].i32();
            int at = p[1].i32();
            for (int i = 0; i < strings.size(); i++) {
                byte[] text = strings.get(i);
                memory.window(pointers + 4 * i, 4).putInt(0, at);
                memory.window(at, text.length).put(0, text);
                at += text.length;
            }
            return ESUCCESS;
        });
    }

    /** The calling instance's memory, reached through {@link #windows}. */
    private interface GuestMemoryAccess {
        /** A window at a guest pointer (unsigned) of {@code length} bytes. */
        ByteBuffer window(int address, long length);
    }

    private interface MemoryAction {
        int apply(GuestMemoryAccess memory);
    }

    private <T> int withMemory(Store<T> store, Caller<T> caller, MemoryAction action) {
        Extern export = caller.getExport("memory").orElse(null);
        if (export == null || export.type() != Extern.Type.MEMORY) {
            throw new IllegalStateException("the guest calls WASI but exports no memory named \"memory\"");
        }
        Memory memory = export.memory();
        try {
            return action.apply((address, length) ->
                    windows.window(store, memory, Integer.toUnsignedLong(address), length));
        } finally {
            memory.dispose();
        }
    }
}
