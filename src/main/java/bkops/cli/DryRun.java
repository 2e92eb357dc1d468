package bkops.cli;

import bkops.api.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a --dry-run prints. In a table the command's own preview; in json, jsonl or yaml the requests it would send,
 * each an object of the API's name and its parameters ({@code {"api": "start_task", "task_id": "12"}}): a JSON array,
 * one object a line, or the array in YAML. Formats the command does not offer, and id, are refused.
 */
public final class DryRun {
    private static final List<OutputFormat> DATA = List.of(OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.YAML);

    private DryRun() {}

    /** The formats of a dry run of a command that offers {@code declared}: table first, then its machine formats. */
    public static List<OutputFormat> formats(List<OutputFormat> declared) {
        List<OutputFormat> out = new ArrayList<>(List.of(OutputFormat.TABLE));
        declared.stream().filter(DATA::contains).forEach(out::add);
        return out;
    }

    /** One request: the API's name, then its parameters (path parameters and body fields alike). */
    public static ObjectNode request(String api, Map<String, ?> params) {
        ObjectNode o = Json.object();
        o.put("api", api);
        params.forEach((k, v) -> o.set(k, Json.mapper().valueToTree(v)));
        return o;
    }

    /** A change's request, shaped as {@link #request(String, Map)}. */
    public static ObjectNode request(bkops.ops.Request r) {
        return request(r.api(), r.params());
    }

    /** The requests in a machine format, the command's own preview in a table. */
    public static Result result(List<ObjectNode> requests, Result.View table, List<OutputFormat> formats) {
        ArrayNode all = Json.mapper().createArrayNode();
        requests.forEach(all::add);
        return Result.of(all).show(table).only(formats.toArray(OutputFormat[]::new));
    }
}
