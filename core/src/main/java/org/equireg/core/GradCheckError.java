package org.equireg.core;

/** Thrown by {@link GradCheck} when a derivative rule disagrees with finite differences or breaks a law of backward. */
public final class GradCheckError extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** An error with the given explanation. */
    public GradCheckError(String message) {
        super(message);
    }
}
