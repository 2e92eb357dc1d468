package bkops.cli;

import bkops.api.Json;
import bkops.ops.TaskDraft;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Constants given on the command line ({@code --const K=V}, {@code --const-file FILE|-}, {@code periodic constants
 * --set K=V}), for task create, periodic create and periodic constants alike: one {@link TaskDraft} checks every key
 * against the template's (or the periodic task's) constants and types each value like the constant's. The server
 * would silently drop an unknown key (bk-sops gcloud/apigw/views/create_periodic_task.py create_periodic_task:
 * "if key in pipeline_tree["constants"]"; create_task.py the same).
 */
public final class ConstantArgs {
    private final Map<String, JsonNode> fromFile;
    private final List<String> pairs;
    private final String flag;

    private ConstantArgs(Map<String, JsonNode> fromFile, List<String> pairs, String flag) {
        this.fromFile = fromFile;
        this.pairs = pairs == null ? List.of() : pairs;
        this.flag = flag;
    }

    /**
     * Reads {@code --const-file} now (before anything is asked of the server, so a bad file costs no request) and
     * checks each pair's shape; {@code flag} names the pairs' option in messages.
     */
    public static ConstantArgs read(CliContext ctx, String file, List<String> pairs, String flag) {
        for (String p : pairs == null ? List.<String>of() : pairs) {
            if (p.indexOf('=') <= 0) {
                throw CliException.usage(flag + " takes KEY=VALUE, got '" + p + "'");
            }
        }
        return new ConstantArgs(file == null ? Map.of() : file(ctx, file), pairs, flag);
    }

    public boolean isEmpty() {
        return fromFile.isEmpty() && pairs.isEmpty();
    }

    /** Adds the file's constants, then the pairs' (a pair wins on the same key); a wrong key or value is exit 2. */
    public TaskDraft applyTo(TaskDraft draft) {
        try {
            fromFile.forEach(draft::constant);
            for (String p : pairs) {
                int eq = p.indexOf('=');
                draft.constant(p.substring(0, eq), p.substring(eq + 1));
            }
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        return draft;
    }

    /** A JSON object of constants from a file, or from stdin with '-'. */
    private static Map<String, JsonNode> file(CliContext ctx, String file) {
        JsonNode json;
        try (InputStream in = file.equals("-") ? ctx.in() : Files.newInputStream(Path.of(file))) {
            json = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw CliException.usage("--const-file " + file + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw CliException.usage("cannot read --const-file " + file + ": " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw CliException.usage("--const-file " + file + " must hold a JSON object like {\"version\": \"1.2\"}");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        json.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
