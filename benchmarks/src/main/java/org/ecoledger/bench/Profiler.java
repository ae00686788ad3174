package org.ecoledger.bench;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Flight recordings of single phases of a run ({@code bench/run ... --profile}): a phase measured in the harness's
 * own JVM is recorded with the JFR API, a phase measured against the application process through {@code jcmd}
 * ({@code JFR.start} when it begins, {@code JFR.dump} and {@code JFR.stop} when it ends). Each recording is written
 * to {@code <directory>/<phase>.jfr} with its hottest frames beside it ({@link JfrTop}, {@code <phase>.txt}).
 * Profiling costs a few percent, so the figures of a profiled run are for reading profiles, not for the record.
 */
public final class Profiler {

    private static final Profiler OFF = new Profiler(null);

    private final Path directory;

    private Profiler(Path directory) {
        this.directory = directory;
    }

    public static Profiler off() {
        return OFF;
    }

    public static Profiler into(Path directory) throws IOException {
        Files.createDirectories(directory);
        return new Profiler(directory);
    }

    public boolean enabled() {
        return directory != null;
    }

    /** A phase being recorded; closing it writes the recording and its summary. */
    public interface Phase extends AutoCloseable {
        @Override
        void close();
    }

    /** Records this JVM while the phase runs. */
    public Phase harness(String phase) {
        if (!enabled()) {
            return () -> { };
        }
        Recording recording;
        try {
            recording = new Recording(Configuration.getConfiguration("profile"));
        } catch (IOException | ParseException e) {
            throw new IllegalStateException("no JFR profile settings", e);
        }
        recording.start();
        return () -> {
            Path file = directory.resolve(phase + ".jfr");
            try {
                recording.stop();
                recording.dump(file);
                recording.close();
                summarise(file, phase);
            } catch (IOException e) {
                System.err.println("could not write the recording " + file + ": " + e.getMessage());
            }
        };
    }

    /** Records the process {@code pid} (the application) while the phase runs. */
    public Phase process(long pid, String phase) {
        if (!enabled()) {
            return () -> { };
        }
        Path file = directory.resolve(phase + ".jfr").toAbsolutePath();
        jcmd(pid, "JFR.start", "name=" + phase, "settings=profile");
        return () -> {
            jcmd(pid, "JFR.dump", "name=" + phase, "filename=" + file);
            jcmd(pid, "JFR.stop", "name=" + phase);
            summarise(file, phase);
        };
    }

    /** JVM options that record a process from its start (for start-up); {@link #started} ends the recording. */
    public List<String> fromStart(String phase) {
        return enabled() ? List.of("-XX:StartFlightRecording=name=" + phase + ",settings=profile") : List.of();
    }

    /** Ends the recording {@link #fromStart} began in the process {@code pid}. */
    public void started(long pid, String phase) {
        if (!enabled()) {
            return;
        }
        Path file = directory.resolve(phase + ".jfr").toAbsolutePath();
        jcmd(pid, "JFR.dump", "name=" + phase, "filename=" + file);
        jcmd(pid, "JFR.stop", "name=" + phase);
        summarise(file, phase);
    }

    private void summarise(Path file, String phase) {
        try {
            Files.writeString(directory.resolve(phase + ".txt"), JfrTop.summary(file, JfrTop.DEFAULT_ROWS));
            System.out.println("[profile] " + phase + ": " + file + " (hottest frames in " + phase + ".txt)");
        } catch (IOException | RuntimeException e) {
            System.err.println("could not summarise " + file + ": " + e.getMessage());
        }
    }

    private static void jcmd(long pid, String... arguments) {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        command.add(Long.toString(pid));
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                System.err.println("jcmd " + String.join(" ", arguments) + " failed: " + output);
            }
        } catch (IOException e) {
            System.err.println("jcmd is not available: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
