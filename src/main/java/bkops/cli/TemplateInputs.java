package bkops.cli;

import bkops.api.Json;
import bkops.i18n.Text;
import bkops.ops.TaskDraft;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inputs of a task made from a template, as task create and periodic create take them: constants
 * ({@code --const K=V}, {@code --const-file FILE|-}) and nodes left out ({@code --exclude}). Periodic constants takes
 * its {@code --set K=V} pairs the same way ({@link #pairs}). One {@link TaskDraft} checks every key against the
 * template's (or the periodic task's) constants and types each value like the constant's. The server would silently
 * drop an unknown key (bk-sops gcloud/apigw/views/create_periodic_task.py create_periodic_task:
 * "if key in pipeline_tree["constants"]"; create_task.py the same).
 */
public final class TemplateInputs {
    @Option(names = "--const", paramLabel = "KEY=VALUE",
            description = "Set a constant (repeatable); KEY with or without its $${} (version or $${version}). Keys and "
                    + "values are checked against the template's constants.")
    List<String> consts = new ArrayList<>();

    @Option(names = "--const-file", paramLabel = "FILE|-",
            description = "A JSON object of constants (read from stdin with '-'); --const wins over it.")
    String constFile;

    @Option(names = "--exclude", paramLabel = "NODE", split = ",",
            description = "Leave out a node of the template; repeatable, or several separated by commas.")
    List<String> excludes = new ArrayList<>();

    private Map<String, JsonNode> fromFile;
    private List<String> pairs = List.of();

    /** The nodes to leave out, as given. */
    public List<String> excludes() {
        return excludes;
    }

    /**
     * Reads {@code --const-file} now (before anything is asked of the server, so a bad file costs no request) and
     * checks each --const pair's shape.
     */
    public TemplateInputs read(CliContext ctx) {
        this.pairs = checked(consts, "--const");
        this.fromFile = constFile == null ? Map.of() : file(ctx, constFile);
        return this;
    }

    /** Pairs given as {@code flag} K=V (periodic constants --set), checked the same way. */
    public static TemplateInputs pairs(List<String> pairs, String flag) {
        TemplateInputs in = new TemplateInputs();
        in.pairs = checked(pairs, flag);
        in.fromFile = Map.of();
        return in;
    }

    private static List<String> checked(List<String> pairs, String flag) {
        for (String p : pairs == null ? List.<String>of() : pairs) {
            if (p.indexOf('=') <= 0) {
                throw CliException.usage(Text.of("errors.cli.key-value", flag, p));
            }
        }
        return pairs == null ? List.of() : pairs;
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
            throw CliException.usage(TaskDraft.Invalid.of(e));
        }
        return draft;
    }

    /** A JSON object of constants from a file, or from stdin with '-'. */
    private static Map<String, JsonNode> file(CliContext ctx, String file) {
        JsonNode json;
        try (InputStream in = file.equals("-") ? ctx.in() : Files.newInputStream(Path.of(file))) {
            json = Json.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw CliException.usage(Text.of("errors.cli.const-file.not-json", file, e.getOriginalMessage()));
        } catch (IOException e) {
            throw CliException.usage(Text.of("errors.cli.const-file.unreadable", file, e.getMessage()));
        }
        if (json == null || !json.isObject()) {
            throw CliException.usage(Text.of("errors.cli.const-file.not-object", file));
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        json.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
