package dev.wasmjit.harness;

import dev.wasmjit.bridge.DeadlineBounds;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code wasmjit serve}'s server: its pages, its JSON API, and its limits. Every failure is a
 * JSON error with a status that says whose it is, and the server serves on afterwards.
 */
class WebServerTest {

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private WebServer server;

    static WebServer start(int sessions, Duration idleTimeout, Duration deadline, PrintStream log) throws Exception {
        WebServer.Settings settings = new WebServer.Settings(sessions, idleTimeout, deadline, 4096, 64 * 1024, sessions + 4);
        // the server's own seam, a fresh builder per session as ServeCommand makes it: sessions start
        // concurrently, each with its own stdout, so one builder injected by dev.wasmjit:junit would not do
        return new WebServer(new InetSocketAddress("127.0.0.1", 0), settings, SchemeInterpreter.bundledBytes(),
                stdout -> SchemeInterpreter.builder().resultLines(true).stdout(stdout).stderr(OutputStream.nullOutputStream())
                        .deadline(deadline).build(),
                log);
    }

    private void start(int sessions, Duration idleTimeout, Duration deadline) throws Exception {
        server = start(sessions, idleTimeout, deadline, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        assertThat(log.toString(StandardCharsets.UTF_8)).as("no internal error was logged").isEmpty();
    }

    record Answer(int status, Map<String, Object> json, HttpResponse<String> response) {
        Object get(String key) {
            return json.get(key);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Answer post(String path, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        @SuppressWarnings("unchecked")
        Map<String, Object> json = (Map<String, Object>) Json.parse(response.body());
        return new Answer(response.statusCode(), json, response);
    }

    private Answer eval(String session, String source) throws Exception {
        return post("/api/eval", Json.write(session == null ? Map.of("source", source) : Map.of("source", source, "session", session)));
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    @Test
    void servesThePageItsWorkerTheGuestAndTheExamples() throws Exception {
        start(2, Duration.ofMinutes(1), Duration.ofSeconds(5));
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Run JIT!", "id=\"evaluate\"");
        assertThat(get("/guest-worker.js").body()).contains("__indirect_function_table");
        HttpResponse<byte[]> wasm = http.send(HttpRequest.newBuilder(uri("/interplib.wasm")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(wasm.headers().firstValue("Content-Type")).hasValue("application/wasm");
        assertThat(wasm.body()).isEqualTo(SchemeInterpreter.bundledBytes());
        List<?> examples = (List<?>) Json.parse(get("/api/examples").body());
        List<Object> names = examples.stream().map(e -> ((Map<?, ?>) e).get("name")).map(Object.class::cast).toList();
        assertThat(names).startsWith("fib", "fac").contains("strings", "vectors");
    }

    @Test
    void evaluatesJitsAndEvaluatesCompiledInOneSessionWhoseDefinitionsPersist() throws Exception {
        start(2, Duration.ofMinutes(1), Duration.ofSeconds(5));
        String fib = "(define (fib n) (if (< n 2) 1 (+ (fib (- n 1)) (fib (- n 2))))) (display \"fib:\") (fib 25)";
        Answer first = eval(null, fib);
        assertThat(first.status()).as(first.json().toString()).isEqualTo(200);
        assertThat(first.get("result")).isEqualTo("121393");
        assertThat(first.get("output")).isEqualTo("fib:\n");
        assertThat(first.get("mode")).isEqualTo("interpreted");
        String session = (String) first.get("session");

        Answer jit = post("/api/jit", Json.write(Map.of("session", session)));
        assertThat(jit.status()).isEqualTo(200);
        assertThat((Double) jit.get("bytes")).isPositive();
        assertThat((Double) jit.get("functions")).isEqualTo(1.0);

        Answer again = eval(session, fib);
        assertThat(again.get("result")).isEqualTo("121393");
        assertThat(again.get("mode")).isEqualTo("compiled");
        assertThat((Double) again.get("compiledFunctions")).isEqualTo(1.0);
        assertThat(eval(session, "(fib 10)").get("result")).isEqualTo("89");
        // another visitor does not see these definitions
        Answer other = eval(null, "(fib 10)");
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.get("error")).isEqualTo("unbound variable: fib at line 1, column 2");
    }

    @Test
    void badRequestsAreJsonErrorsAndTheServerServesOn() throws Exception {
        start(2, Duration.ofMinutes(1), Duration.ofSeconds(5));
        Answer malformed = post("/api/eval", "{\"source\": \"(+ 1 2)\"");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat((String) malformed.get("error")).startsWith("malformed JSON at character");
        assertThat(post("/api/eval", "[1, 2]").get("error")).isEqualTo("the request body must be a JSON object");
        assertThat(post("/api/eval", "{}").get("error")).isEqualTo("the request needs \"source\": the program's text");
        assertThat(post("/api/eval", "{\"source\": 42}").status()).isEqualTo(400);
        assertThat(post("/api/eval", "[".repeat(1000)).status()).isEqualTo(400);
        assertThat(post("/api/nothing", "{}").status()).isEqualTo(404);
        HttpResponse<String> wrongMethod = get("/api/eval");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.body()).startsWith("{\"error\":");

        Answer parseError = eval(null, "(+ 1");
        assertThat(parseError.status()).isEqualTo(422);
        assertThat((String) parseError.get("error")).startsWith("parse error at line 1");
        String session = (String) parseError.get("session");
        Answer trap = eval(session, "(define (down n) (+ 1 (down (- n 1)))) (down 0)");
        assertThat(trap.status()).isEqualTo(422);
        assertThat((String) trap.get("error")).startsWith("recursion too deep");
        assertThat(eval(session, "(+ 1 2)").get("result")).isEqualTo("3");
    }

    @Test
    void anOversizedRequestIsRefusedWith413() throws Exception {
        start(2, Duration.ofMinutes(1), Duration.ofSeconds(5));
        Answer large = eval(null, "(+ 1 2)" + " ".repeat(5000));
        assertThat(large.status()).isEqualTo(413);
        assertThat(large.get("error")).isEqualTo("the request is larger than the server's limit of 4096 bytes");
        assertThat(eval(null, "(+ 1 2)").get("result")).isEqualTo("3");
    }

    @Test
    void anEndlessLoopEndsAtTheDeadlineAndTheSessionWorksOn() throws Exception {
        start(2, Duration.ofMinutes(1), DeadlineBounds.SHORTEST);
        Answer define = eval(null, "(define x 41)");
        String session = (String) define.get("session");
        DeadlineBounds.CallTimer timer = DeadlineBounds.CallTimer.start();
        Answer loop = eval(session, "(let loop () (display \"spin \") (loop))");
        timer.assertEndedAtDeadline(DeadlineBounds.SHORTEST);
        assertThat(loop.status()).isEqualTo(422);
        assertThat(loop.get("error")).isEqualTo("timed out: stopped after the server's deadline of 1s");
        assertThat((String) loop.get("output")).hasSizeLessThanOrEqualTo(64 * 1024 + 100).contains("[output cut at 65536 bytes]");
        assertThat(eval(session, "(+ x 1)").get("result")).isEqualTo("42");
    }

    @Test
    void aFullPoolAnswersBusyUntilASessionHasBeenIdleLongEnough() throws Exception {
        start(2, Duration.ofMillis(1500), Duration.ofSeconds(5));
        String a = (String) eval(null, "1").get("session");
        String b = (String) eval(null, "2").get("session");
        Answer third = eval(null, "3");
        assertThat(third.status()).isEqualTo(503);
        assertThat((String) third.get("error")).startsWith("busy: all 2 interpreters of this server are in use");
        assertThat(server.pool().size()).isEqualTo(2);
        // the sessions that exist still work
        assertThat(eval(a, "10").get("session")).isEqualTo(a);
        Thread.sleep(2500);
        Answer later = eval(null, "(+ 1 2)");
        assertThat(later.status()).isEqualTo(200);
        assertThat(later.get("result")).isEqualTo("3");
        // a visitor whose session was closed gets a new one, and is told
        Answer back = eval(b, "(+ 2 2)");
        assertThat(back.get("result")).isEqualTo("4");
        assertThat(back.get("newSession")).isEqualTo(true);
        assertThat(server.pool().size()).isLessThanOrEqualTo(2);
    }

    @Test
    void eightClientsAtOnceEachKeepTheirOwnDefinitions() throws Exception {
        start(8, Duration.ofMinutes(1), Duration.ofSeconds(20));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int client = i;
                Callable<String> work = () -> {
                    Answer define = eval(null, "(define mine " + client + ") (define (fib n) (if (< n 2) 1 (+ (fib (- n 1)) (fib (- n 2))))) (fib 18)");
                    String session = (String) define.get("session");
                    StringBuilder seen = new StringBuilder();
                    for (int round = 0; round < 5; round++) {
                        Answer answer = eval(session, "(list mine (fib 15))");
                        assertThat(answer.status()).as(answer.json().toString()).isEqualTo(200);
                        seen.append(answer.get("result")).append(' ');
                        if (round == 2) {
                            post("/api/jit", Json.write(Map.of("session", session)));
                        }
                    }
                    return seen.toString().trim();
                };
                results.add(clients.submit(work));
            }
            for (int i = 0; i < 8; i++) {
                assertThat(results.get(i).get()).isEqualTo(String.join(" ", java.util.Collections.nCopies(5, "(" + i + " 987)")));
            }
            assertThat(server.pool().size()).isEqualTo(8);
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void jsonReadsAndWritesWhatTheApiNeeds() {
        Object value = Json.parse(" {\"a\": [1, -2.5e1, true, false, null], \"b\": \"x\\\"\\u00e9\\n\"} ");
        assertThat(value).isEqualTo(java.util.Map.of("a", java.util.Arrays.asList(1.0, -25.0, true, false, null), "b", "x\"\u00e9\n"));
        assertThat(Json.write(Map.of("s", "</script>\n"))).isEqualTo("{\"s\":\"\\u003c/script\\u003e\\n\"}");
    }
}
