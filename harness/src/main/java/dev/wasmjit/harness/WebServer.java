package dev.wasmjit.harness;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.wasmjit.bridge.GuestException;
import dev.wasmjit.bridge.GuestTimeout;
import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.SchemeValue;
import dev.wasmjit.scheme.TieringStats;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The server of {@code wasmjit serve}: the page, the guest's bytes for the page to run in the
 * browser, and a JSON API that runs the same programs on this process's wasmtime, one
 * interpreter per visitor's session.
 *
 * <pre>
 * GET  /                 the page (interp.html)
 * GET  /guest-worker.js  the page's host of the guest (a web worker)
 * GET  /interplib.wasm   the guest
 * GET  /api/examples     [{"name", "source"}]: the example programs
 * POST /api/eval         {"source", "session"?} -&gt; {"session", "result", "output", "timeMs", "mode", "compiledFunctions", "pendingFunctions", "tiering"}
 * POST /api/jit          {"session"} -&gt; {"session", "bytes", "functions", "timeMs", "tableBefore", "tableAfter", "tiering"} (bytes 0: nothing to compile; no session is made for it)
 * POST /api/reset        {"session"} -&gt; {"closed"}
 * </pre>
 *
 * The same source text evaluates the same parsed expression again, so that after a JIT round
 * it runs compiled ({@code "mode": "compiled"}: a JIT round linked code after its first run).
 * Every answer of the API is JSON; a failure is {@code {"error": MESSAGE}} with a status that
 * says whose it is: 400 a malformed request, 404/405 a wrong path or method, 413 a body over
 * the limit, 422 a program that failed (its message as the REPL prints it, a passed deadline
 * included), 503 a session still running an earlier request or no free interpreter, 403 a
 * request to the API from another site ({@link SameOrigin}), 415 a body not sent as JSON.
 * Nothing a client sends reaches it as a stack trace.
 *
 * <p>{@code "tiering"} is what automatic tiering has done in the session's interpreter so far
 * ({@link TieringStats}): {@code {"mode": "off"|"manual"|"automatic", "rounds", "functionsCompiled",
 * "failedRounds", "compileMs", "linkMs", "waitMs", "longestWaitMs"}}, the counts zero unless the
 * mode is automatic.
 */
final class WebServer implements AutoCloseable {

    static final String WEB = "/dev/wasmjit/harness/web/";

    /** The example programs the page offers, in its order: the seed's fib and fac, then Language v2 programs. */
    static final List<String> EXAMPLES = List.of("fib", "factorial", "tak", "nqueens", "strings", "vectors", "deriv",
            "primes", "higher-order");

    /** Limits and sizes of one server. */
    record Settings(int sessions, int sessionsPerClient, Duration idleTimeout, Duration deadline, int maxRequestBytes,
                    int maxOutputBytes, int threads) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final SessionPool pool;
    private final Settings settings;
    private final byte[] guest;
    private final PrintStream log;
    private final SameOrigin origins;

