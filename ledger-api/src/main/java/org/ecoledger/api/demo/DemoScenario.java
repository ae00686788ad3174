package org.ecoledger.api.demo;

/**
 * One of the demo city's named scenarios: a story the read views should tell, the official it is about and where to
 * look.
 *
 * @param code        a stable name (e.g. {@code ONE_VETO})
 * @param officialId  the official the story is about
 * @param description the story, in Chinese and English
 * @param look        the path (under {@code /api/v1}) that shows it, e.g. a promotion review on a date
 */
public record DemoScenario(String code, String officialId, String description, String look) {
}
