package bkops.cli.node;

import bkops.sandbox.RecordedRequest;
import bkops.testing.CliRun;
import bkops.testing.TestSandbox;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The few task calls node tests need to set a scene in their sandbox (create, start, read the status and tree), made
 * over HTTP directly (the sandbox's driver) so the node tests do not lean on the task commands.
 */
final class NodeWorld {
    static final ObjectMapper MAPPER = TestSandbox.JSON;

    final TestSandbox sb;

    NodeWorld(TestSandbox sb) {
        this.sb = sb;
    }

    /** Creates a task from a seeded template without starting it; returns its id. */
    String createTask(long template) {
        JsonNode created = call("POST", "/create_task/" + template + "/2/", Map.of("name", "node test " + template));
        return created.path("data").path("task_id").asText();
    }

    /** Creates and starts a task from a seeded template; returns its id. */
    String startTask(long template) {
        String id = createTask(template);
        call("POST", "/start_task/" + id + "/2/", Map.of());
        return id;
    }

    private int reads;

    /** The engine's state now: a parameter of this read's own keeps the server's 10 s status cache out of it. */
    JsonNode status(String task) {
        return call("GET", "/get_task_status/" + task + "/2/?_fresh=" + ++reads, null).path("data");
    }

    /** The engine id of the node with this name (task node ids are generated at creation). */
    String nodeId(String task, String name) {
        JsonNode tree = call("GET", "/get_task_detail/" + task + "/2/", null).path("data").path("pipeline_tree");
        String found = find(tree, name);
        if (found == null) {
            throw new AssertionError("no node named " + name + " in task " + task);
        }
        return found;
    }

    private static String find(JsonNode tree, String name) {
        for (String section : List.of("activities", "gateways")) {
            for (JsonNode n : tree.path(section)) {
                if (name.equals(n.path("name").asText())) {
                    return n.path("id").asText();
                }
                String inner = n.has("pipeline") ? find(n.get("pipeline"), name) : null;
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    /** The state of one node at any depth; "" when the node has not been reached. */
    String state(String task, String nodeId) {
        return stateIn(status(task), nodeId);
    }

    private static String stateIn(JsonNode n, String id) {
        if (id.equals(n.path("id").asText())) {
            return n.path("state").asText();
        }
        for (JsonNode c : n.path("children")) {
            String s = stateIn(c, id);
            if (!s.isEmpty()) {
                return s;
            }
        }
        return "";
    }

    void advance(int seconds) {
        sb.advance(Duration.ofSeconds(seconds));
    }

    CliRun.Result run(String... args) {
        return sb.run(args);
    }

    /** The state-changing requests that reached the server since the last clear (reads left out). */
    List<RecordedRequest> writes() {
        return sb.requests().stream().filter(r -> r.method().equals("POST")).toList();
    }

    static JsonNode json(String s) {
        try {
            return MAPPER.readTree(s);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + s, e);
        }
    }

    private JsonNode call(String method, String path, Object body) {
        return sb.send(method, sb.sandbox().sopsGatewayUrl() + path, body, TestSandbox.AUTH).ok();
    }
}
