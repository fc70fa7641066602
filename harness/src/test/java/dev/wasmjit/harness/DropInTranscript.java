package dev.wasmjit.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lines the seed's interp.py prints, as patterns where they vary (address, seconds, the
 * module's description), and the check that a run printed exactly those, in that order.
 */
final class DropInTranscript {

    /** Python's repr of a positive float: 2.3992819786071777, 0.5, 5e-05. */
    static final String PYTHON_FLOAT = "(\\d+\\.\\d+|\\d(\\.\\d+)?e-\\d\\d)";

    private DropInTranscript() {
    }

    /**
     * Asserts the lines are the drop-in output for (fib N).
     *
     * @param lines        stdout, line by line
     * @param fib          N
     * @param iterations   evaluations per round
     * @param result       what (fib N) is
     * @param jitModule    the pattern of the module's description, or null for --no-jit
     */
    static void assertLines(List<String> lines, int fib, int iterations, int result, String jitModule) {
        assertLines(lines, DropInCommand.fibProgram(fib), iterations, Integer.toString(result), jitModule);
    }

    /**
     * Asserts the lines are the drop-in output for a program's text ({@code --program FILE}):
     * "Parsing: " and the text as it is, then what follows for fib.
     *
     * @param lines      stdout, line by line
     * @param text       the program's text
     * @param iterations evaluations per round
     * @param result     the write form of its value
     * @param jitModule  the pattern of the module's description, or null for --no-jit
     */
    static void assertLines(List<String> lines, String text, int iterations, String result, String jitModule) {
        List<String> program = ("Parsing: " + text + "\n").lines().toList();
        assertThat(lines).as("the drop-in output").hasSize(
                program.size() + 1 + round(iterations) + (jitModule == null ? 0 : 3 + round(iterations)));
        assertThat(lines.subList(0, program.size())).isEqualTo(program);
        String parseResult = lines.get(program.size());
        Matcher address = Pattern.compile("Parse result: (0x[0-9a-f]+)").matcher(parseResult);
        assertThat(address.matches()).as(parseResult).isTrue();

        List<String> expected = new ArrayList<>();
        addRound(expected, address.group(1), iterations, result);
        if (jitModule != null) {
            expected.add(Pattern.quote("Calling jitModule()"));
            expected.add(Pattern.quote("jitModule result: ") + jitModule);
            expected.add(Pattern.quote("Instantiating and patching in JIT module"));
            addRound(expected, address.group(1), iterations, result);
        }
        List<String> rest = lines.subList(program.size() + 1, lines.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(rest.get(i)).as("line %d of %s", program.size() + 2 + i, lines).matches(expected.get(i));
        }
    }

    private static int round(int iterations) {
        return 1 + iterations + 1;
    }

    private static void addRound(List<String> expected, String address, int iterations, String result) {
        String calling = "Calling eval(" + address + ") " + iterations + " times";
        expected.add(Pattern.quote(calling));
        for (int i = 0; i < iterations; i++) {
            expected.add(Pattern.quote("result: " + result));
        }
        expected.add(Pattern.quote(calling + " took ") + PYTHON_FLOAT + Pattern.quote("s."));
    }
}
