package org.ecoledger.core.store;

import org.axonframework.serialization.Revision;

/** A test event: the store does not care what the ledger's events mean. */
@Revision("1")
public record NoteAddedEvent(String text, int number) {
}
