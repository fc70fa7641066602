package dev.wasmjit.junit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Testing your guest with JUnit" shows two complete test classes; they are the
 * build's own test sources, character for character, so the build compiles and runs exactly
 * what the README shows.
 */
class ReadmeExamplesTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmesTestExamplesAreTheTestSourcesTheBuildRuns() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("## Testing your guest with JUnit");
        assertThat(start).as("the README's section").isNotNegative();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(section);
        while (m.find()) {
            blocks.add(m.group(1));
        }

        assertThat(blocks).containsExactly(
                Files.readString(ROOT.resolve("examples/library/src/test/java/example/FibonacciTest.java")),
                Files.readString(ROOT.resolve("junit/src/test/java/example/TwiceReactorTest.java")));
    }
}
