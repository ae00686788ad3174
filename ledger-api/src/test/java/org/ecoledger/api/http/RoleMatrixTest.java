package org.ecoledger.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecoledger.api.http.security.LedgerRole.ADMIN;
import static org.ecoledger.api.http.security.LedgerRole.AUDITOR;
import static org.ecoledger.api.http.security.LedgerRole.DISCIPLINE;
import static org.ecoledger.api.http.security.LedgerRole.ORGANIZATION;
import static org.ecoledger.api.http.security.LedgerRole.RECORDER;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.ecoledger.api.RunningLedger;
import org.ecoledger.api.http.entries.EntryExamples;
import org.ecoledger.api.http.security.EntryPermissions;
import org.ecoledger.api.http.security.LedgerRole;
import org.ecoledger.core.record.EntryType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role matrix of API.md, as one table: every path × every role and anonymous → allowed (anything but 401 and
 * 403, and never a 5xx), 403 or 401. The table must name exactly the paths Spring MVC serves under {@code /api/}:
 * a new endpoint without a row fails {@link #theTable_coversEveryRegisteredPath_andNoOther()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    /** A row: method, the path as mapped, a concrete path to call, a body for POSTs, and who may call it. */
    record Row(String method, String pattern, String path, String body, Set<LedgerRole> allowed) {
        String key() {
            return method + " " + pattern;
        }
    }

    static final Set<LedgerRole> EVERYONE = EnumSet.allOf(LedgerRole.class);
    static final String OFFICIAL = "matrix";

    static final List<Row> MATRIX = List.of(
            new Row("GET", "/api/v1/me", "/api/v1/me", null, EVERYONE),
            new Row("POST", "/api/v1/officials", "/api/v1/officials", "{}", Set.of(RECORDER, ORGANIZATION)),
            new Row("POST", "/api/v1/officials/{officialId}/entries", "/api/v1/officials/matrix/entries", "{}",
                    Set.of(RECORDER, ORGANIZATION, DISCIPLINE)),
            new Row("GET", "/api/v1/officials/{officialId}/entries", "/api/v1/officials/matrix/entries", null,
                    Set.of(AUDITOR, DISCIPLINE)),
            new Row("GET", "/api/v1/officials/{officialId}/verification", "/api/v1/officials/matrix/verification",
                    null, Set.of(AUDITOR, DISCIPLINE)),
            new Row("POST", "/api/v1/cases", "/api/v1/cases", "{}", Set.of(RECORDER)),
            new Row("POST", "/api/v1/cases/{caseId}/transitions", "/api/v1/cases/matrix/transitions", "{}",
                    Set.of(RECORDER)),
            new Row("POST", "/api/v1/jurisdictions", "/api/v1/jurisdictions", "{}", Set.of(ADMIN)),
            new Row("POST", "/api/v1/jurisdictions/{code}/changes", "/api/v1/jurisdictions/" + Api.CITY + "/changes",
                    "{}", Set.of(ADMIN)),
            new Row("GET", "/api/v1/jurisdictions/{code}", "/api/v1/jurisdictions/" + Api.CITY, null, EVERYONE),
            new Row("POST", "/api/v1/departments", "/api/v1/departments", "{}", Set.of(ADMIN)),
            new Row("GET", "/api/v1/rule-sets", "/api/v1/rule-sets", null, EVERYONE),
            new Row("POST", "/api/v1/rule-sets", "/api/v1/rule-sets", "{}", Set.of(ADMIN)),
            new Row("GET", "/api/v1/access-log", "/api/v1/access-log?officialId=matrix", null,
                    Set.of(DISCIPLINE, ADMIN)),
            // the read views
            new Row("GET", "/api/v1/officials/{officialId}/dossier", "/api/v1/officials/matrix/dossier", null,
                    Set.of(ORGANIZATION, DISCIPLINE)),
            new Row("GET", "/api/v1/officials/{officialId}/promotion-review",
                    "/api/v1/officials/matrix/promotion-review?on=2019-03-01", null, Set.of(ORGANIZATION, DISCIPLINE)),
            new Row("GET", "/api/v1/jurisdictions/{code}/responsible",
                    "/api/v1/jurisdictions/" + Api.CITY + "/responsible?on=2019-01-01", null,
                    Set.of(DISCIPLINE, ORGANIZATION)),
            new Row("GET", "/api/v1/compliance", "/api/v1/compliance?jurisdictionCode=" + Api.CITY + "&period=2018-Q2",
                    null, Set.of(ORGANIZATION, DISCIPLINE)),
            new Row("GET", "/api/v1/officials", "/api/v1/officials?query=x", null,
                    Set.of(ORGANIZATION, DISCIPLINE, AUDITOR, RECORDER)),
            // the transparency log, evidence and verification runs
            new Row("GET", "/api/v1/officials/{officialId}/evidence", "/api/v1/officials/matrix/evidence", null,
                    Set.of(AUDITOR, DISCIPLINE)),
            new Row("GET", "/api/v1/log/checkpoint", "/api/v1/log/checkpoint", null, Set.of(AUDITOR, DISCIPLINE)),
            new Row("GET", "/api/v1/log/keys", "/api/v1/log/keys", null, Set.of(AUDITOR, DISCIPLINE)),
            new Row("GET", "/api/v1/log/proofs/inclusion", "/api/v1/log/proofs/inclusion?officialId=matrix&sequence=0",
                    null, Set.of(AUDITOR, DISCIPLINE)),
            new Row("GET", "/api/v1/log/proofs/consistency", "/api/v1/log/proofs/consistency?first=1&second=1", null,
                    Set.of(AUDITOR, DISCIPLINE)),
            new Row("POST", "/api/v1/log/cosignatures", "/api/v1/log/cosignatures", "{}", Set.of(AUDITOR)),
            new Row("POST", "/api/v1/verification-runs", "/api/v1/verification-runs", null, Set.of(AUDITOR)),
            new Row("GET", "/api/v1/verification-runs/{runId}", "/api/v1/verification-runs/unknown", null,
                    Set.of(AUDITOR)),
            // imports (a JSON body where a multipart file belongs is a 415: allowed, refused for its shape)
            new Row("POST", "/api/v1/imports", "/api/v1/imports", "{}", Set.of(RECORDER, ORGANIZATION, DISCIPLINE)),
            new Row("GET", "/api/v1/imports/{importId}", "/api/v1/imports/unknown", null,
                    Set.of(RECORDER, ORGANIZATION, DISCIPLINE)),
            new Row("GET", "/api/v1/imports/templates/{format}", "/api/v1/imports/templates/csv", null,
                    Set.of(RECORDER, ORGANIZATION, DISCIPLINE)),
            // export and restore
            new Row("GET", "/api/v1/exports/ledger", "/api/v1/exports/ledger", null, Set.of(AUDITOR, ADMIN)),
            new Row("POST", "/api/v1/imports/ledger", "/api/v1/imports/ledger", "{}", Set.of(ADMIN)),
            // rebuilding a read view (an unknown view: the ADMIN's call is a 404, not a replay)
            new Row("POST", "/api/v1/views/{view}/replay", "/api/v1/views/unknown/replay", null, Set.of(ADMIN)),
            new Row("GET", "/api/v1/views/{view}/replay", "/api/v1/views/unknown/replay", null, Set.of(ADMIN)));

    @TempDir
    static Path dataDir;

    RunningLedger ledger;
    Api api;

    @BeforeAll
    void start() {
        ledger = RunningLedger.start(dataDir);
        api = new Api(ledger);
        prepare(api);
    }

    /** What the rows need: the city, and the official {@value #OFFICIAL} with the story up to its correction. */
    static void prepare(Api api) {
        api.city();
        api.official(OFFICIAL);
        for (EntryExamples.Example example : EntryExamples.STORY.subList(0, EntryExamples.CORRECTED_SEQUENCE)) {
            api.post("recorder", "/api/v1/officials/" + OFFICIAL + "/entries", example.body()).expect(201);
        }
    }

    @AfterAll
    void stop() {
        ledger.close();
    }

    @Test
    void theTable_coversEveryRegisteredPath_andNoOther() {
        RequestMappingHandlerMapping mapping = ledger.context().getBean("requestMappingHandlerMapping",
                                                                        RequestMappingHandlerMapping.class);
        Set<String> registered = new TreeSet<>();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods.isEmpty()).as("%s names its methods", pattern).isFalse();
                methods.forEach(method -> registered.add(method.name() + " " + pattern));
            }
        }
        Set<String> table = MATRIX.stream().map(Row::key).collect(Collectors.toCollection(TreeSet::new));
        assertThat(table)
                .as("every path under /api/ needs a row in the role matrix (and in ApiAccessRules)")
                .isEqualTo(registered);
    }

    @Test
    void everyPath_byEveryRoleAndAnonymously_answersAsTheMatrixSays() {
        assertThat(matrixMismatches(api)).as("role matrix mismatches").isEmpty();
    }

    /** Every row by every role and anonymously; the answers that differ from the matrix, one a line. */
    static String matrixMismatches(Api api) {
        StringBuilder mismatches = new StringBuilder();
        for (Row row : MATRIX) {
            check(api, mismatches, row, null, 401);
            for (LedgerRole role : LedgerRole.values()) {
                check(api, mismatches, row, role, row.allowed().contains(role) ? 0 : 403);
            }
        }
        return mismatches.toString();
    }

    /** Which entry types each appending role may append, by HTTP, with the story's example bodies. */
    @Test
    void everyEntryType_byEveryAppendingRole_answersAsEntryPermissionsSay() {
        assertThat(entryTypeMismatches(api)).isEmpty();
        assertThat(EntryPermissions.appenders(EntryType.ANNUAL_ASSESSMENT)).containsExactly(ORGANIZATION);
        assertThat(EntryPermissions.appenders(EntryType.ONE_VETO)).containsExactly(ORGANIZATION);
        assertThat(EntryPermissions.appenders(EntryType.ACCOUNTABILITY_REFERRED)).containsExactly(DISCIPLINE);
        assertThat(EntryPermissions.appenders(EntryType.ACCOUNTABILITY_DECIDED)).containsExactly(DISCIPLINE);
        assertThat(EntryPermissions.appenders(EntryType.LIFETIME_ACCOUNTABILITY_OPENED)).containsExactly(DISCIPLINE);
        assertThat(EntryPermissions.appenders(EntryType.MEETING_HELD)).containsExactly(RECORDER);
        assertThat(EntryPermissions.appenders(EntryType.CORRECTION, EntryType.ONE_VETO)).containsExactly(ORGANIZATION);
    }

    /** Every entry type appended by every appending role; the answers that differ from EntryPermissions. */
    static String entryTypeMismatches(Api api) {
        StringBuilder mismatches = new StringBuilder();
        for (EntryType type : EntryType.values()) {
            EntryType corrected = type == EntryType.CORRECTION ? EntryType.MEETING_HELD : null;
            for (LedgerRole role : List.of(RECORDER, ORGANIZATION, DISCIPLINE)) {
                int status = api.post(role.name().toLowerCase(Locale.ROOT), "/api/v1/officials/" + OFFICIAL
                        + "/entries", EntryExamples.of(type).body()).status();
                boolean allowed = EntryPermissions.appenders(type, corrected).contains(role);
                if (allowed ? status == 403 || status >= 500 : status != 403) {
                    mismatches.append(type).append(" by ").append(role).append(" → ").append(status).append('\n');
                }
            }
        }
        return mismatches.toString();
    }

    private static void check(Api api, StringBuilder mismatches, Row row, LedgerRole role, int expected) {
        String user = role == null ? null : role.name().toLowerCase(Locale.ROOT);
        Api.Answer answer = api.send(user, row.method(), row.path(), row.body() == null ? null : "application/json",
                                     row.body());
        int status = answer.status();
        boolean ok = expected == 0 ? status != 401 && status != 403 && status < 500 : status == expected;
        if (!ok) {
            mismatches.append(row.key()).append(" as ").append(user).append(": expected ")
                      .append(expected == 0 ? "allowed" : expected).append(", got ").append(status).append(' ')
                      .append(answer.text()).append('\n');
        }
        if (status == 401 || status == 403) {
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
        }
    }
}
