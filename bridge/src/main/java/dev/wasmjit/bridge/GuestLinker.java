package dev.wasmjit.bridge;

import dev.wasmjit.nativeconfig.GuestWasi;
import io.github.kawamuray.wasmtime.Extern;
import io.github.kawamuray.wasmtime.Func;
import io.github.kawamuray.wasmtime.FuncType;
import io.github.kawamuray.wasmtime.Linker;
import io.github.kawamuray.wasmtime.Module;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instance's wasmtime linker: the names modules import, resolved in one store. The main
 * module's imports are defined here (WASI, the error import, host functions); the main
 * module is instantiated under {@link #ENV}, so that its exports become the
 * names generated modules import; each generated module gets a namespace of its own.
 *
 * <p>Every method runs inside {@link GuestStore#run}.
 */
final class GuestLinker {

    /** The import module name under which the main instance's exports and host functions live. */
    static final String ENV = "env";

    private final GuestStore store;
    private final Linker linker;
    private final CallFailure failure;

    GuestLinker(GuestStore store, WasmEngine engine, CallFailure failure) {
        this.store = store;
        this.failure = failure;
        this.linker = store.run(() -> new Linker(engine.wasmtime()));
        store.resources().linker = linker;
    }

    /**
     * Refuses a WASI command module, before its imports are looked at: it would run as a
     * reactor without its {@code _start} ever being called.
     *
     * @throws ModuleException if the module exports {@code _start}
     */
    static void requireReactor(ModuleShape shape) {
        if (shape.export("_start").isPresent()) {
            throw new ModuleException("the module exports _start: it is a WASI command, not a reactor; "
                    + "build it with -mexec-model=reactor");
        }
    }

    /**
     * Defines every import of a main module, or says which ones this host cannot provide.
     *
     * @param errorImport the name of the {@code env} import that raises a guest error, or null
     * @param memory      what host functions get; they refer to it weakly (see below)
     * @throws ModuleException listing every import that is missing or of the wrong type
     */
    void defineImports(ModuleShape shape, GuestWasi wasi, String errorImport,
                       Map<String, HostFunction> hostFunctions, GuestMemory memory) {
        List<String> missing = new ArrayList<>();
        for (ModuleShape.Import anImport : shape.imports()) {
            if (anImport.kind() != ModuleShape.Kind.FUNCTION) {
                missing.add(anImport + " (this host provides only functions to a main module)");
            } else if (anImport.module().equals(GuestWasi.MODULE)) {
                FuncType type = NativeTypes.funcType(anImport.signature().orElseThrow());
                define(anImport, wasi.handler(store.wasmtime(), anImport.name(), type));
            } else if (anImport.module().equals(ENV) && anImport.name().equals(errorImport)) {
                define(anImport, (caller, params, results) -> {
                    throw new CallFailure.GuestErrorRaised();
                });
            } else if (anImport.module().equals(ENV) && anImport.name().equals(ErrorCatchingImport.CATCH_ERRORS)
                    && errorImport != null && anImport.signature().orElseThrow().equals(FuncSignature.i32(0, 1))) {
                define(anImport, ErrorCatchingImport.handler(this, store, failure));
            } else if (anImport.module().equals(ENV) && (hostFunctions.containsKey(anImport.name())
                    || withoutHostFunction(anImport.name()) != null)) {
                HostFunction function = hostFunctions.containsKey(anImport.name())
                        ? hostFunctions.get(anImport.name()) : withoutHostFunction(anImport.name());
                if (!function.signature().equals(anImport.signature().orElseThrow())) {
                    missing.add(anImport + " (the host function has type " + function.signature() + ")");
                } else {
                    define(anImport, hostFunction(function, new WeakReference<>(memory)));
                }
            } else {
                missing.add(anImport.toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new ModuleException("the module needs imports this host does not provide: "
                    + String.join(", ", missing));
        }
    }

    /** What a guest import gets from a host that gives no function of its name: tiering's and host calls' defaults. */
    private static HostFunction withoutHostFunction(String name) {
        HostFunction tiering = TieringImports.withoutTiering(name);
        return tiering != null ? tiering : HostCallImports.withoutProcedures(name);
    }

    /**
     * Instantiates the main module under {@link #ENV}, which calls its
     * {@code _initialize}, once {@link #requireReactor} passed and its imports are defined.
     *
     * @throws ModuleException if the module is refused
     * @throws GuestException  if {@code _initialize} fails
     */
    void instantiateReactor(WasmModule module, CallGate gate, Optional<Duration> deadline) {
        gate.instantiate("_initialize", deadline, () -> instantiate(ENV, module.wasmtime()),
                e -> new ModuleException("could not instantiate the module: " + e.getMessage(), e));
    }

    /** Instantiates a module under {@code namespace}, running its start function; inside a {@link CallGate}. */
    void instantiate(String namespace, Module module) {
        linker.module(store.wasmtime(), namespace, module);
    }

    /** What the main instance offers as {@code env.NAME}, of any kind; the caller disposes it. */
    Optional<Extern> env(String name) {
        return linker.get(store.wasmtime(), ENV, name);
    }

    /** Whether the main instance offers {@code env.NAME} with this kind. */
    boolean offers(String name, ModuleShape.Kind kind) {
        Optional<Extern> extern = env(name);
        if (extern.isEmpty()) {
            return false;
        }
        Extern e = extern.get();
        boolean matches = switch (e.type()) {
            case FUNC -> kind == ModuleShape.Kind.FUNCTION;
            case MEMORY -> kind == ModuleShape.Kind.MEMORY;
            case TABLE -> kind == ModuleShape.Kind.TABLE;
            case GLOBAL -> kind == ModuleShape.Kind.GLOBAL;
            default -> false;
        };
        dispose(e);
        return matches;
    }

    /** The function exported as {@code name} by the module instantiated under {@code namespace}. */
    Func function(String namespace, String name) {
        return linker.get(store.wasmtime(), namespace, name).orElseThrow().func();
    }

    private void define(ModuleShape.Import anImport, Func.Handler<Void> implementation) {
        FuncType type = NativeTypes.funcType(anImport.signature().orElseThrow());
        InstanceResources resources = store.resources();
        Func func = new Func(store.wasmtime(), type, hostHandler(resources, failure, implementation));
        resources.hostFuncs.add(func);
        linker.define(store.wasmtime(), anImport.module(), anImport.name(), Extern.fromFunc(func));
    }

    /**
     * A Java host function's handler. wasmtime-java keeps every handler in a static registry
     * until its store is freed, so a handler that held the instance would keep one dropped
     * without close() reachable for ever: it holds the memory only weakly.
     */
    private static Func.Handler<Void> hostFunction(HostFunction function, WeakReference<GuestMemory> memory) {
        return (caller, params, results) -> {
            GuestMemory reachable = memory.get();
            if (reachable == null) {
                throw new IllegalStateException("the instance is gone");
            }
            function.invoke(reachable, params, results);
        };
    }

    /**
     * Every host function's handler: records its failure for the call's translation, and
     * refuses to serve a guest whose instance was closed, which ends a call still running then
     * at its next host call. Static, so that the handler refers to nothing that refers to the
     * instance.
     */
    private static Func.Handler<Void> hostHandler(InstanceResources resources, CallFailure failure,
                                                  Func.Handler<Void> implementation) {
        return (caller, params, results) -> {
            try {
                if (resources.closed) {
                    throw new IllegalStateException("the instance was closed during the call");
                }
                implementation.call(caller, params, results);
            } catch (RuntimeException | Error e) {
                failure.record(e);
                throw e;
            }
        };
    }

    static void dispose(Extern e) {
        switch (e.type()) {
            case FUNC -> e.func().dispose();
            case MEMORY -> e.memory().dispose();
            // Table.dispose() has no native implementation in 0.19.0 (UnsatisfiedLinkError)
            case GLOBAL -> e.global().dispose();
            default -> { }
        }
    }
}
