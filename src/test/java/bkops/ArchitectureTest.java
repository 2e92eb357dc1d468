package bkops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The arrows between bkops's packages (README, Development): which package may use which, read from the sources
 * (imports and fully qualified names, comments and strings left out). A use outside the matrix fails here.
 */
class ArchitectureTest {
    /** The root package's classes every package but these may use: the exit codes and the version. */
    private static final Set<String> SHARED_ROOT = Set.of("ExitCode", "Version");

    /** The package every package (the root's classes too) may use: the language and its catalogue. */
    private static final String SHARED = "i18n";

    /** What each package may use besides itself and i18n; "root" is bkops's own ExitCode and Version. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("i18n", Set.of()),
            Map.entry("model", Set.of()),
            Map.entry("config", Set.of()),
            Map.entry("cron", Set.of()),
            Map.entry("sandbox", Set.of()),
            Map.entry("api", Set.of("model", "root")),
            Map.entry("ops", Set.of("api", "model", "root")),
            Map.entry("render", Set.of("model", "cron", "config", "ops", "root")),
            Map.entry("daemon", Set.of("config", "root")),
            Map.entry("cli", Set.of("api", "model", "config", "cron", "ops", "render", "daemon", "sandbox", "root")));

    private static final Path SOURCES = Path.of("src/main/java/bkops");
    private static final Pattern USE = Pattern.compile("\\bbkops\\.([a-z]+)\\.([a-z]+\\.)*([A-Z]\\w*)|\\bbkops\\.([A-Z]\\w*)");

    /** Every use of another bkops package in the sources: "file -> package.Class". */
    private static Map<String, Set<String>> uses() throws IOException {
        Map<String, Set<String>> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = withoutCommentsAndStrings(Files.readString(f));
                Set<String> used = new TreeSet<>();
                Matcher m = USE.matcher(code);
                while (m.find()) {
                    used.add(m.group(4) != null ? "root." + m.group(4) : m.group(1) + "." + m.group(3));
                }
                out.put(SOURCES.relativize(f).toString(), used);
            }
        }
        return out;
    }

    /** The package a source file is in: its first folder under bkops, "root" for bkops itself. */
    private static String packageOf(String file) {
        int slash = file.indexOf('/');
        return slash < 0 ? "root" : file.substring(0, slash);
    }

    @Test
    void everyPackageUsesOnlyWhatItsArrowsAllow() throws IOException {
        List<String> wrong = new ArrayList<>();
        Map<String, Set<String>> uses = uses();
        uses.forEach((file, used) -> {
            String from = packageOf(file);
            for (String u : used) {
                String to = u.substring(0, u.indexOf('.'));
                String cls = u.substring(u.indexOf('.') + 1);
                if (to.equals(from) && !from.equals("root")) {
                    continue;
                }
                if (from.equals("root") && (file.equals("Main.java") || file.equals("DaemonMain.java"))) {
                    continue; // the entry points put the rooms together
                }
                boolean ok = to.equals(SHARED) && !from.equals(SHARED) ? true : to.equals("root") ? ALLOWED.getOrDefault(from, Set.of()).contains("root")
                        && SHARED_ROOT.contains(cls) : ALLOWED.getOrDefault(from, Set.of()).contains(to);
                if (!ok) {
                    wrong.add(file + " uses " + u);
                }
            }
        });
        assertEquals(List.of(), wrong);
    }

    /**
     * render may use ops's values (a Verdict, a TaskSnapshot), never a class that talks to the servers: the ops
     * classes it uses use nothing of api.
     */
    @Test
    void renderUsesNoTransportClassOfOps() throws IOException {
        Map<String, Set<String>> uses = uses();
        List<String> wrong = new ArrayList<>();
        uses.forEach((file, used) -> {
            if (!packageOf(file).equals("render")) {
                return;
            }
            for (String u : used) {
                if (!u.startsWith("ops.")) {
                    continue;
                }
                String cls = u.substring(4);
                uses.forEach((other, its) -> {
                    if (packageOf(other).equals("ops") && other.endsWith("/" + cls + ".java")
                            && its.stream().anyMatch(x -> x.startsWith("api."))) {
                        wrong.add(file + " uses " + u + ", which uses the api");
                    }
                });
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void theMatrixCoversEveryPackage() throws IOException {
        Set<String> packages = new TreeSet<>();
        uses().keySet().forEach(f -> packages.add(packageOf(f)));
        packages.remove("root");
        assertEquals(new TreeSet<>(ALLOWED.keySet()), packages, "a new package needs its arrows here and in README");
    }

    /** The test reads what it must: a forbidden use in code is seen, one in a comment or a string is not. */
    @Test
    void usesAreReadFromCodeOnly() {
        String code = withoutCommentsAndStrings("""
                import bkops.cli.Cli; // bkops.render.Table
                /* bkops.ops.Bulk */ String s = "bkops.daemon.DaemonServer"; char c = '"';
                x = bkops.model.job.JobLink.of(bkops.ExitCode.OK);
                """);
        Matcher m = USE.matcher(code);
        List<String> seen = new ArrayList<>();
        while (m.find()) {
            seen.add(m.group());
        }
        assertEquals(List.of("bkops.cli.Cli", "bkops.model.job.JobLink", "bkops.ExitCode"), seen);
        assertTrue(packageOf("cli/task/TaskList.java").equals("cli") && packageOf("Main.java").equals("root"));
    }

    /** The code with comments, string and character literals (text blocks too) blanked. */
    static String withoutCommentsAndStrings(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (s.startsWith("//", i)) {
                int end = s.indexOf('\n', i);
                i = end < 0 ? s.length() : end;
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? s.length() : end + 2;
                out.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                i = end < 0 ? s.length() : end + 3;
                out.append("\"\"");
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) != c) {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(c).append(c);
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }
}
