package org.ecoledger.core.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The known-answer vectors in {@code src/test/resources/vectors/chain-*.json}, produced independently of this code by
 * {@code make_chain_vectors.py} (see the files' {@code producedBy}).
 */
record ChainVectors(HashAlgorithm algorithm, String aggregateType, String aggregateId, String genesis,
                    List<StoredEntry> entries, List<String> canonicalTexts, String headHash) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ChainVectors load(HashAlgorithm algorithm) {
        String file = switch (algorithm) {
            case SHA_256 -> "/vectors/chain-sha256.json";
            case SM3 -> "/vectors/chain-sm3.json";
        };
        JsonNode root;
        try (InputStream in = ChainVectors.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + file);
            }
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (HashAlgorithm.fromId(root.get("hashAlgorithm").textValue()) != algorithm) {
            throw new IllegalStateException(file + " is not a " + algorithm.id() + " vector");
        }
        String aggregateType = root.get("aggregateType").textValue();
        String aggregateId = root.get("aggregateId").textValue();
        List<StoredEntry> entries = new ArrayList<>();
        List<String> canonical = new ArrayList<>();
        for (JsonNode e : root.get("entries")) {
            JsonNode revision = e.get("payloadRevision");
            ChainEntry entry = new ChainEntry(aggregateType, aggregateId, e.get("sequence").longValue(),
                    e.get("globalIndex").longValue(), e.get("eventId").textValue(), e.get("payloadType").textValue(),
                    revision.isNull() ? null : revision.textValue(), e.get("timestamp").textValue(),
                    e.get("payload"), e.get("metadata"), e.get("prevHash").textValue());
            entries.add(new StoredEntry(entry, e.get("hash").textValue()));
            canonical.add(e.get("canonical").textValue());
        }
        return new ChainVectors(algorithm, aggregateType, aggregateId, root.get("genesis").textValue(),
                List.copyOf(entries), List.copyOf(canonical), root.get("headHash").textValue());
    }

    StoredEntry stored(int sequence) {
        return entries.get(sequence);
    }

    ChainEntry entry(int sequence) {
        return entries.get(sequence).entry();
    }

    String hash(int sequence) {
        return entries.get(sequence).storedHash();
    }
}
