package dev.wasmjit.harness;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's synopsis of the command line names every option each command's {@code --help}
 * lists: on the command's own line, or, for a line ending in {@code [GUEST OPTIONS]}, in the
 * README's option table; and no option has two rows in one of the READMEs' tables (an old row left
 * behind when the option changed).
 */
class ReadmeSynopsisTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void everyOptionOfEveryCommandIsInTheReadme() throws IOException {
        String readme = Files.readString(README);
        int section = readme.indexOf("## Command line");
        int start = readme.indexOf("```\n", section) + 4;
        Map<String, String> synopsis = new TreeMap<>();
        for (String line : readme.substring(start, readme.indexOf("```", start)).lines().toList()) {
            String[] words = line.split(" ");
            synopsis.put(words.length > 1 && Character.isLetter(words[1].charAt(0)) ? words[1] : "", line);
        }
        String table = readme.substring(readme.indexOf("| command / option |", section));

        CommandLine cli = Main.commandLine(ConsoleInput.none(), new StandardStreams(System.out, System.err));
        List<CommandLine> commands = new ArrayList<>(List.of(cli));
        commands.addAll(cli.getSubcommands().values());
        List<String> missing = new ArrayList<>();
        for (CommandLine command : commands) {
            String name = command == cli ? "" : command.getCommandName();
            String line = synopsis.get(name);
            assertThat(line).as("the README's synopsis of '%s'", name).isNotNull();
            for (OptionSpec option : command.getCommandSpec().options()) {
                if (option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                boolean shown = false;
                for (String optionName : option.names()) { // the README may use the short name: -e, -o
                    shown |= line.contains(optionName + " ") || line.contains(optionName + "]") || line.endsWith(optionName)
                            || line.contains("[GUEST OPTIONS]") && table.contains("`" + optionName + " ");
                }
                if (!shown) {
                    missing.add(("wasmjit " + name).strip() + " " + option.longestName());
                }
            }
        }
        assertThat(missing).as("options that --help lists and the README does not").isEmpty();
    }

    @Test
    void noOptionHasTwoRowsThatMaySayDifferentThings() throws IOException {
        for (Path file : List.of(README, Path.of("README.md"))) {
            List<String> firstCells = new ArrayList<>(); // of one table: serve's may override a guest option's default
            for (String line : Files.readAllLines(file)) {
                if (!line.startsWith("|")) {
                    assertThat(firstCells).as("option rows of a table in %s", file).doesNotHaveDuplicates();
                    firstCells.clear();
                } else if (line.startsWith("| `--")) {
                    firstCells.add(line.substring(0, line.indexOf(" |", 2) + 2));
                }
            }
        }
    }
}
