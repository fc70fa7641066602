package dev.wasmjit.nativeconfig;

/**
 * The wasmtime JNI library could not be found, extracted or loaded. The message names the
 * platform, the path tried and what to do about it.
 */
public class NativeLibraryException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param message what failed, where, and what to do
     */
    public NativeLibraryException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, where, and what to do
     * @param cause   the underlying failure
     */
    public NativeLibraryException(String message, Throwable cause) {
        super(message, cause);
    }
}
