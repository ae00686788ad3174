package org.ecoledger.api.log;

/** No checkpoint of that tree size was signed: 404. */
public class UnknownCheckpointException extends RuntimeException {

    private final long treeSize;

    public UnknownCheckpointException(long treeSize) {
        super("No checkpoint of tree size " + treeSize + " was signed");
        this.treeSize = treeSize;
    }

    public long treeSize() {
        return treeSize;
    }
}
