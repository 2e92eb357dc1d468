package bkops.i18n;

import bkops.testing.BkopsTest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The error lines built outside cli/ (ops, api, config, model, cron) in both languages against the sandbox: our words
 * around the server's follow the language; the server's message, code and request id and the exit code do not.
 */
@BkopsTest
class CoreErrorsLanguageTest {
    TestSandbox sb;

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>(sb.env());
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private Map<String, String> chinese() {
        return env("BKOPS_LANG", "zh");
    }

    /** The one stderr line of a failed run. */
    private static String line(CliRun.Result r) {
        String err = r.err().strip();
        assertFalse(err.contains("\n"), () -> "one line on stderr: " + r);
        assertTrue(err.startsWith("bkops: "), r::toString);
        return err;
    }

    /** A node's id by its name, from the task's pipeline tree. */
    private String node(long task, String name) {
        JsonNode acts = sb.get("/get_task_detail/" + task + "/2/").ok().path("data").path("pipeline_tree").path("activities");
        for (Iterator<Map.Entry<String, JsonNode>> it = acts.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (name.equals(e.getValue().path("name").asText())) {
                return e.getKey();
            }
        }
        throw new AssertionError("no node " + name + " in " + acts);
    }

    @Test
    void aRejectedApprovalsVerdictSaysNoNullWhereTheServerSentNone() {
        long rejected = sb.startTask(16, null);
        String node = node(rejected, "审批 approve release");
        sb.advance(10);
        sb.post("/node_callback/" + rejected + "/2/",
                Map.of("node_id", node, "callback_data", Map.of("approve_result", false))).ok();
        sb.advance(10);
        // bk-sops get_task_status_v2 sends ex_data {node: null} for a node that failed without an error text
        CliRun.Result r = sb.run("task", "wait", String.valueOf(rejected));
        assertEquals(10, r.exit(), r::toString);
        assertTrue(r.err().contains(node), r::toString);
        assertFalse(r.err().contains("null"), r::toString);
    }
}
