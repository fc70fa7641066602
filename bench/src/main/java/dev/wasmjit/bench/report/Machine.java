package dev.wasmjit.bench.report;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Where and when the report ran: numbers mean nothing without it.
 *
 * @param date           the run's date and time
 * @param cpu            the CPU model
 * @param cores          processors available to the JVM
 * @param memory         physical memory
 * @param os             operating system
 * @param jvm            JVM vendor and version
 * @param wasmtimeJava   wasmtime-java's version (and the wasmtime it wraps)
 */
record Machine(String date, String cpu, int cores, String memory, String os, String jvm, String wasmtimeJava) {

    static Machine describe() {
        return new Machine(
                ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)),
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                totalMemory(),
                operatingSystem(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                wasmtimeJavaVersion());
    }

    private static String cpuModel() {
        return firstLineValue(Path.of("/proc/cpuinfo"), "model name", ':')
                .orElse(System.getProperty("os.arch") + " (model unknown)");
    }

    private static String totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return String.format(Locale.ROOT, "%.1f GiB", os.getTotalMemorySize() / (double) (1L << 30));
        }
        return "unknown";
    }

    private static String operatingSystem() {
        String kernel = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        return firstLineValue(Path.of("/etc/os-release"), "PRETTY_NAME", '=')
                .map(name -> name.replace("\"", "") + ", " + kernel)
                .orElse(kernel);
    }

    /** wasmtime-java 0.19.0 states its version only in a properties file of its jar. */
    private static String wasmtimeJavaVersion() {
        try (InputStream in = io.github.kawamuray.wasmtime.Engine.class.getResourceAsStream("/wasmtime-java-meta.properties")) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String version = properties.getProperty("jnilib.version");
                if (version != null) {
                    return "wasmtime-java " + version + (version.equals("0.19.0") ? " (wasmtime 7.0)" : "");
                }
            }
        } catch (IOException e) {
            // fall through: the version is then unknown
        }
        return "wasmtime-java (version unknown)";
    }

    /** The value of the first {@code key: value} (or {@code KEY=value}) line of a file. */
    private static Optional<String> firstLineValue(Path file, String key, char separator) {
        try {
            return Files.readAllLines(file).stream()
                    .filter(line -> line.startsWith(key))
                    .map(line -> line.substring(line.indexOf(separator) + 1).strip())
                    .findFirst();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
