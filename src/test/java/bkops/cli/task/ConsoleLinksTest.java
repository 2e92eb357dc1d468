package bkops.cli.task;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestEnv;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import static bkops.cli.task.TaskTesting.createdId;
import static bkops.cli.task.TaskTesting.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 16: the task URL (bk-sops create_task's task_url, a console page) on the built-in embedded sandbox names a
 * loopback port that closes with the run, and the sandbox serves no console page: the views leave it out there. A
 * sandbox reached through a URL (as `sandbox serve` is, and as TestSandbox is) keeps it, and -o json is the API's data.
 */
@BkopsTest
class ConsoleLinksTest {
    TestEnv local;
    TestSandbox sb;

    @Test
    void theEmbeddedSandboxPrintsNoDeadLink() {
        CliRun.Result created = local.run("-p", "sandbox", "task", "create", "--template", "1", "--name", "links");
        assertEquals(0, created.exit(), created::toString);
        String id = createdId(created.out());
        assertEquals("created task " + id + "\n", created.out());

        CliRun.Result show = local.run("-p", "sandbox", "task", "show", id);
        assertEquals(0, show.exit(), show::toString);
        assertFalse(show.out().contains("http"), show::toString);
        assertFalse(show.out().contains("URL"), "no empty URL row:\n" + show.out());

        CliRun.Result wide = local.run("-p", "sandbox", "task", "status", id, id, "-o", "wide");
        assertEquals(0, wide.exit(), wide::toString);
        assertFalse(wide.out().contains("http"), wide::toString);

        // what machines read is the API's answer, whatever the server
        CliRun.Result asJson = local.run("-p", "sandbox", "task", "show", id, "-o", "json");
        assertTrue(json(asJson.out()).path("task_url").asText().startsWith("http://127.0.0.1:"), asJson::toString);
    }

    @Test
    void aSandboxReachedThroughAUrlKeepsItsLinks() {
        CliRun.Result created = sb.run("task", "create", "--template", "1", "--name", "links");
        assertEquals(0, created.exit(), created::toString);
        assertTrue(created.out().matches("created task \\d+  http://127\\.0\\.0\\.1:\\d+/.*taskflow/execute/.*\n"),
                created::toString);
        String id = createdId(created.out());
        CliRun.Result show = sb.run("task", "show", id);
        assertTrue(show.out().contains("taskflow/execute/"), show::toString);
    }
}
