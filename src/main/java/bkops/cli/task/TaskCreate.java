package bkops.cli.task;

import bkops.api.Json;
import bkops.cli.BkopsCommand;
import bkops.cli.ChangeRunner;
import bkops.cli.CliException;
import bkops.cli.DryRun;
import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.TemplateInputs;
import bkops.cli.Values;
import bkops.cli.Waits;
import bkops.model.CreatedTask;
import bkops.model.Template;
import bkops.ops.TaskActions;
import bkops.ops.TaskCreation;
import bkops.ops.TaskDraft;
import bkops.render.JsonOutput;
import bkops.render.TaskViews;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

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
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.YAML, OutputFormat.ID})
public final class TaskCreate implements Callable<Result>, Waits {
    @ParentCommand
    TaskCommand parent;

    @Option(names = "--template", required = true, paramLabel = "TEMPLATE", description = "Template id.")
    Ids.Template template;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Task name (1 to 100 characters).")
    String name;

    @Mixin
    TemplateInputs inputs;

    @Option(names = "--flow-type", paramLabel = "TYPE",
            description = "common (default) or common_func (claimed by someone before it runs).")
    Values.FlowType flowType;

    @Option(names = "--common", description = "The template is a common template.")
    boolean common;

    @Option(names = "--start", description = "Start the task once created.")
    boolean start;

    @Option(names = "--wait", description = "Start the task and wait for it to end; the exit code says how.")
    boolean await;

    @Mixin
    WaitOptions waitOptions;

    @Override
    public boolean waits() {
        return await;
    }

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        WaitRun wait = await ? new WaitRun(root, waitOptions) : null;
        String templateId = template.value();
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, false);
        OutputFormat f = runner.format();
        TemplateInputs constants = inputs.read(root.context());
        Map<String, Object> body = body(Template.parse(root.session().sops().templateInfo(templateId, common, false)), constants);
        TaskCreation create = new TaskCreation(root.session().sops(), root.context().sleeper(), templateId, body);
        TaskActions actions = new TaskActions(root.session().sops(), root.context().sleeper());
        if (runner.dryRun()) {
            out.info("dry run: would send create_task for template " + templateId + (start || await ? " and start it" : "")
                    + "; nothing was sent");
            // the id start_task takes is the one create_task returns: not known yet
            return runner.preview(start || await ? List.of(create, actions.change(null, "start")) : List.of(create),
                    (w, format, style) -> w.println(JsonOutput.pretty(Json.mapper().valueToTree(body))));
        }
        JsonNode created = runner.send(create);
        CreatedTask task = CreatedTask.parse(created);
        String id = task.id();
        Result made = Result.of(created).ids(List.of(id))
                .show((w, format, style) -> w.println(TaskViews.created(task, style)));
        if (!start && !await) {
            return made;
        }
        // the created task is on stdout before it is started: a failed start leaves its id there
        out.print(made);
        TaskActions.Done done = runner.send(actions.change(id, "start"));
        out.info("started task " + id + (done.readBack() ? " (the reply was lost; read back: " + done.state() + ")" : ""));
        if (flowType == Values.FlowType.common_func && wait == null) {
            // bk-sops gcloud/apigw/views/create_task.py: current_flow "func_claim"; task_action refuses to start it until claimed
            out.warn("task " + id + " is a functional task (flow_type common_func): it runs only once someone claims it at "
                    + task.claimUrl()
                    + " and it is started after that (a start before the claim does nothing)");
        }
        // the created task is already on stdout: a JSON document or the id stays the only thing there
        return wait == null ? Result.none() : wait.run(List.of(id), false, f == OutputFormat.TABLE ? f : null);
    }

    private Map<String, Object> body(Template template, TemplateInputs constants) {
        TaskDraft draft = constants.applyTo(new TaskDraft(template.pipeline()));
        try {
            constants.excludes().forEach(draft::exclude);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(e.getMessage());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("template_source", common ? "common" : "project");
        if (flowType != null) {
            body.put("flow_type", flowType.name());
        }
        body.put("constants", draft.constants());
        if (!draft.excluded().isEmpty()) {
            body.put("exclude_task_nodes_id", draft.excluded());
        }
        return body;
    }
}
