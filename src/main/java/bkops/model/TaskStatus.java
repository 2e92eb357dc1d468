package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A get_task_status payload (bk-sops gcloud/apigw/views/get_task_status.py): the root pipeline's state and, recursively, the states of the nodes reached
 * so far. Nodes never reached are absent; {@link #stateOf} reports them as PENDING.
 */
public final class TaskStatus {

    private static final DateTimeFormatter API_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

    /** One node's state; {@code children} is non-empty for the root and for SubProcess nodes that have run. */
    public record NodeState(String id, State state, String name, int retry, boolean skip, int loop, String version,
                            OffsetDateTime start, OffsetDateTime finish, long elapsedSeconds, boolean errorIgnored,
                            Map<String, NodeState> children) {

        /**
         * The state the engine holds, which operations are judged on. bk-sops gcloud/taskflow3/domains/dispatchers/
         * task.py format_bamboo_engine_status_legacy shows a RUNNING pipeline (the root or a subprocess) as FAILED when
         * one of its children shows FAILED, else as NODE_SUSPENDED when one is suspended; undone here. A subprocess
         * that shows FAILED with no failed child failed itself (its parameters did not hydrate).
         */
        public State engineState() {
            if (state == State.NODE_SUSPENDED) {
                return State.RUNNING;
            }
            if (state == State.FAILED && children.values().stream().anyMatch(c -> c.state() == State.FAILED)) {
                return State.RUNNING;
            }
            return state;
        }
    }

    private final NodeState root;
    private final Map<String, String> exData;
    private final Map<String, NodeState> index;

    private TaskStatus(NodeState root, Map<String, String> exData, Map<String, NodeState> index) {
        this.root = root;
        this.exData = exData;
        this.index = index;
    }

    public static TaskStatus parse(JsonNode data) {
        Map<String, NodeState> index = new HashMap<>();
        NodeState root = parseNode(data, index);
        Map<String, String> exData = new LinkedHashMap<>();
        JsonNode ex = data.path("ex_data");
        if (ex.isObject()) {
            // bk-sops gcloud/taskflow3/domains/dispatchers/task.py get_task_status_v2: ex_data[node_id] =
            // data_result.data.get("ex_data"), None for a node that failed without one (a rejected approval): no text
            ex.properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    exData.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
                }
            });
        } else if (ex.isTextual() && !ex.asText().isEmpty()) {
            exData.put(root.id() == null ? "" : root.id(), ex.asText());
        }
        return new TaskStatus(root, Collections.unmodifiableMap(exData), index);
    }

    private static NodeState parseNode(JsonNode n, Map<String, NodeState> index) {
        Map<String, NodeState> children = new LinkedHashMap<>();
        JsonNode kids = n.path("children");
        if (kids.isObject()) {
            kids.properties().forEach(e -> {
                if (e.getValue().isObject()) {
                    NodeState child = parseNode(e.getValue(), index);
                    children.put(child.id() == null ? e.getKey() : child.id(), child);
                }
            });
        }
        String name = Json.text(n, "name");
        if (name.startsWith("<class '")) {
            name = ""; // engine-v1 put the Python class of events here, not a name
        }
        NodeState state = new NodeState(Json.textOrNull(n, "id"), State.of(Json.text(n, "state")), name,
                (int) Json.number(n, "retry"), Json.bool(n, false, "skip"), (int) Json.number(n, "loop"),
                Json.text(n, "version"), time(n.get("start_time")), time(n.get("finish_time")),
                Json.number(n, "elapsed_time"), Json.bool(n, false, "error_ignored"),
                Collections.unmodifiableMap(children));
        if (state.id() != null) {
            index.putIfAbsent(state.id(), state);
        }
        return state;
    }

    private static OffsetDateTime time(JsonNode v) {
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(v.asText(), API_TIME);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(v.asText());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    public NodeState root() {
        return root;
    }

    public State state() {
        return root.state();
    }

    /** Failed node id → error text as given (may be JSON, HTML or multi-line text); empty unless with_ex_data. */
    public Map<String, String> exData() {
        return exData;
    }

    /** A node's state at any depth (the root included). */
    public Optional<NodeState> find(String nodeId) {
        return Optional.ofNullable(index.get(nodeId));
    }

    /** The node's state, PENDING when it has not been reached. */
    public State stateOf(String nodeId) {
        NodeState s = index.get(nodeId);
        return s == null ? State.PENDING : s.state();
    }
}
