package dev.lookout.source.restate.arrow;

/**
 * The bytes are not an Arrow IPC stream this reader can decode, or a column is missing or of a
 * type it does not decode. Checked, because the bytes come from the network: callers decide
 * whether the query is worth retrying.
 */
public final class ArrowFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public ArrowFormatException(String message) {
        super(message);
    }

    public ArrowFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
