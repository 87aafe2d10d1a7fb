package org.equireg.core.io;

import java.io.IOException;

/**
 * A safetensors file that breaks the format: its message says what is wrong and where. Thrown
 * instead of any unchecked exception or {@link OutOfMemoryError}, so a caller that loads files from
 * untrusted sources needs to handle only {@link IOException}.
 */
public final class MalformedSafeTensorsException extends IOException {
    private static final long serialVersionUID = 1L;

    /** A problem described by {@code message}. */
    public MalformedSafeTensorsException(String message) {
        super(message);
    }

    /** {@code cause}'s problem, with its message prefixed by {@code context} (the file, say). */
    public MalformedSafeTensorsException(String context, MalformedSafeTensorsException cause) {
        super(context + ": " + cause.getMessage(), cause);
    }
}
