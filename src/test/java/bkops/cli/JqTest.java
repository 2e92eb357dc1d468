package bkops.cli;

import bkops.ExitCode;
import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** --jq (issue 16): jq over what -o json prints, strings raw as gh prints them; refused where there is no JSON. */
@BkopsTest
class JqTest {
    static TestSandbox sb;

    @Test
    void filtersTheJsonOfAListAndPrintsStringsRaw() {
        CliRun.Result r = sb.run("template", "list", "--jq", ".[] | select(.id == 1) | .name");
        assertEquals(0, r.exit(), r::toString);
        assertEquals("线性发布 linear-deploy\n", r.out());

        CliRun.Result n = sb.run("template", "list", "--jq", "[.[] | .id] | length > 3");
        assertEquals("true\n", n.out(), n::toString);
    }

    @Test
    void impliesJsonEvenWhenTheEnvironmentAsksForAnotherFormat() {
        Map<String, String> env = new HashMap<>(sb.env());
        env.put("BKOPS_OUTPUT", "yaml");
        CliRun.Result r = sb.run(env, "task", "create", "--template", "1", "--name", "jq", "--jq", "{id: .task_id}");
        assertEquals(0, r.exit(), r::toString);
        assertTrue(r.out().matches("\\{\"id\":\\d+}\n"), r.out());

        String id = r.out().replaceAll("\\D", "");
        CliRun.Result show = sb.run("task", "show", id, "--jq", ".name, .id");
        assertEquals(0, show.exit(), show::toString);
        assertEquals("jq\n" + id + "\n", show.out());
    }

    @Test
    void filtersEachLineOfACommandThatPrintsOnlyJsonLines() {
        String a = sb.run("task", "create", "--template", "1", "--name", "a", "-o", "id").out().strip();
        String b = sb.run("task", "create", "--template", "1", "--name", "b", "-o", "id").out().strip();
        CliRun.Result r = sb.run("task", "start", a, b, "--jq", "select(.ok) | .task_id");
        assertEquals(0, r.exit(), r::toString);
        assertEquals(a + "\n" + b + "\n", r.out());
    }

    @Test
    void aBadExpressionIsAUsageErrorWithTheParsersWords() {
        CliRun.Result r = sb.run("template", "list", "--jq", ".[");
        assertEquals(ExitCode.USAGE.code(), r.exit(), r::toString);
        assertEquals("", r.out());
        assertEquals("bkops: --jq '.[': Encountered \"<EOF>\" at line 1, column 2.\n", r.err());
        sb.clearRequests();
        sb.run("template", "list", "--jq", "map(");
        assertEquals(0, sb.requests().size(), "nothing sent for an expression that does not parse");
    }

    @Test
    void refusedWhereThereIsNoJsonOrWithAnotherFormat() {
        CliRun.Result watch = sb.run("task", "watch", "1", "--jq", ".");
        assertEquals(ExitCode.USAGE.code(), watch.exit(), watch::toString);
        assertEquals("bkops: --jq is not available for 'bkops task watch': it has no JSON output\n", watch.err());

        CliRun.Result table = sb.run("template", "list", "-o", "table", "--jq", ".");
        assertEquals(ExitCode.USAGE.code(), table.exit(), table::toString);
        assertEquals("bkops: --jq filters -o json; it cannot be used with -o table\n", table.err());
    }

    @Test
    void anExpressionThatFailsOnAWritesOutputSaysTheWriteWasMade() {
        CliRun.Result r = sb.run("task", "create", "--template", "1", "--name", "jq-fails", "--jq", ".task_id + \"x\"");
        assertEquals(ExitCode.USAGE.code(), r.exit(), r::toString);
        assertTrue(r.err().contains("(the command itself completed, and what it changed is changed: only the filter of "
                + "its output failed)"), r.err());
        CliRun.Result list = sb.run("task", "list", "--jq", ".[] | select(.name == \"jq-fails\") | .name");
        assertEquals("jq-fails\n", list.out(), "the task was created once: " + list);
    }
}
