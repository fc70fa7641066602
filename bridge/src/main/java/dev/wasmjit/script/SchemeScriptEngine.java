package dev.wasmjit.script;

import dev.wasmjit.bridge.GuestError;
import dev.wasmjit.bridge.GuestException;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.SchemeValue;

import javax.script.AbstractScriptEngine;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A javax.script engine over one {@link SchemeInterpreter}, made by
 * {@link SchemeScriptEngineFactory}. What a caller may rely on:
 * <ul>
 *   <li>{@code eval} of a {@link String} or a {@link Reader} evaluates every top-level form and
 *       returns the last value as a Java value: {@link Integer}, {@link Boolean},
 *       {@link String}, {@link java.util.List} for a list, {@code Object[]} for a vector,
 *       {@code null} for the unspecified value, the Java object itself for a host object (any
 *       bound or passed Java object that is not data is one), and a {@link SchemeValue} for
 *       anything else.
 *       Definitions persist from one {@code eval} to the next.</li>
 *   <li>Bindings are global definitions, both ways: before each evaluation every entry of the
 *       engine and global scopes whose key is a Scheme name is defined as a global with its
 *       value (converted as {@link SchemeInterpreter#call} converts arguments); after it, every
 *       such entry of the engine scope is read back, so a {@code set!} shows; and {@link #get}
 *       of a name the bindings lack reads the Scheme global ({@code null} when it is unbound).</li>
 *   <li>{@link Invocable#invokeFunction} calls a global procedure; {@link #getInterface} makes
 *       an interface whose methods call the procedures of their names.</li>
 *   <li>{@link Compilable#compile} parses once; each {@link CompiledScript#eval} evaluates the
 *       parsed program again, compiled code included once a JIT round has linked it
 *       ({@link #interpreter()}).</li>
 *   <li>What a program displays goes to the context's writer; the interpreter prints nothing of
 *       its own. A failure is a {@link ScriptException} with the guest's message and the
 *       {@link GuestException} as its cause.</li>
 * </ul>
 * An engine serves one thread at a time. {@link #close()} frees the interpreter; an engine
 * dropped without it is freed once unreachable.
 */
public final class SchemeScriptEngine extends AbstractScriptEngine implements Invocable, Compilable, AutoCloseable {

    private final ScriptEngineFactory factory;
    private final SchemeInterpreter scheme;
    /** What each bound name was last defined as, so that an unchanged binding is not defined again. */
    private final Map<String, Object> defined = new HashMap<>();
    private volatile ScriptContext current = context;

    SchemeScriptEngine(ScriptEngineFactory factory) {
        this.factory = factory;
        this.scheme = SchemeInterpreter.builder()
                .stdout(new WriterStream(() -> current.getWriter()))
                .stderr(new WriterStream(() -> current.getErrorWriter()))
                .build();
    }

    /**
     * The interpreter underneath, for JIT rounds ({@code jit()}, {@code link}) and the rest of
     * its API.
     *
     * @return the engine's interpreter
     */
    public SchemeInterpreter interpreter() {
        return scheme;
    }

    @Override
    public Object eval(String script, ScriptContext context) throws ScriptException {
        Objects.requireNonNull(script, "script");
        return run(context, () -> scheme.eval(script));
    }

    @Override
    public Object eval(Reader reader, ScriptContext context) throws ScriptException {
        return eval(read(reader), context);
    }

    @Override
    public Bindings createBindings() {
        return new SimpleBindings();
    }

    @Override
    public ScriptEngineFactory getFactory() {
        return factory;
    }

    /**
     * The engine-scope binding of {@code key}, or else the Scheme global of that name as a Java
     * value ({@code null} when it is unbound or the name is not a Scheme name).
     */
    @Override
    public Object get(String key) {
        Bindings engine = getBindings(ScriptContext.ENGINE_SCOPE);
        if (engine.containsKey(key)) {
            return engine.get(key);
        }
        return global(key);
    }

    @Override
    public Object invokeFunction(String name, Object... arguments) throws ScriptException {
        Objects.requireNonNull(name, "name");
        return run(context, () -> scheme.call(name, arguments));
    }

    /**
     * Scheme has no objects with methods.
     *
     * @throws NoSuchMethodException always
     */
    @Override
    public Object invokeMethod(Object target, String name, Object... arguments) throws NoSuchMethodException {
        throw new NoSuchMethodException("Scheme values have no methods: call the procedure " + name
                + " with invokeFunction, the object as its first argument");
    }

    @Override
    public <T> T getInterface(Class<T> type) {
        if (type == null || !type.isInterface()) {
            throw new IllegalArgumentException("not an interface: " + type);
        }
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Scheme procedures as " + type.getName();
                };
            }
            return invokeFunction(method.getName(), arguments == null ? new Object[0] : arguments);
        }));
    }

    /**
     * Scheme has no objects with methods.
     *
     * @throws IllegalArgumentException always
     */
    @Override
    public <T> T getInterface(Object target, Class<T> type) {
        throw new IllegalArgumentException("Scheme values have no methods: use getInterface(" + type + ")");
    }

    @Override
    public CompiledScript compile(String script) throws ScriptException {
        Objects.requireNonNull(script, "script");
        Expression program = (Expression) run(context, () -> scheme.parse(script), Function.identity());
        return new CompiledScript() {
            @Override
            public Object eval(ScriptContext context) throws ScriptException {
                return run(context, () -> scheme.eval(program));
            }

            @Override
            public ScriptEngine getEngine() {
                return SchemeScriptEngine.this;
            }
        };
    }

    @Override
    public CompiledScript compile(Reader reader) throws ScriptException {
        return compile(read(reader));
    }

    /** Frees the interpreter; the engine cannot be used afterwards. */
    @Override
    public void close() {
        scheme.close();
    }

    private interface GuestCall<T> {
        T call();
    }

    private Object run(ScriptContext context, GuestCall<SchemeValue> call) throws ScriptException {
        return run(context, call, JavaValues::of);
    }

    /** Runs a guest call with the context's bindings defined before and read back after. */
    private <T> Object run(ScriptContext context, GuestCall<T> call, Function<T, Object> toJava) throws ScriptException {
        Objects.requireNonNull(context, "context");
        current = context;
        try {
            defineBindings(context.getBindings(ScriptContext.GLOBAL_SCOPE));
            Bindings engine = context.getBindings(ScriptContext.ENGINE_SCOPE);
            defineBindings(engine);
            Object result = toJava.apply(call.call());
            readBack(engine);
            return result;
        } catch (GuestException | IllegalArgumentException e) {
            ScriptException failure = new ScriptException(e.getMessage());
            failure.initCause(e);
            throw failure;
        } finally {
            current = this.context;
            flush(context);
        }
    }

    private void defineBindings(Bindings bindings) {
        if (bindings == null) {
            return;
        }
        for (Map.Entry<String, Object> entry : bindings.entrySet()) {
            String name = entry.getKey();
            if (isSchemeName(name) && !(defined.containsKey(name) && Objects.equals(defined.get(name), entry.getValue()))) {
                scheme.define(name, entry.getValue());
                defined.put(name, entry.getValue());
            }
        }
    }

    private void readBack(Bindings engine) {
        for (Map.Entry<String, Object> entry : engine.entrySet()) {
            if (isSchemeName(entry.getKey())) {
                Object value = global(entry.getKey());
                entry.setValue(value);
                defined.put(entry.getKey(), value);
            }
        }
    }

    /** The global's value as a Java value, or null when it is unbound. */
    private Object global(String name) {
        if (!isSchemeName(name)) {
            return null;
        }
        try {
            return JavaValues.of(scheme.eval(name));
        } catch (GuestError e) {
            if (e.getMessage().startsWith("unbound variable")) {
                return null;
            }
            throw e;
        }
    }

    /** javax.script puts its own keys (javax.script.filename, ...) in bindings: not Scheme names. */
    private static boolean isSchemeName(String key) {
        return key != null && !key.isEmpty() && !key.startsWith("javax.script.") && key.chars().noneMatch(c ->
                Character.isWhitespace(c) || "()\";'`,|[]{}".indexOf(c) >= 0) && !key.startsWith("#")
                && !key.matches("[+-]?\\d+");
    }

    private static void flush(ScriptContext context) {
        try {
            context.getWriter().flush();
            context.getErrorWriter().flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Reader reader) throws ScriptException {
        Objects.requireNonNull(reader, "reader");
        try {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[8192];
            for (int n; (n = reader.read(buffer)) >= 0; ) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (IOException e) {
            ScriptException failure = new ScriptException("could not read the script: " + e.getMessage());
            failure.initCause(e);
            throw failure;
        }
    }
}
