package org.ecoledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.ecoledger.core.casefile.AssignCaseCommand;
import org.ecoledger.core.casefile.CaseKind;
import org.ecoledger.core.casefile.CaseStatus;
import org.ecoledger.core.casefile.TransitionCaseCommand;
import org.ecoledger.core.record.AppointOfficialCommand;
import org.ecoledger.core.record.RecordCommand;
import org.ecoledger.core.record.RecordLedInspectionCommand;
import org.ecoledger.core.record.RecordMeetingCommand;
import org.ecoledger.core.record.RegisterOfficialCommand;
import org.ecoledger.core.record.ReportGrassrootsDaysCommand;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.reference.RegisterDepartmentCommand;
import org.ecoledger.core.reference.RegisterJurisdictionCommand;
import org.ecoledger.core.rules.ruleset.RuleSets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The demo city as generated, before any of it is written: deterministic, of the promised size and shape. */
class DemoCityGeneratorTest {

    static final RuleSets RULES = RuleSets.defaults(new ObjectMapper().findAndRegisterModules());
    static final DemoCitySize SMALL = new DemoCitySize(1, 2, 2, DemoCitySize.DEFAULT_SEED);
    /**
     * The small city's digest. It changes only when the generator (or a command's fields) changes on purpose: then
     * update it. A change without such a reason means the city depends on something else than its seed (a hash
     * order, a clock, the JVM).
     */
    static final String SMALL_DIGEST = "78691a122d08472d3f98c6e1625bbf6d660e1d90e203f4296d7f7fe3415ffe3f";

    static DemoCity city;

    @BeforeAll
    static void generate() {
        city = DemoCityGenerator.generate(DemoCitySize.DEFAULT, RULES);
    }

    static <T> List<T> commands(Class<T> type) {
        return city.writes().stream().flatMap(w -> w.commands().stream()).filter(type::isInstance).map(type::cast)
                   .toList();
    }

    @Test
    void theSameSeedAndSizes_giveTheSameCommands_anotherSeedAnotherCity() {
        DemoCity again = DemoCityGenerator.generate(DemoCitySize.DEFAULT, RULES);
        assertThat(again.digest()).isEqualTo(city.digest());
        assertThat(again.writes()).isEqualTo(city.writes());
        DemoCity small = DemoCityGenerator.generate(SMALL, RULES);
        assertThat(small.digest()).isEqualTo(SMALL_DIGEST);
        assertThat(DemoCityGenerator.generate(new DemoCitySize(1, 2, 2, 7), RULES).digest())
                .isNotEqualTo(small.digest());
    }

    @Test
    void theScenarioOfficials_keepTheirIdsWhateverTheSizes() {
        DemoCity small = DemoCityGenerator.generate(SMALL, RULES);
        for (DemoScenario scenario : city.scenarios()) {
            if (!scenario.code().equals("INSPECTION_CASES")) {
                assertThat(small.scenario(scenario.code()).orElseThrow().officialId()).as(scenario.code())
                                                                                     .isEqualTo(scenario.officialId());
            }
        }
    }

    @Test
    @DisplayName("the default city: 6 counties, 60 townships, 600 villages, about 3,000 officials")
    void theDefaultCity_hasThePromisedSize() {
        Map<JurisdictionLevel, Long> places = commands(RegisterJurisdictionCommand.class).stream()
                .collect(Collectors.groupingBy(RegisterJurisdictionCommand::level, Collectors.counting()));
        assertThat(places).containsExactlyInAnyOrderEntriesOf(Map.of(JurisdictionLevel.CITY, 1L,
                JurisdictionLevel.COUNTY, 6L, JurisdictionLevel.TOWNSHIP, 60L, JurisdictionLevel.VILLAGE, 600L));
        assertThat(commands(RegisterDepartmentCommand.class)).hasSize(16 + 6 * 12 + 60);
        assertThat(city.counts().officials()).isBetween(2_600, 3_300)
                                             .isEqualTo(commands(RegisterOfficialCommand.class).size());
        assertThat(city.counts().commands()).isBetween(40_000L, 60_000L);
        assertThat(city.scenarios()).extracting(DemoScenario::code)
                                    .contains("ONE_VETO", "TWO_UNQUALIFIED_YEARS", "PROMOTED_COUNTY_SECRETARY",
                                            "RETIRED_TOWNSHIP_HEAD", "CORRECTION", "INCIDENT_TRACING",
                                            "OPEN_ACCOUNTABILITY_CASE", "DUTY_MINIMUM_MISSED", "INSPECTION_CASES");
    }

    @Test
    @DisplayName("002: 881 petitions assigned and 873 closed, scaled to a tenth: 88 and 87")
    void inspectionCases_areAssignedAndClosedAtTheSeedsProportion() {
        Set<String> petitions = commands(AssignCaseCommand.class).stream()
                .filter(c -> c.kind() == CaseKind.PETITION).map(c -> c.caseId().value()).collect(Collectors.toSet());
        long closed = commands(TransitionCaseCommand.class).stream()
                .filter(t -> t.status() == CaseStatus.CLOSED && petitions.contains(t.caseId().value())).count();
        assertThat(petitions).hasSize(88);
        assertThat(closed).isEqualTo(87);
        assertThat(commands(AssignCaseCommand.class)).filteredOn(c -> c.kind() == CaseKind.FEEDBACK_ISSUE)
                                                     .hasSize(3);
    }

