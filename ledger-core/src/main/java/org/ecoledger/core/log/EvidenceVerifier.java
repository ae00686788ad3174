package org.ecoledger.core.log;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import org.ecoledger.core.chain.ChainVerification;
import org.ecoledger.core.chain.ChainVerifier;
import org.ecoledger.core.chain.StoredEntry;

/**
 * Checks an evidence bundle offline, with no store and no domain classes, against an auditor's {@link TrustPolicy}.
 * The checks run in this order and the first failure is reported (docs/transparency-log.md, "Verifying evidence"):
 * <ol>
 *   <li>the checkpoint parses as a signed note and a checkpoint body, for the bundle's origin;</li>
 *   <li>its signatures: no trusted log key's signature fails, at least one trusted Ed25519 signature verifies, and
 *       a trusted SM2 signature too if required;</li>
 *   <li>witness cosignatures, if a quorum is required: no trusted witness's cosignature fails and at least the
 *       quorum of distinct trusted witnesses cosigned;</li>
 *   <li>if the auditor saved a checkpoint: it verifies as in 2, has the same origin, is not larger, and the bundle
 *       proves the new tree consistent with it;</li>
 *   <li>the record's hash chain ({@link ChainVerifier}: record, sequence, global order, links, content);</li>
 *   <li>for each entry in sequence order: its leaf is at its global index, inside the checkpoint's tree, and its
 *       inclusion proof leads from the leaf to the checkpoint's root.</li>
 * </ol>
 * Immutable and thread-safe.
 */
public final class EvidenceVerifier {

    private final TrustPolicy policy;

    public EvidenceVerifier(TrustPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    public EvidenceVerification verify(EvidenceBundle bundle) {
        Objects.requireNonNull(bundle, "bundle");
        MerkleTree tree = new MerkleTree(bundle.hashAlgorithm());

        // 1. The checkpoint.
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(bundle.checkpoint());
            checkpoint = Checkpoint.parse(note.text());
        } catch (MalformedNoteException e) {
            return EvidenceVerification.invalid("checkpoint", null, "malformed: " + e.reason());
        }
        if (!checkpoint.origin().equals(bundle.origin())) {
            return EvidenceVerification.invalid("checkpoint origin", null,
                    "the checkpoint is for another log", bundle.origin(), checkpoint.origin());
        }

        // 2. The log's signatures.
        NoteVerification signatures = note.verify(policy.logKeys());
        EvidenceVerification signatureFailure = checkLogSignatures("checkpoint", signatures);
        if (signatureFailure != null) {
            return signatureFailure;
        }

        // 3. Witnesses.
        List<String> cosignedBy = new ArrayList<>();
        if (policy.witnessQuorum() > 0) {
            List<NoteSignature> lines = new ArrayList<>();
            for (int i = 0; i < bundle.cosignatures().size(); i++) {
                try {
                    lines.add(NoteSignature.parse(bundle.cosignatures().get(i)));
                } catch (MalformedNoteException e) {
                    return EvidenceVerification.invalid("cosignature " + (i + 1), null, "malformed: " + e.reason());
                }
            }
            SignedNote cosigned;
            try {
                cosigned = note.withSignatures(lines);
            } catch (MalformedNoteException e) {
                return EvidenceVerification.invalid("witness cosignatures", null, e.reason());
            }
            NoteVerification witnesses = cosigned.verify(policy.witnesses());
            witnesses.verified().forEach(s -> cosignedBy.add(s.name()));
            if (witnesses.failedKey() != null) {
                return EvidenceVerification.invalid("cosignature by " + witnesses.failedKey(), null,
                        witnesses.problem());
            }
            if (cosignedBy.size() < policy.witnessQuorum()) {
                return EvidenceVerification.invalid("witness quorum", null,
                        cosignedBy.size() + " of the " + policy.witnesses().size() + " trusted witnesses cosigned"
                                + (cosignedBy.isEmpty() ? "" : " (" + String.join(", ", cosignedBy) + ")")
                                + ", " + policy.witnessQuorum() + " required",
                        Integer.toString(policy.witnessQuorum()), Integer.toString(cosignedBy.size()));
            }
        }

        // 4. Consistency with the auditor's saved checkpoint.
        if (policy.savedCheckpoint() != null) {
            EvidenceVerification failure = checkSaved(bundle, tree, checkpoint);
            if (failure != null) {
                return failure;
            }
        }

        // 5. The record's chain.
        ChainVerification chain = new ChainVerifier(bundle.hashAlgorithm())
                .verify(bundle.aggregateType(), bundle.aggregateId(), bundle.entries());
        if (!chain.valid()) {
            return EvidenceVerification.invalid("entry sequence " + chain.firstInvalidSequence(),
                    chain.firstInvalidSequence(), chain.problem(), chain.expected(), chain.actual());
        }

        // 6. Each entry's inclusion in the checkpoint's tree.
        if (bundle.leaves().size() != bundle.entries().size()) {
            return EvidenceVerification.invalid("leaves", null, "the bundle must give one leaf per entry",
                    Integer.toString(bundle.entries().size()), Integer.toString(bundle.leaves().size()));
        }
        byte[] root = checkpoint.rootHash();
        for (int i = 0; i < bundle.entries().size(); i++) {
            StoredEntry stored = bundle.entries().get(i);
            EvidenceBundle.Leaf leaf = bundle.leaves().get(i);
            long sequence = stored.entry().sequence();
            long globalIndex = stored.entry().globalIndex();
            if (leaf.globalIndex() != globalIndex) {
                return EvidenceVerification.invalid("leaf of sequence " + sequence, sequence,
                        "the leaf is not at the entry's global index",
                        Long.toString(globalIndex), Long.toString(leaf.globalIndex()));
            }
            String proofItem = "inclusion proof of sequence " + sequence + " (leaf " + globalIndex + ")";
            if (globalIndex >= checkpoint.size()) {
                return EvidenceVerification.invalid(proofItem, sequence, "the entry's global index "
                        + globalIndex + " is not in the checkpoint's tree of size " + checkpoint.size());
            }
            List<byte[]> proof = new ArrayList<>();
            for (int h = 0; h < leaf.inclusionProof().size(); h++) {
                try {
                    proof.add(NoteKeys.strictBase64(leaf.inclusionProof().get(h), "hash " + h));
                } catch (IllegalArgumentException e) {
                    return EvidenceVerification.invalid(proofItem, sequence, e.getMessage());
                }
            }
            byte[] leafHash = LogLeaf.of(stored).leafHash(tree);
            ProofVerification included = tree.verifyInclusion(globalIndex, checkpoint.size(), leafHash, proof, root);
            if (!included.valid()) {
                return EvidenceVerification.invalid(proofItem, sequence, included.problem());
            }
        }

        List<String> signedBy = signatures.verified().stream().map(s -> s.name() + " (" + s.type().name()
                .replace("_", "-").toLowerCase(java.util.Locale.ROOT) + ")").toList();
        return new EvidenceVerification(true, null, null, null, null, null, chain.entries(), chain.headHash(),
                checkpoint.size(), Base64.getEncoder().encodeToString(root), signedBy, cosignedBy);
    }

