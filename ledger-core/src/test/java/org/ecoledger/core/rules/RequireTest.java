package org.ecoledger.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.ecoledger.core.record.OfficialId;
import org.ecoledger.core.reference.JurisdictionCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequireTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", " lead", "trail ", "a/b", "tab\there"})
    void identifier_malformed_isRejectedWithItsField(String value) {
        assertThatThrownBy(() -> OfficialId.of(value))
                .isInstanceOfSatisfying(InvalidEntryException.class,
                        e -> assertThat(e.field()).isEqualTo("officialId"));
    }

    @Test
    void identifier_missing_isRejected() {
        assertThatThrownBy(() -> JurisdictionCode.of(null))
                .isInstanceOfSatisfying(InvalidEntryException.class, e -> assertThat(e.reason()).isEqualTo("is required"));
    }

    @Test
    void identifier_tooLong_isRejected() {
        assertThatThrownBy(() -> OfficialId.of("x".repeat(Require.MAX_IDENTIFIER_LENGTH + 1)))
                .isInstanceOf(InvalidEntryException.class);
    }

    @Test
    void identifier_twelveDigitsOrChinese_isAccepted() {
        assertThat(JurisdictionCode.of("130300000000").value()).isEqualTo("130300000000");
        assertThat(OfficialId.of("张三-1962").value()).isEqualTo("张三-1962");
    }

    @Test
    void identifier_isAPlainJsonString() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.writeValueAsString(OfficialId.of("o-1"))).isEqualTo("\"o-1\"");
        assertThat(mapper.readValue("\"o-1\"", OfficialId.class)).isEqualTo(OfficialId.of("o-1"));
    }

    @Test
    void texts_withABlankItem_namesTheItem() {
        assertThatThrownBy(() -> Require.texts(List.of("a", " "), "topics", true))
                .isInstanceOfSatisfying(InvalidEntryException.class,
                        e -> assertThat(e.field()).isEqualTo("topics[1]"));
    }

    @Test
    void invalidEntry_isAnIllegalArgument_notARuleViolation() {
        assertThat(new InvalidEntryException("f", "r")).isInstanceOf(IllegalArgumentException.class);
        assertThat(RuntimeException.class).isAssignableFrom(RuleViolationException.class);
        assertThat(IllegalArgumentException.class.isAssignableFrom(RuleViolationException.class)).isFalse();
    }
}
