package dev.wasmjit.harness;

import org.jline.reader.Candidate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.wasmjit.harness.ReplScriptTest.repl;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REPL's help on names: {@code ,describe}, {@code ,apropos}, completion's candidates, and
 * {@code ,load}, which adds a file's definitions to the session.
 */
class ReplDescribeTest {

    @TempDir
    Path directory;

    @Test
    void describeSaysWhatAPrimitiveASpecialFormAndASessionGlobalAre() {
        Wasmjit.CommandOutcome outcome = repl("""
                (define (area w h) (* w h))
                (define size 12)
                (define many (make-list 1000 'word))
                ,describe string-ref
                ,describe +
                ,describe lambda
                ,describe area
                ,describe size
                ,describe many
                ,describe no-such-name
                """);
        assertThat(outcome.stdout()).contains(
                "string-ref: primitive procedure, 2 arguments\n  ",
                "+: primitive procedure, 0 or more arguments\n  sum of its arguments; (+) is 0\n",
                "lambda: special form",
                "area: procedure, defined in this session\n  (area w h)\n",
                "size: variable, defined in this session\n  value: 12\n",
                "many: variable, defined in this session\n  value: (word word ");
        assertThat(outcome.stdoutLines()).anySatisfy(line -> assertThat(line).startsWith("  value: (word").endsWith("...").hasSize("  value: ".length() + 200));
        assertThat(outcome.stderrLines()).containsExactly(
                "error: nothing is named no-such-name (,apropos TEXT searches the names)");
    }

    @Test
    void aproposListsTheNamesAndPrimitivesWhoseDescriptionContainTheText() {
        Wasmjit.CommandOutcome outcome = repl("(define (symbol-maker s) (string->symbol s))\n,apropos symbol\n,apropos reciprocal\n,apropos zzzz\n");
        List<String> lines = outcome.stdoutLines();
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("symbol-maker ").endsWith("procedure, defined in this session"));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("string->symbol ").contains("primitive: "));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("/ ").contains("reciprocal"));
        assertThat(lines).allSatisfy(line -> assertThat(line).containsAnyOf("symbol", "reciprocal", "no name contains"));
        assertThat(lines).last().isEqualTo("apropos: no name contains \"zzzz\"");
        assertThat(outcome.stderr()).isEmpty();
    }

    @Test
    void loadEvaluatesAFileWithoutPrintingItsValuesAndItsDefinitionsStay() throws IOException {
        Path file = directory.resolve("lib.scm");
        Files.writeString(file, "(define (triple n) (* 3 n))\n(display \"loaded\")\n(newline)\n(triple 1)\n");
        Path broken = directory.resolve("broken.scm");
        Files.writeString(broken, "(define a 1)\n\n(+ a\n   b)\n(define c 3)\n");
        Wasmjit.CommandOutcome outcome = repl(",load " + file + "\n(triple 14)\n,describe triple\n,load \"" + broken + "\"" // a quoted name, as a Scheme string
                + "\na\n,load " + directory.resolve("missing.scm") + "\n");
        assertThat(outcome.stdoutLines()).as(outcome.toString())
                .containsExactly("loaded", "$1 = 42", "triple: procedure, defined in this session", "  (triple n)", "$2 = 1");
        assertThat(outcome.stderrLines()).containsExactly(
                "error: " + broken + ": unbound variable: b at line 4, column 4",
                "error: could not read " + directory.resolve("missing.scm") + ": no such file or directory");
        assertThat(outcome.exitCode()).isEqualTo(1);
    }

    @Test
    void completionOffersCommandsAtTheStartAndNamesAfterAParenthesisOrAQuote() {
        SessionNames names = new SessionNames();
        names.add("(define (fibonacci n) n)");
        ReplCompletion completion = new ReplCompletion(new Glossary(names));
        assertThat(candidates(completion, ",de")).contains(",describe", ",jit", ",load");
        assertThat(candidates(completion, "(fib")).contains("(fibonacci", "(string-length", "(define");
        assertThat(candidates(completion, "(map car '(fib")).contains("'(fibonacci");
        assertThat(candidates(completion, "(display ,de")).doesNotContain(",describe");
    }

    @Test
    void theSpecialFormsAreTheGuestsKeywords() throws IOException {
        String syntax = Files.readString(Path.of("..", "guest", "src", "syntax.cc"));
        String table = syntax.substring(syntax.indexOf("kKeywords[] = {"), syntax.indexOf("};", syntax.indexOf("kKeywords[] = {")));
        List<String> keywords = new ArrayList<>();
        Matcher entry = Pattern.compile("\\{\"([^\"]+)\", Keyword::").matcher(table);
        while (entry.find()) {
            keywords.add(entry.group(1));
        }
        assertThat(BuiltinNames.SPECIAL_FORMS).containsExactlyInAnyOrderElementsOf(keywords);
    }

    @Test
    void thePrimitiveTableIsTheGuestsWhole() throws IOException {
        long rows = Files.readAllLines(Path.of("..", "guest", "src", "primitives.def")).stream()
                .filter(line -> line.startsWith("PRIMITIVE(")).count();
        List<String> names = new ArrayList<>();
        BuiltinNames.primitives().forEach(p -> names.add(p.name()));
        assertThat(names).hasSize((int) rows).contains("car", "vector-fill!", "%make-record");
        assertThat(BuiltinNames.primitive("car").orElseThrow().arity()).isEqualTo("1 argument");
    }

    private static List<String> candidates(ReplCompletion completion, String typed) {
        List<Candidate> found = new ArrayList<>();
        completion.complete(null, ReplCompletion.parser().parse(typed, typed.length()), found);
        return found.stream().map(Candidate::value).toList();
    }
}
