package org.ecoledger.core.record;

/**
 * 职务 (role of a post), 003 Art. 4 and 001. Which responsibility kind and which kind of place fit each role is
 * decided in {@link AppointmentPolicy}.
 */
public enum Role {
    /** 书记 — party secretary of a city, county or township (党委/党工委书记) */
    PARTY_SECRETARY,
    /** 市长、县长、乡镇长、街道办事处主任 — head of the government */
    GOVERNMENT_HEAD,
    /** 分管领导 — the leadership member in charge of eco-environment work */
    DEPUTY_IN_CHARGE,
    /** 班子其他成员 — another member of the party or government leadership */
    OTHER_MEMBER,
    /** 部门主要负责人 — head of a department */
    DEPARTMENT_HEAD,
    /** 部门其他负责人 — deputy head of a department */
    DEPARTMENT_DEPUTY,
    /** 村(社区)党支部书记 */
    VILLAGE_SECRETARY,
    /** 村委会(居委会)主任 */
    VILLAGE_DIRECTOR
}
