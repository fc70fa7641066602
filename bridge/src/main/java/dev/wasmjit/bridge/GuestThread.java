package dev.wasmjit.bridge;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The one thread that touches an instance's store. It has a Java stack larger than the wasm
 * stack limit, so wasmtime's stack-overflow check fires before the real stack runs out (on a
 * default 1 MB thread, deep wasm recursion would crash the JVM instead of trapping). Because
 * the store is only ever used from here, it is never used from two threads at once.
 */
final class GuestThread {

    private final ExecutorService executor;
    private volatile Thread thread;

    GuestThread(String name, long stackBytes) {
        executor = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(null, task, name, stackBytes);
            t.setDaemon(true);
            thread = t;
            return t;
        });
    }

    boolean isCurrent() {
        return Thread.currentThread() == thread;
    }

    /** Runs the task on the guest thread, waits for it, and rethrows what it threw. */
    <T> T run(Callable<T> task) {
        if (isCurrent()) {
            return callInline(task);
        }
        Future<T> future = executor.submit(task);
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    // the guest call cannot be abandoned halfway; its deadline bounds the wait
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T> T callInline(Callable<T> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void shutdown() {
        executor.shutdown();
    }
}
