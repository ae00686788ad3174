package org.ecoledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The catalogue of refusals: each rule is described, documented in docs/rules.md, and exercised by a test. */
class LedgerRuleTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final String RULES_DOC = read(MODULE.resolveSibling("docs").resolve("rules.md"));
    private static final String TEST_SOURCES = readTree(MODULE.resolve("src/test/java"));

    @ParameterizedTest
    @EnumSource(LedgerRule.class)
    void rule_hasASourceAndAMessageInChineseAndEnglish(LedgerRule rule) {
        assertThat(rule.article()).isNotBlank();
        assertThat(rule.messageZh()).isNotBlank().matches(".*\\p{IsHan}.*");
        assertThat(rule.messageEn()).isNotBlank().matches("[\\p{ASCII}…→←–]*");
        assertThat(LedgerRule.byCode(rule.code())).contains(rule);
    }

    @ParameterizedTest
    @EnumSource(LedgerRule.class)
    void rule_isListedInDocsRules(LedgerRule rule) {
        assertThat(RULES_DOC).contains("`" + rule.code() + "`");
    }

    @ParameterizedTest
    @EnumSource(LedgerRule.class)
    void rule_isExpectedByAtLeastOneTest(LedgerRule rule) {
        assertThat(TEST_SOURCES).containsAnyOf("LedgerRule." + rule.code() + ",",
                "LedgerRule." + rule.code() + ")");
    }

    @Test
    void violation_carriesRuleFieldAndBothMessages() {
        RuleViolationException violation =
                new RuleViolationException(LedgerRule.POST_NOT_HELD_ON_DATE, "postId", "p-1 on 2018-01-01");
        assertThat(violation.rule()).isEqualTo(LedgerRule.POST_NOT_HELD_ON_DATE);
        assertThat(violation.field()).isEqualTo("postId");
        assertThat(violation.getMessage())
                .startsWith("POST_NOT_HELD_ON_DATE: ")
                .contains(LedgerRule.POST_NOT_HELD_ON_DATE.messageZh())
                .contains(LedgerRule.POST_NOT_HELD_ON_DATE.messageEn())
                .endsWith("(p-1 on 2018-01-01)");
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.getFileName().toString().equals("LedgerRuleTest.java"))
                    .map(LedgerRuleTest::read)
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
