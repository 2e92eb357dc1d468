package bkops.cli;

import bkops.cli.job.JobScenario;
import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13 item 12: a global option a command cannot honour is an error (exit 2), never silently ignored; --dry-run
 * never changes anything; an explicit -o a command cannot give is one usage error, worded the same everywhere.
 */
@BkopsTest
class TrustGlobalsTest {
    /** The APIs that change something: none of them may be called by a dry run. */
    private static final Set<String> WRITES = Set.of("create_task", "start_task", "operate_task", "operate_node",
            "node_callback", "create_periodic_task", "set_periodic_task_enabled", "modify_cron_for_periodic_task",
            "modify_constants_for_periodic_task", "operate_step_instance", "operate_job_instance", "claim_functionalization_task", "create_and_start_task",
            "create_clocked_task");

    TestSandbox sb;
    Path dir;

    @BeforeEach
    void home() {
        dir = sb.home();
    }

    private CliRun.Result ok(String... args) {
        CliRun.Result r = sb.run(args);
        assertEquals(0, r.exit(), r::toString);
        return r;
    }

    private String task(String template, boolean start) {
        List<String> args = new ArrayList<>(List.of("task", "create", "--template", template, "--name", "t" + template, "-o", "id"));
        if (start) {
            args.add("--start");
        }
        return ok(args.toArray(String[]::new)).out().strip();
    }

