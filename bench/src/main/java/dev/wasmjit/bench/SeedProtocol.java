package dev.wasmjit.bench;

import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.SchemeInterpreter;
import dev.wasmjit.scheme.SchemeValue;

import java.util.Optional;

/**
 * The seed's measurement (interp.py), made repeatable: parse a program, evaluate it N times
 * interpreted, run one JIT round, evaluate the same expression N times more on the same
 * instance, now running compiled code. Every result is checked.
 *
 * <p>Each run parses the program anew: a parse makes fresh function records, not yet
 * compiled, so one instance can repeat the protocol for many rounds and programs.
 */
public final class SeedProtocol {

    /** The seed evaluates five times before and five times after the JIT round. */
    public static final int SEED_EVALS = 5;

    private SeedProtocol() {
    }

    /**
     * The times of one run.
     *
     * @param interpretedNanos the N interpreted evaluations
     * @param round            the JIT round in between, or empty if nothing was compiled
     * @param compiledNanos    the N evaluations after linking
     */
    public record Times(long interpretedNanos, Optional<RoundPhases> round, long compiledNanos) {
    }

    /**
     * Runs the protocol once.
     *
     * @param scheme  the interpreter
     * @param program the program
     * @param evals   evaluations before and after the round, at least 1
     * @return the times
     * @throws IllegalStateException if an evaluation gives another result than the program's
     *                               expected one
     */
    public static Times run(SchemeInterpreter scheme, Program program, int evals) {
        if (evals < 1) {
            throw new IllegalArgumentException("evals must be at least 1, was " + evals);
        }
        Expression expression = scheme.parse(program.source());
        long interpreted = evalTimes(scheme, expression, program, evals);
        Optional<RoundPhases> round = RoundPhases.measure(scheme);
        long compiled = evalTimes(scheme, expression, program, evals);
        return new Times(interpreted, round, compiled);
    }

    /**
     * Evaluates an expression N times.
     *
     * @param scheme     the interpreter that parsed it
     * @param expression the parsed program
     * @param program    the program, for its expected result
     * @param evals      how many times
     * @return the wall-clock time of all N, in nanoseconds
     * @throws IllegalStateException on a wrong result
     */
    public static long evalTimes(SchemeInterpreter scheme, Expression expression, Program program, int evals) {
        long start = System.nanoTime();
        for (int i = 0; i < evals; i++) {
            check(program, scheme.eval(expression));
        }
        return System.nanoTime() - start;
    }

    private static void check(Program program, SchemeValue value) {
        if (!value.toString().equals(program.expected())) {
            throw new IllegalStateException(program.name() + " gave " + value + ", expected " + program.expected());
        }
    }
}
