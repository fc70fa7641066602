package dev.wasmjit.script;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleScriptContext;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine as javax.script tools find and use it: through ScriptEngineManager. */
class ScriptEngineTest {

    private final ScriptEngine engine = new ScriptEngineManager().getEngineByName("scheme");

    @AfterEach
    void close() {
        ((SchemeScriptEngine) engine).close();
    }

    @Test
    void theManagerFindsTheEngineByEachNameAndTheExtension() {
        ScriptEngineManager manager = new ScriptEngineManager();
        assertThat(engine).isInstanceOf(SchemeScriptEngine.class);
        assertThat(manager.getEngineByName("wasmjit")).isInstanceOf(SchemeScriptEngine.class);
        assertThat(manager.getEngineByExtension("scm")).isInstanceOf(SchemeScriptEngine.class);
        assertThat(engine.getFactory().getLanguageName()).isEqualTo("Scheme");
    }

    @Test
    void evalOfAStringAndOfAReaderGivesJavaValues() throws ScriptException {
        assertThat(engine.eval("(define (sq x) (* x x)) (sq 12)")).isEqualTo(144);
        assertThat(engine.eval(new StringReader("(list (sq 2) \"three\" #t)"))).isEqualTo(List.of(4, "three", true));
        assertThat(engine.eval("(define unused 1)")).isNull();
    }

    @Test
    void bindingsAreGlobalDefinitionsBothWays() throws ScriptException {
        engine.put("limit", 10);
        engine.put("names", List.of("a", "b"));

        assertThat(engine.eval("(set! limit (+ limit (length names))) limit")).isEqualTo(12);
        assertThat(engine.get("limit")).as("set! is read back").isEqualTo(12);
        engine.eval("(define made-in-scheme \"yes\")");
        assertThat(engine.get("made-in-scheme")).isEqualTo("yes");
        assertThat(engine.get("never-defined")).isNull();
    }

    @Test
    void aJavaObjectBoundOrPassedIsAHandleThatComesBackAsItself() throws Exception {
        Object account = new Object();
        engine.put("account", account);

        assertThat(engine.eval("(define accounts (list account account)) (eq? (car accounts) (cadr accounts))"))
                .isEqualTo(true);
        assertThat(engine.eval("(car accounts)")).isSameAs(account);
        assertThat(engine.get("account")).isSameAs(account);
        assertThat(((Invocable) engine).invokeFunction("list", account)).isEqualTo(List.of(account));
    }

    @Test
    void invokeFunctionAndAnInterfaceCallSchemeProcedures() throws Exception {
        engine.eval("(define (add a b) (+ a b))");

        assertThat(((Invocable) engine).invokeFunction("add", 40, 2)).isEqualTo(42);
        Adder adder = ((Invocable) engine).getInterface(Adder.class);
        assertThat(adder.add(1, 2)).isEqualTo(3);
    }

    /** Implemented by the Scheme procedure {@code add}. */
    public interface Adder {
        int add(int a, int b);
    }

    @Test
    void aCompiledScriptIsParsedOnceAndRunsAgainCompiled() throws ScriptException {
        engine.eval("(define (fib n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2)))))");
        CompiledScript script = ((Compilable) engine).compile("(fib 20)");

        assertThat(script.eval()).isEqualTo(6765);
        var scheme = ((SchemeScriptEngine) engine).interpreter();
        scheme.jit().ifPresent(scheme::link);
        assertThat(scheme.compiledFunctionCount().asOptionalInt()).hasValue(1);
        assertThat(script.eval()).isEqualTo(6765);
    }

    @Test
    void displayGoesToTheContextsWriterAndNothingElseIsPrinted() throws ScriptException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ScriptContext context = new SimpleScriptContext();
        context.setWriter(out);
        context.setErrorWriter(err);

        engine.eval("(display \"hello\") (newline) 42", context);
        assertThatThrownBy(() -> engine.eval("(car 1)", context)).isInstanceOf(ScriptException.class);

        assertThat(out).hasToString("hello\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFailureIsAScriptExceptionWithTheGuestsMessageAndTheEngineWorksOn() throws ScriptException {
        assertThatThrownBy(() -> engine.eval("(car '())"))
                .isInstanceOf(ScriptException.class).hasMessageContaining("wrong type: car");
        assertThatThrownBy(() -> ((Invocable) engine).invokeFunction("nowhere"))
                .isInstanceOf(ScriptException.class).hasMessageContaining("unbound variable: nowhere");
        assertThat(engine.eval("(+ 1 2)")).isEqualTo(3);
    }

    @Test
    void engineScopeBindingsOfAnotherContextAreDefinedForThatEvaluation() throws ScriptException {
        Bindings bindings = engine.createBindings();
        bindings.put("x", 5);

        assertThat(engine.eval("(* x 2)", bindings)).isEqualTo(10);
    }
}
