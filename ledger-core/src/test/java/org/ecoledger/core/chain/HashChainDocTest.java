package org.ecoledger.core.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Keeps the worked example of {@code docs/hash-chain.md} in step with the code and the vectors. */
class HashChainDocTest {

    /** Surefire runs with the module directory as working directory. */
    private static final Path DOC = Path.of("..", "docs", "hash-chain.md");

    @ParameterizedTest
    @EnumSource(HashAlgorithm.class)
    void workedExample_showsTheExactBytesAndHashOfSequence0(HashAlgorithm algorithm) throws IOException {
        List<String> lines = Files.readAllLines(DOC, StandardCharsets.UTF_8);
        int tag = lines.indexOf(EntryHasher.DOMAIN_TAG);
        assertThat(tag).as("the worked example's tag line in %s", DOC).isPositive();
        String shownBytes = lines.get(tag) + "\n" + lines.get(tag + 1);
        ChainVectors vectors = ChainVectors.load(algorithm);
        EntryHasher hasher = new EntryHasher(algorithm);

        assertThat(shownBytes.getBytes(StandardCharsets.UTF_8)).isEqualTo(hasher.canonicalBytes(vectors.entry(0)));
        assertThat(lines).contains("| `" + algorithm.id() + "` | `" + hasher.hash(vectors.entry(0)) + "` |");
    }
}
