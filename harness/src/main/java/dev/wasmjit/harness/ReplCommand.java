package dev.wasmjit.harness;

import dev.wasmjit.scheme.SchemeInterpreter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
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
                .interruptible(input.terminal())
                .resultLines(false); // the session prints values its own way: $1 = 42
        guest.module().ifPresent(m -> builder.module(m));
        try (SchemeInterpreter scheme = builder.build()) {
            ReplSession session = new ReplSession(scheme, streams, guest.heapBytes());
            return input.terminal() ? interactive(session) : scripted(session);
        }
    }

    /** No prompt, no echo: forms in, results out; status 1 if any form failed. */
    private int scripted(ReplSession session) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(input.in(), StandardCharsets.UTF_8));
        Entry entry = new Entry();
        int entryLine = 1;
        int lineNumber = 0;
        try {
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                entry.add(line);
                if (entry.complete()) {
                    String text = entry.text();
                    if (ReplSession.hasWork(text) && !session.run(text, entryLine)) {
                        return status(session);
                    }
                    entry.clear();
                    entryLine = lineNumber + 1;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read standard input", e);
        }
        String rest = entry.text();
        if (ReplSession.hasWork(rest)) {
            session.run(rest, entryLine); // ends inside a form: the guest says where
        }
        return status(session);
    }

    /**
     * The entry being read, line by line, and whether it is complete: a command on its line
     * ({@code ,time} once its expression balances), or forms whose parentheses balance, told
     * by an {@link EntryScanner} so that each line costs its own length only.
     */
    private static final class Entry {
        private final EntryScanner forms = new EntryScanner();
        private boolean command;

        void add(String line) {
            if (forms.text().isEmpty() && line.strip().startsWith(",")) {
                command = true;
            }
            forms.add(line);
        }

        boolean complete() {
            return command ? ReplSession.isComplete(forms.text()) : forms.complete();
        }

        String text() {
            return forms.text();
        }

        void clear() {
            forms.clear();
            command = false;
        }
    }

    private static int status(ReplSession session) {
        return session.failures() == 0 ? 0 : ProgramErrorHandler.PROGRAM_ERROR;
    }

    /**
     * Reads an entry a line at a time: JLine edits one line, and the entry goes on with the
     * continuation prompt until it is complete. JLine's own multi-line buffer redrew the whole
     * entry at every key, so a pasted entry of thousands of lines never finished, and Ctrl-C
     * waited behind it. The whole entry goes into the history, as one item.
     */
    private int interactive(ReplSession session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("wasmjit")
                    .variable(LineReader.HISTORY_FILE, historyFile())
                    .variable(LineReader.DISABLE_HISTORY, true) // entries, not lines, are added below
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' belongs in names like set!
                    .option(LineReader.Option.INSERT_TAB, true) // Tab at the start of a line indents
                    .completer(new ReplCompletion(session.glossary()))
                    .parser(ReplCompletion.parser())
                    .build();
            terminal.handle(Terminal.Signal.INT, signal -> session.interrupt());
            streams.out().println("wasmjit REPL: Scheme on wasmtime with a JIT. ,help for commands, Ctrl-D to leave.");
            Entry entry = new Entry();
            while (true) {
                String line;
                try {
                    line = reader.readLine(entry.text().isEmpty() ? PROMPT : CONTINUATION);
                } catch (UserInterruptException e) {
                    entry.clear(); // Ctrl-C while typing: drop the entry
                    continue;
                } catch (EndOfFileException e) {
                    return 0;
                }
                // a recalled entry comes back whole, its lines in one
                line.lines().forEach(entry::add);
                if (line.isEmpty()) {
                    entry.add("");
                }
                if (!entry.complete()) {
                    continue;
                }
                String text = entry.text();
                entry.clear();
                if (!text.isBlank()) {
                    reader.setVariable(LineReader.DISABLE_HISTORY, false);
                    reader.getHistory().add(text.stripTrailing());
                    reader.setVariable(LineReader.DISABLE_HISTORY, true);
                }
                if (ReplSession.hasWork(text) && !session.run(text, 1)) {
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
}
