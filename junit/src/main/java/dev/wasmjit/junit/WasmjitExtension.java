package dev.wasmjit.junit;

import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * The JUnit 5 extension behind {@link WasmjitTest} and {@link SchemePrograms}: resolves
 * parameters of type {@link SchemeInterpreter}, {@link ReactorInstance}, {@link GuestOutput},
 * {@link SchemeInterpreter.Builder} and {@link SchemeProgramSuite}.
 *
 * <p>Every {@code SchemeInterpreter} or {@code ReactorInstance} parameter gets an instance of
 * its own, made for that call with the settings of the annotations nearest to the parameter
 * ({@link GuestModule}, {@link HeapSize}, {@link Deadline}, {@link Warmup}, {@link JitRounds},
 * {@link Reactor}). It is kept in the JUnit store of the context it was made in and closed when
 * that context ends: after the test method for test and {@code @BeforeEach}/{@code @AfterEach}
 * parameters, whether the test passed, failed or timed out (relying on JUnit closing the
 * {@link AutoCloseable} values of its stores, which it does unless
 * {@code junit.jupiter.extensions.store.close.autocloseable.enabled} is false); after the class
 * for constructor and {@code @BeforeAll} parameters. Instances share nothing but the compiled
 * module, so tests may run in parallel ({@code junit.jupiter.execution.parallel.enabled}).
 *
 * <p>A {@code SchemeInterpreter.Builder} parameter is for a test that makes its instances itself:
 * more than it can declare (one per thread, a new one after each failure, a thousand in a
 * loop), or with settings no annotation has (its own output streams, engine settings). It is a
 * fresh builder with the {@link GuestModule}, {@link HeapSize} and {@link Deadline} nearest to
 * the parameter and its output discarded; {@link Warmup} and {@link JitRounds} do not apply to
 * it. What the test builds is the test's to close: the extension does not see it.
 *
 * <p>A failing test gets what its guests printed attached as a suppressed exception.
 */
public final class WasmjitExtension implements ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(WasmjitExtension.class);
    private static final Set<Class<?>> INSTANCE_TYPES = Set.of(SchemeInterpreter.class, ReactorInstance.class,
            GuestOutput.class, SchemeInterpreter.Builder.class);

    /** Made by JUnit, through {@link WasmjitTest} or {@code @ExtendWith}. */
    public WasmjitExtension() {
    }

    /**
     * Whether this extension provides the parameter: an instance type, or the suite of a
     * {@link SchemePrograms} method.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context of the call
     * @return true for the types this extension injects
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        if (type == SchemeProgramSuite.class) {
            return parameterContext.getDeclaringExecutable().isAnnotationPresent(SchemePrograms.class);
        }
        return INSTANCE_TYPES.contains(type);
    }

    /**
     * Makes the parameter's value, and arranges for an instance to be closed with the context.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context of the call
     * @return a fresh instance, the call's output, a builder, or the program suite
     * @throws ParameterResolutionException if the settings are wrong, the module cannot be
     *                                      instantiated, or the warm-up fails; the message says which
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Class<?> type = parameterContext.getParameter().getType();
        GuestSettings settings = GuestSettings.of(parameterContext.getParameter(),
                parameterContext.getDeclaringExecutable(), extensionContext.getTestClass().orElse(null));
        GuestOutput output = output(extensionContext);
        try {
            if (type == GuestOutput.class) {
                return output;
            }
            if (type == SchemeInterpreter.Builder.class) {
                return settings.schemeBuilder();
            }
            if (type == SchemeProgramSuite.class) {
                Method method = (Method) parameterContext.getDeclaringExecutable();
                GuestSettings methodSettings = GuestSettings.of(null, method, extensionContext.getTestClass().orElse(null));
                return SchemeProgramSuite.load(method.getAnnotation(SchemePrograms.class), methodSettings);
            }
            AutoCloseable instance = type == SchemeInterpreter.class
                    ? settings.interpreter(output)
                    : settings.reactor(output);
            extensionContext.getStore(NAMESPACE).put(new Object(), instance);
            return instance;
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("cannot make the " + type.getSimpleName() + " for parameter "
                    + parameterContext.getIndex() + " of " + parameterContext.getDeclaringExecutable().getName()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Attaches what the test's guests printed to its failure, then rethrows it.
     *
     * @param context   the test's context
     * @param throwable the failure
     * @throws Throwable always {@code throwable}
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        GuestOutput output = context.getStore(NAMESPACE).get(GuestOutput.class, GuestOutput.class);
        if (output != null && !output.isEmpty()) {
            throwable.addSuppressed(new GuestOutputReport(output.toString()));
        }
        throw throwable;
    }

    private static GuestOutput output(ExtensionContext context) {
        return context.getStore(NAMESPACE).getOrComputeIfAbsent(GuestOutput.class, k -> new GuestOutput(),
                GuestOutput.class);
    }

    /** What the guests printed, shown with a failure; no stack trace of its own. */
    static final class GuestOutputReport extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GuestOutputReport(String text) {
            super(text, null, false, false);
        }
    }
}
