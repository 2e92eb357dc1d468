package bkops.cli.task;

import bkops.api.ApiClient;
import bkops.api.ApiException;
import bkops.cli.BkopsCommand;
import bkops.cli.CliContext;
import bkops.ExitCode;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.model.State;
import bkops.ops.Outcome;
import bkops.ops.PollInterval;
import bkops.ops.TaskReader;
import bkops.ops.TaskSnapshot;
import bkops.ops.Verdict;
import bkops.ops.Waiter;
import bkops.render.FittedStatusTree;
import bkops.render.JsonOutput;
import bkops.render.StatusTreeRenderer;
import bkops.render.TerminalText;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Waits for tasks and turns the end into an exit code (cli-contract: 0, 10, 11, 12, 13, 124, 130). One task watched
 * is drawn as its status tree, redrawn in place on a terminal, or as a log of state changes otherwise; several tasks
 * are read together through get_tasks_status. A verdict goes to stderr for every task that did not finish.
 */
final class WaitRun {
    private final BkopsCommand root;
    private final PollInterval interval;
    private final Duration deadline;
    /** The in-place view of a watch on a terminal, once drawn. */
    private LiveView live;

    /** Call before the session is built: it takes the global --timeout as the deadline. */
    WaitRun(BkopsCommand root, WaitOptions options) {
        this.root = root;
        this.deadline = WaitOptions.takeDeadline(root);
        this.interval = options.interval();
    }

