package dev.wasmjit.reliability;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Makes the fuzzer's inputs from a seed. Input {@code i} depends only on the seed and
 * {@code i}, so a failure is reproduced by running again with the seed it prints.
 */
final class FuzzInputs {

    /** Small valid programs that mutations start from; each runs in well under a millisecond. */
    static final List<String> CORPUS = List.of(
            Programs.FIB_20.replace("(fib 20)", "(fib 10)"),
            "(letrec ((loop (lambda (n) (if (eq? n 0) 42 (loop (- n 1)))))) (loop 1000))",
            "(((lambda (a) (lambda (b) (+ (* a 10) b))) 4) 2)",
            "(letrec ((fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))) (fact 12))",
            "(letrec ((fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))) (fact 13))",
            """
            (letrec ((iseven (lambda (n)
                               (letrec ((isodd (lambda (m) (if (eq? m 0) 0 (iseven (- m 1))))))
                                 (if (eq? n 0) 1 (isodd (- n 1)))))))
              (iseven 100))
            """,
            "((lambda (twice) ((twice (lambda (x) (* x 3))) 5)) (lambda (f) (lambda (x) (f (f x)))))",
            "(letrec ((ack (lambda (m) (lambda (n) (if (eq? m 0) (+ n 1) (if (eq? n 0) ((ack (- m 1)) 1) "
                    + "((ack (- m 1)) ((ack m) (- n 1))))))))) ((ack 2) 3))",
            "; a comment\n(+ 1073741823 (- 0 1073741823))",
            "(if (< -1073741824 1073741823) (lambda (y) y) 0)");

    private static final String[] TOKENS = {
        "(", "(", "(", ")", ")", ")", "lambda", "letrec", "if", "+", "-", "*", "<", "eq?",
        "x", "y", "n", "f", "0", "1", "-1", "42", "1073741823", "-1073741824", "1073741824", ";", "\n", " ",
    };

    private static final String MUTATION_ALPHABET = "()+-*<?eqlambdaiftrcxyzn0123456789 \n;";

    private static final String[][] NESTINGS = {
        {"(", ""},
        {"(+ 1 ", ")"},
        {"((lambda (x) ", ") 1)"},
        {"(lambda (x) ", ")"},
        {"(if 1 ", " 0)"},
        {"(letrec ((f ", ")) f)"},
        {"(- ", " 1)"},
    };

    private final long seed;

    FuzzInputs(long seed) {
        this.seed = seed;
    }

