package org.ecoledger.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChainVerificationTest {

    private static final String GENESIS = "0".repeat(64);

    @Test
    void valid_hasNoFailureFields() {
        ChainVerification result = ChainVerification.valid(3, "ab", HashAlgorithm.SM3);

        assertThat(result.valid()).isTrue();
        assertThat(result.entries()).isEqualTo(3);
        assertThat(result.firstInvalidSequence()).isNull();
        assertThat(result.problem()).isNull();
        assertThat(result.expected()).isNull();
        assertThat(result.actual()).isNull();
        assertThat(result.summary()).isEqualTo("valid: 3 entries, head ab (SM3)");
    }

    @Test
    void invalid_saysWhereAndWhy_andCountsTheEntriesBefore() {
        ChainVerification result = ChainVerification.invalid(5, "cd", HashAlgorithm.SHA_256,
                "sequence 5 missing, found 6", "5", "6");

        assertThat(result.valid()).isFalse();
        assertThat(result.entries()).isEqualTo(5);
        assertThat(result.firstInvalidSequence()).isEqualTo(5L);
        assertThat(result.headHash()).isEqualTo("cd");
        assertThat(result.summary())
                .isEqualTo("invalid at sequence 5: sequence 5 missing, found 6 (expected 5, actual 6)");
    }

    @Test
    void anInvalidOutcome_withoutWhereOrWhy_cannotBeBuilt() {
        assertThatThrownBy(() -> new ChainVerification(false, 0, GENESIS, HashAlgorithm.SM3, null, "x", null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChainVerification(false, 0, GENESIS, HashAlgorithm.SM3, 0L, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aValidOutcome_withAFailure_cannotBeBuilt() {
        assertThatThrownBy(() -> new ChainVerification(true, 0, GENESIS, HashAlgorithm.SM3, 0L, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChainVerification(true, 0, GENESIS, HashAlgorithm.SM3, null, "x", null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
