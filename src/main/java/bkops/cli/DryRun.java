package bkops.cli;

import bkops.api.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a --dry-run prints. In a table the command's own preview; in json, jsonl or yaml the requests it would send,
 * each an object of the API's name and its parameters ({@code {"api": "start_task", "task_id": "12"}}): a JSON array,
 * one object a line, or the array in YAML. Formats the command does not offer, and id, are refused.
 */
public final class DryRun {
    private static final Set<OutputFormat> DATA = EnumSet.of(OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.JSONL,
            OutputFormat.YAML);

    private DryRun() {}

    /** The format of a dry run of a command that offers {@code formats}: table by default. */
    public static OutputFormat format(Output out, Set<OutputFormat> formats) {
        Set<OutputFormat> allowed = EnumSet.copyOf(formats);
        allowed.retainAll(DATA);
        allowed.add(OutputFormat.TABLE);
        return out.format(OutputFormat.TABLE, allowed);
    }

    /** One request: the API's name, then its parameters (path parameters and body fields alike). */
    public static ObjectNode request(String api, Map<String, ?> params) {
        ObjectNode o = Json.object();
        o.put("api", api);
        params.forEach((k, v) -> o.set(k, Json.mapper().valueToTree(v)));
        return o;
    }

    /** Prints the requests in a machine format; false for a table (the command prints its own preview). */
    public static boolean print(Output out, OutputFormat f, List<ObjectNode> requests) {
        if (f == OutputFormat.TABLE) {
            return false;
        }
        ArrayNode all = Json.mapper().createArrayNode();
        requests.forEach(all::add);
        out.print(all, f);
        return true;
    }
}
