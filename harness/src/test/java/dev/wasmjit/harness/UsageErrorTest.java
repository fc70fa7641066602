package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A command line wasmjit cannot make sense of exits with status 2, its message and a hint to try --help. */
class UsageErrorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --bogus                       | Unknown option: '--bogus'
            --timeout 2x                  | '2x' is not a duration
            --timeout 0s                  | '0s' is not a positive duration
            --heap-size 0                 | '0' is out of range
            --heap-size lots              | 'lots' is not a size in bytes
            --heap-size 10                | '10' is too small: a heap is at least 4k
            run --heap-size 4095 -e 1     | '4095' is too small: a heap is at least 4k
            --iterations 0                | --iterations must be at least 1, was 0
            --fib -1                      | --fib must not be negative, was -1
            --fib many                    | Invalid value for option '--fib'
            run                           | give the program as FILE, as -e EXPR or as --handle ADDRESS
            run a.scm -e 1                | give the program as FILE, as -e EXPR or as --handle ADDRESS
            run --rounds 0 -e 1           | --rounds must be at least 1, was 0
            run --max-nested-calls 0 -e 1 | --max-nested-calls must be at least 1, was 0
            --module x.wasm run -e 1      | options go after the command: wasmjit run --module
            """)
    void isAUsageError(String arguments, String message) {
        Wasmjit.CommandOutcome run = Wasmjit.run(arguments.split(" "));

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.stderr()).contains(message).doesNotContain("Usage:");
        assertThat(run.stderrLines()).last().asString().matches("Try 'wasmjit( [a-z]+)? --help' for more information\\.");
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void aMissingProgramFileIsAUsageErrorNamingTheFile() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "no-such-program.scm");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderrLines().get(0)).isEqualTo("no such file: no-such-program.scm");
        assertThat(run.stderrLines()).containsExactly("no such file: no-such-program.scm",
                "Try 'wasmjit run --help' for more information.");
    }

    @ParameterizedTest(name = "wasmjit {0} --version")
    @ValueSource(strings = {"", "run", "link", "repl", "serve", "report"})
    void everyCommandPrintsTheVersion(String command) {
        for (String flag : List.of("--version", "-V")) {
            List<String> args = new ArrayList<>(command.isEmpty() ? List.of() : List.of(command));
            args.add(flag);
            Wasmjit.CommandOutcome run = Wasmjit.run(args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.stdoutLines()).as(run.toString()).singleElement().asString().startsWith("wasmjit ");
        }
    }

    @Test
    void noCommandsDescriptionBreaksOffMidSentence() {
        // Each element of a description is printed on lines of its own; one that stops
        // mid-sentence leaves the sentence broken across a line end whatever the terminal's width.
        CommandLine cli = Main.commandLine(ConsoleInput.none(), StandardStreams.ofProcess());
        List<CommandLine> commands = new ArrayList<>(List.of(cli));
        commands.addAll(cli.getSubcommands().values());
        for (CommandLine command : commands) {
            assertThat(command.getCommandSpec().usageMessage().description())
                    .as(command.getCommandName())
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).endsWith("."));
        }
    }

    @Test
    void helpIsNotAnError() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).startsWith("Usage: wasmjit run").contains("--jit", "--rounds", "--stats", "--timeout");
    }

    @Test
    void serveHelpGivesTheServersOwnDeadlineAsTheTimeoutsDefault() {
        Wasmjit.CommandOutcome run = Wasmjit.run("serve", "--help");

        assertThat(run.exitCode()).isZero();
        String help = run.stdout().replaceAll("\\s+", " ");
        assertThat(help).contains("--timeout=DURATION Deadline of each evaluation on the server")
                .contains("(default: 5s)").doesNotContain("no limit");
        assertThat(run.stdout()).contains("--sessions-per-client");
    }

    @Test
    void sizesTakeAGibibyteSuffixAndTheHeapLimitReachesFourGibibytes() {
        Wasmjit.CommandOutcome run = Wasmjit.run("run", "--max-heap", "2g", "-e", "(+ 1 2)");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.stdoutLines()).containsExactly("result: 3");
        assertThat(Wasmjit.run("run", "--max-heap", "4G", "-e", "1").stdoutLines())
                .containsExactly("result: 1");

        Wasmjit.CommandOutcome tooLarge = Wasmjit.run("run", "--max-heap", "5g", "-e", "1");
        assertThat(tooLarge.exitCode()).isEqualTo(2);
        assertThat(tooLarge.stderr()).contains("'5g' is out of range");
    }
}
