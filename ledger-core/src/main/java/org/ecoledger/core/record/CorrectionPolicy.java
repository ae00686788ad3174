package org.ecoledger.core.record;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.ecoledger.core.rules.LedgerRule;
import org.ecoledger.core.rules.RuleViolationException;

/**
 * 更正规则 (rules of a correction). Nothing is edited or deleted: a correction is a later entry that supersedes an
 * earlier one in views. It names the corrected entry by its sequence in the record (the aggregate's event sequence
 * number: 0 is the registration, the first entry is 1).
 *
 * <p>The registration cannot be corrected (it is not an entry and has no entry type), nor can a correction: to
 * change a correction, correct the original entry again — the latest correction of an entry wins. This keeps every
 * correction pointing at a real entry, one level deep.
 */
final class CorrectionPolicy {

    private CorrectionPolicy() {
    }

    /**
     * The type of the entry at {@code sequence}: {@link LedgerRule#CORRECTION_TARGET_NOT_FOUND},
     * {@link LedgerRule#CORRECTION_TARGET_NOT_CORRECTABLE}.
     *
     * @param entries the types of the entries, entry {@code n} at index {@code n - 1}
     */
    static EntryType requireCorrectable(List<EntryType> entries, long sequence) {
        if (sequence > entries.size()) {
            throw new RuleViolationException(LedgerRule.CORRECTION_TARGET_NOT_FOUND, "correctsSequence",
                    "sequence " + sequence + "; the record's last sequence is " + entries.size());
        }
        if (sequence == 0) {
            throw new RuleViolationException(LedgerRule.CORRECTION_TARGET_NOT_CORRECTABLE, "correctsSequence",
                    "sequence 0 is the registration");
        }
        EntryType type = entries.get((int) (sequence - 1));
        if (type == EntryType.CORRECTION) {
            throw new RuleViolationException(LedgerRule.CORRECTION_TARGET_NOT_CORRECTABLE, "correctsSequence",
                    "sequence " + sequence + " is a correction");
        }
        return type;
    }

    /** {@link LedgerRule#CORRECTION_TYPE_MISMATCH}: a declared type, in the command or the replacement, matches. */
    static void requireSameType(EntryType corrected, EntryType declared, ObjectNode replacement) {
        if (declared != null && declared != corrected) {
            throw new RuleViolationException(LedgerRule.CORRECTION_TYPE_MISMATCH, "correctedType",
                    "the entry is " + corrected + ", not " + declared);
        }
        Replacement.declaredType(replacement).ifPresent(type -> {
            if (!type.equals(corrected.name())) {
                throw new RuleViolationException(LedgerRule.CORRECTION_TYPE_MISMATCH, "replacement.type",
                        "the entry is " + corrected + ", not " + type);
            }
        });
    }
}
