package example;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's embedding example is FirstProgram's code, which FirstProgramTest runs. */
class ReadmeEmbeddingExampleTest {

    private static final Path ROOT = Path.of("../..");

    @Test
    void theReadmesFiveLinesAreFirstProgramsLines() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int section = readme.indexOf("## Using the library");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        List<String> example = readme.substring(start, readme.indexOf("```", start)).strip().lines()
                .map(String::strip).toList();
        List<String> program = Files.readString(Path.of("src/main/java/example/FirstProgram.java")).lines()
                .map(String::strip).toList();

        assertThat(section).as("the README's section").isNotNegative();
        assertThat(example).hasSize(7); // the try, five lines, the closing brace
        int at = program.indexOf(example.get(0));
        assertThat(at).as("FirstProgram has the example's first line").isNotNegative();
        assertThat(program.subList(at, at + 6)).isEqualTo(example.subList(0, 6));
    }
}