    /** Every input of a run, families interleaved in an order fixed by the seed. */
    List<FuzzInput> all() {
        List<FuzzFamily> order = new ArrayList<>();
        for (FuzzFamily family : FuzzFamily.values()) {
            order.addAll(Collections.nCopies(family.count(), family));
        }
        Collections.shuffle(order, new Random(seed));
        List<FuzzInput> inputs = new ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            inputs.add(make(i, order.get(i)));
        }
        return inputs;
    }

    private FuzzInput make(int index, FuzzFamily family) {
        Random random = new Random(seed * 0x9E3779B97F4A7C15L + index);
        Generated generated = switch (family) {
            case RANDOM_BYTES -> randomBytes(random);
            case RANDOM_TEXT -> randomText(random);
            case RANDOM_TOKENS -> randomTokens(random);
            case TRUNCATED -> truncated(random);
            case UNBALANCED -> unbalanced(random);
            case UNBOUND_IDENTIFIER -> unbound(random);
            case HUGE_LITERAL -> hugeLiteral(random);
            case MUTATED -> mutated(random);
            case NON_UTF8 -> nonUtf8(random);
            case DEEP_NESTING -> deepNesting(random);
        };
        return new FuzzInput(index, family, generated.bytes, generated.expected);
    }

    private record Generated(byte[] bytes, Optional<Integer> expected) {
        static Generated of(String text) {
            return new Generated(text.getBytes(StandardCharsets.UTF_8), Optional.empty());
        }

        static Generated of(String text, int expected) {
            return new Generated(text.getBytes(StandardCharsets.UTF_8), Optional.of(expected));
        }
    }

    private static Generated randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return new Generated(bytes, Optional.empty());
    }

    private static Generated randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return Generated.of(text.toString());
    }

    private static Generated randomTokens(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
        }
        return Generated.of(text.toString());
    }

    private static Generated truncated(Random random) {
        String program = pick(random);
        return Generated.of(program.substring(0, random.nextInt(program.length())));
    }

    private static Generated unbalanced(Random random) {
        StringBuilder text = new StringBuilder(pick(random));
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(text.length() + 1);
            if (random.nextBoolean()) {
                text.insert(at, random.nextBoolean() ? '(' : ')');
            } else {
                int paren = indexOfParenFrom(text, at);
                if (paren >= 0) {
                    text.deleteCharAt(paren);
                }
            }
        }
        return Generated.of(text.toString());
    }

    private static int indexOfParenFrom(CharSequence text, int from) {
        for (int i = 0; i < text.length(); i++) {
            int at = (from + i) % text.length();
            if (text.charAt(at) == '(' || text.charAt(at) == ')') {
                return at;
            }
        }
        return -1;
    }

    private static Generated unbound(Random random) {
        String name = randomIdentifier(random);
        return switch (random.nextInt(3)) {
            case 0 -> Generated.of(name);
            case 1 -> Generated.of("(+ " + name + " 1)");
            default -> {
                // a valid program whose body also uses the unbound name
                String program = pick(random);
                int close = program.lastIndexOf(')');
                yield Generated.of(program.substring(0, close) + " " + name + program.substring(close));
            }
        };
    }

    private static String randomIdentifier(Random random) {
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        StringBuilder name = new StringBuilder("zz");
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            name.append(random.nextInt(3) == 0 ? (char) ('0' + random.nextInt(10)) : letters.charAt(random.nextInt(letters.length())));
        }
        return name.toString();
    }

    /** A literal the guest must take exactly when it lies in the 31-bit range, else refuse. */
    private static Generated hugeLiteral(Random random) {
        String digits = switch (random.nextInt(4)) {
            case 0 -> String.valueOf(Programs.MAX_INTEGER + (long) random.nextInt(5) - 2);
            case 1 -> "0".repeat(random.nextInt(30)) + (Programs.MAX_INTEGER - random.nextInt(3));
            case 2 -> new BigInteger(1 + random.nextInt(400), random).toString();
            default -> {
                StringBuilder many = new StringBuilder();
                int length = 1 + random.nextInt(100_000);
                for (int i = 0; i < length; i++) {
                    many.append((char) ('0' + random.nextInt(10)));
                }
                yield many.toString();
            }
        };
        String literal = (random.nextBoolean() ? "-" : "") + digits;
        BigInteger value = new BigInteger(literal);
        String program = random.nextBoolean() ? literal : "(+ 0 " + literal + ")";
        boolean inRange = value.compareTo(BigInteger.valueOf(Programs.MIN_INTEGER)) >= 0
                && value.compareTo(BigInteger.valueOf(Programs.MAX_INTEGER)) <= 0;
        return inRange ? Generated.of(program, value.intValueExact()) : Generated.of(program);
    }

    private static Generated mutated(Random random) {
        StringBuilder text = new StringBuilder(pick(random));
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && text.length() > 0; i++) {
            int at = random.nextInt(text.length());
            char c = MUTATION_ALPHABET.charAt(random.nextInt(MUTATION_ALPHABET.length()));
            switch (random.nextInt(3)) {
                case 0 -> text.setCharAt(at, c);
                case 1 -> text.insert(at, c);
                default -> text.deleteCharAt(at);
            }
        }
        return Generated.of(text.toString());
    }

    private static final byte[][] MALFORMED_UTF8 = {
        {(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xe2, (byte) 0x82},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xfe, (byte) 0xfe},
    };

    private static final String[] ODD_TEXT = {"\u00e9", "\u20ac", "\ud83d\ude00", "\ufeff", "\ufffe", "\u202e", "\ud800", "\udfff", "\u0000"};

    private static Generated nonUtf8(Random random) {
        String program = pick(random);
        int at = random.nextInt(program.length() + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        switch (random.nextInt(4)) {
            case 0 -> {
                // malformed bytes inside the program
                bytes.writeBytes(program.substring(0, at).getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(MALFORMED_UTF8[random.nextInt(MALFORMED_UTF8.length)]);
                bytes.writeBytes(program.substring(at).getBytes(StandardCharsets.UTF_8));
            }
            case 1 -> {
                // malformed bytes in a comment before a program that must still give its result
                bytes.writeBytes("; ".getBytes(StandardCharsets.UTF_8));
                bytes.writeBytes(MALFORMED_UTF8[random.nextInt(MALFORMED_UTF8.length)]);
                bytes.writeBytes("\n(+ 40 2)".getBytes(StandardCharsets.UTF_8));
                return new Generated(bytes.toByteArray(), Optional.of(42));
            }
            case 2 -> {
                // Java text with lone surrogates or NULs, as a caller might pass it
                String odd = ODD_TEXT[random.nextInt(ODD_TEXT.length)];
                return Generated.of(program.substring(0, at) + odd + program.substring(at));
            }
            default -> {
                // a random mix of all of them
                int pieces = 1 + random.nextInt(20);
                for (int i = 0; i < pieces; i++) {
                    bytes.writeBytes(random.nextBoolean()
                            ? MALFORMED_UTF8[random.nextInt(MALFORMED_UTF8.length)]
                            : ODD_TEXT[random.nextInt(ODD_TEXT.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return new Generated(bytes.toByteArray(), Optional.empty());
    }

    private static Generated deepNesting(Random random) {
        int depth = 100_000;
        String[] nesting = NESTINGS[random.nextInt(NESTINGS.length)];
        if (random.nextInt(4) == 0) {
            return Generated.of(")".repeat(depth));
        }
        String innermost = random.nextBoolean() ? "1" : "";
        return Generated.of(nesting[0].repeat(depth) + innermost + nesting[1].repeat(random.nextInt(2) == 0 ? depth : depth / 2));
    }

    private static String pick(Random random) {
        return CORPUS.get(random.nextInt(CORPUS.size()));
    }
}
