package bkops.cli.task;

import bkops.api.InDoubtException;
import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.ExitCode;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.model.Template;
import bkops.ops.TaskActions;
import bkops.ops.TaskDraft;
import bkops.ops.TaskPages;
import bkops.render.JsonOutput;
import bkops.render.TerminalText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "create",
        header = "Create a task from a template (and optionally start it and wait for it).",
        description = {"Reads the template first: every --const key must be one of its constants (the API would "
                + "silently ignore others) and each value is typed like the template's (numbers, true/false, JSON "
                + "objects and lists); --exclude takes a node id or a node name. Prints the new task's id and URL; "
                + "-o id only the id, -o json the API's data.",
                "--start starts it; --wait starts it and waits like 'task wait' (--timeout is then the deadline of "
                        + "the wait). --dry-run prints the request body and sends nothing."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops task create --template 1 --name 'release 1.2' --const version=1.2.0",
                "id=$(bkops task create --template 5 --name deploy --const env=prod -o id)",
                "bkops task create --template 3 --name fix --const-file consts.json --exclude 'run script' --wait",
                "echo '{\"version\": \"2.0\"}' | bkops task create --template 1 --name r2 --const-file -"})
public final class TaskCreate implements Callable<Integer> {
    @ParentCommand
    TaskCommand parent;

    @Option(names = "--template", required = true, paramLabel = "TEMPLATE", description = "Template id.")
    String templateId;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Task name (1 to 100 characters).")
    String name;

    @Option(names = "--const", paramLabel = "KEY=VALUE",
            description = "Set a constant (repeatable); KEY with or without its $${} (version or $${version}).")
    List<String> consts = new ArrayList<>();

    @Option(names = "--const-file", paramLabel = "FILE|-",
            description = "A JSON object of constants (read from stdin with '-'); --const wins over it.")
    String constFile;

    @Option(names = "--exclude", paramLabel = "NODE", description = "Leave out a node (template node id or name); repeatable.")
    List<String> excludes = new ArrayList<>();

    @Option(names = "--flow-type", paramLabel = "TYPE", completionCandidates = FlowTypes.class,
            description = "common (default) or common_func (claimed by someone before it runs).")
    String flowType;

    @Option(names = "--common", description = "The template is a common template.")
    boolean common;

    @Option(names = "--start", description = "Start the task once created.")
    boolean start;

    @Option(names = "--wait", description = "Start the task and wait for it to end; the exit code says how.")
    boolean await;

    @Mixin
    WaitOptions waitOptions;

    @Override
    public Integer call() {
        BkopsCommand root = parent.root;
        WaitRun wait = await ? new WaitRun(root, waitOptions) : null;
        if (!templateId.matches("\\d+")) {
            throw CliException.usage("template id must be a number, got '" + templateId + "'");
        }
        if (flowType != null && !List.of("common", "common_func").contains(flowType)) {
            throw CliException.usage("--flow-type must be common or common_func, got '" + flowType + "'");
        }
        Output out = root.session().output();
        OutputFormat f = out.format(OutputFormat.TABLE, OutputFormat.TABLE, OutputFormat.ID, OutputFormat.JSON,
                OutputFormat.YAML);
        Map<String, Object> body = body(Template.parse(root.session().sops().templateInfo(templateId, common, false)));
        if (root.global.dryRun) {
            out.out().println(JsonOutput.pretty(new ObjectMapper().valueToTree(body)));
            out.info("dry run: would send create_task for template " + templateId + (start || await ? " and start it" : "")
                    + "; nothing was sent");
            return ExitCode.OK;
        }
        JsonNode created;
        try {
            created = root.session().sops().createTask(templateId, body);
        } catch (InDoubtException e) {
            throw new CliException(ExitCode.TRANSPORT, e.getMessage() + "; " + lookForCreated(root));
        }
        String id = created.path("task_id").asText();
        switch (f) {
            case ID -> out.out().println(id);
            case JSON, YAML -> out.print(created, f);
            default -> out.out().println("created task " + id + "  " + TerminalText.line(created.path("task_url").asText("")));
        }
        out.out().flush();
        if (!start && !await) {
            return ExitCode.OK;
        }
        TaskActions.Done done = new TaskActions(root.session().sops()).apply(id, "start");
        out.info("started task " + id + (done.readBack() ? " (the reply was lost; read back: " + done.state() + ")" : ""));
        // the created task is already on stdout: a JSON document or the id stays the only thing there
        return wait == null ? ExitCode.OK : wait.run(List.of(id), false, f == OutputFormat.TABLE ? f : null);
    }

    /** After a lost reply: whether a task of this name and template exists now (create_task is never re-sent). */
    private String lookForCreated(BkopsCommand root) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("keyword", name);
        filters.put("template_id", templateId);
        List<String> found = new ArrayList<>();
        new TaskPages(root.session().sops()).read(filters, TaskPages.MAX_PAGE).tasks().forEach(t -> {
            if (name.equals(t.path("name").asText())) {
                found.add(t.path("id").asText());
            }
        });
        return found.isEmpty()
                ? "no task named '" + name + "' from template " + templateId + " exists, so none was created (not re-sent)"
                : "tasks named '" + name + "' from template " + templateId + " now: " + String.join(", ", found)
                        + " (not re-sent; check them before creating another)";
    }

    private Map<String, Object> body(Template template) {
        TaskDraft draft = new TaskDraft(template.pipeline());
        try {
            constantsFromFile().forEach(draft::constant);
            for (String kv : consts) {
                int eq = kv.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("--const takes KEY=VALUE, got '" + kv + "'");
                }
                draft.constant(kv.substring(0, eq), kv.substring(eq + 1));
            }
            excludes.forEach(draft::exclude);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("template_source", common ? "common" : "project");
        if (flowType != null) {
            body.put("flow_type", flowType);
        }
        body.put("constants", draft.constants());
        if (!draft.excluded().isEmpty()) {
            body.put("exclude_task_nodes_id", draft.excluded());
        }
        return body;
    }

    private Map<String, JsonNode> constantsFromFile() {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (constFile == null) {
            return out;
        }
        JsonNode json;
        try (InputStream in = constFile.equals("-") ? parent.root.context().in() : Files.newInputStream(Path.of(constFile))) {
            json = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw CliException.usage("--const-file " + constFile + ": " + e.getMessage());
        }
        if (json == null || !json.isObject()) {
            throw CliException.usage("--const-file " + constFile + " must hold a JSON object of constants");
        }
        json.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static final class FlowTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("common", "common_func").iterator();
        }
    }
}
