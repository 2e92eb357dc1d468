package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.List;

/**
 * One run of a node's execution log (get_task_node_log). {@code text} is the log as the server joined it, lines
 * "[2026-11-25 10:00:00,000][INFO] message" (bk-sops config/default.py logging formatter "engine"); "" when the node
 * never ran or the version is unknown (bamboo-pipeline eri/runtime.py get_plain_log_for_node). {@code page} is the
 * PaaS3 log source's page info, an empty object with the default DATABASE source (bk-sops
 * gcloud/taskflow3/domains/node_log.py), which ignores page and page_size.
 */
public record NodeLog(String text, JsonNode page) {

    /** From the whole body: data is the text, page sits beside it. */
    public static NodeLog parse(JsonNode body) {
        JsonNode data = body.path("data");
        JsonNode page = body.get("page");
        return new NodeLog(data.isTextual() ? data.asText() : "",
                page == null || page.isNull() ? JsonNodeFactory.instance.objectNode() : page);
    }

    public boolean empty() {
        return text.isEmpty();
    }

    public List<String> lines() {
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }
}
