package org.ecoledger.core.rules.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.ecoledger.core.record.MeetingBody;
import org.ecoledger.core.record.ResponsibilityKind;
import org.ecoledger.core.record.Role;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RuleSetsTest {

    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    static RuleSet qhd() {
        return RuleSets.defaults(MAPPER).inForce(LocalDate.of(2018, 1, 1)).orElseThrow();
    }

    @Nested
    class TheDefaultSet {

        @Test
        void isQhd2018Version1_inForceFrom2016() {
            RuleSet set = qhd();
            assertThat(set.reference()).isEqualTo("QHD-2018@1");
            assertThat(set.effectiveFrom()).isEqualTo(LocalDate.of(2016, 1, 1));
            assertThat(set.partialPeriodRule()).isEqualTo(PartialPeriodRule.WHOLE_PERIOD);
        }

        @Test
        void encodesArt10_meetings_quarterlyForCityAndCountyParty_monthlyForCountyGovernmentTownshipAndDepartments() {
            RuleSet set = qhd();
            assertThat(set.duty("ART10_COUNTY_STANDING_COMMITTEE").orElseThrow().period()).isEqualTo(DutyPeriod.QUARTER);
            assertThat(set.duty("ART10_COUNTY_GOVERNMENT_EXECUTIVE").orElseThrow().period()).isEqualTo(DutyPeriod.MONTH);
            assertThat(set.duty("ART10_TOWNSHIP_JOINT_MEETING").orElseThrow().bodies())
                    .containsExactly(MeetingBody.JOINT_MEETING);
            assertThat(set.duties()).filteredOn(d -> d.article().equals("003 Art. 10")).hasSize(6);
        }

        @Test
        void everyDutyNamesItsArticle_andGrassrootsDaysAreAShareOfOneThird() {
            RuleSet set = qhd();
            assertThat(set.duties()).allSatisfy(d -> assertThat(d.article()).isNotBlank());
            DutyRule grassroots = set.duty("GRASSROOTS_DEPARTMENT_LEADERSHIP").orElseThrow();
            assertThat(grassroots.minimum().share()).isEqualTo(new Share(1, 3));
            assertThat(grassroots.minimum().share().isMetBy(20, 60)).isTrue();
            assertThat(grassroots.minimum().share().isMetBy(19, 60)).isFalse();
        }

        @Test
        void appliesTo_matchesLevelRoleAndKind() {
            DutyRule art11 = qhd().duty("ART11_COUNTY_TOWNSHIP_PRINCIPALS").orElseThrow();
            assertThat(art11.appliesTo().matches(PostKind.JURISDICTION, JurisdictionLevel.COUNTY, Role.PARTY_SECRETARY,
                    ResponsibilityKind.OVERALL)).isTrue();
            assertThat(art11.appliesTo().matches(PostKind.JURISDICTION, JurisdictionLevel.CITY, Role.PARTY_SECRETARY,
                    ResponsibilityKind.OVERALL)).isFalse();
            assertThat(art11.appliesTo().matches(PostKind.JURISDICTION, JurisdictionLevel.COUNTY,
                    Role.DEPUTY_IN_CHARGE, ResponsibilityKind.IN_CHARGE)).isFalse();
        }

        @Test
        void theResourceHoldsNoFractionalNumber() throws Exception {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream("rulesets/QHD-2018.json")) {
                JsonNode tree = MAPPER.readTree(in);
                List<JsonNode> numbers = new ArrayList<>();
                collectNumbers(tree, numbers);
                assertThat(numbers).isNotEmpty().allMatch(JsonNode::isIntegralNumber);
            }
        }

        @Test
        void roundTripsThroughJson() throws Exception {
            RuleSet set = qhd();
            String json = MAPPER.writeValueAsString(set);
            assertThat(MAPPER.readValue(json, RuleSet.class)).isEqualTo(set);
            assertThat(json).doesNotContain("\"reference\"");
        }

        private void collectNumbers(JsonNode node, List<JsonNode> into) {
            if (node.isNumber()) {
                into.add(node);
            }
            node.forEach(child -> collectNumbers(child, into));
        }
    }

    @Nested
    class InForce {

        RuleSet version(int version, LocalDate from) {
            RuleSet base = qhd();
            return new RuleSet(base.id(), version, from, base.description(), base.duties(), base.partialPeriodRule(),
                    base.consequences());
        }

        @Test
        void isTheLatestEffectiveFromOnOrBeforeTheDate() {
            RuleSets sets = RuleSets.of(version(1, LocalDate.of(2016, 1, 1)), version(2, LocalDate.of(2020, 7, 1)));
            assertThat(sets.inForce(LocalDate.of(2020, 6, 30)).orElseThrow().version()).isEqualTo(1);
            assertThat(sets.inForce(LocalDate.of(2020, 7, 1)).orElseThrow().version()).isEqualTo(2);
            assertThat(sets.inForce(LocalDate.of(2015, 12, 31))).isEmpty();
        }

        @Test
        void addingAVersion_doesNotChangeTheAnswerForEarlierDates() {
            RuleSets before = RuleSets.of(version(1, LocalDate.of(2016, 1, 1)));
            RuleSets after = before.with(version(2, LocalDate.of(2019, 1, 1)));
            assertThat(after.inForce(LocalDate.of(2018, 12, 31))).isEqualTo(before.inForce(LocalDate.of(2018, 12, 31)));
        }

        @Test
        void theSameIdAndVersionTwice_isRefused() {
            RuleSets sets = RuleSets.of(version(1, LocalDate.of(2016, 1, 1)));
            assertThatThrownBy(() -> sets.with(version(1, LocalDate.of(2017, 1, 1))))
                    .hasMessageContaining("QHD-2018@1 exists already");
        }
    }

    @Nested
    class Validation {

        @Test
        void aMinimumIsACountOrAShare() {
            assertThatThrownBy(() -> new Minimum(1, new Share(1, 3))).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Minimum(0, null)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Share(1, 0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Share(4, 3)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void aMeetingDutyNamesItsBodies() {
            Applicability city = new Applicability(PostKind.JURISDICTION, List.of(JurisdictionLevel.CITY), null, null);
            assertThatThrownBy(() -> new DutyRule("X", Duty.MEETING, city, DutyPeriod.MONTH, Minimum.atLeast(1),
                    List.of(), "003 Art. 10", "")).hasMessageContaining("bodies");
        }

        @Test
        void aFractionalNumber_isRefusedWhenRead_ratherThanTruncated() {
            assertThat(refusal(qhdJson().replaceFirst("\"count\": 1", "\"count\": 1.5")))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("duties[0].minimum.count"))
                    .satisfies(e -> assertThat(e.reason()).startsWith("must be an integer"));
        }

        @Test
        void anInvalidRuleSet_isRefusedWithItsReason() {
            assertThat(refusal(qhdJson().replace("\"version\": 1", "\"version\": 0")))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("version"))
                    .satisfies(e -> assertThat(e.reason()).contains("version starts at 1"));
        }

        @Test
        void aProblemInsideADuty_namesItsPathInTheDocument() {
            String json = qhdJson();
            assertThat(refusal(json.replaceFirst("\"count\": 1", "\"count\": 0")))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("duties[0].minimum.count"))
                    .satisfies(e -> assertThat(e.reason()).contains("at least 1"));
            assertThat(refusal(json.replaceFirst("\"bodies\": \\[\"STANDING_COMMITTEE\"\\]", "\"bodies\": []")))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("duties[0].bodies"));
            assertThat(refusal(json.replaceFirst("\"levels\": \\[\"CITY\"\\]", "\"levels\": [\"CITY\", null]")))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("duties[0].appliesTo.levels[1]"));
            assertThat(refusal(json.replaceFirst("\"period\": \"QUARTER\"", "\"period\": \"WEEK\"")))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("duties[0].period"))
                    .satisfies(e -> assertThat(e.reason()).contains("MONTH, QUARTER, HALF_YEAR, YEAR"));
            assertThat(refusal(json.replaceFirst("\"description\": \"市委常委会", "\"descripton\": \"市委常委会")))
                    .as("a misspelt field is refused, not ignored")
                    .satisfies(e -> assertThat(e.field()).isEqualTo("duties[0].descripton"))
                    .satisfies(e -> assertThat(e.reason()).contains("not a field").contains("description"));
            assertThat(refusal(json.replaceFirst("\"minimum\": \\{\"count\": 1\\}", "\"minimun\": {\"count\": 1}")))
                    .as("a misspelt required field: the record misses it first")
                    .satisfies(e -> assertThat(e.field()).isEqualTo("duties[0].minimum"))
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("is required"));
            assertThat(refusal(json.replace("\"effectiveFrom\": \"2016-01-01\"", "\"effectiveFrom\": \"soon\"")))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("effectiveFrom"))
                    .satisfies(e -> assertThat(e.reason()).isEqualTo("must be a date, YYYY-MM-DD"));
            assertThat(refusal(json.replace("\"dutyQuartersReviewed\": 4", "\"dutyQuartersReviewed\": -1")))
                    .satisfies(e -> assertThat(e.field()).isEqualTo("consequences.dutyQuartersReviewed"));
            assertThat(refusal("[1]")).satisfies(e -> assertThat(e.field()).isEmpty());
        }

        @Test
        void aDutyCodeUsedTwice_isRefused() {
            String json = qhdJson().replace("\"ART10_CITY_GOVERNMENT_EXECUTIVE\"", "\"ART10_CITY_STANDING_COMMITTEE\"");
            assertThat(refusal(json)).satisfies(e -> assertThat(e.field()).isEqualTo("duties[1].code"));
        }

        static String qhdJson() {
            try (InputStream in = RuleSetsTest.class.getClassLoader().getResourceAsStream("rulesets/QHD-2018.json")) {
                return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        static InvalidRuleSetException refusal(String json) {
            try {
                RuleSets.fromTree(MAPPER, MAPPER.readTree(json));
            } catch (InvalidRuleSetException e) {
                return e;
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            throw new AssertionError("accepted: " + json);
        }
    }

    @Nested
    class Periods {

        @Test
        void startEndAndLabel() {
            LocalDate may = LocalDate.of(2018, 5, 17);
            assertThat(DutyPeriod.QUARTER.startOf(may)).isEqualTo(LocalDate.of(2018, 4, 1));
            assertThat(DutyPeriod.QUARTER.endOf(LocalDate.of(2018, 4, 1))).isEqualTo(LocalDate.of(2018, 6, 30));
            assertThat(DutyPeriod.QUARTER.label(LocalDate.of(2018, 4, 1))).isEqualTo("2018-Q2");
            assertThat(DutyPeriod.MONTH.label(DutyPeriod.MONTH.startOf(may))).isEqualTo("2018-05");
            assertThat(DutyPeriod.HALF_YEAR.label(DutyPeriod.HALF_YEAR.startOf(may))).isEqualTo("2018-H1");
            assertThat(DutyPeriod.YEAR.endOf(LocalDate.of(2018, 1, 1))).isEqualTo(LocalDate.of(2018, 12, 31));
        }
    }
}
