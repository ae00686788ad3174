package org.ecoledger.api.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Clients appending entries over HTTP, each entry carrying a marker no other request carries (its only topic), so
 * that the store can be searched for every request: acknowledged (201), refused with a problem detail, or unanswered
 * (the node died: outcome unknown). Each client sends one request at a time, to the first of its targets that
 * answers; an unanswered request is never sent again (a new request with a new marker follows).
 */
public final class AppendLoad {

    /** A 201: where the entry went. */
    public record Ack(String officialId, long sequence, String entryId, String hash, String marker) {
    }

    /** Where the appointments of the load's officials are, and the first date of their meetings. */
    public static final LocalDate APPOINTED_ON = LocalDate.of(2018, 1, 2);

    private final String label;
    private final List<String> officials;
    private final int clients;
    private final IntFunction<List<Http>> targets;
    private final long total;
    private final boolean keyed;

    private final AtomicLong next = new AtomicLong();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    private final ConcurrentLinkedQueue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final Map<String, String> unanswered = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
    private volatile Instant started;
    private volatile Instant finished;

    /**
     * @param label    prefixes every marker, unique per load in a test
     * @param officials the records appended to (registered and appointed, {@link LedgerSetup#officialWithPost})
     * @param clients  concurrent clients
     * @param targets  per client, the nodes it sends to, in order of preference
     * @param total    requests to send in all; {@link Long#MAX_VALUE} to run until {@link #stop()}
     */
    public AppendLoad(String label, List<String> officials, int clients, IntFunction<List<Http>> targets, long total) {
        this(label, officials, clients, targets, total, false);
    }

    private AppendLoad(String label, List<String> officials, int clients, IntFunction<List<Http>> targets, long total,
                       boolean keyed) {
        this.label = label;
        this.officials = List.copyOf(officials);
        this.clients = clients;
        this.targets = targets;
        this.total = total;
        this.keyed = keyed;
    }

    /** The same load, each request with its marker as {@code Idempotency-Key}, so that it can be retried safely. */
    public AppendLoad keyed() {
        return new AppendLoad(label, officials, clients, targets, total, true);
    }

    /** The body of the {@code n}th request: a standing-committee meeting of the official's post. */
    public static ObjectNode meeting(String officialId, long n, String marker) {
        ObjectNode body = JsonNodeFactory.instance.objectNode()
                .put("type", "MEETING_HELD")
                .put("occurredOn", APPOINTED_ON.plusDays(1 + n % 2_000).toString())
                .put("postId", LedgerSetup.postOf(officialId))
                .put("body", "STANDING_COMMITTEE");
        body.putArray("topics").add(marker);
        return body;
    }

    public AppendLoad start() {
        started = Instant.now();
        AtomicInteger running = new AtomicInteger(clients);
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> {
                try {
                    run(id);
                } finally {
                    if (running.decrementAndGet() == 0) {
                        finished = Instant.now();
                    }
                }
            }, label + "-client-" + client);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void run(int client) {
        List<Http> nodes = targets.apply(client);
        int preferred = 0;
        while (!stopping.get()) {
            long n = next.getAndIncrement();
            if (n >= total) {
                return;
            }
            String official = officials.get((int) (n % officials.size()));
            String marker = label + "-" + n;
            Http node = nodes.get(preferred % nodes.size());
            try {
                Http.Answer answer = keyed
                        ? node.post("recorder", "/api/v1/officials/" + official + "/entries",
                                    meeting(official, n, marker), "Idempotency-Key", marker)
                        : node.post("recorder", "/api/v1/officials/" + official + "/entries",
                                    meeting(official, n, marker));
                if (answer.status() == 201) {
                    var json = answer.json();
                    acks.add(new Ack(official, json.path("sequence").asLong(), json.path("entryId").asText(),
                                     json.path("hash").asText(), marker));
                } else if (answer.status() == 503 && answer.isProblem()
                        || answer.status() == 409 && "concurrent-modification".equals(answer.problemType())) {
                    refused.put(marker, official);
                    refusals.computeIfAbsent(answer.status() + " " + answer.problemType(),
                                             k -> new AtomicInteger()).incrementAndGet();
                    if (answer.status() == 503) {
                        Reliability.sleep(Duration.ofMillis(100)); // the store is away: as a client would, wait
                    }
                } else {
                    unexpected.add(marker + " → " + answer);
                }
            } catch (Http.Unanswered e) {
                unanswered.put(marker, official);
                preferred++; // fail over to the next node, if there is one
                Reliability.sleep(Duration.ofMillis(100));
            }
        }
    }