    /**
     * @param watch  draw the task on stdout (watch); otherwise progress goes to stderr and stdout gets one result line
     *               per task (wait, --wait)
     * @param format of the result lines (wait), or table/wide for the tree (watch); null prints no result lines (the
     *               caller's output already holds the task)
     */
    int run(List<String> ids, boolean watch, OutputFormat format) {
        Output out = root.session().output();
        CliContext ctx = root.context();
        TaskReader reader = new TaskReader(root.session().sops());
        boolean one = ids.size() == 1;
        Waiter.Poller poller = one ? list -> Map.of(list.get(0), reader.one(list.get(0))) : reader::many;
        Waiter waiter = new Waiter(poller, (id, polled) -> confirm(reader, id, polled), ctx.sleeper()::sleep, interval,
                deadline, System::nanoTime);
        Waiter.Listener listener = listener(out, watch && one, format == OutputFormat.WIDE);
        try (Interrupts ctrlC = Interrupts.onCtrlC()) {
            Waiter.Result result;
            // no status read may outlive the wait's deadline, whatever the per-request timeout
            ApiClient client = root.session().client();
            client.deadline(deadline, deadline == null ? null
                    : "the wait's --timeout " + StatusTreeRenderer.formatDuration(deadline.toSeconds()));
            try {
                result = waiter.await(ids, listener);
            } catch (InterruptedException e) {
                return interrupted(ids, watch, out);
            } catch (RuntimeException e) {
                if (ctrlC.fired()) {
                    return interrupted(ids, watch, out);
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

    private static int interrupted(List<String> ids, boolean watch, Output out) {
        out.info("bkops: interrupted; the task" + (ids.size() == 1 ? " goes" : "s go") + " on. Resume with: bkops task "
                + (watch ? "watch " : "wait ") + String.join(" ", ids));
        return ExitCode.INTERRUPTED.code();
    }

    private Waiter.Listener listener(Output out, boolean drawTree, boolean wide) {
        if (drawTree && out.terminal()) {
            LiveView view = new LiveView(out.out(), root.context().terminalSize());
            live = view;
            FittedStatusTree renderer = new FittedStatusTree(out.style(), wide);
            return (snaps, elapsed) -> snaps.values().forEach(s -> view.show(
                    lines -> renderer.render(s.name(), s.tree(), s.status(), lines),
                    "\n" + (s.server().autoRetrying().isEmpty() ? "" : out.style().dim(autoRetryNote(s)) + "\n")
                            + out.style().dim("watching for " + StatusTreeRenderer.formatDuration(elapsed.toSeconds())
                            + " · Ctrl-C stops watching, not the task") + "\n"));
        }
        ChangeLog log = new ChangeLog(drawTree ? out.out() : out.err(), drawTree);
        return log::polled;
    }

    /** What the wait says while the server is about to retry failed nodes by itself. */
    static String autoRetryNote(TaskSnapshot s) {
        List<String> parts = s.server().autoRetrying().stream().map(r -> {
            String name = s.tree() == null ? "" : s.tree().node(r.nodeId()).map(n -> n.name()).orElse("");
            return (name.isBlank() ? r.nodeId() : name) + " (retried " + r.done() + " of " + r.max() + " times so far)";
        }).toList();
        return "task " + s.taskId() + ": the server retries " + String.join(", ", parts) + " by itself; still waiting";
    }

    private int finish(List<String> ids, Waiter.Result result, Output out, boolean watch,
                       OutputFormat format) {
        PrintWriter err = out.err();
        if (watch && !out.terminal() && ids.size() == 1) {
            TaskSnapshot s = result.snapshots().get(ids.get(0));
            if (s != null && s.status() != null) {
                out.out().println();
                new StatusTreeRenderer(out.style(), format == OutputFormat.WIDE).render(s.name(), s.tree(), s.status(),
                        out.out());
            }
        }
        int code = ExitCode.OK.code();
        for (String id : ids) {
            Verdict v = result.verdicts().get(id);
            if (!watch && format != null) {
                resultLine(id, v, result.snapshots().get(id), out, format);
            }
            if (v == null || !v.outcome().end()) {
                continue;
            }
            if (v.outcome() != Outcome.FINISHED) {
                // an end is always confirmed by a single read of the task, which carries the error texts
                TaskSnapshot s = result.snapshots().get(id);
                if (s != null && s.server().awaitsClaim()) {
                    err.println("bkops: task " + id + " is a functional task (flow_type common_func) that nobody has "
                            + "claimed: it runs only once someone claims it" + (s.server().claimUrl() == null ? ""
                            : " at " + s.server().claimUrl()) + " and it is started after that (a start before the "
                            + "claim does nothing)");
                }
                VerdictText.print(v, out.style(), err);
                if (code == ExitCode.OK.code()) {
                    code = v.outcome().exit().code();
                }
            }
        }
        if (result.deadlinePassed()) {
            List<String> open = ids.stream().filter(id -> {
                Verdict v = result.verdicts().get(id);
                return v == null || !v.outcome().end();
            }).toList();
            out.info("bkops: --timeout " + StatusTreeRenderer.formatDuration(deadline.toSeconds()) + " passed; still "
                    + "not done: task " + String.join(", ", open) + ". Resume with: bkops task "
                    + (watch ? "watch " : "wait ") + String.join(" ", open));
            return ExitCode.DEADLINE.code();
        }
        out.out().flush();
        return code;
    }

    private static void resultLine(String id, Verdict v, TaskSnapshot s, Output out, OutputFormat format) {
        String state = s == null || s.status() == null ? "NOT_FOUND" : s.status().state().name();
        String outcome = v == null ? "RUNNING" : v.outcome().name();
        if (format == OutputFormat.JSONL) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("task_id", id);
            o.put("state", state);
            o.put("outcome", outcome);
            o.put("exit", v == null || !v.outcome().end() ? ExitCode.DEADLINE.code() : v.outcome().exit().code());
            out.out().println(JsonOutput.compact(o));
        } else if (format == OutputFormat.ID) {
            out.out().println(id);
        } else if (s == null || s.status() == null) {
            out.out().println(id + "  not found");
        } else {
            out.out().println(id + "  " + out.style().stateLabel(s.status().state()) + "  " + TerminalText.line(s.name()));
        }
    }
}
