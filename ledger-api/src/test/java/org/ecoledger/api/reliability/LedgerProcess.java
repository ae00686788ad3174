package org.ecoledger.api.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The packaged application in a child JVM: {@code java -jar ledger.jar --name=value …}, on loopback ports, its output
 * (stdout and stderr) in a log file. {@link #kill()} is {@code kill -9} (no shutdown hook, no clean close of the
 * store); {@link #stop()} a SIGTERM. Every child still running when the test JVM exits is killed.
 */
public final class LedgerProcess implements AutoCloseable {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly)));
    }

    /** How long a child may take to start on a busy machine. */
    public static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private final String name;
    private final Map<String, String> arguments;
    private final Map<String, String> environment;
    private final Path logFile;
    private final int httpPort;
    private Process process;
    private int starts;
    private long logOffset;

    private LedgerProcess(String name, Map<String, String> arguments, Map<String, String> environment, Path logFile,
                          int httpPort) {
        this.name = name;
        this.arguments = arguments;
        this.environment = environment;
        this.logFile = logFile;
        this.httpPort = httpPort;
    }

    /**
     * An application node: HTTP on a free loopback port, the data directory {@code dataDir}, the embedded store on any
     * free port unless {@code --ledger.mongodb-uri} is given, the demo users on, no demo city. {@code args} ({@code --name=value})
     * replace these defaults of the same name.
     */
    public static LedgerProcess app(String name, Path dataDir, String... args) {
        int port = Reliability.freePort();
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("server.port", String.valueOf(port));
        arguments.put("server.address", "127.0.0.1");
        arguments.put("ledger.data-dir", dataDir.toString());
        arguments.put("ledger.embedded-mongodb-port", "0");
        arguments.put("ledger.security.demo-users", "true");
        // An empty embedded store loads the demo city on its first start by default: these tests count every event.
        arguments.put("ledger.demo-data", "false");
        putAll(arguments, args);
        return new LedgerProcess(name, arguments, new LinkedHashMap<>(), dataDir.resolveSibling(name + ".log"), port);
    }

    /** The store mode ({@code --ledger.mode=store}) on {@code storePort}, its file in {@code dataDir}. */
    public static LedgerProcess store(String name, Path dataDir, int storePort, String... args) {
        Map<String, String> arguments = new LinkedHashMap<>();
        arguments.put("ledger.mode", "store");
        arguments.put("ledger.data-dir", dataDir.toString());
        arguments.put("ledger.embedded-mongodb-port", String.valueOf(storePort));
        putAll(arguments, args);
        return new LedgerProcess(name, arguments, new LinkedHashMap<>(), dataDir.resolveSibling(name + ".log"), -1);
    }

    private static void putAll(Map<String, String> arguments, String... args) {
        for (String argument : args) {
            if (!argument.startsWith("--") || argument.indexOf('=') < 0) {
                throw new IllegalArgumentException("arguments are --name=value: " + argument);
            }
            int equals = argument.indexOf('=');
            arguments.put(argument.substring(2, equals), argument.substring(equals + 1));
        }
    }

    /** Sets an environment variable of the child (the inherited {@code LEDGER_*} ones are removed). */
    public LedgerProcess env(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** Starts the child (again, after {@link #kill()} or {@link #stop()}) and waits until it serves. */
    public LedgerProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Reliability.jvmOptions());
        command.add("-jar");
        command.add(Reliability.jar().toAbsolutePath().toString());
        arguments.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("LEDGER_") || key.startsWith("SERVER_")
                || key.startsWith("SPRING_"));
        builder.environment().putAll(environment);
        starts++;
        try {
            logOffset = Files.exists(logFile) ? Files.size(logFile) : 0;
            Files.writeString(logFile, "\n===== " + name + " start " + starts + " at " + Instant.now() + ": "
                    + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        RUNNING.add(process);
        awaitReady();
        return this;
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue() + " while starting; see "
                        + logFile + ":\n" + tail(40));
            }
            if (isStore() ? storeAnswers() : healthUp()) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(name + " did not start within " + START_TIMEOUT.toSeconds() + " s; see "
                        + logFile + ":\n" + tail(40));
            }
            Reliability.sleep(Duration.ofMillis(250));
        }
    }

    private boolean isStore() {
        return "store".equals(arguments.get("ledger.mode"));
    }

    private boolean storeAnswers() {
        // The store mode binds its port only once the file is open; the log line says it serves.
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(arguments.get(
                    "ledger.embedded-mongodb-port"))), 500);
        } catch (IOException notYet) {
            return false;
        }
        return logSinceStart().contains("Store mode: the embedded MongoDB-wire store is serving");
    }

    private boolean healthUp() {
        try {
            Http.Answer answer = new Http(baseUrl()).get(null, "/actuator/health");
            return answer.status() == 200 && "UP".equals(answer.json().path("status").asText());
        } catch (Http.Unanswered e) {
            return false;
        }
    }

    /** {@code kill -9}: the process gets no chance to close anything. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly(); // SIGKILL on POSIX
        waitForExit();
    }

    /** SIGTERM: Spring closes the context (and the store) as on Ctrl-C. */
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                throw new AssertionError(name + " did not exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            RUNNING.remove(process);
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public String name() {
        return name;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public Http http() {
        return new Http(baseUrl());
    }

    /** {@code /actuator/health} with its details. */
    public JsonNode health() {
        return Checks.health(http());
    }

    /** The store this node uses, {@code host:port}, as its health shows it. */
    public String storeAddress() {
        return Checks.storeAddress(http());
    }

    public Path logFile() {
        return logFile;
    }

    /** Everything the child wrote, across its starts. */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the child wrote since its last start. */
    public String logSinceStart() {
        try (var channel = Files.newByteChannel(logFile)) {
            channel.position(logOffset);
            return new String(java.nio.channels.Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String tail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        if (isAlive()) {
            kill();
        }
    }
}
