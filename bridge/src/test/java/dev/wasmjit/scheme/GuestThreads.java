package dev.wasmjit.scheme;

import static org.assertj.core.api.Assertions.assertThat;

/** Counts the instances' guest threads, and waits, collecting garbage, for them to go. */
final class GuestThreads {

    private GuestThreads() {
    }

    static long count() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("wasmjit-guest")).count();
    }

    /** Collects garbage until at most {@code expected} guest threads are left, for 20 s at most. */
    static void awaitAtMost(long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (count() > expected && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(count()).as("guest threads left").isLessThanOrEqualTo(expected);
    }
}