    /** Every leaf command of the complete command line, e.g. "task start" (help and the hidden ones left out). */
    private static List<CommandLine> leaves() {
        CliContext ctx = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of(), false, false, CliContext.Sleeper.REAL);
        List<CommandLine> out = new ArrayList<>();
        collect(Cli.build(ctx), out);
        return out;
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        if (c.getCommandSpec().usageMessage().hidden() || c.getCommand() instanceof CommandLine.HelpCommand) {
            return;
        }
        if (c.getSubcommands().isEmpty()) {
            out.add(c);
        }
        c.getSubcommands().values().stream().distinct().forEach(s -> collect(s, out));
    }

    private static String name(CommandLine c) {
        return c.getCommandSpec().qualifiedName(" ").substring("bkops ".length());
    }

    @Test
    void everyCommandSaysHowItHonoursDryRunAndOutput() {
        for (CommandLine c : leaves()) {
            assertNotNull(c.getCommand().getClass().getAnnotation(GlobalUse.class), name(c) + " states its @GlobalUse");
        }
    }

    @Test
    void aDryRunOfEveryCommandChangesNothing() throws IOException {
        // a world with something to act on: tasks in every state, a periodic task, a Job instance, a profile
        String finished = task("1", true);
        String created = task("1", false);
        String waiting = task("4", true);
        String gateway = task("6", true);
        String subprocess = task("9", true);
        String periodic = ok("periodic", "create", "--template", "1", "--name", "p", "--cron", "0 3 * * *", "-o", "id")
                .out().strip();
        long job = JobScenario.launch(sb, 1001);
        sb.advance(Duration.ofSeconds(60));
        long step = JobScenario.step(sb, job, 0);
        ok("-p", "prod", "config", "set", "biz", "2");
        ok("task", "list"); // the engine catches up with the clock: reads after this change nothing
        for (String t : List.of(finished, created, waiting, gateway, subprocess)) {
            ok("task", "status", t);
        }
        ok("job", "status", String.valueOf(job));
        Path world = dir.resolve("state").resolve("world.json");
        Path config = dir.resolve("config").resolve("bkops").resolve("config");
        byte[] worldBefore = Files.readAllBytes(world);
        byte[] configBefore = Files.readAllBytes(config);
        sb.clearRequests();

        String j = String.valueOf(job);
        String s = String.valueOf(step);
        List<List<String>> runs = List.of(
                List.of("template", "list"), List.of("template", "show", "1"), List.of("template", "graph", "1", "-o", "dot"),
                List.of("task", "list"), List.of("task", "create", "--template", "1", "--name", "x", "--wait"),
                List.of("task", "graph", finished, "-o", "dot"), List.of("task", "start", created, "--wait"),
                List.of("task", "operate", waiting, "--action", "pause"), List.of("task", "pause", waiting),
                List.of("task", "resume", waiting), List.of("task", "revoke", waiting), List.of("task", "status", waiting),
                List.of("task", "show", waiting), List.of("task", "watch", finished), List.of("task", "wait", finished),
                List.of("--gateway", "esb", "--sops-url", sb.sandbox().esbUrl(), "task", "count", "--group-by", "status"),
                List.of("node", "show", waiting, "人工确认 approve"), List.of("node", "retry", waiting, "人工确认 approve"),
                List.of("node", "skip", gateway, "按环境 by env"),
                List.of("node", "skip-gateway", gateway, "按环境 by env", "--flow", "prod"),
                List.of("node", "callback", waiting, "人工确认 approve", "--data", "{}"),
                List.of("node", "pause", waiting, "人工确认 approve"), List.of("node", "resume", waiting, "人工确认 approve"),
                List.of("node", "pause-subprocess", subprocess, "子流程 linear deploy"),
                List.of("node", "resume-subprocess", subprocess, "子流程 linear deploy"),
                List.of("node", "forced-fail", waiting, "人工确认 approve"),
                List.of("periodic", "list"), List.of("periodic", "show", periodic),
                List.of("periodic", "create", "--template", "1", "--name", "q", "--cron", "0 4 * * *", "--enable"),
                List.of("periodic", "enable", periodic), List.of("periodic", "disable", periodic),
                List.of("periodic", "cron", periodic, "0 5 * * *"), List.of("periodic", "constants", periodic, "--set", "version=2"),
                List.of("step", "operate", "--job", j, "--step", s, "--op", "retry-failed", "--yes"),
                List.of("job", "status", j), List.of("job", "log", j, "--step", s), List.of("job", "list"),
                List.of("-p", "other", "--sops-url", "https://bk.example.com/api/bk-sops/prod", "--biz", "3", "--app-code",
                        "app", "config", "init"),
                List.of("config", "view"), List.of("-p", "prod", "config", "set", "biz", "9"),
                List.of("-p", "prod", "config", "unset", "biz"), List.of("config", "use", "prod"), List.of("config", "profiles"),
                List.of("doctor"), List.of("completion", "bash"), List.of("options"),
                List.of("sandbox", "serve", "--port", "0"), List.of("sandbox", "reset", "--state-dir", dir.resolve("state").toString()),
                List.of("daemon", "start"), List.of("daemon", "stop"), List.of("daemon", "status"),
                List.of("template", "schemes", "40"), List.of("task", "history", finished),
                List.of("task", "claim", created, "--start"), List.of("node", "log", waiting, "人工确认 approve"),
                List.of("plugin", "list"), List.of("clocked", "list"),
                List.of("task", "create", "--template", "40", "--name", "c", "--scheme", "quick", "--at", "2027-01-01 03:00"));
        Set<String> refused = Set.of("sandbox serve", "daemon start", "daemon stop");
        Set<String> previews = Set.of("task create", "task claim", "task start", "task operate", "task pause", "task resume", "task revoke",
                "node retry", "node skip", "node skip-gateway", "node callback", "node pause", "node resume",
                "node pause-subprocess", "node resume-subprocess", "node forced-fail", "periodic create", "periodic enable",
                "periodic disable", "periodic cron", "periodic constants", "step operate", "config init", "config set",
                "config unset", "config use", "sandbox reset");
        Set<String> covered = new TreeSet<>();
        List<String> all = leaves().stream().map(TrustGlobalsTest::name).toList();
        Set<String> words = new TreeSet<>();
        all.forEach(n -> words.addAll(Arrays.asList(n.split(" "))));
        for (List<String> run : runs) {
            List<String> args = new ArrayList<>(run);
            args.add("--dry-run");
            CliRun.Result r = sb.run(args.toArray(String[]::new));
            String command = commandOf(run, words);
            covered.add(command);
            if (refused.contains(command)) {
                assertEquals(2, r.exit(), r::toString);
                assertEquals("bkops: --dry-run is not available for 'bkops " + command + "': it cannot show what it would "
                        + "do without doing it; nothing was done\n", r.err());
            } else if (previews.contains(command)) {
                assertEquals(0, r.exit(), r::toString);
                assertTrue((r.out() + r.err()).contains("dry run") || r.out().contains("would "), r::toString);
            } else {
                assertTrue(r.exit() != 1 && r.exit() != 2, r::toString); // reads run as usual
            }
            assertEquals(List.of(), writes(), () -> command + " sent a write\n" + r);
        }
        assertEquals(new TreeSet<>(all), covered,
                "every command is run with --dry-run here");
        assertArrayEquals(worldBefore, Files.readAllBytes(world), "the sandbox's world is unchanged");
        assertArrayEquals(configBefore, Files.readAllBytes(config), "the profile file is unchanged");
        assertEquals(List.of("config"), Files.list(config.getParent()).map(p -> p.getFileName().toString())
                .filter(n -> !n.equals("config.lock")).toList());
    }

    /** "task start" from its arguments: the words before the first argument that is not a command name. */
    private static String commandOf(List<String> run, Set<String> names) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (run.get(i).startsWith("-")) {
            i += 2; // the global options used above all take a value
        }
        for (; i < run.size() && names.contains(run.get(i)) && words.size() < 2; i++) {
            words.add(run.get(i));
        }
        return String.join(" ", words);
    }

    private List<RecordedRequest> writes() {
        return sb.requests().stream().filter(r -> WRITES.stream().anyMatch(w -> r.pathAndQuery().contains("/" + w))).toList();
    }

    @Test
    void anOutputFormatACommandCannotGiveIsOneUsageErrorWordedTheSameEverywhere() {
        String kept = task("1", false);
        for (List<String> run : List.of(List.of("completion", "bash"), List.of("config", "set", "biz", "3"),
                List.of("sandbox", "reset", "--state-dir", dir.resolve("state").toString()), List.of("daemon", "status"),
                List.of("config", "use", "sandbox"))) {
            List<String> args = new ArrayList<>(run);
            args.addAll(List.of("-o", "json"));
            CliRun.Result r = sb.run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), r::toString);
            assertEquals("bkops: output format 'json' (from flag) is not available here; choose one of: table\n", r.err());
            assertEquals("", r.out());
        }
        CliRun.Result view = sb.run("config", "view", "-o", "yaml");
        assertEquals("bkops: output format 'yaml' (from flag) is not available here; choose one of: table, wide, json\n",
                view.err());
        CliRun.Result watch = sb.run("task", "watch", "1", "-o", "json");
        assertTrue(watch.err().startsWith("bkops: output format 'json' (from flag) is not available here; choose one of: "),
                watch::toString);
        assertEquals(0, sb.run("task", "show", kept).exit(), "sandbox reset -o json reset nothing");
    }

    @Test
    void dryRunsPrintTheRequestsAsDataInMachineFormats() {
        String created = task("1", false);
        String periodic = ok("periodic", "create", "--template", "1", "--name", "p", "--cron", "0 3 * * *", "-o", "id")
                .out().strip();
        sb.clearRequests();

        CliRun.Result create = ok("periodic", "create", "--template", "1", "--name", "nightly", "--cron", "30 2 * * *",
                "--const", "version=2.0", "--enable", "--dry-run", "-o", "json");
        JsonNode requests = TrustCliTest.json(create.out());
        assertEquals("create_periodic_task", requests.path(0).path("api").asText(), create::toString);
        assertEquals("1", requests.path(0).path("template_id").asText());
        assertEquals("2.0", requests.path(0).path("constants").path("${version}").asText());
        assertEquals("set_periodic_task_enabled", requests.path(1).path("api").asText());
        assertTrue(create.err().contains("Next 5 runs"), "the schedule still shows, on stderr\n" + create);

        CliRun.Result start = ok("task", "start", created, "--dry-run", "-o", "jsonl");
        assertEquals(TrustCliTest.json("{\"api\": \"start_task\", \"task_id\": \"" + created + "\"}"),
                TrustCliTest.json(start.out()));
        CliRun.Result id = sb.run("task", "start", created, "--dry-run", "-o", "id");
        assertEquals(2, id.exit(), id::toString);
        assertEquals("bkops: output format 'id' (from flag) is not available here; choose one of: table, jsonl\n", id.err());

        JsonNode task = TrustCliTest.json(ok("task", "create", "--template", "1", "--name", "x", "--dry-run", "-o", "json").out());
        assertEquals("create_task", task.path(0).path("api").asText());
        assertEquals("x", task.path(0).path("name").asText());
        JsonNode toggle = TrustCliTest.json(ok("periodic", "enable", periodic, "--dry-run", "-o", "json").out());
        assertEquals(TrustCliTest.json("[{\"api\": \"set_periodic_task_enabled\", \"task_id\": \"" + periodic
                + "\", \"enabled\": true}]"), toggle);
        JsonNode cron = TrustCliTest.json(ok("periodic", "cron", periodic, "0 4 * * *", "--dry-run", "-o", "json").out());
        assertEquals("4", cron.path(0).path("cron").path("hour").asText());
        JsonNode constants = TrustCliTest.json(ok("periodic", "constants", periodic, "--set", "version=3", "--dry-run",
                "-o", "json").out());
        assertEquals("3", constants.path(0).path("constants").path("${version}").asText());
        assertEquals(List.of(), writes());
    }

    @Test
    void doctorGivesJsonWhenAskedAndRefusesWhatItCannotPrint() {
        CliRun.Result r = ok("doctor", "-o", "json");
        JsonNode doc = TrustCliTest.json(r.out());
        assertEquals(0, doc.path("exit").asInt(), r::toString);
        assertEquals("config", doc.path("checks").path(0).path("check").asText());
        assertEquals("ok", doc.path("checks").path(1).path("status").asText(), r::toString);

        CliRun.Result wide = sb.run("doctor", "-o", "wide");
        assertEquals(2, wide.exit(), wide::toString);
        assertEquals("bkops: output format 'wide' (from flag) is not available here; choose one of: table, json, yaml\n",
                wide.err());
        Map<String, String> broken = sb.env();
        broken.remove("BK_APP_CODE");
        CliRun.Result noConfig = sb.run(broken, "doctor", "-o", "json");
        assertEquals(2, noConfig.exit(), noConfig::toString);
        assertEquals("fail", TrustCliTest.json(noConfig.out()).path("checks").path(0).path("status").asText());
        assertNotEquals("", noConfig.out());
    }
}
