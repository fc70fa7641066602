package dev.wasmjit.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Makes random valid programs that always end: closures, curried and higher-order calls,
 * recursion that counts down, tail loops, and arithmetic near the integer limits, where
 * some overflow. A few apply an integer or add a procedure, for the guest's type errors.
 */
final class ProgramGenerator {

    private static final int MAX_DEPTH = 5;
    /** Calls a program may make in loops and recursion, so that every program ends soon. */
    private static final int TOP_BUDGET = 20_000;
    /** The budget of a lambda's body, which may be called from inside a loop. */
    private static final int BODY_BUDGET = 50;
    private static final int[] NEAR_LIMITS = {
        Programs.MAX_INTEGER, Programs.MAX_INTEGER - 1, Programs.MIN_INTEGER, Programs.MIN_INTEGER + 1,
        1 << 29, -(1 << 29), 32767, 32768, -32768, 46340, 536870911, 1073741822,
    };

    private final Random random;
    private int names;

    ProgramGenerator(Random random) {
        this.random = random;
    }

    /** One program; most give an integer, some a procedure. */
    String program() {
        names = 0;
        Scope top = new Scope(List.of(), List.of());
        return random.nextInt(10) == 0 ? procedure(top, 1) : integer(top, 0, TOP_BUDGET);
    }

    /** The names an expression may use: integers, and one-argument procedures of integers. */
    private record Scope(List<String> integers, List<String> procedures) {
        Scope withInteger(String name) {
            List<String> more = new ArrayList<>(integers);
            more.add(name);
            return new Scope(more, procedures);
        }

        Scope withProcedure(String name) {
            List<String> more = new ArrayList<>(procedures);
            more.add(name);
            return new Scope(integers, more);
        }
    }

    /** An integer expression whose loops and recursion make at most about {@code budget} calls. */
    private String integer(Scope scope, int depth, int budget) {
        if (depth >= MAX_DEPTH || random.nextInt(10) < 2 + depth) {
            return leaf(scope);
        }
        int next = depth + 1;
        return switch (random.nextInt(12)) {
            case 0, 1 -> "(" + pick("+", "-", "*") + " " + integer(scope, next, budget) + " " + integer(scope, next, budget) + ")";
            case 2 -> "(" + pick("<", "eq?") + " " + integer(scope, next, budget) + " " + integer(scope, next, budget) + ")";
            case 3 -> "(if " + integer(scope, next, budget) + " " + integer(scope, next, budget) + " " + integer(scope, next, budget) + ")";
            case 4 -> {
                String x = fresh("x");
                yield "((lambda (" + x + ") " + integer(scope.withInteger(x), next, budget) + ") " + integer(scope, next, budget) + ")";
            }
            case 5 -> scope.procedures().isEmpty()
                    ? "(" + procedure(scope, next) + " " + integer(scope, next, budget) + ")"
                    : "(" + pickFrom(scope.procedures()) + " " + integer(scope, next, budget) + ")";
            case 6, 7 -> countdown(scope, next, budget);
            case 8 -> tailLoop(scope, next, budget);
            case 9 -> {
                String g = fresh("g");
                yield "((lambda (" + g + ") " + integer(scope.withProcedure(g), next, budget) + ") " + procedure(scope, next) + ")";
            }
            case 10 -> {
                String a = fresh("a");
                String b = fresh("b");
                yield "(((lambda (" + a + ") (lambda (" + b + ") " + integer(scope.withInteger(a).withInteger(b), next, budget)
                        + ")) " + integer(scope, next, budget) + ") " + integer(scope, next, budget) + ")";
            }
            default -> random.nextInt(4) == 0 ? typeError(scope, next) : leaf(scope);
        };
    }

    /** Non-tail recursion that counts down to 0, up to 1000 deep (within the guest's nesting limit). */
    private String countdown(Scope scope, int depth, int budget) {
        String f = fresh("f");
        String n = fresh("n");
        int count = random.nextInt(Math.min(budget, random.nextInt(3) == 0 ? 1000 : 6) + 1);
        Scope inside = scope.withInteger(n);
        String base = integer(inside, depth + 1, budget / (count + 1));
        String step = integer(inside, depth + 1, budget / (count + 1));
        String recur = "(" + f + " (- " + n + " 1))";
        String combined = switch (random.nextInt(4)) {
            case 0 -> "(+ " + recur + " " + step + ")";
            case 1 -> "(- " + step + " " + recur + ")";
            case 2 -> "(* " + recur + " " + step + ")";
            default -> "(if (< " + step + " 0) " + n + " " + recur + ")";
        };
        return "(letrec ((" + f + " (lambda (" + n + ") (if (< " + n + " 1) " + base + " " + combined + ")))) ("
                + f + " " + count + "))";
    }

    /** A tail-recursive loop, its count passed in through a closure. */
    private String tailLoop(Scope scope, int depth, int budget) {
        String loop = fresh("loop");
        String n = fresh("n");
        String k = fresh("k");
        String body = integer(scope.withInteger(n), depth + 1, budget);
        return "(letrec ((" + loop + " (lambda (" + n + ") (if (eq? " + n + " 0) " + body + " (" + loop + " (- " + n + " 1))))))"
                + " ((lambda (" + k + ") (" + loop + " " + k + ")) " + random.nextInt(budget + 1) + "))";
    }

    private String procedure(Scope scope, int depth) {
        if (!scope.procedures().isEmpty() && random.nextInt(4) == 0) {
            return pickFrom(scope.procedures());
        }
        int next = depth + 1;
        return switch (random.nextInt(4)) {
            case 0 -> "(if " + integer(scope, next, BODY_BUDGET) + " " + procedure(scope, next) + " " + procedure(scope, next) + ")";
            case 1 -> {
                String k = fresh("k");
                String y = fresh("y");
                yield "((lambda (" + k + ") (lambda (" + y + ") (" + pick("+", "-", "*") + " " + y + " " + k + "))) "
                        + integer(scope, next, BODY_BUDGET) + ")";
            }
            default -> {
                String y = fresh("y");
                yield "(lambda (" + y + ") " + integer(scope.withInteger(y), next, BODY_BUDGET) + ")";
            }
        };
    }

    private String typeError(Scope scope, int depth) {
        return switch (random.nextInt(3)) {
            case 0 -> "(" + leaf(scope) + " " + leaf(scope) + ")";
            case 1 -> "(" + pick("+", "-", "*", "<") + " " + procedure(scope, depth) + " " + leaf(scope) + ")";
            default -> "(if " + procedure(scope, depth) + " 1 2)";
        };
    }

    private String leaf(Scope scope) {
        if (!scope.integers().isEmpty() && random.nextBoolean()) {
            return pickFrom(scope.integers());
        }
        return switch (random.nextInt(3)) {
            case 0 -> String.valueOf(NEAR_LIMITS[random.nextInt(NEAR_LIMITS.length)]);
            case 1 -> String.valueOf(random.nextInt(2001) - 1000);
            default -> String.valueOf(random.nextInt(21) - 10);
        };
    }

    private String fresh(String stem) {
        return stem + names++;
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String pickFrom(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }
}
