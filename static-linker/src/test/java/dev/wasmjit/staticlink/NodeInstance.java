package dev.wasmjit.staticlink;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A module run under Node's WebAssembly (V8) by driver.mjs, from a script of commands. After
 * the script has run, it answers what the instance returned, and, when the script ended with a
 * dump, serves as the {@link LiveInstance} the snapshot reads: the memory and probe values the
 * real instance had at that moment.
 */
final class NodeInstance implements LiveInstance {
    private final List<String> script = new ArrayList<>();
    private final Map<String, List<String>> results = new HashMap<>();
    private final Map<String, Long> probes = new HashMap<>();
    private final List<String> log = new ArrayList<>();
    private Path memoryDump;

    private NodeInstance(byte[] module) {
        script.add("instantiate");
        script.add(Wabt.write(module, "main").toString());
    }

    /** A script that starts by instantiating {@code module}. */
    static NodeInstance of(byte[] module) {
        return new NodeInstance(module);
    }

    /** Calls export {@code name} with i32 arguments. */
    NodeInstance invoke(String name, int... args) {
        script.add("call");
        script.add(name);
        for (int arg : args) {
            script.add(Integer.toString(arg));
        }
        return this;
    }

    /** Evaluates the guest expression at {@code handle}; its integer result is {@code result("eval")}. */
    NodeInstance eval(int handle) {
        script.add("eval");
        script.add(Integer.toString(handle));
        return this;
    }

    /** Links a generated module into the instance, as the bridge's late linker does. */
    NodeInstance link(byte[] generated) {
        script.add("link");
        script.add(Wabt.write(generated, "generated").toString());
        return this;
    }

    /** Runs the script, ending with a dump of memory and probes; returns this for reading. */
    NodeInstance run() {
        try {
            memoryDump = Files.createTempFile(Path.of("target").toAbsolutePath(), "memory", ".bin");
            List<String> command = new ArrayList<>(List.of("node", "--no-warnings", driver().toString()));
            command.addAll(script);
            command.add("dump");
            command.add(memoryDump.toString());
            for (String line : Tool.run(command).split("\n")) {
                String[] parts = line.split(" ");
                switch (parts[0]) {
                    case "result" -> results.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(parts[2]);
                    case "probe" -> probes.put(parts[1], Long.parseLong(parts[2]));
                    case "log" -> log.add(parts[1]);
                    default -> {
                    }
                }
            }
            return this;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What the {@code n}-th call of export {@code name} returned ("void" for no result). */
    String result(String name, int n) {
        List<String> all = results.get(name);
        if (all == null || all.size() <= n) {
            throw new AssertionError("the script made no call " + n + " of " + name + "; results: " + results);
        }
        return all.get(n);
    }

    /** What the last call of export {@code name} returned. */
    String result(String name) {
        List<String> all = results.getOrDefault(name, List.of());
        return result(name, all.size() - 1);
    }

    /** The values the instance passed to its env.log import, in order. */
    List<String> log() {
        return log;
    }

    @Override
    public byte[] memory() {
        try {
            return Files.readAllBytes(memoryDump);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public long call(String name) {
        Long value = probes.get(name);
        if (value == null) {
            throw new AssertionError("the instance has no probe export " + name + "; it has " + probes.keySet());
        }
        return value;
    }

    private static Path driver() {
        try {
            return Path.of(NodeInstance.class.getResource("driver.mjs").toURI());
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
