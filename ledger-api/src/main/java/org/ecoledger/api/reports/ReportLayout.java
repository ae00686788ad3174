package org.ecoledger.api.reports;

import java.util.Arrays;
import java.util.Optional;

/** 报告版式 (the layouts of a dossier report), chosen by {@code ?layout=}. */
public enum ReportLayout {
    /** 离任审计: the tenures post by post, duties required and done, cases, audits, accountability. */
    DEPARTURE_AUDIT("departure-audit", "离任审计", "Departure audit"),
    /** 提拔考察: the promotion review on a date, its flags with their evidence, assessments and sanctions. */
    PROMOTION_REVIEW("promotion-review", "提拔考察", "Promotion review");

    private final String parameter;
    private final String chinese;
    private final String english;

    ReportLayout(String parameter, String chinese, String english) {
        this.parameter = parameter;
        this.chinese = chinese;
        this.english = english;
    }

    public String parameter() {
        return parameter;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }

    public static Optional<ReportLayout> of(String parameter) {
        return Arrays.stream(values()).filter(layout -> layout.parameter.equals(parameter)).findFirst();
    }
}
