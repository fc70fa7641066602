package dev.wasmjit.scheme;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestTrap;

import java.util.Objects;

/**
 * A Scheme interpreter's global variables seen from Java: programs evaluated from their text,
 * procedures called with Java values, globals defined with them. {@link SchemeInterpreter} is
 * the one kind; every call here is one of its evaluations, with its heap, deadline, output and
 * failures.
 */
public abstract class SchemeGlobals extends TieredInterpreter {

    /** The Java objects this interpreter's Scheme holds as handles. */
    final HostObjects hostObjects;

    SchemeGlobals(AutomaticTiering tiering, HostObjects hostObjects) {
        super(tiering);
        this.hostObjects = hostObjects;
    }

    /** Evaluates the host's own definitions, printing no result line whatever the settings. */
    abstract void evalQuietly(String source);

    /**
     * Parses a program.
     *
     * @param source the program text
     * @return a handle to the parsed expression
     * @throws GuestError if the program does not parse
     */
    public abstract Expression parse(String source);

    /**
     * Evaluates a parsed program.
     *
     * @param expression a handle from this interpreter's {@link #parse}
     * @return the result
     * @throws GuestError if the program fails
     */
    public abstract SchemeValue eval(Expression expression);

    /**
     * Parses a program and evaluates it with the default heap size and deadline: every
     * top-level form in order, as one program; its definitions persist for later
     * evaluations. The interpreter prints nothing of its own (unless built with
     * {@link SchemeInterpreter.Builder#resultLines(boolean) resultLines(true)}); what the program displays goes
     * to the builder's stdout.
     *
     * <p>Each call parses anew, and gives the parsed program back once it has run
     * ({@link Expression#release()}): only a program whose procedures, quoted data or macros may
     * still be in use stays in guest memory. To run the same text many times, parse it once and
     * {@link #eval(Expression)} the handle: its procedures, once compiled, stay compiled.
     *
     * @param source the program text
     * @return the value of the last form
     * @throws GuestError if the program does not parse or fails
     * @throws GuestTrap  if the guest traps or hits a limit, as {@link SchemeInterpreter#eval(Expression)}
     */
    public final SchemeValue eval(String source) {
        Expression program = parse(source);
        try {
            return eval(program);
        } finally {
            program.release();
        }
    }

    /**
     * Calls the procedure a global variable holds, with Java values as its arguments:
     * {@code scheme.call("fib", 20)}. Each argument goes to the guest as quoted data:
     * {@code int}, {@code long}, {@code short}, {@code byte} and {@link java.math.BigInteger}
     * as integers, {@code boolean} as {@code #t}/{@code #f}, {@link String} as a string,
     * {@link java.util.List} as a list and an array as a vector (their elements converted the
     * same way), a {@link SchemeValue} as itself, a {@link SchemeProcedure} as the procedure;
     * {@code double}, {@link Character} and {@code byte[]} as Scheme's reals, characters and
     * bytevectors. Any other object goes as an opaque handle ({@link SchemeValue#hostObject}):
     * Scheme can keep it, compare it with {@code eq?} and give it back, and it comes back as a
     * {@code SchemeValue} of kind {@code HOST_OBJECT} holding the same object. The interpreter
     * keeps each object passed this way as long as it lives.
     *
     * <p>Each call with arguments parses a small expression, and gives it back as
     * {@link #eval(String)} does: a hot loop belongs in Scheme.
     *
     * @param globalName the global variable, such as {@code fib}
     * @param arguments  the arguments
     * @return the procedure's result
     * @throws GuestError               if the global is unbound or not a procedure, an argument
     *                                  is of a kind the guest cannot read, or the call fails
     * @throws IllegalArgumentException if the name is not a symbol's name, or an argument is
     *                                  null (the guest is not called)
     */
    public final SchemeValue call(String globalName, Object... arguments) {
        Objects.requireNonNull(arguments, "arguments");
        for (Object argument : arguments) {
            if (argument instanceof SchemeProcedure p && p.owner() != this) {
                throw new IllegalArgumentException("the procedure " + p.globalName() + " belongs to another interpreter");
            }
        }
        String call = SchemeLiteral.call(checkedGlobalName(globalName), hostObjects, arguments);
        defineHostObjectsIfUsed();
        return eval(call);
    }

    /**
     * Defines a global variable with a Java value, converted as {@link #call}'s arguments are
     * (a {@link SchemeProcedure} makes the new name another name of that procedure).
     *
     * @param globalName the variable's name
     * @param value      its value
     * @throws GuestError               if the guest cannot read the value (see {@link #call})
     * @throws IllegalArgumentException if the name is not a symbol's name, or the value is null
     */
    public final void define(String globalName, Object value) {
        if (value instanceof SchemeProcedure p && p.owner() != this) {
            throw new IllegalArgumentException("the procedure " + p.globalName() + " belongs to another interpreter");
        }
        String definition = SchemeLiteral.definition(checkedGlobalName(globalName), value, hostObjects);
        defineHostObjectsIfUsed();
        eval(definition);
    }

    /** Defines the guest's side of host objects once the text about to go in names one. */
    private void defineHostObjectsIfUsed() {
        if (hostObjects.needsDefinitions()) {
            evalQuietly(HostObjects.DEFINITIONS);
            hostObjects.markDefined();
        }
    }

    /**
     * The procedure a global variable holds, to call from Java or pass to Scheme. The variable
     * is looked up at each call, so it need not be defined yet.
     *
     * @param globalName the global variable, such as {@code fib}
     * @return the procedure
     * @throws IllegalArgumentException if the name is not a symbol's name
     */
    public final SchemeProcedure procedure(String globalName) {
        return new SchemeProcedure(this, checkedGlobalName(globalName));
    }

    private static String checkedGlobalName(String name) {
        Objects.requireNonNull(name, "globalName");
        if (!ExternalRepresentation.isSymbolName(name)) {
            throw new IllegalArgumentException("not the name of a global variable: \"" + name + "\"");
        }
        return name;
    }

}
