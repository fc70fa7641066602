package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --tiering}: run tiers automatically by default, and says what it did with --stats. */
class TieringOptionTest {

    private static final String LOOP = "(define (step x) (+ x 1)) (let loop ((i 0) (x 0)) (if (= i 300000) x (loop (+ i 1) (step x))))";

    @Test
    void runTiersAutomaticallyByDefault() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--stats", "-e", LOOP);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("result: 300000").containsPattern("tiering: [1-9]\\d* rounds");
    }

    @Test
    void manualTieringPrintsNoTieringStatistics() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--tiering", "manual", "--stats", "-e", LOOP);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("result: 300000", "jit round 1:").doesNotContain("tiering:");
    }

    @Test
    void jitAsksForTheManualProtocolUnlessTieringIsGiven() {
        Wasmjit.CommandOutcome manual = Wasmjit.run("run", "--jit", "--stats", "-e", LOOP);
        assertThat(manual.stdoutLines()).hasSize(3).element(1).asString().startsWith("jit round 1: ");
        Wasmjit.CommandOutcome both = Wasmjit.run("run", "--jit", "--tiering", "auto", "--stats", "-e", LOOP);
        assertThat(both.stdoutLines()).hasSize(4).last().asString().startsWith("tiering: ");
    }

    @Test
    void offNeverCompiles() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--tiering", "off", "--stats", "-e", LOOP);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdout()).contains("result: 300000", "jit round 1: nothing to compile");
    }

    @Test
    void anUnknownModeIsOneClearError() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--tiering", "sometimes", "-e", "1");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.stderr()).contains("--tiering must be off, manual or auto, was sometimes");
    }
}
