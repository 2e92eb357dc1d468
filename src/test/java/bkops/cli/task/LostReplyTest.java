package bkops.cli.task;

import static bkops.cli.task.TaskTesting.calls;
import static bkops.cli.task.TaskTesting.createdId;
import static bkops.cli.task.TaskTesting.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.Faults;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/**
 * A write whose reply is lost may still land a moment later: it is never re-sent, its effect is looked for over a
 * short window (reads the server's cache cannot answer), and what was not seen is never called "not applied".
 * Time is the sandbox's manual clock: the window's pauses move it, so the late writes land while the test runs.
 */
@BkopsTest
class LostReplyTest {
    TestSandbox sb;

    private String create(String template, String name, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("task", "create", "--template", template, "--name", name));
        args.addAll(List.of(more));
        CliRun.Result r = sb.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        return createdId(r.out());
    }

    private void late(String api, long millis) {
        sb.faults().add(new Faults.Fault(Faults.Kind.DROP_APPLIED, 1, api, millis));
    }

    @Test
    void aCreateThatLandsAfterItsReplyWasLostIsFoundAndNotMadeTwice() {
        late("create_task", 3_000);
        CliRun.Result r = sb.run("task", "create", "--template", "1", "--name", "late");
        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.err().contains("not known whether it was applied"), r::toString);
        assertTrue(r.err().endsWith("tasks named 'late' from template 1 now: 10001 (not re-sent; check them before "
                + "creating another)\n"), r::toString);
        assertEquals(1, calls(sb, "create_task").size(), "never sent again");
        assertEquals("10001\n", sb.run("task", "list", "--keyword", "late", "-o", "id").out());
    }

    @Test
    void aPeriodicCreateThatLandsLateIsFoundAndGoesOnWithoutASecondOne() {
        late("create_periodic_task", 2_500);
        CliRun.Result r = sb.run("periodic", "create", "--template", "1", "--name", "nightly", "--cron", "0 3 * * *",
                "-o", "id");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.err().contains("the reply was lost, but periodic task 501 'nightly' exists: it was created; not "
                + "sent again"), r::toString);
        assertEquals("501\n", r.out());
        JsonNode all = json(sb.run("periodic", "list", "-o", "json").out());
        assertEquals(1, all.size(), all::toString);
        assertEquals(1, calls(sb, "create_periodic_task").size(), "never sent again");
    }

    @Test
    void aStartThatLandsLateIsSeenWithinTheWindow() {
        String id = create("1", "slow start");
        late("start_task", 2_000);
        CliRun.Result r = sb.run("task", "start", id);
        assertEquals(0, r.exit(), r::toString);
        assertEquals(id + "  started (the reply was lost; read back: RUNNING)\n", r.out());
        assertEquals(1, calls(sb, "start_task").size(), "never sent again");
    }

    @Test
    void aNodeRetryThatLandsLateIsSeenWithinTheWindow() {
        String id = create("2", "flaky", "--start");
        sb.advance(Duration.ofSeconds(3));
        late("operate_node", 1_500);
        CliRun.Result r = sb.run("node", "retry", id, "--failed", "--yes");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().contains("retry sent; the reply was lost but the node is now RUNNING (was FAILED), so it took "
                + "effect"), r::toString);
        assertEquals(1, calls(sb, "operate_node").size(), "never sent again");
    }

    @Test
    void aGatewayTimeoutOnACreateIsInDoubtAndWhatIsNotSeenMayStillAppear() {
        sb.faults().add(new Faults.Fault(Faults.Kind.SERVER_ERROR, 1, "create_task", 504));
        CliRun.Result r = sb.run("task", "create", "--template", "1", "--name", "timed out");
        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.err().startsWith("acting on profile sandbox (" + sb.sandbox().sopsGatewayUrl() + ")\n"
                + "bkops: create a task from template 1: not known whether it was applied (HTTP 504 "
                + "from the gateway)"), r::toString);
        assertTrue(r.err().contains("no task named 'timed out' from template 1 seen yet after 10s of reading back, but it "
                + "may still appear: check with 'bkops task list --keyword timed out --template 1' before creating it "
                + "again (not re-sent)"), r::toString);
        assertEquals(5, calls(sb, "get_task_list").size(), "read over the window");
    }

    @Test
    void aBadGatewayOnAPauseIsInDoubtAndReadBack() {
        String id = create("1", "pause me", "--start");
        sb.faults().add(new Faults.Fault(Faults.Kind.SERVER_ERROR, 1, "operate_task", 502));
        CliRun.Result r = sb.run("task", "pause", id);
        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.err().contains("not known whether it was applied (HTTP 502 from the gateway)"), r::toString);
        assertTrue(r.err().contains("not seen yet: task " + id + " is still RUNNING after 10s of reading back, but the "
                + "pause may still take effect"), r::toString);
        assertEquals(1, calls(sb, "operate_task").size(), "never sent again");
    }

    @Test
    void aCutOffAnswerToAWriteIsInDoubtNotAMalformedAnswer() {
        String id = create("1", "cut");
        sb.faults().add(new Faults.Fault(Faults.Kind.TRUNCATED, 1, "start_task", 0));
        CliRun.Result r = sb.run("task", "start", id);
        assertEquals(6, r.exit(), r::toString);
        assertTrue(r.err().contains("start task " + id + ": not known whether it was applied (HTTP 200 with a body cut "
                + "off after"), r::toString);
        assertTrue(r.err().contains("check with 'bkops task status " + id + "' before sending it again"), r::toString);
        assertEquals(1, calls(sb, "start_task").size(), "never sent again");
    }
}
