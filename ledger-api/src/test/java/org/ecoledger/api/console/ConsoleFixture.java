package org.ecoledger.api.console;

import static org.ecoledger.api.http.Api.array;
import static org.ecoledger.api.http.Api.object;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import org.ecoledger.api.http.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The browser tests' small world, made through the HTTP API as its users would: a city, a county and a township;
 * a city party secretary (张三) with meetings, an inspection and a one-veto, then — after {@link #boundary}, a
 * moment to look back at — a summons and an accountability referral; a county head (李四), a township party
 * secretary who has left (王五), and a record to tamper with (赵六).
 */
final class ConsoleFixture {

    static final String CITY = Api.CITY;
    static final String COUNTY = "130302000000";
    static final String TOWNSHIP = "130302001000";
    static final ZoneId LEDGER_ZONE = ZoneId.of("Asia/Shanghai");

    static final String ZHANG = "zhang-san";
    static final String LI = "li-si";
    static final String WANG = "wang-wu";
    static final String ZHAO = "zhao-liu";

    /** 张三's entries: registration 0, appointment 1, meeting 2 (2018-Q2), inspection 3, one-veto 4; then: */
    static final long ONE_VETO = 4;
    /** ... recorded after the boundary: the summons 5 and the accountability referral 6. */
    static final long SUMMONS = 5;
    static final long REFERRAL = 6;
    /** 赵六's entry whose stored payload the badge test changes. */
    static final long TAMPERED = 2;

    private final Api api;
    /** The last second by which 张三's first five entries were recorded and nothing later was. */
    Instant boundary;

    ConsoleFixture(Api api) {
        this.api = api;
    }

    void create() throws InterruptedException {
        api.city();
        place(COUNTY, "海港区", "COUNTY", CITY);
        place(TOWNSHIP, "文化路街道", "TOWNSHIP", COUNTY);

        // Each official's record is its own chain: their entries are appended side by side.
        inParallel(() -> {
            official(ZHANG, "张三");
            appoint(ZHANG, "qhd-city-party-secretary", CITY, "PARTY_SECRETARY", "2018-01-02");
            entry("recorder", ZHANG, object().put("type", "MEETING_HELD").put("occurredOn", "2018-05-05")
                    .put("postId", "qhd-city-party-secretary").put("body", "STANDING_COMMITTEE")
                    .set("topics", array("研究水污染防治")));
            entry("recorder", ZHANG, object().put("type", "INSPECTION_LED").put("occurredOn", "2018-04-20")
                    .put("postId", "qhd-city-party-secretary").put("location", "戴河入海口")
                    .put("findings", "两处排污口未封堵"));
            entry("organization", ZHANG, object().put("type", "ONE_VETO").put("occurredOn", "2018-12-20")
                    .put("year", 2018).put("unit", "秦皇岛市").put("capacity", "PRINCIPAL")
                    .put("reason", "发生较大环境污染事件"));
        }, () -> {
            official(LI, "李四");
            appoint(LI, "hg-county-head", COUNTY, "GOVERNMENT_HEAD", "2018-01-05");
        }, () -> {
            official(WANG, "王五");
            appoint(WANG, "wh-township-secretary", TOWNSHIP, "PARTY_SECRETARY", "2018-03-01");
            entry("recorder", WANG, object().put("type", "LEFT_POST").put("occurredOn", "2019-06-30")
                    .put("postId", "wh-township-secretary").put("reason", "TRANSFER"));
        }, () -> {
            official(ZHAO, "赵六");
            appoint(ZHAO, "hg-county-deputy", COUNTY, "DEPUTY_IN_CHARGE", "2018-01-05");
            for (String location : new String[] {"石河流域", "汤河上游"}) {
                entry("recorder", ZHAO, object().put("type", "INSPECTION_LED").put("occurredOn", "2018-02-10")
                        .put("postId", "hg-county-deputy").put("location", location).put("findings", "垃圾堆放"));
            }
        });

        // A moment to look back at: everything above was recorded by it, everything below after it.
        boundary = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        while (!Instant.now().isAfter(boundary.plusMillis(200))) {
            Thread.sleep(50);
        }
        entry("recorder", ZHANG, object().put("type", "SUMMONED").put("occurredOn", "2018-06-10")
                .put("by", "省生态环境保护委员会").put("reason", "空气质量排名靠后").put("rectificationDeadline", "2018-09-30"));
        entry("discipline", ZHANG, object().put("type", "ACCOUNTABILITY_REFERRED").put("occurredOn", "2019-02-01")
                .put("caseId", "qhd-jw-2019-017").put("reason", "整改不力").put("referredTo", "市纪委监委"));

        // The read models (search, incident tracing) are built by tracking processors: wait until they have it all.
        await("/api/v1/officials?query=" + encoded("赵"), body -> body.path("total").asLong() == 1);
        await("/api/v1/jurisdictions/" + TOWNSHIP + "/responsible?on=2018-06-01", body -> body.size() == 4);
    }

    /** The boundary as the ledger's wall clock shows it: date and time. */
    LocalDateTime boundaryInLedgerZone() {
        return LocalDateTime.ofInstant(boundary, LEDGER_ZONE);
    }

    private static void inParallel(Runnable... chains) {
        CompletableFuture.allOf(java.util.Arrays.stream(chains).map(CompletableFuture::runAsync)
                                              .toArray(CompletableFuture[]::new)).join();
    }

    private void place(String code, String name, String level, String parent) {
        api.post("admin", "/api/v1/jurisdictions", object().put("code", code).put("name", name).put("level", level)
                .put("parentCode", parent).put("validFrom", "1984-01-01")).expect(201);
    }

    private void official(String id, String name) {
        api.post("recorder", "/api/v1/officials", object().put("officialId", id).put("name", name)
                .put("occurredOn", "2017-12-01")).expect(201);
    }

    private void appoint(String id, String post, String place, String role, String on) {
        entry("recorder", id, object().put("type", "APPOINTED").put("occurredOn", on).put("postId", post)
                .put("jurisdictionCode", place).put("role", role)
                .put("responsibilityKind", role.equals("DEPUTY_IN_CHARGE") ? "IN_CHARGE" : "OVERALL"));
    }

    private void entry(String user, String official, ObjectNode body) {
        api.post(user, "/api/v1/officials/" + official + "/entries", body).expect(201);
    }

    private void await(String path, Predicate<JsonNode> ready) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Api.Answer answer = api.get("discipline", path);
            if (answer.status() == 200 && ready.test(answer.json())) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " not ready: " + answer.status() + " " + answer.text());
            }
            Thread.sleep(100);
        }
    }

    static String encoded(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
