package dev.wasmjit.harness;

import dev.wasmjit.bridge.DeadlineBounds;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.Tiering;
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
        return start(sessions, sessions, idleTimeout, deadline, log);
    }

    static WebServer start(int sessions, int perClient, Duration idleTimeout, Duration deadline, PrintStream log)
            throws Exception {
        return start(sessions, perClient, idleTimeout, deadline, Tiering.manual(), log);
    }

    /** A server whose sessions tier as given (ServeCommand's default is automatic; these tests' is manual). */
    static WebServer start(int sessions, int perClient, Duration idleTimeout, Duration deadline, Tiering tiering,
                           PrintStream log) throws Exception {
        WebServer.Settings settings = new WebServer.Settings(sessions, perClient, idleTimeout, deadline, 4096, 64 * 1024,
                sessions + 4);
        // the server's own seam, a fresh builder per session as ServeCommand makes it: sessions start
        // concurrently, each with its own stdout, so one builder injected by dev.wasmjit:junit would not do
        return new WebServer(new InetSocketAddress("127.0.0.1", 0), settings, SchemeInterpreter.bundledBytes(),
                stdout -> SchemeInterpreter.builder().resultLines(true).stdout(stdout).stderr(OutputStream.nullOutputStream())
                        .deadline(deadline).tiering(tiering).build(),
                log);
    }

    private void start(int sessions, Duration idleTimeout, Duration deadline) throws Exception {
        server = start(sessions, sessions, idleTimeout, deadline, new PrintStream(log, true, StandardCharsets.UTF_8));
    }

    private void start(int sessions, int perClient, Duration deadline) throws Exception {
        server = start(sessions, perClient, Duration.ofMinutes(1), deadline, new PrintStream(log, true, StandardCharsets.UTF_8));
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
    void everyAnswerCarriesTheSessionsTieringStatisticsAndAutomaticRoundsShowThere() throws Exception {
        server = start(2, 2, Duration.ofMinutes(1), Duration.ofSeconds(30), Tiering.automatic().withThreshold(50),
                new PrintStream(log, true, StandardCharsets.UTF_8));
        String fib = "(define (fib n) (if (< n 2) 1 (+ (fib (- n 1)) (fib (- n 2))))) (fib 22)";
        Answer first = eval(null, fib);
        assertThat(first.status()).as(first.json().toString()).isEqualTo(200);
        String session = (String) first.get("session");
        Map<?, ?> tiering = (Map<?, ?>) first.get("tiering");
        assertThat(tiering.keySet().stream().map(String::valueOf).toList()).containsExactly("mode", "rounds", "functionsCompiled", "failedRounds", "compileMs",
                "linkMs", "waitMs", "longestWaitMs");
        assertThat(tiering.get("mode")).isEqualTo("automatic");
        // fib is hot at once; its round compiles in the background and links at a poll or
        // between evaluations, whenever the compilation is done: evaluate until it has
        for (int i = 0; i < 200 && ((Number) tiering.get("rounds")).intValue() == 0; i++) {
            Answer next = eval(session, fib);
            assertThat(next.get("result")).isEqualTo("28657");
            tiering = (Map<?, ?>) next.get("tiering");
        }
        assertThat(((Number) tiering.get("rounds")).intValue()).as("rounds linked").isEqualTo(1);
        assertThat(((Number) tiering.get("functionsCompiled")).intValue()).as("fib").isEqualTo(1);
        assertThat(((Number) tiering.get("failedRounds")).intValue()).isZero();
        assertThat(((Number) tiering.get("compileMs")).doubleValue()).isPositive();
        assertThat(((Number) tiering.get("linkMs")).doubleValue()).isPositive();
        assertThat(((Number) tiering.get("longestWaitMs")).doubleValue())
                .isLessThanOrEqualTo(((Number) tiering.get("waitMs")).doubleValue());
        Answer jit = post("/api/jit", Json.write(Map.of("session", session)));
        assertThat(((Number) ((Map<?, ?>) jit.get("tiering")).get("rounds")).intValue()).as("manual rounds are not counted")
                .isEqualTo(1);
    }

    @Test
    void badRequestsAreJsonErrorsAndTheServerServesOn() throws Exception {
        // 2,000,000 nested calls before "recursion too deep" take seconds on a loaded machine:
        // a deadline far beyond them, since no deadline is in question here
        start(2, Duration.ofMinutes(1), Duration.ofSeconds(120));
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
    void aFullPoolClosesTheLeastRecentlyUsedIdleSessionForANewVisitor() throws Exception {
        start(2, Duration.ofMinutes(5), Duration.ofSeconds(5));
        String a = (String) eval(null, "(define x 1)").get("session");
        String b = (String) eval(null, "(define x 2)").get("session");
        assertThat(eval(a, "x").get("result")).isEqualTo("1"); // b is now the least recently used
        Answer third = eval(null, "(+ 1 2)");
        assertThat(third.status()).isEqualTo(200);
        assertThat(third.get("result")).isEqualTo("3");
        assertThat(server.pool().size()).isEqualTo(2);
        assertThat(eval(a, "x").get("result")).as("the recently used session keeps its definitions").isEqualTo("1");
        // the visitor whose session was closed gets a new one, and is told
        Answer back = eval(b, "(+ 2 2)");
        assertThat(back.get("result")).isEqualTo("4");
        assertThat(back.get("newSession")).isEqualTo(true);
    }

    @Test
    void aSessionIdleForTheIdleTimeoutIsClosedAndItsVisitorGetsANewOne() throws Exception {
        start(2, Duration.ofMillis(1500), Duration.ofSeconds(5));
        String a = (String) eval(null, "(define x 1)").get("session");
        for (int i = 0; i < 1000 && server.pool().size() > 0; i++) {
            Thread.sleep(20); // the sweeper runs every idle timeout / 4
        }
        assertThat(server.pool().size()).as("sessions after the idle timeout").isZero();
        Answer back = eval(a, "(+ 2 2)");
        assertThat(back.get("result")).isEqualTo("4");
        assertThat(back.get("newSession")).isEqualTo(true);
    }

    @Test
    void requestsWithoutASessionLockNobodyOut() throws Exception {
        start(2, Duration.ofMinutes(5), Duration.ofSeconds(5));
        for (int i = 0; i < 8; i++) {
            Answer jit = post("/api/jit", "{}");
            assertThat(jit.status()).isEqualTo(200);
            assertThat(jit.get("bytes")).isEqualTo(0.0);
            assertThat(jit.get("session")).isNull();
            assertThat(post("/api/reset", "{}").status()).isEqualTo(200);
        }
        assertThat(server.pool().size()).as("sessions taken by requests without one").isZero();
        for (int i = 0; i < 8; i++) {
            assertThat(eval(null, "(+ 1 " + i + ")").status()).isEqualTo(200);
        }
        Answer visitor = eval(null, "(define y 5) y");
        assertThat(visitor.status()).isEqualTo(200);
        assertThat(eval((String) visitor.get("session"), "(* y 2)").get("result")).isEqualTo("10");
    }

    @Test
    void aClientAddressHoldsAtMostItsShareOfTheSessions() throws Exception {
        start(4, 2, Duration.ofSeconds(5));
        String first = (String) eval(null, "(define x 1)").get("session");
        String second = (String) eval(null, "(define x 2)").get("session");
        String third = (String) eval(null, "(define x 3)").get("session");
        assertThat(server.pool().size()).isEqualTo(2);
        assertThat(eval(third, "x").get("result")).isEqualTo("3");
        assertThat(eval(second, "x").get("result")).isEqualTo("2");
        assertThat(eval(first, "(+ 1 1)").get("newSession")).as("the client's least recently used was closed").isEqualTo(true);
    }

    @Test
    void aPoolWhoseEverySessionIsRunningAnswersBusyAtOnce() throws Exception {
        start(1, Duration.ofMinutes(5), Duration.ofSeconds(10));
        ExecutorService clients = Executors.newSingleThreadExecutor();
        try {
            String looping = (String) eval(null, "(define x 1)").get("session");
            Future<Answer> loop = clients.submit(() -> eval(looping, "(let loop () (loop))"));
            awaitRunning();
            Answer other = eval(null, "(+ 1 2)");
            assertThat(other.status()).isEqualTo(503);
            assertThat((String) other.get("error")).startsWith("busy: all 1 ").contains("are running a request");
            assertThat(loop.isDone()).as("the answer came while the loop still ran").isFalse();
            assertThat(loop.get().get("error")).isEqualTo("timed out: stopped after the server's deadline of 10s");
        } finally {
            clients.shutdownNow();
        }
    }

    /**
     * One session flooded with requests while it runs an endless loop: each of them is
     * answered 503 at once instead of waiting for the session (and holding a server thread),
     * and another visitor's request is answered while the loop still runs. Outcomes, not
     * times, are asserted: the loop's answer has not come yet when the others have.
     */
    @Test
    void aFloodedSessionAnswersBusyAtOnceAndAnotherSessionIsAnsweredMeanwhile() throws Exception {
        start(2, Duration.ofMinutes(5), Duration.ofSeconds(20));
        int flood = 60;
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            String flooded = (String) eval(null, "(define x 1)").get("session");
            String other = (String) eval(null, "(define y 2)").get("session");
            Future<Answer> loop = clients.submit(() -> eval(flooded, "(let loop () (loop))"));
            awaitRunning();
            List<Future<Answer>> floodAnswers = new ArrayList<>();
            for (int i = 0; i < flood; i++) {
                floodAnswers.add(clients.submit(() -> eval(flooded, "(+ x 1)")));
            }
            for (Future<Answer> answer : floodAnswers) {
                assertThat(answer.get().status()).isEqualTo(503);
                assertThat(answer.get().get("error")).isEqualTo("busy: this session is still running an earlier request");
            }
            Answer answered = eval(other, "(+ y 1)");
            assertThat(answered.status()).isEqualTo(200);
            assertThat(answered.get("result")).isEqualTo("3");
            assertThat(loop.isDone()).as("every other answer came while the loop still ran").isFalse();
            assertThat(loop.get().status()).isEqualTo(422);
            assertThat(eval(flooded, "(+ x 1)").get("result")).isEqualTo("2");
        } finally {
            clients.shutdownNow();
        }
    }

    /** Waits until a request is running in the server's one running session. */
    private void awaitRunning() throws InterruptedException {
        for (int i = 0; i < 1000 && !server.pool().anyRunning(); i++) {
            Thread.sleep(10);
        }
        assertThat(server.pool().anyRunning()).as("a request is running").isTrue();
    }

    @Test
    void apiRequestsFromOtherSitesOrNotSentAsJsonAreRefused() throws Exception {
        start(2, Duration.ofMinutes(1), Duration.ofSeconds(5));
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(uri("/api/eval")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"source\": \"(+ 1 2)\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body()).contains("application/json");
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(uri("/api/jit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(415);
        HttpResponse<String> otherSite = http.send(HttpRequest.newBuilder(uri("/api/eval")).header("Content-Type", "application/json")
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString("{\"source\": \"(+ 1 2)\"}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(otherSite.statusCode()).isEqualTo(403);
        assertThat(otherSite.body()).contains("Origin: http://evil.example");
        String port = Integer.toString(server.port());
        assertThat(rawPost("evil.example:" + port, null)).startsWith("HTTP/1.1 403").contains("Host header");
        assertThat(rawPost("127.0.0.1:" + port, "http://127.0.0.1:1")).startsWith("HTTP/1.1 403");
        assertThat(rawPost("127.0.0.1:" + port, "null")).startsWith("HTTP/1.1 403");
        assertThat(server.pool().size()).as("no refused request took a session").isZero();
        // the page's own requests pass: same host, same origin, JSON
        assertThat(rawPost("localhost:" + port, "http://localhost:" + port)).startsWith("HTTP/1.1 200").contains("\"result\":\"1\"");
        assertThat(rawPost("127.0.0.1:" + port, null)).startsWith("HTTP/1.1 200");
    }

    /** POSTs {@code (+ 1)} to /api/eval with these Host and Origin headers (no Origin if null). */
    private String rawPost(String host, String origin) throws Exception {
        String body = "{\"source\": \"(+ 1)\"}";
        return raw("POST /api/eval HTTP/1.1\r\nHost: " + host + "\r\n" + (origin == null ? "" : "Origin: " + origin + "\r\n")
                + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body);
    }

    @Test
    void headOfThePageIsItsGetWithoutTheBody() throws Exception {
        start(1, Duration.ofMinutes(1), Duration.ofSeconds(5));
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(uri("/")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(head.body()).isEmpty();
    }

    /** Sends one request as written, for headers a client library will not send, and reads the whole answer. */
    private String raw(String request) throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
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
