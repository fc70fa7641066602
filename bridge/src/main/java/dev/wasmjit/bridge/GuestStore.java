package dev.wasmjit.bridge;

import io.github.kawamuray.wasmtime.Store;

import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An instance's wasmtime store, confined: everything that touches it runs through
 * {@link #run} on the instance's own {@link GuestThread}, for one calling thread at a time.
 * A second thread is refused while one is inside, not queued. The store and the native
 * handles made in it ({@link InstanceResources}) are freed by {@link #close} or, once this
 * object is unreachable, by a {@link Cleaner}; every handle of the instance refers to it, so
 * that happens only when none is left.
 */
final class GuestStore {

    /** Frees unreachable stores; its one daemon thread is made on first use. */
    private static final class Cleaning {
        static final Cleaner CLEANER = Cleaner.create(task -> {
            Thread thread = new Thread(task, "wasmjit-cleaner");
            thread.setDaemon(true);
            return thread;
        });
    }

    private final GuestThread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final InstanceResources resources;
    private final EpochDeadline epochDeadline;
    private final Cleaner.Cleanable cleanable;
    private final Store<Void> store;
    private volatile boolean closed;
    private volatile Thread owner;

    /**
     * A new store on its own guest thread.
     *
     * @param engine        the engine the store belongs to
     * @param epochDeadline the deadline of the store's calls, which {@link #close} uses to stop one
     * @param owned         what to close after the store is freed
     */
    GuestStore(WasmEngine engine, EpochDeadline epochDeadline, List<AutoCloseable> owned) {
        this.thread = new GuestThread("wasmjit-guest", engine.settings().guestThreadStackBytes());
        this.epochDeadline = epochDeadline;
        this.resources = new InstanceResources(thread, owned);
        this.cleanable = Cleaning.CLEANER.register(this, resources);
        try {
            this.store = thread.run(() -> new Store<Void>(null, engine.wasmtime()));
        } catch (RuntimeException | Error e) {
            cleanable.clean();
            throw e;
        }
        resources.store = store;
    }

    /** The native store; use it only inside {@link #run}. */
    Store<Void> wasmtime() {
        return store;
    }

    /** The native handles to free with the store; filled inside {@link #run}. */
    InstanceResources resources() {
        return resources;
    }

    /**
     * Runs {@code task} on the guest thread while holding the store for the calling thread.
     *
     * @throws IllegalStateException if another thread holds the store, or it is closed
     */
    <T> T run(Callable<T> task) {
        if (thread.isCurrent()) {
            // inside an exclusive block or a host function: the submitting thread holds the store
            ensureOpen();
            return thread.run(task);
        }
        if (!lock.tryLock()) {
            Thread busy = owner;
            throw new IllegalStateException("this instance is in use by thread \""
                    + (busy == null ? "?" : busy.getName())
                    + "\"; an instance serves one thread at a time (create one instance per thread)");
        }
        try {
            ensureOpen();
            owner = Thread.currentThread();
            return thread.run(task);
        } finally {
            owner = null;
            lock.unlock();
            releaseIfClosed();
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Frees the store, or arranges for it to be freed: see {@link ReactorInstance#close()} for
     * what a caller may rely on.
     */
    void close() {
        closed = true;
        resources.closed = true;
        if (thread.isCurrent()) {
            return; // freed by the thread that entered the store, when its call returns (run)
        }
        if (!lock.tryLock()) {
            if (!epochDeadline.canInterrupt()) {
                return; // the thread in the call frees the store when the call ends (run)
            }
            epochDeadline.interrupt();
            lock.lock(); // the interrupted call ends at its next epoch check
        }
        try {
            cleanable.clean();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the calling thread is this store's guest thread (inside a call or a host function). */
    boolean isGuestThread() {
        return thread.isCurrent();
    }

    boolean isClosed() {
        return closed;
    }

    void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this instance has been closed");
        }
    }

    /**
     * Frees the store if close() came while this thread was in a call (from another thread on
     * a shared engine, or from inside a host function), and no other thread has entered since;
     * one that has frees it on its own way out.
     */
    private void releaseIfClosed() {
        if (closed && lock.tryLock()) {
            try {
                cleanable.clean();
            } finally {
                lock.unlock();
            }
        }
    }
}
