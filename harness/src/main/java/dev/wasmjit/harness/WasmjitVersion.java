package dev.wasmjit.harness;

import picocli.CommandLine;

/** {@code --version}: the version the packaged jar's manifest carries. */
final class WasmjitVersion implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = WasmjitVersion.class.getPackage().getImplementationVersion();
        return new String[] {"wasmjit " + (version != null ? version : "(development build, not packaged)")};
    }
}
