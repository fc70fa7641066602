package dev.wasmjit.harness;

import dev.wasmjit.bridge.GuestException;
import dev.wasmjit.bridge.LinkReport;
import dev.wasmjit.scheme.Expression;
import dev.wasmjit.scheme.GuestCount;
import dev.wasmjit.scheme.JitModule;
import dev.wasmjit.scheme.SchemeInterpreter;

import dev.wasmjit.scheme.SchemeValue;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * What the REPL does with one entry, whether it came from a terminal or a pipe: a command
 * ({@code ,jit}, {@code ,time EXPR}, {@code ,stats}, {@code ,describe NAME},
 * {@code ,apropos TEXT}, {@code ,load FILE}, {@code ,help}, {@code ,quit}) or Scheme forms, each
 * parsed and evaluated in turn on one interpreter, so that definitions persist. A form's value
 * is printed Guile's way, {@code $1 = 42}, after whatever the form displayed, and an
 * unspecified value (a definition's, {@code display}'s) not at all ({@link ValueHistory}); a
 * failure is one line on stderr, {@code error: MESSAGE}, and the session goes on.
 */
final class ReplSession {

    static final String HELP = """
            Enter Scheme forms; an entry goes on over several lines until its parentheses balance.
            Definitions persist from one entry to the next. Commands:
              ,jit            compile the functions that have run, link them in, and say what was compiled
              ,time EXPR      evaluate EXPR and print how long it took
              ,stats          compiled functions, JIT rounds, collections, heap
              ,describe NAME  what NAME is: kind, arity, what it does
              ,apropos TEXT   the names (and primitive descriptions) that contain TEXT
              ,load FILE      evaluate the forms of a file, printing only what they display
              ,help           this text
              ,quit           leave (Ctrl-D too); Ctrl-C stops a running evaluation
            A value prints as $1 = VALUE, and $1 names it afterwards. Tab completes names and commands.""";

    private final SchemeInterpreter scheme;
    private final PrintStream out;
    private final PrintStream err;
    private final int heapBytes;
    private final SessionNames names = new SessionNames();
    private final Glossary glossary = new Glossary(names);
    private final ValueHistory values;
    private volatile boolean cancelled;
    /** Entries begun, and whether one runs: what a Ctrl-C that finds no guest call waits for. */
    private volatile long entries;
    private volatile boolean entryRunning;
    /** Names the file being loaded in the messages of its forms. */
    private UnaryOperator<String> guardedMessages = UnaryOperator.identity();
    private int failures;
    private int jitRounds;
    private long jitBytes;

    ReplSession(SchemeInterpreter scheme, StandardStreams streams, int heapBytes) {
        this.scheme = scheme;
        this.out = streams.out();
        this.err = streams.err();
        this.heapBytes = heapBytes;
        this.values = new ValueHistory(scheme, names);
    }

    /** The names the session knows, for completion. */
    Glossary glossary() {
        return glossary;
    }

    /**
     * Runs one entry.
     *
     * @param entry     the text: a command, or complete Scheme forms
     * @param firstLine the entry's first line in its input, so that messages name the line the
     *                  user sees (1 for a terminal entry)
     * @return false when the entry asked to leave
     */
    boolean run(String entry, int firstLine) {
        cancelled = false;
        entries++;
        entryRunning = true;
        try {
            String trimmed = entry.strip();
            if (trimmed.startsWith(",")) {
                return command(trimmed);
            }
            evaluateForms(entry, firstLine, true, false);
            return true;
        } finally {
            entryRunning = false;
        }
    }

    /**
     * Whether an entry is complete: a command on its line (for {@code ,time}, once its
     * expression balances), or text that does not end inside a form.
     */
    static boolean isComplete(String entry) {
        String trimmed = entry.strip();
        if (trimmed.startsWith(",")) {
            String[] words = trimmed.split("\\s+", 2);
            return !words[0].equals(",time") || words.length < 2 || !SchemeForms.scan(words[1]).incomplete();
        }
        return !SchemeForms.scan(entry).incomplete();
    }

