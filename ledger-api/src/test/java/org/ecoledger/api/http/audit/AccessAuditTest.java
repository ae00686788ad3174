package org.ecoledger.api.http.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class AccessAuditTest {

    private static String purpose(String header) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (header != null) {
            request.addHeader(AccessAudit.PURPOSE_HEADER, header);
        }
        return AccessAudit.purposeOf(request);
    }

    @Test
    void thePurpose_isReadPercentEncodedOrAsRawUtf8() {
        assertThat(purpose("%E6%8F%90%E6%8B%94%E4%BB%BB%E7%94%A8")).isEqualTo("提拔任用");
        String rawUtf8AsTheContainerSeesIt = new String("离任审计".getBytes(StandardCharsets.UTF_8),
                                                        StandardCharsets.ISO_8859_1);
        assertThat(purpose(rawUtf8AsTheContainerSeesIt)).isEqualTo("离任审计");
        assertThat(purpose("audit 2019 + review")).isEqualTo("audit 2019 + review");
        assertThat(purpose("  ")).isNull();
        assertThat(purpose(null)).isNull();
    }
}
