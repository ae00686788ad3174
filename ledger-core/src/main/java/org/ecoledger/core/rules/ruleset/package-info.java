/**
 * 规则集 (rule sets as data): the versioned duties and consequences a city's regulation sets, as plain records read
 * from JSON ({@code rulesets/QHD-2018.json} is the default, from 003 Arts 10–12, 17, 18, with 000, 001, 002 and 004).
 * Unlike {@code rules}, which depends on no domain package, this package names the domain's vocabulary (roles,
 * responsibility kinds, meeting bodies, levels, grades) so that a rule set is checked as it is read. See
 * {@code docs/rule-sets.md}.
 */
package org.ecoledger.core.rules.ruleset;
