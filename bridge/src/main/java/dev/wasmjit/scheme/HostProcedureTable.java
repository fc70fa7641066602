package dev.wasmjit.scheme;

import dev.wasmjit.bridge.FuncSignature;
import dev.wasmjit.bridge.GuestMemory;
import dev.wasmjit.bridge.HostCallImports;
import dev.wasmjit.bridge.GuestTimeout;
import dev.wasmjit.bridge.HostFunction;
import dev.wasmjit.bridge.ReactorInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * The host procedures a builder defines ({@link SchemeInterpreter.Builder#define(String,
 * HostProcedure)}): each is a global of the guest, a {@code (lambda arguments ...)} that calls
 * {@code (host-call N arguments)} and turns a result that holds host objects' marks into
 * handles ({@link HostObjects}), and the guest's {@code host-call} reaches
 * procedure N through the imports {@link HostCallImports} describes. Each interpreter built
 * gets imports of its own, with its pending answer and its {@link HostObjects}; only its guest
 * thread touches them.
 */
final class HostProcedureTable {

    /** Longer messages are cut: the guest keeps 511 bytes of an error's message. */
    private static final int MESSAGE_LIMIT = 400;

    private final List<String> names = new ArrayList<>();
    private final List<HostProcedure> procedures = new ArrayList<>();

    /** Adds a procedure, or replaces the one of that name. */
    void define(String name, HostProcedure procedure) {
        Objects.requireNonNull(procedure, "procedure");
        if (!ExternalRepresentation.isSymbolName(Objects.requireNonNull(name, "name"))) {
            throw new IllegalArgumentException("not the name of a global variable: \"" + name + "\"");
        }
        int index = names.indexOf(name);
        if (index >= 0) {
            procedures.set(index, procedure);
        } else {
            names.add(name);
            procedures.add(procedure);
        }
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    /** The definitions that make each procedure a global of the guest. */
    String definitions() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            out.append("(define ").append(names.get(i)).append(" (lambda arguments (let ((r (host-call ").append(i)
                    .append(" arguments))) (if (and (pair? r) (eq? (car r) 'wasmjit:host-object)) (wasmjit:unmark (cdr r)) r))))\n");
        }
        return out.toString();
    }

    /** One interpreter's side of the procedures: its imports, its answer, its host objects. */
    Calls calls(HostObjects handles) {
        return new Calls(List.copyOf(names), List.copyOf(procedures), handles);
    }

    /**
     * One interpreter's calls: the procedures as they were when it was built, and its pending
     * answer. A call with a deadline runs its procedure on a thread of the interpreter's own
     * while the guest thread waits no longer than the deadline: past it, the guest's call ends
     * as a timeout, and the procedure's thread is interrupted.
     */
    static final class Calls implements AutoCloseable {
        private final List<String> names;
        private final List<HostProcedure> procedures;
        private final HostObjects handles;
        private byte[] answer = new byte[0];
        private Supplier<Optional<Duration>> timeLeft = Optional::empty;
        private ExecutorService runner;  // made by the first call with a deadline

        private Calls(List<String> names, List<HostProcedure> procedures, HostObjects handles) {
            this.names = names;
            this.procedures = procedures;
            this.handles = handles;
        }

        /** The two imports, for this interpreter's instance. */
        List<HostFunction> imports() {
            return List.of(
                    new HostFunction(HostCallImports.HOST_CALL, FuncSignature.i32(3, 1), (memory, args) ->
                            List.of(call(memory, args.get(0).intValue(), args.get(1).intValue(), args.get(2).intValue()))),
                    new HostFunction(HostCallImports.HOST_RESULT, FuncSignature.i32(1, 0), (memory, args) -> {
                        memory.write(args.get(0).intValue(), answer);
                        answer = new byte[0];
                        return List.of();
                    }));
        }

        HostObjects handles() {
            return handles;
        }

        /** Where the deadline of the call under way is read. */
        void attach(ReactorInstance instance) {
            timeLeft = instance::callTimeLeft;
        }

        @Override
        public synchronized void close() {
            if (runner != null) {
                runner.shutdownNow();
            }
        }

        /** Runs procedure {@code index} on the written arguments; the answer's length, negative for an error. */
        private int call(GuestMemory memory, int index, int text, int size) {
            if (index < 0 || index >= procedures.size()) {
                return failure("host-call: no host procedure " + index);
            }
            String name = names.get(index);
            List<SchemeValue> arguments;
            try {
                String written = new String(memory.read(text, size), StandardCharsets.UTF_8);
                arguments = ExternalRepresentation.read(written, handles::resolve).asList();
            } catch (RuntimeException e) {
                return failure(name + ": the arguments could not be read: " + e.getMessage());
            }
            Object result;
            try {
                result = run(name, procedures.get(index), arguments);
            } catch (GuestTimeout e) {
                throw e;
            } catch (Exception e) {
                return failure(name + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getName()));
            }
            try {
                boolean noValue = result == null || result instanceof SchemeValue v && v.isUnspecified();
                answer = (noValue ? "" : SchemeLiteral.datum(result, "the result of " + name, handles))
                        .getBytes(StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return failure(name + ": " + e.getMessage());
            }
            return answer.length;
        }

        /** The procedure's result: on this thread without a deadline, else on the runner until the deadline. */
        private Object run(String name, HostProcedure procedure, List<SchemeValue> arguments) throws Exception {
            Optional<Duration> left = timeLeft.get();
            if (left.isEmpty()) {
                return procedure.apply(arguments);
            }
            Future<Object> running = runner().submit(() -> procedure.apply(arguments));
            try {
                return running.get(left.get().toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                running.cancel(true);
                throw new GuestTimeout(name + " ran past the call's deadline", left.get(), e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            } catch (InterruptedException e) {
                running.cancel(true);
                Thread.currentThread().interrupt();
                throw e;
            }
        }

        private synchronized ExecutorService runner() {
            if (runner == null) {
                runner = Executors.newCachedThreadPool(task -> {
                    Thread thread = new Thread(task, "wasmjit-host-procedure");
                    thread.setDaemon(true);
                    return thread;
                });
            }
            return runner;
        }

        private int failure(String message) {
            String line = message.replace('\n', ' ');
            answer = (line.length() > MESSAGE_LIMIT ? line.substring(0, MESSAGE_LIMIT) + "..." : line)
                    .getBytes(StandardCharsets.UTF_8);
            return -(answer.length + 1);
        }
    }
}
