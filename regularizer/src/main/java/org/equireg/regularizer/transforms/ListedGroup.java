package org.equireg.regularizer.transforms;

import java.util.List;

/** A finite group given by its element list. */
record ListedGroup(String name, List<Transform> elements) implements FiniteGroup {

    @Override
    public String toString() {
        return name;
    }
}
