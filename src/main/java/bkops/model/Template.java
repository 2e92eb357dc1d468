package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A flow template as get_template_list / get_template_info describe it. {@code pipeline} is null for list items
 * (the list carries no tree).
 */
public record Template(String id, String name, String category, String creator, String createTime, String editor,
                       String editTime, String projectName, String bizId, String bizName, String description,
                       PipelineTree pipeline) {

    public static Template parse(JsonNode t) {
        JsonNode tree = t.get("pipeline_tree");
        return new Template(text(t, "id"), text(t, "name"), text(t, "category"), text(t, "creator"),
                text(t, "create_time"), text(t, "editor"), text(t, "edit_time"), text(t, "project_name"),
                text(t, "bk_biz_id"), text(t, "bk_biz_name"), text(t, "description"),
                tree != null && tree.isObject() ? PipelineTree.parse(tree) : null);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }
}
