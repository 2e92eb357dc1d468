package bkops.cli.task;

import static bkops.cli.task.TaskTesting.createdId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.cli.CliContext;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** How watch and wait wait: intervals, redraw on a terminal, heartbeat in logs, deadline, Ctrl-C. */
@BkopsTest
class TaskWatchTest {
    TestSandbox sb;

    private String create(String template, String... more) {
        List<String> args = new ArrayList<>(List.of("task", "create", "--template", template, "--name", "w"));
        args.addAll(List.of(more));
        CliRun.Result r = sb.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r::toString);
        return createdId(r.out());
    }

    @Test
    void pollsOftenAtFirstThenEveryTenSeconds() {
        String id = create("1");
        List<Duration> waits = new ArrayList<>();
        CliContext.Sleeper recording = d -> {
            waits.add(d);
            sb.clock().advance(d);
        };
        CliRun.Result r = CliRun.run(sb.env(), null, recording, false, "task", "wait", id, "--timeout", "60s");
        assertEquals(124, r.exit(), r::toString);
        assertEquals(List.of(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250),
                Duration.ofMillis(3375), Duration.ofMillis(5062), Duration.ofMillis(7593), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(10), Duration.ofMillis(9220)), waits,
                "growing to the 10 s status cache, the last one cut at the deadline");
    }

    @Test
    void redrawsInPlaceOnATerminal() {
        String id = create("1", "--start");
        CliRun.Result r = CliRun.run(sb.env(), null, sb.sleeper(), true, "task", "watch", id, "--interval", "10s");
        assertEquals(0, r.exit(), r::toString);
        int frames = r.out().split("watching for ", -1).length - 1;
        assertEquals(3, frames, "0s, 10s, 20s: " + r);
        assertTrue(r.out().contains("\u001b[K\n"), "each line cleared to its end");
        assertTrue(r.out().contains("\r\u001b[9A"), "back up over the 9 lines of the previous frame: " + r);
        assertFalse(r.out().contains("\u001b[2J"), "never clears the screen");
        String nodeId = TaskTesting.json(sb.run("task", "status", id, "-o", "json").out()).path("children")
                .fieldNames().next();
        CliRun.Result wide = CliRun.run(sb.env(), null, sb.sleeper(), true, "task", "watch", id, "-o", "wide");
        assertTrue(wide.out().contains(nodeId), "-o wide shows node ids: " + wide);
    }

    @Test
    void logsOnlyChangesWhenNotATerminal() {
        String slow = create("1");
        assertEquals(0, sb.run("task", "start", slow).exit());
        sb.clock().advance(Duration.ofSeconds(3));
        CliRun.Result r = sb.run("task", "watch", slow, "--interval", "20s");
        assertEquals(0, r.exit(), r::toString);
        String[] lines = r.out().split("\n");
        assertEquals("+0s  task " + slow + "  ● RUNNING", lines[0]);
        assertTrue(r.out().contains("+20s    部署 deploy  ✔ FINISHED\n"), r::toString);
        assertEquals(1, r.out().split("准备 prepare  ● RUNNING", -1).length - 1, "each change once\n" + r);
        assertTrue(r.out().endsWith("■ end            ✔ FINISHED         0s       0\n"), "then the final tree\n" + r);
    }

    @Test
    void aPausedTaskEndsTheWaitWith12AndNamesTheResume() {
        String paused = create("1", "--start");
        assertEquals(0, sb.run("task", "pause", paused).exit());
        CliRun.Result r = sb.run("task", "watch", paused);
        assertEquals(12, r.exit(), r::toString);
        assertTrue(r.err().contains("task " + paused + ": waiting"), r::toString);
        assertTrue(r.err().endsWith("  bkops task resume " + paused + "\n"), r::toString);
    }

    @Test
    void theDeadlineEndsTheWaitWith124AndSaysHowToGoOn() {
        String id = create("1");
        CliRun.Result r = sb.run("task", "wait", id, "--timeout", "2m");
        assertEquals(124, r.exit(), r::toString);
        assertEquals(id + "  ○ CREATED  w\n", r.out());
        assertTrue(r.err().contains("+1m00s  task " + id + " still CREATED (0 nodes finished)\n"), r::toString);
        assertTrue(r.err().endsWith("bkops: --timeout 2m00s passed; still not done: task " + id
                + ". Resume with: bkops task wait " + id + "\n"), r::toString);
    }

    @Test
    void ctrlCPrintsHowToResumeAndExits130() {
        String id = create("4");
        CliContext.Sleeper interrupted = d -> {
            throw new InterruptedException();
        };
        CliRun.Result r = CliRun.run(sb.env(), null, interrupted, false, "task", "watch", id);
        assertEquals(130, r.exit(), r::toString);
        assertEquals("bkops: interrupted; the task goes on. Resume with: bkops task watch " + id + "\n", r.err());
    }

    @Test
    void waitsForSeveralTasksTogether() {
        String a = create("1", "--start");
        String b = create("2", "--start");
        sb.clearRequests();
        CliRun.Result r = sb.run("task", "wait", a, b, "-o", "jsonl");
        assertEquals(10, r.exit(), "the first task that did not finish decides\n" + r);
        String[] lines = r.out().split("\n");
        assertEquals("FINISHED", TaskTesting.json(lines[0]).path("state").asText());
        assertEquals(10, TaskTesting.json(lines[1]).path("exit").asInt());
        assertTrue(r.err().contains("bkops node retry " + b + " "), r::toString);
        // polled together; each end is then confirmed once by a read of that task alone, past the server's cache
        assertEquals(2, TaskTesting.calls(sb, "get_task_status").size(), "many tasks are read together");
        assertFalse(TaskTesting.calls(sb, "get_tasks_status").isEmpty());
    }
}
