package org.ecoledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.casefile.CaseAssignedEvent;
import org.ecoledger.core.casefile.CaseId;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.casefile.CaseStatusChangedEvent;
import org.ecoledger.core.record.AccountabilityCaseId;
import org.ecoledger.core.record.AccountabilityDecidedEvent;
import org.ecoledger.core.record.AccountabilityOutcome;
import org.ecoledger.core.record.AccountabilityReferredEvent;
import org.ecoledger.core.record.AnnualAssessmentRecordedEvent;
import org.ecoledger.core.record.AssessmentGrade;
import org.ecoledger.core.record.DepartureAuditCompletedEvent;
import org.ecoledger.core.record.EntryCorrectedEvent;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.GrassrootsDaysReportedEvent;
import org.ecoledger.core.record.InspectionLedEvent;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.LetterId;
import org.ecoledger.core.record.LifetimeAccountabilityOpenedEvent;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.MeetingHeldEvent;
import org.ecoledger.core.record.OfficialAppointedEvent;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.OfficialRegisteredEvent;
import org.ecoledger.core.record.OneVetoCapacity;
import org.ecoledger.core.record.OneVetoImposedEvent;
import org.ecoledger.core.record.PostId;
import org.ecoledger.core.record.PostLeftEvent;
import org.ecoledger.core.record.ProblemId;
import org.ecoledger.core.record.RecordEvent;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.ResponsibilityLetterSignedEvent;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.record.SummonsIssuedEvent;
import org.ecoledger.core.record.SupervisionListedEvent;
import org.ecoledger.core.reference.DepartmentAbolishedEvent;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.DepartmentEvent;
import org.ecoledger.core.reference.DepartmentRegisteredEvent;
import org.ecoledger.core.reference.DepartmentRenamedEvent;
import org.ecoledger.core.reference.JurisdictionAbolishedEvent;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionEvent;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.JurisdictionMergedEvent;
import org.ecoledger.core.reference.JurisdictionMovedEvent;
import org.ecoledger.core.reference.JurisdictionRegisteredEvent;
import org.ecoledger.core.reference.JurisdictionRenamedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Payloads are stored as readable JSON and hashed: every event survives a round trip through an ObjectMapper set up
 * as Axon's JacksonSerializer would be (JavaTimeModule, dates as ISO strings), identifiers are plain strings, dates
 * ISO strings, and no number is fractional.
 */
class EventSerializationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final OfficialId OFFICIAL = OfficialId.of("official-0001");
    private static final PostId POST = PostId.of("qhd-city-party-secretary");
    private static final JurisdictionCode CITY = JurisdictionCode.of("130300000000");
    private static final JurisdictionCode COUNTY = JurisdictionCode.of("130302000000");
    private static final DepartmentCode BUREAU = DepartmentCode.of("130300-eco-bureau");
    private static final AccountabilityCaseId CASE = AccountabilityCaseId.of("qhd-jw-2019-017");
    private static final LocalDate ON = LocalDate.of(2018, 5, 1);
    private static final Instant AT = Instant.parse("2018-05-01T08:00:00.123456789Z");
    private static final String BY = "recorder";
    private static final String DOC = "秦干字〔2018〕1号";

    private static ObjectNode replacement() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("postId", POST.value());
        node.put("periodStart", "2018-01-01");
        node.put("periodEnd", "2018-03-31");
        node.put("days", 20);
        node.put("workingDays", 10_000_000_000L);
        node.putNull("sourceDocument");
        node.putArray("nested").add(true).addObject().put("n", 1);
        node.put("occurredOn", "2018-04-02");
        return node;
    }

    static Stream<Object> everyEvent() {
        return Stream.of(
                new OfficialRegisteredEvent(OFFICIAL, "张三", ON, null, BY, AT),
                new OfficialAppointedEvent(OFFICIAL, POST, CITY, null, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL,
                        ON, DOC, BY, AT),
                new PostLeftEvent(OFFICIAL, POST, LeavingReason.PROMOTION, ON, DOC, BY, AT),
                new ResponsibilityLetterSignedEvent(OFFICIAL, 2018, LetterId.of("l-1"), List.of("任务一", "任务二"), ON,
                        DOC, BY, AT),
                new MeetingHeldEvent(OFFICIAL, POST, MeetingBody.STANDING_COMMITTEE, List.of("大气"), ON, DOC, BY, AT),
                new InspectionLedEvent(OFFICIAL, POST, "入海口", "排污口", ON, null, BY, AT),
                new GrassrootsDaysReportedEvent(OFFICIAL, POST, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 3, 31), 20,
                        57, ON, null, BY, AT),
                new SummonsIssuedEvent(OFFICIAL, "组织部", "不合格", LocalDate.of(2018, 8, 1), ON, null, BY, AT),
                new SummonsIssuedEvent(OFFICIAL, "组织部", "不合格", null, ON, null, BY, AT),
                new SupervisionListedEvent(OFFICIAL, ProblemId.of("p-1"), COUNTY, "河道垃圾", ON, null, BY, AT),
                new AnnualAssessmentRecordedEvent(OFFICIAL, 2017, AssessmentGrade.UNQUALIFIED, List.of(4, 8), ON, null,
                        BY, AT),
                new OneVetoImposedEvent(OFFICIAL, 2017, "秦皇岛市", OneVetoCapacity.PRINCIPAL, "事故", ON, null, BY, AT),
                new AccountabilityReferredEvent(OFFICIAL, CASE, "整改不力", "市纪委监委", ON, null, BY, AT),
                new AccountabilityDecidedEvent(OFFICIAL, CASE, AccountabilityOutcome.ADMONISHING_TALK, ON, null, BY,
                        AT),
                new LifetimeAccountabilityOpenedEvent(OFFICIAL, CASE, POST, LocalDate.of(2012, 8, 15), "土壤污染", ON,
                        null, BY, AT),
                new DepartureAuditCompletedEvent(OFFICIAL, POST, "基本履行", List.of(), ON, null, BY, AT),
                new EntryCorrectedEvent(OFFICIAL, 7, EntryType.GRASSROOTS_DAYS_REPORTED, "录入错误", "李四",
                        replacement(), ON, null, BY, AT),
                new JurisdictionRegisteredEvent(CITY, "秦皇岛市", JurisdictionLevel.CITY, null,
                        LocalDate.of(1949, 10, 1), null, BY, AT),
                new JurisdictionRenamedEvent(COUNTY, "海港区", ON, DOC, BY, AT),
                new JurisdictionMovedEvent(COUNTY, CITY, ON, DOC, BY, AT),
                new JurisdictionMergedEvent(COUNTY, JurisdictionCode.of("130303000000"), ON, DOC, BY, AT),
                new JurisdictionAbolishedEvent(COUNTY, ON, DOC, BY, AT),
                new DepartmentRegisteredEvent(BUREAU, "环保局", CITY, LocalDate.of(1980, 1, 1), null, BY, AT),
                new DepartmentRenamedEvent(BUREAU, "生态环境局", ON, DOC, BY, AT),
                new DepartmentAbolishedEvent(BUREAU, ON, DOC, BY, AT),
                new CaseAssignedEvent(CaseId.of("central-0881"), CITY, CaseSource.CENTRAL, CaseKind.PETITION, "偷排", ON,
                        DOC, BY, AT),
                new CaseStatusChangedEvent(CaseId.of("central-0881"), CaseStatus.RECTIFIED, CaseStatus.CLOSED, "销号",
                        ON, null, BY, AT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void event_roundTripsThroughJson_unchanged(Object event) throws Exception {
        String json = MAPPER.writeValueAsString(event);
        assertThat(MAPPER.readValue(json, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void event_json_holdsNoFractionalNumber(Object event) {
        List<String> fractional = new ArrayList<>();
        collectFractional(MAPPER.valueToTree(event), "$", fractional);
        assertThat(fractional).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void event_json_writesDatesInstantsAndIdentifiersAsPlainStrings(Object event) {
        JsonNode json = MAPPER.valueToTree(event);
        assertThat(json.get("occurredOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(json.get("recordedAt").asText()).isEqualTo("2018-05-01T08:00:00.123456789Z");
        assertThat(json.get("recordedBy").isTextual()).isTrue();
        for (String id : List.of("officialId", "postId", "code", "caseId", "jurisdictionCode", "parentCode")) {
            JsonNode value = json.get(id);
            if (value != null && !value.isNull()) {
                assertThat(value.isTextual()).as(id).isTrue();
            }
        }
    }

    @Test
    void everyEventClass_hasASample_andRevisionOne() {
        Set<Class<?>> sampled = everyEvent().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> all = new HashSet<>();
        all.addAll(Arrays.asList(RecordEvent.class.getPermittedSubclasses()));
        all.addAll(Arrays.asList(JurisdictionEvent.class.getPermittedSubclasses()));
        all.addAll(Arrays.asList(DepartmentEvent.class.getPermittedSubclasses()));
        all.add(CaseAssignedEvent.class);
        all.add(CaseStatusChangedEvent.class);
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(all);
        for (Class<?> type : all) {
            assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName()).isNotNull();
            assertThat(type.getAnnotation(Revision.class).value()).isEqualTo("1");
        }
    }

    @Test
    void eventLists_areImmutableCopies() {
        List<String> topics = new ArrayList<>(List.of("大气"));
        MeetingHeldEvent event = new MeetingHeldEvent(OFFICIAL, POST, MeetingBody.DEPARTMENT, topics, ON, null, BY,
                AT);
        topics.add("水");
        assertThat(event.topics()).containsExactly("大气");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> event.topics().add("土壤"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void fractionalNumber_isFoundByTheCheck() {
        List<String> fractional = new ArrayList<>();
        collectFractional(MAPPER.valueToTree(Map.of("a", List.of(1, 2.5))), "$", fractional);
        assertThat(fractional).containsExactly("$.a[1]");
    }

    private static void collectFractional(JsonNode node, String path, List<String> found) {
        if (node.isNumber() && !node.isIntegralNumber()) {
            found.add(path);
        }
        if (node.isObject()) {
            node.properties().forEach(field -> collectFractional(field.getValue(), path + "." + field.getKey(), found));
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectFractional(node.get(i), path + "[" + i + "]", found);
            }
        }
    }
}
