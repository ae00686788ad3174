package org.ecoledger.core.log;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ecoledger.core.chain.ChainEntry;
import org.ecoledger.core.chain.HashAlgorithm;
import org.ecoledger.core.chain.StoredEntry;

/**
 * A self-contained evidence bundle for one record, format {@value #FORMAT} (docs/transparency-log.md, "Evidence
 * bundle"): the record's entries as stored, the inclusion proof of each entry's leaf in the tree of one signed
 * checkpoint, that checkpoint, the log's public keys (for information: a verifier trusts only the keys its user gives
 * it), witness cosignatures, and optionally consistency proofs from older tree sizes.
 *
 * <p>Reading checks the JSON shape and types only; whether the content proves anything is {@link EvidenceVerifier}'s
 * question. Proof hashes are kept as their base64 text for the same reason.
 *
 * @param hashAlgorithm     the ledger's hash function
 * @param origin            the log's origin line
 * @param aggregateType     the record's type
 * @param aggregateId       the record's identifier
 * @param entries           the record's entries in sequence order, each with its stored hash
 * @param leaves            one per entry, same order: its global index and inclusion proof
 * @param checkpoint        the signed checkpoint note, as text
 * @param publicKeys        the log's public keys as the bundle states them (informational)
 * @param cosignatures      witness cosignature lines for the checkpoint ({@code — name base64}), beyond any in it
 * @param consistencyProofs consistency proofs from older tree sizes to the checkpoint's
 */
