package org.ecoledger.core.rules.ruleset;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * 规则集 (a versioned rule set): the duties a city's regulation demands of its posts and the consequences of
 * assessments and one-vetoes, in force from {@code effectiveFrom} until a later version (of any id) takes effect.
 * Rules are data: another city brings its own set, a revised regulation a new version. Plain Jackson-serializable
 * records; integers only (the ledger's JSON refuses fractional numbers).
 *
 * @param id                e.g. {@code QHD-2018}
 * @param version           1, 2, …
 * @param effectiveFrom     the first day it is in force (ledger zone)
 * @param partialPeriodRule how a tenure starting or ending inside a period counts
 */
public record RuleSet(String id, int version, LocalDate effectiveFrom, String description, List<DutyRule> duties,
                      PartialPeriodRule partialPeriodRule, Consequences consequences) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public RuleSet {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("a rule set id is 1 to 64 letters, digits, '.', '_' or '-', was " + id);
        }
        if (version < 1) {
            throw new IllegalArgumentException("a rule set version starts at 1, was " + version);
        }
        if (effectiveFrom == null || partialPeriodRule == null || consequences == null) {
            throw new IllegalArgumentException("rule set " + id + ": effectiveFrom, partialPeriodRule and consequences "
                    + "are required");
        }
        duties = duties == null ? List.of() : List.copyOf(duties);
        Set<String> codes = new HashSet<>();
        for (DutyRule duty : duties) {
            if (!codes.add(duty.code())) {
                throw new IllegalArgumentException("rule set " + id + ": duty code " + duty.code() + " is used twice");
            }
        }
    }

    /** {@code id@version}, the name every judgement cites, e.g. {@code QHD-2018@1}. */
    public String reference() {
        return id + "@" + version;
    }

    public Optional<DutyRule> duty(String code) {
        return duties.stream().filter(duty -> duty.code().equals(code)).findFirst();
    }
}