    /**
     * Sends every refused request again, with the same body and {@code Idempotency-Key} (a keyed load only), as a
     * client does once the store is back. A 201 makes it acknowledged. Returns how many were sent again.
     */
    public int retryRefused(Http node) {
        if (!keyed) {
            throw new IllegalStateException("only a keyed load retries safely");
        }
        int retried = 0;
        for (Map.Entry<String, String> request : Map.copyOf(refused).entrySet()) {
            String marker = request.getKey();
            String official = request.getValue();
            long n = Long.parseLong(marker.substring(marker.lastIndexOf('-') + 1));
            Http.Answer answer = node.post("recorder", "/api/v1/officials/" + official + "/entries",
                                           meeting(official, n, marker), "Idempotency-Key", marker);
            // The failed attempt's outcome may still wait to be written (the node writes it once the store is back).
            for (int wait = 0; wait < 60 && answer.status() == 409
                    && "idempotency-key-in-progress".equals(answer.problemType()); wait++) {
                Reliability.sleep(Duration.ofSeconds(Long.parseLong(answer.header("Retry-After"))));
                answer = node.post("recorder", "/api/v1/officials/" + official + "/entries",
                                   meeting(official, n, marker), "Idempotency-Key", marker);
            }
            retried++;
            if (answer.status() == 201) {
                var json = answer.json();
                acks.add(new Ack(official, json.path("sequence").asLong(), json.path("entryId").asText(),
                                 json.path("hash").asText(), marker));
                refused.remove(marker);
            } else {
                unexpected.add("retry of " + marker + " → " + answer);
            }
        }
        return retried;
    }

    /** Waits until at least {@code count} requests were acknowledged. */
    public void awaitAcks(int count, Duration timeout) {
        Reliability.await(count + " acknowledged appends (have " + acks.size() + ")", timeout,
                          () -> acks.size() >= count || finishedEarly());
        if (acks.size() < count) {
            throw new AssertionError("the load ended with " + acks.size() + " acknowledgements; unexpected: "
                                             + unexpected);
        }
    }

    private boolean finishedEarly() {
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** Waits until every client has finished (the total was sent). */
    public AppendLoad awaitDone(Duration timeout) {
        Reliability.await("the load to finish", timeout, this::finishedEarly);
        return this;
    }

    /** Stops the clients after their current request. */
    public AppendLoad stop() {
        stopping.set(true);
        for (Thread thread : threads) {
            try {
                thread.join(Duration.ofMinutes(2).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (thread.isAlive()) {
                throw new AssertionError(thread.getName() + " did not stop");
            }
        }
        if (finished == null) {
            finished = Instant.now();
        }
        return this;
    }

    public List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** Markers of requests answered with a problem (503, 409 concurrent-modification), with their official. */
    public Map<String, String> refused() {
        return Map.copyOf(refused);
    }

    /** Refusals by status and problem type. */
    public Map<String, Integer> refusals() {
        Map<String, Integer> counts = new TreeMap<>();
        refusals.forEach((key, count) -> counts.put(key, count.get()));
        return counts;
    }

    /** Markers of requests that got no answer (outcome unknown), with their official. */
    public Map<String, String> unanswered() {
        return Map.copyOf(unanswered);
    }

    /** Answers that break the API's promises: a 5xx other than 503, or an error that is not a problem detail. */
    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    public long sent() {
        return Math.min(next.get(), total);
    }

    public Duration elapsed() {
        Instant end = finished == null ? Instant.now() : finished;
        return Duration.between(started, end);
    }
}
