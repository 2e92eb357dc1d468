package bkops.cli.task;

import bkops.ExitCode;
import bkops.api.ApiClient;
import bkops.api.ApiException;
import bkops.cli.BkopsCommand;
import bkops.cli.CliContext;
import bkops.cli.Interrupts;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.model.State;
import bkops.ops.Outcome;
import bkops.ops.PollInterval;
import bkops.ops.TaskReader;
import bkops.ops.TaskSnapshot;
import bkops.ops.Verdict;
import bkops.ops.WaitRule;
import bkops.ops.Waiter;
import bkops.ops.WaitingOn;
import bkops.render.ChangeLog;
import bkops.render.FittedStatusTree;
import bkops.render.LiveView;
import bkops.render.StatusTreeRenderer;
import bkops.render.TaskViews;
import bkops.render.VerdictText;
import bkops.render.WaitingLog;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Waits for tasks and turns the end into an exit code (bkops.ExitCode: 0, 10, 11, 12, 13, 124, 130). One task watched
 * is drawn as its status tree, redrawn in place on a terminal, or as a log of state changes otherwise; several tasks
 * are read together through get_tasks_status. A verdict goes to stderr for every task that did not finish.
 */
final class WaitRun {
    private final BkopsCommand root;
    private final PollInterval interval;
    private final Duration deadline;
    private final WaitRule rule;
    /** The in-place view of a watch on a terminal, once drawn. */
    private LiveView live;

    /** The deadline is the global --timeout of a command that waits ({@link bkops.cli.Waits}). */
    WaitRun(BkopsCommand root, WaitOptions options) {
        this.root = root;
        this.deadline = root.waitDeadline();
        this.interval = options.interval();
        this.rule = options.rule();
    }

    /**
     * @param watch  draw the task on stdout (watch); otherwise progress goes to stderr and stdout gets one result line
     *               per task (wait, --wait)
     * @param format of the result lines (wait), or table/wide for the tree (watch); null prints no result lines (the
     *               caller's output already holds the task)
     */
    Result run(List<String> ids, boolean watch, OutputFormat format) {
        Output out = root.session().output();
        CliContext ctx = root.context();
        TaskReader reader = new TaskReader(root.session().sops(), root.session().job());
        boolean one = ids.size() == 1;
        Waiter.Poller poller = one ? list -> Map.of(list.get(0), reader.one(list.get(0))) : reader::many;
        Waiter waiter = new Waiter(poller, (id, polled) -> confirm(reader, id, polled), ctx.sleeper(), interval,
                deadline, System::nanoTime, rule);
        Waiter.Listener listener = listener(out, watch && one, format == OutputFormat.WIDE);
        Interrupts ctrlC = root.ctrlC(); // held until the result is printed
        Waiter.Result result;
        // no status read may outlive the wait's deadline, whatever the per-request timeout
        ApiClient client = root.session().client();
        client.deadline(deadline, deadline == null ? null
                : "the wait's --timeout " + StatusTreeRenderer.formatDuration(deadline.toSeconds()));
        try {
            result = waiter.await(ids, listener);
        } catch (InterruptedException e) {
            return interrupted(ids, watch);
        } catch (RuntimeException e) {
            if (ctrlC.fired()) {
                return interrupted(ids, watch);
            }
            throw e;
        } finally {
            client.deadline(null, null); // the reads that report the end come after it
            if (live != null) {
                live.end(); // the "watching for ..." footer goes with the watch
            }
        }
        return finish(ids, result, out, watch, format);
    }

    /**
     * The task read again past the server's cache, with the failed nodes it will retry by itself (asked only of a task
     * that has run: the view fails on a CREATED one). Unknown to the server: missing.
     */
    private static TaskSnapshot confirm(TaskReader reader, String id, TaskSnapshot polled) {
        boolean ran = polled == null || polled.status() == null || polled.status().state() != State.CREATED;
        try {
            return reader.fresh(id, ran);
        } catch (ApiException e) {
            if (e.kind() == ApiException.Kind.NOT_FOUND) {
                return TaskSnapshot.missing(id);
            }
            throw e;
        }
    }

    private Result interrupted(List<String> ids, boolean watch) {
        return Result.none().exit(ExitCode.INTERRUPTED).say(VerdictText.interrupted(ids, watch,
                rule == WaitRule.THROUGH_WAITING, root.session().output().style()));
    }

