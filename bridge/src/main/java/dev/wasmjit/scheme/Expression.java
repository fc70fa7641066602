package dev.wasmjit.scheme;

/**
 * A parsed program: a handle to the expression tree inside one interpreter's guest memory.
 * It can be evaluated any number of times, by the interpreter that parsed it only, until it is
 * {@linkplain #release() released}.
 */
public final class Expression {

    private final SchemeInterpreter owner;
    private final GuestAbi abi;
    private final int address;
    private final String source;
    private volatile boolean released;

    Expression(SchemeInterpreter owner, GuestAbi abi, int address, String source) {
        this.owner = owner;
        this.abi = abi;
        this.address = address;
        this.source = source;
    }

    /**
     * Gives back the guest memory of a program that will not be evaluated again. The guest frees
     * it unless something the program made may still be in use: its procedures (a lambda,
     * {@code define} of a procedure, a named {@code let}), its quoted lists and vectors, or its
     * macros; such a program stays, as every parsed program did before. Either way the handle
     * cannot be evaluated afterwards ({@link IllegalStateException}). Idempotent; does nothing
     * once the interpreter is closed, or with a module that lacks the {@code releaseProgram}
     * extension. {@link SchemeInterpreter#eval(String)} releases each program it parses.
     *
     * @throws IllegalStateException if another thread is using the interpreter
     */
    public void release() {
        if (!released) {
            released = true;
            abi.release(this);
        }
    }

    /**
     * Whether {@link #release()} was called.
     *
     * @return true once released
     */
    public boolean isReleased() {
        return released;
    }

    /**
     * The expression's address in guest memory, as the guest's {@code parse} returned it.
     *
     * @return the guest address
     */
    public int address() {
        return address;
    }

    /**
     * The source text that was parsed.
     *
     * @return the source
     */
    public String source() {
        return source;
    }

    SchemeInterpreter owner() {
        return owner;
    }

    /** The address in hex, as the seed's harness prints it: {@code 0x11eb0}. */
    @Override
    public String toString() {
        return "0x" + Integer.toHexString(address);
    }
}
