package example;

import org.junit.jupiter.api.Test;

import javax.script.Compilable;
import javax.script.Invocable;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** javax.script finds the engine by name from the installed jar's service registration. */
class ScriptEngineByNameTest {

    @Test
    void theEngineFoundByNameEvaluatesCallsAndCompilesQuietly() throws Exception {
        String console = Console.writtenBy(() -> {
            ScriptEngine engine = new ScriptEngineManager().getEngineByName("scheme");
            assertThat(engine).as("the engine named scheme").isNotNull();

            engine.put("base", 40);
            assertThat(engine.eval("(define (add a b) (+ a b)) (add base 2)")).isEqualTo(42);
            assertThat(((Invocable) engine).invokeFunction("add", 1, 2)).isEqualTo(3);
            assertThat(((Compilable) engine).compile("(add base base)").eval()).isEqualTo(80);
            assertThatThrownBy(() -> engine.eval("(car 1)")).isInstanceOf(ScriptException.class);
            assertThat(new ScriptEngineManager().getEngineByName("wasmjit")).isNotNull();
        });
        assertThat(console).isEmpty();
    }
}
