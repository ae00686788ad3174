package org.ecoledger.core.record;

import static org.ecoledger.core.record.RecordFixtures.EARLIER;
import static org.ecoledger.core.record.RecordFixtures.OFFICIAL;
import static org.ecoledger.core.record.RecordFixtures.OTHER_POST;
import static org.ecoledger.core.record.RecordFixtures.POST;
import static org.ecoledger.core.record.RecordFixtures.appointed;
import static org.ecoledger.core.record.RecordFixtures.history;
import static org.ecoledger.core.record.RecordFixtures.left;
import static org.ecoledger.core.reference.ReferenceFixtures.CITY;
import static org.ecoledger.core.reference.ReferenceFixtures.COUNTY;
import static org.ecoledger.core.rules.RefusalMatchers.violates;
import static org.ecoledger.core.rules.TestCalendars.NOW;
import static org.ecoledger.core.rules.TestCalendars.RECORDER;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.testing.AggregateFixtures;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class OfficialRecordAccountabilityTest {

    private static final AccountabilityCaseId CASE = AccountabilityCaseId.of("qhd-jw-2019-017");
    private static final LocalDate REFERRED_ON = LocalDate.of(2019, 3, 1);
    /** County head 2010–2014, promoted to the city, retired 2018. */
    private static final LocalDate COUNTY_FROM = LocalDate.of(2010, 3, 1);
    private static final LocalDate COUNTY_TO = LocalDate.of(2014, 6, 30);

    private final FixtureConfiguration<OfficialRecord> fixture = AggregateFixtures.fixture(OfficialRecord.class);

    private static AccountabilityReferredEvent referred(AccountabilityCaseId caseId, LocalDate on) {
        return new AccountabilityReferredEvent(OFFICIAL, caseId, "挂牌督办问题整改不力", "市纪委监委", on, null, RECORDER,
                EARLIER);
    }

    private static Object[] careerEndingInRetirement() {
        return history(
                appointed(POST, COUNTY, Role.GOVERNMENT_HEAD, COUNTY_FROM),
                left(POST, COUNTY_TO, LeavingReason.PROMOTION),
                appointed(OTHER_POST, CITY, Role.DEPUTY_IN_CHARGE, COUNTY_TO.plusDays(1)),
                left(OTHER_POST, LocalDate.of(2018, 12, 31), LeavingReason.RETIREMENT));
    }

    @Nested
    class ReferAccountability {

        @Test
        void referAccountability_isRecorded() {
            fixture.given(history())
                    .when(new ReferAccountabilityCommand(OFFICIAL, CASE, "挂牌督办问题整改不力", "市纪委监委", REFERRED_ON,
                            null, RECORDER))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountabilityReferredEvent(OFFICIAL, CASE, "挂牌督办问题整改不力", "市纪委监委",
                            REFERRED_ON, null, RECORDER, NOW));
        }

        @Test
        @DisplayName("003 Art. 20: a case may go to both 纪检监察 and 组织人事")
        void referAccountability_aSecondTimeToAnotherBody_isRecorded() {
            fixture.given(history(referred(CASE, REFERRED_ON)))
                    .when(new ReferAccountabilityCommand(OFFICIAL, CASE, "同上", "市委组织部", REFERRED_ON, null,
                            RECORDER))
                    .expectSuccessfulHandlerExecution();
        }
    }

    @Nested
    class DecideAccountability {

        private DecideAccountabilityCommand decide(AccountabilityCaseId caseId, LocalDate on) {
            return new DecideAccountabilityCommand(OFFICIAL, caseId, AccountabilityOutcome.ADMONISHING_TALK, on,
                    "秦纪〔2019〕9号", RECORDER);
        }

        @Test
        void decideAccountability_afterReferral_isRecorded() {
            LocalDate on = LocalDate.of(2019, 5, 1);
            fixture.given(history(referred(CASE, REFERRED_ON)))
                    .when(decide(CASE, on))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new AccountabilityDecidedEvent(OFFICIAL, CASE, AccountabilityOutcome.ADMONISHING_TALK,
                            on, "秦纪〔2019〕9号", RECORDER, NOW));
        }

        @Test
        void accountabilityDecided_withoutReferral_isRefused() {
            fixture.given(history())
                    .when(decide(CASE, LocalDate.of(2019, 5, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ACCOUNTABILITY_NOT_REFERRED, "caseId"));
        }

        @Test
        void accountabilityDecided_whenOnlyAnotherCaseWasReferred_isRefused() {
            fixture.given(history(referred(AccountabilityCaseId.of("other"), REFERRED_ON)))
                    .when(decide(CASE, LocalDate.of(2019, 5, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ACCOUNTABILITY_NOT_REFERRED, "caseId"));
        }

        @Test
        void accountabilityDecided_beforeTheReferralDate_isRefused() {
            fixture.given(history(referred(CASE, REFERRED_ON)))
                    .when(decide(CASE, REFERRED_ON.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ACCOUNTABILITY_NOT_REFERRED, "caseId"));
        }

        @Test
        void accountabilityDecided_aSecondTime_isRefused() {
            fixture.given(history(referred(CASE, REFERRED_ON),
                            new AccountabilityDecidedEvent(OFFICIAL, CASE, AccountabilityOutcome.CIRCULATED_CRITICISM,
                                    LocalDate.of(2019, 4, 1), null, RECORDER, EARLIER)))
                    .when(decide(CASE, LocalDate.of(2019, 5, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.ACCOUNTABILITY_ALREADY_DECIDED, "caseId"));
        }
    }

    @Nested
    class OpenLifetimeAccountability {

        private static final LocalDate OPENED_ON = LocalDate.of(2019, 6, 1);

        private OpenLifetimeAccountabilityCommand open(PostId post, LocalDate damageOn) {
            return new OpenLifetimeAccountabilityCommand(OFFICIAL, CASE, post, damageOn, "非法填埋造成土壤污染", OPENED_ON,
                    null, RECORDER);
        }

        @Test
        @DisplayName("终身追责: opened years after the official was promoted and then retired")
        void openLifetimeAccountability_afterPromotionAndRetirement_isRecorded() {
            LocalDate damage = LocalDate.of(2012, 8, 15);
            fixture.given(careerEndingInRetirement())
                    .when(open(POST, damage))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new LifetimeAccountabilityOpenedEvent(OFFICIAL, CASE, POST, damage,
                            "非法填埋造成土壤污染", OPENED_ON, null, RECORDER, NOW));
        }

        @Test
        void openLifetimeAccountability_onTheLastDayOfTheTenure_isRecorded() {
            fixture.given(careerEndingInRetirement())
                    .when(open(POST, COUNTY_TO))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void lifetimeAccountability_forAPostNeverHeld_isRefused() {
            fixture.given(careerEndingInRetirement())
                    .when(open(PostId.of("never-held"), LocalDate.of(2012, 8, 15)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.LIFETIME_POST_NEVER_HELD, "postId"));
        }

        @Test
        void lifetimeAccountability_forDamageBeforeTheTenure_isRefused() {
            fixture.given(careerEndingInRetirement())
                    .when(open(POST, COUNTY_FROM.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.LIFETIME_DAMAGE_OUTSIDE_TENURE, "damageOccurredOn"));
        }

        @Test
        void lifetimeAccountability_forDamageAfterLeavingThePost_isRefused() {
            fixture.given(careerEndingInRetirement())
                    .when(open(POST, COUNTY_TO.plusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.LIFETIME_DAMAGE_OUTSIDE_TENURE, "damageOccurredOn"));
        }

        @Test
        void lifetimeAccountability_forDamageAfterTheOpening_isRefused() {
            fixture.given(history(appointed(POST, COUNTY, Role.GOVERNMENT_HEAD, COUNTY_FROM)))
                    .when(open(POST, OPENED_ON.plusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.LIFETIME_DAMAGE_AFTER_OPENING, "damageOccurredOn"));
        }

        @Test
        void lifetimeAccountability_forDamageBefore1949_isRefused() {
            fixture.given(careerEndingInRetirement())
                    .when(open(POST, LocalDate.of(1949, 1, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DATE_BEFORE_LEDGER_EPOCH, "damageOccurredOn"));
        }
    }

    @Nested
    class CompleteDepartureAudit {

        private CompleteDepartureAuditCommand audit(PostId post, LocalDate on) {
            return new CompleteDepartureAuditCommand(OFFICIAL, post, "基本履行自然资源资产管理和生态环境保护责任",
                    List.of("矿山修复滞后"), on, "秦审〔2014〕20号", RECORDER);
        }

        @Test
        void completeDepartureAudit_afterLeaving_isRecorded() {
            LocalDate on = LocalDate.of(2014, 9, 1);
            fixture.given(careerEndingInRetirement())
                    .when(audit(POST, on))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(new DepartureAuditCompletedEvent(OFFICIAL, POST,
                            "基本履行自然资源资产管理和生态环境保护责任", List.of("矿山修复滞后"), on, "秦审〔2014〕20号",
                            RECORDER, NOW));
        }

        @Test
        @DisplayName("decision: an audit may be completed while the official is still in post")
        void completeDepartureAudit_whileStillInPost_isRecorded() {
            fixture.given(history(appointed(POST, COUNTY, Role.GOVERNMENT_HEAD, COUNTY_FROM)))
                    .when(audit(POST, LocalDate.of(2014, 6, 20)))
                    .expectSuccessfulHandlerExecution();
        }

        @Test
        void departureAudit_forAPostNeverHeld_isRefused() {
            fixture.given(careerEndingInRetirement())
                    .when(audit(PostId.of("never-held"), LocalDate.of(2014, 9, 1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DEPARTURE_AUDIT_POST_NEVER_HELD, "postId"));
        }

        @Test
        void departureAudit_datedBeforeTheAppointment_isRefused() {
            fixture.given(careerEndingInRetirement())
                    .when(audit(POST, COUNTY_FROM.minusDays(1)))
                    .expectNoEvents()
                    .expectException(violates(LedgerRule.DEPARTURE_AUDIT_POST_NEVER_HELD, "postId"));
        }
    }
}
