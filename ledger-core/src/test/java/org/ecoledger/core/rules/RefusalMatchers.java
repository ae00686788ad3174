package org.ecoledger.core.rules;

import java.util.Objects;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * Hamcrest matchers for {@code AggregateTestFixture#expectException(Matcher)}: a refusal is matched on its rule code
 * and field (what the HTTP layer and a recorder rely on), never on its message text.
 */
public final class RefusalMatchers {

    private RefusalMatchers() {
    }

    /** A {@link RuleViolationException} of {@code rule} about {@code field} ({@code null}: the entry as a whole). */
    public static Matcher<Throwable> violates(LedgerRule rule, String field) {
        Objects.requireNonNull(rule, "rule");
        return new TypeSafeDiagnosingMatcher<>(Throwable.class) {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (!(actual instanceof RuleViolationException violation)) {
                    mismatch.appendText("was ").appendValue(actual);
                    return false;
                }
                if (violation.rule() != rule || !Objects.equals(violation.field(), field)) {
                    mismatch.appendText("was a refusal for ").appendValue(violation.rule().code())
                            .appendText(" at field ").appendValue(violation.field())
                            .appendText(" (").appendText(violation.getMessage()).appendText(")");
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal for ").appendValue(rule.code())
                        .appendText(" at field ").appendValue(field);
            }
        };
    }

    /** An {@link InvalidEntryException} (malformed, 400) about {@code field}. */
    public static Matcher<Throwable> malformedAt(String field) {
        Objects.requireNonNull(field, "field");
        return new TypeSafeDiagnosingMatcher<>(Throwable.class) {
            @Override
            protected boolean matchesSafely(Throwable actual, Description mismatch) {
                if (!(actual instanceof InvalidEntryException invalid)) {
                    mismatch.appendText("was ").appendValue(actual);
                    return false;
                }
                if (!field.equals(invalid.field())) {
                    mismatch.appendText("was malformed at field ").appendValue(invalid.field());
                    return false;
                }
                return true;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("an entry malformed at field ").appendValue(field);
            }
        };
    }
}
