package bkops.cli;

import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rule for -o on every command (cli/Output): an explicit format the result cannot give is one usage error; a
 * format from the environment or the profile that it cannot give falls back to the result's default.
 */
class OutputRuleTest {
    @TempDir
    static Path dir;
    static TestSandbox sb;

    @BeforeAll
    static void start() {
        sb = TestSandbox.start(dir);
    }

    @AfterAll
    static void stop() {
        sb.close();
    }

    private static Map<String, String> env(String output) {
        Map<String, String> env = new HashMap<>(sb.env());
        env.put("BKOPS_OUTPUT", output);
        return env;
    }

    @Test
    void aFormatFromTheEnvironmentThatACommandCannotGiveFallsBackToItsDefault() {
        CliRun.Result graph = sb.run(env("json"), "template", "graph", "7");
        assertEquals(0, graph.exit(), graph.toString());
        assertEquals(sb.run("template", "graph", "7").out(), graph.out());
        assertTrue(graph.out().startsWith("digraph"), graph.out());
        assertEquals("", graph.err());

        // and one it can give is used
        CliRun.Result list = sb.run(env("json"), "template", "list");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().startsWith("["), list.out());
    }

    @Test
    void anExplicitFormatACommandCannotGiveIsOneUsageErrorBeforeAnythingIsSent() {
        sb.clearRequests();
        CliRun.Result r = sb.run("template", "graph", "7", "-o", "json");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("", r.out());
        assertEquals("bkops: output format 'json' (from flag) is not available here; choose one of: dot, mermaid\n",
                r.err());
        assertTrue(sb.requests().isEmpty(), "nothing was asked of the server");
    }

    @Test
    void theFlagWinsOverTheEnvironmentAndFallsBackNever() {
        CliRun.Result r = sb.run(env("json"), "template", "graph", "7", "-o", "mermaid");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("flowchart"), r.out());
    }

    @Test
    void aProfilesFormatFallsBackToo() throws IOException {
        Path config = dir.resolve("config-home");
        Files.createDirectories(config.resolve("bkops"));
        Files.writeString(config.resolve("bkops/config"), "[sandbox]\noutput = yaml\n");
        Map<String, String> env = new HashMap<>(sb.env());
        env.put("XDG_CONFIG_HOME", config.toString());
        CliRun.Result list = sb.run(env, "-p", "sandbox", "template", "list");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.out().startsWith("- "), "the profile's yaml where the command gives it: " + list.out());
        CliRun.Result graph = sb.run(env, "-p", "sandbox", "template", "graph", "7");
        assertEquals(0, graph.exit(), graph.toString());
        assertTrue(graph.out().startsWith("digraph"), graph.out());
    }

    @Test
    void aResultThatGivesFewerFormatsFallsBackToo() {
        String id = sb.run("task", "create", "--template", "1", "--name", "fallback", "-o", "id").out().strip();
        // one task gives no jsonl (several do): the tree, its default
        CliRun.Result one = sb.run(env("jsonl"), "task", "status", id);
        assertEquals(0, one.exit(), one.toString());
        assertEquals(sb.run("task", "status", id).out(), one.out());
        CliRun.Result explicit = sb.run("task", "status", id, "-o", "jsonl");
        assertEquals(2, explicit.exit(), explicit.toString());
        assertEquals("bkops: output format 'jsonl' (from flag) is not available here; choose one of: table, wide, "
                + "json, yaml, tree\n", explicit.err());
    }
}
