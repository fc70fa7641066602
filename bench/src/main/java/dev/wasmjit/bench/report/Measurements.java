package dev.wasmjit.bench.report;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the report measured of the programs, runtime by runtime, and for each runtime
 * that could not be measured the reason (not installed, no baseline wasm, ...).
 */
final class Measurements {

    private final Map<Runtime, Map<String, Timing>> timings = new EnumMap<>(Runtime.class);
    private final Map<Runtime, String> versions = new EnumMap<>(Runtime.class);
    private final Map<Runtime, String> absent = new EnumMap<>(Runtime.class);
    private final Map<Runtime, Map<String, String>> failures = new EnumMap<>(Runtime.class);

    void record(Runtime runtime, String program, Timing timing) {
        timings.computeIfAbsent(runtime, r -> new LinkedHashMap<>()).put(program, timing);
    }

    /** A program this runtime could not run, and why; the rest of its column stands. */
    void failed(Runtime runtime, String program, String why) {
        failures.computeIfAbsent(runtime, r -> new LinkedHashMap<>()).put(program, why);
    }

    Map<String, String> failures(Runtime runtime) {
        return failures.getOrDefault(runtime, Map.of());
    }

    void version(Runtime runtime, String version) {
        versions.put(runtime, version);
    }

    void absent(Runtime runtime, String why) {
        timings.remove(runtime);
        absent.put(runtime, why);
    }

    Optional<Timing> timing(Runtime runtime, String program) {
        return Optional.ofNullable(timings.getOrDefault(runtime, Map.of()).get(program));
    }

    boolean measured(Runtime runtime) {
        return timings.containsKey(runtime) || failures.containsKey(runtime) && !absent.containsKey(runtime);
    }

    Optional<String> version(Runtime runtime) {
        return Optional.ofNullable(versions.get(runtime));
    }

    Optional<String> whyAbsent(Runtime runtime) {
        return Optional.ofNullable(absent.get(runtime));
    }
}
