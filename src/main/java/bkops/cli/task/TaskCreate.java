package bkops.cli.task;

import bkops.api.ApiException;
import bkops.api.InDoubtException;
import bkops.api.Json;
import bkops.cli.BkopsCommand;
import bkops.cli.ConstantArgs;
import bkops.cli.CliException;
import bkops.cli.DryRun;
import bkops.cli.ExitCode;
import bkops.cli.GlobalUse;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.model.Template;
import bkops.ops.TaskActions;
import bkops.ops.TaskDraft;
import bkops.ops.ReadBack;
import bkops.ops.TaskPages;
import bkops.render.JsonOutput;
import bkops.render.TerminalText;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = true)
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
        Set<OutputFormat> formats = EnumSet.of(OutputFormat.TABLE, OutputFormat.ID, OutputFormat.JSON, OutputFormat.YAML);
        OutputFormat f = root.global.dryRun ? DryRun.format(out, formats) : out.format(OutputFormat.TABLE, formats);
        ConstantArgs constants = ConstantArgs.read(root.context(), constFile, consts, "--const");
        Map<String, Object> body = body(Template.parse(root.session().sops().templateInfo(templateId, common, false)), constants);
        if (root.global.dryRun) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("template_id", templateId);
            params.putAll(body);
            List<ObjectNode> requests = new ArrayList<>(List.of(DryRun.request("create_task", params)));
            if (start || await) {
                requests.add(DryRun.request("start_task", Collections.singletonMap("task_id", null))); // the id created
            }
            if (!DryRun.print(out, f, requests)) {
                out.out().println(JsonOutput.pretty(Json.mapper().valueToTree(body)));
            }
            out.info("dry run: would send create_task for template " + templateId + (start || await ? " and start it" : "")
                    + "; nothing was sent");
            return ExitCode.OK;
        }
        JsonNode created;
        try {
            created = root.session().sops().createTask(templateId, body);
        } catch (InDoubtException e) {
            // the lost reply's status, code and request id stay on the error line
            throw new ApiException(ApiException.Kind.TRANSPORT, e.api(), e.httpStatus(), e.code(), e.serverMessage(),
                    e.requestId(), e.getMessage() + "; " + lookForCreated(root), e);
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
        TaskActions.Done done = new TaskActions(root.session().sops(), root.context().sleeper()::sleep).apply(id, "start");
        out.info("started task " + id + (done.readBack() ? " (the reply was lost; read back: " + done.state() + ")" : ""));
        if ("common_func".equals(flowType) && wait == null) {
            // bk-sops gcloud/apigw/views/create_task.py: current_flow "func_claim"; task_action refuses to start it until claimed
            out.warn("task " + id + " is a functional task (flow_type common_func): it runs only once someone claims it at "
                    + created.path("task_url").asText("").replace("/taskflow/execute/", "/function/execute/")
                    + " and it is started after that (a start before the claim does nothing)");
        }
        // the created task is already on stdout: a JSON document or the id stays the only thing there
        return wait == null ? ExitCode.OK : wait.run(List.of(id), false, f == OutputFormat.TABLE ? f : null);
    }

    /**
     * After a lost reply: whether a task of this name and template appears (create_task is never re-sent). The
     * create may land after its reply was lost, so the list (get_task_list, not cached by the server) is read over a
     * short window; not seeing it is never proof that it was not created.
     */
    private String lookForCreated(BkopsCommand root) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("keyword", name);
        filters.put("template_id", templateId);
        String check = "check with 'bkops task list --keyword " + name + " --template " + templateId
                + "' before creating it again";
        Optional<List<String>> found;
        try {
            found = new ReadBack(root.context().sleeper()::sleep).await(() -> {
                List<String> ids = new ArrayList<>();
                new TaskPages(root.session().sops()).read(filters, TaskPages.MAX_PAGE).tasks().forEach(t -> {
                    if (name.equals(t.path("name").asText())) {
                        ids.add(t.path("id").asText());
                    }
                });
                return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
            });
        } catch (ApiException unreadable) {
            return "the tasks could not be read back either (" + unreadable.getMessage() + "): " + check + " (not re-sent)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while reading back: " + check + " (not re-sent)";
        }
        return found.isEmpty()
                ? "no task named '" + name + "' from template " + templateId + " seen yet after "
                        + ReadBack.WINDOW.toSeconds() + "s of reading back, but it may still appear: " + check
                        + " (not re-sent)"
                : "tasks named '" + name + "' from template " + templateId + " now: " + String.join(", ", found.get())
                        + " (not re-sent; check them before creating another)";
    }

    private Map<String, Object> body(Template template, ConstantArgs constants) {
        TaskDraft draft = constants.applyTo(new TaskDraft(template.pipeline()));
        try {
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

    static final class FlowTypes implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("common", "common_func").iterator();
        }
    }
}
