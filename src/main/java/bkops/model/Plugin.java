package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A plugin (component) version as get_plugin_list lists it (bk-sops gcloud/apigw/views/get_plugin_list.py): each
 * version of a plugin is its own entry; {@code version} is "legacy" for the oldest ones.
 */
public record Plugin(String code, String name, String version, String groupName, String desc, int inputs, int outputs) {

    public static List<Plugin> parseList(JsonNode data) {
        List<Plugin> out = new ArrayList<>();
        for (JsonNode p : data) {
            out.add(new Plugin(Json.text(p, "code"), Json.text(p, "name"), Json.text(p, "version"),
                    Json.text(p, "group_name"), Json.text(p, "desc"), p.path("inputs").size(), p.path("outputs").size()));
        }
        return out;
    }
}
