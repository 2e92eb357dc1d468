package bkops.cli.task;

import bkops.cli.BkopsCommand;
import bkops.cli.CliContext;
import bkops.cli.CliException;
import bkops.cli.DryRun;
import bkops.cli.ErrorReporter;
import bkops.ExitCode;
import bkops.render.InterruptReport;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.ops.Bulk;
import bkops.ops.TaskActions;
import bkops.render.TaskViews;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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
        List<OutputFormat> dry = DryRun.formats(List.of(OutputFormat.TABLE, OutputFormat.JSONL, OutputFormat.ID));
        OutputFormat f = root.global.dryRun ? out.format(dry) : out.format();
        if (action.equals("revoke")) {
            confirmRevoke(root, ids);
        }
        if (root.global.dryRun) {
            List<ObjectNode> requests = new ArrayList<>();
            ids.forEach(id -> requests.add(action.equals("start") ? DryRun.request("start_task", Map.of("task_id", id))
                    : DryRun.request("operate_task", Map.of("task_id", id, "action", action))));
            out.info("dry run: nothing was sent");
            return DryRun.result(requests, (w, format, style) -> ids.forEach(id -> w.println("would send "
                    + (action.equals("start") ? "start_task task_id=" + id
                    : "operate_task task_id=" + id + " action=" + action))), dry);
        }
        TaskActions actions = new TaskActions(root.session().sops(), ctx.sleeper()::sleep);
        List<Bulk.Item<String, TaskActions.Done>> results;
        root.ctrlC(); // Ctrl-C is reported, once the result is printed
        try {
            results = Bulk.run(ids, PARALLELISM, id -> actions.apply(id, action));
        } catch (Bulk.Interrupted e) {
            return interrupted(action, ids.size(), e.report(), f);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.INTERRUPTED, "interrupted; some " + action + " requests may have been sent");
        }
        int failed = 0;
        int firstCode = ExitCode.OK.code();
        List<String> reached = new ArrayList<>();
        for (Bulk.Item<String, TaskActions.Done> r : results) {
            if (r.ok()) {
                reached.add(r.input());
            } else {
                failed++;
                int code = ErrorReporter.exitCode(r.error());
                firstCode = firstCode == ExitCode.OK.code() ? code : firstCode;
            }
        }
        ExitCode code = ExitCode.of(Failures.overall(ids.size(), failed, firstCode));
        Result done = lines(results, action, List.of(), List.of(), f).exit(code);
        if (wait == null || reached.isEmpty()) {
            return done;
        }
        // the actions' lines are on stdout before the wait begins
        out.print(done);
        Result waited = wait.run(reached, false, f);
        return code == ExitCode.OK ? waited : waited.exit(code);
    }

    /**
     * Ctrl-C during the run: the answered ids' results as usual, then which ids were sent without an answer and which
     * were never sent (as objects too with -o jsonl); exit 130.
     */
    private static Result interrupted(String action, int total, Bulk.Report<String, TaskActions.Done> report,
                                  OutputFormat f) {
        List<String> answered = report.answered().stream().map(Bulk.Item::input).toList();
        return lines(report.answered(), action, report.inDoubt(), report.notSent(), f).exit(ExitCode.INTERRUPTED)
                .say(InterruptReport.lines(action + " of " + total + " task" + (total == 1 ? "" : "s"), answered,
                        report.inDoubt(), report.notSent(), "bkops task status " + String.join(" ", report.inDoubt())));
    }

    /**
     * A line per task on stdout (ok) or stderr (failed); -o jsonl an object per task, the failed and the unanswered
     * ones too; -o id the ids that went through.
     */
    private static Result lines(List<Bulk.Item<String, TaskActions.Done>> items, String action, List<String> inDoubt,
                                List<String> notSent, OutputFormat f) {
        ArrayNode objects = JsonNodeFactory.instance.arrayNode();
        List<String> ok = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Bulk.Item<String, TaskActions.Done> r : items) {
            if (r.ok()) {
                TaskActions.Done d = r.value();
                ok.add(d.taskId());
                ObjectNode o = objects.addObject();
                o.put("task_id", d.taskId());
                o.put("action", d.action());
                o.put("ok", true);
                if (d.readBack()) {
                    o.put("state_read_back", d.state().name());
                }
            } else {
                ObjectNode o = objects.addObject();
                o.put("task_id", r.input());
                o.put("action", action);
                o.put("ok", false);
                o.put("exit", ErrorReporter.exitCode(r.error()));
                o.put("error", ErrorReporter.line(r.error()));
                failures.add("bkops: " + ErrorReporter.line(r.error()));
            }
        }
        inDoubt.forEach(id -> objects.add(unanswered(id, action, true)));
        notSent.forEach(id -> objects.add(unanswered(id, action, false)));
        Result result = Result.of(objects).ids(ok).show((w, format, style) -> {
            for (Bulk.Item<String, TaskActions.Done> r : items) {
                if (r.ok()) {
                    TaskActions.Done d = r.value();
                    w.println(TaskViews.actionLine(d.taskId(), d.action(), d.readBack() ? d.state() : null));
                }
            }
        });
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

    /** Revoking cannot be undone: ask on a terminal; without one, --yes is required and nothing is sent. */
    private static void confirmRevoke(BkopsCommand root, List<String> ids) {
        if (root.global.yes || root.global.dryRun) {
            return;
        }
        CliContext ctx = root.context();
        String what = ids.size() == 1 ? "task " + ids.get(0) : ids.size() + " tasks (" + String.join(", ", ids) + ")";
        if (!ctx.stdinIsTerminal()) {
            throw CliException.usage("revoking " + what + " cannot be undone and stdin is not a terminal to ask: "
                    + "add --yes to confirm (nothing was sent)");
        }
        ctx.err().print("Revoke " + what + "? Nothing more will run in it; this cannot be undone. [y/N] ");
        ctx.err().flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null || !List.of("y", "yes").contains(answer.trim().toLowerCase(Locale.ROOT))) {
            throw CliException.refused("not confirmed; nothing was sent");
        }
    }
}
