package dev.wasmjit.harness;

import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A page session keeps its most recent programs parsed, and gives back the one its cache drops. */
class SessionCacheTest {

    @Test
    void theProgramTheCacheDropsIsReleasedAndTheRestStay() {
        SessionPool.Session session = new SessionPool.Session("id", "client",
                out -> SchemeInterpreter.builder().stdout(out).build(), 1 << 16);
        try {
            List<Expression> parsed = new ArrayList<>();
            for (int i = 0; i < 33; i++) {
                String source = "(+ 1 " + i + ")";
                Expression expression = session.scheme.parse(source);
                parsed.add(expression);
                session.parsed.put(source, new SessionPool.Parsed(expression));
            }
            assertThat(parsed.get(0).isReleased()).as("the oldest, dropped").isTrue();
            assertThat(parsed.subList(1, 33)).noneMatch(Expression::isReleased);
            assertThat(session.scheme.eval(parsed.get(32)).asInteger()).isEqualTo(33);
        } finally {
            session.scheme.close();
        }
    }
}
