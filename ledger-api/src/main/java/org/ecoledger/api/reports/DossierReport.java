package org.ecoledger.api.reports;

import java.time.Instant;
import java.util.List;

import org.ecoledger.projections.dossier.DossierView;
import org.ecoledger.projections.duties.DutyPeriodView;
import org.ecoledger.projections.review.PromotionReviewView;

/**
 * What a dossier report shows: the dossier, for the promotion-review layout the review, and the proof anchors that
 * let a paper copy be checked against the ledger years later — the record's head (sequence and hash: the dossier
 * was computed from the chain up to it), the leaf of that head in the transparency log, and a signed checkpoint
 * whose tree includes it.
 *
 * @param headLeaf       the head entry's global index, its leaf in the log
 * @param checkpointRoot the checkpoint's root hash, base64 (as in the signed note)
 */
public record DossierReport(ReportLayout layout, DossierView dossier, PromotionReviewView review, long headSequence,
                            String headHash, long headLeaf, String logOrigin, long checkpointSize,
                            String checkpointRoot, Instant generatedAt, String generatedFor) {

    /** The format of the text in the QR code. */
    public static final String QR_FORMAT = "eco-ledger-dossier/1";

    /**
     * The text the QR code carries, one item a line: the format, the official, the head (sequence and hash), the
     * checkpoint (origin, tree size, root) and the head's leaf index.
     */
    public String qrText() {
        return QR_FORMAT + "\nofficial " + dossier.officialId() + "\nhead " + headSequence + " " + headHash
                + "\ncheckpoint " + logOrigin + " " + checkpointSize + " " + checkpointRoot + "\nleaf " + headLeaf;
    }

    /** Every duty period of every tenure. */
    public List<DutyPeriodView> dutyPeriods() {
        return dossier.posts().stream().flatMap(post -> post.tenures().stream())
                      .flatMap(tenure -> tenure.duties().stream()).toList();
    }
}
