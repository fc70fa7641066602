package dev.wasmjit.harness;

import dev.wasmjit.scheme.SchemeInterpreter;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code wasmjit repl}: an interactive session on one interpreter. On a terminal it reads
 * entries with JLine (line editing, history in {@code ~/.wasmjit/history}, an entry goes on
 * until its parentheses balance) and Ctrl-C stops a running evaluation. When standard input
 * is not a terminal it reads forms and prints results, with no prompt and no escape codes, and
 * its exit status says whether any form failed.
 */
@Command(name = "repl", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "An interactive Scheme session: definitions persist, ,jit compiles what ran, ,help lists the commands.",
            "When standard input is not a terminal: reads forms, prints results, no prompt."})
final class ReplCommand implements Callable<Integer> {

    private static final String PROMPT = "wasmjit> ";
    private static final String CONTINUATION = "     ... ";

    @Option(names = "--history", paramLabel = "FILE",
            description = "The history file on a terminal (default: ~/.wasmjit/history).")
    private Path history;

    @Mixin
    private GuestOptions guest;

    private final StandardStreams streams;
    private final ConsoleInput input;

    ReplCommand(StandardStreams streams, ConsoleInput input) {
        this.streams = streams;
        this.input = input;
    }

    @Override
    public Integer call() throws IOException {
        SchemeInterpreter.Builder builder = guest.configure(SchemeInterpreter.builder(), streams, streams.out())
                .interruptible(input.terminal());
        guest.module().ifPresent(m -> builder.module(m));
        try (SchemeInterpreter scheme = builder.build()) {
            ReplSession session = new ReplSession(scheme, streams, guest.heapBytes());
            return input.terminal() ? interactive(session) : scripted(session);
        }
    }

    /** No prompt, no echo: forms in, results out; status 1 if any form failed. */
    private int scripted(ReplSession session) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(input.in(), StandardCharsets.UTF_8));
        StringBuilder entry = new StringBuilder();
        int entryLine = 1;
        int lineNumber = 0;
        try {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                entry.append(line).append('\n');
                String text = entry.toString();
                if (ReplSession.isComplete(text)) {
                    if (ReplSession.hasWork(text) && !session.run(text, entryLine)) {
                        return status(session);
                    }
                    entry.setLength(0);
                    entryLine = lineNumber + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read standard input", e);
        }
        if (ReplSession.hasWork(entry.toString())) {
            session.run(entry.toString(), entryLine); // ends inside a form: the guest says where
        }
        return status(session);
    }

    private static int status(ReplSession session) {
        return session.failures() == 0 ? 0 : ProgramErrorHandler.PROGRAM_ERROR;
    }

    private int interactive(ReplSession session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("wasmjit")
                    .parser(new EntryParser())
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' belongs in names like set!
                    .option(LineReader.Option.INSERT_TAB, true)
                    .build();
            terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
            streams.out().println("wasmjit REPL: Scheme on wasmtime with a JIT. ,help for commands, Ctrl-D to leave.");
            while (true) {
                String entry;
                try {
                    entry = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C while typing: drop the entry
                } catch (EndOfFileException e) {
                    return 0;
                }
                if (ReplSession.hasWork(entry) && !session.run(entry, 1)) {
                    return 0;
                }
            }
        }
    }

    private Path historyFile() throws IOException {
        Path file = history != null ? history
                : Path.of(System.getProperty("user.home"), ".wasmjit", "history");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        return file;
    }

    /** Asks JLine for another line while the entry is incomplete; words as JLine's own parser splits them. */
    private static final class EntryParser implements Parser {
        private final DefaultParser words = new DefaultParser().quoteChars(new char[0]).escapeChars(new char[0]);

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !ReplSession.isComplete(line)) {
                throw new EOFError(-1, -1, "the entry goes on until its parentheses balance");
            }
            return words.parse(line, cursor, context);
        }
    }
}
