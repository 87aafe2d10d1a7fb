package org.equireg.examples.cli;

/** A malformed command line: unknown flag, missing or invalid value. The message says which. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with a message for the user. */
    public UsageException(String message) {
        super(message);
    }
}
