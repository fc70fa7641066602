package dev.wasmjit.scheme;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Java objects that are not data go into Scheme as opaque handles, and come back as themselves. */
class HostObjectTest {

    @Test
    void anObjectPassedToSchemeComesBackAsTheSameObject() {
        Thread thread = new Thread(() -> { });
        try (TestInterpreter t = TestInterpreter.start()) {
            SchemeValue back = t.scheme.call("list", thread, 1);
            assertThat(back.asList().get(0).asHostObject()).isSameAs(thread);
            assertThat(back.asList().get(0).asHostObject(Thread.class)).isSameAs(thread);
            assertThat(back.asList().get(1).asInteger()).isEqualTo(1);
            assertThatThrownBy(() -> back.asList().get(0).asHostObject(String.class))
                    .isInstanceOf(ClassCastException.class).hasMessageContaining("java.lang.Thread");
        }
    }

    @Test
    void schemeKeepsAHandleAcrossEvaluationsAndTheSameObjectIsTheSameHandle() {
        Object account = new Object();
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.define("account", account);
            t.scheme.eval("(define kept (list account (vector account)))");
            assertThat(t.scheme.call("eq?", account, account).asBoolean()).as("eq? to itself").isTrue();
            assertThat(t.scheme.call("eq?", account, new Object()).asBoolean()).isFalse();
            assertThat(t.scheme.call("memq", account, t.scheme.eval("kept")).asList()).hasSize(2);
            assertThat(t.scheme.eval("(vector-ref (cadr kept) 0)").asHostObject()).isSameAs(account);
            assertThat(t.scheme.eval("(wasmjit:host-object? account)").asBoolean()).isTrue();
            assertThat(t.scheme.eval("account")).isEqualTo(SchemeValue.hostObject(account));
        }
    }

    @Test
    void handlesInsideListsArraysAndValuesGoInAsHandles() {
        AtomicInteger counter = new AtomicInteger();
        try (TestInterpreter t = TestInterpreter.start()) {
            SchemeValue list = t.scheme.call("list", List.of("a", counter), new Object[] {counter, 2});
            assertThat(list).hasToString("((\"a\" #<host-object " + AtomicInteger.class.getName() + ">) #(#<host-object "
                    + AtomicInteger.class.getName() + "> 2))");
            SchemeValue passedBack = t.scheme.call("car", list);
            assertThat(passedBack.asList().get(1).asHostObject()).isSameAs(counter);
            assertThat(t.scheme.call("cdr", SchemeValue.cons(SchemeValue.integer(1), SchemeValue.hostObject(counter)))
                    .asHostObject()).as("the tail of a dotted pair").isSameAs(counter);
            assertThat(t.scheme.call("string?", SchemeValue.hostObject("text")).asBoolean())
                    .as("a String wrapped explicitly is a handle, not a string").isFalse();
        }
    }

    @Test
    void javaProceduresTakeAndGiveHandles() {
        List<Object> seen = new ArrayList<>();
        try (TestInterpreter t = TestInterpreter.start(b -> b
                // a CharSequence would go as a string: wrapped, it goes as a handle
                .define("make-box", args -> SchemeValue.hostObject(new StringBuilder(args.get(0).asString())))
                .define("box-append!", args -> {
                    seen.add(args.get(0).asHostObject());
                    return args.get(0).asHostObject(StringBuilder.class).append(args.get(1).asString()).length();
                })
                .define("two-boxes", args -> List.of(args.get(0), 7, new Object[] {args.get(0)})))) {
            t.scheme.eval("(define box (make-box \"ab\"))");
            assertThat(t.scheme.eval("(box-append! box \"cd\")").asInteger()).isEqualTo(4);
            assertThat(t.scheme.eval("(let ((pair (two-boxes box))) (list (eq? (car pair) box) (cadr pair)"
                    + " (eq? (vector-ref (caddr pair) 0) box)))")).hasToString("(#t 7 #t)");
            assertThat(seen).hasSize(1);
            assertThat(t.scheme.eval("box").asHostObject()).isSameAs(seen.get(0)).hasToString("abcd");
            assertThat(t.scheme.eval("(car (two-boxes box))").asHostObject()).isSameAs(seen.get(0));
        }
    }

    @Test
    void aHandleTheInterpreterNeverGaveIsAClearError() {
        try (TestInterpreter t = TestInterpreter.start()) {
            t.scheme.define("first", new Object());
            assertThatThrownBy(() -> t.scheme.eval("(wasmjit:make-host-object 5)"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("a host object this interpreter never passed");
            assertThat(t.scheme.eval("(+ 1 2)").asInteger()).isEqualTo(3);
        }
    }
}
