package dev.wasmjit.junit;

import dev.wasmjit.bridge.GuestException;
import dev.wasmjit.bridge.HostFunction;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.bridge.WasmEngine;
import dev.wasmjit.bridge.WasmModule;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The settings of one injected instance, read from the annotations nearest to it: the
 * parameter, then the method, then the test class, its superclasses and the classes enclosing it.
 */
final class GuestSettings {

    /** Reactor modules compiled once per content for the process; compiled modules are shareable. */
    private static final Map<ByteBuffer, WasmModule> COMPILED = new ConcurrentHashMap<>();

    private final List<AnnotatedElement> nearestFirst;
    private final Class<?> anchor;

    private GuestSettings(List<AnnotatedElement> nearestFirst, Class<?> anchor) {
        this.nearestFirst = nearestFirst;
        this.anchor = anchor;
    }

    /**
     * The settings for an element.
     *
     * @param parameter  the parameter, or null
     * @param executable the method or constructor, or null
     * @param testClass  the test class, or null
     */
    static GuestSettings of(AnnotatedElement parameter, AnnotatedElement executable, Class<?> testClass) {
        List<AnnotatedElement> elements = new ArrayList<>();
        if (parameter != null) {
            elements.add(parameter);
        }
        if (executable != null) {
            elements.add(executable);
        }
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            elements.add(c);
        }
        return new GuestSettings(elements, testClass == null ? GuestSettings.class : testClass);
    }

    <A extends Annotation> Optional<A> find(Class<A> type) {
        for (AnnotatedElement element : nearestFirst) {
            A found = element.getAnnotation(type);
            if (found != null) {
                return Optional.of(found);
            }
        }
        return Optional.empty();
    }

    /**
     * A builder for an interpreter with the module, heap and deadline, its output discarded. It
     * prints the seed's result and error lines, so that {@link GuestOutput} and the program
     * files' checks see each result where the program's output ends.
     */
    SchemeInterpreter.Builder schemeBuilder() {
        SchemeInterpreter.Builder builder = SchemeInterpreter.builder()
                .resultLines(true)
                .stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream());
        moduleBytes().ifPresent(builder::module);
        find(HeapSize.class).ifPresent(h -> {
            builder.heapBytes(h.value());
            if (!h.grows()) {
                builder.maxHeapBytes(0);
            }
        });
        deadline().ifPresent(builder::deadline);
        find(Tiering.class).ifPresent(t ->
                builder.tiering(dev.wasmjit.scheme.Tiering.of(t.value()).withThreshold(t.threshold())));
        find(HostProcedures.class).ifPresent(h -> {
            for (Class<? extends HostFunctions> provider : h.value()) {
                instantiate(provider).hostProcedures().forEach(builder::define);
            }
        });
        return builder;
    }

    /**
     * An interpreter with every setting, its {@link Warmup} evaluated and its {@link JitRounds}
     * run; what it prints afterwards reaches {@code output}.
     */
    SchemeInterpreter interpreter(GuestOutput output) {
        int rounds = find(JitRounds.class).map(JitRounds::value).orElse(0);
        Optional<String> warmup = find(Warmup.class).map(Warmup::value);
        if (rounds < 0) {
            throw new IllegalArgumentException("@JitRounds must be zero or more, was " + rounds);
        }
        if (rounds > 0 && warmup.isEmpty()) {
            throw new IllegalArgumentException("@JitRounds(" + rounds + ") needs a @Warmup program: a JIT round"
                    + " compiles the procedures that have run, and before the test body nothing has run");
        }
        AtomicBoolean warmingUp = new AtomicBoolean(true);
        SchemeInterpreter scheme = schemeBuilder()
                .lineListener((fd, line) -> {
                    if (!warmingUp.get()) {
                        output.add(fd, line);
                    }
                })
                .build();
        try {
            if (warmup.isPresent()) {
                warmUp(scheme, warmup.get(), rounds);
            }
            warmingUp.set(false);
            return scheme;
        } catch (RuntimeException | Error e) {
            scheme.close();
            throw e;
        }
    }

    private static void warmUp(SchemeInterpreter scheme, String source, int rounds) {
        Expression program;
        try {
            program = scheme.parse(source);
            scheme.eval(program);
        } catch (GuestException e) {
            throw new IllegalStateException("the @Warmup program failed: " + e.getMessage(), e);
        }
        for (int round = 1; round <= rounds; round++) {
            if (round > 1) {
                scheme.eval(program);
            }
            var module = scheme.jit();
            if (module.isEmpty() && round == 1) {
                throw new IllegalStateException("JIT round 1 compiled nothing: the @Warmup program ran no procedure");
            }
            module.ifPresent(scheme::link);
        }
    }

    /** A reactor instance with every setting; what it prints reaches {@code output}. */
    ReactorInstance reactor(GuestOutput output) {
        Optional<byte[]> bytes = moduleBytes();
        byte[] module = bytes.orElseGet(SchemeInterpreter::bundledBytes);
        WasmModule compiled = COMPILED.computeIfAbsent(ByteBuffer.wrap(module), b -> WasmEngine.shared().compile(module));
        ReactorInstance.Builder builder = ReactorInstance.builder(compiled)
                .stdout(OutputStream.nullOutputStream())
                .stderr(OutputStream.nullOutputStream())
                .lineListener(output::add);
        deadline().ifPresent(builder::deadline);
        Optional<Reactor> reactor = find(Reactor.class);
        if (reactor.isPresent()) {
            Reactor r = reactor.get();
            if (!r.errorImport().isEmpty()) {
                builder.errorImport(r.errorImport());
            }
            if (r.allocate().isEmpty() != r.free().isEmpty()) {
                throw new IllegalArgumentException("@Reactor needs both allocate and free, or neither");
            }
            if (!r.allocate().isEmpty()) {
                builder.allocator(r.allocate(), r.free());
            }
            for (Class<? extends HostFunctions> provider : r.hostFunctions()) {
                for (HostFunction function : instantiate(provider).hostFunctions()) {
                    builder.hostFunction(function);
                }
            }
        } else if (bytes.isEmpty()) {
            builder.errorImport("throw_error").allocator("allocateBytes", "freeBytes");
        }
        return builder.instantiate();
    }

    private Optional<Duration> deadline() {
        return find(Deadline.class).map(d -> Duration.of(d.value(), d.unit().toChronoUnit()));
    }

    /** The module's bytes, or empty for the bundled guest. */
    private Optional<byte[]> moduleBytes() {
        Optional<GuestModule> module = find(GuestModule.class);
        if (module.isEmpty()) {
            return Optional.empty();
        }
        String resource = module.get().resource();
        String file = module.get().file();
        if (!resource.isEmpty() && !file.isEmpty()) {
            throw new IllegalArgumentException("@GuestModule names both a resource (" + resource + ") and a file ("
                    + file + "); name one");
        }
        if (!resource.isEmpty()) {
            try (InputStream in = anchor.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("@GuestModule(resource = \"" + resource
                            + "\"): no such class-path resource from " + anchor.getName());
                }
                return Optional.of(in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the resource " + resource, e);
            }
        }
        if (!file.isEmpty()) {
            Path path = Path.of(file);
            try {
                return Optional.of(Files.readAllBytes(path));
            } catch (IOException e) {
                throw new UncheckedIOException("@GuestModule(file = \"" + file + "\"): cannot read "
                        + path.toAbsolutePath().normalize(), e);
            }
        }
        return Optional.empty();
    }

    private static HostFunctions instantiate(Class<? extends HostFunctions> provider) {
        try {
            var constructor = provider.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot make the host functions " + provider.getName()
                    + " through a constructor without parameters: " + e, e);
        }
    }

    Class<?> anchor() {
        return anchor;
    }
}
