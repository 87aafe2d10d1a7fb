package org.equireg.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Javadoc link checker CI runs finds each kind of broken link, and passes good ones. */
class JavadocLinksTest {
    private static final String JDK = JavadocLinks.JDK_DOCS + "17/docs/api/";

    @TempDir
    Path site;

    @Test
    void findsEveryKindOfBrokenLink() throws IOException {
        Path core = Files.createDirectories(site.resolve("equireg-core/apidocs/org/equireg/core"));
        Files.writeString(core.resolve("Tensor.html"), "<a id=\"&lt;init&gt;(int)\"></a><a id=\"sum()\"></a>");
        Path nn = Files.createDirectories(site.resolve("equireg-nn/apidocs/org/equireg/nn"));
        Files.writeString(nn.resolve("Linear.html"), String.join("\n",
                "<a href=\"../../../../../equireg-core/apidocs/org/equireg/core/Tensor.html#sum()\">ok</a>",
                "<a href=\"../../../../../equireg-core/apidocs/org/equireg/core/Tensor.html#%3Cinit%3E(int)\">ok</a>",
                "<a href=\"" + JDK + "java.base/java/lang/Object.html#hashCode()\">ok</a>",
                "<a href=\"" + JDK + "java.base/java/util/Map.Entry.html\">ok</a>",
                "<a href=\"https://example.org/elsewhere.html\">not followed</a>",
                "<a href=\"../../../../../equireg-core/apidocs/org/equireg/core/Tensor.html#mean()\">anchor</a>",
                "<a href=\"Missing.html\">file</a>",
                "<a href=\"" + JDK + "java.base/java/lang/NoSuchClass.html\">jdk class</a>",
                "<a href=\"https://github.com/equireg/equireg/apidocs/org.equireg.core/org/equireg/core/Tensor.html\">own</a>"));

        JavadocLinks.Result result = JavadocLinks.check(List.of(site));

        String page = Path.of("equireg-nn/apidocs/org/equireg/nn/Linear.html") + ": ";
        assertEquals(Set.of(
                page + "../../../../../equireg-core/apidocs/org/equireg/core/Tensor.html#mean() (no anchor 'mean()')",
                page + "Missing.html (no such file)",
                page + JDK + "java.base/java/lang/NoSuchClass.html (no class java.lang.NoSuchClass)",
                page + "https://github.com/equireg/equireg/apidocs/org.equireg.core/org/equireg/core/Tensor.html"
                        + " (absolute link to an equireg page)"), result.broken());
        assertEquals(2, result.files());
        assertEquals(9, result.links());
    }

    @Test
    void unpacksAJavadocJarAsArtifactApidocs() throws IOException {
        Path jar = site.resolve("equireg-nn-0.2.0-javadoc.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("index.html"));
            zip.write("<a href=\"index.html\">self</a>".getBytes());
            zip.closeEntry();
        }
        Path folder = JavadocLinks.unpack(jar, site.resolve("unpacked"));
        assertEquals(true, Files.isRegularFile(folder.resolve("equireg-nn/apidocs/index.html")));
        assertEquals(Set.of(), JavadocLinks.check(List.of(folder)).broken());
    }
}
