package dev.wasmjit.bridge;

import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Global;
import io.github.kawamuray.wasmtime.Linker;
import io.github.kawamuray.wasmtime.Memory;
import io.github.kawamuray.wasmtime.Store;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link ReactorInstance} holds outside the Java heap: its store and the native handles
 * made in it, its guest thread, and what it owns (a module or engine made for it alone). It
 * refers to nothing that refers to the instance or its {@link GuestStore}, so it is the
 * store's {@link java.lang.ref.Cleaner} action: {@link #run()} frees it all once, called by
 * {@code close()} or, for an instance dropped without {@code close()}, after neither it nor
 * any of its handles is reachable.
 *
 * <p>The lists are filled on the guest thread, and {@link #run()} disposes them there.
 */
final class InstanceResources implements Runnable {

    final GuestThread thread;
    private final List<AutoCloseable> owned;
    /** Set by close(): host functions refuse to serve the guest from then on. */
    volatile boolean closed;

    Store<Void> store;
    Linker linker;
    Memory memory;
    Func tableProbe;
    final List<Func> exportFuncs = new ArrayList<>();
    final List<Global> globals = new ArrayList<>();
    final List<Func> hostFuncs = new ArrayList<>();

    InstanceResources(GuestThread thread, List<AutoCloseable> owned) {
        this.thread = thread;
        this.owned = List.copyOf(owned);
    }

    /** Frees everything; the instance's Cleanable calls it at most once. */
    @Override
    public void run() {
        closed = true;
        try {
            thread.run(() -> {
                exportFuncs.forEach(Func::dispose);
                globals.forEach(Global::dispose);
                if (tableProbe != null) {
                    tableProbe.dispose();
                }
                if (memory != null) {
                    memory.dispose();
                }
                if (linker != null) {
                    linker.dispose();
                }
                hostFuncs.forEach(Func::dispose);
                if (store != null) {
                    store.dispose();
                }
                return null;
            });
        } finally {
            thread.shutdown();
            for (AutoCloseable resource : owned) {
                try {
                    resource.close();
                } catch (Exception e) {
                    // freeing the rest matters more; a failing close of an owned module cannot be acted on here
                }
            }
        }
    }
}