    private Waiter.Listener listener(Output out, boolean drawTree, boolean wide) {
        if (drawTree && out.terminal()) {
            LiveView view = new LiveView(out.out(), root.context().terminalSize());
            live = view;
            FittedStatusTree renderer = new FittedStatusTree(out.style(), wide);
            return (snaps, elapsed) -> snaps.values().forEach(s -> view.show(
                    lines -> renderer.render(s.name(), s.tree(), s.status(), lines),
                    "\n" + (s.server().autoRetrying().isEmpty() ? "" : out.style().dim(VerdictText.autoRetryNote(s, out.style())) + "\n")
                            + waitingNote(s, out)
                            + out.style().dim(out.style().text("render.wait.watching",
                            StatusTreeRenderer.formatDuration(elapsed.toSeconds()))) + "\n"));
        }
        ChangeLog log = new ChangeLog(drawTree ? out.out() : out.err(), drawTree, out.style());
        if (rule == WaitRule.STOP_AT_WAITING) {
            return log::polled;
        }
        WaitingLog waiting = new WaitingLog(out.err(), out.style());
        return (snaps, elapsed) -> {
            log.polled(snaps, elapsed);
            waiting.polled(snaps, elapsed);
        };
    }

    /** The footer's line of what the task waits on (--through-waiting), empty when it waits on nothing. */
    private String waitingNote(TaskSnapshot s, Output out) {
        WaitingOn w = rule == WaitRule.STOP_AT_WAITING || s.status() == null ? null : WaitingOn.of(s);
        return w == null || w.none() ? "" : out.style().dim(VerdictText.waitingOn(w, out.style())) + "\n";
    }

    /**
     * The end: one task watched (not on a terminal) as its final tree; otherwise a line (or a JSON object, or the id)
     * per task, none when {@code format} is null. Then on stderr, for each task that did not finish, what happened and
     * what to type; the exit code of the first such task, or 124 when the deadline passed first.
     */
    private Result finish(List<String> ids, Waiter.Result result, Output out, boolean watch, OutputFormat format) {
        List<String> said = new ArrayList<>();
        ExitCode code = ExitCode.OK;
        for (String id : ids) {
            Verdict v = result.verdicts().get(id);
            // a gate's deadline: what the task still waited on, with the commands that release it
            boolean stillWaiting = v != null && result.deadlinePassed() && v.outcome() == Outcome.WAITING;
            if (v == null || !(rule.ends(v) || stillWaiting) || v.outcome() == Outcome.FINISHED) {
                continue;
            }
            // an end is always confirmed by a single read of the task, which carries the error texts
            TaskSnapshot s = result.snapshots().get(id);
            if (s != null && s.server().awaitsClaim()) {
                said.add(VerdictText.unclaimed(id, root.session().consoleLinks() ? s.server().claimUrl() : null, out.style()));
            }
            StringWriter text = new StringWriter();
            VerdictText.print(v, out.style(), new PrintWriter(text));
            said.addAll(text.toString().lines().toList());
            if (code == ExitCode.OK && rule.ends(v)) {
                code = v.outcome().exit();
            }
        }
        if (result.deadlinePassed()) {
            List<String> open = ids.stream().filter(id -> {
                Verdict v = result.verdicts().get(id);
                return v == null || !rule.ends(v);
            }).toList();
            said.add(VerdictText.deadlinePassed(deadline, open, watch, rule == WaitRule.THROUGH_WAITING, out.style()));
            code = ExitCode.DEADLINE;
        }
        Result r;
        if (watch) {
            TaskSnapshot s = ids.size() == 1 ? result.snapshots().get(ids.get(0)) : null;
            boolean tree = !out.terminal() && s != null && s.status() != null;
            r = !tree ? Result.none() : Result.view((w, f, style) -> {
                w.println();
                new StatusTreeRenderer(style, format == OutputFormat.WIDE).render(s.name(), s.tree(), s.status(), w);
            });
        } else if (format == null) {
            r = Result.none();
        } else {
            r = lines(ids, result, rule).only(format);
        }
        return r.exit(code).say(said);
    }

    /** A line per task (-o jsonl: an object, -o id: the id). */
    private static Result lines(List<String> ids, Waiter.Result result, WaitRule rule) {
        ArrayNode objects = JsonNodeFactory.instance.arrayNode();
        List<String[]> rows = new ArrayList<>();
        for (String id : ids) {
            Verdict v = result.verdicts().get(id);
            TaskSnapshot s = result.snapshots().get(id);
            ObjectNode o = objects.addObject();
            o.put("task_id", id);
            o.put("state", s == null || s.status() == null ? "NOT_FOUND" : s.status().state().name());
            o.put("outcome", v == null ? "RUNNING" : v.outcome().name());
            o.put("exit", (v == null || !rule.ends(v) ? ExitCode.DEADLINE : v.outcome().exit()).code());
        }
        return Result.of(objects).ids(ids).show((w, f, style) -> {
            ids.forEach(id -> w.println(TaskViews.waitLine(id, result.snapshots().get(id), style)));
        });
    }
}
