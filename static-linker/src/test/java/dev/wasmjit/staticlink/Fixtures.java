package dev.wasmjit.staticlink;

import java.io.IOException;
import java.io.InputStream;

/**
 * The committed test modules: src/test/resources/wasm/NAME.wasm, built from src/test/wat/NAME.wat
 * by scripts/wat-fixtures (CI checks they match), so the tests need no wabt.
 */
final class Fixtures {

    private Fixtures() {
    }

    /** The bytes of {@code NAME.wasm}; {@code NAME.names} is the same module with a name section. */
    static byte[] wasm(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/wasm/" + name + ".wasm")) {
            if (in == null) {
                throw new AssertionError("no test module /wasm/" + name + ".wasm: run scripts/wat-fixtures");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
