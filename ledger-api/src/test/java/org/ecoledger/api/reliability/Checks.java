package org.ecoledger.api.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ecoledger.core.record.OfficialId;

import com.fasterxml.jackson.databind.JsonNode;

/** What every reliability test checks after its faults, and how it reports the figures. */
public final class Checks {

    private Checks() {
    }

    /**
     * Where the requests went, judged against the stored events.
     *
     * @param acknowledged     requests answered 201
     * @param found            of those, stored exactly once where the answer said (sequence, entry id, hash)
     * @param lost             acknowledged but not stored as answered
     * @param duplicates       markers stored more than once (a request appended twice)
     * @param refusedStored    requests answered with a problem (503, 409) whose entry is stored anyway
     * @param refused          requests answered with a problem
     * @param unansweredStored requests without an answer (the node died) whose entry is stored
     * @param unanswered       requests without an answer
     * @param problems         the first few of each kind, in words
     */
    public record Verdict(int acknowledged, int found, int lost, int duplicates, int refusedStored, int refused,
                          int unansweredStored, int unanswered, List<String> problems) {

        public String summary() {
            return "acknowledged " + acknowledged + ", found " + found + ", lost " + lost + ", duplicates "
                    + duplicates + ", refused " + refused + " (stored anyway: " + refusedStored + "), unanswered "
                    + unanswered + " (stored: " + unansweredStored + ")";
        }
    }

    /** Judges every request of {@code loads} against {@code log}. */
    public static Verdict verdict(Collection<AppendLoad> loads, StoreInspector.EventLog log) {
        Map<String, List<StoreInspector.StoredEvent>> byMarker = log.byMarker();
        List<String> problems = new ArrayList<>();
        int acknowledged = 0;
        int found = 0;
        int refused = 0;
        int refusedStored = 0;
        int unanswered = 0;
        int unansweredStored = 0;
        Set<String> sent = new HashSet<>();
        for (AppendLoad load : loads) {
            for (AppendLoad.Ack ack : load.acks()) {
                acknowledged++;
                sent.add(ack.marker());
                List<StoreInspector.StoredEvent> stored = byMarker.getOrDefault(ack.marker(), List.of());
                boolean asAnswered = stored.size() == 1 && matches(stored.get(0), ack);
                if (asAnswered) {
                    found++;
                } else if (problems.size() < 20) {
                    problems.add("acknowledged " + ack + " but stored as " + stored);
                }
            }
            for (String marker : load.refused().keySet()) {
                refused++;
                sent.add(marker);
                if (byMarker.containsKey(marker)) {
                    refusedStored++;
                    if (problems.size() < 20) {
                        problems.add("refused " + marker + " but stored as " + byMarker.get(marker));
                    }
                }
            }
            for (String marker : load.unanswered().keySet()) {
                unanswered++;
                sent.add(marker);
                if (byMarker.containsKey(marker)) {
                    unansweredStored++;
                }
            }
        }
        int duplicates = 0;
        for (Map.Entry<String, List<StoreInspector.StoredEvent>> marker : byMarker.entrySet()) {
            if (marker.getValue().size() > 1) {
                duplicates += marker.getValue().size() - 1;
                if (problems.size() < 40) {
                    problems.add("stored " + marker.getValue().size() + " times: " + marker.getValue());
                }
            }
            if (!sent.contains(marker.getKey()) && problems.size() < 40) {
                problems.add("stored but never sent: " + marker.getValue());
            }
        }
        return new Verdict(acknowledged, found, acknowledged - found, duplicates, refusedStored, refused,
                           unansweredStored, unanswered, problems);
    }

    private static boolean matches(StoreInspector.StoredEvent event, AppendLoad.Ack ack) {
        return event.aggregateId().equals(OfficialId.of(ack.officialId()).aggregateIdentifier())
                && event.sequence() == ack.sequence() && event.eventId().equals(ack.entryId())
                && event.hash().equals(ack.hash());
    }

    /** Runs a verification run of the whole ledger (AUDITOR) and returns its result once it is done. */
    public static JsonNode verificationRun(Http http, Duration timeout) {
        Http.Answer started = http.post("auditor", "/api/v1/verification-runs", null);
        if (started.status() != 202) {
            throw new AssertionError("starting a verification run: " + started);
        }
        String runId = started.json().path("runId").asText();
        JsonNode[] run = new JsonNode[1];
        Reliability.await("verification run " + runId, timeout, () -> {
            run[0] = http.get("auditor", "/api/v1/verification-runs/" + runId).json();
            String status = run[0].path("status").asText();
            return status.equals("DONE") || status.equals("FAILED");
        });
        if (!"DONE".equals(run[0].path("status").asText())) {
            throw new AssertionError("the verification run failed: " + run[0]);
        }
        return run[0].path("result");
    }

    /**
     * Waits until every tracking processor (the views and the log writer) is held by one of the live {@code nodes}
     * and has handled every event up to the end of the log.
     */
    public static void awaitCaughtUp(Collection<LedgerProcess> nodes, Duration timeout) {
        Reliability.await("the processors to catch up with the end of the log", timeout,
                          () -> caughtUp(nodes.stream().filter(LedgerProcess::isAlive).map(LedgerProcess::http)
                                              .toList()));
    }

    /** {@link #awaitCaughtUp(Collection, Duration)} for nodes known by their HTTP address. */
    public static void awaitCaughtUp(Http node, Duration timeout) {
        Reliability.await("the processors to catch up with the end of the log", timeout,
                          () -> caughtUp(List.of(node)));
    }

    static boolean caughtUp(List<Http> nodes) {
        Map<String, Boolean> processors = new HashMap<>();
        for (Http node : nodes) {
            JsonNode details;
            try {
                details = health(node).path("components").path("processors").path("details");
            } catch (Http.Unanswered e) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = details.path("processors").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> processor = it.next();
                processors.putIfAbsent(processor.getKey(), false);
                JsonNode status = processor.getValue();
                if (status.path("segmentsHeldHere").asInt() > 0 && status.path("lag").asLong(-1) == 0
                        && !status.path("error").asBoolean()) {
                    processors.put(processor.getKey(), true);
                }
            }
        }
        return !processors.isEmpty() && processors.values().stream().allMatch(Boolean::booleanValue);
    }

    /** {@code /actuator/health} with its details. */
    public static JsonNode health(Http node) {
        return node.get(null, "/actuator/health").json();
    }

    /** The store a node uses, {@code host:port}, as its health shows it. */
    public static String storeAddress(Http node) {
        return health(node).path("components").path("store").path("details").path("address").asText();
    }

    /** Appends {@code lines} to the test's report under {@code target/reliability} and to stdout. */
    public static void report(String test, String... lines) {
        Path file = Path.of(System.getProperty("reliability.dir", "target/reliability"), "report.txt");
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append('[').append(test).append(Reliability.longForm() ? " long" : " short").append("] ")
                .append(line).append('\n');
        }
        System.out.print(text);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                              StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