    WebServer(InetSocketAddress address, Settings settings, byte[] guest,
              java.util.function.Function<OutputStream, SchemeInterpreter> interpreters, PrintStream log) throws IOException {
        this.settings = settings;
        this.guest = guest.clone();
        this.log = log;
        this.pool = new SessionPool(settings.sessions(), settings.sessionsPerClient(), settings.idleTimeout(), settings.maxOutputBytes(), interpreters);
        this.server = HttpServer.create(address, 64);
        this.origins = new SameOrigin(server.getAddress());
        this.executor = Executors.newFixedThreadPool(settings.threads(), task -> {
            Thread thread = new Thread(task, "wasmjit-serve");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    SessionPool pool() {
        return pool;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        pool.close();
    }

    // ---- dispatch --------------------------------------------------------------------------

    private void handle(HttpExchange exchange) {
        try (exchange) {
            try {
                route(exchange);
            } catch (HttpError e) {
                sendJson(exchange, e.status, Map.of("error", e.getMessage()));
            } catch (SameOrigin.Refused e) {
                sendJson(exchange, 403, Map.of("error", e.getMessage()));
            } catch (RuntimeException | Error e) {
                log.println("wasmjit serve: internal error on " + exchange.getRequestURI().getPath() + ": " + e);
                sendJson(exchange, 500, Map.of("error", "internal error of the server"));
            }
        } catch (IOException | UncheckedIOException e) {
            // the client went away: nothing to answer
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        if (path.startsWith("/api/")) {
            origins.check(exchange);
        }
        switch (path) {
            case "/", "/index.html", "/interp.html" -> {
                requireReading(method);
                sendBytes(exchange, 200, "text/html; charset=utf-8", resource("interp.html"));
            }
            case "/guest-worker.js" -> {
                requireReading(method);
                sendBytes(exchange, 200, "text/javascript; charset=utf-8", resource("guest-worker.js"));
            }
            case "/interplib.wasm" -> {
                requireReading(method);
                sendBytes(exchange, 200, "application/wasm", guest);
            }
            case "/api/examples" -> {
                requireReading(method);
                sendJson(exchange, 200, examples());
            }
            case "/api/eval" -> {
                requireMethod(method, "POST");
                eval(exchange, body(exchange));
            }
            case "/api/jit" -> {
                requireMethod(method, "POST");
                jit(exchange, body(exchange));
            }
            case "/api/reset" -> {
                requireMethod(method, "POST");
                Map<String, Object> request = body(exchange);
                optionalString(request, "session").ifPresent(pool::close);
                sendJson(exchange, 200, Map.of("closed", true));
            }
            default -> throw new HttpError(404, "no such page or endpoint: " + path);
        }
    }

    // ---- the API -----------------------------------------------------------------------------

    private void eval(HttpExchange exchange, Map<String, Object> request) throws IOException {
        String source = optionalString(request, "source")
                .orElseThrow(() -> new HttpError(400, "the request needs \"source\": the program's text"));
        withSession(exchange, request, (session, answer) -> {
            SessionPool.Parsed parsed = session.parsed.get(source);
            if (parsed == null) {
                parsed = new SessionPool.Parsed(session.scheme.parse(source));
                session.parsed.put(source, parsed);
            }
            if (parsed.firstRunRound < 0) {
                parsed.firstRunRound = session.jitRounds;
            }
            boolean compiled = session.jitRounds > parsed.firstRunRound;
            long start = System.nanoTime();
            SchemeValue value = session.scheme.eval(parsed.expression);
            answer.put("timeMs", (System.nanoTime() - start) / 1e6);
            answer.put("mode", compiled ? "compiled" : "interpreted");
            answer.put("result", value.toString());
            answer.put("output", withoutResultLine(session.stdout.take(), value.toString()));
            answer.put("compiledFunctions", session.scheme.compiledFunctionCount().orElse(-1));
            answer.put("pendingFunctions", session.scheme.pendingJitCount().orElse(-1));
            answer.put("tiering", tiering(session.scheme));
        });
    }

    private void jit(HttpExchange exchange, Map<String, Object> request) throws IOException {
        String id = optionalString(request, "session").orElse(null);
        if (pool.existing(id).isEmpty()) {
            // nothing has run in a session that does not exist: nothing to compile, and no
            // session is taken for it
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("session", null);
            answer.put("newSession", false);
            answer.put("engine", "wasmtime");
            answer.put("timeMs", 0.0);
            answer.put("bytes", 0);
            answer.put("functions", 0);
            answer.put("compiledFunctions", 0);
            sendJson(exchange, 200, answer);
            return;
        }
        withSession(exchange, request, (session, answer) -> {
            long start = System.nanoTime();
            Optional<JitModule> module = session.scheme.jit();
            Optional<LinkReport> link = module.map(session.scheme::link);
            if (link.isPresent()) {
                session.jitRounds++;
            }
            answer.put("timeMs", (System.nanoTime() - start) / 1e6);
            answer.put("bytes", module.map(JitModule::size).orElse(0));
            answer.put("functions", module.map(JitModule::compiledCount).orElse(0));
            answer.put("tableBefore", link.map(LinkReport::tableSizeBefore).orElse(session.scheme.tableSize()));
            answer.put("tableAfter", link.map(LinkReport::tableSizeAfter).orElse(session.scheme.tableSize()));
            answer.put("compiledFunctions", session.scheme.compiledFunctionCount().orElse(-1));
            answer.put("tiering", tiering(session.scheme));
        });
    }

    /** The session's tiering statistics, for the page: times in milliseconds. */
    private static Map<String, Object> tiering(SchemeInterpreter scheme) {
        TieringStats stats = scheme.tieringStats();
        Map<String, Object> tiering = new LinkedHashMap<>();
        tiering.put("mode", scheme.tiering().mode().name().toLowerCase(Locale.ROOT));
        tiering.put("rounds", stats.rounds());
        tiering.put("functionsCompiled", stats.functionsCompiled());
        tiering.put("failedRounds", stats.failedRounds());
        tiering.put("compileMs", stats.compileTime().toNanos() / 1e6);
        tiering.put("linkMs", stats.linkTime().toNanos() / 1e6);
        tiering.put("waitMs", stats.waitTime().toNanos() / 1e6);
        tiering.put("longestWaitMs", stats.longestWait().toNanos() / 1e6);
        return tiering;
    }

    private interface SessionWork {
        void run(SessionPool.Session session, Map<String, Object> answer);
    }

    /**
     * Runs work on the visitor's session; a program's failure is a 422 with its message. A
     * session already running a request is a 503 at once, as is a pool whose every session is
     * running: no request waits for another, so none holds a server thread but its own.
     */
    private void withSession(HttpExchange exchange, Map<String, Object> request, SessionWork work) throws IOException {
        String asked = optionalString(request, "session").orElse(null);
        String id = asked;
        String client = exchange.getRemoteAddress().getAddress().getHostAddress();
        for (int attempt = 0; attempt < 2; attempt++) {
            SessionPool.Session session;
            try {
                session = pool.session(id, client);
            } catch (SessionPool.Busy e) {
                throw new HttpError(503, e.getMessage());
            }
            Map<String, Object> answer = new LinkedHashMap<>();
            int[] status = {200};
            boolean ran = SessionPool.runIfFree(session, () -> {
                answer.put("session", session.id);
                answer.put("newSession", !session.id.equals(asked));
                answer.put("engine", "wasmtime");
                try {
                    session.stdout.take();
                    work.run(session, answer);
                } catch (GuestException | IllegalStateException | IllegalArgumentException e) {
                    status[0] = 422;
                    answer.put("error", e instanceof GuestTimeout t
                            ? "timed out: stopped after the server's deadline of " + DurationConverter.format(t.deadline())
                            : ProgramErrorHandler.message(e));
                    answer.put("output", session.stdout.take());
                }
            });
            if (ran) {
                sendJson(exchange, status[0], answer);
                return;
            }
            if (!session.closed) {
                throw new HttpError(503, "busy: this session is still running an earlier request");
            }
            id = null; // closed between lookup and lock: start afresh
        }
        throw new HttpError(503, "busy: could not get a session; try again");
    }

    /** The guest prints the result line itself, last; the page shows the value on its own. */
    private static String withoutResultLine(String output, String result) {
        String line = "result: " + result + "\n";
        return output.endsWith(line) ? output.substring(0, output.length() - line.length()) : output;
    }

    private List<Map<String, Object>> examples() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String name : EXAMPLES) {
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("name", name.equals("factorial") ? "fac" : name);
            example.put("source", new String(resource("examples/" + name + ".scm"), StandardCharsets.UTF_8));
            list.add(example);
        }
        return list;
    }

    // ---- requests and answers ------------------------------------------------------------------

    /** A request's failure, answered as {@code {"error": MESSAGE}} with this status. */
    private static final class HttpError extends RuntimeException {
        final int status;

        HttpError(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** GET, or HEAD: the same answer without its body. */
    private static void requireReading(String method) {
        if (!method.equals("HEAD")) {
            requireMethod(method, "GET");
        }
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw new HttpError(405, "method " + method + " not allowed here; use " + allowed);
        }
    }

    /** The body as a JSON object, read up to the size limit; it must say it is JSON. */
    private Map<String, Object> body(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.split(";", 2)[0].trim().equalsIgnoreCase("application/json")) {
            // a form or text/plain is what a page of another site can send without asking
            throw new HttpError(415, "the request body must be sent as Content-Type: application/json, was "
                    + (type == null ? "none" : type));
        }
        int limit = settings.maxRequestBytes();
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limit) {
                    throw tooLarge(limit);
                }
            } catch (NumberFormatException e) {
                throw new HttpError(400, "bad Content-Length: " + length);
            }
        }
        byte[] bytes;
        try (InputStream in = exchange.getRequestBody()) {
            bytes = in.readNBytes(limit + 1);
        }
        if (bytes.length > limit) {
            throw tooLarge(limit);
        }
        Object json;
        try {
            json = Json.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (Json.MalformedJson e) {
            throw new HttpError(400, e.getMessage());
        }
        if (!(json instanceof Map<?, ?> map)) {
            throw new HttpError(400, "the request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }

    private static HttpError tooLarge(int limit) {
        return new HttpError(413, "the request is larger than the server's limit of " + limit + " bytes");
    }

    private static Optional<String> optionalString(Map<String, Object> request, String key) {
        Object value = request.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String s)) {
            throw new HttpError(400, "\"" + key + "\" must be a string");
        }
        return Optional.of(s);
    }

    private static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        sendBytes(exchange, status, "application/json; charset=utf-8", Json.write(body).getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBytes(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, body.length == 0 || head ? -1 : body.length);
        if (body.length > 0 && !head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = WebServer.class.getResourceAsStream(WEB + name)) {
            if (in == null) {
                throw new IllegalStateException("the resource " + WEB + name + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
