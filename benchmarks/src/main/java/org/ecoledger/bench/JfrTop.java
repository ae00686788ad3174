package org.ecoledger.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The hottest frames of a flight recording's CPU samples ({@code jdk.ExecutionSample}): by thread, by library of the
 * frame on top of the stack (self time), the top methods by self time and by total time (a method counted once per
 * sample it is anywhere in). JDK 17's {@code jfr} tool has no {@code view}; this is its {@code hot-methods}, plus
 * the grouping a reader of docs/benchmarks.md needs.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar org.ecoledger.bench.JfrTop recording.jfr [rows]</pre>
 */
public final class JfrTop {

    static final int DEFAULT_ROWS = 25;

    /** Package prefixes and the library they belong to, most specific first. */
    private static final Map<String, String> LIBRARIES = new LinkedHashMap<>();

    static {
        LIBRARIES.put("org.ecoledger.", "ledger (org.ecoledger)");
        LIBRARIES.put("de.bwaldvogel.", "embedded server (mongo-java-server)");
        LIBRARIES.put("org.h2.", "H2 MVStore");
        LIBRARIES.put("org.axonframework.", "Axon");
        LIBRARIES.put("com.fasterxml.", "Jackson");
        LIBRARIES.put("org.bson.", "BSON");
        LIBRARIES.put("com.mongodb.", "MongoDB driver");
        LIBRARIES.put("io.netty.", "Netty (embedded server's network)");
        LIBRARIES.put("org.springframework.", "Spring");
        LIBRARIES.put("org.apache.catalina.", "Tomcat");
        LIBRARIES.put("org.apache.coyote.", "Tomcat");
        LIBRARIES.put("org.apache.tomcat.", "Tomcat");
        LIBRARIES.put("ch.qos.logback.", "Logback");
        LIBRARIES.put("sun.security.provider.", "JDK digests (SHA-256)");
        LIBRARIES.put("org.bouncycastle.", "Bouncy Castle");
        LIBRARIES.put("java.io.ObjectOutputStream", "Java serialization");
        LIBRARIES.put("java.io.ObjectInputStream", "Java serialization");
        LIBRARIES.put("java.", "JDK");
        LIBRARIES.put("jdk.", "JDK");
        LIBRARIES.put("sun.", "JDK");
    }

    private JfrTop() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: JfrTop recording.jfr [rows]");
            System.exit(2);
        }
        System.out.print(summary(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : DEFAULT_ROWS));
    }

    /** The summary of the recording's CPU samples, as text. */
    public static String summary(Path recording, int rows) throws IOException {
        Map<String, Integer> byThread = new HashMap<>();
        Map<String, Integer> byLibrary = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
                    continue;
                }
                RecordedStackTrace stack = event.getStackTrace();
                if (stack == null || stack.getFrames().isEmpty()) {
                    continue;
                }
                samples++;
                RecordedThread thread = event.getThread("sampledThread");
                byThread.merge(threadGroup(thread == null ? "?" : thread.getJavaName()), 1, Integer::sum);
                List<RecordedFrame> frames = stack.getFrames();
                String top = name(frames.get(0).getMethod());
                self.merge(top, 1, Integer::sum);
                byLibrary.merge(library(top), 1, Integer::sum);
                Set<String> seen = new HashSet<>();
                for (RecordedFrame frame : frames) {
                    String method = name(frame.getMethod());
                    if (!plumbing(method) && seen.add(method)) {
                        total.merge(method, 1, Integer::sum);
                    }
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%s: %d CPU samples (jdk.ExecutionSample)%n", recording.getFileName(),
                                 samples));
        table(out, "by thread", byThread, samples, rows);
        table(out, "self time by library (frame on top of the stack)", byLibrary, samples, rows);
        table(out, "top methods by self time", self, samples, rows);
        table(out, "top methods by total time (anywhere on the stack; threads, executors and lambdas left out)", total,
              samples, rows);
        return out.toString();
    }

    private static void table(StringBuilder out, String title, Map<String, Integer> counts, int samples, int rows) {
        out.append(String.format(Locale.ROOT, "%n%s%n", title));
        counts.entrySet().stream()
              .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
              .limit(rows)
              .forEach(e -> out.append(String.format(Locale.ROOT, "  %5.1f%%  %s%n",
                                                     100.0 * e.getValue() / Math.max(1, samples), e.getKey())));
    }

    /** Frames on nearly every stack that say nothing about the work: threads, executors, lambdas. */
    static boolean plumbing(String method) {
        return method.startsWith("java.lang.Thread.") || method.startsWith("java.util.concurrent.")
                || method.contains("$$Lambda") || method.startsWith("io.netty.util.concurrent.")
                || method.startsWith("io.netty.util.internal.");
    }

    private static String name(RecordedMethod method) {
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }

    static String library(String method) {
        for (Map.Entry<String, String> entry : LIBRARIES.entrySet()) {
            if (method.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        return method.contains(".") ? method.substring(0, method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1)
                                            + "*" : method;
    }

    /** Thread names without their numbers, so that pools show as one line. */
    private static String threadGroup(String name) {
        return name.replaceAll("\\d+", "N");
    }
}
