package org.ecoledger.api.http.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.Api;
import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.api.http.hostile.HostileRequests.Field;
import org.ecoledger.api.http.hostile.HostileRequests.Kind;
import org.ecoledger.api.http.hostile.HostileRequests.Request;
import org.ecoledger.api.http.hostile.HostileRequests.Target;
import org.ecoledger.api.http.rulesets.RuleSetStore;
import org.ecoledger.api.http.security.EntryPermissions;
import org.ecoledger.api.log.VerificationRuns;
import org.ecoledger.core.logstore.LogStore;
import org.ecoledger.core.record.EntryType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoDatabase;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.PropertyDefaults;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input, property-based (jqwik): over every write path of the API, generated malformed requests — wrong
 * types, missing and extra fields, huge and empty strings, invalid dates and enum values, lone surrogates, operator
 * objects and operator-like identifiers, deep nesting, duplicate keys, truncated bodies and trailing garbage, invalid
 * UTF-8, wrong content types, oversized bodies, malformed {@code Idempotency-Key}s — are each answered with a 4xx
 * problem detail ({@code application/problem+json} with type, title, status and detail), never a 5xx, and nothing is
 * stored: no event (the end of the log does not move), no rule set, no verification run, no cosignature.
 *
 * <p>Twelve properties (nine paths, and the entries path in three groups of five entry types), each run the default
 * number of tries of {@code src/test/resources/junit-platform.properties} ({@code jqwik.tries.default}, 300 in CI:
 * 3,600 requests); the long form is {@code -Djqwik.tries.default=1000} (12,000 requests, docs/reliability.md).
 */
@PropertyDefaults(shrinking = ShrinkingMode.BOUNDED)
class HostileInputTest {

    static final String CITY = EntryExamples.CITY;
    static final String OFFICIAL = "fz";
    static final String CASE = "fz-case";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                                                       .connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicInteger SENT = new AtomicInteger();

    private static Path dataDir;
    private static RunningLedger ledger;

    @BeforeContainer
    static void start() throws IOException {
        dataDir = Files.createTempDirectory("hostile-input");
        ledger = RunningLedger.start(dataDir);
        Api api = new Api(ledger);
        api.city();
        api.official(OFFICIAL);
        api.post("recorder", "/api/v1/officials/" + OFFICIAL + "/entries",
                 EntryExamples.of(EntryType.APPOINTED).body()).expect(201);
        api.post("recorder", "/api/v1/cases", NODES.objectNode().put("caseId", CASE).put("jurisdictionCode", CITY)
                .put("source", "CENTRAL").put("kind", "PETITION").put("description", "信访件")
                .put("assignedOn", "2018-03-01")).expect(201);
    }

    @AfterContainer
    static void stop() throws IOException {
        System.out.println("HostileInputTest: " + SENT.get() + " malformed requests sent");
        if (ledger != null) {
            ledger.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        }
    }

    // ------------------------------------------------------------------------------------------------ the paths

    static final Target OFFICIALS = new Target("officials", "recorder", "/api/v1/officials", null,
            NODES.objectNode().put("officialId", "fz-new").put("name", "李四").put("occurredOn", "2017-12-01")
                 .put("sourceDocument", "秦组干〔2017〕9号"),
            List.of(new Field("officialId", Kind.ID, true), new Field("name", Kind.TEXT, true),
                    new Field("occurredOn", Kind.DATE, false), new Field("sourceDocument", Kind.TEXT, false)), true);

    static final Target CASES = new Target("cases", "recorder", "/api/v1/cases", null,
            NODES.objectNode().put("caseId", "fz-case-new").put("jurisdictionCode", CITY).put("source", "CENTRAL")
                 .put("kind", "PETITION").put("description", "群众信访反映异味").put("assignedOn", "2018-03-01"),
            List.of(new Field("caseId", Kind.ID, true), new Field("jurisdictionCode", Kind.ID, true),
                    new Field("source", Kind.ENUM, true), new Field("kind", Kind.ENUM, true),
                    new Field("description", Kind.TEXT, true), new Field("assignedOn", Kind.DATE, true),
                    new Field("sourceDocument", Kind.TEXT, false)), true);

    static final Target TRANSITIONS = new Target("transitions", "recorder", "/api/v1/cases/{id}/transitions", CASE,
            NODES.objectNode().put("status", "RECTIFYING").put("on", "2018-04-01").put("note", "整改中"),
            List.of(new Field("status", Kind.ENUM, true), new Field("on", Kind.DATE, true),
                    new Field("note", Kind.TEXT, false), new Field("sourceDocument", Kind.TEXT, false)), true);

