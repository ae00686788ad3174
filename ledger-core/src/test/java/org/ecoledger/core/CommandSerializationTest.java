package org.ecoledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.ecoledger.core.casefile.AssignCaseCommand;
import org.ecoledger.core.casefile.CaseId;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseSource;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.casefile.TransitionCaseCommand;
import org.ecoledger.core.record.AccountabilityCaseId;
import org.ecoledger.core.record.AccountabilityOutcome;
import org.ecoledger.core.record.AppointOfficialCommand;
import org.ecoledger.core.record.AssessmentGrade;
import org.ecoledger.core.record.CompleteDepartureAuditCommand;
import org.ecoledger.core.record.CorrectEntryCommand;
import org.ecoledger.core.record.DecideAccountabilityCommand;
import org.ecoledger.core.record.EntryType;
import org.ecoledger.core.record.ImposeOneVetoCommand;
import org.ecoledger.core.record.IssueSummonsCommand;
import org.ecoledger.core.record.LeavePostCommand;
import org.ecoledger.core.record.LeavingReason;
import org.ecoledger.core.record.LetterId;
import org.ecoledger.core.record.ListSupervisionCommand;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.record.OneVetoCapacity;
import org.ecoledger.core.record.OpenLifetimeAccountabilityCommand;
import org.ecoledger.core.record.PostId;
import org.ecoledger.core.record.ProblemId;
import org.ecoledger.core.record.RecordAnnualAssessmentCommand;
import org.ecoledger.core.record.RecordLedInspectionCommand;
import org.ecoledger.core.record.RecordMeetingCommand;
import org.ecoledger.core.record.ReferAccountabilityCommand;
import org.ecoledger.core.record.RegisterOfficialCommand;
import org.ecoledger.core.record.ReportGrassrootsDaysCommand;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.record.SignResponsibilityLetterCommand;
import org.ecoledger.core.reference.AbolishDepartmentCommand;
import org.ecoledger.core.reference.AbolishJurisdictionCommand;
import org.ecoledger.core.reference.DepartmentCode;
import org.ecoledger.core.reference.JurisdictionCode;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.MergeJurisdictionCommand;
import org.ecoledger.core.reference.MoveJurisdictionCommand;
import org.ecoledger.core.reference.RegisterDepartmentCommand;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;
import org.ecoledger.core.reference.RenameDepartmentCommand;
import org.ecoledger.core.reference.RenameJurisdictionCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Commands arrive as JSON (the API) and may travel between nodes: every command survives a round trip through an
 * ObjectMapper set up as Axon's JacksonSerializer would be (JavaTimeModule, dates as ISO strings), with its
 * identifiers as plain strings — the value, never the typed aggregate identifier.
 */
class CommandSerializationTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final OfficialId OFFICIAL = OfficialId.of("official-0001");
    private static final PostId POST = PostId.of("qhd-city-party-secretary");
    private static final JurisdictionCode CITY = JurisdictionCode.of("130300000000");
    private static final JurisdictionCode COUNTY = JurisdictionCode.of("130302000000");
    private static final DepartmentCode BUREAU = DepartmentCode.of("130300-eco-bureau");
    private static final AccountabilityCaseId CASE = AccountabilityCaseId.of("qhd-jw-2019-017");
    private static final CaseId INSPECTION_CASE = CaseId.of("central-0881");
    private static final LocalDate ON = LocalDate.of(2018, 5, 1);
    private static final String BY = "recorder";
    private static final String DOC = "秦干字〔2018〕1号";

    private static ObjectNode replacement() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("postId", POST.value());
        node.put("periodStart", "2018-01-01");
        node.put("periodEnd", "2018-03-31");
        node.put("days", 20);
        node.put("workingDays", 57);
        node.putNull("sourceDocument");
        node.put("occurredOn", "2018-04-02");
        return node;
    }

    static Stream<Object> everyCommand() {
        return Stream.of(
                new RegisterOfficialCommand(OFFICIAL, "张三", ON, DOC, BY),
                new RegisterOfficialCommand(OFFICIAL, "张三", null, null, BY),
                new AppointOfficialCommand(OFFICIAL, POST, CITY, null, Role.PARTY_SECRETARY, ResponsibilityKind.OVERALL,
                        ON, DOC, BY),
                new AppointOfficialCommand(OFFICIAL, POST, null, BUREAU, Role.DEPARTMENT_HEAD, ResponsibilityKind.MAIN,
                        ON, null, BY),
                new LeavePostCommand(OFFICIAL, POST, LeavingReason.PROMOTION, ON, DOC, BY),
                new SignResponsibilityLetterCommand(OFFICIAL, 2018, LetterId.of("l-1"), List.of("任务一", "任务二"), ON,
                        DOC, BY),
                new RecordMeetingCommand(OFFICIAL, POST, MeetingBody.STANDING_COMMITTEE, List.of("大气"), ON, DOC, BY),
                new RecordLedInspectionCommand(OFFICIAL, POST, "入海口", "排污口", ON, null, BY),
                new ReportGrassrootsDaysCommand(OFFICIAL, POST, LocalDate.of(2018, 1, 1), LocalDate.of(2018, 3, 31),
                        20, 57, ON, null, BY),
                new IssueSummonsCommand(OFFICIAL, "组织部", "不合格", LocalDate.of(2018, 8, 1), ON, null, BY),
                new IssueSummonsCommand(OFFICIAL, "组织部", "不合格", null, ON, null, BY),
                new ListSupervisionCommand(OFFICIAL, ProblemId.of("p-1"), COUNTY, "河道垃圾", ON, null, BY),
                new RecordAnnualAssessmentCommand(OFFICIAL, 2017, AssessmentGrade.UNQUALIFIED, List.of(4, 8), ON, null,
                        BY),
                new RecordAnnualAssessmentCommand(OFFICIAL, 2017, AssessmentGrade.QUALIFIED, null, ON, null, BY),
                new ImposeOneVetoCommand(OFFICIAL, 2017, "秦皇岛市", OneVetoCapacity.PRINCIPAL, "事故", ON, null, BY),
                new ReferAccountabilityCommand(OFFICIAL, CASE, "整改不力", "市纪委监委", ON, null, BY),
                new DecideAccountabilityCommand(OFFICIAL, CASE, AccountabilityOutcome.ADMONISHING_TALK, ON, null, BY),
                new OpenLifetimeAccountabilityCommand(OFFICIAL, CASE, POST, LocalDate.of(2012, 8, 15), "土壤污染", ON,
                        null, BY),
                new CompleteDepartureAuditCommand(OFFICIAL, POST, "基本履行", List.of("矿山修复滞后"), ON, null, BY),
                new CorrectEntryCommand(OFFICIAL, 7L, EntryType.GRASSROOTS_DAYS_REPORTED, "录入错误", "李四",
                        replacement(), ON, null, BY),
                new CorrectEntryCommand(OFFICIAL, 7L, null, "录入错误", "李四", replacement(), ON, null, BY),
                new AssignCaseCommand(INSPECTION_CASE, CITY, CaseSource.CENTRAL, CaseKind.PETITION, "偷排", ON, DOC, BY),
                new TransitionCaseCommand(INSPECTION_CASE, CaseStatus.CLOSED, ON, "销号", null, BY),
                new RegisterJurisdictionCommand(CITY, "秦皇岛市", JurisdictionLevel.CITY, null, null, null, BY),
                new RegisterJurisdictionCommand(COUNTY, "海港区", JurisdictionLevel.COUNTY, CITY, ON, DOC, BY),
                new RenameJurisdictionCommand(COUNTY, ON, "海港区", DOC, BY),
                new MoveJurisdictionCommand(COUNTY, ON, CITY, DOC, BY),
                new MergeJurisdictionCommand(COUNTY, ON, JurisdictionCode.of("130303000000"), DOC, BY),
                new AbolishJurisdictionCommand(COUNTY, ON, DOC, BY),
                new RegisterDepartmentCommand(BUREAU, "环保局", CITY, LocalDate.of(1980, 1, 1), null, BY),
                new RenameDepartmentCommand(BUREAU, ON, "生态环境局", DOC, BY),
                new AbolishDepartmentCommand(BUREAU, ON, DOC, BY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void command_roundTripsThroughJson_unchanged(Object command) throws Exception {
        String json = MAPPER.writeValueAsString(command);
        assertThat(MAPPER.readValue(json, command.getClass())).isEqualTo(command);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCommand")
    void command_json_writesIdentifiersAsTheirPlainValues(Object command) {
        JsonNode json = MAPPER.valueToTree(command);
        for (String field : List.of("officialId", "caseId", "code", "jurisdictionCode", "departmentCode",
                "parentCode", "intoCode", "postId")) {
            JsonNode value = json.get(field);
            if (value != null && !value.isNull()) {
                assertThat(value.isTextual()).as(field).isTrue();
                assertThat(value.asText()).as(field).doesNotContain("/");
            }
        }
        assertThat(json.get("recordedBy").asText()).isEqualTo(BY);
    }

    @Test
    void everyCommandClass_hasASample_andRevisionOne() {
        Set<Class<?>> sampled = everyCommand().map(Object::getClass).collect(Collectors.toSet());
        Set<Class<?>> all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ecoledger.core.record", "org.ecoledger.core.casefile",
                        "org.ecoledger.core.reference")
                .stream()
                .filter(type -> type.getSimpleName().endsWith("Command") && type.isRecord())
                .map(JavaClass::reflect)
                .collect(Collectors.toSet());
        assertThat(all).hasSize(26);
        assertThat(sampled).containsExactlyInAnyOrderElementsOf(all);
        for (Class<?> type : all) {
            assertThat(type.getAnnotation(Revision.class)).as(type.getSimpleName()).isNotNull();
            assertThat(type.getAnnotation(Revision.class).value()).isEqualTo("1");
        }
    }
}
