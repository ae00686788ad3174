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
    void textsAndIdentifiers_withAnUnpairedSurrogate_areRejected_pairsAreFine() {
        String high = String.valueOf((char) 0xD800);
        String low = String.valueOf((char) 0xDC00);
        for (String bad : List.of("a" + high, low + "a", "a" + low + high + "b", high)) {
            assertThatThrownBy(() -> Require.text(bad, "note"))
                    .isInstanceOfSatisfying(InvalidEntryException.class, e -> assertThat(e.field()).isEqualTo("note"));
            assertThatThrownBy(() -> OfficialId.of(bad)).isInstanceOf(InvalidEntryException.class);
        }
        String pair = "𠮷野家"; // U+20BB7 is a surrogate pair in UTF-16
        assertThat(Require.text(pair, "note")).isEqualTo(pair);
        assertThat(OfficialId.of(pair).value()).isEqualTo(pair);
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
