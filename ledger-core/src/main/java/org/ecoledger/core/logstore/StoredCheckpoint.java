package org.ecoledger.core.logstore;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.ecoledger.core.log.Checkpoint;
import org.ecoledger.core.log.SignedNote;

/**
 * A signed checkpoint as kept in {@code log_checkpoints} ({@code _id} = its tree size); every one is kept.
 *
 * @param size         the tree size
 * @param note         the signed note, as served ({@link SignedNote#format()})
 * @param signedAt     when it was signed
 * @param previousSize the size of the checkpoint it was proven consistent with before signing, or -1 for the first
 * @param cosignatures witness cosignature lines ({@code — <witness> <base64>}) received for it
 */
public record StoredCheckpoint(long size, String note, Instant signedAt, long previousSize,
                               List<String> cosignatures) {

    public StoredCheckpoint {
        Objects.requireNonNull(note, "note");
        Objects.requireNonNull(signedAt, "signedAt");
        cosignatures = List.copyOf(cosignatures);
    }

    /** The parsed note. */
    public SignedNote signedNote() {
        return SignedNote.parse(note);
    }

    /** The parsed checkpoint body. */
    public Checkpoint checkpoint() {
        return Checkpoint.parse(signedNote().text());
    }
}
