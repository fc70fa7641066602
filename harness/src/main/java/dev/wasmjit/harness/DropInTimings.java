package dev.wasmjit.harness;

import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeValue;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What one drop-in run measured, and its {@code --json} form. Seconds are written as Python
 * writes floats, like the text output.
 *
 * @param module         the module's path, or {@code bundled}
 * @param fib            the argument of fib, or empty when a program file ran
 * @param program        the program file's path, or empty when fib ran
 * @param iterations     evaluations per round
 * @param heapBytes      the heap of each evaluation
 * @param parseResult    the parsed expression's address, as printed
 * @param result         the value of the last evaluation
 * @param interpreted    the round before the JIT
 * @param jitModule      the compiled module, if the JIT ran and had something to compile
 * @param link           what linking it did, if it was linked
 * @param compiled       the round after linking; empty with {@code --no-jit}
 */
record DropInTimings(String module, Optional<Integer> fib, Optional<String> program, int iterations, int heapBytes, String parseResult,
                     SchemeValue result, Round interpreted, Optional<JitModule> jitModule,
                     Optional<LinkReport> link, Optional<Round> compiled) {

    /**
     * One round of evaluations.
     *
     * @param seconds     the whole round, printing included, as interp.py timed it
     * @param evalSeconds each evaluation alone
     */
    record Round(double seconds, List<Double> evalSeconds) {
    }

    /**
     * One JSON object on one line; field names are stable, so scripts may rely on them. The
     * result is a number, or else its write form as a string; seconds are numbers. Exactly one
     * of {@code fib} and {@code program} is non-null.
     */
    String toJson() {
        StringBuilder json = new StringBuilder("{");
        json.append("\"module\": ").append(quote(module));
        json.append(", \"fib\": ").append(fib.map(String::valueOf).orElse("null"));
        json.append(", \"iterations\": ").append(iterations);
        json.append(", \"heapBytes\": ").append(heapBytes);
        json.append(", \"program\": ").append(program.map(DropInTimings::quote).orElse("null"));
        json.append(", \"parseResult\": ").append(quote(parseResult));
        json.append(", \"result\": ").append(result.isInteger() ? result.toString() : quote(result.toString()));
        json.append(", \"interpretedSeconds\": ").append(PythonFloat.repr(interpreted.seconds()));
        json.append(", \"interpretedEvalSeconds\": ").append(array(interpreted.evalSeconds()));
        json.append(", \"jitModule\": ").append(jitModule.map(DropInTimings::jitModuleJson).orElse("null"));
        json.append(", \"link\": ").append(link.map(DropInTimings::linkJson).orElse("null"));
        if (compiled.isEmpty()) {
            json.append(", \"jitSeconds\": null, \"jitEvalSeconds\": null, \"speedup\": null");
        } else {
            Round after = compiled.get();
            json.append(", \"jitSeconds\": ").append(PythonFloat.repr(after.seconds()));
            json.append(", \"jitEvalSeconds\": ").append(array(after.evalSeconds()));
            json.append(", \"speedup\": ").append(PythonFloat.repr(interpreted.seconds() / after.seconds()));
        }
        return json.append("}").toString();
    }

    private static String jitModuleJson(JitModule m) {
        return "{\"bytes\": " + m.size() + ", \"functions\": " + m.functionCount()
                + ", \"compiled\": " + (m.compiledCount() >= 0 ? m.compiledCount() : "null") + "}";
    }

    private static String linkJson(LinkReport r) {
        return "{\"namespace\": " + quote(r.namespace()) + ", \"tableSizeBefore\": " + r.tableSizeBefore()
                + ", \"tableSizeAfter\": " + r.tableSizeAfter() + "}";
    }

    private static String array(List<Double> seconds) {
        return seconds.stream().map(PythonFloat::repr).collect(Collectors.joining(", ", "[", "]"));
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
