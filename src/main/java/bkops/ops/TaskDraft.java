package bkops.ops;

import bkops.i18n.Localized;
import bkops.i18n.Text;
import bkops.model.Constant;
import bkops.model.PipelineTree;
import bkops.model.PipelineTree.Node;
import bkops.model.PipelineTree.NodeType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The body of create_task, checked against the template before anything is sent: constant keys must be the
 * template's (the API would silently ignore others), values are typed like the template's value for that constant
 * (a number stays a number, true/false a boolean, an object or list JSON), and excluded nodes are found by id or
 * by name. Problems throw IllegalArgumentException with a message for the operator.
 */
public final class TaskDraft {
    private static final ObjectMapper JSON = bkops.api.Json.mapper();

    private final PipelineTree template;
    private final Object owner;
    private final Map<String, Object> constants = new LinkedHashMap<>();
    private final List<String> excluded = new ArrayList<>();

    public TaskDraft(PipelineTree template) {
        this(template, Text.of("errors.ops.draft.the-template"));
    }

    /**
     * {@code owner} names whose constants these are in messages, e.g. "periodic task 3" (its own pipeline tree): a
     * String, or a Text of the catalogue.
     */
    public TaskDraft(PipelineTree template, Object owner) {
        this.template = template;
        this.owner = owner;
    }

    /** A wrong --const or --exclude (an IllegalArgumentException, as before), said in the run's language. */
    public static final class Invalid extends IllegalArgumentException implements Localized {
        private final Text text;

        Invalid(Text text) {
            super(text.english());
            this.text = text;
        }

        @Override
        public Text text() {
            return text;
        }

        /** What an IllegalArgumentException says, as a text: its own, or its English message as it is. */
        public static Text of(IllegalArgumentException e) {
            return e instanceof Invalid i ? i.text : Text.of("errors.ops.as-is", e.getMessage());
        }
    }

    /** {@code key} with or without ${}; {@code text} as typed, converted to the constant's type. */
    public TaskDraft constant(String key, String text) {
        Constant c = find(key);
        constants.put(c.key(), typed(c, text));
        return this;
    }

    /** A JSON value as given (a --const-file entry): kept as it is. */
    public TaskDraft constant(String key, JsonNode value) {
        constants.put(find(key).key(), value);
        return this;
    }

    /** A template activity by node id or by its exact name. */
    public TaskDraft exclude(String idOrName) {
        Node byId = template.nodes().get(idOrName);
        if (byId != null && excludable(byId)) {
            excluded.add(byId.id());
            return this;
        }
        List<Node> named = template.nodes().values().stream()
                .filter(n -> n.name().equals(idOrName) && excludable(n)).toList();
        if (named.size() == 1) {
            excluded.add(named.get(0).id());
            return this;
        }
        if (named.size() > 1) {
            throw new Invalid(Text.of("errors.ops.draft.exclude-ambiguous", idOrName, named.size(),
                    named.stream().map(Node::id).collect(Collectors.joining(", "))));
        }
        throw new Invalid(Text.of("errors.ops.draft.exclude-none", idOrName, template.nodes().values().stream()
                .filter(TaskDraft::excludable).map(n -> n.id() + " (" + n.name() + ")").collect(Collectors.joining(", "))));
    }

    /** Only activities and subprocesses can be left out of a task (create_task's exclude_task_nodes_id). */
    private static boolean excludable(Node n) {
        return n.type() == NodeType.SERVICE || n.type() == NodeType.SUBPROCESS;
    }

    public Map<String, Object> constants() {
        return constants;
    }

    public List<String> excluded() {
        return excluded;
    }

    private Constant find(String key) {
        String k = key.startsWith("${") && key.endsWith("}") ? key : "${" + key + "}";
        Constant c = template.constants().get(k);
        if (c == null) {
            throw new Invalid(Text.of("errors.ops.draft.no-constant", owner, k, template.constants().isEmpty()
                    ? Text.of("errors.ops.draft.none") : String.join(", ", template.constants().keySet())));
        }
        return c;
    }

    static Object typed(Constant c, String text) {
        JsonNode current = c.value();
        String type = c.customType();
        try {
            if (current.isIntegralNumber() || "int".equals(type)) {
                return Long.parseLong(text.trim());
            }
            if (current.isNumber()) {
                return Double.parseDouble(text.trim());
            }
        } catch (NumberFormatException e) {
            throw new Invalid(Text.of("errors.ops.draft.number", c.key(), text));
        }
        if (current.isBoolean()) {
            if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                throw new Invalid(Text.of("errors.ops.draft.boolean", c.key(), text));
            }
            return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
        }
        if (current.isContainerNode()) {
            try {
                JsonNode v = JSON.readTree(text);
                if (v == null || v.getNodeType() != current.getNodeType()) {
                    throw new IOException("not " + (current.isArray() ? "a JSON list" : "a JSON object"));
                }
                return v;
            } catch (IOException e) {
                throw new Invalid(Text.of(current.isArray() ? "errors.ops.draft.json-list" : "errors.ops.draft.json-object",
                        c.key(), text));
            }
        }
        return text;
    }
}
