package dev.ticketingwarrior.edge.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measure of "one service edge" that decision 0015 proposes, run by every build: no module's main code has, to
 * the letter, a run of lines that another module's main code has too. What is the same logic lives once, in
 * {@code service-edge} or {@code shared}. Code alike only in shape (a constructor that assigns its fields, a record
 * checking its components) is not looked for; the decision says why.
 *
 * <p>A run is {@value #RUN} lines of substance in a row, compared trimmed; lines without substance (blank, braces,
 * fewer than three letters or digits, keywords alone such as {@code @Override} or <code>try {</code>, package and import
 * lines) are skipped, so they neither make a run nor break one.
 */
class CopiesAcrossModulesTests {

    private static final int RUN = 5;

    /** Folders no module's source is in. */
    private static final Set<String> SKIPPED = Set.of("node_modules", ".git", "target", ".local");

    /** Lines of keywords alone, which any two Java files share. */
    private static final Set<String> THIN = Set.of(
            "@Override",
            "} else {",
            "try {",
            "} finally {",
            "break;",
            "continue;",
            "return;",
            "return null;",
            "return true;",
            "return false;");

    @Test
    void noModuleRepeatsAnotherModulesMainCode() {
        Path root = Path.of("..").toAbsolutePath().normalize();
        assertThat(root.resolve("service-edge/pom.xml"))
                .as("the repository's root")
                .exists();

        List<String> copies = copiesAcrossModules(root);

        assertThat(copies)
                .as("main code repeated in another module: share it (service-edge, shared) instead")
                .isEmpty();
    }

    @Test
    void findsARunCopiedIntoAnotherModule(@TempDir Path root) throws IOException {
        String rule = """
                static boolean allowed(String name) {
                    String trimmed = name.strip();
                    int length = trimmed.codePointCount(0, trimmed.length());
                    boolean fits = length >= 2 && length <= 20;
                    return fits && PATTERN.matcher(trimmed).matches();
                }
                """;
        write(root, "admission/src/main/java/a/Names.java", "class Names {\n" + rule + "}\n");
        write(root, "booking/src/main/java/b/Players.java", "final class Players {\n\n" + rule + "}\n");

        assertThat(copiesAcrossModules(root))
                .singleElement()
                .asString()
                .contains("admission/src/main/java/a/Names.java:2")
                .contains("booking/src/main/java/b/Players.java:3");
    }

    @Test
    void linesWithoutSubstanceMakeNoRun(@TempDir Path root) throws IOException {
        String thin = "    @Override\n    }\n  }\n}\n\n    } else {\n  });\n    try {\n      return null;\n";
        write(root, "admission/src/main/java/a/A.java", thin.repeat(RUN));
        write(root, "booking/src/main/java/b/B.java", thin.repeat(RUN));

        assertThat(copiesAcrossModules(root)).isEmpty();
    }

    @Test
    void aRunRepeatedInOneModuleOrInTestCodeIsNotACopyAcrossModules(@TempDir Path root) throws IOException {
        String body = "a = 1;\nb = 2;\nc = 3;\nd = 4;\ne = 5;\n";
        write(root, "booking/src/main/java/b/One.java", body);
        write(root, "booking/src/main/java/b/Two.java", body);
        write(root, "admission/src/test/java/a/OneTests.java", body);

        assertThat(copiesAcrossModules(root)).isEmpty();
    }

    /** One line per pair of files in two modules that share a run: the first place of the run in each. */
    private static List<String> copiesAcrossModules(Path root) {
        Map<List<String>, List<Place>> runs = new HashMap<>();
        for (Path main : mainDirectories(root)) {
            String module = root.relativize(main.getParent().getParent()).toString();
            for (Path file : sources(main)) {
                List<Line> lines = substance(file);
                for (int i = 0; i + RUN <= lines.size(); i++) {
                    List<String> run =
                            lines.subList(i, i + RUN).stream().map(Line::text).toList();
                    runs.computeIfAbsent(run, key -> new ArrayList<>())
                            .add(new Place(
                                    module, root.relativize(file), lines.get(i).number()));
                }
            }
        }
        Map<String, Copy> firstPerPair = new TreeMap<>();
        runs.values().forEach(places -> {
            for (Place a : places) {
                for (Place b : places) {
                    if (a.module().compareTo(b.module()) < 0) {
                        firstPerPair.merge(a.file() + " ~ " + b.file(), new Copy(a, b), Copy::earlier);
                    }
                }
            }
        });
        return firstPerPair.values().stream().map(Copy::toString).toList();
    }

    /**
     * Every {@code <module>/src/main} below the root (modules nest, e.g. {@code scripts/local-stack}), not looking into
     * what no module's source is in (dependencies, build output, git's own files).
     */
    private static List<Path> mainDirectories(Path root) {
        List<Path> mains = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), 4, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    String name =
                            dir.getFileName() == null ? "" : dir.getFileName().toString();
                    if (SKIPPED.contains(name)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    if (dir.endsWith(Path.of("src", "main"))) {
                        mains.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mains.stream().sorted().toList();
    }

    private static List<Path> sources(Path main) {
        try (Stream<Path> paths = Files.walk(main)) {
            return paths.filter(path ->
                            path.toString().endsWith(".java") || path.toString().endsWith(".lua"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Line> substance(Path file) {
        try {
            List<String> all = Files.readAllLines(file);
            List<Line> lines = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                String text = all.get(i).strip();
                if (hasSubstance(text)) {
                    lines.add(new Line(i + 1, text));
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean hasSubstance(String text) {
        if (text.startsWith("package ") || text.startsWith("import ") || THIN.contains(text)) {
            return false;
        }
        return text.chars().filter(Character::isLetterOrDigit).count() >= 3;
    }

    private static void write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private record Line(int number, String text) {}

    private record Copy(Place first, Place second) {

        Copy earlier(Copy other) {
            return first.line() <= other.first.line() ? this : other;
        }

        @Override
        public String toString() {
            return first + " ~ " + second;
        }
    }

    private record Place(String module, Path file, int line) {

        @Override
        public String toString() {
            return file + ":" + line;
        }
    }
}
