package dev.wasmjit.harness;

import dev.wasmjit.scheme.SchemeInterpreter;

import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The web server's visitors' sessions: each has an interpreter of its own, so that its
 * definitions persist and no visitor sees another's, and there are at most {@code capacity}
 * of them, at most {@code perClient} for one client address. A session unused for the idle
 * timeout is closed by a sweeper. When a new session is needed and the pool (or the client's
 * share) is full, the least recently used session that is not running a request is closed to
 * make room, so sessions that were made and left never lock anyone out; only when every
 * session is running is the answer {@link Busy}. A visitor whose session was closed gets a
 * new one and is told. No server thread ever waits for a session: a running session is
 * closed by the request that runs it, when it ends.
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
        /** The address of the client that made it, for the cap per client. */
        final String client;
        final SchemeInterpreter scheme;
        final LimitedOutput stdout;
        final ReentrantLock lock = new ReentrantLock();
        /** Programs parsed in this session by their text, most recent last, with the JIT round of their first run. */
        final Map<String, Parsed> parsed = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Parsed> eldest) {
                if (size() <= 32) {
                    return false;
                }
                eldest.getValue().expression.release();  // under the session's lock, as every put is
                return true;
            }
        };
        /** JIT rounds that linked code into this session's interpreter. */
        int jitRounds;
        volatile long lastUsed = System.nanoTime();
        volatile boolean closed;
        /** Taken out of the pool; closed by whoever holds or next takes its lock. */
        private volatile boolean retired;

        Session(String id, String client, Function<OutputStream, SchemeInterpreter> factory, int outputLimit) {
            this.id = id;
            this.client = client;
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

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int capacity;
    private final int perClient;
    private final Duration idleTimeout;
    private final Function<OutputStream, SchemeInterpreter> factory;
    private final int outputLimit;
    private final Map<String, Session> sessions = new LinkedHashMap<>();
    /** Places reserved per client by sessions being made: they count toward its cap. */
    private final Map<String, Integer> reserved = new java.util.HashMap<>();
    private final ScheduledExecutorService sweeper;
    private volatile boolean closed;

    SessionPool(int capacity, int perClient, Duration idleTimeout, int outputLimit,
                Function<OutputStream, SchemeInterpreter> factory) {
        this.capacity = capacity;
        this.perClient = perClient;
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
     * The visitor's session if it is still open.
     *
     * @param id the session id the visitor sent
     * @return the session, or empty if there is none by that id (never was, or was closed)
     */
    synchronized Optional<Session> existing(String id) {
        Session known = closed || id == null ? null : sessions.get(id);
        if (known == null) {
            return Optional.empty();
        }
        known.lastUsed = System.nanoTime();
        return Optional.of(known);
    }

    /**
     * The visitor's session, or a new one for this client when the id is null or no longer
     * known. To make room for a new one, the least recently used session not running a
     * request is closed: the client's own when it has {@code perClient} already, else any.
     *
     * @param id     the session id the visitor sent, or null
     * @param client the client's address
     * @throws Busy if a new session is needed and every session that could make room is running
     */
    Session session(String id, String client) {
        Optional<Session> known = existing(id);
        if (known.isPresent()) {
            return known.get();
        }
        List<Session> evicted = new ArrayList<>();
        String newId;
        synchronized (this) {
            if (closed) {
                throw new Busy("the server is shutting down");
            }
            long mine = sessions.values().stream().filter(s -> s != null && s.client.equals(client)).count()
                    + reserved.getOrDefault(client, 0);
            if (mine >= perClient) {
                evicted.add(evictLeastRecentlyUsed(client).orElseThrow(() -> new Busy("busy: all " + perClient
                        + " sessions of your address are running a request; try again when one has ended")));
            } else if (sessions.size() >= capacity) {
                evicted.add(evictLeastRecentlyUsed(null).orElseThrow(() -> new Busy("busy: all " + capacity
                        + " interpreters of this server are running a request; try again when one has ended")));
            }
            // reserve the place before the (slower) instantiation, outside the pool's lock
            newId = HexFormat.of().formatHex(randomBytes());
            sessions.put(newId, null);
            reserved.merge(client, 1, Integer::sum);
        }
        evicted.forEach(SessionPool::retire);
        Session session = null;
        boolean kept = false;
        try {
            session = new Session(newId, client, factory, outputLimit);
        } finally {
            synchronized (this) {
                unreserve(client);
                sessions.remove(newId);
                if (session != null && !closed) {
                    sessions.put(newId, session);
                    kept = true;
                }
            }
        }
        if (!kept) {
            session.scheme.close();
            throw new Busy("the server is shutting down");
        }
        return session;
    }

    private void unreserve(String client) {
        reserved.computeIfPresent(client, (c, n) -> n > 1 ? n - 1 : null);
    }

    /**
     * Takes out of the pool the least recently used session not running a request, of this
     * client or (null) of any; the caller retires it outside the pool's lock.
     */
    private Optional<Session> evictLeastRecentlyUsed(String client) {
        Optional<Session> victim = sessions.values().stream()
                .filter(s -> s != null && !s.lock.isLocked() && (client == null || s.client.equals(client)))
                .min(java.util.Comparator.comparingLong(s -> s.lastUsed));
        victim.ifPresent(s -> sessions.remove(s.id));
        return victim;
    }

    /** Ends a session now, or when the request running it ends (the page's "reset"). */
    void close(String id) {
        Session session;
        synchronized (this) {
            session = sessions.get(id);
            if (session == null) {
                return;
            }
            sessions.remove(id);
        }
        retire(session);
    }

    synchronized int size() {
        return sessions.size();
    }

    /** Whether a request is running in any session. */
    synchronized boolean anyRunning() {
        return sessions.values().stream().anyMatch(s -> s != null && s.lock.isLocked());
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
        idle.forEach(SessionPool::retire);
    }

    /**
     * Runs a request's work on its session, or returns false at once if the session is
     * running another request or has been closed: no thread ever waits for a session.
     */
    static boolean runIfFree(Session session, Runnable work) {
        if (!session.lock.tryLock()) {
            return false;
        }
        try {
            if (session.closed || session.retired) {
                return false;
            }
            work.run();
            return true;
        } finally {
            session.lastUsed = System.nanoTime();
            session.lock.unlock();
            // retired while it ran: whoever gets the lock now closes it (see retire)
            if (session.retired) {
                closeIfFree(session);
            }
        }
    }

    /**
     * Closes a session taken out of the pool: now if no request runs it, else when that
     * request ends. The flag is set before the lock is tried, and the request reads it after
     * unlocking, so one of the two closes it.
     */
    private static void retire(Session session) {
        session.retired = true;
        closeIfFree(session);
    }

    private static void closeIfFree(Session session) {
        if (session.lock.tryLock()) {
            closeHoldingLock(session);
        }
    }

    private static void closeWhenFree(Session session) {
        session.lock.lock(); // at shutdown: a request under way ends at its deadline at the latest
        closeHoldingLock(session);
    }

    /** Closes the session once, whoever gets here first; unlocks in any case. */
    private static void closeHoldingLock(Session session) {
        try {
            if (!session.closed) {
                session.closed = true;
                session.scheme.close();
            }
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
