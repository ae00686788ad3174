package org.ecoledger.core.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

import org.ecoledger.core.chain.HashAlgorithm;
import org.junit.jupiter.api.Test;

/** The worked examples of docs/transparency-log.md, sections 1 and 4. */
class TransparencyLogDocTest {

    private static final LogLeaf LEAF = new LogLeaf("official-130300-0007", 17,
            "189456c9d6f21bbd6c953c6de124d64b40536133caba8f0147eb0ff26bde53d6", 0);

    @Test
    void leafBytes_andLeafHashes_areTheDocumentsExample() {
        assertThat(new String(LEAF.bytes(), StandardCharsets.UTF_8)).isEqualTo("eco-ledger/leaf/v1\n"
                + "{\"aggregateId\":\"official-130300-0007\",\"globalIndex\":17,"
                + "\"hash\":\"189456c9d6f21bbd6c953c6de124d64b40536133caba8f0147eb0ff26bde53d6\",\"sequence\":0}");
        assertThat(LEAF.bytes()).hasSize(161);
        assertThat(HexFormat.of().formatHex(LEAF.leafHash(new MerkleTree(HashAlgorithm.SHA_256))))
                .isEqualTo("4390e99fe8791ce4ef8239f9dcf6215137af28299a9ab4a0ad2c6a6acf03cd6a");
        assertThat(HexFormat.of().formatHex(LEAF.leafHash(new MerkleTree(HashAlgorithm.SM3))))
                .isEqualTo("dca508f1706dcd99c3000cf3328cb360a557e19d07db89466abc83df394198d7");
    }

    @Test
    void checkpointExample_isReproducedByTheFixedKey() {
        MerkleTree tree = new MerkleTree(HashAlgorithm.SHA_256);
        byte[] root = CompactRange.empty(tree).append(LEAF.leafHash(tree), SubtreeSink.NONE).root();

        String note = new Checkpoint(TestKeys.LOG_NAME, 1, root).sign(List.of(TestKeys.logSigner())).format();

        assertThat(note).isEqualTo("ledger.test/eco-accountability\n1\nQ5Dpn+h5HOTvgjn53PYhUTevKCmamrSgrSxqas8DzWo=\n"
                + "\n\u2014 ledger.test/eco-accountability 0RbpC2iDhihn+alMfgTZB3igXhEo9DtlRASPqKKj2GSlMbSc592CHHCJ"
                + "cqenazVyFsrb//KAQu9m+nQA9WcO+IwumAE=\n");
        assertThat(NoteKeys.verifierKey(TestKeys.logSigner().verifier()))
                .isEqualTo("ledger.test/eco-accountability+d116e90b+ATShpYvcHY/wkfjGLHgWK+pSw/pwIZjVFQyEGSKv1Ig3");
    }
}