    @Test
    void everyDate_liesIn2016To2019_butTheAppointmentsOfThoseInPostWhenTheLedgerOpened() {
        LocalDate first = LocalDate.of(2016, 1, 1);
        LocalDate last = LocalDate.of(2019, 12, 31);
        Predicate<LocalDate> inRange = d -> !d.isBefore(first) && !d.isAfter(last);
        for (RecordCommand command : commands(RecordCommand.class)) {
            if (command instanceof AppointOfficialCommand appointed) {
                assertThat(appointed.occurredOn()).isAfterOrEqualTo(LocalDate.of(2011, 1, 1)).isBeforeOrEqualTo(last);
            } else {
                assertThat(command.occurredOn()).as("%s", command).matches(inRange);
            }
        }
        commands(AssignCaseCommand.class).forEach(c -> assertThat(c.assignedOn()).matches(inRange));
        commands(TransitionCaseCommand.class).forEach(c -> assertThat(c.on()).matches(inRange));
    }

    @Test
    void names_arePlausibleChineseNames_mostlyDistinct() {
        List<String> names = commands(RegisterOfficialCommand.class).stream().map(RegisterOfficialCommand::name)
                                                                      .toList();
        assertThat(names).allMatch(name -> name.matches("\\p{IsHan}{2,3}"));
        assertThat(new HashSet<>(names).size()).isGreaterThan(names.size() * 95 / 100);
        assertThat(commands(RegisterOfficialCommand.class)).allMatch(c -> c.recordedBy().equals("demo"));
    }

    @Test
    void codes_haveTheShapeOfStatisticalDivisionCodes_underTheFictionalPrefix() {
        for (RegisterJurisdictionCommand place : commands(RegisterJurisdictionCommand.class)) {
            String code = place.code().value();
            assertThat(code).matches("1399\\d{8}");
            if (place.parentCode() != null) {
                String parent = place.parentCode().value();
                int kept = switch (place.level()) {
                    case COUNTY -> 4;
                    case TOWNSHIP -> 6;
                    default -> 9;
                };
                assertThat(code.substring(0, kept)).as(code).isEqualTo(parent.substring(0, kept));
            }
        }
        assertThat(commands(RegisterJurisdictionCommand.class)).filteredOn(p -> p.level() == JurisdictionLevel.CITY)
                .singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("示例市"));
    }

    @Test
    @DisplayName("duties at the rule set's rates: a township's principals hold a joint meeting and lead an inspection "
                 + "most months, department leaders report their grassroots days every quarter")
    void theEntries_comeAtTheRatesOfTheRuleSet() {
        long townshipPrincipalPosts = commands(AppointOfficialCommand.class).stream()
                .filter(a -> a.jurisdictionCode() != null && a.jurisdictionCode().value().endsWith("000")
                             && !a.jurisdictionCode().value().endsWith("000000")
                             && (a.role() == Role.PARTY_SECRETARY || a.role() == Role.GOVERNMENT_HEAD))
                .map(AppointOfficialCommand::postId).distinct().count();
        assertThat(townshipPrincipalPosts).isEqualTo(120);
        long jointMeetings = commands(RecordMeetingCommand.class).stream()
                .filter(m -> m.body() == org.ecoledger.core.record.MeetingBody.JOINT_MEETING).count();
        // 120 posts × 48 months, less the lapses and the months of a handover
        assertThat(jointMeetings).isBetween(120L * 48 * 80 / 100, 120L * 48 * 110 / 100);
        assertThat(commands(RecordLedInspectionCommand.class)).hasSizeGreaterThan(120 * 48 * 80 / 100);
        assertThat(commands(ReportGrassrootsDaysCommand.class)).allSatisfy(report -> {
            assertThat(report.days()).isBetween(0, report.workingDays());
            assertThat(report.periodEnd()).isBeforeOrEqualTo(report.occurredOn());
        });
        long metShare = commands(ReportGrassrootsDaysCommand.class).stream()
                .filter(r -> r.days() * 3 >= r.workingDays()).count();
        assertThat(metShare).isGreaterThan(commands(ReportGrassrootsDaysCommand.class).size() * 85L / 100);
    }

    @Test
    void sizes_outsideTheirBounds_areRefused() {
        assertThatThrownBy(() -> new DemoCitySize(0, 10, 10, 1)).hasMessageContaining("counties");
        assertThatThrownBy(() -> new DemoCitySize(1, 1, 10, 1)).hasMessageContaining("townships");
        assertThatThrownBy(() -> new DemoCitySize(1, 2, 100, 1)).hasMessageContaining("villages");
    }
}