    /** Step 2 for a checkpoint note; {@code null} when its signatures satisfy the policy. */
    private EvidenceVerification checkLogSignatures(String what, NoteVerification signatures) {
        if (signatures.failedKey() != null) {
            return EvidenceVerification.invalid(what + " signature by " + signatures.failedKey(), null,
                    signatures.problem());
        }
        if (!signatures.valid()) {
            return EvidenceVerification.invalid(what + " signatures", null, signatures.problem());
        }
        if (!signatures.verifiedBy(SignatureType.ED25519)) {
            return EvidenceVerification.invalid(what + " Ed25519 signature", null,
                    "no trusted Ed25519 key signed the " + what);
        }
        if (policy.requireSm2() && !signatures.verifiedBy(SignatureType.SM2)) {
            return EvidenceVerification.invalid(what + " SM2 signature", null,
                    "an SM2 signature by a trusted key is required but the " + what + " has none");
        }
        return null;
    }

    /** Step 4; {@code null} when the bundle's checkpoint is consistent with the saved one. */
    private EvidenceVerification checkSaved(EvidenceBundle bundle, MerkleTree tree, Checkpoint current) {
        SignedNote savedNote;
        Checkpoint saved;
        try {
            savedNote = SignedNote.parse(policy.savedCheckpoint());
            saved = Checkpoint.parse(savedNote.text());
        } catch (MalformedNoteException e) {
            return EvidenceVerification.invalid("saved checkpoint", null, "malformed: " + e.reason());
        }
        EvidenceVerification failure = checkLogSignatures("saved checkpoint", savedNote.verify(policy.logKeys()));
        if (failure != null) {
            return failure;
        }
        if (!saved.origin().equals(current.origin())) {
            return EvidenceVerification.invalid("saved checkpoint", null, "the saved checkpoint is for another log",
                    current.origin(), saved.origin());
        }
        if (saved.size() > current.size()) {
            return EvidenceVerification.invalid("saved checkpoint", null, "the saved checkpoint is larger than the "
                    + "bundle's: the log cannot have shrunk", "at most " + current.size(),
                    Long.toString(saved.size()));
        }
        String item = "consistency proof from size " + saved.size() + " to " + current.size();
        List<byte[]> hashes = new ArrayList<>();
        if (saved.size() != current.size() && saved.size() != 0) {
            EvidenceBundle.ConsistencyProof proof = bundle.consistencyProofs().stream()
                    .filter(p -> p.fromSize() == saved.size()).findFirst().orElse(null);
            if (proof == null) {
                return EvidenceVerification.invalid(item, null, "the bundle has no consistency proof from the saved "
                        + "checkpoint's size " + saved.size());
            }
            for (int h = 0; h < proof.hashes().size(); h++) {
                try {
                    hashes.add(NoteKeys.strictBase64(proof.hashes().get(h), "hash " + h));
                } catch (IllegalArgumentException e) {
                    return EvidenceVerification.invalid(item, null, e.getMessage());
                }
            }
        }
        ProofVerification consistent = tree.verifyConsistency(saved.size(), current.size(), saved.rootHash(),
                current.rootHash(), hashes);
        if (!consistent.valid()) {
            return EvidenceVerification.invalid(item, null, consistent.problem());
        }
        return null;
    }
}
