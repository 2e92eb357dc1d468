package bkops.cli;

import bkops.api.Endpoint;
import bkops.api.Endpoints;
import bkops.cli.job.JobScenario;
import bkops.sandbox.RecordedRequest;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The guard rails of a profile (setting protect): read-only sends no state-changing request, confirm wants the
 * profile's name for destructive verbs, periodic disable and bulk actions, none is as before; every write says the
 * profile and the server it acts on.
 */
@BkopsTest
class ProtectTest {
    TestSandbox sb;
    Map<String, String> env;
    String task;
    String node;
    String periodic;

    @BeforeEach
    void scene() {
        env = sb.env();
        task = String.valueOf(sb.startTask(1, Map.of()));
        JsonNode tree = sb.get("/get_task_detail/" + task + "/2/").json().path("data").path("pipeline_tree");
        node = tree.path("activities").elements().next().path("id").asText();
        periodic = run("periodic", "create", "--template", "5", "--name", "nightly", "--cron", "30 2 * * *",
                "-o", "id").out().strip();
        sb.clearRequests();
    }

    private CliRun.Result run(String... args) {
        return sb.run(env, args);
    }

    private CliRun.Result typed(String stdin, String... args) {
        return CliRun.run(env, stdin, sb.sleeper(), true, args);
    }

