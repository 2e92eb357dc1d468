package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A template's execution scheme (get_template_schemes): a named choice of the template's nodes. {@code id} is the
 * scheme's unique id, "<template id>-<name>" for schemes saved in the console (bk-sops
 * gcloud/template_base/apis/drf/viewsets/template_scheme.py) or a 32-hex uniqid for imported ones
 * (pipeline_web/wrapper.py); not the primary key that create_clocked_task's template_schemes_id takes.
 * {@code nodeIds} are template node ids; {@code readable} false when data is not a JSON list.
 */
public record Scheme(String id, String name, List<String> nodeIds, boolean readable) {
    private static final ObjectMapper MAPPER = Json.mapper();

    public static List<Scheme> parseList(JsonNode data) {
        List<Scheme> out = new ArrayList<>();
        for (JsonNode s : data) {
            out.add(parse(s));
        }
        return out;
    }

    static Scheme parse(JsonNode s) {
        // data is the scheme's JSON text (a CompressJSONField read back as text), e.g. "[\"node...\",\"node...\"]"
        JsonNode raw = s.path("data");
        List<String> ids = new ArrayList<>();
        boolean readable = true;
        try {
            JsonNode list = raw.isTextual() ? MAPPER.readTree(raw.asText()) : raw;
            if (list == null || !list.isArray()) {
                readable = false;
            } else {
                list.forEach(n -> ids.add(n.asText()));
            }
        } catch (IOException e) {
            readable = false;
        }
        return new Scheme(Json.text(s, "id"), Json.text(s, "name"), List.copyOf(ids), readable);
    }

    /**
     * The template node ids a task made with these schemes leaves out, by the server's own rule (bk-sops
     * pipeline_web/preview_base.py get_template_exclude_task_nodes_with_schemes): every activity that no chosen
     * scheme selects, except activities that are not optional, which always run. Excluding these ids
     * (exclude_task_nodes_id) is what create_task's newer template_schemes_id does; V3.34.12's create_task ignores
     * template_schemes_id and would run every node. Sorted as the template lists its activities.
     *
     * @param templateTree the template's pipeline_tree (get_template_info), whose activities carry "optional"
     * @throws IllegalArgumentException when a scheme's node list cannot be read
     */
    public static List<String> excludedNodes(JsonNode templateTree, Collection<Scheme> chosen) {
        Set<String> selected = new LinkedHashSet<>();
        for (Scheme s : chosen) {
            if (!s.readable()) {
                throw new IllegalArgumentException("the node list of scheme '" + s.name() + "' (" + s.id()
                        + ") is not a JSON list");
            }
            selected.addAll(s.nodeIds());
        }
        List<String> out = new ArrayList<>();
        templateTree.path("activities").properties().forEach(e -> {
            // node["optional"] is read without a default: an activity without the key raises KeyError there
            boolean optional = e.getValue().path("optional").asBoolean(false);
            if (optional && !selected.contains(e.getKey())) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    /**
     * Schemes a user's word names: the one whose id is the word, else those whose whole name is the word, else those
     * whose name contains it (case-insensitive). Empty = none; more than one = ambiguous, for the caller to say.
     */
    public static List<Scheme> matching(List<Scheme> all, String word) {
        for (Scheme s : all) {
            if (s.id().equals(word)) {
                return List.of(s);
            }
        }
        List<Scheme> whole = all.stream().filter(s -> s.name().equals(word)).toList();
        if (!whole.isEmpty()) {
            return whole;
        }
        String w = word.toLowerCase(Locale.ROOT);
        return all.stream().filter(s -> s.name().toLowerCase(Locale.ROOT).contains(w)).toList();
    }
}
