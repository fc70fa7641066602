package dev.wasmjit.harness;

import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;

import java.util.List;

/**
 * Tab completion at the REPL's prompt: a {@code ,} command at the start of an entry, and
 * otherwise the name under the cursor among the special forms, the primitives and the
 * session's globals ({@link Glossary}). A name starts after a space or any of {@code ( ' ` ,},
 * which JLine's word splitting leaves in the word: the candidates keep that part as it is.
 */
final class ReplCompletion implements Completer {

    private final Glossary glossary;

    ReplCompletion(Glossary glossary) {
        this.glossary = glossary;
    }

    /** How the prompt's line splits into words: at spaces only; quotes and backslashes are Scheme's, not a shell's. */
    static Parser parser() {
        return new DefaultParser().quoteChars(new char[0]).escapeChars(new char[0]);
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        String word = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        boolean firstWord = line.line().substring(0, line.cursor()).strip().equals(word.strip());
        if (firstWord && word.startsWith(",")) {
            for (String command : Glossary.COMMANDS) {
                candidates.add(new Candidate(command, command, null, null, null, null, true));
            }
            return;
        }
        int start = 0;
        for (int i = 0; i < word.length(); i++) {
            if ("('`,".indexOf(word.charAt(i)) >= 0) {
                start = i + 1;
            }
        }
        String before = word.substring(0, start);
        for (String name : glossary.names()) {
            candidates.add(new Candidate(before + name, name, null, null, null, null, true));
        }
    }
}
