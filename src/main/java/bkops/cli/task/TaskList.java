package bkops.cli.task;

import bkops.ExitCode;
import bkops.cli.BkopsCommand;
import bkops.cli.CliException;
import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.i18n.Text;
import bkops.model.FunctionTask;
import bkops.ops.Pages;
import bkops.ops.TaskPages;
import bkops.ops.TaskReader;
import bkops.render.ConsoleViews;
import bkops.render.TaskViews;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "list",
        header = "List the business's tasks, newest first, with the API's filters.",
        description = {"get_task_list pages of at most 200 (the server's cap) are read one after another until --limit "
                + "tasks or the last page. Filters are the API's: name keyword, started/finished, executor, creation "
                + "method, template, creation time range.",
                "The table's STATUS is each task's state now (get_tasks_status, 50 tasks a request): FAILED and REVOKED "
                        + "tasks are not finished for the API's filter. -o json prints get_task_list's data as it is."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops task list", "bkops task list --keyword 发布 --finished --limit 500",
                "bkops task list --no-started -o id | bkops task start -",
                "bkops task list --template 5 --created-after '2026-11-01 00:00:00' -o jsonl"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.WIDE, OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.YAML, OutputFormat.ID})
public final class TaskList implements Callable<Result> {
    @ParentCommand
    TaskCommand parent;

    @Option(names = "--keyword", paramLabel = "TEXT", description = "Name contains TEXT.")
    String keyword;

    @Option(names = "--started", negatable = true, description = "Only started tasks (--no-started: only not started).")
    Boolean started;

    @Option(names = "--finished", negatable = true, description = "Only tasks that finished (--no-finished: the others, "
            + "failed and revoked ones included: the API's is_finished is false for a revoked task).")
    Boolean finished;

    @Option(names = "--executor", paramLabel = "USER", description = "Started by USER.")
    String executor;

    @Option(names = "--create-method", paramLabel = "METHOD", completionCandidates = CreateMethods.class,
            description = "How tasks were created, e.g. app, api, app_maker, periodic, clocked, mobile.")
    String createMethod;

    @Option(names = "--template", paramLabel = "TEMPLATE", description = "Created from this template id.")
    Ids.Template templateId;

    @Option(names = "--created-after", paramLabel = "TIME", description = "Created at or after TIME (create_time_start, e.g. '2026-11-01 00:00:00').")
    String createdAfter;

    @Option(names = "--created-before", paramLabel = "TIME", description = "Created before TIME (create_time_end).")
    String createdBefore;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "At most N tasks. Default: ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--func", description = "The project's functional tasks (flow type common_func) with their claim "
            + "status (get_functionalization_task_list); the other filters do not apply.")
    boolean func;

    @Override
    public Result call() {
        BkopsCommand root = parent.root;
        if (limit < 1) {
            throw CliException.usage(Text.of("errors.cli.at-least-1", "--limit", limit));
        }
        if (func) {
            if (!filters().isEmpty()) {
                throw CliException.usage(Text.of("errors.cli.task.func-filters"));
            }
            return functional(root);
        }
        OutputFormat f = root.session().output().format();
        TaskPages.Page page = new TaskPages(root.session().sops()).read(filters(), limit);
        ArrayNode tasks = page.tasks();
        Result r = Result.of(tasks).ids(TaskViews.ids(tasks));
        if (f == OutputFormat.TABLE || f == OutputFormat.WIDE) {
            Map<String, JsonNode> states = states(root, tasks);
            r.show((out, format, style) -> TaskViews.list(tasks, states, format == OutputFormat.WIDE, style, out))
                    .note(tasks.isEmpty() ? "no tasks match" : tasks.size() + " of " + page.total() + " tasks");
        }
        return r;
    }

    /**
     * The functional tasks' claim tickets. bk-sops gcloud/apigw/views/get_functionalization_task_list.py has no project
     * in its path and lists every project's tickets unless project_id (the SOPS project's id) filters them.
     */
    private Result functional(BkopsCommand root) {
        var sops = root.session().sops();
        long project = sops.projectDetail().path("project_id").asLong();
        Pages.Page page = Pages.read((n, offset) -> sops.functionalizationTaskListPage(Map.of("project_id", project), n, offset), limit);
        List<FunctionTask> tickets = FunctionTask.parseList(page.items());
        // the task's id, what every other command takes, not the ticket's
        Result r = Result.of(page.items()).ids(tickets.stream().map(t -> String.valueOf(t.taskId())).toList());
        if (tickets.isEmpty()) {
            return r.note("no functional tasks");
        }
        long waiting = tickets.stream().filter(FunctionTask::waiting).count();
        return r.show((out, format, style) -> ConsoleViews.functionTasks(tickets, format == OutputFormat.WIDE, style,
                        java.time.ZoneId.systemDefault(), out))
                .note(tickets.size() + " of " + page.total() + " functional tasks" + (waiting == 0 ? ""
                        : ", " + waiting + " waiting to be claimed ('bkops task claim TASK')"));
    }

    private Map<String, Object> filters() {
        Map<String, Object> q = new LinkedHashMap<>();
        put(q, "keyword", keyword);
        put(q, "is_started", started);
        put(q, "is_finished", finished);
        put(q, "executor", executor);
        put(q, "create_method", createMethod);
        put(q, "template_id", templateId == null ? null : templateId.value());
        put(q, "create_time_start", createdAfter);
        put(q, "create_time_end", createdBefore);
        return q;
    }

    private static void put(Map<String, Object> q, String key, Object value) {
        if (value != null) {
            q.put(key, value);
        }
    }

    /**
     * The page's tasks as get_tasks_status has them now, 50 ids a request: get_task_list tells only is_started and
     * is_finished, which calls a failed task and a revoked one (is_finished false, bamboo-pipeline set_revoked)
     * unfinished. A fresh read: the server caches get_tasks_status 10 s.
     */
    private static Map<String, JsonNode> states(BkopsCommand root, ArrayNode tasks) {
        try {
            return new TaskReader(root.session().sops(), root.session().job()).rawMany(TaskViews.ids(tasks), false, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.INTERRUPTED, Text.of("errors.cli.task.list-interrupted"));
        }
    }

    static final class CreateMethods implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("app", "api", "app_maker", "periodic", "clocked", "mobile").iterator();
        }
    }
}
