package dev.wasmjit.harness;

import dev.wasmjit.scheme.Tiering;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page of {@code wasmjit serve} in a real headless Chromium, driven through Selenium and
 * the system's chromedriver (nothing is downloaded): fib(25) in the browser, a JIT round there
 * and the compiled run; the same on the server's wasmtime; a bad program's error on the page
 * (its {@code error:} prefix once); the empty chart, the chart's scale label and the last JIT
 * row after another program. The statistics of a server whose sessions tier automatically
 * show on the page too. Deep recursion runs in the page's worker on V8's default stack,
 * interpreted and compiled. It saves screenshots to {@code target/screenshots/interp.png} and
 * {@code interp-tiering.png}. Without Chromium and
 * chromedriver (Debian: {@code apt-get install -y chromium chromium-driver}) it is skipped
 * with a message that says so, and CI fails when it was.
 */
class BrowserDemoTest {

    static final String SKIPPED = "Chromium or chromedriver is not installed (apt-get install -y chromium chromium-driver): "
            + "the browser test is skipped";

    private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
            "/usr/bin/google-chrome");
    private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    private static WebServer server;
    /** A server whose sessions tier automatically, as {@code wasmjit serve}'s do, at a tiny threshold. */
    private static WebServer tieringServer;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Optional<String> chromium = firstExecutable(BROWSERS);
        Optional<String> driver = firstExecutable(DRIVERS);
        assumeTrue(chromium.isPresent() && driver.isPresent(), SKIPPED);
        server = WebServerTest.start(4, Duration.ofMinutes(5), Duration.ofSeconds(10),
                new PrintStream(LOG, true, StandardCharsets.UTF_8));
        tieringServer = WebServerTest.start(2, 2, Duration.ofMinutes(5), Duration.ofSeconds(10),
                Tiering.automatic().withThreshold(50), new PrintStream(LOG, true, StandardCharsets.UTF_8));
        // the system's chromedriver and browser, named: Selenium Manager never runs (no downloads)
        System.setProperty("webdriver.chrome.driver", driver.get());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(driver.get()))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(chromium.get())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                        "--window-size=1400,1050"); // V8's default stack, as the page's users have
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.close();
        }
        if (tieringServer != null) {
            tieringServer.close();
        }
    }

    @Test
    void fibInTheBrowserAndOnTheServerInterpretedThenCompiledAndABadProgramsError() throws Exception {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        waitFor("the browser's guest has loaded", () -> "yes".equals(find("status").getAttribute("data-ready")));

        // in the browser: the seed's fib example, (fib 25)
        browser.findElement(By.cssSelector("button[data-example=fib]")).click();
        assertThat(find("source").getAttribute("value")).contains("(fib 25)");
        click("evaluate");
        waitFor("the browser's result", () -> text("result").equals("121393"));
        assertThat(text("engine-name")).startsWith("browser");
        assertThat(text("mode")).startsWith("interpreted");
        assertThat(text("time")).endsWith("ms");

        click("jit");
        waitFor("the browser's JIT report", () -> text("jit-report").contains("bytes"));
        assertThat(text("jit-report")).matches("\\d+ bytes, 1 function compiled, linked in .*; table \\d+ → \\d+");
        click("evaluate");
        waitFor("the browser's compiled run", () -> text("mode").startsWith("compiled"));
        assertThat(text("result")).isEqualTo("121393");

        // the same on the server's wasmtime
        click("engine-server");
        click("evaluate");
        waitFor("the server's result", () -> text("engine-name").startsWith("wasmtime") && text("result").equals("121393"));
        assertThat(text("mode")).startsWith("interpreted");
        click("jit");
        waitFor("the server's JIT report", () -> text("jit-report").contains("1 function compiled"));
        click("evaluate");
        waitFor("the server's compiled run", () -> text("mode").startsWith("compiled"));
        assertThat(text("result")).isEqualTo("121393");

        // both engines' runs are in the history, each with interpreted and compiled times
        List<WebElement> rows = browser.findElements(By.cssSelector("#history tr"));
        assertThat(rows).hasSize(2);
        for (WebElement row : rows) {
            List<WebElement> cells = row.findElements(By.tagName("td"));
            assertThat(cells.get(3).getText()).endsWith("ms");
            assertThat(cells.get(4).getText()).endsWith("ms");
            assertThat(cells.get(5).getText()).endsWith("×");
        }
        assertThat(browser.findElements(By.cssSelector("#chart rect"))).hasSize(4);
        screenshot("interp.png");

        // a bad program's error, on the server and in the browser
        setSource("(define (f x) (car x))\n(f 5)");
        click("evaluate");
        waitFor("the server's error", () -> text("error").contains("wrong type"));
        assertThat(text("error")).isEqualTo("error: wrong type: car expects a pair as argument 1, got the integer 5");
        click("engine-browser");
        setSource("(display \"before \")\n(+ 1 undefined-thing)");
        click("evaluate");
        waitFor("the browser's error", () -> text("error").contains("unbound variable"));
        assertThat(text("error")).isEqualTo("error: unbound variable: undefined-thing at line 2, column 6");
        assertThat(text("result")).isEqualTo("–");
        assertThat(LOG.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void deepRecursionRunsInTheWorkerOnV8sDefaultStackInterpretedAndCompiled() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        waitFor("the browser's guest has loaded", () -> "yes".equals(find("status").getAttribute("data-ready")));
        click("engine-browser");
        // compiled, 12,000 nested calls would overflow V8's default stack: the worker's budget
        // hands them over to the interpreter first
        String mapRecursion = "(define (f n) (if (= n 0) 0 (car (map (lambda (x) (+ 1 (f (- n 1)))) (list 1)))))";
        for (String[] program : new String[][] {
                {"(define (d n) (if (= n 0) 0 (+ 1 (d (- n 1)))))\n(d 12000)", "12000"},
                {mapRecursion + "\n(f 700)", "700"}}) {
            setSource(program[0]);
            click("evaluate");
            waitFor("the interpreted result", () -> text("result").equals(program[1]) && text("mode").startsWith("interpreted"));
            click("jit");
            waitFor("the JIT report", () -> text("jit-report").contains("compiled"));
            click("evaluate");
            waitFor("the compiled run", () -> text("mode").startsWith("compiled") || !text("error").isEmpty());
            assertThat(text("error")).isEmpty();
            assertThat(text("result")).isEqualTo(program[1]);
        }
    }

    @Test
    void theServersTieringStatisticsShowOnThePageOnceAutomaticTieringLinkedARound() throws Exception {
        browser.get("http://127.0.0.1:" + tieringServer.port() + "/");
        waitFor("the browser's guest has loaded", () -> "yes".equals(find("status").getAttribute("data-ready")));
        setSource("(define (fib n) (if (< n 2) 1 (+ (fib (- n 1)) (fib (- n 2)))))\n(fib 22)");
        click("evaluate");
        waitFor("the browser's result", () -> text("result").equals("28657"));
        assertThat(text("tiering-mode")).startsWith("manual: the browser's guest");
        assertThat(text("tiering-rounds")).isEqualTo("–");

        click("engine-server");
        // fib is hot at once; its round links at a poll or between evaluations, once compiled
        for (int i = 0; i < 100 && !text("tiering-rounds").startsWith("1 round"); i++) {
            ((JavascriptExecutor) browser).executeScript("document.getElementById('result').textContent = ''");
            click("evaluate");
            waitFor("the server's result", () -> text("result").equals("28657"));
        }
        assertThat(text("engine-name")).startsWith("wasmtime");
        assertThat(text("tiering-mode")).isEqualTo("automatic: hot functions compile by themselves");
        assertThat(text("tiering-rounds")).isEqualTo("1 round linked");
        assertThat(text("tiering-functions")).isEqualTo("1 compiled");
        assertThat(text("tiering-compile")).matches("[0-9.]+ ms on the background thread");
        assertThat(text("tiering-link")).matches("[0-9.]+ ms on the guest thread");
        assertThat(text("tiering-wait")).matches("[0-9.]+ ms in all, the longest [0-9.]+ ms");
        screenshot("interp-tiering.png");
        assertThat(LOG.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theEmptyChartTheScalesLabelAndTheLastJitRowAfterAnotherProgram() {
        browser.get("http://127.0.0.1:" + server.port() + "/");
        waitFor("the browser's guest has loaded", () -> "yes".equals(find("status").getAttribute("data-ready")));
        assertThat(text("chart")).startsWith("Evaluate, Run JIT!").doesNotContain("ms");

        setSource("(define (sq x) (* x x)) (sq 12)");
        click("evaluate");
        waitFor("the browser's result", () -> text("result").equals("144"));
        click("jit");
        waitFor("the browser's JIT report", () -> text("jit-report").contains("1 function compiled"));
        click("evaluate");
        waitFor("the compiled run", () -> text("mode").startsWith("compiled"));
        assertThat(text("jit-report")).as("the same program again").contains("1 function compiled");
        setSource("(+ 1 2)");
        click("evaluate");
        waitFor("another program's result", () -> text("result").equals("3"));
        assertThat(text("jit-report")).as("the last JIT row after another program").isEqualTo("–");

        // a time of three digits before the point: the page's own drawing, with a time it did not measure
        ((JavascriptExecutor) browser).executeScript(
                "record('(slow)', { engine: 'browser', mode: 'interpreted', timeMs: 149.7, result: '1' });");
        WebElement label = find("chart-max");
        assertThat(label.getText()).isEqualTo("149.7 ms");
        Number x = (Number) ((JavascriptExecutor) browser).executeScript("return arguments[0].getBBox().x;", label);
        assertThat(x.doubleValue()).as("the label's left edge, inside the chart").isGreaterThanOrEqualTo(0);
    }

    private static Optional<String> firstExecutable(List<String> candidates) {
        return candidates.stream().filter(p -> Files.isExecutable(Path.of(p))).findFirst();
    }

    private static WebElement find(String id) {
        return browser.findElement(By.id(id));
    }

    private static String text(String id) {
        return find(id).getText();
    }

    private static void click(String id) {
        find(id).click();
    }

    private static void setSource(String source) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", find("source"), source);
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(60)).withMessage(what).until(d -> condition.getAsBoolean());
        } catch (RuntimeException e) {
            throw new AssertionError("waited for " + what + "; the page showed: status \"" + text("status") + "\", result \""
                    + text("result") + "\", mode \"" + text("mode") + "\", error \"" + text("error") + "\"", e);
        }
    }

    private static void screenshot(String name) throws Exception {
        Path file = Path.of("target", "screenshots", name);
        Files.createDirectories(file.getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
