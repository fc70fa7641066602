package dev.wasmjit.reliability;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Makes random valid Language v2 and v3 programs that always end soon and whose outcome does not
 * depend on the runtime: a few top-level definitions (variables, procedures with fixed and
 * rest parameters, stateful closures, mutually tail-recursive pairs), statements that
 * print, and a last expression whose value is the result.
 *
 * <p>Expressions are typed (integer, inexact real, boolean, list of integers, vector of
 * integers, string, symbol, one-argument procedure of integers, anything), so that most
 * programs give a result. Reals mix exact and inexact operands, compare with exact numbers,
 * round to exact integers and back, and go through {@code number->string} and back; their
 * literals include random doubles of every magnitude. One string literal in five holds random
 * Unicode scalar values (as {@code \x...;} escapes), which the string procedures must count
 * as characters; a few contain one of the guest's run-time errors on purpose (wrong type, wrong
 * number of arguments, car of a non-pair, index out of range, division by zero, a user's
 * {@code error}, an unbound variable, a literal constant modified). Integers also come by way of
 * control: escapes through {@code call/cc}, {@code guard} and handlers, {@code dynamic-wind},
 * several values and parameters ({@link #control}).
 *
 * <p>How long a program runs is bounded by a budget of calls and loop iterations handed
 * down the expression tree: a loop of n iterations gives its body a budget of 1/n of its
 * own, and a procedure is only called where the budget covers its body. Data stays small
 * (a native Value is twice a wasm one, so a heap-size-dependent outcome would differ).
 * Integers cross the fixnum range (-2^30 .. 2^30-1) into bignums freely, but whatever feeds
 * back into itself (a loop's accumulator, an assigned variable) is kept below 2^40 by
 * {@link #bounded}, so that repeated squaring cannot grow it without end.
 *
 * <p>Every name a program defines or binds starts with {@code pN-}, N the program's number,
 * so programs evaluated one after another in one instance (whose top-level definitions
 * persist) never see each other's definitions.
 */
final class ProgramGenerator {

    /** REAL: an inexact real (a double), made by mixed exact and inexact arithmetic. */
    enum Type { INT, REAL, BOOL, LIST, VECTOR, STRING, SYMBOL, PROC, ANY }

    private static final Type[] VALUE_TYPES = {
        Type.INT, Type.INT, Type.INT, Type.REAL, Type.BOOL, Type.LIST, Type.LIST, Type.VECTOR, Type.STRING, Type.SYMBOL, Type.PROC,
    };

    private static final int MAX_DEPTH = 5;
    /** Calls and iterations a whole program may make. */
    private static final int TOP_BUDGET = 30_000;
    /** The budget of a procedure's body, which may be called from inside a loop. */
    private static final int BODY_BUDGET = 40;
    /** Iterations of a deep tail loop: beyond the 8,000 calls compiled code nests on the wasm stack. */
    private static final int DEEP = 25_000;
    /** The longest list a loop builds. */
    private static final int LONG_LIST = 60;

    private static final int[] NEAR_LIMITS = {
        Programs.MAX_INTEGER, Programs.MAX_INTEGER - 1, Programs.MIN_INTEGER, Programs.MIN_INTEGER + 1,
        1 << 29, -(1 << 29), 32767, 32768, -32768, 46340, 536870911, 1073741822,
    };
    private static final String[] SYMBOLS = {"a", "b", "c", "foo", "bar", "x1", "hello-world", "if", "else", "lambda", "+", "..."};
    /**
     * What string literals are made of, as code points: ASCII, Latin-1, Greek, Cyrillic, CJK
     * and a character beyond the BMP, whose case mappings are the same simple and full.
     */
    private static final int[] STRING_ALPHABET = "abcxyz XYZ019-\u00e9\u00c9\u03bb\u039b\u0436\u4e2d\ud83d\ude00".codePoints().toArray();
    /**
     * Doubles at the edges: signed zeros, the smallest subnormal and normal, the largest,
     * 2^53 and 2^53 + 1 (which reads as 2^53), the fixnum limits, the infinities and NaN.
     */
    private static final String[] FLOAT_EDGES = {
        "0.0", "-0.0", "1.0", "0.1", "-2.5", ".5", "-1.", "1e21", "1e22", "1e-7", "5e-324", "2.2250738585072014e-308",
        "1.7976931348623157e308", "9007199254740992.0", "9007199254740993.0", "123456789012345678901.0", "1073741824.0",
        "-1073741825.0", "+inf.0", "-inf.0", "+nan.0",
    };

    /** A variable in scope; a procedure variable takes one integer and costs {@code cost} to call. */
    private record Var(String name, Type type, int cost, boolean assignable) {
    }

    /**
     * A known procedure: {@code required} integer parameters, and maybe a rest list of integers.
     * {@code before} is the scope it was defined in: a new definition of it may use only that,
     * so that it never calls itself through procedures defined after it.
     */
    private record Fn(String name, int required, boolean rest, int cost, Scope before) {
    }

    private record Scope(List<Var> vars, List<Fn> fns) {
        Scope with(Var v) {
            List<Var> more = new ArrayList<>(vars);
            more.add(v);
            return new Scope(more, fns);
        }

        Scope with(String name, Type type) {
            return with(new Var(name, type, 0, type == Type.INT));
        }

        /** A loop's counter or a recursion's fuel: never assigned, so that the loop ends. */
        Scope withCounter(String name) {
            return with(new Var(name, Type.INT, 0, false));
        }

        Scope withFn(Fn f) {
            List<Fn> more = new ArrayList<>(fns);
            more.add(f);
            return new Scope(vars, more);
        }

        List<Var> of(Type type, int budget, boolean assignableOnly) {
            List<Var> matching = new ArrayList<>();
            for (Var v : vars) {
                if ((type == Type.ANY || v.type == type) && v.cost <= budget && (!assignableOnly || v.assignable)) {
                    matching.add(v);
                }
            }
            return matching;
        }

        List<Fn> fns(int budget) {
            return fns.stream().filter(f -> f.cost <= budget).toList();
        }
    }

    private final Random random;
    private int programs;
    private String prefix;
    private int names;
    /** One in how many expressions is an error on purpose. */
    private final int errorOdds;

    ProgramGenerator(Random random) {
        this(random, 180);
    }

    ProgramGenerator(Random random, int errorOdds) {
        this.random = random;
        this.errorOdds = errorOdds;
    }

    /** One program: top-level forms, the last one's value its result. */
    String program() {
        prefix = "p" + programs++ + "-";
        names = 0;
        Scope scope = new Scope(List.of(), List.of());
        StringJoiner forms = new StringJoiner("\n");
        int definitions = random.nextInt(5);
        for (int i = 0; i < definitions; i++) {
            scope = topLevelDefinition(scope, forms);
        }
        int statements = random.nextInt(3);
        for (int i = 0; i < statements; i++) {
            forms.add(statement(scope, 1, BODY_BUDGET));
        }
        Type last = random.nextInt(3) == 0 ? pickType() : Type.INT;
        String result;
        do {
            result = expr(last, scope, 0, TOP_BUDGET);
        } while (isLiteral(result));
        if (random.nextBoolean()) {
            // the work in a procedure of its own, which a JIT round compiles like any other
            String main = prefix + "main";
            forms.add("(define (" + main + ") " + result + ")");
            forms.add("(" + main + ")");
        } else {
            forms.add(result);
        }
        return forms.toString();
    }

    /**
     * Whether an expression is a literal or a quoted datum: as a program's result it would
     * test the reader and the printer only, whatever the program computed before it.
     */
    static boolean isLiteral(String expression) {
        return !expression.startsWith("(") || expression.startsWith("(quote ");
    }

    /** The expression whose value is the program's result: its last form. */
    static String resultExpression(String program) {
        return program.substring(program.lastIndexOf('\n') + 1);
    }

    /** The program with its names' program prefix ({@code pN-}) taken out: how repeats are told. */
    static String withoutPrefixes(String program) {
        return PREFIX.matcher(program).replaceAll("p-");
    }

    private static final Pattern PREFIX = Pattern.compile("\\bp[0-9]+-");

    // ---- top level -------------------------------------------------------------------------

    private Scope topLevelDefinition(Scope scope, StringJoiner forms) {
        if (!scope.fns().isEmpty() && random.nextInt(6) == 0) {
            // a procedure redefined, or assigned, after code that calls it ran or was defined
            Fn f = scope.fns().get(random.nextInt(scope.fns().size()));
            Scope inside = f.before();
            StringJoiner params = new StringJoiner(" ");
            for (int i = 0; i < f.required; i++) {
                String a = fresh("a");
                params.add(a);
                inside = inside.with(a, Type.INT);
            }
            String rest = fresh("rest");
            if (f.rest) {
                inside = inside.with(rest, Type.LIST);
            }
            String formals = f.rest ? (f.required == 0 ? rest : "(" + params + " . " + rest + ")") : "(" + params + ")";
            String newBody = expr(Type.INT, inside, 2, BODY_BUDGET);
            forms.add(random.nextBoolean()
                    ? "(set! " + f.name + " (lambda " + formals + " " + newBody + "))"
                    : "(define (" + f.name + (f.required == 0 ? "" : " " + params) + (f.rest ? " . " + rest : "") + ") " + newBody + ")");
            return scope;
        }
        switch (random.nextInt(9)) {
            case 0, 1 -> {
                Type type = pickType();
                String name = fresh("g");
                forms.add("(define " + name + " " + expr(type, scope, 1, BODY_BUDGET) + ")");
                Scope more = scope.with(name, type);
                if (type == Type.INT && random.nextInt(3) == 0) {
                    forms.add("(set! " + name + " " + expr(Type.INT, more, 2, BODY_BUDGET) + ")");
                }
                return more;
            }
            case 2, 3 -> {
                // (define (f a b) body) or with internal defines
                String f = fresh("f");
                int required = random.nextInt(4);
                Scope inside = scope;
                StringJoiner params = new StringJoiner(" ");
                for (int i = 0; i < required; i++) {
                    String a = fresh("a");
                    params.add(a);
                    inside = inside.with(a, Type.INT);
                }
                String header = required == 0 ? "(" + f + ")" : "(" + f + " " + params + ")";
                forms.add("(define " + header + " " + body(Type.INT, inside, 2, BODY_BUDGET) + ")");
                return scope.withFn(new Fn(f, required, false, BODY_BUDGET + 1, scope));
            }
            case 4 -> {
                // rest parameters: (define (f . xs) ...) or (define (f a . xs) ...)
                String f = fresh("f");
                String rest = fresh("rest");
                boolean one = random.nextBoolean();
                String a = fresh("a");
                Scope inside = scope.with(rest, Type.LIST);
                if (one) {
                    inside = inside.with(a, Type.INT);
                }
                String header = one ? "(" + f + " " + a + " . " + rest + ")" : "(" + f + " . " + rest + ")";
                forms.add("(define " + header + " " + body(Type.INT, inside, 2, BODY_BUDGET) + ")");
                return scope.withFn(new Fn(f, one ? 1 : 0, true, BODY_BUDGET + 1, scope));
            }
            case 5 -> {
                // a counter: a closure over a variable it assigns
                String name = fresh("counter");
                String n = fresh("n");
                String d = fresh("d");
                forms.add("(define " + name + " (let ((" + n + " " + smallInt() + ")) (lambda (" + d + ") (set! " + n
                        + " (+ " + n + " " + d + ")) " + n + ")))");
                return scope.with(new Var(name, Type.PROC, 2, false));
            }
            case 6 -> {
                // mutual tail recursion at top level, deeper than any call stack
                String even = fresh("even");
                String odd = fresh("odd");
                String n = fresh("n");
                forms.add("(define (" + even + " " + n + ") (if (= " + n + " 0) #t (" + odd + " (- " + n + " 1))))");
                forms.add("(define (" + odd + " " + n + ") " + pick(
                        "(if (= " + n + " 0) #f (" + even + " (- " + n + " 1)))",
                        "(cond ((= " + n + " 0) #f) (else (" + even + " (- " + n + " 1))))",
                        "(and (not (= " + n + " 0)) (" + even + " (- " + n + " 1)))") + ")");
                String result = fresh("g");
                forms.add("(define " + result + " (" + pick(even, odd) + " " + random.nextInt(DEEP) + "))");
                return scope.with(result, Type.BOOL);
            }
            case 7 -> {
                // a tail-recursive accumulator loop with its count as the first argument
                String f = fresh("loop");
                String n = fresh("n");
                String acc = fresh("acc");
                Scope inside = scope.withCounter(n).with(acc, Type.INT);
                String step = cheapInt(inside);
                String next = "(- " + n + " 1) " + bounded("(+ " + acc + " " + step + ")");
                String recur = random.nextInt(4) == 0 ? "(apply " + f + " (list " + next + "))" : "(" + f + " " + next + ")";
                String bodyText = switch (random.nextInt(5)) {
                    case 0 -> "(if (<= " + n + " 0) " + acc + " " + recur + ")";
                    case 1 -> "(cond ((<= " + n + " 0) " + acc + ") (else " + recur + "))";
                    case 2 -> "(case " + n + " ((0) " + acc + ") (else " + recur + "))";
                    case 3 -> "(or (and (<= " + n + " 0) " + acc + ") " + recur + ")";
                    default -> "(begin (when (<= " + n + " 0) " + acc + ") (if (> " + n + " 0) " + recur + " " + acc + "))";
                };
                forms.add("(define (" + f + " " + n + " " + acc + ") " + bodyText + ")");
                String result = fresh("g");
                forms.add("(define " + result + " (" + f + " " + random.nextInt(DEEP) + " " + smallInt() + "))");
                return scope.with(result, Type.INT);
            }
            default -> {
                // a one-argument procedure value
                String name = fresh("h");
                forms.add("(define " + name + " " + procedure(scope, 1) + ")");
                return scope.with(new Var(name, Type.PROC, BODY_BUDGET + 1, false));
            }
        }
    }

    /** A body: sometimes internal defines first. */
    private String body(Type type, Scope scope, int depth, int budget) {
        if (random.nextInt(4) != 0) {
            return expr(type, scope, depth, budget);
        }
        StringJoiner forms = new StringJoiner(" ");
        int defines = 1 + random.nextInt(2);
        for (int i = 0; i < defines; i++) {
            if (random.nextBoolean()) {
                String x = fresh("x");
                Type t = pickType();
                forms.add("(define " + x + " " + expr(t, scope, depth + 1, budget / 2) + ")");
                scope = scope.with(x, t);
            } else {
                String h = fresh("h");
                String y = fresh("y");
                int cost = Math.max(1, budget / 4);
                forms.add("(define (" + h + " " + y + ") " + expr(Type.INT, scope.with(y, Type.INT), depth + 1, cost) + ")");
                scope = scope.with(new Var(h, Type.PROC, cost + 1, false));
            }
        }
        if (random.nextInt(3) == 0) {
            forms.add(statement(scope, depth + 1, budget / 2));
        }
        forms.add(expr(type, scope, depth + 1, budget / 2));
        return forms.toString();
    }

    // ---- expressions -----------------------------------------------------------------------

    private String expr(Type type, Scope scope, int depth, int budget) {
        if (depth > 0 && random.nextInt(errorOdds) == 0) {
            return error(scope, depth, budget);
        }
        if (depth >= MAX_DEPTH || random.nextInt(12) < 2 + depth) {
            return leaf(type, scope);
        }
        return switch (type) {
            case INT -> integer(scope, depth + 1, budget);
            case REAL -> real(scope, depth + 1, budget);
            case BOOL -> bool(scope, depth + 1, budget);
            case LIST -> list(scope, depth + 1, budget);
            case VECTOR -> vector(scope, depth + 1, budget);
            case STRING -> string(scope, depth + 1, budget);
            case SYMBOL -> symbol(scope, depth + 1, budget);
            case PROC -> procedure(scope, depth + 1);
            case ANY -> any(scope, depth + 1, budget);
        };
    }

    /** Shared forms of every type: if, let, let*, letrec, cond, case, when/unless in a begin, set!. */
    private String common(Type type, Scope scope, int depth, int budget) {
        return switch (random.nextInt(10)) {
            case 0 -> "(if " + test(scope, depth, budget) + " " + expr(type, scope, depth, budget) + " "
                    + expr(type, scope, depth, budget) + ")";
            case 1 -> {
                Type t = pickType();
                String x = fresh("x");
                String init = expr(t, scope, depth, budget);
                yield "(" + pick("let", "let*", "letrec", "letrec*") + " ((" + x + " " + init + ")) "
                        + body(type, scope.with(x, t), depth, budget) + ")";
            }
            case 2 -> {
                // let* whose second binding uses the first
                Type t = pickType();
                String x = fresh("x");
                String y = fresh("y");
                Scope one = scope.with(x, t);
                yield "(let* ((" + x + " " + expr(t, scope, depth, budget) + ") (" + y + " " + expr(Type.INT, one, depth, budget)
                        + ")) " + expr(type, one.with(y, Type.INT), depth, budget) + ")";
            }
            case 3 -> {
                StringBuilder cond = new StringBuilder("(cond");
                int clauses = 1 + random.nextInt(3);
                for (int i = 0; i < clauses; i++) {
                    cond.append(" (").append(test(scope, depth, budget));
                    if (random.nextInt(3) == 0) {
                        cond.append(' ').append(statement(scope, depth, budget));
                    }
                    cond.append(' ').append(expr(type, scope, depth, budget)).append(')');
                }
                yield cond.append(" (else ").append(expr(type, scope, depth, budget)).append("))").toString();
            }
            case 4 -> {
                StringBuilder cases = new StringBuilder();
                boolean onSymbols = random.nextBoolean();
                cases.append("(case ").append(onSymbols ? expr(Type.SYMBOL, scope, depth, budget) : expr(Type.INT, scope, depth, budget));
                int clauses = 1 + random.nextInt(3);
                for (int i = 0; i < clauses; i++) {
                    StringJoiner data = new StringJoiner(" ");
                    int n = 1 + random.nextInt(3);
                    for (int j = 0; j < n; j++) {
                        data.add(onSymbols ? SYMBOLS[random.nextInt(SYMBOLS.length)] : String.valueOf(random.nextInt(11) - 5));
                    }
                    cases.append(" ((").append(data).append(") ").append(expr(type, scope, depth, budget)).append(')');
                }
                yield cases.append(" (else ").append(expr(type, scope, depth, budget)).append("))").toString();
            }
            case 5 -> "(begin " + statement(scope, depth, budget) + " " + expr(type, scope, depth, budget) + ")";
            case 6 -> {
                // set! on a local, then use it
                String x = fresh("x");
                Scope inside = scope.with(x, Type.INT);
                yield "(let ((" + x + " " + expr(Type.INT, scope, depth, budget) + ")) (set! " + x + " "
                        + expr(Type.INT, inside, depth, budget) + ") " + expr(type, inside, depth, budget) + ")";
            }
            case 7 -> {
                // a procedure of several parameters applied on the spot
                int n = random.nextInt(4);
                StringJoiner params = new StringJoiner(" ");
                StringJoiner args = new StringJoiner(" ");
                Scope inside = scope;
                for (int i = 0; i < n; i++) {
                    Type t = pickType();
                    String a = fresh("a");
                    params.add(a);
                    args.add(expr(t, scope, depth, budget));
                    inside = inside.with(a, t);
                }
                yield "((lambda (" + params + ") " + body(type, inside, depth, budget) + ")" + (n == 0 ? "" : " " + args) + ")";
            }
            case 8 -> "(" + pick("when", "unless") + " " + test(scope, depth, budget) + " " + expr(type, scope, depth, budget) + ")";
            default -> {
                // a value held across enough allocation for a collection or two
                String x = fresh("x");
                yield "(let ((" + x + " " + expr(type, scope, depth, budget) + ")) " + churn() + " " + x + ")";
            }
        };
    }

    /** Allocates more than half the default heap in garbage: at least one collection. */
    private String churn() {
        String i = fresh("i");
        String junk = fresh("junk");
        return "(do ((" + i + " 0 (+ " + i + " 1)) (" + junk + " '() " + pick("(make-vector 16 " + i + ")", "(list " + i + " " + i + " " + i + " " + i + ")",
                "(string-append \"churn\" (number->string " + i + "))", "(cons " + i + " " + i + ")")
                + ")) ((= " + i + " " + (4000 + random.nextInt(6000)) + ") " + junk + "))";
    }

    private String test(Scope scope, int depth, int budget) {
        return random.nextInt(5) == 0 ? expr(Type.ANY, scope, depth, budget) : expr(Type.BOOL, scope, depth, budget);
    }

    private String integer(Scope scope, int depth, int budget) {
        return switch (random.nextInt(35)) {
            case 0, 1, 2 -> "(" + pick("+", "-", "*") + " " + expr(Type.INT, scope, depth, budget) + " " + expr(Type.INT, scope, depth, budget) + ")";
            case 3 -> "(" + pick("+", "*", "-", "max", "min") + " " + expr(Type.INT, scope, depth, budget) + " " + expr(Type.INT, scope, depth, budget)
                    + " " + expr(Type.INT, scope, depth, budget) + ")";
            case 4 -> "(" + pick("-", "abs", "+", "*", "max", "min") + " " + expr(Type.INT, scope, depth, budget) + ")";
            case 5 -> "(" + pick("quotient", "remainder", "modulo") + " " + expr(Type.INT, scope, depth, budget) + " "
                    + (random.nextInt(5) == 0 ? expr(Type.INT, scope, depth, budget) : nonZero()) + ")";
            case 6 -> switch (random.nextInt(3)) {
                case 0 -> "(length " + lengthArgument(scope, depth, budget) + ")";
                case 1 -> "(vector-length " + expr(Type.VECTOR, scope, depth, budget) + ")";
                default -> random.nextBoolean() ? "(string-length " + expr(Type.STRING, scope, depth, budget) + ")"
                        : "(apply + (map char->integer (string->list " + expr(Type.STRING, scope, depth, budget) + ")))";
            };
            case 7 -> {
                String l = fresh("l");
                yield "(let ((" + l + " " + expr(Type.LIST, scope, depth, budget) + ")) (if (pair? " + l + ") ("
                        + "car" + " " + l + ") " + expr(Type.INT, scope, depth, budget) + "))";
            }
            case 8 -> {
                String l = fresh("l");
                int k = random.nextInt(4);
                yield "(let ((" + l + " " + expr(Type.LIST, scope, depth, budget) + ")) (if (> (length " + l + ") " + k + ") "
                        + pick("(list-ref " + l + " " + k + ")", "(car (list-tail " + l + " " + k + "))") + " -1))";
            }
            case 9 -> {
                String v = fresh("v");
                int k = random.nextInt(4);
                yield "(let ((" + v + " " + expr(Type.VECTOR, scope, depth, budget) + ")) (if (< " + k + " (vector-length " + v + ")) (vector-ref "
                        + v + " " + k + ") " + expr(Type.INT, scope, depth, budget) + "))";
            }
            case 10 -> "(apply " + pick("+", "max", "min", "*") + " " + expr(Type.INT, scope, depth, budget) + " " + expr(Type.LIST, scope, depth, budget) + ")";
            case 11, 12 -> call(scope, depth, budget);
            case 13, 14 -> loop(scope, depth, budget);
            case 15 -> countdown(scope, depth, budget);
            case 16 -> "(string->number (number->string " + expr(Type.INT, scope, depth, budget) + "))";
            case 17 -> {
                int radix = new int[] {2, 8, 10, 16}[random.nextInt(4)];
                yield "(string->number (number->string " + expr(Type.INT, scope, depth, budget) + " " + radix + ") " + radix + ")";
            }
            case 18 -> {
                String acc = fresh("acc");
                String x = fresh("x");
                int each = budget / (LONG_LIST + 1);
                Scope inside = scope.with(acc, Type.INT).with(x, Type.INT);
                yield "(let ((" + acc + " " + smallInt() + ")) (for-each (lambda (" + x + ") (set! " + acc + " "
                        + bounded(each > 1 ? expr(Type.INT, inside, depth, each) : "(+ " + acc + " " + x + ")") + ")) "
                        + expr(Type.LIST, scope, depth, budget) + ") " + acc + ")";
            }
            case 19 -> {
                // sum a vector with do
                String v = fresh("v");
                String s = fresh("s");
                String i = fresh("i");
                yield "(let ((" + v + " " + expr(Type.VECTOR, scope, depth, budget) + ") (" + s + " 0)) (do ((" + i + " 0 (+ " + i
                        + " 1))) ((= " + i + " (vector-length " + v + ")) " + s + ") (set! " + s + " (+ " + s + " (vector-ref "
                        + v + " " + i + ")))))";
            }
            case 20 -> {
                // a closure that keeps state, called twice
                String n = fresh("n");
                String bump = fresh("bump");
                String d = fresh("d");
                yield "(let ((" + n + " " + expr(Type.INT, scope, depth, budget) + ")) (let ((" + bump + " (lambda (" + d + ") (set! " + n
                        + " (" + pick("+", "-", "*") + " " + n + " " + d + ")) " + n + "))) (" + bump + " " + smallInt() + ") (" + bump + " "
                        + smallInt() + ")))";
            }
            case 21 -> "(string-length (symbol->string " + expr(Type.SYMBOL, scope, depth, budget) + "))";
            case 22 -> {
                // the primitive abs shadowed by a local procedure
                String y = fresh("y");
                yield "(let ((abs (lambda (" + y + ") (- " + y + " 1)))) (+ (abs " + expr(Type.INT, scope, depth, budget) + ") (apply abs (list "
                        + smallInt() + "))))";
            }
            case 23 -> mutual(scope, depth, budget);
            case 24 -> {
                // a closure sees an assignment made after it captured the variable
                String x = fresh("x");
                String f = fresh("f");
                Scope inside = scope.with(x, Type.INT);
                yield "(let ((" + x + " " + expr(Type.INT, scope, depth, budget) + ")) (let ((" + f + " (lambda () " + x + "))) (set! " + x + " "
                        + expr(Type.INT, inside, depth, budget) + ") (" + pick("+", "-") + " (" + f + ") " + x + ")))";
            }
            case 25 -> "(exact (" + pick("round", "floor", "ceiling", "truncate") + " " + expr(Type.REAL, scope, depth, budget) + "))";
            case 26 -> {
                // characters counted, not bytes: a code point by index, the UTF-8 length
                String s = fresh("s");
                int k = random.nextInt(4);
                yield switch (random.nextInt(3)) {
                    case 0 -> "(let ((" + s + " " + expr(Type.STRING, scope, depth, budget) + ")) (if (> (string-length " + s + ") " + k
                            + ") (char->integer (string-ref " + s + " " + k + ")) -1))";
                    case 1 -> "(bytevector-length (string->utf8 " + expr(Type.STRING, scope, depth, budget) + "))";
                    default -> "(string-length (utf8->string (string->utf8 " + expr(Type.STRING, scope, depth, budget) + ")))";
                };
            }
            case 31 -> {
                // an exact integer out of rational or inexact arithmetic
                String e = expr(Type.INT, scope, depth, budget);
                yield switch (random.nextInt(4)) {
                    case 0 -> "(" + pick("numerator", "denominator", "round", "floor", "ceiling", "truncate") + " (/ " + e + " " + nonZero() + "))";
                    case 1 -> "(inexact->exact (" + pick("round", "floor", "truncate") + " (* " + pick("1.5", "-0.25", "1e3", "0.1") + " " + e + ")))";
                    case 2 -> "(" + pick("gcd", "lcm") + " " + e + " " + nearLimit() + ")";
                    default -> "(numerator (+ (/ " + e + " " + nonZero() + ") (/ " + nearLimit() + " " + nonZero() + ")))";
                };
            }
            case 32 -> {
                // across the fixnum/bignum boundary and back
                String e = expr(Type.INT, scope, depth, budget);
                yield switch (random.nextInt(4)) {
                    case 0 -> "(" + pick("quotient", "remainder", "modulo") + " (* " + nearLimit() + " " + e + ") " + nearLimit() + ")";
                    case 1 -> "(- (" + pick("+", "*") + " " + nearLimit() + " " + e + ") " + nearLimit() + ")";
                    case 2 -> "(expt " + e + " " + random.nextInt(6) + ")";
                    default -> "(if (" + pick("<", "=", ">=") + " (* " + nearLimit() + " " + nearLimit() + ") " + e + ") 1 0)";
                };
            }
            case 33, 34 -> control(scope, depth, budget);
            default -> common(Type.INT, scope, depth, budget);
        };
    }

    /**
     * An integer by way of control: an escape through call/cc (taken or not, from an operand or
     * out of for-each), a raise that guard catches or a handler answers, dynamic-wind around an
     * escape, several values, a parameter, a runtime error (car of an integer, an index out of
     * range) that guard catches. Only escapes: a continuation resumed once its call
     * has returned is the guest's known gap beneath compiled code (docs/LANGUAGE.md).
     */
    private String control(Scope scope, int depth, int budget) {
        String k = fresh("k");
        String x = fresh("x");
        return switch (random.nextInt(8)) {
            case 0 -> "(call/cc (lambda (" + k + ") (+ " + expr(Type.INT, scope, depth, budget) + " (if " + bool(scope, depth, budget)
                    + " (" + k + " " + expr(Type.INT, scope, depth, budget) + ") " + expr(Type.INT, scope, depth, budget) + "))))";
            case 1 -> "(call/cc (lambda (" + k + ") (for-each (lambda (" + x + ") (if (> " + x + " " + smallInt() + ") (" + k + " " + x
                    + "))) " + expr(Type.LIST, scope, depth, budget) + ") " + expr(Type.INT, scope, depth, budget) + "))";
            case 2 -> "(guard (" + x + " ((integer? " + x + ") (- " + x + " 1))) (+ " + expr(Type.INT, scope, depth, budget) + " (if "
                    + bool(scope, depth, budget) + " (raise " + expr(Type.INT, scope, depth, budget) + ") " + expr(Type.INT, scope, depth, budget) + ")))";
            case 3 -> "(with-exception-handler (lambda (" + x + ") (* " + x + " 2)) (lambda () (+ " + expr(Type.INT, scope, depth, budget)
                    + " (raise-continuable " + expr(Type.INT, scope, depth, budget) + "))))";
            case 4 -> {
                // the escape's value is bound first: the order + evaluates its operands in is unspecified
                String n = fresh("n");
                String v = fresh("v");
                yield "(let ((" + n + " 0)) (let ((" + v + " (call/cc (lambda (" + k + ") (dynamic-wind (lambda () (set! " + n + " (+ " + n
                        + " 1))) (lambda () (if " + bool(scope, depth, budget) + " (" + k + " " + expr(Type.INT, scope, depth, budget) + ") "
                        + expr(Type.INT, scope, depth, budget) + ")) (lambda () (set! " + n + " (* " + n + " 10)))))))) (+ " + v + " " + n + ")))";
            }
            case 5 -> {
                String a = fresh("a");
                String b = fresh("b");
                yield random.nextBoolean()
                        ? "(let-values (((" + a + " " + b + ") (values " + expr(Type.INT, scope, depth, budget) + " " + expr(Type.INT, scope, depth, budget)
                                + "))) (- " + a + " " + b + "))"
                        : "(call-with-values (lambda () (values " + expr(Type.INT, scope, depth, budget) + " " + expr(Type.INT, scope, depth, budget) + ")) "
                                + pick("+", "-", "max", "*") + ")";
            }
            case 6 -> "(guard (" + x + " (#t " + smallInt() + ")) (+ " + expr(Type.INT, scope, depth, budget) + " (if "
                    + bool(scope, depth, budget) + (random.nextBoolean() ? " (car " + expr(Type.INT, scope, depth, budget) + ")"
                    : " (vector-ref (vector 1 2) (modulo " + expr(Type.INT, scope, depth, budget) + " 4))") + " "
                    + expr(Type.INT, scope, depth, budget) + ")))";
            default -> {
                String p = fresh("p");
                yield "(let ((" + p + " (make-parameter " + expr(Type.INT, scope, depth, budget) + "))) (+ (parameterize ((" + p + " "
                        + expr(Type.INT, scope, depth, budget) + ")) (" + p + ")) (" + p + ")))";
            }
        };
    }

    /**
     * An inexact real out of mixed exact and inexact arithmetic. An exact operand of {@code -}
     * comes second (Guile's {@code (- 0 0.0)} is {@code -0.0}, IEEE's {@code 0.0}), and a
     * divisor is a non-zero literal, so no zero's sign decides an infinity's.
     */
    private String real(Scope scope, int depth, int budget) {
        String x = expr(Type.REAL, scope, depth, budget);
        return switch (random.nextInt(14)) {
            case 0, 1 -> {
                String other = number(scope, depth, budget);
                String op = pick("+", "*");
                yield random.nextBoolean() ? "(" + op + " " + x + " " + other + ")" : "(" + op + " " + other + " " + x + ")";
            }
            case 2 -> "(- " + x + " " + number(scope, depth, budget) + ")";
            case 3 -> random.nextBoolean() ? "(/ " + x + " " + nonZero() + ")"
                    : "(/ " + number(scope, depth, budget) + " " + pick("0.5", "-3.0", "1e-3", "7.25", "1e300") + ")";
            case 4 -> "(" + pick("exact->inexact", "inexact") + " " + (random.nextBoolean() ? expr(Type.INT, scope, depth, budget)
                    : "(/ " + expr(Type.INT, scope, depth, budget) + " " + nonZero() + ")") + ")";
            case 5 -> "(" + pick("abs", "-", "square") + " " + x + ")";
            case 6 -> "(sqrt (abs " + x + "))";
            case 7 -> "(" + pick("floor", "ceiling", "round", "truncate") + " " + x + ")";
            case 8 -> "(" + pick("max", "min") + " " + x + " " + number(scope, depth, budget) + (random.nextBoolean() ? "" : " " + number(scope, depth, budget)) + ")";
            case 9 -> "(string->number (number->string " + x + "))";
            case 10 -> {
                // a float accumulator that converges: acc * k + i / d stays bounded
                String i = fresh("i");
                String acc = fresh("acc");
                int count = random.nextInt(Math.min(budget, 40) + 1);
                yield "(do ((" + i + " 0 (+ " + i + " 1)) (" + acc + " " + floatLiteral() + " (+ (* " + acc + " " + pick("0.5", "-0.75", "0.9") + ") (/ "
                        + i + " " + nonZero() + ")))) ((= " + i + " " + count + ") " + acc + "))";
            }
            case 11 -> "(exact->inexact (" + pick("+", "*", "-") + " " + nearLimit() + " " + expr(Type.INT, scope, depth, budget) + "))";
            case 12 -> {
                // a bignum rounded to the nearest double, ties and overflow included
                int k = pick(52, 53, 54, 62, 63, 64, 100, 1023, 1024, 1030);
                yield "(inexact (+ (expt 2 " + k + ") " + expr(Type.INT, scope, depth, budget) + "))";
            }
            default -> common(Type.REAL, scope, depth, budget);
        };
    }

    /** An exact integer or an inexact real. */
    private String number(Scope scope, int depth, int budget) {
        return expr(random.nextBoolean() ? Type.INT : Type.REAL, scope, depth, budget);
    }

    /** A number at or next to the ends of the fixnum range, or one of the squares' neighbours. */
    private String nearLimit() {
        return String.valueOf(NEAR_LIMITS[random.nextInt(NEAR_LIMITS.length)]);
    }

    private String lengthArgument(Scope scope, int depth, int budget) {
        return switch (random.nextInt(3)) {
            case 0 -> expr(Type.LIST, scope, depth, budget);
            case 1 -> "(vector->list " + expr(Type.VECTOR, scope, depth, budget) + ")";
            default -> "(map " + procedure(scope, depth) + " " + list(scope, depth, budget / (LONG_LIST + 1)) + ")";
        };
    }

    /** A call of a procedure in scope whose cost the budget covers, else of a new lambda. */
    private String call(Scope scope, int depth, int budget) {
        List<Fn> fns = scope.fns(budget);
        List<Var> procs = scope.of(Type.PROC, budget, false);
        if (!fns.isEmpty() && (procs.isEmpty() || random.nextBoolean())) {
            Fn f = fns.get(random.nextInt(fns.size()));
            StringJoiner args = new StringJoiner(" ");
            int count = f.required + (f.rest ? random.nextInt(4) : 0);
            for (int i = 0; i < count; i++) {
                args.add(expr(Type.INT, scope, depth, budget));
            }
            if (f.rest && random.nextInt(3) == 0) {
                // the same call through apply: leading arguments, then a list
                return "(apply " + f.name + (count == 0 ? "" : " " + args) + " " + expr(Type.LIST, scope, depth, budget / 2) + ")";
            }
            if (random.nextInt(6) == 0) {
                return "(apply " + f.name + " (list" + (count == 0 ? "" : " " + args) + "))";
            }
            return "(" + f.name + (count == 0 ? "" : " " + args) + ")";
        }
        if (!procs.isEmpty()) {
            Var p = procs.get(random.nextInt(procs.size()));
            return random.nextInt(5) == 0
                    ? "(apply " + p.name + " (list " + expr(Type.INT, scope, depth, budget) + "))"
                    : "(" + p.name + " " + expr(Type.INT, scope, depth, budget) + ")";
        }
        return "(" + procedure(scope, depth) + " " + expr(Type.INT, scope, depth, budget) + ")";
    }

    /** A loop: named let, do, or letrec, its body's budget cut by its count; some run deep. */
    private String loop(Scope scope, int depth, int budget) {
        String i = fresh("i");
        String acc = fresh("acc");
        boolean deep = budget >= DEEP && random.nextInt(3) == 0;
        int count = deep ? random.nextInt(DEEP) : random.nextInt(Math.min(budget, 30) + 1);
        int each = deep ? 0 : budget / (count + 1);
        Scope inside = scope.withCounter(i).with(acc, Type.INT);
        String step = bounded(deep || each < 2 ? cheapInt(inside) : expr(Type.INT, inside, depth, each));
        return switch (random.nextInt(4)) {
            case 0 -> {
                String loop = fresh("loop");
                yield "(let " + loop + " ((" + i + " 0) (" + acc + " " + smallInt() + ")) (if (< " + i + " " + count + ") (" + loop
                        + " (+ " + i + " 1) " + step + ") " + acc + "))";
            }
            case 1 -> "(do ((" + i + " 0 (+ " + i + " 1)) (" + acc + " " + smallInt() + " " + step + ")) ((= " + i + " " + count + ") "
                    + acc + "))";
            case 2 -> {
                String loop = fresh("loop");
                yield "(letrec ((" + loop + " (lambda (" + i + " " + acc + ") (cond ((>= " + i + " " + count + ") " + acc + ") (else ("
                        + loop + " (+ " + i + " 1) " + step + ")))))) (" + loop + " 0 " + smallInt() + "))";
            }
            default -> {
                // the count comes in through a closure, and the loop ends in unless/when arms
                String loop = fresh("loop");
                String k = fresh("k");
                yield "((lambda (" + k + ") (let " + loop + " ((" + i + " 0) (" + acc + " " + smallInt() + ")) (if (" + pick("=", ">=")
                        + " " + i + " " + k + ") " + acc + " (" + loop + " (+ " + i + " 1) " + step + ")))) " + count + ")";
            }
        };
    }

    /** Mutual tail recursion through letrec or internal defines, up to deeper than any stack. */
    private String mutual(Scope scope, int depth, int budget) {
        String a = fresh("ping");
        String b = fresh("pong");
        String n = fresh("n");
        String acc = fresh("acc");
        int count = budget >= DEEP ? random.nextInt(DEEP) : random.nextInt(Math.min(budget, 50) + 1);
        Scope inside = scope.withCounter(n).with(acc, Type.INT);
        String step = bounded(cheapInt(inside));
        String pingBody = "(if (<= " + n + " 0) " + acc + " (" + b + " (- " + n + " 1) " + step + "))";
        String pongBody = pick(
                "(if (<= " + n + " 0) " + acc + " (" + a + " (- " + n + " 1) " + acc + "))",
                "(cond ((<= " + n + " 0) " + acc + ") (else (" + a + " (- " + n + " 1) " + acc + ")))",
                "(and (> " + n + " -1) (" + a + " (- " + n + " 1) " + acc + "))",
                "(apply " + a + " (- " + n + " 1) (list " + acc + "))");
        if (random.nextBoolean()) {
            return "(letrec ((" + a + " (lambda (" + n + " " + acc + ") " + pingBody + ")) (" + b + " (lambda (" + n + " " + acc + ") "
                    + pongBody + "))) (" + a + " " + count + " " + smallInt() + "))";
        }
        return "(let () (define (" + a + " " + n + " " + acc + ") " + pingBody + ") (define (" + b + " " + n + " " + acc + ") " + pongBody
                + ") (" + a + " " + count + " " + smallInt() + "))";
    }

    /** Non-tail recursion that counts down to 0, up to 1000 deep (well within the guest's limit). */
    private String countdown(Scope scope, int depth, int budget) {
        String f = fresh("f");
        String n = fresh("n");
        int count = random.nextInt(Math.min(budget, random.nextInt(3) == 0 ? 1000 : 6) + 1);
        Scope inside = scope.withCounter(n);
        int each = budget / (count + 1);
        String base = expr(Type.INT, inside, depth, each);
        String step = each < 2 ? cheapInt(inside) : expr(Type.INT, inside, depth, each);
        String recur = "(" + f + " (- " + n + " 1))";
        String combined = switch (random.nextInt(4)) {
            case 0 -> "(+ " + recur + " " + step + ")";
            case 1 -> "(- " + step + " " + recur + ")";
            case 2 -> "(* " + recur + " " + step + ")";
            default -> "(if (< " + step + " 0) " + n + " " + recur + ")";
        };
        return "(letrec ((" + f + " (lambda (" + n + ") (if (< " + n + " 1) " + base + " " + combined + ")))) (" + f + " " + count + "))";
    }

    /**
     * An integer expression whose value feeds back into itself, kept below 2^40 in magnitude:
     * squaring stays a bignum of two limbs, however often a loop repeats it.
     */
    private static String bounded(String intExpr) {
        return "(remainder " + intExpr + " 1099511627776)";
    }

    /** An integer expression without calls or loops. */
    private String cheapInt(Scope scope) {
        String a = leaf(Type.INT, scope);
        String b = leaf(Type.INT, scope);
        return switch (random.nextInt(4)) {
            case 0 -> a;
            case 1 -> "(" + pick("+", "-", "*") + " " + a + " " + b + ")";
            case 2 -> "(remainder " + a + " " + nonZero() + ")";
            default -> "(if (< " + a + " " + b + ") " + a + " " + b + ")";
        };
    }

    private String bool(Scope scope, int depth, int budget) {
        return switch (random.nextInt(17)) {
            case 0, 1 -> {
                int n = 2 + (random.nextInt(4) == 0 ? 1 : 0);
                StringJoiner args = new StringJoiner(" ");
                for (int i = 0; i < n; i++) {
                    args.add(expr(Type.INT, scope, depth, budget));
                }
                yield "(" + pick("=", "<", ">", "<=", ">=") + " " + args + ")";
            }
            case 2 -> "(" + pick("zero?", "positive?", "negative?", "even?", "odd?") + " " + expr(Type.INT, scope, depth, budget) + ")";
            case 3 -> "(" + pick("not", "pair?", "list?", "null?", "symbol?", "string?", "vector?", "procedure?", "boolean?", "integer?",
                    "number?") + " " + expr(Type.ANY, scope, depth, budget) + ")";
            case 4 -> "(" + pick("and", "or") + " " + expr(Type.BOOL, scope, depth, budget) + " " + expr(Type.BOOL, scope, depth, budget) + ")";
            case 5 -> "(" + pick("eq?", "eqv?", "equal?") + " " + expr(Type.INT, scope, depth, budget) + " " + expr(Type.INT, scope, depth, budget) + ")";
            case 6 -> {
                Type t = pickType();
                yield "(equal? " + expr(t, scope, depth, budget) + " " + expr(t, scope, depth, budget) + ")";
            }
            case 7 -> {
                // identity of one object, and of two fresh ones
                String x = fresh("x");
                Type t = pick(Type.LIST, Type.VECTOR, Type.STRING, Type.SYMBOL, Type.PROC);
                yield "(let ((" + x + " " + expr(t, scope, depth, budget) + ")) (" + pick("eq?", "eqv?", "equal?") + " " + x + " "
                        + (random.nextBoolean() ? x : expr(t, scope, depth, budget)) + "))";
            }
            case 8 -> "(" + pick("string=?", "string<?") + " " + expr(Type.STRING, scope, depth, budget) + " " + expr(Type.STRING, scope, depth, budget)
                    + (random.nextInt(4) == 0 ? " " + expr(Type.STRING, scope, depth, budget) : "") + ")";
            case 9 -> "(null? " + expr(Type.LIST, scope, depth, budget) + ")";
            case 11 -> "(eq? (string->symbol " + expr(Type.STRING, scope, depth, budget) + ") (string->symbol (symbol->string "
                    + expr(Type.SYMBOL, scope, depth, budget) + ")))";
            case 10 -> "(if (" + pick("memv", "member", "memq") + " " + expr(Type.INT, scope, depth, budget) + " " + expr(Type.LIST, scope, depth, budget)
                    + ") #t #f)";
            case 12 -> {
                // exact against inexact: compared by value, so bignums near 2^53 and 1/3 against 0.333... tell
                List<String> args = new ArrayList<>(List.of(expr(Type.REAL, scope, depth, budget), number(scope, depth, budget)));
                if (random.nextInt(3) == 0) {
                    args.add(number(scope, depth, budget));
                }
                Collections.shuffle(args, random);
                yield "(" + pick("=", "<", ">", "<=", ">=") + " " + String.join(" ", args) + ")";
            }
            case 13 -> {
                String x = fresh("x");
                yield random.nextBoolean()
                        ? "(let ((" + x + " " + expr(Type.REAL, scope, depth, budget) + ")) (eqv? " + x + " (string->number (number->string " + x + "))))"
                        : "(" + pick("nan?", "infinite?", "finite?", "integer?", "rational?", "exact?", "inexact?", "exact-integer?") + " "
                                + expr(Type.REAL, scope, depth, budget) + ")";
            }
            default -> common(Type.BOOL, scope, depth, budget);
        };
    }

    private String list(Scope scope, int depth, int budget) {
        return switch (random.nextInt(24)) {
            case 0 -> {
                StringJoiner args = new StringJoiner(" ");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    args.add(expr(Type.INT, scope, depth, budget));
                }
                yield n == 0 ? "(list)" : "(list " + args + ")";
            }
            case 1 -> "(cons " + expr(Type.INT, scope, depth, budget) + " " + expr(Type.LIST, scope, depth, budget) + ")";
            case 2 -> {
                String l = fresh("l");
                yield "(let ((" + l + " " + expr(Type.LIST, scope, depth, budget) + ")) (if (pair? " + l + ") (" + "cdr" + " " + l + ") " + l + "))";
            }
            case 3 -> "(append " + expr(Type.LIST, scope, depth, budget) + " " + expr(Type.LIST, scope, depth, budget) + ")";
            case 4 -> "(" + pick("reverse", "append") + " " + expr(Type.LIST, scope, depth, budget) + ")";
            case 5 -> {
                String l = fresh("l");
                int k = random.nextInt(3);
                yield "(let ((" + l + " " + expr(Type.LIST, scope, depth, budget) + ")) (if (>= (length " + l + ") " + k + ") (list-tail "
                        + l + " " + k + ") " + l + "))";
            }
            case 6 -> "(map " + procedure(scope, depth) + " " + expr(Type.LIST, scope, depth, budget / (LONG_LIST + 1)) + ")";
            case 7 -> {
                String x = fresh("x");
                String y = fresh("y");
                int each = budget / (LONG_LIST + 1);
                Scope inside = scope.with(x, Type.INT).with(y, Type.INT);
                yield "(map (lambda (" + x + " " + y + ") " + (each > 1 ? expr(Type.INT, inside, depth, each) : cheapInt(inside)) + ") "
                        + expr(Type.LIST, scope, depth, budget) + " " + expr(Type.LIST, scope, depth, budget) + ")";
            }
            case 8 -> "(map " + pick("+", "*", "max", "-") + " " + expr(Type.LIST, scope, depth, budget) + " " + expr(Type.LIST, scope, depth, budget) + ")";
            case 9 -> "(vector->list " + expr(Type.VECTOR, scope, depth, budget) + ")";
            case 10 -> {
                // build a list in a loop
                String i = fresh("i");
                String acc = fresh("acc");
                int count = random.nextInt(Math.min(budget, LONG_LIST) + 1);
                int each = budget / (count + 1);
                Scope inside = scope.withCounter(i);
                String element = each > 1 ? expr(Type.INT, inside, depth, each) : cheapInt(inside);
                String build = fresh("build");
                yield random.nextBoolean()
                        ? "(do ((" + i + " 0 (+ " + i + " 1)) (" + acc + " '() (cons " + element + " " + acc + "))) ((= " + i + " " + count + ") "
                                + acc + "))"
                        : "(let " + build + " ((" + i + " " + count + ")) (if (= " + i + " 0) '() (cons " + element + " (" + build + " (- "
                                + i + " 1)))))";
            }
            case 11 -> "(apply list " + expr(Type.INT, scope, depth, budget) + " " + expr(Type.LIST, scope, depth, budget) + ")";
            case 12 -> {
                // rest parameters collect the arguments
                String args = fresh("args");
                String a = fresh("a");
                int n = random.nextInt(4);
                StringJoiner actual = new StringJoiner(" ");
                for (int i = 0; i < n + 1; i++) {
                    actual.add(expr(Type.INT, scope, depth, budget));
                }
                yield random.nextBoolean()
                        ? "((lambda " + args + " " + args + ") " + actual + ")"
                        : "((lambda (" + a + " . " + args + ") (cons " + a + " (reverse " + args + "))) " + actual + ")";
            }
            case 13 -> {
                // a mutable list, changed in place
                String l = fresh("l");
                yield "(let ((" + l + " (list " + expr(Type.INT, scope, depth, budget) + " " + smallInt() + "))) (" + "set-car!" + " " + l + " " + expr(Type.INT, scope, depth, budget) + ") (set-cdr! (cdr " + l + ") "
                        + expr(Type.LIST, scope, depth, budget) + ") " + l + ")";
            }
            case 14 -> {
                String m = fresh("m");
                yield "(let ((" + m + " (" + pick("memv", "member", "memq") + " " + expr(Type.INT, scope, depth, budget) + " "
                        + expr(Type.LIST, scope, depth, budget) + "))) (if " + m + " " + m + " '()))";
            }
            case 15 -> {
                String p = fresh("p");
                yield "(let ((" + p + " (" + pick("assv", "assoc", "assq") + " " + expr(Type.INT, scope, depth, budget) + " (list (cons 1 (list 10)) (cons "
                        + smallInt() + " (list 20 21)) (list 3)))))" + " (if " + p + " (cdr " + p + ") (list 0)))";
            }
            case 16 -> quotedIntegers();
            case 17 -> "(" + pick("list", "cons") + " " + expr(Type.INT, scope, depth, budget) + " (begin " + churn() + " "
                    + expr(Type.LIST, scope, depth, budget) + "))";
            case 18 -> {
                // closures made in a loop, each capturing its own i
                String i = fresh("i");
                String acc = fresh("acc");
                String x = fresh("x");
                String f = fresh("f");
                String loop = fresh("loop");
                Scope inside = scope.withCounter(i).with(x, Type.INT);
                yield "(map (lambda (" + f + ") (" + f + " " + smallInt() + ")) (let " + loop + " ((" + i + " 0) (" + acc + " '())) (if (< " + i + " "
                        + random.nextInt(8) + ") (" + loop + " (+ " + i + " 1) (cons (lambda (" + x + ") " + cheapInt(inside) + ") " + acc + ")) "
                        + acc + ")))";
            }
            default -> common(Type.LIST, scope, depth, budget);
        };
    }

    private String vector(Scope scope, int depth, int budget) {
        return switch (random.nextInt(9)) {
            case 0 -> {
                StringJoiner args = new StringJoiner(" ");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    args.add(expr(Type.INT, scope, depth, budget));
                }
                yield n == 0 ? "(vector)" : "(vector " + args + ")";
            }
            case 1 -> "(make-vector " + random.nextInt(8) + (random.nextBoolean() ? " " + expr(Type.INT, scope, depth, budget) : "") + ")";
            case 2 -> "(list->vector " + expr(Type.LIST, scope, depth, budget) + ")";
            case 3 -> {
                String v = fresh("v");
                int k = 1 + random.nextInt(5);
                yield "(let ((" + v + " (make-vector " + k + " " + smallInt() + "))) (vector-set! " + v + " " + random.nextInt(k) + " "
                        + expr(Type.INT, scope, depth, budget) + ") " + v + ")";
            }
            case 4 -> {
                String v = fresh("v");
                yield "(let ((" + v + " " + "(vector " + smallInt() + " " + smallInt() + "))) (vector-fill! " + v + " "
                        + expr(Type.INT, scope, depth, budget) + ") " + v + ")";
            }
            case 5 -> (random.nextBoolean() ? "#" : "'#") + quotedIntegers().substring(1);
            default -> common(Type.VECTOR, scope, depth, budget);
        };
    }

    private String string(Scope scope, int depth, int budget) {
        return switch (random.nextInt(10)) {
            case 0, 1 -> "(string-append " + expr(Type.STRING, scope, depth, budget) + " " + expr(Type.STRING, scope, depth, budget) + ")";
            case 2 -> {
                String s = fresh("s");
                yield "(let ((" + s + " " + expr(Type.STRING, scope, depth, budget) + ")) (substring " + s + " " + "(min 1 (string-length "
                        + s + "))" + (random.nextBoolean() ? "" : " (string-length " + s + ")") + "))";
            }
            case 3 -> "(number->string " + expr(Type.INT, scope, depth, budget) + (random.nextBoolean() ? "" : " " + pick("2", "8", "10", "16")) + ")";
            case 4 -> "(symbol->string " + expr(Type.SYMBOL, scope, depth, budget) + ")";
            case 6 -> "(number->string " + expr(Type.REAL, scope, depth, budget) + ")";
            case 7 -> switch (random.nextInt(3)) {
                case 0 -> "(utf8->string (string->utf8 " + expr(Type.STRING, scope, depth, budget) + "))";
                case 1 -> {
                    String s = fresh("s");
                    yield "(let ((" + s + " " + expr(Type.STRING, scope, depth, budget) + ")) (string-copy " + s + " (quotient (string-length "
                            + s + ") 2)))";
                }
                default -> "(list->string (list-tail (string->list " + expr(Type.STRING, scope, depth, budget) + ") 0))";
            };
            case 5 -> switch (random.nextInt(5)) {
                case 0 -> "(string-append)";
                case 1 -> "(list->string (reverse (string->list " + expr(Type.STRING, scope, depth, budget) + ")))";
                case 2 -> "(" + pick("string-upcase", "string-downcase") + " " + expr(Type.STRING, scope, depth, budget) + ")";
                case 3 -> "(string-map " + pick("char-upcase", "char-downcase", "(lambda (c) (if (char-alphabetic? c) c #\\_))") + " "
                        + expr(Type.STRING, scope, depth, budget) + ")";
                default -> {
                    String s = fresh("s");
                    yield "(let ((" + s + " " + expr(Type.STRING, scope, depth, budget) + ")) (if (> (string-length " + s + ") 0) (string (string-ref "
                            + s + " (- (string-length " + s + ") 1)) #\\x3bb) " + s + "))";
                }
            };
            default -> common(Type.STRING, scope, depth, budget);
        };
    }

    private String symbol(Scope scope, int depth, int budget) {
        return switch (random.nextInt(6)) {
            case 0 -> "(string->symbol " + expr(Type.STRING, scope, depth, budget) + ")";
            case 1 -> "(car '(" + SYMBOLS[random.nextInt(SYMBOLS.length)] + " " + SYMBOLS[random.nextInt(SYMBOLS.length)] + "))";
            case 2 -> "(cadr (quote (" + SYMBOLS[random.nextInt(SYMBOLS.length)] + " " + SYMBOLS[random.nextInt(SYMBOLS.length)] + ")))";
            default -> common(Type.SYMBOL, scope, depth, budget);
        };
    }

    /** A one-argument procedure of integers; its calls cost at most BODY_BUDGET + 1. */
    private String procedure(Scope scope, int depth) {
        List<Var> procs = scope.of(Type.PROC, BODY_BUDGET + 1, false);
        if (!procs.isEmpty() && random.nextInt(4) == 0) {
            return procs.get(random.nextInt(procs.size())).name;
        }
        int next = depth + 1;
        if (next >= MAX_DEPTH) {
            return pick("abs", "-", "(lambda (z) z)");
        }
        return switch (random.nextInt(8)) {
            case 0 -> "(if " + test(scope, next, BODY_BUDGET) + " " + procedure(scope, next) + " " + procedure(scope, next) + ")";
            case 1 -> {
                String k = fresh("k");
                String y = fresh("y");
                yield "((lambda (" + k + ") (lambda (" + y + ") (" + pick("+", "-", "*") + " " + y + " " + k + "))) "
                        + expr(Type.INT, scope, next, BODY_BUDGET) + ")";
            }
            case 2 -> pick("abs", "-", "+", "*", "max", "min");
            case 3 -> {
                // compose two cheap ones
                String f = fresh("f");
                String g = fresh("g");
                String x = fresh("x");
                String y = fresh("y");
                yield "((lambda (" + f + " " + g + ") (lambda (" + x + ") (" + f + " (" + g + " " + x + ")))) " + pick("abs", "-") + " (lambda ("
                        + y + ") " + cheapInt(scope.with(y, Type.INT)) + "))";
            }
            case 4 -> {
                // a variadic lambda used with one argument
                String xs = fresh("xs");
                yield "(lambda " + xs + " (apply " + pick("+", "-", "*", "max") + " " + smallInt() + " " + xs + "))";
            }
            default -> {
                String y = fresh("y");
                yield "(lambda (" + y + ") " + body(Type.INT, scope.with(y, Type.INT), next, BODY_BUDGET / 2) + ")";
            }
        };
    }

    private String any(Scope scope, int depth, int budget) {
        return switch (random.nextInt(10)) {
            case 0 -> "(" + pick("memv", "member") + " " + expr(Type.INT, scope, depth, budget) + " " + expr(Type.LIST, scope, depth, budget) + ")";
            case 1 -> "(assv " + expr(Type.INT, scope, depth, budget) + " '((1 . one) (2 \"two\") (3 . #(3)) (-1 . #f)))";
            case 2 -> "(if #f #f)";
            case 3 -> "(cons " + expr(pickType(), scope, depth, budget) + " " + expr(pickType(), scope, depth, budget) + ")";
            case 4 -> "(list " + expr(pickType(), scope, depth, budget) + " " + expr(pickType(), scope, depth, budget) + ")";
            case 5 -> "(vector " + expr(pickType(), scope, depth, budget) + " " + expr(pickType(), scope, depth, budget) + ")";
            case 6 -> quotedDatum();
            case 7 -> {
                // an exact rational: of a double (its exact value), or of a division
                String x = fresh("x");
                yield random.nextBoolean()
                        ? "(let ((" + x + " " + expr(Type.REAL, scope, depth, budget) + ")) (if (finite? " + x + ") (exact " + x + ") " + x + "))"
                        : "(/ " + expr(Type.INT, scope, depth, budget) + " " + nonZero() + ")";
            }
            default -> expr(pickType(), scope, depth, budget);
        };
    }

    /** Something for effect: output, or an assignment. */
    private String statement(Scope scope, int depth, int budget) {
        List<Var> assignable = scope.of(Type.INT, Integer.MAX_VALUE, true);
        return switch (random.nextInt(8)) {
            case 0, 1 -> "(display " + expr(pickType(), scope, depth, budget) + ")";
            case 2 -> "(write " + expr(pickType(), scope, depth, budget) + ")";
            case 3 -> "(newline)";
            case 4 -> assignable.isEmpty() ? "(newline)"
                    : "(set! " + assignable.get(random.nextInt(assignable.size())).name + " " + bounded(expr(Type.INT, scope, depth, budget)) + ")";
            case 5 -> {
                String x = fresh("x");
                yield "(for-each (lambda (" + x + ") (display " + x + ") (display \" \")) " + expr(Type.LIST, scope, depth, budget) + ")";
            }
            case 6 -> "(" + pick("when", "unless") + " " + test(scope, depth, budget) + " (display " + stringLiteral() + ") (newline))";
            default -> {
                String v = fresh("v");
                String i = fresh("i");
                yield "(let ((" + v + " " + expr(Type.VECTOR, scope, depth, budget) + ")) (do ((" + i + " 0 (+ " + i + " 1))) ((>= " + i
                        + " (vector-length " + v + "))) (write (vector-ref " + v + " " + i + "))))";
            }
        };
    }

    // ---- errors on purpose -------------------------------------------------------------------

    private String error(Scope scope, int depth, int budget) {
        List<Fn> fns = scope.fns(Integer.MAX_VALUE);
        return switch (random.nextInt(24)) {
            case 0 -> "(car " + pick("'()", "5", "\"s\"", "(vector 1)") + ")";
            case 1 -> "(" + pick("cdr", "cadr", "caddr", "cdddr") + " " + pick("'(1)", "(list)", "#t") + ")";
            case 2 -> "(vector-ref (vector 1 2) " + pick("2", "-1", "7") + ")";
            case 3 -> "(" + pick("+", "-", "*", "<", "quotient", "abs") + " " + smallInt() + " " + pick("\"a\"", "'sym", "(list 1)", "#f", "car") + ")";
            case 4 -> fns.isEmpty() ? "((lambda (x y) x) 1)" : wrongArity(fns.get(random.nextInt(fns.size())));
            case 5 -> "(" + pick("5", "\"s\"", "#t", "'(1 2)", "(vector)") + " " + smallInt() + ")";
            case 6 -> "(error \"" + pick("something failed", "bad thing:", "oops") + "\"" + (random.nextBoolean() ? "" : " " + smallInt()
                    + " 'sym \"str\" (list 1 \"two\" 'three)") + ")";
            case 7 -> fresh("undefined");
            case 8 -> "(" + pick("quotient", "remainder", "modulo") + " " + smallInt() + " 0)";
            case 9 -> "(" + pick("set-car!", "set-cdr!") + " '(1 2) 3)";
            case 10 -> "(vector-set! #(1 2) 0 1)";
            case 11 -> "(substring \"abc\" " + pick("2 1", "0 4", "-1 2", "4") + ")";
            case 12 -> "(" + pick("string->symbol", "string-length", "symbol->string", "vector-length", "length", "list->vector", "vector->list")
                    + " " + pick("5", "'(1 . 2)", "\"a\"", "'a") + ")";
            case 13 -> "(apply + 1 " + pick("2", "'(1 . 2)") + ")";
            case 14 -> "(list-ref (list 1) " + pick("1", "3", "-1") + ")";
            case 15 -> "(number->string 5 " + pick("7", "0", "'a") + ")";
            case 16 -> "(make-vector " + pick("-1", "'a") + ")";
            case 17 -> "(string-append \"a\" " + pick("1", "'b", "(list)") + ")";
            case 18 -> "(" + pick("*", "+", "-") + " " + pick("65536 65536", "1073741823 1", "-1073741824 1", "-1073741824 -1073741824") + ")";
            case 19 -> {
                // a letrec variable used before its value is ready
                String a = fresh("a");
                String b = fresh("b");
                yield "(letrec ((" + a + " (lambda () " + b + ")) (" + b + " (" + a + "))) 1)";
            }
            case 20 -> "(map car (list 1 2))";
            case 21 -> "(for-each " + pick("5", "(lambda () 1)", "(lambda (x y) x)") + " (list 1 2))";
            case 22 -> "(" + pick("string=?", "string<?") + " \"a\" " + pick("'a", "1") + ")";
            default -> {
                // non-tail recursion far deeper than compiled code goes on the wasm stack (the
                // interpreter carries it on in linear memory), counting or building a big list
                String deep = fresh("deep");
                String n = pick("20000", "100000", "300000");
                String v = fresh("v");
                yield pick("(letrec ((" + deep + " (lambda (n) (if (= n 0) 0 (+ 1 (" + deep + " (- n 1))))))) (" + deep + " " + n + "))",
                        "(length (letrec ((" + deep + " (lambda (n) (if (= n 0) '() (cons n (" + deep + " (- n 1))))))) ("
                                + deep + " " + n + ")))",
                        // a big vector, filled and read back at its last element
                        "(let ((" + v + " (make-vector " + n + " 1))) (vector-set! " + v + " (- " + n + " 1) 7) (+ (vector-length "
                                + v + ") (vector-ref " + v + " (- " + n + " 1))))");
            }
        };
    }

    private String wrongArity(Fn f) {
        int count = f.rest ? Math.max(0, f.required - 1) : (f.required == 0 ? 1 : f.required + pick(-1, 1));
        if (f.rest && f.required == 0) {
            return "(" + f.name + " 1 2 3 'x)";  // takes anything: a wrong type instead
        }
        StringJoiner args = new StringJoiner(" ");
        for (int i = 0; i < count; i++) {
            args.add(String.valueOf(i));
        }
        return "(" + f.name + (count == 0 ? "" : " " + args) + ")";
    }

    // ---- leaves ----------------------------------------------------------------------------

    private String leaf(Type type, Scope scope) {
        List<Var> vars = scope.of(type, BODY_BUDGET + 1, false);
        if (!vars.isEmpty() && random.nextBoolean()) {
            return vars.get(random.nextInt(vars.size())).name;
        }
        return switch (type) {
            case INT -> switch (random.nextInt(6)) {
                case 0 -> String.valueOf(NEAR_LIMITS[random.nextInt(NEAR_LIMITS.length)]);
                case 1, 2 -> String.valueOf(random.nextInt(2001) - 1000);
                default -> String.valueOf(random.nextInt(21) - 10);
            };
            case REAL -> floatLiteral();
            case BOOL -> pick("#t", "#f", "#true", "#false");
            case LIST -> random.nextInt(3) == 0 ? pick("'()", "(list)", "(quote ())") : quotedIntegers();
            case VECTOR -> pick("(vector)", "#()", "(vector 1 2 3)", "#(4 5 6)", "(make-vector 3 7)");
            case STRING -> stringLiteral();
            case SYMBOL -> random.nextBoolean() ? "'" + SYMBOLS[random.nextInt(SYMBOLS.length)] : "(quote " + SYMBOLS[random.nextInt(SYMBOLS.length)] + ")";
            case PROC -> pick("abs", "-", "(lambda (q) (* q q))");
            case ANY -> leaf(pickType(), scope);
        };
    }

    private String quotedIntegers() {
        StringJoiner items = new StringJoiner(" ");
        int n = random.nextInt(6);
        for (int i = 0; i < n; i++) {
            items.add(String.valueOf(random.nextInt(41) - 20));
        }
        return "'(" + items + ")";
    }

    /** Quoted data of every kind: nested lists, dotted pairs, strings, vectors, booleans. */
    private String quotedDatum() {
        return switch (random.nextInt(6)) {
            case 0 -> "'(a (b c) . d)";
            case 1 -> "'((1 . 2) (3 . 4))";
            case 2 -> "'(\"x\\\"y\" #t #f () #(1 (2) \"z\"))";
            case 3 -> "(quote (quote x))";
            case 4 -> "'(1 . (2 . (3 . ())))";
            default -> (random.nextBoolean() ? "'" : "") + "#(a #(b) (c . 1))";
        };
    }

    /**
     * A string literal of the alphabet above, or one in five times of random Unicode scalar
     * values too, each written as a {@code \\x...;} escape: controls, Latin-1, the rest of the
     * BMP (combining marks, unassigned and private-use code points among them) and the
     * supplementary planes.
     */
    private String stringLiteral() {
        StringBuilder s = new StringBuilder("\"");
        boolean wild = random.nextInt(5) == 0;
        int n = random.nextInt(wild ? 12 : 8);
        for (int i = 0; i < n; i++) {
            int r = random.nextInt(20);
            if (r == 0) {
                s.append("\\\"");
            } else if (r == 1) {
                s.append("\\\\");
            } else if (r == 2) {
                s.append("\\n");
            } else if (wild && r < 14) {
                s.append("\\x").append(Integer.toHexString(wildCodePoint())).append(';');
            } else {
                s.appendCodePoint(STRING_ALPHABET[random.nextInt(STRING_ALPHABET.length)]);
            }
        }
        return s.append('"').toString();
    }

    /**
     * A random Unicode scalar value, but not U+000B or U+000C, which Guile writes as
     * {@code \\v} and {@code \\f}, escapes R7RS does not have.
     */
    private int wildCodePoint() {
        int cp = switch (random.nextInt(5)) {
            case 0 -> random.nextInt(0x100);
            case 1 -> 0x100 + random.nextInt(0xd800 - 0x100);
            case 2 -> 0xe000 + random.nextInt(0x10000 - 0xe000);
            case 3 -> 0x10000 + random.nextInt(0x20000);
            default -> 0x10000 + random.nextInt(0x100000);
        };
        return cp == 0xb || cp == 0xc ? 'v' : cp;
    }

    /**
     * A double literal: an edge, a random bit pattern (any finite double, subnormals
     * included, as Java writes it), a decimal of up to 25 digits and an exponent (which the
     * reader must round correctly), or a short decimal.
     */
    private String floatLiteral() {
        return switch (random.nextInt(6)) {
            case 0 -> FLOAT_EDGES[random.nextInt(FLOAT_EDGES.length)];
            case 1 -> {
                double d;
                do {
                    d = Double.longBitsToDouble(random.nextLong());
                } while (!Double.isFinite(d));
                yield Double.toString(d).toLowerCase(java.util.Locale.ROOT);
            }
            case 2 -> {
                int digits = 1 + random.nextInt(25);
                StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
                text.append(1 + random.nextInt(9));
                for (int i = 1; i < digits; i++) {
                    text.append(random.nextInt(10));
                }
                // Guile refuses a written exponent outside -324..308; the value stays finite
                int exponent = -320 + random.nextInt(300 - digits + 320);
                yield text.append('e').append(exponent).toString();
            }
            default -> (random.nextInt(2001) - 1000) + "." + random.nextInt(1000);
        };
    }

    private String smallInt() {
        return String.valueOf(random.nextInt(21) - 10);
    }

    private String nonZero() {
        int n = 1 + random.nextInt(20);
        return String.valueOf(random.nextBoolean() ? n : -n);
    }

    private Type pickType() {
        return VALUE_TYPES[random.nextInt(VALUE_TYPES.length)];
    }

    private String fresh(String stem) {
        return prefix + stem + names++;
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
