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

    /**
     * Small valid programs that mutations start from; each runs in well under a millisecond.
     * The names they define start with {@code zz}, far from any primitive's name, so that a
     * few changed characters do not redefine a primitive the checks use.
     */
    static final List<String> CORPUS = List.of(
            Programs.FIB_20.replace("(fib 20)", "(fib 10)"),
            "(letrec ((loop (lambda (n) (if (eq? n 0) 42 (loop (- n 1)))))) (loop 1000))",
            "(((lambda (a) (lambda (b) (+ (* a 10) b))) 4) 2)",
            "(letrec ((fact (lambda (n) (if (< n 2) 1 (* n (fact (- n 1))))))) (fact 13))",
            """
            (letrec ((iseven (lambda (n)
                               (letrec ((isodd (lambda (m) (if (eq? m 0) #f (iseven (- m 1))))))
                                 (if (eq? n 0) #t (isodd (- n 1)))))))
              (iseven 100))
            """,
            "(define (zzsquare x) (* x x))\n(zzsquare 12)",
            "(let loop ((i 0) (acc '())) (if (= i 5) (reverse acc) (loop (+ i 1) (cons (* i i) acc))))",
            "(let* ((v (make-vector 3 0)) (s \"a\\\"b\\\\c\\n\")) (vector-set! v 0 (string-length s)) (list v s 'sym #t #f))",
            "(define (zzsum first . more) (apply + first more))\n(zzsum 1 2 3 (car '(4 . 5)))",
            "(case (* 2 3) ((2 3 5 7) 'prime) ((1 4 6 8 9) 'composite) (else 'other))",
            "(do ((i 0 (+ i 1)) (acc 1 (* acc 2))) ((= i 10) acc))",
            "#| a block comment |# (begin #;(ignored 1) (display \"x\") (newline) (when (< 1 2) 'yes))",
            "(let ((zzcount (let ((n 0)) (lambda () (set! n (+ n 1)) n)))) (zzcount) (zzcount) (unless #f (zzcount)))",
            "(map (lambda (x y) (string-append x y)) '(\"a\" \"b\") (list \"c\" \"d\" \"e\"))",
            "(define zzvec #(1 2 3))\n(vector->list (list->vector (append (vector->list zzvec) '(4 . ()))))",
            "(let () (define k 5) (define (twice f x) (f (f x))) (twice (lambda (y) (* y k)) 2))",
            "(cond ((assv 2 '((1 . one) (2 . two))) (cdr (assv 2 '((1 . one) (2 . two))))) (else 'none))",
            "(equal? '(1 #(2 \"x\") (3 . 4)) (list 1 (vector 2 \"x\") (cons 3 4)))",
            "(string->symbol (string-append (symbol->string 'abc) (number->string (quotient 17 5))))",
            "; a comment\n(+ 1073741823 (- 0 1073741823))",
            "(if (< -1073741824 1073741823) (lambda (y) y) 0)",
            "(and (or #f (memv 3 (list 1 2 3))) (letrec* ((a 1) (b (+ a 1))) (list a b)))");

    /**
     * The language's tokens. No {@code define} or {@code set!}: at random they would sooner
     * or later rebind a primitive for the whole session (as Scheme allows); the malformed
     * forms and the corpus cover them with names of their own.
     */
    private static final String[] TOKENS = {
        "(", "(", "(", ")", ")", ")", "'", ".", "#(", "#t", "#f", "#true", "#false", "#|", "|#", "#;", "\"", "\"a\\\"b\"",
        "\"\\n\"", "\"\\q\"", "lambda", "let", "let*", "letrec", "letrec*", "if", "cond", "case", "else", "and", "or", "when",
        "unless", "do", "begin", "quote", "=>", "car", "cdr", "cons", "list", "vector", "vector-ref", "+", "-", "*", "<", "=",
        "apply", "map", "string-append", "length", "null?", "eq?", "x", "y", "n", "f", "0", "1", "-1", "42", "1073741823",
        "-1073741824", "1073741824", "1.5", "#\\a", "`", ",", ";", "\n", " ",
    };

    private static final String MUTATION_ALPHABET = "()+-*<?eqlambdaiftrcxyzn0123456789 \n;'\"#|.\\";

    private static final String[][] NESTINGS = {
        {"(", ""},
        {"(+ 1 ", ")"},
        {"((lambda (x) ", ") 1)"},
        {"(lambda (x) ", ")"},
        {"(if #t ", " 0)"},
        {"(letrec ((f ", ")) f)"},
        {"(- ", " 1)"},
        {"'", ""},
        {"(quote ", ")"},
        {"#(", ")"},
        {"(list ", ")"},
        {"(let ((x 1)) ", ")"},
        {"(cond (#t ", "))"},
        {"(and ", ")"},
        {"#;", ""},
        {"#|", "|#"},
        {"(1 . ", ")"},
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
        GeneratedInput generated = switch (family) {
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
            case READER_SYNTAX -> readerSyntax(random);
            case MALFORMED_FORM -> malformedForm(random);
            case WRONG_ARGUMENTS -> wrongArguments(random);
        };
        return new FuzzInput(index, family, generated.bytes, generated.expected);
    }

    private record GeneratedInput(byte[] bytes, Optional<String> expected) {
        static GeneratedInput of(String text) {
            return new GeneratedInput(text.getBytes(StandardCharsets.UTF_8), Optional.empty());
        }

        static GeneratedInput of(String text, String expected) {
            return new GeneratedInput(text.getBytes(StandardCharsets.UTF_8), Optional.of(expected));
        }
    }

    private static GeneratedInput randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return new GeneratedInput(bytes, Optional.empty());
    }

    private static GeneratedInput randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5f)));
        }
        return GeneratedInput.of(text.toString());
    }

    private static GeneratedInput randomTokens(Random random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append(TOKENS[random.nextInt(TOKENS.length)]).append(random.nextInt(4) == 0 ? "" : " ");
        }
        return GeneratedInput.of(text.toString());
    }

    private static GeneratedInput truncated(Random random) {
        String program = pick(random);
        return GeneratedInput.of(program.substring(0, random.nextInt(program.length())));
    }

    private static GeneratedInput unbalanced(Random random) {
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
        return GeneratedInput.of(text.toString());
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

    private static GeneratedInput unbound(Random random) {
        String name = randomIdentifier(random);
        return switch (random.nextInt(7)) {
            case 0 -> GeneratedInput.of(name);
            case 1 -> GeneratedInput.of("(+ " + name + " 1)");
            // unbound names are reported when evaluated: unreached code may name them
            case 2 -> GeneratedInput.of("(if #f " + name + " 1)", "1");
            case 3 -> GeneratedInput.of("(define (zzuses-" + name + ") " + name + ")\n(procedure? zzuses-" + name + ")", "#t");
            case 4 -> GeneratedInput.of("(set! " + name + " 1)");
            case 5 -> GeneratedInput.of("(let ((f (lambda () " + name + "))) (f))");
            default -> {
                // a valid program whose body also uses the unbound name
                String program = pick(random);
                int close = program.lastIndexOf(')');
                yield GeneratedInput.of(program.substring(0, close) + " " + name + program.substring(close));
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
    private static GeneratedInput hugeLiteral(Random random) {
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
        // Integers have no bound: every literal reads. Writing one of many thousands of digits
        // takes quadratic time (schoolbook division), so those are tested by their sign.
        if (digits.length() > 2000) {
            return GeneratedInput.of("(negative? " + literal + ")", value.signum() < 0 ? "#t" : "#f");
        }
        String program = random.nextBoolean() ? literal : "(+ 0 " + literal + ")";
        return GeneratedInput.of(program, value.toString());
    }

    private static GeneratedInput mutated(Random random) {
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
        return GeneratedInput.of(text.toString());
    }

    private static final byte[][] MALFORMED_UTF8 = {
        {(byte) 0xff}, {(byte) 0xc0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xe2, (byte) 0x82},
        {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xfe, (byte) 0xfe},
    };

    private static final String[] ODD_TEXT = {"\u00e9", "\u20ac", "\ud83d\ude00", "\ufeff", "\ufffe", "\u202e", "\ud800", "\udfff", "\u0000"};

    private static GeneratedInput nonUtf8(Random random) {
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
                return new GeneratedInput(bytes.toByteArray(), Optional.of("42"));
            }
            case 2 -> {
                // Java text with lone surrogates or NULs, as a caller might pass it
                String odd = ODD_TEXT[random.nextInt(ODD_TEXT.length)];
                return GeneratedInput.of(program.substring(0, at) + odd + program.substring(at));
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
        return new GeneratedInput(bytes.toByteArray(), Optional.empty());
    }

    private static GeneratedInput deepNesting(Random random) {
        int depth = 100_000;
        String[] nesting = NESTINGS[random.nextInt(NESTINGS.length)];
        if (random.nextInt(4) == 0) {
            return GeneratedInput.of(")".repeat(depth));
        }
        String innermost = random.nextBoolean() ? "1" : "";
        return GeneratedInput.of(nesting[0].repeat(depth) + innermost + nesting[1].repeat(random.nextInt(2) == 0 ? depth : depth / 2));
    }

    private static String pick(Random random) {
        return CORPUS.get(random.nextInt(CORPUS.size()));
    }

    private static String oneOf(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    // ---- the reader's syntax ------------------------------------------------------------------

    /** Pieces of v2 syntax, some well-formed and with a known result, some not. */
    private static GeneratedInput readerSyntax(Random random) {
        if (random.nextInt(4) == 0) {
            return knownReading(random);
        }
        StringBuilder text = new StringBuilder();
        int pieces = 1 + random.nextInt(4);
        for (int i = 0; i < pieces; i++) {
            String piece = readerPiece(random, 0);
            text.append(switch (random.nextInt(5)) {
                case 0 -> "'" + piece;
                case 1 -> "(list " + piece + ")";
                case 2 -> "(write '" + piece + ")";
                case 3 -> "(quote " + piece + ")";
                default -> piece;
            }).append(oneOf(random, " ", "\n", "", " #;" + readerPiece(random, 2) + " ", " #| c |# "));
        }
        return GeneratedInput.of(text.toString());
    }

    private static String readerPiece(Random random, int depth) {
        int choice = depth > 3 ? random.nextInt(4) : random.nextInt(12);
        return switch (choice) {
            case 0 -> stringLiteral(random);
            case 1 -> oneOf(random, "#t", "#f", "#true", "#false", "#tru", "#x10", "#\\a", "#", "#e1", "#!eof");
            case 2 -> oneOf(random, "0", "-0", "+5", "1073741823", "-1073741824", "1073741824", "1.5", ".5", "1/2", "1e3", "-", "+", "...");
            case 3 -> oneOf(random, "abc", "a.b", "|sym|", "x->y", "<=?", "@x", "a,b", "a`b", "{}", "[1]");
            case 4, 5 -> {
                StringBuilder list = new StringBuilder(random.nextInt(4) == 0 ? "#(" : "(");
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    list.append(readerPiece(random, depth + 1)).append(' ');
                }
                yield list.append(')').toString();
            }
            case 6 -> "(" + readerPiece(random, depth + 1) + " . " + readerPiece(random, depth + 1) + ")";
            case 7 -> oneOf(random, "(1 . 2 3)", "( . 1)", "(1 .)", "(1 . . 2)", "(. )", "#(1 . 2)", "(1 .2)", "(a .b)", "(1 . (2 . (3)))");
            case 8 -> "'" + readerPiece(random, depth + 1);
            case 9 -> oneOf(random, "#| unterminated", "|#", "#| #| nested |# |#", "#|#|#||#|#", "#;", "#; #;", "#;1", "'", "''", ")", "(");
            case 10 -> "#;" + readerPiece(random, depth + 1) + " " + readerPiece(random, depth + 1);
            default -> "\"" + oneOf(random, "\\", "\\\"", "line\nbreak", "\\t", "\\x41;", "\\\\", "no end");
        };
    }

    private static String stringLiteral(Random random) {
        StringBuilder s = new StringBuilder("\"");
        int n = random.nextInt(10);
        for (int i = 0; i < n; i++) {
            s.append(oneOf(random, "a", "Z", " ", "\\\"", "\\\\", "\\n", "\n", "\\t", "\\q", "\u00e9", ";", "#|", "(", ")"));
        }
        return s.append(random.nextInt(15) == 0 ? "" : "\"").toString();
    }

    /** Well-formed v2 syntax whose result is known. */
    private static GeneratedInput knownReading(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> GeneratedInput.of("(string-length \"a\\nb\\\"c\\\\\")", "6");
            case 1 -> GeneratedInput.of("'(1 . (2 . (3 . ())))", "(1 2 3)");
            case 2 -> GeneratedInput.of("#;(car '()) 5", "5");
            case 3 -> GeneratedInput.of("#| x #| nested |# y |# 7", "7");
            case 4 -> GeneratedInput.of("(vector-length #(1 #(2) \"s\" (3 . 4)))", "4");
            case 5 -> GeneratedInput.of("''a", "(quote a)");
            case 6 -> GeneratedInput.of("'(a . b)", "(a . b)");
            case 7 -> GeneratedInput.of("(list #t #f #true #false '())", "(#t #f #t #f ())");
            case 8 -> GeneratedInput.of("\"tab\\\\ and \\\"quote\\\"\"", "\"tab\\\\ and \\\"quote\\\"\"");
            case 9 -> GeneratedInput.of("(car '((1 2) . 3))", "(1 2)");
            case 10 -> GeneratedInput.of("#;#;1 2 3", "3");
            default -> GeneratedInput.of("'#(1 \"a\" (b . c) #())", "#(1 \"a\" (b . c) #())");
        };
    }

    // ---- malformed special forms -------------------------------------------------------------

    private static final String[] FORMS = {
        "quote", "lambda", "define", "if", "set!", "let", "let*", "letrec", "letrec*", "begin", "cond", "case", "and", "or",
        "when", "unless", "do", "else", "=>",
    };

    /** Shapes each form is known to reject, or to take in ways worth checking. */
    private static final String[] MALFORMED = {
        "(quote)", "(quote 1 2)", "(quote . 1)", "(lambda)", "(lambda x)", "(lambda (1) 1)", "(lambda (x x) x)",
        "(lambda (x . 1) x)", "(lambda (x . y . z) x)", "(lambda (\"s\") 1)", "(define)", "(define 1 2)", "(define (1) 2)",
        "(define zzx)", "(define zzx 1 2)", "(define (zzf))", "(define \"zz\" 1)", "(define (zzf . 1) 1)", "(+ 1 (define zzx 2))",
        "(if (define zzx 1) 2 3)", "(lambda () (define zzx 1))", "(let () (define zzx 1))",
        "(lambda () 1 (define zzx 2) zzx)", "(set! 1 2)", "(set! zzx)", "(set! zzx 1 2)", "(set! (car '(1)) 2)", "(if)", "(if 1)",
        "(if 1 2 3 4)", "(if 1 2 . 3)", "(let ((x)) x)", "(let ((1 2)) 1)", "(let x)", "(let ((x 1) (x 2)) x)", "(let loop)",
        "(let loop ((i 0)))", "(let loop ((i 0) (i 1)) i)", "(let ((x 1) . y) x)", "(let (x) x)", "(let ((x 1 2)) x)", "(let 1 2)",
        "(let* ((x)) x)", "(letrec ((f)) f)", "(letrec (f) f)", "(letrec* ((a b) (b 1)) a)", "(letrec ((a b) (b 1)) a)",
        "(cond)", "(cond ())", "(cond (else 1) (#t 2))", "(cond (1 => car))", "(cond . 1)", "(cond (else))", "(case)", "(case 1)",
        "(case 1 (2 3))", "(case 1 ((1) 2) (else))", "(case 1 (else 1) ((1) 2))", "(case 1 ((1 . 2) 3))", "(case 1 (1 2))",
        "(do)", "(do ((i 0 1 2)) (#t))", "(do ((i)) (#t))", "(do () ())", "(do () (#t))", "(do ((1 0)) (#t))", "(do ((i 0 (+ i 1))))",
        "(do ((i 0) (i 1)) (#t))", "(begin)", "(begin . 1)", "(when)", "(when #t)", "(unless 1)", "(and . 1)", "(or 1 . 2)", "(else)",
        "(else 1)", "(=> 1)", "if", "lambda", "(let ((if 1)) if)", "(lambda (if) if)", "(define if 1)", "(set! if 1)", "(quote if)",
        "(())", "()", "(1 . 2)", "(+ . 1)", "(+ 1 . 2)", "((lambda x x) . 1)",
    };

    /** Operands a form may get at random. */
    private static final String[] OPERANDS = {
        "1", "zzx", "()", "(zzx)", "((zzx 1))", "(1 2)", "\"s\"", "#t", "else", "(else 1)", ". 1", "(zzx . 1)", "((1) 2)", "(#t 1)",
        "'a", "(lambda (y) y)", "((zzx 1 (+ zzx 1)))", "(#f)", "#(1)",
    };

    private static GeneratedInput malformedForm(Random random) {
        String form;
        if (random.nextBoolean()) {
            form = MALFORMED[random.nextInt(MALFORMED.length)];
        } else {
            StringBuilder text = new StringBuilder("(").append(FORMS[random.nextInt(FORMS.length)]);
            int n = random.nextInt(5);
            for (int i = 0; i < n; i++) {
                text.append(' ').append(OPERANDS[random.nextInt(OPERANDS.length)]);
            }
            form = text.append(')').toString();
        }
        return GeneratedInput.of(switch (random.nextInt(6)) {
            case 0 -> "(lambda () " + form + ")";
            case 1 -> "(list 1 " + form + ")";
            case 2 -> "(define (zzwrap) " + form + ")\n(zzwrap)";
            case 3 -> "(let ((zzx 1)) " + form + ")";
            default -> form;
        });
    }

    // ---- primitives and procedures with wrong arguments --------------------------------------

    /** Arguments of every kind; none is large, and none loops. */
    private static final String[] ARGUMENTS = {
        "0", "-1", "5", "1073741823", "-1073741824", "#t", "#f", "'()", "'(1 2)", "'(1 . 2)", "(list 3 1 2)", "\"s\"",
        "\"\"", "'sym", "#(1 2)", "(vector 1 \"a\")", "(make-vector 2 0)", "car", "+", "(lambda (x) x)", "(lambda args args)",
        "(if #f #f)", "(list (cons 1 2) (cons 3 4))", "(list \"a\" \"b\")", "'((a . 1) (b . 2))", "(string-append \"ab\" \"c\")",
    };

    private static GeneratedInput wrongArguments(Random random) {
        if (random.nextInt(5) == 0) {
            return GeneratedInput.of(oneOf(random,
                    "((lambda (x y) x) 1)", "((lambda (x . r) r))", "((lambda () 1) 2)", "(define (zzone a) a)\n(zzone)",
                    "(define (zzone a) a)\n(zzone 1 2)", "(define (zzrest a b . c) c)\n(zzrest 1)", "(apply car '(1 2))",
                    "(apply (lambda (a b) a) '(1))", "(map (lambda (a b) a) '(1 2))", "(for-each car '(1 2))", "(apply + 1)",
                    "(apply + 1 '(2 . 3))", "(map + '(1) '(2) 5)", "((if #f car cdr) '(1 2) 3)", "(let loop ((i 0)) (loop))",
                    "(do ((i 0 (+ i 1))) ((= i 3) (car i)))", "(make-vector 100000000 0)", "(make-vector 1000000 0)",
                    "(string->number \"12\" 3)", "(list-tail '(1 2) 3)", "(substring \"abc\" 2 1)"));
        }
        PrimitiveTable.Primitive p = PrimitiveTable.ALL.get(random.nextInt(PrimitiveTable.ALL.size()));
        while (p.name().equals("exit") || p.name().equals("emergency-exit")) {  // they end the program, by design
            p = PrimitiveTable.ALL.get(random.nextInt(PrimitiveTable.ALL.size()));
        }
        int max = p.max() == PrimitiveTable.ANY ? p.min() + 3 : p.max();
        int count = switch (random.nextInt(4)) {
            case 0 -> Math.max(0, p.min() - 1);
            case 1 -> max + 1;
            default -> p.min() + random.nextInt(max - p.min() + 1);
        };
        StringBuilder call = new StringBuilder(random.nextInt(8) == 0 ? "(apply " + p.name() : "(" + p.name());
        for (int i = 0; i < count; i++) {
            call.append(' ').append(ARGUMENTS[random.nextInt(ARGUMENTS.length)]);
        }
        if (call.toString().startsWith("(apply")) {
            call.append(" '()");
        }
        return GeneratedInput.of(call.append(')').toString());
    }
}
