package org.ecoledger.api.http.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles of API.md. Spring Security sees each as the authority {@code ROLE_<name>}.
 */
public enum LedgerRole {
    /** 记录员: the leading group's office and departments; appends the entries of an official's record. */
    RECORDER,
    /** 组织部门: appends annual assessments and one-vetoes; reads dossiers and promotion reviews. */
    ORGANIZATION,
    /** 纪检监察: appends accountability entries; reads everything, as of any date, and the access log. */
    DISCIPLINE,
    /** 审计: reads entries, verification, proofs and evidence. */
    AUDITOR,
    /** 管理员: manages jurisdictions, departments, rule sets and users. */
    ADMIN;

    /** The Spring Security authority, {@code ROLE_<name>}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** The role named {@code name}, case-insensitively, with or without the {@code ROLE_} prefix. */
    public static Optional<LedgerRole> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String plain = name.strip().toUpperCase(Locale.ROOT);
        String bare = plain.startsWith("ROLE_") ? plain.substring("ROLE_".length()) : plain;
        return Arrays.stream(values()).filter(role -> role.name().equals(bare)).findFirst();
    }
}
