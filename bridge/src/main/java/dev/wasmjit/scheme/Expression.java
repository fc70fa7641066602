package dev.wasmjit.scheme;

/**
 * A parsed program: a handle to the expression tree inside one interpreter's guest memory.
 * It can be evaluated any number of times, by the interpreter that parsed it only.
 */
public final class Expression {

    private final SchemeInterpreter owner;
    private final int address;
    private final String source;

    Expression(SchemeInterpreter owner, int address, String source) {
        this.owner = owner;
        this.address = address;
        this.source = source;
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