    /** The state-changing endpoints the sandbox was reached on since the last clear, in order (the endpoint table's). */
    private List<String> writesReached() throws IllegalAccessException {
        List<Endpoint> writes = new ArrayList<>();
        for (Field f : Endpoints.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Endpoint.class
                    && !((Endpoint) f.get(null)).readOnly()) {
                writes.add((Endpoint) f.get(null));
            }
        }
        assertTrue(writes.size() >= 10, "the table's writes: " + writes);
        List<String> reached = new ArrayList<>();
        for (RecordedRequest r : sb.requests()) {
            for (Endpoint e : writes) {
                if (r.pathAndQuery().matches(".*/" + e.name() + "(/.*|\\?.*|)")) {
                    reached.add(e.name());
                }
            }
        }
        return reached;
    }

    private String acting() {
        return "acting on profile sandbox (" + sb.sandbox().sopsGatewayUrl() + ")\n";
    }

    @Test
    void readOnlyRefusesEveryKindOfWriteBeforeSendingAndReadsAndDryRunsWork() throws Exception {
        env.put("BKOPS_PROTECT", "read-only");
        long job = JobScenario.launch(sb, 1001);
        sb.advance(Duration.ofSeconds(5));
        String step = String.valueOf(JobScenario.step(sb, job, 0));
        sb.clearRequests();
        List<String[]> writes = List.of(
                new String[] {"task", "create", "--template", "1", "--name", "x"},
                new String[] {"task", "create", "--template", "1", "--name", "x", "--start"},
                new String[] {"task", "start", task},
                new String[] {"task", "pause", task},
                new String[] {"task", "revoke", task, "--yes"},
                new String[] {"task", "start", task, "10001", "10002"},
                new String[] {"node", "pause", task, node},
                new String[] {"node", "skip", task, node, "--yes", "--force"},
                new String[] {"node", "retry", task, node},
                new String[] {"periodic", "create", "--template", "5", "--name", "n", "--cron", "30 2 * * *"},
                new String[] {"periodic", "disable", periodic},
                new String[] {"periodic", "enable", periodic, "1"},
                new String[] {"periodic", "cron", periodic, "*/5 * * * *"},
                new String[] {"periodic", "constants", periodic, "--set", "${env}=prod"},
                new String[] {"step", "operate", "--job", String.valueOf(job), "--step", step, "--op", "retry-failed"},
                new String[] {"step", "operate", "--job", String.valueOf(job), "--step", step, "--op", "force-skip",
                        "--yes", "--force"});
        for (String[] args : writes) {
            CliRun.Result r = run(args);
            String cmd = String.join(" ", args);
            assertEquals(3, r.exit(), cmd + "\n" + r);
            assertEquals("", r.out(), cmd);
            // one line, the last (periodic cron shows the schedule it would set first)
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("bkops: ")).count(), cmd + "\n" + r.err());
            assertTrue(r.err().endsWith(": not sent: profile sandbox is read-only (BKOPS_PROTECT=read-only); "
                    + "--dry-run shows what would be sent\n"), cmd + "\n" + r.err());
        }
        assertEquals(List.of(), writesReached());
        assertTrue(sb.requests().size() > 0, "the reads before the refusals went");

        CliRun.Result list = run("task", "list");
        assertEquals(0, list.exit(), list.toString());
        CliRun.Result status = run("task", "status", task, "-o", "json");
        assertEquals(0, status.exit(), status.toString());
        CliRun.Result dry = run("task", "revoke", task, "--dry-run");
        assertEquals(0, dry.exit(), dry.toString());
        assertTrue(dry.out().contains("operate_task"), dry.out());
        assertEquals(List.of(), writesReached());
    }

    @Test
    void readOnlyInTheProfileNamesTheProfileAndWhereItIsSet() throws Exception {
        assertEquals(0, run("config", "set", "-p", "ops", "protect", "read-only").exit());
        CliRun.Result r = run("-p", "ops", "task", "start", task);
        assertEquals(3, r.exit(), r.toString());
        assertEquals("bkops: start task " + task + ": not sent: profile ops is read-only (protect read-only, set in "
                + "profile ops in " + sb.home().resolve("config/bkops/config") + "); --dry-run shows what would be "
                + "sent\n", r.err());
        assertEquals(List.of(), writesReached());
    }

    @Test
    void confirmWantsTheProfilesNameForADestructiveVerbInAScriptAndOnATerminal() throws Exception {
        assertEquals(0, run("config", "set", "-p", "prod", "protect", "confirm").exit());
        CliRun.Result yes = run("-p", "prod", "task", "revoke", task, "--yes");
        assertEquals(2, yes.exit(), yes.toString());
        assertEquals("bkops: revoke task " + task + " needs the profile's name: profile prod is protected (protect "
                + "confirm); add --confirm-profile prod to confirm (--yes is not enough; nothing was sent)\n", yes.err());
        CliRun.Result other = run("-p", "prod", "task", "revoke", task, "--confirm-profile", "staging");
        assertEquals(2, other.exit(), other.toString());
        assertEquals("bkops: revoke task " + task + ": not sent: --confirm-profile staging does not match the profile "
                + "in use, prod\n", other.err());
        CliRun.Result y = typed("y\n", "-p", "prod", "task", "revoke", task);
        assertEquals(2, y.exit(), y.toString());
        assertEquals("Revoke task " + task + " on profile prod (" + sb.sandbox().sopsGatewayUrl() + ")? This cannot be "
                + "undone. Profile prod is protected: type its name to confirm: bkops: not confirmed: the profile's "
                + "name, prod, was not typed; nothing was sent\n", y.err());
        assertEquals(List.of(), writesReached());

        CliRun.Result typedName = typed("prod\n", "-p", "prod", "task", "revoke", task);
        assertEquals(0, typedName.exit(), typedName.toString());
        assertEquals(task + "  revoked\n", typedName.out());
        assertEquals(List.of("operate_task"), writesReached());

        sb.clearRequests();
        String other2 = String.valueOf(sb.startTask(1, Map.of()));
        sb.clearRequests();
        CliRun.Result named = run("-p", "prod", "task", "revoke", other2, "--confirm-profile", "prod");
        assertEquals(0, named.exit(), named.toString());
        assertEquals("acting on profile prod (" + sb.sandbox().sopsGatewayUrl() + ")\n", named.err());
        assertEquals(List.of("operate_task"), writesReached());
    }

    @Test
    void confirmWantsTheNameForBulkActionsAndPeriodicDisableNotForOtherWrites() throws Exception {
        assertEquals(0, run("config", "set", "-p", "prod", "protect", "confirm").exit());
        String second = String.valueOf(sb.createTask(1, Map.of()));
        String third = String.valueOf(sb.createTask(1, Map.of()));
        sb.clearRequests();
        CliRun.Result bulk = run("-p", "prod", "task", "start", second, third, "--yes");
        assertEquals(2, bulk.exit(), bulk.toString());
        assertTrue(bulk.err().contains("profile prod is protected (protect confirm); add --confirm-profile prod"),
                bulk.err());
        CliRun.Result disable = run("-p", "prod", "periodic", "disable", periodic);
        assertEquals(2, disable.exit(), disable.toString());
        assertTrue(disable.err().startsWith("bkops: disable periodic task " + periodic + " needs the profile's name"),
                disable.err());
        assertEquals(List.of(), writesReached());

        // a write that is neither destructive nor bulk goes as before, saying where
        CliRun.Result one = run("-p", "prod", "task", "start", second);
        assertEquals(0, one.exit(), one.toString());
        assertEquals("acting on profile prod (" + sb.sandbox().sopsGatewayUrl() + ")\n", one.err());
        CliRun.Result enable = run("-p", "prod", "periodic", "enable", periodic);
        assertEquals(0, enable.exit(), enable.toString());
        sb.clearRequests();
        CliRun.Result bulkNamed = typed("prod\n", "-p", "prod", "periodic", "disable", periodic);
        assertEquals(0, bulkNamed.exit(), bulkNamed.toString());
        assertEquals(List.of("set_periodic_task_enabled"), writesReached());
    }

    @Test
    void noneIsAsBeforeAndTheActingLineStaysOffMachineOutput() throws Exception {
        CliRun.Result revoke = run("task", "revoke", task, "--yes", "-o", "jsonl");
        assertEquals(0, revoke.exit(), revoke.toString());
        assertEquals(acting(), revoke.err());
        assertEquals(task, TestSandbox.JSON.readTree(revoke.out()).path("task_id").asText());
        CliRun.Result asked = run("periodic", "disable", periodic);
        assertEquals(0, asked.exit(), asked.toString());
        assertEquals("periodic task " + periodic + " disabled\n", asked.out());
        assertEquals(List.of("operate_task", "set_periodic_task_enabled"), writesReached());
    }

    @Test
    void theEnvironmentMakesAProfileStricterForARun() throws Exception {
        assertEquals(0, run("config", "set", "-p", "prod", "protect", "confirm").exit());
        env.put("BKOPS_PROTECT", "read-only");
        CliRun.Result r = run("-p", "prod", "task", "revoke", task, "--confirm-profile", "prod");
        assertEquals(3, r.exit(), r.toString());
        assertTrue(r.err().contains("profile prod is read-only (BKOPS_PROTECT=read-only)"), r.err());
        env.put("BKOPS_PROTECT", "none");
        CliRun.Result looser = run("-p", "prod", "task", "revoke", task, "--yes");
        assertEquals(2, looser.exit(), looser.toString());
        assertTrue(looser.err().contains("add --confirm-profile prod"), looser.err());
        assertEquals(List.of(), writesReached());
    }
}
