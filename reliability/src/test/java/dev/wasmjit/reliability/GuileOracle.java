package dev.wasmjit.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Guile 3, an implementation of Scheme that shares no code with ours: the generated programs
 * run in one {@code guile} process, each read from a string and evaluated in the same module
 * (top-level definitions persist, as in our interpreter; the programs' names never clash), each
 * inside its own handler, so that an error ends only its own program.
 *
 * <p>Guile runs in its R7RS mode, with the R7RS libraries that Guile's own module does not
 * hold ({@code exact}, {@code square}, {@code string->utf8}, ...) imported.
 *
 * <p>Each program's transcript has our guest's form: its output, a line break if the output
 * left a line open, then {@code result: } and the value's written form, or {@code error: }
 * and the key of Guile's condition (Guile's messages are not ours, so only the kind of
 * outcome is compared).
 *
 * <p>Both have integers of any size, so arithmetic beyond the fixnum range is compared too
 * (the generator keeps whatever feeds back into itself bounded, see
 * {@link ProgramGenerator}). {@code + - *} and the comparisons are called through procedures
 * of the driver's own that check all their arguments: Guile's {@code (* x 1)} is {@code x}
 * whatever {@code x} is, and its {@code (= 1 2 x)} is {@code #f} without looking at {@code x},
 * where our guest reports the type error (Scheme allows both).
 */
final class GuileOracle {

    /** What Guile prints after each program's transcript. */
    private static final String END = "<<end of program>>\n";
    private static final String DRIVER = """
            (import (scheme base) (scheme char) (scheme inexact) (scheme complex) (scheme cxr))
            (use-modules (ice-9 eval-string))
            (set-port-encoding! (current-output-port) "UTF-8")
            (define (numbers-only who xs)
              (for-each (lambda (x) (unless (number? x) (scm-error 'wrong-type-arg who "not a number" '() (list x)))) xs)
              xs)
            (define guile+ +)
            (define guile- -)
            (define guile* *)
            (define (+ . xs) (apply guile+ (numbers-only "+" xs)))
            (define (- . xs) (apply guile- (numbers-only "-" xs)))
            (define (* . xs) (apply guile* (numbers-only "*" xs)))
            (define guile= =)
            (define guile< <)
            (define guile> >)
            (define guile<= <=)
            (define guile>= >=)
            (define (= . xs) (apply guile= (numbers-only "=" xs)))
            (define (< . xs) (apply guile< (numbers-only "<" xs)))
            (define (> . xs) (apply guile> (numbers-only ">" xs)))
            (define (<= . xs) (apply guile<= (numbers-only "<=" xs)))
            (define (>= . xs) (apply guile>= (numbers-only ">=" xs)))
            (define (fresh-line)
              (unless (zero? (port-column (current-output-port))) (newline)))
            (define (run-program text)
              (catch #t
                (lambda ()
                  (let ((value (eval-string text #:module (current-module))))
                    (fresh-line)
                    (display "result: ")
                    (write value)
                    (newline)))
                (lambda (key . arguments)
                  (fresh-line)
                  (display "error: ")
                  (display key)
                  (newline)))
              (display "<<end of program>>\\n"))
            """;

    private final Path executable;

    private GuileOracle(Path executable) {
        this.executable = executable;
    }

    /** {@code guile} on the PATH, if it is installed there. */
    static Optional<GuileOracle> ifInstalled() {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, "guile"))
                .filter(Files::isExecutable)
                .findFirst()
                .map(GuileOracle::new);
    }

    /**
     * Runs every program, in order, in one Guile process.
     *
     * @return one transcript per program
     */
    List<String> run(List<String> programs) throws IOException, InterruptedException {
        StringBuilder script = new StringBuilder(DRIVER);
        for (String program : programs) {
            script.append("(run-program ").append(stringLiteral(program)).append(")\n");
        }
        // The script goes in through stdin, written by a thread of its own while Guile's output
        // is read here: no temporary file, and neither pipe fills up while the other waits.
        // --r7rs: R7RS's string escapes (\x3bb;) read and written, as ours
        ProcessBuilder builder = new ProcessBuilder(executable.toString(), "--r7rs", "--no-auto-compile", "-s", "/dev/stdin")
                .redirectError(ProcessBuilder.Redirect.DISCARD); // its warnings, such as a case's repeated datum
        builder.environment().put("LANG", "C.UTF-8");
        builder.environment().put("GUILE_AUTO_COMPILE", "0");
        Process process = builder.start();
        Thread feeder = new Thread(() -> {
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(script.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // guile ended early; its output says why, and the transcript count catches it
            }
        }, "guile-script-feeder");
        feeder.start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("guile did not finish " + programs.size() + " programs in 5 minutes");
            }
            List<String> transcripts = new ArrayList<>(Arrays.asList(output.split(Pattern.quote(END), -1)));
            if (!transcripts.remove(transcripts.size() - 1).isEmpty() || transcripts.size() != programs.size()) {
                throw new IllegalStateException("guile printed " + transcripts.size() + " transcripts for "
                        + programs.size() + " programs; the end of its output:\n"
                        + output.substring(Math.max(0, output.length() - 2000)));
            }
            return transcripts;
        } finally {
            feeder.join();
        }
    }

    /**
     * Whether Guile's transcript agrees with ours, where the languages agree: the output, and
     * the result's written form, or the fact of an error (Guile's messages are its own).
     * Not compared (empty): a literal
     * constant modified (Guile's evaluator lets a program do it), our limit of nested calls, and a program Guile refuses
     * where ours gives a result: the languages differ there (Guile's {@code map} wants lists
     * of one length; the value of a {@code when} whose test fails is unspecified in Scheme).
     * Nor a program whose text uses what the two write or compute differently: a vector made
     * without a fill (its elements are unspecified), a symbol made from a string (Guile writes
     * {@code #{-1}#} where we write {@code -1}), output of procedures and unspecified values,
     * or random Unicode characters (written {@code \x...;}) given to a case mapping or a
     * character class: Guile's {@code string-upcase} maps one character to one ({@code ß}
     * stays), where R7RS and ours map fully ({@code SS}), and Guile's classes are the general
     * categories where R7RS and ours take the Unicode properties (docs/LANGUAGE.md).
     *
     * <p>A zero's sign is not compared: Scheme leaves it open where Guile and IEEE differ
     * ({@code (round -0.5)}, {@code (max -0.0 0)}, {@code (- 0 0.0)}), so {@code -0.0} reads
     * as {@code 0.0} on both sides.
     *
     * @param program the program
     * @param ours our transcript: output, then {@code oursLine} and a line break
     * @param oursLine our {@code result:} or {@code error:} line
     * @param guile Guile's transcript of the same program
     * @return whether they agree, or empty where the languages differ
     */
    static Optional<Boolean> agrees(String program, String ours, String oursLine, String guile) {
        if (oursLine.contains("cannot modify a literal constant") || oursLine.startsWith("error: recursion too deep")
                || DIFFERENT.matcher(program).find() || ours.contains("#<procedure") || ours.contains("#<unspecified>")
                || WILD_CHARACTER.matcher(program).find() && CASE_OR_CLASS.matcher(program).find()) {
            return Optional.empty();
        }
        ours = SIGNED_ZERO.matcher(ours).replaceAll("0.0");
        oursLine = SIGNED_ZERO.matcher(oursLine).replaceAll("0.0");
        guile = SIGNED_ZERO.matcher(guile).replaceAll("0.0");
        String guileBody = guile.endsWith("\n") ? guile.substring(0, guile.length() - 1) : guile;
        String guileLine = guileBody.substring(guileBody.lastIndexOf('\n') + 1);
        boolean oursIsResult = oursLine.startsWith("result: ");
        if (oursIsResult && guileLine.startsWith("error: ")) {
            return Optional.empty();
        }
        if (!oursIsResult) {
            // the order in which a call's arguments are evaluated is unspecified, and Guile's is
            // not ours: the output before an error may differ, the fact of the error may not
            return Optional.of(guileLine.startsWith("error: "));
        }
        String guileOutput = guileBody.substring(0, guileBody.length() - guileLine.length());
        String oursOutput = ours.substring(0, ours.length() - oursLine.length() - 1);
        boolean sameOutput = withoutFinalLineBreak(oursOutput).equals(withoutFinalLineBreak(guileOutput));
        return Optional.of(sameOutput && oursLine.equals(guileLine));
    }

    private static String withoutFinalLineBreak(String output) {
        return output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
    }

    /** What the languages write differently, see {@link #agrees}. */
    private static final Pattern DIFFERENT = Pattern.compile("\\(make-vector [^ ()]+\\)|string->symbol");

    /** A character written as a hex escape: the generator's random Unicode. */
    private static final Pattern WILD_CHARACTER = Pattern.compile("\\\\x[0-9a-fA-F]+;");

    /** The procedures whose answers beyond ASCII differ in Guile. */
    private static final Pattern CASE_OR_CLASS = Pattern.compile("upcase|downcase|foldcase|char-(?:alphabetic|numeric|whitespace|upper-case|lower-case)\\?");

    /** A negative zero, as a number's written form. */
    private static final Pattern SIGNED_ZERO = Pattern.compile("(?<![\\w.])-0\\.0(?![\\w.])");

    /** The program as a Scheme string literal. */
    private static String stringLiteral(String program) {
        return '"' + program.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
