package dev.wasmjit.harness;

import dev.wasmjit.scheme.SchemeInterpreter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code wasmjit serve}: the seed's browser demo, served from Java with the JDK's own HTTP
 * server. The page runs the guest in the browser and late-links its JIT modules in
 * JavaScript; a switch runs the same programs here on wasmtime instead, through a JSON API.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Serve the browser demo: the guest runs in the page (V8) or, switched, here on wasmtime.",
            "Binds 127.0.0.1 unless told otherwise; runs until interrupted."})
final class ServeCommand implements Callable<Integer> {

    private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(5);

    /**
     * The shared {@code --timeout} says "no limit" by default, which is true of the other
     * commands; the server's evaluations have {@link #DEFAULT_DEADLINE}, and its help says so.
     * Called on the command line's model once the command is added (picocli applies model
     * transformers only to the commands a CommandLine is constructed with).
     *
     * @param spec this command's model
     */
    static void describeItsOwnDeadline(CommandSpec spec) {
        OptionSpec timeout = spec.findOption("--timeout");
        spec.remove(timeout);
        spec.addOption(OptionSpec.builder(timeout)
                .description("Deadline of each evaluation on the server, e.g. 500ms, 2s, 1m (default: "
                        + DurationConverter.format(DEFAULT_DEADLINE) + ").")
                .build());
    }

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080",
            description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    private int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    private String bind;

    @Option(names = "--sessions", paramLabel = "N", defaultValue = "8",
            description = "Server-side sessions (one interpreter each) at most at once (default: ${DEFAULT-VALUE}).")
    private int sessions;

    @Option(names = "--sessions-per-client", paramLabel = "N",
            description = "Sessions one client address may hold at most; its next new one closes its least recently"
                    + " used (default: half of --sessions, rounded up).")
    private Integer sessionsPerClient;

    @Option(names = "--idle-timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "5m",
            description = "Close a session unused this long (default: ${DEFAULT-VALUE}).")
    private Duration idleTimeout;

    @Option(names = "--max-request", paramLabel = "BYTES", converter = ByteSizeConverter.class, defaultValue = "64k",
            description = "Largest request body accepted (default: ${DEFAULT-VALUE}).")
    private int maxRequestBytes;

    @Mixin
    private GuestOptions guest;

    @Spec
    private CommandSpec spec;

    private final StandardStreams streams;

    ServeCommand(StandardStreams streams) {
        this.streams = streams;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be 0 to 65535, was " + port);
        }
        if (sessions < 1) {
            throw new ParameterException(spec.commandLine(), "--sessions must be at least 1, was " + sessions);
        }
        int perClient = sessionsPerClient == null ? (sessions + 1) / 2 : sessionsPerClient;
        if (perClient < 1) {
            throw new ParameterException(spec.commandLine(), "--sessions-per-client must be at least 1, was " + perClient);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind: unknown address " + bind);
        }
        byte[] module = guest.moduleBytes();
        Duration deadline = guest.timeout().orElse(DEFAULT_DEADLINE);
        WebServer.Settings settings = new WebServer.Settings(sessions, Math.min(perClient, sessions), idleTimeout,
                deadline, maxRequestBytes,
                64 * 1024, sessions + 4);
        WebServer server;
        try {
            server = new WebServer(new InetSocketAddress(address, port), settings, module,
                    stdout -> {
                        SchemeInterpreter.Builder builder = guest.configure(SchemeInterpreter.builder(), streams, stdout)
                                .deadline(deadline);
                        // the bundled guest is compiled once for every session; a --module file per session
                        return (guest.module().isPresent() ? builder.module(module) : builder).build();
                    },
                    streams.err());
        } catch (IOException e) {
            throw new UncheckedIOException("could not listen on " + bind + ":" + port, e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "wasmjit-serve-shutdown"));
        String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        streams.out().println("wasmjit serve: http://" + host + ":" + server.port() + "/ (" + sessions
                + " server-side sessions, deadline " + DurationConverter.format(deadline) + "; Ctrl-C stops)");
        stopped.await();
        return 0;
    }
}
