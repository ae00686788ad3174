package org.ecoledger.api.http.entries;

import java.util.List;

import org.ecoledger.core.record.EntryType;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One example body per entry type, telling one story in order: a city party secretary appointed in January 2018,
 * with meetings, inspections, a summons, an assessment, a one-veto, an accountability case, a lifetime case, a
 * departure audit, a correction, and the departure. Appended in {@link #STORY} order to a record registered before
 * 2018 in a city {@link #CITY} that existed then, every example is accepted. The OpenAPI description shows them and
 * the end-to-end test appends them.
 */
public final class EntryExamples {

    /** The city of the story. */
    public static final String CITY = "130300000000";
    /** The post of the story. */
    public static final String POST = "qhd-city-party-secretary";
    /** The sequence of the meeting that the story's correction corrects. */
    public static final int CORRECTED_SEQUENCE = 3;

    /** An example: the entry's type and its body. */
    public record Example(EntryType type, ObjectNode body) {
        public Example {
            body = body.deepCopy();
        }

        @Override
        public ObjectNode body() {
            return body.deepCopy();
        }
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Every entry type once, in an order the record accepts (sequences 1, 2, … after the registration). */
    public static final List<Example> STORY = List.of(
            e(example(EntryType.APPOINTED, "2018-01-02", "秦组干〔2018〕1号")
                    .put("postId", POST).put("jurisdictionCode", CITY).put("role", "PARTY_SECRETARY")
                    .put("responsibilityKind", "OVERALL")),
            list(example(EntryType.RESPONSIBILITY_LETTER_SIGNED, "2018-01-10", null)
                         .put("year", 2018).put("letterId", "qhd-2018-letter-01"), "keyTasks",
                 "PM2.5 年均浓度下降 5%", "完成入海河流整治"),
            list(example(EntryType.MEETING_HELD, "2018-02-05", "市委常委会纪要〔2018〕3号")
                         .put("postId", POST).put("body", "STANDING_COMMITTEE"), "topics",
                 "研究大气污染防治", "部署中央环保督察整改"),
            e(example(EntryType.INSPECTION_LED, "2018-03-01", null)
                    .put("postId", POST).put("location", "戴河入海口").put("findings", "两处排污口未封堵")),
            e(example(EntryType.GRASSROOTS_DAYS_REPORTED, "2018-04-02", null)
                    .put("postId", POST).put("periodStart", "2018-01-02").put("periodEnd", "2018-03-31")
                    .put("days", 20).put("workingDays", 60)),
            e(example(EntryType.SUMMONED, "2018-04-10", "秦环委约〔2018〕2号")
                    .put("by", "省生态环境保护委员会").put("reason", "空气质量排名靠后")
                    .put("rectificationDeadline", "2018-06-30")),
            e(example(EntryType.SUPERVISION_LISTED, "2018-04-15", null)
                    .put("problemId", "qhd-2018-p-01").put("jurisdictionCode", CITY)
                    .put("description", "石河流域垃圾堆放")),
            e(example(EntryType.ONE_VETO, "2018-12-20", "秦办〔2018〕88号")
                    .put("year", 2018).put("unit", "秦皇岛市").put("capacity", "PRINCIPAL")
                    .put("reason", "发生较大环境污染事件")),
            list(example(EntryType.ANNUAL_ASSESSMENT, "2019-01-20", null)
                         .put("year", 2018).put("grade", "QUALIFIED"), "conditions", 4),
            e(example(EntryType.ACCOUNTABILITY_REFERRED, "2019-02-01", null)
                    .put("caseId", "qhd-jw-2019-017").put("reason", "整改不力").put("referredTo", "市纪委监委")),
            e(example(EntryType.ACCOUNTABILITY_DECIDED, "2019-03-01", "秦纪〔2019〕5号")
                    .put("caseId", "qhd-jw-2019-017").put("outcome", "ADMONISHING_TALK")),
            e(example(EntryType.LIFETIME_ACCOUNTABILITY_OPENED, "2019-03-15", null)
                    .put("caseId", "qhd-jw-2019-018").put("postId", POST).put("damageOccurredOn", "2018-06-15")
                    .put("description", "矿山生态破坏")),
            list(example(EntryType.DEPARTURE_AUDIT_COMPLETED, "2019-04-01", "秦审〔2019〕12号")
                         .put("postId", POST).put("conclusion", "基本履行自然资源资产管理和生态环境保护责任"),
                 "findings", "矿山修复滞后"),
            correction(),
            e(example(EntryType.LEFT_POST, "2019-04-30", "秦组干〔2019〕9号")
                    .put("postId", POST).put("reason", "PROMOTION")));

    private EntryExamples() {
    }

    /** The story's example of {@code type}. */
    public static Example of(EntryType type) {
        return STORY.stream().filter(example -> example.type() == type).findFirst().orElseThrow();
    }

    private static ObjectNode example(EntryType type, String occurredOn, String sourceDocument) {
        ObjectNode body = JSON.objectNode().put("type", type.name()).put("occurredOn", occurredOn);
        if (sourceDocument != null) {
            body.put("sourceDocument", sourceDocument);
        }
        return body;
    }

    private static Example list(ObjectNode body, String field, Object... items) {
        var array = body.putArray(field);
        for (Object item : items) {
            if (item instanceof Integer number) {
                array.add(number);
            } else {
                array.add((String) item);
            }
        }
        return new Example(EntryType.valueOf(body.get("type").asText()), body);
    }

    private static Example e(ObjectNode body) {
        return new Example(EntryType.valueOf(body.get("type").asText()), body);
    }

    private static Example correction() {
        ObjectNode replacement = JSON.objectNode().put("postId", POST).put("body", "STANDING_COMMITTEE")
                                     .put("occurredOn", "2018-02-06");
        replacement.putArray("topics").add("研究大气污染防治").add("部署中央环保督察整改");
        ObjectNode body = example(EntryType.CORRECTION, "2018-02-20", null)
                .put("correctsSequence", CORRECTED_SEQUENCE).put("reason", "会议日期录入错误")
                .put("approvedBy", "市生态环境保护委员会办公室主任");
        body.set("replacement", replacement);
        return new Example(EntryType.CORRECTION, body);
    }
}
