package dev.wasmjit.script;

import dev.wasmjit.nativeconfig.NativeLibrary;

import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The javax.script (JSR-223) face of the Scheme interpreter: registered through
 * {@code META-INF/services}, so {@code new ScriptEngineManager().getEngineByName("scheme")} (or
 * {@code "wasmjit"}, or the extension {@code "scm"}) finds it. Each engine it makes is a
 * {@link SchemeScriptEngine} with an interpreter of its own.
 */
public final class SchemeScriptEngineFactory implements ScriptEngineFactory {

    private static final List<String> NAMES = List.of("scheme", "wasmjit");
    private static final List<String> EXTENSIONS = List.of("scm");
    private static final List<String> MIME_TYPES = List.of("text/x-scheme");

    /** The factory {@link javax.script.ScriptEngineManager} makes through the service loader. */
    public SchemeScriptEngineFactory() {
    }

    @Override
    public String getEngineName() {
        return "wasmjit Scheme";
    }

    @Override
    public String getEngineVersion() {
        String version = NativeLibrary.class.getPackage().getImplementationVersion();
        return version != null ? version : "development";
    }

    @Override
    public List<String> getExtensions() {
        return EXTENSIONS;
    }

    @Override
    public List<String> getMimeTypes() {
        return MIME_TYPES;
    }

    @Override
    public List<String> getNames() {
        return NAMES;
    }

    @Override
    public String getLanguageName() {
        return "Scheme";
    }

    @Override
    public String getLanguageVersion() {
        return "wasmjit Language v2";
    }

    /**
     * The standard keys' values; {@code THREADING} is null, since an engine serves one thread
     * at a time (a second thread is refused, not queued).
     */
    @Override
    public Object getParameter(String key) {
        return switch (key) {
            case ScriptEngine.ENGINE -> getEngineName();
            case ScriptEngine.ENGINE_VERSION -> getEngineVersion();
            case ScriptEngine.NAME -> NAMES.get(0);
            case ScriptEngine.LANGUAGE -> getLanguageName();
            case ScriptEngine.LANGUAGE_VERSION -> getLanguageVersion();
            default -> null;
        };
    }

    @Override
    public String getMethodCallSyntax(String object, String method, String... arguments) {
        return "(" + method + " " + object + (arguments.length == 0 ? "" : " " + String.join(" ", arguments)) + ")";
    }

    @Override
    public String getOutputStatement(String toDisplay) {
        return "(display " + dev.wasmjit.scheme.SchemeValue.string(toDisplay) + ")";
    }

    @Override
    public String getProgram(String... statements) {
        return List.of(statements).stream().collect(Collectors.joining("\n"));
    }

    @Override
    public ScriptEngine getScriptEngine() {
        return new SchemeScriptEngine(this);
    }
}
