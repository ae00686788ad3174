package org.ecoledger.api.reports;

import java.util.Map;

/** Chinese labels of the codes a report shows (the glossary's terms, shared/DOMAIN.md). */
final class Labels {

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("PARTY_SECRETARY", "书记"), Map.entry("GOVERNMENT_HEAD", "政府主要负责人"),
            Map.entry("DEPUTY_IN_CHARGE", "分管领导"), Map.entry("OTHER_MEMBER", "班子其他成员"),
            Map.entry("DEPARTMENT_HEAD", "部门主要负责人"), Map.entry("DEPARTMENT_DEPUTY", "部门其他负责人"),
            Map.entry("VILLAGE_SECRETARY", "村党支部书记"), Map.entry("VILLAGE_DIRECTOR", "村委会主任"),
            Map.entry("OVERALL", "全面领导责任"), Map.entry("IN_CHARGE", "分管领导责任"), Map.entry("MAIN", "主要领导责任"),
            Map.entry("DIRECT", "直接领导责任"),
            Map.entry("MEETING", "研究生态环保工作的会议"), Map.entry("LED_INSPECTION", "带队检查调研"),
            Map.entry("DISPATCH_MEETING", "月分析调度会"), Map.entry("WRITTEN_REPORT", "书面报告"),
            Map.entry("GRASSROOTS_DAYS", "下基层天数"),
            Map.entry("MET", "达标"), Map.entry("MISSED", "未达标"), Map.entry("IN_PROGRESS", "进行中"),
            Map.entry("NOT_OWED", "不计"), Map.entry("NOT_RECORDABLE", "无法记录"),
            Map.entry("EXCELLENT", "优秀"), Map.entry("QUALIFIED", "合格"), Map.entry("UNQUALIFIED", "不合格"),
            Map.entry("PRINCIPAL", "主要领导"), Map.entry("DIRECTLY_RESPONSIBLE", "直接责任人"),
            Map.entry("ADMONISHING_TALK", "诫勉谈话"), Map.entry("CIRCULATED_CRITICISM", "通报批评"),
            Map.entry("PARTY_DISCIPLINE", "党纪处分"), Map.entry("POST_ADJUSTMENT", "调整岗位"),
            Map.entry("REMOVAL", "免职"), Map.entry("TRANSFER_TO_JUDICIAL_ORGANS", "移送司法"),
            Map.entry("TRANSFER", "调任"), Map.entry("PROMOTION", "提拔"), Map.entry("RETIREMENT", "退休"),
            Map.entry("OTHER", "其他"),
            Map.entry("CITY", "市"), Map.entry("COUNTY", "县（区）"), Map.entry("TOWNSHIP", "乡镇（街道）"),
            Map.entry("VILLAGE", "村（社区）"),
            Map.entry("ASSIGNED", "已交办"), Map.entry("RECTIFYING", "整改中"), Map.entry("RECTIFIED", "已整改"),
            Map.entry("CLOSED", "已销号"));

    private Labels() {
    }

    /** The Chinese label of a code, or the code itself when it has none. */
    static String of(Object code) {
        if (code == null) {
            return "";
        }
        String name = code instanceof Enum<?> e ? e.name() : code.toString();
        return LABELS.getOrDefault(name, name);
    }
}
