package dev.wasmjit.bridge;

import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.Val;
import io.github.kawamuray.wasmtime.WasmFunctionError;
import io.github.kawamuray.wasmtime.WasmtimeException;

import java.lang.ref.WeakReference;

/**
 * The import through which a guest survives its own errors: {@code env.catch_errors() -> i32}
 * calls back the guest's export {@code runCatching} and answers 0 when it returned, or 1 when
 * it ended in a guest error (the {@linkplain ReactorSettings#errorImport error import}), which
 * is then not an error of the call. Every other failure, a trap of the engine's, a timeout,
 * {@code proc_exit}, passes on and ends the call as it would anywhere.
 *
 * <p>The Scheme guest makes each {@code with-exception-handler} (and so each {@code guard})
 * through it, so that a runtime error becomes a condition its handlers take: a trap is the
 * only way out of the guest's C++ frames, and the nested call is where one stops. The guest
 * restores its own shadow-stack pointer after a 1. The nested call shares the outer call's
 * deadline, thread and output.
 */
public final class ErrorCatchingImport {

    /** {@code () -> i32}: 1 when the nested call ended in a guest error, else 0. */
    public static final String CATCH_ERRORS = "catch_errors";

    /** The export it calls back: {@code () -> ()}. */
    public static final String RUN_CATCHING = "runCatching";

    private ErrorCatchingImport() {
    }

    /**
     * The import's handler. It holds the linker weakly, as every host function holds its
     * instance (see {@link GuestLinker}), and finds the export at its first call, once the
     * module is instantiated.
     */
    static Func.Handler<Void> handler(GuestLinker linker, GuestStore store, CallFailure failure) {
        WeakReference<GuestLinker> linkerReference = new WeakReference<>(linker);
        WeakReference<GuestStore> storeReference = new WeakReference<>(store);
        Func[] runCatching = new Func[1];
        return (caller, params, results) -> {
            GuestLinker reachableLinker = linkerReference.get();
            GuestStore reachableStore = storeReference.get();
            if (reachableLinker == null || reachableStore == null) {
                throw new IllegalStateException("the instance is gone");
            }
            if (runCatching[0] == null) {
                runCatching[0] = reachableLinker.env(RUN_CATCHING)
                        .filter(e -> e.type() == io.github.kawamuray.wasmtime.Extern.Type.FUNC)
                        .orElseThrow(() -> new IllegalStateException("the module imports env." + CATCH_ERRORS
                                + " but exports no function " + RUN_CATCHING)).func();
                reachableStore.resources().hostFuncs.add(runCatching[0]);
            }
            try {
                runCatching[0].call(reachableStore.wasmtime());
                results[0] = Val.fromI32(0);
            } catch (WasmtimeException | WasmFunctionError e) {
                if (!failure.takeGuestError()) {
                    failure.record(new CallFailure.NestedCallFailed(e));
                    throw e;
                }
                results[0] = Val.fromI32(1);
            }
        };
    }
}
