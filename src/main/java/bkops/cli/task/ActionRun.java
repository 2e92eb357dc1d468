package bkops.cli.task;

import bkops.cli.BkopsCommand;
import bkops.cli.CliContext;
import bkops.cli.CliException;
import bkops.cli.DryRun;
import bkops.cli.ErrorReporter;
import bkops.ExitCode;
import bkops.cli.InterruptReport;
import bkops.cli.Output;
import bkops.cli.OutputFormat;
import bkops.ops.Bulk;
import bkops.ops.TaskActions;
import bkops.render.JsonOutput;
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
    static int run(BkopsCommand root, List<String> rawIds, String action, WaitRun wait) {
        CliContext ctx = root.context();
        List<String> ids = TaskIds.resolve(rawIds, ctx.in());
        Output out = root.session().output();
        Set<OutputFormat> formats = EnumSet.of(OutputFormat.TABLE, OutputFormat.JSONL, OutputFormat.ID);
        OutputFormat f = root.global.dryRun ? DryRun.format(out, formats) : out.format(OutputFormat.TABLE, formats);
        if (action.equals("revoke")) {
            confirmRevoke(root, ids);
        }
        if (root.global.dryRun) {
            List<ObjectNode> requests = new ArrayList<>();
            ids.forEach(id -> requests.add(action.equals("start") ? DryRun.request("start_task", Map.of("task_id", id))
                    : DryRun.request("operate_task", Map.of("task_id", id, "action", action))));
            if (!DryRun.print(out, f, requests)) {
                ids.forEach(id -> out.out().println("would send " + (action.equals("start") ? "start_task task_id=" + id
                        : "operate_task task_id=" + id + " action=" + action)));
            }
            out.info("dry run: nothing was sent");
            out.out().flush();
            return ExitCode.OK.code();
        }
        TaskActions actions = new TaskActions(root.session().sops(), ctx.sleeper()::sleep);
        List<Bulk.Item<String, TaskActions.Done>> results;
        try (Interrupts ctrlC = Interrupts.onCtrlC()) {
            try {
                results = Bulk.run(ids, PARALLELISM, id -> actions.apply(id, action));
            } catch (Bulk.Interrupted e) {
                return interrupted(out, f, action, ids.size(), e.report());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException(ExitCode.INTERRUPTED, "interrupted; some " + action + " requests may have been sent");
            }
        }
        int failed = 0;
        int firstCode = ExitCode.OK.code();
        List<String> reached = new ArrayList<>();
        for (Bulk.Item<String, TaskActions.Done> r : results) {
            if (r.ok()) {
                reached.add(r.input());
                ok(out, f, r.value());
            } else {
                failed++;
                int code = ErrorReporter.exitCode(r.error());
                firstCode = firstCode == ExitCode.OK.code() ? code : firstCode;
                failure(out, f, r.input(), action, r.error(), code);
            }
        }
        out.out().flush();
        int code = Failures.overall(ids.size(), failed, firstCode);
        if (wait == null || reached.isEmpty()) {
            return code;
        }
        int waited = wait.run(reached, false, f);
        return code == ExitCode.OK.code() ? waited : code;
    }

    /**
     * Ctrl-C during the run: the answered ids' results as usual, then which ids were sent without an answer and which
     * were never sent (as objects too with -o jsonl); exit 130.
     */
    private static int interrupted(Output out, OutputFormat f, String action, int total,
                                   Bulk.Report<String, TaskActions.Done> report) {
        List<String> answered = new ArrayList<>();
        for (Bulk.Item<String, TaskActions.Done> r : report.answered()) {
            answered.add(r.input());
            if (r.ok()) {
                ok(out, f, r.value());
            } else {
                failure(out, f, r.input(), action, r.error(), ErrorReporter.exitCode(r.error()));
            }
        }
        if (f == OutputFormat.JSONL) {
            report.inDoubt().forEach(id -> out.out().println(JsonOutput.compact(unanswered(id, action, true))));
            report.notSent().forEach(id -> out.out().println(JsonOutput.compact(unanswered(id, action, false))));
        }
        out.out().flush();
        return InterruptReport.print(out.err(), action + " of " + total + " task" + (total == 1 ? "" : "s"), answered,
                report.inDoubt(), report.notSent(), "bkops task status " + String.join(" ", report.inDoubt()));
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

    private static void ok(Output out, OutputFormat f, TaskActions.Done d) {
        String note = d.readBack() ? " (the reply was lost; read back: " + d.state() + ")" : "";
        switch (f) {
            case JSONL -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("task_id", d.taskId());
                o.put("action", d.action());
                o.put("ok", true);
                if (d.readBack()) {
                    o.put("state_read_back", d.state().name());
                }
                out.out().println(JsonOutput.compact(o));
            }
            case ID -> out.out().println(d.taskId());
            default -> out.out().println(d.taskId() + "  " + past(d.action()) + note);
        }
    }

    private static void failure(Output out, OutputFormat f, String id, String action, RuntimeException e, int code) {
        if (f == OutputFormat.JSONL) {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("task_id", id);
            o.put("action", action);
            o.put("ok", false);
            o.put("exit", code);
            o.put("error", ErrorReporter.line(e));
            out.out().println(JsonOutput.compact(o));
        } else {
            out.err().println("bkops: " + ErrorReporter.line(e));
            out.err().flush();
        }
    }

    static String past(String action) {
        return switch (action) {
            case "start" -> "started";
            case "pause" -> "paused";
            case "resume" -> "resumed";
            default -> "revoked";
        };
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