    static final Target JURISDICTIONS = new Target("jurisdictions", "admin", "/api/v1/jurisdictions", null,
            NODES.objectNode().put("code", "fz-county").put("name", "某县").put("level", "COUNTY")
                 .put("parentCode", CITY).put("validFrom", "2000-01-01"),
            List.of(new Field("code", Kind.ID, true), new Field("name", Kind.TEXT, true),
                    new Field("level", Kind.ENUM, true), new Field("parentCode", Kind.ID, true),
                    new Field("validFrom", Kind.DATE, false), new Field("sourceDocument", Kind.TEXT, false)), true);

    static final Target CHANGES = new Target("changes", "admin", "/api/v1/jurisdictions/{id}/changes", CITY,
            NODES.objectNode().put("kind", "RENAMED").put("on", "2020-01-01").put("name", "新秦皇岛市"),
            List.of(new Field("kind", Kind.ENUM, true), new Field("on", Kind.DATE, true),
                    new Field("name", Kind.TEXT, true), new Field("sourceDocument", Kind.TEXT, false)), true);

    static final Target DEPARTMENTS = new Target("departments", "admin", "/api/v1/departments", null,
            NODES.objectNode().put("code", "fz-dept").put("name", "市住建局").put("jurisdictionCode", CITY)
                 .put("validFrom", "2000-01-01"),
            List.of(new Field("code", Kind.ID, true), new Field("name", Kind.TEXT, true),
                    new Field("jurisdictionCode", Kind.ID, true), new Field("validFrom", Kind.DATE, false),
                    new Field("sourceDocument", Kind.TEXT, false)), true);

    static final Target RULE_SETS = new Target("rule-sets", "admin", "/api/v1/rule-sets", null,
            ruleSet(), List.of(new Field("id", Kind.ID, true), new Field("version", Kind.INT, true),
                               new Field("effectiveFrom", Kind.DATE, true)), false);

    static final Target COSIGNATURES = new Target("cosignatures", "auditor", "/api/v1/log/cosignatures", null,
            NODES.objectNode().put("treeSize", 1).put("cosignature", "— witness.example.org/w1 AAAA"),
            List.of(new Field("treeSize", Kind.INT, true), new Field("cosignature", Kind.TEXT, true)), true);

    static final Target VERIFICATION_RUNS = new Target("verification-runs", "auditor", "/api/v1/verification-runs",
            null, null, List.of(), false);

    private static ObjectNode ruleSet() {
        ObjectNode ruleSet = NODES.objectNode().put("id", "fz-rules").put("version", 1)
                                  .put("effectiveFrom", "2018-01-01");
        ruleSet.putArray("duties").addObject().put("duty", "MEETING").put("per", "QUARTER");
        return ruleSet;
    }

