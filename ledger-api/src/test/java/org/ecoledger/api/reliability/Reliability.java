package org.ecoledger.api.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Settings of the reliability tests (docs/reliability.md), from system properties that Failsafe sets:
 * {@code ledger.jar} (the packaged application), {@code reliability.long} (the long forms instead of the short ones
 * CI runs), {@code reliability.dir} (where each run keeps its data directories and the children's logs) and
 * {@code reliability.jvm-options} (the children's JVM options).
 */
public final class Reliability {

    /**
     * The child JVMs' options: C1 only and the serial collector start the application in a third of the time on a
     * small shared machine (12 s instead of 40 s on two busy cores), which is what the tests spend most time on.
     */
    public static final String DEFAULT_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m";

    /**
     * The long forms' child JVMs get more heap: their checks read every stored event with one query that no index
     * serves (as an auditor would with {@code mongosh}), and the embedded server holds such a query's whole result
     * in memory — 100,000 events of the concurrency test ran a 512 MB child out of memory.
     */
    public static final String LONG_FORM_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx2g";

    private Reliability() {
    }

    /** Whether the long forms run ({@code -Dreliability.long=true}). */
    public static boolean longForm() {
        return Boolean.getBoolean("reliability.long");
    }

    /** {@code shortValue} in CI, {@code longValue} with {@code -Dreliability.long=true}. */
    public static int scaled(int shortValue, int longValue) {
        return longForm() ? longValue : shortValue;
    }

    /** An integer setting {@code reliability.<name>}, else the scaled default. */
    public static int setting(String name, int shortValue, int longValue) {
        String value = System.getProperty("reliability." + name);
        return value == null || value.isBlank() ? scaled(shortValue, longValue) : Integer.parseInt(value.strip());
    }

    /** The packaged application, {@code ledger-api/target/ledger.jar}. */
    public static Path jar() {
        String configured = System.getProperty("ledger.jar");
        Path jar = configured != null ? Path.of(configured) : Path.of("target", "ledger.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the packaged application " + jar.toAbsolutePath() + " is missing: the "
                    + "reliability tests run after `package` (./mvnw -B verify)");
        }
        return jar;
    }

    public static List<String> jvmOptions() {
        String options = System.getProperty("reliability.jvm-options",
                                            longForm() ? LONG_FORM_JVM_OPTIONS : DEFAULT_JVM_OPTIONS);
        return options.isBlank() ? List.of() : List.of(options.strip().split("\\s+"));
    }

    /** A fresh directory for one test's data and logs, under {@code target/reliability}. */
    public static Path workDirectory(String name) {
        try {
            Path root = Path.of(System.getProperty("reliability.dir", "target/reliability"));
            Files.createDirectories(root);
            return Files.createTempDirectory(root.toAbsolutePath(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port free right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls {@code condition} every 200 ms until it holds; fails with {@code what} after {@code timeout}. */
    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
