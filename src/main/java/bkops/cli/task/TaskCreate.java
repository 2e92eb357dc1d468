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
import bkops.i18n.Text;
import bkops.model.ClockedTask;
import bkops.model.CreatedTask;
import bkops.model.Scheme;
import bkops.model.TaskPreview;
import bkops.model.Template;
import bkops.ops.ClockedCreation;
import bkops.ops.TaskActions;
import bkops.ops.TaskCreation;
import bkops.ops.TaskDraft;
import bkops.render.JsonOutput;
import bkops.render.TaskViews;
import bkops.render.TerminalText;
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
                        + "the wait). --dry-run prints the request body and sends no change; on stderr, the pipeline the "
                        + "task would run (preview_task_tree, project templates) and the template's constants it would "
                        + "no longer refer to."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops task create --template 1 --name 'release 1.2' --const version=1.2.0",
                "bkops task create --template 40 --name quick --scheme quick --dry-run",
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

    @Option(names = "--start", description = "Start the task once created: create_and_start_task, one call, where the "
            + "gateway has it (bk-sops 3.34.17 on, and ESB); else create_task then start_task.")
    boolean start;

    @Option(names = "--at", paramLabel = "TIME", converter = PlanTime.Converter.class, description = "Create a clocked task instead: "
            + "the server creates and starts the task at TIME ('2026-12-02 03:00' in the local zone, or with an offset: "
            + "'2026-12-02T03:00+08:00'). create_clocked_task, a private gateway API; project templates only; "
            + "'bkops clocked list' shows it.")
    PlanTime at;

    @Option(names = "--scheme", paramLabel = "SCHEME", description = "Run the nodes of this execution scheme of the "
            + "template ('bkops template schemes T'): its id, whole name or a unique part of it; repeatable (the "
            + "schemes' nodes together). Project templates only.")
    List<String> schemes;

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
        waitOptions.requireWait(await);
        WaitRun wait = await ? new WaitRun(root, waitOptions) : null;
        String templateId = template.value();
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, false);
        OutputFormat f = runner.format();
        TemplateInputs constants = inputs.read(root.context());
        if (schemes != null && common) {
            // bk-sops gcloud/apigw/views/get_template_schemes.py: TaskTemplate.objects.get(project_id=..., id=...)
            throw CliException.usage(Text.of("errors.cli.task.scheme-common"));
        }
        if (at != null && (start || await || common || flowType == Values.FlowType.common_func)) {
            // bk-sops gcloud/apigw/views/create_clocked_task.py: a project template's task, started by the server
            throw CliException.usage(Text.of("errors.cli.task.at-not-with",
                    start ? "--start" : await ? "--wait" : common ? "--common" : "--flow-type common_func"));
        }
        JsonNode info = root.session().sops().templateInfo(templateId, common, false);
        Map<String, Object> body = body(Template.parse(info), constants, schemeExcluded(root, info.path("pipeline_tree")));
        TaskCreation create = new TaskCreation(root.session().sops(), root.context().sleeper(), templateId, body);
        TaskActions actions = new TaskActions(root.session().sops(), root.context().sleeper());
        if (at != null) {
            return clocked(root, runner, templateId, body);
        }
        if (runner.dryRun()) {
            out.info(out.style().text(start || await ? "notice.cli.task.dry-run.create-start" : "notice.cli.task.dry-run.create",
                    templateId));
            // what would run: the server's own cut of the pipeline (preview_task_tree; project templates only)
            @SuppressWarnings("unchecked")
            TaskPreview preview = common ? null : TaskPreview.parse(root.session().sops().previewTaskTree(templateId,
                    (List<String>) body.getOrDefault("exclude_task_nodes_id", List.of()), null));
            // the id start_task takes is the one create_task returns: not known yet
            if (preview != null) {
                // on stderr: stdout keeps the request body alone, for scripts
                TaskViews.preview(preview, out.style()).forEach(out::info);
            }
            return runner.preview(start || await ? List.of(create, actions.change(null, "start")) : List.of(create),
                    (w, format, style) -> w.println(JsonOutput.pretty(Json.mapper().valueToTree(body))));
        }
        if (start && !await && flowType != Values.FlowType.common_func) {
            JsonNode both = createAndStart(root, runner, templateId, body);
            if (both != null) {
                CreatedTask task = shown(root, CreatedTask.parse(both));
                out.info(out.style().text("notice.cli.task.started", task.id()));
                return Result.of(both).ids(List.of(task.id())).show((w, format, style) -> w.println(TaskViews.created(task, style)));
            }
        }
        JsonNode created = runner.send(create);
        CreatedTask task = shown(root, CreatedTask.parse(created));
        String id = task.id();
        Result made = Result.of(created).ids(List.of(id))
                .show((w, format, style) -> w.println(TaskViews.created(task, style)));
        if (!start && !await) {
            return made;
        }
        // the created task is on stdout before it is started: a failed start leaves its id there
        out.print(made);
        TaskActions.Done done = runner.send(actions.change(id, "start"));
        out.info(done.readBack() ? out.style().text("notice.cli.task.started.read-back", id, done.state())
                : out.style().text("notice.cli.task.started", id));
        if (flowType == Values.FlowType.common_func && wait == null) {
            // bk-sops gcloud/apigw/views/create_task.py: current_flow "func_claim"; task_action refuses to start it until claimed
            out.warn(task.url().isEmpty() ? out.style().text("notice.cli.task.functional.no-url", id)
                    : out.style().text("notice.cli.task.functional", id, task.claimUrl()));
        }
        // the created task is already on stdout: a JSON document or the id stays the only thing there
        return wait == null ? Result.none() : wait.run(List.of(id), false, f == OutputFormat.TABLE ? f : null);
    }

    /** The created task as the views show it: without its console link on the embedded sandbox (Session#consoleLinks). */
    private static CreatedTask shown(BkopsCommand root, CreatedTask task) {
        return root.session().consoleLinks() ? task : new CreatedTask(task.id(), "");
    }

    /** create_clocked_task with create_task's constants and node choice; the reply has no clocked task id of its own. */
    @SuppressWarnings("unchecked")
    private Result clocked(BkopsCommand root, ChangeRunner runner, String templateId, Map<String, Object> body) {
        var sops = root.session().sops();
        List<String> excluded = (List<String>) body.getOrDefault("exclude_task_nodes_id", List.of());
        ClockedCreation change = new ClockedCreation(sops, root.context().sleeper(), templateId, name, at.at(),
                (Map<String, Object>) body.get("constants"), excluded);
        if (runner.dryRun()) {
            TaskPreview preview = TaskPreview.parse(sops.previewTaskTree(templateId, excluded, null));
            root.session().output().info(root.messages().get("notice.cli.task.dry-run.clocked", templateId));
            TaskViews.preview(preview, root.session().output().style()).forEach(root.session().output()::info);
            return runner.preview(List.of(change), (w, format, style) ->
                    w.println(JsonOutput.pretty(Json.mapper().valueToTree(change.requests().get(0).params()))));
        }
        JsonNode made = runner.send(change);
        ClockedTask c = ClockedTask.parse(made);
        return Result.of(made).ids(List.of(String.valueOf(c.id()))).show((w, format, style) -> w.println(
                "clocked task " + c.id() + " '" + TerminalText.line(c.taskName()) + "' from template " + templateId
                        + " starts at " + c.planStartTime() + " (the server's time); see it with 'bkops clocked list'"));
    }

    /**
     * create_and_start_task; null when the gateway has no such API (bk-sops before 3.34.17: api-resources.yml lists it
     * from then on). A gateway 404 API_NOT_FOUND never reached bk-sops: nothing was created, so create + start follows.
     */
    private JsonNode createAndStart(BkopsCommand root, ChangeRunner runner, String templateId, Map<String, Object> body) {
        try {
            return runner.send(new TaskCreation(root.session().sops(), root.context().sleeper(), templateId, body, true));
        } catch (bkops.api.ApiException e) {
            if (e.httpStatus() == null || e.httpStatus() != 404 || !"1640401".equals(e.code())) {
                throw e;
            }
            root.session().output().info(root.messages().get("notice.cli.task.no-create-and-start"));
            return null;
        }
    }

    /**
     * The template nodes the chosen schemes leave out. Sent as exclude_task_nodes_id, never template_schemes_id:
     * bk-sops V3.34.12's create_task ignores template_schemes_id (gcloud/apigw/views/create_task.py reads only
     * exclude_task_nodes_id), and the newer one computes the same list (pipeline_web/preview_base.py
     * get_template_exclude_task_nodes_with_schemes), which model/Scheme.excludedNodes ports.
     */
    private List<String> schemeExcluded(BkopsCommand root, JsonNode templateTree) {
        if (schemes == null || schemes.isEmpty()) {
            return List.of();
        }
        List<Scheme> all = Scheme.parseList(root.session().sops().templateSchemes(template.value()));
        List<Scheme> chosen = new java.util.ArrayList<>();
        for (String word : schemes) {
            List<Scheme> m = Scheme.matching(all, word);
            if (m.isEmpty()) {
                throw CliException.notFound(all.isEmpty() ? Text.of("errors.cli.task.no-scheme.none", template.value(), word)
                        : Text.of("errors.cli.task.no-scheme", template.value(), word,
                        String.join(", ", all.stream().map(x -> x.name() + " (" + x.id() + ")").toList())));
            }
            if (m.size() > 1) {
                throw CliException.usage(Text.of("errors.cli.task.schemes-match", word, m.size(),
                        String.join(", ", m.stream().map(x -> x.name() + " (" + x.id() + ")").toList())));
            }
            chosen.add(m.get(0));
        }
        try {
            return Scheme.excludedNodes(templateTree, chosen);
        } catch (IllegalArgumentException e) {
            throw CliException.saying(bkops.ExitCode.USAGE, e);
        }
    }

    private Map<String, Object> body(Template template, TemplateInputs constants, List<String> schemeExcluded) {
        TaskDraft draft = constants.applyTo(new TaskDraft(template.pipeline()));
        try {
            constants.excludes().forEach(draft::exclude);
        } catch (IllegalArgumentException e) {
            throw CliException.usage(TaskDraft.Invalid.of(e));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("template_source", common ? "common" : "project");
        if (flowType != null) {
            body.put("flow_type", flowType.name());
        }
        body.put("constants", draft.constants());
        java.util.LinkedHashSet<String> excluded = new java.util.LinkedHashSet<>(schemeExcluded);
        excluded.addAll(draft.excluded());
        if (!excluded.isEmpty()) {
            body.put("exclude_task_nodes_id", List.copyOf(excluded));
        }
        return body;
    }
}
