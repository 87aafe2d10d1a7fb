package org.equireg.examples.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks every link of generated Javadoc HTML: a relative link must name a file that exists and, with
 * a fragment, an {@code id} or {@code name} in it; a link into the JDK's API docs must name a class
 * of an exported package of this JDK; equireg's own pages must be linked relatively. Other absolute
 * links are not followed (no network).
 *
 * <p>Run by CI after the build, with only a JDK ({@code java JavadocLinks.java PATH...}): a folder is
 * checked as it is (the libraries' Javadoc under {@code target/javadoc/<artifactId>/apidocs}); a
 * {@code *-javadoc.jar} is unpacked first as {@code <artifactId>/apidocs} next to the others, the
 * layout the sibling links assume. Exits with status 1 listing every broken link.
 */
public final class JavadocLinks {
    /** Where the JDK's API docs live, as the Javadoc plugin links them. */
    static final String JDK_DOCS = "https://docs.oracle.com/en/java/javase/";
    private static final Pattern LINK = Pattern.compile("\\s(?:href|src)=\"([^\"]*)\"");
    private static final Pattern ANCHOR = Pattern.compile("\\s(?:id|name)=\"([^\"]*)\"");
    private static final Pattern JAR = Pattern.compile("(.+?)-\\d[^/]*-javadoc\\.jar");

    private final Map<Path, Set<String>> anchors = new HashMap<>();

    private JavadocLinks() {
    }

    public static void main(String[] arguments) throws IOException {
        if (arguments.length == 0) {
            System.err.println("usage: java JavadocLinks.java FOLDER|JAVADOC_JAR...");
            System.exit(2);
        }
        Path unpacked = Files.createTempDirectory("javadoc-links");
        List<Path> roots = new ArrayList<>();
        for (String argument : arguments) {
            Path path = Path.of(argument);
            roots.add(path.toString().endsWith("-javadoc.jar") ? unpack(path, unpacked) : path);
        }
        Result result = check(roots);
        System.out.println("javadoc links: " + result.files() + " pages, " + result.links() + " links checked");
        if (!result.broken().isEmpty()) {
            result.broken().forEach(System.out::println);
            System.out.println(result.broken().size() + " broken links");
            System.exit(1);
        }
    }

    /**
     * What {@link #check} found.
     *
     * @param files HTML pages read
     * @param links links checked
     * @param broken one line per broken link: page, then the link
     */
    record Result(int files, int links, Set<String> broken) {
    }

    /** Checks every HTML page under the given folders. */
    static Result check(List<Path> roots) throws IOException {
        JavadocLinks checker = new JavadocLinks();
        Set<String> broken = new TreeSet<>();
        int files = 0;
        int links = 0;
        for (Path root : roots) {
            if (!Files.isDirectory(root)) {
                throw new IllegalArgumentException("no such folder: " + root.toAbsolutePath());
            }
            List<Path> pages;
            try (Stream<Path> walk = Files.walk(root)) {
                pages = walk.filter(p -> p.toString().endsWith(".html")).toList();
            }
            for (Path page : pages) {
                files++;
                Matcher link = LINK.matcher(Files.readString(page));
                while (link.find()) {
                    links++;
                    String problem = checker.problem(page, link.group(1));
                    if (problem != null) {
                        broken.add(root.relativize(page) + ": " + link.group(1) + " (" + problem + ")");
                    }
                }
            }
        }
        return new Result(files, links, broken);
    }

    /** Why the link from {@code page} is broken, or null when it resolves. */
    private String problem(Path page, String link) {
        if (link.startsWith(JDK_DOCS)) {
            return jdkProblem(link);
        }
        if (link.contains("://") && link.contains("/org/equireg/")) {
            // equireg's own classes are linked relatively; an absolute link points at a site that may not exist.
            return "absolute link to an equireg page";
        }
        if (link.contains("://") || link.startsWith("javascript:") || link.startsWith("mailto:") || link.isEmpty()) {
            return null;
        }
        int hash = link.indexOf('#');
        String file = hash < 0 ? link : link.substring(0, hash);
        int query = file.indexOf('?');
        file = query < 0 ? file : file.substring(0, query);
        Path target = file.isEmpty() ? page : page.getParent().resolve(URLDecoder.decode(file, StandardCharsets.UTF_8))
                .normalize();
        if (!Files.exists(target)) {
            return "no such file";
        }
        if (hash < 0 || hash == link.length() - 1 || !target.toString().endsWith(".html")) {
            return null;
        }
        String fragment = URLDecoder.decode(link.substring(hash + 1), StandardCharsets.UTF_8);
        if (anchorsOf(target).contains(fragment)) {
            return null;
        }
        // JDK 17's javadoc links the constant-values contents to "#org.equireg" (the packages' common
        // prefix) but gives the section the first package's id; a defect of the tool, not of the sources.
        boolean toolDefect = target.getFileName().toString().equals("constant-values.html")
                && anchorsOf(target).stream().anyMatch(id -> id.startsWith(fragment + "."));
        return toolDefect ? null : "no anchor '" + fragment + "'";
    }

    /** A JDK link names module/package/Class.html: the class must exist and its package be exported. */
    private static String jdkProblem(String link) {
        Matcher parts = Pattern.compile("\\d+/docs/api/([\\w.]+)/((?:\\w+/)*)(\\w+(?:\\.\\w+)*)\\.html(?:#.*)?")
                .matcher(link.substring(JDK_DOCS.length()));
        if (!parts.matches()) {
            return link.contains("/docs/api/") || link.contains("/docs/specs/") ? null : "not a JDK docs page";
        }
        String module = parts.group(1);
        String packageName = parts.group(2).isEmpty() ? "" : parts.group(2).substring(0, parts.group(2).length() - 1)
                .replace('/', '.');
        String page = parts.group(3);
        var found = ModuleLayer.boot().findModule(module);
        if (found.isEmpty()) {
            return "no JDK module " + module;
        }
        if (packageName.isEmpty() || page.equals("package-summary") || page.equals("module-summary")) {
            return null;
        }
        if (!found.get().getDescriptor().exports().stream().anyMatch(e -> !e.isQualified() && e.source().equals(packageName))) {
            return module + " does not export " + packageName;
        }
        // Class.forName(Module, String) returns null for a class the module does not hold.
        return Class.forName(found.get(), packageName + "." + page.replace('.', '$')) == null
                ? "no class " + packageName + "." + page : null;
    }

    private Set<String> anchorsOf(Path page) {
        return anchors.computeIfAbsent(page, p -> {
            Set<String> ids = new HashSet<>();
            try {
                Matcher anchor = ANCHOR.matcher(Files.readString(p));
                while (anchor.find()) {
                    ids.add(unescape(anchor.group(1)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ids;
        });
    }

    /** The attribute value as text: javadoc writes constructor ids as {@code &lt;init&gt;(...)}. */
    private static String unescape(String attribute) {
        return attribute.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /** Unpacks {@code equireg-nn-0.2.0-javadoc.jar} into {@code folder/equireg-nn/apidocs}; returns the folder. */
    static Path unpack(Path jar, Path folder) throws IOException {
        Matcher name = JAR.matcher(jar.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("not a javadoc jar name (artifactId-version-javadoc.jar): " + jar);
        }
        Path into = folder.resolve(name.group(1)).resolve("apidocs");
        try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException(jar + ": entry outside the folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                }
            }
        }
        return folder;
    }
}
