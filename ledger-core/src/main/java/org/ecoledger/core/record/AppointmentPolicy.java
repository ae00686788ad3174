package org.ecoledger.core.record;

import static org.ecoledger.core.record.ResponsibilityKind.DIRECT;
import static org.ecoledger.core.record.ResponsibilityKind.IN_CHARGE;
import static org.ecoledger.core.record.ResponsibilityKind.MAIN;
import static org.ecoledger.core.record.ResponsibilityKind.OVERALL;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.ecoledger.core.reference.JurisdictionLevel;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 任职规则 (rules of an appointment), 003 Art. 4 and 001.
 *
 * <p>Responsibility by role (003 Art. 4): principals of a party committee or government — and, by 001, the village
 * secretary and director, who "对辖区环保工作负总责" — bear OVERALL responsibility; a department head MAIN; a
 * department deputy DIRECT; the deputy in charge IN_CHARGE. OTHER_MEMBER also bears IN_CHARGE: Art. 4 says "其他负责人
 * 对分管职责范围内的生态环境保护工作负分管领导责任" — every other leader answers, as in charge, for the eco-environment side of
 * their own portfolio (一岗双责).
 *
 * <p>Place by role: party and government roles serve at a city, county or township; village roles only at a village;
 * department roles only at a department (and a department is never at a village).
 */
final class AppointmentPolicy {

    /** Which kind of place a role serves at. */
    enum PlaceKind { PARTY_OR_GOVERNMENT, VILLAGE, DEPARTMENT }

    static final Map<Role, ResponsibilityKind> RESPONSIBILITY_OF_ROLE = new EnumMap<>(Map.of(
            Role.PARTY_SECRETARY, OVERALL,
            Role.GOVERNMENT_HEAD, OVERALL,
            Role.VILLAGE_SECRETARY, OVERALL,
            Role.VILLAGE_DIRECTOR, OVERALL,
            Role.DEPARTMENT_HEAD, MAIN,
            Role.DEPARTMENT_DEPUTY, DIRECT,
            Role.DEPUTY_IN_CHARGE, IN_CHARGE,
            Role.OTHER_MEMBER, IN_CHARGE));

    static final Map<Role, PlaceKind> PLACE_OF_ROLE = new EnumMap<>(Map.of(
            Role.PARTY_SECRETARY, PlaceKind.PARTY_OR_GOVERNMENT,
            Role.GOVERNMENT_HEAD, PlaceKind.PARTY_OR_GOVERNMENT,
            Role.DEPUTY_IN_CHARGE, PlaceKind.PARTY_OR_GOVERNMENT,
            Role.OTHER_MEMBER, PlaceKind.PARTY_OR_GOVERNMENT,
            Role.VILLAGE_SECRETARY, PlaceKind.VILLAGE,
            Role.VILLAGE_DIRECTOR, PlaceKind.VILLAGE,
            Role.DEPARTMENT_HEAD, PlaceKind.DEPARTMENT,
            Role.DEPARTMENT_DEPUTY, PlaceKind.DEPARTMENT));

    private AppointmentPolicy() {
    }

    /**
     * {@link LedgerRule#APPOINTMENT_POST_ALREADY_HELD}: a new tenure starting on {@code on} must not overlap a
     * tenure of the same post — none still open, none ending on or after that date.
     */
    static void requirePostFree(PostHistory posts, PostId postId, LocalDate on) {
        for (Tenure tenure : posts.of(postId)) {
            if (tenure.isOpen() || !tenure.leftOn().isBefore(on)) {
                throw new RuleViolationException(LedgerRule.APPOINTMENT_POST_ALREADY_HELD, "postId",
                        postId + " held from " + tenure.appointedOn()
                                + (tenure.isOpen() ? "" : " to " + tenure.leftOn()));
            }
        }
    }

    /** {@link LedgerRule#APPOINTMENT_KIND_DOES_NOT_FIT_ROLE}. */
    static void requireKindFitsRole(Role role, ResponsibilityKind kind) {
        ResponsibilityKind expected = RESPONSIBILITY_OF_ROLE.get(role);
        if (kind != expected) {
            throw new RuleViolationException(LedgerRule.APPOINTMENT_KIND_DOES_NOT_FIT_ROLE, "responsibilityKind",
                    role + " bears " + expected + ", not " + kind);
        }
    }

    /**
     * {@link LedgerRule#APPOINTMENT_ROLE_NEEDS_DEPARTMENT}, {@link LedgerRule#APPOINTMENT_ROLE_NEEDS_JURISDICTION},
     * {@link LedgerRule#APPOINTMENT_VILLAGE_ROLE_MISMATCH}.
     */
    static void requireRoleFitsPlace(Role role, Places.PostPlace place) {
        PlaceKind kind = PLACE_OF_ROLE.get(role);
        if (kind == PlaceKind.DEPARTMENT) {
            if (!place.department()) {
                throw new RuleViolationException(LedgerRule.APPOINTMENT_ROLE_NEEDS_DEPARTMENT, "departmentCode",
                        role + " needs a department");
            }
            return;
        }
        if (place.department()) {
            throw new RuleViolationException(LedgerRule.APPOINTMENT_ROLE_NEEDS_JURISDICTION, "jurisdictionCode",
                    role + " needs a jurisdiction");
        }
        boolean atVillage = place.level() == JurisdictionLevel.VILLAGE;
        if ((kind == PlaceKind.VILLAGE) != atVillage) {
            throw new RuleViolationException(LedgerRule.APPOINTMENT_VILLAGE_ROLE_MISMATCH, "role",
                    role + " at a " + place.level());
        }
    }
}
