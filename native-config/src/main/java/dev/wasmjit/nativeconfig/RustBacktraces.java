package dev.wasmjit.nativeconfig;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * Keeps wasmtime from capturing a native backtrace with every error it returns.
 *
 * <p>With {@code RUST_BACKTRACE=1} in the environment, as many developers' shells have, Rust's
 * error values capture a native stack trace when they are made, and every wasm trap makes one.
 * The unwinder walks every frame, wasm frames included, looking each one up among the unwind
 * tables of every compiled module: measured, a trap under 65,000 nested wasm calls took over
 * 10 s in a JVM that had compiled a few thousand modules, 85% of it in {@code _Unwind_Find_FDE},
 * and no deadline can stop it. wasmjit never shows those traces (a trap's wasm frames come
 * from wasmtime's own walk, which stays), so before the native library loads,
 * {@code RUST_LIB_BACKTRACE=0} turns that capture off. Panics still print their backtrace as
 * {@code RUST_BACKTRACE} asks. A {@code RUST_LIB_BACKTRACE} the user set is left as it is.
 */
final class RustBacktraces {

    static final String VARIABLE = "RUST_LIB_BACKTRACE";

    private RustBacktraces() {
    }

    /** Sets {@value #VARIABLE} to 0 in this process's environment unless it is set. */
    static void turnOffErrorCaptureUnlessAsked() {
        if (System.getenv(VARIABLE) != null) {
            return;
        }
        if (Platform.isWindows()) {
            Kernel32.INSTANCE.SetEnvironmentVariableA(VARIABLE, "0");
        } else {
            C.INSTANCE.setenv(VARIABLE, "0", 0);
        }
    }

    private interface C extends Library {
        C INSTANCE = Native.load(Platform.C_LIBRARY_NAME, C.class);

        int setenv(String name, String value, int overwrite);
    }

    private interface Kernel32 extends Library {
        Kernel32 INSTANCE = Native.load("kernel32", Kernel32.class);

        boolean SetEnvironmentVariableA(String name, String value);
    }
}
