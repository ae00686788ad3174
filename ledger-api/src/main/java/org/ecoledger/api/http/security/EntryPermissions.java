package org.ecoledger.api.http.security;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.ecoledger.core.record.EntryType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * 录入权限 (who may append which entry), API.md: ORGANIZATION appends ANNUAL_ASSESSMENT and ONE_VETO; DISCIPLINE
 * appends ACCOUNTABILITY_REFERRED, ACCOUNTABILITY_DECIDED and LIFETIME_ACCOUNTABILITY_OPENED; RECORDER every other
 * type. A CORRECTION may be appended by whoever may append the corrected entry's type (an organization department
 * corrects its assessment, discipline inspection its decision).
 */
public final class EntryPermissions {

    private static final Map<EntryType, Set<LedgerRole>> APPENDERS = new EnumMap<>(EntryType.class);

    static {
        for (EntryType type : EntryType.values()) {
            APPENDERS.put(type, EnumSet.of(LedgerRole.RECORDER));
        }
        APPENDERS.put(EntryType.ANNUAL_ASSESSMENT, EnumSet.of(LedgerRole.ORGANIZATION));
        APPENDERS.put(EntryType.ONE_VETO, EnumSet.of(LedgerRole.ORGANIZATION));
        APPENDERS.put(EntryType.ACCOUNTABILITY_REFERRED, EnumSet.of(LedgerRole.DISCIPLINE));
        APPENDERS.put(EntryType.ACCOUNTABILITY_DECIDED, EnumSet.of(LedgerRole.DISCIPLINE));
        APPENDERS.put(EntryType.LIFETIME_ACCOUNTABILITY_OPENED, EnumSet.of(LedgerRole.DISCIPLINE));
        APPENDERS.put(EntryType.CORRECTION, EnumSet.of(LedgerRole.RECORDER, LedgerRole.ORGANIZATION,
                                                       LedgerRole.DISCIPLINE));
    }

    private EntryPermissions() {
    }

    /**
     * The roles that may append an entry of {@code type}; for a CORRECTION, those of {@code correctedType} (all
     * appending roles when the corrected entry is not known: the record then refuses the correction itself).
     */
    public static Set<LedgerRole> appenders(EntryType type, EntryType correctedType) {
        if (type == EntryType.CORRECTION && correctedType != null && correctedType != EntryType.CORRECTION) {
            return Set.copyOf(APPENDERS.get(correctedType));
        }
        return Set.copyOf(APPENDERS.get(type));
    }

    /** The roles that may append an entry of {@code type} (not a correction). */
    public static Set<LedgerRole> appenders(EntryType type) {
        return appenders(type, null);
    }

    /** The roles that may register an official (open a record), as {@code POST /api/v1/officials} in {@link ApiAccessRules}. */
    public static final Set<LedgerRole> REGISTRARS = Set.copyOf(EnumSet.of(LedgerRole.RECORDER, LedgerRole.ORGANIZATION));

    /** Whether any of {@code roles} may append an entry of {@code type} (see {@link #appenders(EntryType, EntryType)}). */
    public static boolean mayAppend(Set<LedgerRole> roles, EntryType type, EntryType correctedType) {
        return appenders(type, correctedType).stream().anyMatch(roles::contains);
    }

    /** The caller's ledger roles. */
    public static Set<LedgerRole> roles(Authentication caller) {
        Set<LedgerRole> roles = EnumSet.noneOf(LedgerRole.class);
        if (caller != null) {
            for (GrantedAuthority authority : caller.getAuthorities()) {
                for (LedgerRole role : LedgerRole.values()) {
                    if (role.authority().equals(authority.getAuthority())) {
                        roles.add(role);
                    }
                }
            }
        }
        return roles;
    }

    /**
     * @throws AccessDeniedException (403) when none of the caller's roles may append it
     */
    public static void requireMayAppend(Authentication caller, EntryType type, EntryType correctedType) {
        Set<LedgerRole> allowed = appenders(type, correctedType);
        boolean may = caller != null && caller.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                                               .anyMatch(authority -> allowed.stream().anyMatch(
                                                       role -> role.authority().equals(authority)));
        if (!may) {
            String what = type == EntryType.CORRECTION && correctedType != null
                    ? "a CORRECTION of " + correctedType : "an entry of type " + type;
            throw new AccessDeniedException("Only " + allowed.stream().sorted().map(LedgerRole::name)
                                                             .collect(Collectors.joining(" or "))
                                                    + " may append " + what);
        }
    }
}
