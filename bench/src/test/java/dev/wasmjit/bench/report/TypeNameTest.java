package dev.wasmjit.bench.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No type of the benchmark code takes the name of a {@code java.lang} type: inside its
 * package such a name silently means the local type, and a reader meeting {@code Runtime}
 * expects {@link java.lang.Runtime}.
 */
class TypeNameTest {

    @Test
    void noBenchTypeShadowsAJavaLangType() throws IOException, URISyntaxException {
        Path classes = Path.of(SchemeRuntime.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> shadowing;
        try (Stream<Path> files = Files.walk(classes.resolve("dev/wasmjit/bench"))) {
            shadowing = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".class") && !name.contains("$"))
                    .map(name -> name.substring(0, name.length() - ".class".length()))
                    .filter(TypeNameTest::isJavaLang)
                    .toList();
        }
        assertThat(shadowing).isEmpty();
    }

    private static boolean isJavaLang(String simpleName) {
        try {
            Class.forName("java.lang." + simpleName, false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
