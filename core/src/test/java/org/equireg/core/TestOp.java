package org.equireg.core;

/** Custom primitives of the tests, named as a user's own would be. */
public enum TestOp implements Primitive {
    CUSTOM("custom"),
    WRONG("wrong");

    private final String opName;

    TestOp(String opName) {
        this.opName = opName;
    }

    @Override
    public String opName() {
        return opName;
    }
}
