package org.equireg.core;

/**
 * The identity of a differentiable primitive, as recorded in the graph. Implemented by enums: core's
 * {@link org.equireg.core.ops.Op} lists every primitive of the engine, and a library or user that adds
 * its own primitives (with {@link Tensor#fromOp}) lists them in an enum of its own.
 */
public interface Primitive {
    /** The name shown in error messages and anomaly reports, in lower camel case ({@code "conv2d"}). */
    String opName();
}
