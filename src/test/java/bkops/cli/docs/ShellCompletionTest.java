package bkops.cli.docs;

import bkops.testing.CliRun;
import bkops.testing.ScriptedServer;
import bkops.testing.OutputLog;
import bkops.testing.Slow;
import bkops.testing.TestEnv;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Loads the committed completion scripts into real shells and checks what they offer for partial command lines. */
@Slow
class ShellCompletionTest {
    @TempDir
    Path tmp;

    /** Runs the bash completion function for a command line typed up to the cursor (last word = the partial one). */
    private List<String> bash(String... words) throws IOException, InterruptedException {
        StringBuilder arr = new StringBuilder();
        for (String w : words) {
            arr.append('\'').append(w.replace("'", "'\\''")).append("' ");
        }
        String script = "source completions/bkops.bash\n"
                + "COMP_WORDS=(" + arr + ")\nCOMP_CWORD=" + (words.length - 1) + "\n_bkops\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return run(List.of("bash", "--norc", "--noprofile", "-c", script));
    }

    private List<String> run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(TestEnv.in(tmp).env());
        // A PATH without bkops: live completion must give up silently, never hang.
        pb.environment().put("PATH", "/usr/bin:/bin");
        Process p = pb.start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "completion finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        OutputLog.record(OutputLog.Source.PROCESS, pb.environment(), new CliRun.Result(p.exitValue(), out, ""));
        assertEquals(0, p.exitValue(), out);
        return Arrays.stream(out.split("\n")).filter(s -> !s.isBlank()).sorted().toList();
    }

    @Test
    void completesNounsVerbsOptionsAndEnumeratedValues() throws Exception {
        assertEquals(List.of("completion", "config"), bash("bkops", "co"));
        assertEquals(List.of("profiles"), bash("bkops", "config", "pro"));
        assertTrue(bash("bkops", "config", "view", "--").containsAll(List.of("--output", "--profile", "--help")));
        // -o offers the formats the command gives (its GlobalUse), every format before a command is named
        assertEquals(List.of("json"), bash("bkops", "config", "view", "-o", "js"));
        assertEquals(List.of("json", "jsonl"), bash("bkops", "template", "list", "-o", "js"));
        assertEquals(List.of("dot"), bash("bkops", "template", "graph", "--output", "d"));
        assertEquals(List.of("json", "jsonl"), bash("bkops", "-o", "js"));
        assertEquals(List.of("esb"), bash("bkops", "--gateway", "e"));
        assertEquals(List.of("bash"), bash("bkops", "completion", "ba"));
        // a global option's value is skipped when finding the command path
        assertEquals(List.of("view"), bash("bkops", "-p", "prod", "config", "vi"));
    }

    @Test
    void liveIdsComeFromTheCacheAndNothingHangsWithoutIt() throws Exception {
        Assumptions.assumeTrue(Files.readString(Path.of("completions/bkops.bash")).contains("@templates"),
                "no command takes a TEMPLATE yet");
        Path cache = tmp.resolve("cache/bkops/complete");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("_.templates"), "3\t发布 nginx\n31\tlinear flow\n");
        assertEquals(List.of("3", "31"), bash("bkops", "template", "show", "3"));
        Files.delete(cache.resolve("_.templates"));
        assertEquals(List.of(), bash("bkops", "template", "show", ""), "offline and unconfigured: nothing, quickly");
    }

    /** Ids a hostile server (or anyone who can write the cache) might hand the shell; each one would run or expand. */
    private String hostileIds() {
        return "$(touch " + tmp.resolve("pwned-subst") + ")\tsubstitution\n"
                + "`touch " + tmp.resolve("pwned-tick") + "`\tbackticks\n"
                + "3;touch " + tmp.resolve("pwned-semi") + "\tsemicolon\n"
                + "*\tglob\n"
                + "${HOME}\tvariable\n"
                + "12\tok \u001b]0;title\u0007\n";
    }

    private void assertNothingRan() throws IOException {
        try (var files = Files.list(tmp)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("pwned")).toList(),
                    "completion ran a command found in the ids");
        }
    }

    @Test
    void bashNeverEvaluatesIdsFromTheCache() throws Exception {
        Path cache = tmp.resolve("cache/bkops/complete");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("_.templates"), hostileIds());
        assertEquals(List.of("12"), bash("bkops", "template", "show", ""));
        assertEquals(List.of("12"), bash("bkops", "template", "show", "1"));
        assertNothingRan();
    }

    @Test
    void zshOffersOnlyWellFormedIdsFromTheCache() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
                "zsh is not installed on this machine");
        Path cache = tmp.resolve("cache/bkops/complete");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("_.templates"), hostileIds());
        assertEquals(List.of("12:ok  ]0;title "), zsh("bkops", "template", "show", ""));
        assertNothingRan();
    }

    /**
     * The whole path: a server answers ids that are shell code. api/Shapes refuses the answer (SOPS ids are whole
     * numbers), so __complete caches nothing, and TAB in bash offers and runs nothing; the cache's own filter (the
     * tests above) is the second line.
     */
    @Test
    void idsFromAScriptedServerNeverReachTheShell() throws Exception {
        try (ScriptedServer server = ScriptedServer.start()) {
            server.on("get_template_list", 200, ScriptedServer.ok("["
                    + "{\"id\": \"$(touch " + tmp.resolve("pwned-subst") + ")\", \"name\": \"a\"},"
                    + "{\"id\": \"*\", \"name\": \"b\"},"
                    + "{\"id\": 31, \"name\": \"linear\"}]"));
            CliRun.Result r = CliRun.run(server.env(tmp), "__complete", "templates");
            assertEquals(6, r.exit(), r.toString());
            assertEquals("", r.out());
            assertFalse(Files.exists(tmp.resolve("cache/bkops/complete/_.templates")), "nothing cached");
        }
        assertEquals(List.of(), bash("bkops", "template", "show", ""));
        assertNothingRan();
    }

    /**
     * Runs the zsh completion function for a partial command line. zsh's completion builtins are replaced by stubs that
     * print what they were given, so the test sees the candidates without a terminal; the script runs unchanged.
     */
    private List<String> zsh(String... words) throws IOException, InterruptedException {
        StringBuilder arr = new StringBuilder();
        for (String w : words) {
            arr.append('\'').append(w.replace("'", "'\\''")).append("' ");
        }
        String script = "compdef() { :; }\n"
                + "source completions/_bkops\n"
                + "_describe() { local a=$4; [[ $1 == -t ]] || a=$3; print -rl -- \"${(@)${(P)a}}\"; }\n"
                + "compadd() { [[ $1 == -- ]] && shift; print -rl -- \"$@\"; }\n"
                + "compset() { :; }\n"
                + "words=(" + arr + "); CURRENT=" + words.length + "\n_bkops\n";
        return run(List.of("zsh", "-f", "-c", script));
    }

    @Test
    void zshOffersCommandsWithDescriptionsOptionValuesAndLiveIdsWithNames() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
                "zsh is not installed on this machine");
        assertTrue(zsh("bkops", "tem").stream().anyMatch(l -> l.startsWith("template:Flow templates")),
                "commands come with their descriptions");
        assertEquals(List.of("json", "jsonl"), zsh("bkops", "-o", "js").stream().filter(l -> l.startsWith("js")).toList());
        assertTrue(zsh("bkops", "template", "list", "--").contains("--common:Common templates (shared by all businesses) "
                + "instead of the business's own."), "options with descriptions");
        Path cache = tmp.resolve("cache/bkops/complete");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("_.templates"), "3\t发布 nginx\n31\tlinear flow\n");
        assertEquals(List.of("31:linear flow", "3:发布 nginx"), zsh("bkops", "template", "show", ""),
                "ids with their names as descriptions, from the cache");
    }
}
