package org.ecoledger.core.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class HashAlgorithmTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest(name = "{0}(\"{1}\")")
    @CsvSource({
            // FIPS 180-4 examples (NIST CSRC "SHA256.pdf")
            "SHA_256, abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            "SHA_256, abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq, "
                    + "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
            "SHA_256, '', e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            // GB/T 32905-2016, appendix A, examples 1 and 2
            "SM3, abc, 66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
            "SM3, abcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcdabcd, "
                    + "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732",
    })
    void digest_matchesTheStandardsKnownAnswers(HashAlgorithm algorithm, String message, String expected) {
        assertThat(HEX.formatHex(algorithm.digest(ascii(message)))).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void digestOfPrefixAndData_equalsDigestOfTheirConcatenation(HashAlgorithm algorithm) {
        assertThat(algorithm.digest(ascii("ab"), ascii("c"))).isEqualTo(algorithm.digest(ascii("abc")));
        assertThat(algorithm.digest(new byte[0], ascii("abc"))).isEqualTo(algorithm.digest(ascii("abc")));
        assertThat(algorithm.digest(ascii("abc"), new byte[0])).isEqualTo(algorithm.digest(ascii("abc")));
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void digestLengthAndZeroHex_are32BytesAnd64Zeros(HashAlgorithm algorithm) {
        assertThat(algorithm.digestLength()).isEqualTo(32);
        assertThat(algorithm.digest(ascii("x"))).hasSize(32);
        assertThat(algorithm.zeroHex()).hasSize(64).matches("0{64}");
    }

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void digest_isThreadSafe(HashAlgorithm algorithm) throws Exception {
        List<byte[]> messages = IntStream.range(0, 64)
                .mapToObj(i -> ("message " + i).repeat(1 + i * 50)).map(HashAlgorithmTest::ascii).toList();
        List<byte[]> expected = messages.stream().map(algorithm::digest).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = IntStream.range(0, 512)
                    .mapToObj(i -> pool.submit(() -> {
                        int m = i % messages.size();
                        return java.util.Arrays.equals(
                                algorithm.digest(ascii("message " + m), messages.get(m)),
                                algorithm.digest(ascii("message " + m), messages.get(m)))
                                && java.util.Arrays.equals(algorithm.digest(messages.get(m)), expected.get(m));
                    }))
                    .toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void id_isTheNameWrittenInTheGenesisDocument() {
        assertThat(HashAlgorithm.SHA_256.id()).isEqualTo("SHA-256");
        assertThat(HashAlgorithm.SM3.id()).isEqualTo("SM3");
    }

    @ParameterizedTest
    @CsvSource({"SHA-256, SHA_256", "sha-256, SHA_256", "SHA256, SHA_256", "sha256, SHA_256", "Sha_256, SHA_256",
            "SM3, SM3", "sm3, SM3"})
    void fromId_ignoresCaseAndAcceptsTheUnhyphenatedName(String id, HashAlgorithm expected) {
        assertThat(HashAlgorithm.fromId(id)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "MD5", "SHA-1", "SHA-512", " SM3", "SM3 ", "SM-3"})
    void fromId_refusesAnythingElseAndNamesTheAllowedValues(String id) {
        assertThatThrownBy(() -> HashAlgorithm.fromId(id))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown hash algorithm")
                .hasMessageEndingWith("allowed: SHA-256, SM3");
    }
}
