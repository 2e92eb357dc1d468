package bkops.cli.docs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** completions/ and man/ are committed; they must match what the command classes generate today. */
class GeneratedDocsTest {
    private static final String HOW = " is stale: run bin/gen-docs and commit the result";

    @Test
    void committedCompletionsAndManPagesMatchTheCommandClasses() throws IOException {
        Map<String, String> expected = GenerateDocs.files();
        for (Map.Entry<String, String> f : expected.entrySet()) {
            Path p = Path.of(f.getKey());
            assertTrue(Files.exists(p), f.getKey() + " is missing: run bin/gen-docs and commit the result");
            assertEquals(f.getValue(), Files.readString(p, StandardCharsets.UTF_8), f.getKey() + HOW);
        }
        try (var pages = Files.list(Path.of("man/man1"))) {
            TreeSet<String> extra = new TreeSet<>();
            pages.forEach(p -> {
                if (!expected.containsKey("man/man1/" + p.getFileName())) extra.add(p.getFileName().toString());
            });
            assertTrue(extra.isEmpty(), "man pages of commands that no longer exist: " + extra + HOW);
        }
    }

    @Test
    void everyVisibleCommandHasAManPageWithTheSectionsOperatorsLookFor() {
        Map<String, String> files = GenerateDocs.files();
        String root = files.get("man/man1/bkops.1");
        for (String section : List.of(".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH EXIT STATUS", ".SH ENVIRONMENT",
                ".SH FILES", ".SH EXAMPLES")) {
            assertTrue(root.contains(section), "bkops.1 lacks " + section);
        }
        assertTrue(files.keySet().stream().anyMatch(k -> k.equals("man/man1/bkops-config-view.1")));
        assertTrue(files.keySet().stream().noneMatch(k -> k.contains("__complete")), "hidden commands have no page");
    }
}
