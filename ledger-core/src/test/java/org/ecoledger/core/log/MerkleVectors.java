package org.ecoledger.core.log;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ecoledger.core.chain.HashAlgorithm;

/**
 * {@code src/test/resources/vectors/merkle-*.json}, written by {@code make_merkle_vectors.py} from the RFC's
 * definitions (Python, hashlib) and, for SHA-256, checked there against the published RFC 6962 reference vectors.
 */
final class MerkleVectors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private MerkleVectors() {
    }

    static JsonNode load(HashAlgorithm algorithm) {
        String file = algorithm == HashAlgorithm.SHA_256 ? "/vectors/merkle-sha256.json" : "/vectors/merkle-sm3.json";
        try (InputStream in = MerkleVectors.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            JsonNode root = JSON.readTree(in);
            if (HashAlgorithm.fromId(root.get("hashAlgorithm").textValue()) != algorithm) {
                throw new IllegalStateException(file + " is not a " + algorithm.id() + " vector");
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] hex(JsonNode node) {
        return HEX.parseHex(node.textValue());
    }

    static List<byte[]> hexList(JsonNode array) {
        List<byte[]> out = new ArrayList<>();
        array.forEach(node -> out.add(hex(node)));
        return out;
    }
}
