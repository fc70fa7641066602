package dev.wasmjit.bench.report;

import dev.wasmjit.bench.Guest;
import dev.wasmjit.bench.Program;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The V8 anchor: the same guest module under Node's WebAssembly, with the same protocol
 * ({@code protocol.mjs}, which drives the guest through {@code guest/test/host.mjs}).
 */
final class NodeRunner {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    private NodeRunner() {
    }

    static void measure(Optional<Path> repo, Guest guest, List<Program> programs, ReportOptions options,
                        Path work, Measurements measurements) throws IOException {
        Optional<Path> node = ExternalCommand.onPath("node");
        Optional<Path> host = repo.map(r -> r.resolve("guest/test/host.mjs")).filter(Files::isRegularFile);
        if (node.isEmpty() || host.isEmpty()) {
            measurements.absent(SchemeRuntime.NODE, node.isEmpty() ? "node is not installed"
                    : "no wasmjit checkout (guest/test/host.mjs) found from the working directory");
            return;
        }
        Path driver = work.resolve("protocol.mjs");
        try (InputStream in = NodeRunner.class.getResourceAsStream("protocol.mjs")) {
            Files.copy(in, driver);
        }
        Path wasm = guest.writeTo(work.resolve(guest.name()));
        // V8 compiles wasm functions lazily, on their first call: without this flag a JIT
        // module's compilation would land in the timed evaluations after the round instead of
        // in the round, as it does on wasmtime.
        List<String> command = new ArrayList<>(List.of(node.get().toString(), "--no-wasm-lazy-compilation", driver.toString(),
                host.get().toString(), wasm.toString(), String.valueOf(options.evals()),
                String.valueOf(options.warmupRounds()), String.valueOf(options.rounds()),
                String.valueOf(options.heapBytes())));
        Map<String, Program> byName = new HashMap<>();
        for (Program program : programs) {
            command.add(program.name() + "=" + ProgramFiles.write(work, program, ".scm"));
            byName.put(program.name(), program);
        }
        String output = new ExternalCommand(command, work, Map.of()).output(LIMIT);
        measurements.version(SchemeRuntime.NODE, "node " + ExternalCommand.of(work, node.get().toString(), "--version")
                .output(Duration.ofSeconds(30)).strip());

        Map<String, List<List<Double>>> samples = new HashMap<>();
        for (String line : output.strip().split("\n")) {
            String[] fields = line.split("\t");
            Program program = byName.get(fields[0]);
            if (fields.length != 5 || program == null) {
                throw new IOException("unexpected line from protocol.mjs: " + line);
            }
            if (!fields[4].equals(program.expected())) {
                throw new IOException(program.name() + " gave " + fields[4] + " on V8, expected " + program.expected());
            }
            List<List<Double>> columns = samples.computeIfAbsent(program.name(),
                    name -> List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            for (int i = 0; i < 3; i++) {
                columns.get(i).add(Double.parseDouble(fields[i + 1]));
            }
        }
        for (Program program : programs) {
            List<List<Double>> columns = samples.get(program.name());
            if (columns == null) {
                throw new IOException("protocol.mjs printed nothing for " + program.name());
            }
            measurements.record(SchemeRuntime.NODE, program.name(),
                    Timing.interpreterAndJit(columns.get(0), columns.get(1), columns.get(2)));
        }
    }
}
