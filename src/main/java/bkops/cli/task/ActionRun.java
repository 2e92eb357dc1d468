package bkops.cli.task;

import bkops.ExitCode;
import bkops.cli.BkopsCommand;
import bkops.cli.ChangeRunner;
import bkops.cli.CliContext;
import bkops.cli.ErrorReporter;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.ops.Bulk;
import bkops.ops.Change;
import bkops.ops.TaskActions;
import bkops.render.TaskViews;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * One task action (start, pause, resume, revoke) on several ids: each sent once, concurrently, one result line per id
 * (ok on stdout, failures on stderr; -o jsonl puts both on stdout as objects). Exit 0, 7 when some failed, the
 * failure's own code when all did.
 */
final class ActionRun {
    private static final int PARALLELISM = 8;

    private ActionRun() {}

    /** @param wait non-null: wait for the tasks that the action reached (start --wait) */
    static Result run(BkopsCommand root, List<String> rawIds, String action, WaitRun wait) {
        CliContext ctx = root.context();
        List<String> ids = TaskIds.resolve(rawIds, ctx.in());
        Output out = root.session().output();
        ChangeRunner runner = new ChangeRunner(root, false);
        OutputFormat f = runner.format();
        TaskActions actions = new TaskActions(root.session().sops(), ctx.sleeper());
        List<Change<TaskActions.Done>> changes = ids.stream().map(id -> actions.change(id, action)).toList();
        if (runner.dryRun()) {
            out.info(out.style().text("notice.cli.dry-run"));
            return runner.preview(changes, (w, format, style) -> ids.forEach(id -> w.println("would send "
                    + (action.equals("start") ? "start_task task_id=" + id
                    : "operate_task task_id=" + id + " action=" + action))));
        }
        String revoke = ids.size() == 1 ? out.style().text("notice.cli.task.revoke", ids.get(0))
                : out.style().text("notice.cli.task.revoke.many", ids.size(), String.join(", ", ids));
        ChangeRunner.Batch<Change<TaskActions.Done>, TaskActions.Done> batch =
                runner.sendAll(changes, PARALLELISM, action.equals("revoke") ? revoke : null);
        Result done = lines(batch, action, f);
        if (batch.interrupted()) {
            return done.say(batch.interruptReport(root.messages().get(ids.size() == 1 ? "notice.cli.task.interrupted-what.one"
                    : "notice.cli.task.interrupted-what", action, ids.size()),
                    ActionRun::id, inDoubt -> "bkops task status " + String.join(" ", inDoubt)));
        }
        List<String> reached = batch.answered().stream().filter(Bulk.Item::ok).map(i -> i.value().taskId()).toList();
        if (wait == null || reached.isEmpty()) {
            return done;
        }
        // the actions' lines are on stdout before the wait begins
        out.print(done);
        Result waited = wait.run(reached, false, f);
        return batch.exit() == ExitCode.OK ? waited : waited.exit(batch.exit());
    }

    /** The task a change acts on: its request's task_id. */
    private static String id(Change<?> c) {
        return String.valueOf(c.requests().get(0).params().get("task_id"));
    }

    /**
     * A line per task on stdout (ok) or stderr (failed); -o jsonl an object per task, the failed and the unanswered
     * ones too; -o id the ids that went through.
     */
    private static Result lines(ChangeRunner.Batch<Change<TaskActions.Done>, TaskActions.Done> batch, String action,
                                OutputFormat f) {
        ArrayNode objects = JsonNodeFactory.instance.arrayNode();
        List<String> ok = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<TaskActions.Done> lines = new ArrayList<>();
        for (Bulk.Item<Change<TaskActions.Done>, TaskActions.Done> r : batch.answered()) {
            if (r.ok()) {
                TaskActions.Done d = r.value();
                ok.add(d.taskId());
                lines.add(d);
                ObjectNode o = objects.addObject();
                o.put("task_id", d.taskId());
                o.put("action", d.action());
                o.put("ok", true);
                if (d.readBack()) {
                    o.put("state_read_back", d.state().name());
                }
            } else {
                ObjectNode o = objects.addObject();
                o.put("task_id", id(r.input()));
                o.put("action", action);
                o.put("ok", false);
                o.put("exit", ErrorReporter.exitCode(r.error()));
                o.put("error", ErrorReporter.line(r.error()));
                failures.add("bkops: " + ErrorReporter.line(r.error(), batch.messages()));
            }
        }
        batch.inDoubt().forEach(c -> objects.add(unanswered(id(c), action, true)));
        batch.notSent().forEach(c -> objects.add(unanswered(id(c), action, false)));
        Result result = Result.of(objects).ids(ok).exit(batch.exit())
                .show((w, format, style) -> lines.forEach(d ->
                        w.println(TaskViews.actionLine(d.taskId(), d.action(), d.readBack() ? d.state() : null, style))));
        // the failures are objects of their own in jsonl, lines on stderr otherwise
        return f == OutputFormat.JSONL ? result : result.say(failures);
    }

    private static ObjectNode unanswered(String id, String action, boolean sent) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("task_id", id);
        o.put("action", action);
        o.put("ok", false);
        o.put("sent", sent);
        o.put("exit", ExitCode.INTERRUPTED.code());
        o.put("error", sent ? "interrupted: sent, no answer (may or may not have been applied)" : "interrupted: not sent");
        return o;
    }
}