    /** The entries path for one entry type, with the story's example body and the type's fields. */
    static Target entries(EntryType type) {
        ObjectNode body = EntryExamples.of(type).body();
        if (!body.has("sourceDocument")) {
            body.put("sourceDocument", "文号");
        }
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("type", Kind.ENUM, true));
        for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("type")) {
                continue;
            }
            boolean required = EntryType.COMMON_REQUIRED.contains(field.getKey())
                    || type.requiredFields().contains(field.getKey());
            fields.add(new Field(field.getKey(), kindOf(type, field.getKey(), field.getValue()), required));
        }
        String user = EntryPermissions.appenders(type, type == EntryType.CORRECTION ? EntryType.MEETING_HELD : null)
                                      .iterator().next().name().toLowerCase(java.util.Locale.ROOT);
        return new Target("entries " + type, user, "/api/v1/officials/{id}/entries", OFFICIAL, body, fields, true);
    }

    private static final Set<String> DATES = Set.of("occurredOn", "periodStart", "periodEnd", "rectificationDeadline",
                                                    "damageOccurredOn");
    private static final Set<String> ENUMS = Set.of("role", "responsibilityKind", "body", "grade", "capacity",
                                                    "outcome");
    private static final Set<String> IDS = Set.of("postId", "jurisdictionCode", "departmentCode", "letterId",
                                                  "problemId", "caseId");

    private static Kind kindOf(EntryType type, String name, JsonNode value) {
        if (value.isIntegralNumber()) {
            return Kind.INT;
        }
        if (value.isArray()) {
            return value.size() > 0 && value.get(0).isNumber() ? Kind.INTS : Kind.TEXTS;
        }
        if (value.isObject()) {
            return Kind.OBJECT;
        }
        if (DATES.contains(name)) {
            return Kind.DATE;
        }
        if (ENUMS.contains(name) || type == EntryType.LEFT_POST && name.equals("reason")) {
            return Kind.ENUM;
        }
        return IDS.contains(name) ? Kind.ID : Kind.TEXT;
    }

    // ------------------------------------------------------------------------------------------- the properties

    @Property
    void registeringAnOfficial(@ForAll("officials") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void appendingAnEntry_firstFiveTypes(@ForAll("entriesOfTheFirstFiveTypes") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void appendingAnEntry_nextFiveTypes(@ForAll("entriesOfTheNextFiveTypes") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void appendingAnEntry_lastFiveTypes(@ForAll("entriesOfTheLastFiveTypes") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void assigningACase(@ForAll("cases") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void movingACase(@ForAll("transitions") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void registeringAJurisdiction(@ForAll("jurisdictions") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void changingAJurisdiction(@ForAll("changes") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void registeringADepartment(@ForAll("departments") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void storingARuleSet(@ForAll("ruleSets") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void cosigningACheckpoint(@ForAll("cosignatures") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Property
    void startingAVerificationRun(@ForAll("verificationRuns") Request request) {
        answeredWithAProblem_andNothingStored(request);
    }

    @Provide
    Arbitrary<Request> officials() {
        return HostileRequests.of(OFFICIALS);
    }

    @Provide
    Arbitrary<Request> entriesOfTheFirstFiveTypes() {
        return entriesOfTypes(0);
    }

    @Provide
    Arbitrary<Request> entriesOfTheNextFiveTypes() {
        return entriesOfTypes(5);
    }

    @Provide
    Arbitrary<Request> entriesOfTheLastFiveTypes() {
        return entriesOfTypes(10);
    }

    private static Arbitrary<Request> entriesOfTypes(int from) {
        List<EntryType> types = List.of(EntryType.values()).subList(from, Math.min(from + 5, EntryType.values().length));
        return Arbitraries.of(types).flatMap(type -> HostileRequests.of(entries(type)));
    }

    @Provide
    Arbitrary<Request> cases() {
        return HostileRequests.of(CASES);
    }

    @Provide
    Arbitrary<Request> transitions() {
        return HostileRequests.of(TRANSITIONS);
    }

    @Provide
    Arbitrary<Request> jurisdictions() {
        return HostileRequests.of(JURISDICTIONS);
    }

    @Provide
    Arbitrary<Request> changes() {
        return HostileRequests.of(CHANGES);
    }

    @Provide
    Arbitrary<Request> departments() {
        return HostileRequests.of(DEPARTMENTS);
    }

    @Provide
    Arbitrary<Request> ruleSets() {
        return HostileRequests.of(RULE_SETS);
    }

    @Provide
    Arbitrary<Request> cosignatures() {
        return HostileRequests.of(COSIGNATURES);
    }

    @Provide
    Arbitrary<Request> verificationRuns() {
        return HostileRequests.of(VERIFICATION_RUNS);
    }

    // ------------------------------------------------------------------------------------------------ the check

    /** What the ledger holds that a write could add to. */
    record Stored(long endOfLog, long ruleSets, long verificationRuns, long cosignatures) {
    }

    static Stored stored() {
        TrackingToken head = ledger.bean(EventStore.class).createHeadToken();
        MongoDatabase database = ledger.bean(MongoDatabase.class);
        long cosignatures = 0;
        for (Document checkpoint : database.getCollection(LogStore.CHECKPOINTS).find()) {
            List<?> lines = checkpoint.getList("cosignatures", Object.class);
            cosignatures += lines == null ? 0 : lines.size();
        }
        return new Stored(head == null ? -1 : head.position().orElse(-1),
                          database.getCollection(RuleSetStore.COLLECTION).countDocuments(),
                          database.getCollection(VerificationRuns.COLLECTION).countDocuments(), cosignatures);
    }

    static void answeredWithAProblem_andNothingStored(Request request) {
        Stored before = stored();
        HttpResponse<String> response = send(request);
        SENT.incrementAndGet();
        int status = response.statusCode();
        String body = response.body();
        String answer = status + " " + response.headers().firstValue("Content-Type").orElse("-") + " "
                + (body.length() > 400 ? body.substring(0, 400) + "…" : body);
        assertThat(status).as("status for %s: %s", request, answer).isBetween(400, 499);
        assertThat(response.headers().firstValue("Content-Type").orElse(""))
                .as("content type for %s: %s", request, answer).startsWith("application/problem+json");
        JsonNode problem;
        try {
            problem = HostileRequests.JSON.readTree(body);
        } catch (IOException e) {
            throw new AssertionError("not JSON for " + request + ": " + answer, e);
        }
        for (String member : List.of("type", "title", "detail")) {
            assertThat(problem.path(member).isTextual()).as("%s of the problem for %s: %s", member, request, answer)
                                                        .isTrue();
        }
        assertThat(problem.path("status").asInt()).as("status member for %s: %s", request, answer).isEqualTo(status);
        assertThat(stored()).as("nothing stored by %s: %s", request, answer).isEqualTo(before);
    }

    private static HttpResponse<String> send(Request request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(ledger.baseUrl() + request.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (request.user() + ":" + request.user()).getBytes(StandardCharsets.UTF_8)));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        request.headers().forEach(builder::header);
        byte[] body = request.body();
        if (body == null) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else if (request.chunked()) {
            builder.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        } else {
            builder.POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        try {
            return CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("no answer to " + request + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
