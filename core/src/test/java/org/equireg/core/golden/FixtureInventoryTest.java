package org.equireg.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every fixture the generator wrote is replayed by exactly one Java case, and every case has a fixture. */
class FixtureInventoryTest {
    private static final String SUFFIX = ".safetensors";

    /** Every family's directory name and its cases. */
    static final Map<String, Supplier<Stream<GoldenCase>>> FAMILIES = Map.of(
            ElementwiseGoldenTest.FAMILY, ElementwiseGoldenTest::cases,
            ReductionGoldenTest.FAMILY, ReductionGoldenTest::cases,
            MatMulGoldenTest.FAMILY, MatMulGoldenTest::cases,
            MovementGoldenTest.FAMILY, MovementGoldenTest::cases,
            ConvolutionGoldenTest.FAMILY, ConvolutionGoldenTest::cases,
            ModelGoldenTest.FAMILY, ModelGoldenTest::cases,
            HvpGoldenTest.FAMILY, HvpGoldenTest::cases);

    @Test
    void everyFamilyDirectoryHasATestClass() throws IOException {
        try (Stream<Path> directories = Files.list(Golden.directory(""))) {
            Set<String> onDisk = directories.map(path -> path.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(new TreeSet<>(FAMILIES.keySet()), onDisk);
        }
    }

    @Test
    void fixturesAndCasesMatchOneToOne() throws IOException {
        for (Map.Entry<String, Supplier<Stream<GoldenCase>>> family : FAMILIES.entrySet()) {
            Set<String> cases = family.getValue().get().map(GoldenCase::name)
                    .collect(Collectors.toCollection(TreeSet::new));
            long distinct = family.getValue().get().map(GoldenCase::toString).distinct().count();
            assertEquals(family.getValue().get().count(), distinct, family.getKey() + ": duplicate case names");
            try (Stream<Path> files = Files.list(Golden.directory(family.getKey()))) {
                Set<String> fixtures = files.map(path -> path.getFileName().toString())
                        .filter(name -> name.endsWith(SUFFIX))
                        .map(name -> name.substring(0, name.length() - SUFFIX.length()))
                        .collect(Collectors.toCollection(TreeSet::new));
                assertEquals(fixtures, cases, family.getKey() + ": fixtures on disk versus Java cases");
            }
        }
    }
}
