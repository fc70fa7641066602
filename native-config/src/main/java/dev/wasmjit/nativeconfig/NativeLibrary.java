package dev.wasmjit.nativeconfig;

import com.sun.jna.Platform;
import io.github.kawamuray.wasmtime.NativeLibraryLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;

/**
 * wasmtime-java's JNI library, loaded once per JVM from a per-user cache.
 *
 * <p>wasmtime-java's own loader copies its 18 MB library into {@code java.io.tmpdir} on every
 * JVM start and never deletes it. This class instead extracts the bundled library once into
 * a cache directory keyed by the library's content checksum, loads it from there, and marks
 * wasmtime-java's loader as done so that it never extracts a copy of its own.
 *
 * <p>The cache directory is, in order of preference: the system property
 * {@value #CACHE_DIR_PROPERTY}; {@code $XDG_CACHE_HOME/wasmjit/native} or
 * {@code ~/.cache/wasmjit/native} on Linux; {@code ~/Library/Caches/wasmjit/native} on macOS;
 * {@code %LOCALAPPDATA%\wasmjit\native} on Windows. Nothing is ever written to
 * {@code java.io.tmpdir}.
 *
 * <p>Before it is loaded, the cached file is checked against the checksum its directory's name
 * records (its size and CRC-32, or SHA-256); a file that does not match (truncated, damaged) is
 * extracted again and replaced by an atomic rename, never rewritten in place, since another JVM
 * may have it mapped. Loading a damaged library would crash the JVM with SIGBUS or SIGSEGV.
 * The check reads the 18 MB once per JVM start (a few milliseconds).
 *
 * <p>Callers may rely on: after {@link #load()} returns, every wasmtime-java class can be used
 * and no temporary copy of the library will be made by this JVM. Every entry point of wasmjit
 * calls {@link #load()} before touching wasmtime, so applications rarely need to call it.
 * It must be called before the application itself touches any wasmtime-java class.
 */
public final class NativeLibrary {

    /** System property naming the directory that caches the extracted library. */
    public static final String CACHE_DIR_PROPERTY = "wasmjit.native.cache";

    private static final String META_RESOURCE = "/wasmtime-java-meta.properties";

    private static final Logger LOG = LoggerFactory.getLogger(NativeLibrary.class);

    private static Path loadedFrom;

    private NativeLibrary() {
    }

    /**
     * Loads the JNI library if this JVM has not loaded it yet, and returns where it was loaded
     * from. Safe to call from any thread, any number of times.
     *
     * @return the path of the loaded library file
     * @throws NativeLibraryException if the platform is not supported, the library cannot be
     *                                extracted, or it cannot be loaded; the message names the
     *                                platform, the path tried and what to do
     */
    public static synchronized Path load() {
        if (loadedFrom != null) {
            return loadedFrom;
        }
        String resource = resourceName();
        URL url = NativeLibraryLoader.class.getResource("/" + resource);
        if (url == null) {
            throw new NativeLibraryException("wasmtime-java " + wasmtimeJavaVersion()
                    + " bundles no JNI library for this platform (" + platformDescription()
                    + "): looked for the class-path resource /" + resource
                    + ". Supported are Linux and macOS on x86_64 and aarch64, and Windows on x86_64.");
        }
        CacheKey key = cacheKey(url);
        Path cached = cacheDirectory().resolve(key.directory()).resolve(resource);
        try {
            extractUnlessIntact(url, cached, key);
        } catch (IOException e) {
            throw new NativeLibraryException("could not extract the wasmtime JNI library for "
                    + platformDescription() + " to " + cached + ": " + e.getMessage()
                    + ". Make the directory writable or point the system property "
                    + CACHE_DIR_PROPERTY + " to a writable directory.", e);
        }
        RustBacktraces.turnOffErrorCaptureUnlessAsked();
        try {
            System.load(cached.toAbsolutePath().toString());
        } catch (UnsatisfiedLinkError e) {
            throw new NativeLibraryException("could not load the wasmtime JNI library " + cached
                    + " on " + platformDescription() + ": " + e.getMessage()
                    + ". Delete that file so that it is extracted again, or check that the "
                    + "directory's file system allows executable mappings (noexec).", e);
        }
        markWasmtimeLoaderDone();
        LOG.debug("loaded the wasmtime JNI library from {}", cached);
        loadedFrom = cached;
        return cached;
    }

    /**
     * Tells whether this JVM has loaded the library through {@link #load()}.
     *
     * @return true once {@link #load()} has returned normally
     */
    public static synchronized boolean isLoaded() {
        return loadedFrom != null;
    }

