package dev.wasmjit.harness;

import dev.wasmjit.bench.report.ReportCommand;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The {@code wasmjit} command line: with no command the seed's interp.py demo, and the
 * commands registered here. Exit status 0 on success, 1 when the program or the guest fails
 * ({@code error: MESSAGE} on stderr), 2 on a usage error (the message and a hint to try {@code --help}).
 */
public final class Main {

    private Main() {
    }

    /**
     * Runs the command line in this process and exits with its status.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        System.exit(run(ConsoleInput.ofProcess(), StandardStreams.ofProcess(), args));
    }

    /**
     * Runs the command line with these streams, without exiting.
     *
     * @param streams where output goes
     * @param args    the arguments
     * @return the exit status: 0, 1 or 2
     */
    public static int run(StandardStreams streams, String... args) {
        return run(ConsoleInput.none(), streams, args);
    }

    /**
     * Runs the command line with this input and these streams, without exiting.
     *
     * @param input   standard input, for {@code repl}
     * @param streams where output goes
     * @param args    the arguments
     * @return the exit status: 0, 1 or 2
     */
    public static int run(ConsoleInput input, StandardStreams streams, String... args) {
        CommandLine cli = commandLine(input, streams);
        int status = cli.execute(args);
        // PrintStream swallows write errors: a full disk or a closed stdout must not pass as success (as with cat)
        if (streams.out().checkError()) {
            streams.err().println("error: could not write to standard output"
                    + StandardStreams.stdoutFailure().map(reason -> ": " + reason).orElse(""));
            return status == 0 ? ProgramErrorHandler.PROGRAM_ERROR : status;
        }
        return status;
    }

    /** The command line with every command, writing to these streams; nothing runs yet. */
    static CommandLine commandLine(ConsoleInput input, StandardStreams streams) {
        CommandLine cli = new CommandLine(new DropInCommand(streams))
                // One line per subcommand; each takes the streams it must write to.
                .addSubcommand(new RunCommand(streams))
                .addSubcommand(new LinkCommand(streams))
                .addSubcommand(new ReplCommand(streams, input))
                .addSubcommand(new ServeCommand(streams))
                .addSubcommand(new ReportCommand(streams.err()));
        ServeCommand.describeItsOwnDeadline(cli.getSubcommands().get("serve").getCommandSpec());
        // Subcommands, report among them, are declared without a version provider; -V and
        // --version must answer the same everywhere.
        WasmjitVersion version = new WasmjitVersion();
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        cli.setOut(new PrintWriter(streams.out(), true));
        cli.setErr(new PrintWriter(streams.err(), true));
        cli.setExecutionExceptionHandler(new ProgramErrorHandler(streams));
        cli.setParameterExceptionHandler(Main::usageError);
        cli.setExecutionStrategy(Main::runLastCommand);
        return cli;
    }

    /**
     * A usage error is the message and a one-line hint, picocli's convention, rather than the
     * whole help, which would scroll the message away: {@code Try 'wasmjit run --help' for more
     * information.}
     */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return command.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * Options given before a command would belong to the demo, which does not run, and be
     * silently ignored: {@code wasmjit --module m.wasm run f.scm} would run the bundled guest.
     */
    private static int runLastCommand(CommandLine.ParseResult parsed) {
        boolean help = parsed.isUsageHelpRequested() || parsed.isVersionHelpRequested();
        if (parsed.hasSubcommand() && !parsed.matchedOptions().isEmpty() && !help) {
            CommandLine command = parsed.subcommand().commandSpec().commandLine();
            throw new CommandLine.ParameterException(command, "options go after the command: wasmjit "
                    + command.getCommandName() + " " + parsed.matchedOptions().get(0).longestName() + " ...");
        }
        return new CommandLine.RunLast().execute(parsed);
    }
}
