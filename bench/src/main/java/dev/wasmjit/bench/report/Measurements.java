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

    private final Map<SchemeRuntime, Map<String, Timing>> timings = new EnumMap<>(SchemeRuntime.class);
    private final Map<SchemeRuntime, String> versions = new EnumMap<>(SchemeRuntime.class);
    private final Map<SchemeRuntime, String> absent = new EnumMap<>(SchemeRuntime.class);
    private final Map<SchemeRuntime, Map<String, String>> failures = new EnumMap<>(SchemeRuntime.class);

    void record(SchemeRuntime runtime, String program, Timing timing) {
        timings.computeIfAbsent(runtime, r -> new LinkedHashMap<>()).put(program, timing);
    }

    /** A program this runtime could not run, and why; the rest of its column stands. */
    void failed(SchemeRuntime runtime, String program, String why) {
        failures.computeIfAbsent(runtime, r -> new LinkedHashMap<>()).put(program, why);
    }

    Map<String, String> failures(SchemeRuntime runtime) {
        return failures.getOrDefault(runtime, Map.of());
    }

    void version(SchemeRuntime runtime, String version) {
        versions.put(runtime, version);
    }

    void absent(SchemeRuntime runtime, String why) {
        timings.remove(runtime);
        absent.put(runtime, why);
    }

    Optional<Timing> timing(SchemeRuntime runtime, String program) {
        return Optional.ofNullable(timings.getOrDefault(runtime, Map.of()).get(program));
    }

    boolean measured(SchemeRuntime runtime) {
        return timings.containsKey(runtime) || failures.containsKey(runtime) && !absent.containsKey(runtime);
    }

    Optional<String> version(SchemeRuntime runtime) {
        return Optional.ofNullable(versions.get(runtime));
    }

    Optional<String> whyAbsent(SchemeRuntime runtime) {
        return Optional.ofNullable(absent.get(runtime));
    }
}