    /**
     * The directory where the extracted library is cached for this user.
     *
     * @return the cache directory, which may not exist yet
     */
    public static Path cacheDirectory() {
        String override = System.getProperty(CACHE_DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        Path home = Path.of(System.getProperty("user.home"));
        if (Platform.isWindows()) {
            String local = System.getenv("LOCALAPPDATA");
            Path base = local != null ? Path.of(local) : home.resolve("AppData").resolve("Local");
            return base.resolve("wasmjit").resolve("native");
        }
        if (Platform.isMac()) {
            return home.resolve("Library").resolve("Caches").resolve("wasmjit").resolve("native");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
        return base.resolve("wasmjit").resolve("native");
    }

    /** The file name wasmtime-java gives its library for this platform inside its jar. */
    private static String resourceName() {
        String version = wasmtimeJavaVersion();
        String arch = switch (Platform.ARCH) {
            case "x86-64" -> "x86_64";
            case "aarch64" -> "aarch64";
            default -> throw unsupported();
        };
        if (Platform.isLinux()) {
            return "libwasmtime_jni_" + version + "_linux_" + arch + ".so";
        }
        if (Platform.isMac()) {
            return "libwasmtime_jni_" + version + "_macos_" + arch + ".dylib";
        }
        if (Platform.isWindows() && arch.equals("x86_64")) {
            return "wasmtime_jni_" + version + "_windows_x86_64.dll";
        }
        throw unsupported();
    }

    private static NativeLibraryException unsupported() {
        return new NativeLibraryException("wasmtime-java " + wasmtimeJavaVersion()
                + " has no JNI library for this platform (" + platformDescription()
                + "). Supported are Linux and macOS on x86_64 and aarch64, and Windows on x86_64.");
    }

    private static String platformDescription() {
        return System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", JNA resource prefix " + Platform.RESOURCE_PREFIX;
    }

    private static String wasmtimeJavaVersion() {
        try (InputStream in = NativeLibraryLoader.class.getResourceAsStream(META_RESOURCE)) {
            if (in == null) {
                throw new NativeLibraryException("wasmtime-java's " + META_RESOURCE
                        + " is missing from the class path; is the wasmtime-java jar intact?");
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("jnilib.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The name of the cache directory, which changes whenever the library's content does, and
     * the checksum it records. Inside a jar the entry's CRC-32 and size come from the jar's
     * directory, so the bundled library is not read to name it; elsewhere its content is hashed.
     */
    private record CacheKey(String directory, String algorithm, String digest, long size) {

        /** Whether the file has the recorded size (when known) and checksum. */
        boolean matches(Path file) throws IOException {
            if (size >= 0 && Files.size(file) != size) {
                return false;
            }
            try (InputStream in = Files.newInputStream(file)) {
                return NativeLibrary.digest(in, algorithm).equals(digest);
            }
        }
    }

    private static CacheKey cacheKey(URL url) {
        String version = wasmtimeJavaVersion();
        try {
            URLConnection connection = url.openConnection();
            if (connection instanceof JarURLConnection jar) {
                jar.setUseCaches(false);
                JarEntry entry = jar.getJarEntry();
                if (entry.getCrc() != -1 && entry.getSize() != -1) {
                    String crc = Long.toHexString(entry.getCrc());
                    return new CacheKey(version + "-crc32-" + crc + "-" + entry.getSize(), "CRC32", crc, entry.getSize());
                }
            }
            try (InputStream in = url.openStream()) {
                String sha = digest(in, "SHA-256");
                return new CacheKey(version + "-sha256-" + sha, "SHA-256", sha, -1);
            }
        } catch (IOException e) {
            throw new NativeLibraryException("could not read the bundled wasmtime JNI library "
                    + url + ": " + e.getMessage(), e);
        }
    }

    /** CRC-32 as the jar's directory writes it (hex, no leading zeros), or the first 16 bytes of SHA-256 in hex. */
    private static String digest(InputStream in, String algorithm) throws IOException {
        byte[] buffer = new byte[1 << 16];
        if (algorithm.equals("CRC32")) {
            CRC32 crc = new CRC32();
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
            }
            return Long.toHexString(crc.getValue());
        }
        try {
            MessageDigest sha = MessageDigest.getInstance(algorithm);
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * Extracts into a temporary file beside the target and renames it into place, so that
     * concurrent JVMs never load a half-written file and the loser of a race just deletes its
     * copy. A target that is there but does not match its checksum is replaced the same way.
     */
    private static void extractUnlessIntact(URL url, Path target, CacheKey key) throws IOException {
        if (Files.isRegularFile(target) && key.matches(target)) {
            return;
        }
        // once per user and wasmtime-java version, or after the cached copy was damaged
        LOG.info("extracting the wasmtime JNI library ({}) to {}", key.directory(), target);
        Path directory = target.getParent();
        Files.createDirectories(directory);
        Path partial = Files.createTempFile(directory, ".extracting-", ".part");
        try {
            try (InputStream in = url.openStream()) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            if (!key.matches(partial)) {
                throw new IOException("the extracted copy does not match the checksum " + key.directory()
                        + "; is the wasmtime-java jar intact?");
            }
            try {
                // replaces a damaged file by rename: a JVM that has the old one mapped keeps its inode
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * wasmtime-java's loader returns at once when its private flag says it has loaded.
     * Setting it keeps the loader from copying the library into the temp directory again.
     */
    private static void markWasmtimeLoaderDone() {
        try {
            Field loaded = NativeLibraryLoader.class.getDeclaredField("loaded");
            loaded.setAccessible(true);
            synchronized (NativeLibraryLoader.class) {
                loaded.setBoolean(null, true);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new NativeLibraryException("loaded the wasmtime JNI library but could not tell "
                    + "wasmtime-java's NativeLibraryLoader so (" + e
                    + "); it would extract a second copy into java.io.tmpdir. Set the environment "
                    + "variable WASMTIME_JNI_LOAD_DISABLED=1, or open the package "
                    + "io.github.kawamuray.wasmtime to this module.", e);
        }
    }
}