public record EvidenceBundle(HashAlgorithm hashAlgorithm, String origin, String aggregateType, String aggregateId,
                             List<StoredEntry> entries, List<Leaf> leaves, String checkpoint,
                             List<PublicKey> publicKeys, List<String> cosignatures,
                             List<ConsistencyProof> consistencyProofs) {

    /** The value of the {@code format} member. */
    public static final String FORMAT = "eco-ledger-evidence/1";

    /** Largest bundle read, in bytes: 64 MiB. */
    public static final int MAX_BUNDLE_BYTES = 64 * 1024 * 1024;

    /** Most entries a bundle may hold. */
    public static final int MAX_ENTRIES = 100_000;

    /** Most public keys, cosignature lines or consistency proofs a bundle may hold, each. */
    public static final int MAX_LIST_ITEMS = SignedNote.MAX_SIGNATURES;

    /**
     * One entry's leaf: its index in the tree and its inclusion proof.
     *
     * @param globalIndex    the leaf index (the entry's global index)
     * @param inclusionProof base64 hashes, lowest level first
     */
    public record Leaf(long globalIndex, List<String> inclusionProof) {
        public Leaf {
            inclusionProof = List.copyOf(inclusionProof);
        }
    }

    /**
     * A public key as the bundle states it.
     *
     * @param name key name
     * @param type {@code ed25519} or {@code sm2}
     * @param key  the verifier key text ({@link NoteKeys#verifierKey})
     */
    public record PublicKey(String name, String type, String key) {
    }

    /**
     * A consistency proof from an older tree size to the checkpoint's.
     *
     * @param fromSize the older size
     * @param hashes   base64 hashes
     */
    public record ConsistencyProof(long fromSize, List<String> hashes) {
        public ConsistencyProof {
            hashes = List.copyOf(hashes);
        }
    }

    public EvidenceBundle {
        Objects.requireNonNull(hashAlgorithm, "hashAlgorithm");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(checkpoint, "checkpoint");
        entries = List.copyOf(entries);
        leaves = List.copyOf(leaves);
        publicKeys = List.copyOf(publicKeys);
        cosignatures = List.copyOf(cosignatures);
        consistencyProofs = List.copyOf(consistencyProofs);
    }

    /**
     * Reads a bundle from its JSON bytes with the caller's mapper (duplicate member names and trailing content are
     * refused).
     *
     * @throws EvidenceFormatException if it is too large, not JSON, or not a bundle of this format
     */
    public static EvidenceBundle parse(byte[] json, ObjectMapper mapper) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(mapper, "mapper");
        if (json.length > MAX_BUNDLE_BYTES) {
            throw new EvidenceFormatException("the bundle has " + json.length + " bytes, more than the "
                    + MAX_BUNDLE_BYTES + " allowed");
        }
        JsonNode root;
        try {
            root = mapper.reader()
                    .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                    .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(json);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new EvidenceFormatException("the bundle is not valid JSON" + where + ": " + e.getOriginalMessage(),
                    e);
        } catch (IOException e) {
            throw new EvidenceFormatException("the bundle cannot be read: " + e.getMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new EvidenceFormatException("the bundle is empty");
        }
        return fromJson(root);
    }

    /**
     * Reads a bundle from a JSON tree.
     *
     * @throws EvidenceFormatException naming the first member that is missing or of the wrong type
     */
    public static EvidenceBundle fromJson(JsonNode root) {
        Reader r = new Reader();
        r.object(root, "");
        String format = r.text(root, "format");
        if (!FORMAT.equals(format)) {
            throw new EvidenceFormatException("format is '" + format + "', this verifier reads " + FORMAT);
        }
        HashAlgorithm algorithm;
        try {
            algorithm = HashAlgorithm.fromId(r.text(root, "hashAlgorithm"));
        } catch (IllegalArgumentException e) {
            throw new EvidenceFormatException("hashAlgorithm: " + e.getMessage(), e);
        }
        String origin = r.text(root, "origin");
        JsonNode record = r.object(root.get("record"), "record");
        String aggregateType = r.text(record, "aggregateType", "record.");
        String aggregateId = r.text(record, "aggregateId", "record.");
        List<StoredEntry> entries = new ArrayList<>();
        JsonNode entryArray = r.array(root, "entries", MAX_ENTRIES);
        if (entryArray.isEmpty()) {
            throw new EvidenceFormatException("entries is empty: evidence must contain at least one entry");
        }
        for (int i = 0; i < entryArray.size(); i++) {
            entries.add(r.entry(entryArray.get(i), "entries[" + i + "]."));
        }
        List<Leaf> leaves = new ArrayList<>();
        JsonNode leafArray = r.array(root, "leaves", MAX_ENTRIES);
        for (int i = 0; i < leafArray.size(); i++) {
            String at = "leaves[" + i + "].";
            JsonNode leaf = r.object(leafArray.get(i), "leaves[" + i + "]");
            leaves.add(new Leaf(r.integer(leaf, "globalIndex", at),
                    r.texts(leaf, "inclusionProof", at, MerkleTree.MAX_PROOF_HASHES)));
        }
        String checkpoint = r.text(root, "checkpoint");
        List<PublicKey> keys = new ArrayList<>();
        JsonNode keyArray = root.has("publicKeys") ? r.array(root, "publicKeys", MAX_LIST_ITEMS) : null;
        for (int i = 0; keyArray != null && i < keyArray.size(); i++) {
            String at = "publicKeys[" + i + "].";
            JsonNode key = r.object(keyArray.get(i), "publicKeys[" + i + "]");
            keys.add(new PublicKey(r.text(key, "name", at), r.text(key, "type", at), r.text(key, "key", at)));
        }
        List<String> cosignatures = root.has("cosignatures")
                ? r.texts(root, "cosignatures", "", MAX_LIST_ITEMS) : List.of();
        List<ConsistencyProof> consistency = new ArrayList<>();
        JsonNode proofArray = root.has("consistencyProofs")
                ? r.array(root, "consistencyProofs", MAX_LIST_ITEMS) : null;
        for (int i = 0; proofArray != null && i < proofArray.size(); i++) {
            String at = "consistencyProofs[" + i + "].";
            JsonNode proof = r.object(proofArray.get(i), "consistencyProofs[" + i + "]");
            consistency.add(new ConsistencyProof(r.integer(proof, "fromSize", at),
                    r.texts(proof, "hashes", at, MerkleTree.MAX_PROOF_HASHES)));
        }
        return new EvidenceBundle(algorithm, origin, aggregateType, aggregateId, entries, leaves, checkpoint, keys,
                cosignatures, consistency);
    }

    /** The bundle as a JSON tree, members in the order of the specification. */
    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        root.put("format", FORMAT);
        root.put("hashAlgorithm", hashAlgorithm.id());
        root.put("origin", origin);
        root.putObject("record").put("aggregateType", aggregateType).put("aggregateId", aggregateId);
        ArrayNode entryArray = root.putArray("entries");
        for (StoredEntry stored : entries) {
            ChainEntry e = stored.entry();
            ObjectNode o = entryArray.addObject();
            o.put("aggregateType", e.aggregateType());
            o.put("aggregateId", e.aggregateId());
            o.put("sequence", e.sequence());
            o.put("globalIndex", e.globalIndex());
            o.put("eventId", e.eventId());
            o.put("payloadType", e.payloadType());
            o.put("payloadRevision", e.payloadRevision());
            o.put("timestamp", e.timestamp());
            o.set("payload", e.payload().deepCopy());
            o.set("metadata", e.metadata().deepCopy());
            o.put("prevHash", e.prevHash());
            o.put("hash", stored.storedHash());
        }
        ArrayNode leafArray = root.putArray("leaves");
        for (Leaf leaf : leaves) {
            ObjectNode o = leafArray.addObject();
            o.put("globalIndex", leaf.globalIndex());
            ArrayNode proof = o.putArray("inclusionProof");
            leaf.inclusionProof().forEach(proof::add);
        }
        root.put("checkpoint", checkpoint);
        ArrayNode keyArray = root.putArray("publicKeys");
        publicKeys.forEach(k -> keyArray.addObject().put("name", k.name()).put("type", k.type()).put("key", k.key()));
        ArrayNode cosignatureArray = root.putArray("cosignatures");
        cosignatures.forEach(cosignatureArray::add);
        ArrayNode proofArray = root.putArray("consistencyProofs");
        for (ConsistencyProof proof : consistencyProofs) {
            ObjectNode o = proofArray.addObject();
            o.put("fromSize", proof.fromSize());
            ArrayNode hashes = o.putArray("hashes");
            proof.hashes().forEach(hashes::add);
        }
        return root;
    }

    /** Typed access to members, failing with the member's path. */
    private static final class Reader {

        JsonNode object(JsonNode node, String path) {
            if (node == null || !node.isObject()) {
                throw new EvidenceFormatException((path.isEmpty() ? "the bundle" : path) + " must be an object");
            }
            return node;
        }

        JsonNode array(JsonNode parent, String name, int max) {
            JsonNode node = parent.get(name);
            if (node == null || !node.isArray()) {
                throw new EvidenceFormatException(name + " must be an array");
            }
            if (node.size() > max) {
                throw new EvidenceFormatException(name + " has " + node.size() + " items, more than " + max);
            }
            return node;
        }

        String text(JsonNode parent, String name) {
            return text(parent, name, "");
        }

        String text(JsonNode parent, String name, String at) {
            JsonNode node = parent.get(name);
            if (node == null || !node.isTextual()) {
                throw new EvidenceFormatException(at + name + " must be a string");
            }
            return node.textValue();
        }

        long integer(JsonNode parent, String name, String at) {
            JsonNode node = parent.get(name);
            if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
                throw new EvidenceFormatException(at + name + " must be a non-negative integer");
            }
            return node.longValue();
        }

        List<String> texts(JsonNode parent, String name, String at, int max) {
            JsonNode node = parent.get(name);
            if (node == null || !node.isArray()) {
                throw new EvidenceFormatException(at + name + " must be an array of strings");
            }
            if (node.size() > max) {
                throw new EvidenceFormatException(at + name + " has " + node.size() + " items, more than " + max);
            }
            List<String> out = new ArrayList<>(node.size());
            for (int i = 0; i < node.size(); i++) {
                if (!node.get(i).isTextual()) {
                    throw new EvidenceFormatException(at + name + "[" + i + "] must be a string");
                }
                out.add(node.get(i).textValue());
            }
            return out;
        }

        StoredEntry entry(JsonNode node, String at) {
            object(node, at.substring(0, at.length() - 1));
            JsonNode revision = node.get("payloadRevision");
            if (revision != null && !revision.isNull() && !revision.isTextual()) {
                throw new EvidenceFormatException(at + "payloadRevision must be a string or null");
            }
            JsonNode payload = object(node.get("payload"), at + "payload");
            JsonNode metadata = object(node.get("metadata"), at + "metadata");
            ChainEntry entry = new ChainEntry(text(node, "aggregateType", at), text(node, "aggregateId", at),
                    integer(node, "sequence", at), integer(node, "globalIndex", at), text(node, "eventId", at),
                    text(node, "payloadType", at), revision == null || revision.isNull() ? null : revision.textValue(),
                    text(node, "timestamp", at), payload, metadata, text(node, "prevHash", at));
            return new StoredEntry(entry, text(node, "hash", at));
        }
    }
}
