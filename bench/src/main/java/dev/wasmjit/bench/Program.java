package dev.wasmjit.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Scheme program that the benchmarks and the report measure, with the result it must give
 * (a measurement of a program that failed or computed something else would be meaningless).
 *
 * <p>Every program is standard Scheme in the guest's language, so Guile and Chez run the very
 * same text.
 *
 * @param name     a short name for tables and plots, e.g. {@code fib(30)} or {@code closures}
 * @param source   the program text
 * @param expected what it evaluates to, as the guest prints it after {@code result: } (its
 *                 {@code write} form)
 */
public record Program(String name, String source, String expected) {

    /**
     * The example corpus ({@code examples/*.scm}), bundled in this module's jar. A test keeps
     * this list equal to the directory.
     */
    public static final List<String> EXAMPLE_NAMES = List.of("ackermann", "big-and-exact-numbers", "closures",
            "complex-numbers", "countdown", "cpstak", "deriv", "destruc", "div", "escaping-fib", "escaping-tak",
            "exceptions", "factorial", "fib", "float-kernels", "higher-order", "macro-heap", "map-apply-closures", "mutual-recursion", "nqueens", "primes", "strings",
            "sum-accumulator", "tak", "takl", "text", "vectors");

    /**
     * The benchmark suite ({@code bench/programs/*.scm}), classic programs sized to run
     * 50-500 ms per evaluation interpreted; bundled in this module's jar. A test keeps this
     * list equal to the directory.
     */
    public static final List<String> SUITE_NAMES = List.of("ack", "array1", "closures", "cpstak", "deriv",
            "destruc", "div", "fib", "mutual-recursion", "nqueens", "primes", "string-kernel", "sum-loop", "tak",
            "takl", "vector-sort");

    /**
     * The heap every evaluation of a suite program gets: several need more than the seed's
     * 1 MiB (primes exhausts it), and one size for all keeps them comparable.
     */
    public static final int SUITE_HEAP_BYTES = 64 << 20;

    /** How {@link #named} tells a suite program from an example of the same name. */
    public static final String SUITE_PREFIX = "suite/";

    private static final Pattern FIB = Pattern.compile("fib\\((\\d+)\\)");
    private static final Pattern FUNCTIONS = Pattern.compile("functions\\((\\d+)\\)");
    private static final String EXAMPLES = "/dev/wasmjit/bench/examples/";
    private static final String SUITE = "/dev/wasmjit/bench/programs/";
    private static final Pattern EXPECT = Pattern.compile("^;\\s*expect:\\s*(.+?)\\s*$", Pattern.MULTILINE);

    /**
     * A program by its {@link #name()}: {@code fib(N)}, {@code functions(N)}, an example's
     * name, or {@code suite/NAME} for a program of the suite. Benchmarks take their workload as
     * such a string parameter.
     *
     * @param name the name
     * @return the program
     * @throws IllegalArgumentException if no program has that name
     */
    public static Program named(String name) {
        Matcher fib = FIB.matcher(name);
        if (fib.matches()) {
            return fib(Integer.parseInt(fib.group(1)));
        }
        Matcher functions = FUNCTIONS.matcher(name);
        if (functions.matches()) {
            return withFunctions(Integer.parseInt(functions.group(1)));
        }
        if (name.startsWith(SUITE_PREFIX)) {
            return suite(name.substring(SUITE_PREFIX.length()));
        }
        return example(name);
    }

    /**
     * The seed's benchmark: naive doubly recursive Fibonacci, with fib 0 = fib 1 = 1.
     *
     * @param n the argument, 0 to 40
     * @return {@code fib(n)} as a program
     */
    public static Program fib(int n) {
        if (n < 0 || n > 40) {
            throw new IllegalArgumentException("fib(" + n + ") is outside 0..40 (31-bit integers, seconds of time)");
        }
        String source = "(letrec ((fib (lambda (n)\n"
                + "                (if (< n 2)\n"
                + "                    1\n"
                + "                    (+ (fib (- n 1))\n"
                + "                       (fib (- n 2)))))))\n"
                + "  (fib " + n + "))\n";
        int a = 1;
        int b = 1;
        for (int i = 1; i < n; i++) {
            int next = a + b;
            a = b;
            b = next;
        }
        return new Program("fib(" + n + ")", source, Integer.toString(b));
    }

    /**
     * One example of the corpus.
     *
     * @param name a name from {@link #EXAMPLE_NAMES}
     * @return the program, its expected result read from its {@code ; expect: N} line
     * @throws IllegalArgumentException if there is no such example
     */
    public static Program example(String name) {
        return bundled(EXAMPLES, name);
    }

    /**
     * One program of the benchmark suite.
     *
     * @param name a name from {@link #SUITE_NAMES}, such as {@code tak}
     * @return the program, named so, its expected result read from its {@code ; expect:} line
     * @throws IllegalArgumentException if the suite has no such program
     */
    public static Program suite(String name) {
        return bundled(SUITE, name);
    }

    /**
     * The benchmark suite, in {@link #SUITE_NAMES} order.
     *
     * @return the programs
     */
    public static List<Program> suite() {
        return SUITE_NAMES.stream().map(Program::suite).toList();
    }

    private static Program bundled(String directory, String name) {
        try (InputStream in = Program.class.getResourceAsStream(directory + name + ".scm")) {
            if (in == null) {
                throw new IllegalArgumentException("no program named " + name
                        + "; there are fib(N), functions(N), the examples " + EXAMPLE_NAMES + " and the suite's "
                        + SUITE_NAMES.stream().map(n -> SUITE_PREFIX + n).toList());
            }
            String source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Matcher expect = EXPECT.matcher(source);
            if (!expect.find()) {
                throw new IllegalStateException(directory + name + ".scm has no '; expect: VALUE' line");
            }
            return new Program(name, source, expect.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every example of the corpus, in {@link #EXAMPLE_NAMES} order.
     *
     * @return the programs
     */
    public static List<Program> examples() {
        return EXAMPLE_NAMES.stream().map(Program::example).toList();
    }

    /**
     * A program defining {@code count} functions that all run once, so that one JIT round
     * compiles all of them. Function K is an anonymous {@code (lambda (n) (+ n K))} applied to
     * K; the calls are summed in a balanced tree of {@code +}, because a chain of nested
     * {@code letrec}s would exceed the parser's nesting limit long before 1000 functions.
     *
     * @param count how many functions, 1 to 4000
     * @return the program, named {@code functions(count)}; it evaluates to
     *         2 * (1 + 2 + ... + count)
     */
    public static Program withFunctions(int count) {
        if (count < 1 || count > 4000) {
            throw new IllegalArgumentException("function count must lie in 1..4000, was " + count);
        }
        String source = "; " + count + " functions, generated for the JIT round benchmarks\n"
                + sumOfCalls(1, count) + "\n";
        return new Program("functions(" + count + ")", source, Integer.toString(count * (count + 1)));
    }

    private static String sumOfCalls(int from, int to) {
        if (from == to) {
            return "((lambda (n) (+ n " + from + ")) " + from + ")";
        }
        int middle = (from + to) / 2;
        return "(+ " + sumOfCalls(from, middle) + "\n   " + sumOfCalls(middle + 1, to) + ")";
    }
}
