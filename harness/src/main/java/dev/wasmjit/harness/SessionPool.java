package dev.wasmjit.harness;

import dev.wasmjit.scheme.SchemeInterpreter;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The web server's visitors' sessions: each has an interpreter of its own, so that its
 * definitions persist and no visitor sees another's, and there are at most {@code capacity}
 * of them. A session unused for the idle timeout is closed (by a sweeper, and at once when a
 * new visitor finds the pool full); a visitor who comes back after that gets a new one.
 */
final class SessionPool implements AutoCloseable {

    /** Every interpreter is in use by a live session: the server answers 503. */
    static final class Busy extends RuntimeException {
        Busy(String message) {
            super(message, null, false, false);
        }
    }

    /** One visitor's interpreter, its captured output, and the lock that serialises its requests. */
    static final class Session {
        final String id;
        final SchemeInterpreter scheme;
        final LimitedOutput stdout;
        final ReentrantLock lock = new ReentrantLock();
        /** Programs parsed in this session by their text, most recent last, with the JIT round of their first run. */
        final Map<String, Parsed> parsed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
                return size() > 32;
            }
        };
        /** JIT rounds that linked code into this session's interpreter. */
        int jitRounds;
        volatile long lastUsed = System.nanoTime();
        volatile boolean closed;

        Session(String id, Function<OutputStream, SchemeInterpreter> factory, int outputLimit) {
            this.id = id;
            this.stdout = new LimitedOutput(outputLimit);
            this.scheme = factory.apply(stdout);
        }
    }

    /**
     * A program this session parsed. Evaluating the same text again evaluates the same
     * expression, whose functions a JIT round compiled: a new parse would make new functions,
     * interpreted until the next round (as in the seed's page, which parses once).
     */
    static final class Parsed {
        final dev.wasmjit.scheme.Expression expression;
        int firstRunRound = -1;

        Parsed(dev.wasmjit.scheme.Expression expression) {
            this.expression = expression;
        }
    }

    /** The guest's stdout of one request, kept up to a limit (a program may print without end until its deadline). */
    static final class LimitedOutput extends OutputStream {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private boolean truncated;

        LimitedOutput(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = limit - bytes.size();
            if (len > room) {
                truncated = true;
            }
            bytes.write(b, off, Math.max(0, Math.min(len, room)));
        }

        /** The text written since the last call, and forgets it. */
        synchronized String take() {
            String text = bytes.toString(StandardCharsets.UTF_8) + (truncated ? "\n[output cut at " + limit + " bytes]\n" : "");
            bytes.reset();
            truncated = false;
            return text;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int capacity;
    private final Duration idleTimeout;
    private final Function<OutputStream, SchemeInterpreter> factory;
    private final int outputLimit;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    private final ScheduledExecutorService sweeper;
    private boolean closed;

    SessionPool(int capacity, Duration idleTimeout, int outputLimit, Function<OutputStream, SchemeInterpreter> factory) {
        this.capacity = capacity;
        this.idleTimeout = idleTimeout;
        this.factory = factory;
        this.outputLimit = outputLimit;
        this.sweeper = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "wasmjit-serve-session-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(100, idleTimeout.toMillis() / 4);
        sweeper.scheduleWithFixedDelay(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    int capacity() {
        return capacity;
    }

    /**
     * The visitor's session, or a new one when the id is null or no longer known.
     *
     * @throws Busy if a new session is needed and every interpreter belongs to a live session
     */
    Session session(String id) {
        synchronized (this) {
            if (closed) {
                throw new Busy("the server is shutting down");
            }
            Session known = id == null ? null : sessions.get(id);
            if (known != null) {
                known.lastUsed = System.nanoTime();
                return known;
            }
            if (sessions.size() >= capacity) {
                closeIdle();
            }
            if (sessions.size() >= capacity) {
                throw new Busy("busy: all " + capacity + " interpreters of this server are in use by other sessions; "
                        + "try again when one has been idle for " + DurationConverter.format(idleTimeout));
            }
            // reserve the place before the (slower) instantiation, outside the pool's lock
            String newId = HexFormat.of().formatHex(randomBytes());
            sessions.put(newId, null);
            id = newId;
        }
        try {
            Session session = new Session(id, factory, outputLimit);
            synchronized (this) {
                sessions.put(id, session);
            }
            return session;
        } catch (RuntimeException | Error e) {
            synchronized (this) {
                sessions.remove(id);
            }
            throw e;
        }
    }

    /** Ends a session now (the page's "reset"). */
    void close(String id) {
        Session session;
        synchronized (this) {
            session = sessions.get(id);
            if (session == null) {
                return;
            }
            sessions.remove(id);
        }
        closeWhenFree(session);
    }

    synchronized int size() {
        return sessions.size();
    }

    /** Closes the sessions idle for longer than the timeout that no request is using. */
    void closeIdle() {
        List<Session> idle = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            sessions.values().removeIf(s -> {
                if (s != null && now - s.lastUsed > idleTimeout.toNanos() && !s.lock.isLocked()) {
                    idle.add(s);
                    return true;
                }
                return false;
            });
        }
        idle.forEach(SessionPool::closeWhenFree);
    }

    private static void closeWhenFree(Session session) {
        session.lock.lock(); // a request under way ends at its deadline at the latest
        try {
            session.closed = true;
            session.scheme.close();
        } finally {
            session.lock.unlock();
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    @Override
    public void close() {
        List<Session> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(sessions.values());
            sessions.clear();
        }
        sweeper.shutdownNow();
        all.stream().filter(s -> s != null).forEach(SessionPool::closeWhenFree);
    }
}
