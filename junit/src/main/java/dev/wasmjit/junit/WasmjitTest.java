package dev.wasmjit.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Registers the {@link WasmjitExtension} on a test class (or one test method): its test and
 * lifecycle methods may then declare parameters of these types, each a fresh instance made
 * for that one call and closed after it, also when the test fails or times out:
 *
 * <ul>
 *   <li>{@link dev.wasmjit.scheme.SchemeInterpreter}: the Scheme interpreter guest, or any
 *       module with the guest ABI ({@link GuestModule}), with its {@link HeapSize},
 *       {@link Deadline}, and {@link JitRounds} run on a {@link Warmup} program;</li>
 *   <li>{@link dev.wasmjit.bridge.ReactorInstance}: any WASI reactor module
 *       ({@link GuestModule}, {@link Reactor}, {@link Deadline});</li>
 *   <li>{@link GuestOutput}: what the instances of the same call printed;</li>
 *   <li>{@link dev.wasmjit.scheme.SchemeInterpreter.Builder}: a builder with the
 *       {@link GuestModule}, {@link HeapSize} and {@link Deadline} settings and its output
 *       discarded, for a test that makes (and closes) its interpreters itself;</li>
 *   <li>{@link SchemeProgramSuite}: in a {@link SchemePrograms} factory method.</li>
 * </ul>
 *
 * <pre>{@code
 * @WasmjitTest
 * class FibTest {
 *     @Test
 *     void fib25(SchemeInterpreter scheme) {
 *         assertThat(scheme.eval(scheme.parse("(define (fib n) ...) (fib 25)"))).isInteger(121393);
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
@ExtendWith(WasmjitExtension.class)
public @interface WasmjitTest {
}
