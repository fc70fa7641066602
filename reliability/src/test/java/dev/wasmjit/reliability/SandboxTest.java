package dev.wasmjit.reliability;

import dev.wasmjit.bridge.ModuleShape;
import dev.wasmjit.bridge.ReactorInstance;
import dev.wasmjit.junit.GuestModule;
import dev.wasmjit.junit.GuestOutput;
import dev.wasmjit.junit.WasmjitTest;
import dev.wasmjit.scheme.SchemeInterpreter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The guest sees no files, no environment and no arguments: a module that tries to reach them
 * through WASI (src/test/wat/sandbox-probe.wat, committed as /wasm/sandbox-probe.wasm) reports
 * what it got. The probe is injected by the extension as a user's reactor module would be,
 * and, since it also has the Scheme guest's exports, as the module of a SchemeInterpreter,
 * which sets its instance up its own way.
 */
@WasmjitTest
class SandboxTest {

    private static final String PROBE = "/wasm/sandbox-probe.wasm";

    @Test
    void aGuestThatLooksForArgumentsEnvironmentAndFilesFindsNone(
            @GuestModule(resource = PROBE) ReactorInstance probe, GuestOutput output) {
        probe.requireFunction("probe").callVoid();
        assertFindsNothing(output.stdoutLines());
    }

    @Test
    void theSameGuestSetUpAsASchemeInterpreterFindsNoneEither(
            @GuestModule(resource = PROBE) SchemeInterpreter probe, GuestOutput output) {
        assertThat(probe.eval(probe.parse("probe")).asInteger()).as("the result line eval prints last").isZero();
        List<String> report = output.stdoutLines();
        assertThat(report).last().isEqualTo("result: 0");
        assertFindsNothing(report.subList(0, report.size() - 1));
    }

    /** Checks the probe's report: one line per attempt, each finding nothing. */
    private static void assertFindsNothing(List<String> report) {
        assertThat(System.getenv()).as("the host process has an environment to hide").isNotEmpty();
        // The probe's report, shown only when an assertion fails (a passing test prints nothing).
        String probeReport = "sandbox probe:\n  " + String.join("\n  ", report);

        Map<String, Map<String, String>> byCall = new LinkedHashMap<>();
        for (String line : report) {
            String[] words = line.split(" ");
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 1; i < words.length; i++) {
                String[] keyValue = words[i].split("=", 2);
                fields.put(keyValue[0], keyValue[1]);
            }
            byCall.put(words[0] + (fields.containsKey("fd") ? " fd=" + fields.get("fd") : ""), fields);
        }
        assertThat(byCall).as("one line per attempt in\n" + probeReport).hasSize(17);

        for (String sizes : List.of("args_sizes_get", "environ_sizes_get")) {
            assertThat(byCall.get(sizes)).as(sizes + " in\n" + probeReport).containsEntry("errno", "0")
                    .containsEntry("count", "0").containsEntry("bytes", "0");
        }
        for (String lists : List.of("args_get", "environ_get")) {
            assertThat(byCall.get(lists)).as(lists + " writes nothing, in\n" + probeReport).containsEntry("out", "1");
        }
        assertThat(byCall.get("fd_read fd=0")).as("stdin is empty, in\n" + probeReport)
                .containsEntry("errno", "0").containsEntry("nread", "0").containsEntry("out", "1");

        byCall.forEach((call, fields) -> {
            boolean reachesAFile = !call.contains("sizes_get") && !call.equals("args_get")
                    && !call.equals("environ_get") && !call.equals("fd_read fd=0");
            if (reachesAFile) {
                assertThat(fields.get("errno")).as(call + " fails, in\n" + probeReport).isNotEqualTo("0");
                assertThat(fields.getOrDefault("out", "1")).as(call + " writes nothing back, in\n" + probeReport).isEqualTo("1");
            }
        });
    }

    @Test
    void theSchemeGuestImportsStdioTheClockFilesArgumentsAndEnvironmentFromWasi(SchemeInterpreter scheme) {
        List<String> wasi = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (ModuleShape.Import anImport : scheme.instance().shape().imports()) {
            (anImport.module().equals("wasi_snapshot_preview1") ? wasi : others).add(anImport.name());
        }
        Collections.sort(wasi);
        assertThat(wasi).containsExactly("args_get", "args_sizes_get", "clock_time_get", "environ_get",
                "environ_sizes_get", "fd_close", "fd_fdstat_get", "fd_prestat_dir_name",
                "fd_prestat_get", "fd_read", "fd_seek", "fd_write", "path_filestat_get", "path_open",
                "path_unlink_file", "proc_exit");
        assertThat(others).containsExactlyInAnyOrder("throw_error", "jit_ready", "tier_poll", // tiering: 0 unless asked
                "host_call", "host_result", // host procedures: an error unless defined
                "catch_errors"); // with-exception-handler: calls back the guest, nothing else
    }
}