    /** Whether an entry holds anything to run: a command or a form, not only spaces and comments. */
    static boolean hasWork(String entry) {
        return entry.strip().startsWith(",") || !SchemeForms.scan(entry).forms().isEmpty()
                || SchemeForms.scan(entry).incomplete();
    }

    /** Ctrl-C: stops the evaluation under way, and the forms of the entry not yet run. */
    void interrupt() {
        cancelled = true;
        if (scheme.interrupt() || !entryRunning) {
            return;
        }
        // The entry is between two guest calls (its parse and its evaluation): no call is there
        // to stop, and the evaluation about to start would run on. Try again until a call of
        // this entry takes the interrupt or the entry ends, so that Ctrl-C is never lost.
        long entry = entries;
        Thread retry = new Thread(() -> {
            while (entryRunning && entries == entry && !scheme.interrupt()) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "wasmjit-repl-interrupt");
        retry.setDaemon(true);
        retry.start();
    }

    /** How many entries or forms failed so far: a script's exit status says whether any did. */
    int failures() {
        return failures;
    }

    private boolean command(String text) {
        String[] words = text.split("\\s+", 2);
        String name = words[0];
        String argument = words.length > 1 ? words[1] : "";
        switch (name) {
            case ",quit", ",q", ",exit" -> {
                return false;
            }
            case ",help", ",h", ",?" -> out.println(HELP);
            case ",jit" -> guarded(this::jit);
            case ",stats" -> guarded(this::stats);
            case ",time" -> {
                if (argument.isBlank()) {
                    fail("give ,time an expression to evaluate: ,time (fib 25)");
                } else {
                    evaluateForms(argument, 1, true, true);
                }
            }
            case ",describe", ",d" -> describe(argument.strip());
            case ",apropos", ",a" -> apropos(argument.strip());
            case ",load", ",l" -> load(argument.strip());
            default -> fail("unknown command " + name + " (,help lists the commands)");
        }
        return true;
    }

    /**
     * Evaluates the forms of a text in order, up to the first that fails.
     *
     * @param print whether values are printed ({@code $1 = 42}); {@code ,load} prints none
     * @return whether all of them ran
     */
    private boolean evaluateForms(String text, int firstLine, boolean print, boolean timed) {
        SchemeForms.Scan scan = SchemeForms.scan(text);
        if (scan.incomplete()) {
            // only a script can end inside a form (a terminal entry is read until it balances):
            // the guest's parser says what is missing and where
            scan.forms().add(new SchemeForms.Form(scan.rest(), scan.restLine(), 1));
        }
        long start = System.nanoTime();
        for (SchemeForms.Form form : scan.forms()) {
            if (cancelled) {
                return false;
            }
            String source = firstLine == 1 ? form.positioned()
                    : "\n".repeat(firstLine - 1) + form.positioned();
            // a form the scanner left open goes to the guest as it is: its parser says what is missing
            // (nor are the forms of ,load, whose values are not printed, so not numbered)
            boolean open = scan.incomplete() && form == scan.forms().get(scan.forms().size() - 1);
            ValueHistory.Evaluation evaluation = open || !print
                    ? new ValueHistory.Evaluation(source, false, false)
                    : values.prepare(form.text(), source);
            if (!guarded(() -> {
                Expression expression = scheme.parse(evaluation.source());
                SchemeValue value;
                try {
                    value = scheme.eval(expression, heapBytes);
                } finally {
                    expression.release();  // an entry runs once; what it defines stays
                }
                names.add(form.text());
                if (print && !value.isUnspecified()) {
                    out.println(values.record(value, evaluation));
                }
            }, evaluation::message)) {
                return false;
            }
        }
        if (timed) {
            out.println("time: " + millis(System.nanoTime() - start));
        }
        return true;
    }

    private void describe(String name) {
        if (name.isEmpty() || name.contains(" ")) {
            fail("give ,describe one name: ,describe string-length");
            return;
        }
        Optional<String> text = glossary.describe(name, global -> {
            try {
                Expression lookup = scheme.parse(global);
                String value;
                try {
                    value = scheme.eval(lookup, heapBytes).toString();
                } finally {
                    lookup.release();
                }
                // a description, not a dump: a long list shows its start
                return Optional.of(value.length() <= 200 ? value : value.substring(0, 197) + "...");
            } catch (GuestException | IllegalStateException | IllegalArgumentException e) {
                return Optional.empty(); // defined by a form that failed: no value to show
            }
        });
        text.ifPresentOrElse(out::println,
                () -> fail("nothing is named " + name + " (,apropos TEXT searches the names)"));
    }

    private void apropos(String text) {
        if (text.isEmpty()) {
            fail("give ,apropos a text to look for: ,apropos string");
            return;
        }
        List<String> lines = glossary.apropos(text);
        if (lines.isEmpty()) {
            out.println("apropos: no name contains \"" + text + "\"");
        }
        lines.forEach(out::println);
    }

    private void load(String argument) {
        // a name in double quotes, as a Scheme string, is the name inside them
        String file = argument.length() > 1 && argument.startsWith("\"") && argument.endsWith("\"")
                ? argument.substring(1, argument.length() - 1) : argument;
        if (file.isEmpty()) {
            fail("give ,load a file: ,load examples/fib.scm");
            return;
        }
        String source;
        try {
            source = Files.readString(Path.of(file));
        } catch (IOException e) {
            fail("could not read " + file + ": " + ProgramErrorHandler.reason(e));
            return;
        } catch (InvalidPathException e) {
            fail("could not read " + file + ": not a path (" + e.getReason() + ")");
            return;
        }
        String loading = file;
        guardedMessages = message -> loading + ": " + message;
        try {
            evaluateForms(source, 1, false, false);
        } finally {
            guardedMessages = UnaryOperator.identity();
        }
    }

    private void jit() {
        long start = System.nanoTime();
        Optional<JitModule> module = scheme.jit();
        if (module.isEmpty()) {
            out.println("jit: nothing to compile (no function has run since the last round)");
            return;
        }
        LinkReport link = scheme.link(module.get());
        long elapsed = System.nanoTime() - start;
        jitRounds++;
        jitBytes += module.get().size();
        JitModule m = module.get();
        String compiled = m.compiledCount() >= 0 ? plural(m.compiledCount(), "function") : "functions";
        out.println("jit: " + compiled + " compiled into " + m.size() + " bytes ("
                + plural(m.functionCount(), "function") + " with the patch) in " + millis(elapsed)
                + "; table " + link.tableSizeBefore() + " -> " + link.tableSizeAfter());
    }

    private void stats() {
        out.println("compiled functions: " + count(scheme.compiledFunctionCount())
                + " (" + count(scheme.pendingJitCount()) + " ran since and wait for ,jit)");
        out.println("jit rounds: " + jitRounds + ", " + jitBytes + " bytes linked; table " + scheme.tableSize() + " slots");
        out.println("collections: " + count(scheme.collectionCount()) + " in the last evaluation");
        out.println("heap: " + heapBytes + " bytes; guest memory " + scheme.instance().memory().size() + " bytes");
        if (scheme.tiering().isAutomatic()) {
            out.println(scheme.tieringStats());
        }
    }

    /** Runs guest work; a failure becomes one line on stderr. */
    private boolean guarded(Runnable work) {
        return guarded(work, UnaryOperator.identity());
    }

    /** Runs guest work; a failure becomes one line on stderr, its message fixed as the work says. */
    private boolean guarded(Runnable work, UnaryOperator<String> fixMessage) {
        try {
            work.run();
            return true;
        } catch (GuestException | IllegalStateException | IllegalArgumentException e) {
            if (StoppingStdout.causedBy(e)) {
                throw e; // nobody reads the results any more: the session ends, as run does
            }
            fail(guardedMessages.apply(fixMessage.apply(ProgramErrorHandler.message(e))));
            return false;
        }
    }

    private void fail(String message) {
        failures++;
        out.flush();
        err.println("error: " + message);
    }

    private static String count(GuestCount value) {
        return value.isPresent() ? String.valueOf(value.getAsInt()) : "?";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
