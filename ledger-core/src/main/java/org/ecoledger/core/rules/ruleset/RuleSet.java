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
            throw new InvalidRuleSetException("id", "a rule set id is 1 to 64 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit; was " + id);
        }
        if (version < 1) {
            throw new InvalidRuleSetException("version", "a rule set version starts at 1, was " + version);
        }
        if (effectiveFrom == null) {
            throw new InvalidRuleSetException("effectiveFrom", "is required: the first day the set is in force");
        }
        if (partialPeriodRule == null) {
            throw new InvalidRuleSetException("partialPeriodRule", "is required: one of "
                    + java.util.Arrays.toString(PartialPeriodRule.values()));
        }
        if (consequences == null) {
            throw new InvalidRuleSetException("consequences", "is required");
        }
        duties = duties == null ? List.of() : Applicability.noNulls(duties, "duties", "a duty");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < duties.size(); i++) {
            if (!codes.add(duties.get(i).code())) {
                throw new InvalidRuleSetException("duties[" + i + "].code", "duty code " + duties.get(i).code()
                        + " is used twice");
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
