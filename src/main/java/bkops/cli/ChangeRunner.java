package bkops.cli;

import bkops.ExitCode;
import bkops.api.Endpoints;
import bkops.config.Protect;
import bkops.i18n.Messages;
import bkops.i18n.Text;
import bkops.ops.Bulk;
import bkops.ops.Change;
import bkops.ops.Request;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Runs {@link Change}s, every state-changing call of every command: the one place for --force, --dry-run, --yes and
 * the confirmation prompt.
 * <ul>
 *   <li>a change the current state refuses ends the command with exit 3 and why, "--force sends it anyway"; with
 *       --force it is said as a warning and sent;
 *   <li>one that cannot be undone is asked on a terminal, "[y/N]"; --yes answers. Without a terminal and without
 *       --yes nothing is sent, exit 2, as the contract says; an answer other than yes is "not confirmed; nothing was
 *       sent", exit 2 too: the operator chose not to send it, which is neither the server's refusal nor the state's
 *       (3), and one code for "not confirmed" whether it was asked or could not be;
 *   <li>under --dry-run nothing is sent: the command returns {@link #preview} instead.
 * </ul>
 * The guard rails of the profile (setting protect) hold here too: under read-only nothing is sent (exit 3; the
 * transport refuses a write that bypasses this runner as well); under confirm a guarded change ({@link Change#guarded})
 * or one of several ids at once needs the profile's name, typed at the prompt or given as --confirm-profile, --yes
 * alone is not enough. Every write first says on stderr which profile and server it acts on.
 */
public final class ChangeRunner {
    private final BkopsCommand root;
    private final boolean force;

    /** @param force the command's --force (false for commands without one) */
    public ChangeRunner(BkopsCommand root, boolean force) {
        this.root = root;
        this.force = force;
    }

    public boolean dryRun() {
        return root.global.dryRun;
    }

    /**
     * The format of this run, refused (exit 2) before anything is read or sent when the run cannot give it: a dry run
     * gives a table and the command's machine formats (the requests), not -o id.
     */
    public OutputFormat format() {
        Output out = root.session().output();
        return dryRun() ? out.format(DryRun.formats(root.formats())) : out.format();
    }

    /** What --dry-run prints: the changes' requests in json, jsonl and yaml; {@code table} (the command's preview) otherwise. */
    public Result preview(List<? extends Change<?>> changes, Result.View table) {
        List<Request> requests = new ArrayList<>();
        changes.forEach(c -> requests.addAll(c.requests()));
        return previewRequests(requests, table);
    }

    /** What --dry-run prints when the command shapes the requests itself (some not to be sent, say). */
    public Result previewRequests(List<Request> requests, Result.View table) {
        return DryRun.result(requests.stream().map(DryRun::request).toList(), table, DryRun.formats(root.formats()));
    }

    /** One change: checked against the state, confirmed when it cannot be undone, sent once. */
    public <R> R send(Change<R> change) {
        guard(change.whatText());
        if (!checked.contains(change)) {
            check(change);
        }
        aim(List.of(change));
        if (change.destructive() || guardedHere(change.guarded())) {
            confirm(change.whatText().in(messages()), change.destructive(), change.guarded());
        }
        announce();
        return change.send();
    }

    /**
     * Before anything is sent: a read-only profile sends nothing (one line naming the profile and the setting, exit 3);
     * a --confirm-profile naming another profile than the one in use refuses the change, whatever that profile's
     * protect (a script aimed at the wrong place; exit 2, as any confirmation not given).
     */
    private void guard(Text what) {
        String why = root.session().writesRefused();
        if (why != null) {
            throw CliException.refused(Text.of("runner.read-only", what, why));
        }
        String named = root.global.confirmProfile;
        if (named != null && !named.equals(root.session().settings().profile())) {
            throw CliException.usage(Text.of("runner.confirm-profile.other", what, named,
                    root.session().settings().profile()));
        }
    }

    /** What the writes act on, "profile prod (URL)" ({@link #aim}); null before. */
    private String target;
    /** Whether the operator was told it: by the prompt, or by {@link #announce}. */
    private boolean announced;

    /** Which profile and server the changes go to: Job's for a step's or a job's operation, Standard OPS's otherwise. */
    private void aim(List<? extends Change<?>> changes) {
        if (target != null) {
            return;
        }
        boolean job = changes.stream().flatMap(c -> c.requests().stream()).map(Request::api)
                .anyMatch(api -> api.equals(Endpoints.OPERATE_STEP_INSTANCE.name())
                        || api.equals(Endpoints.OPERATE_JOB_INSTANCE.name()));
        target = root.session().target(job);
    }

    /**
     * The first line of every write, on stderr (machine formats' stdout stays as it is), unless the prompt just said
     * it: which profile and server it acts on, so a change meant for staging is not made on production unseen.
     */
    private void announce() {
        if (!announced) {
            announced = true;
            root.session().output().info(messages().get("runner.acting-on", target));
        }
    }

    /** Whether the profile wants its name for a change that is {@code guarded} (or a bulk action). */
    private boolean guardedHere(boolean guarded) {
        return guarded && root.session().settings().protect() == Protect.CONFIRM;
    }

    private final List<Change<?>> checked = new ArrayList<>();

    /**
     * The state check alone, before a dry run shows the change (as it is before a change is sent): a refusal ends the
     * command with exit 3, or with --force is said as a warning.
     */
    public void check(Change<?> change) {
        if (!dryRun()) {
            guard(change.whatText()); // not "sending anyway (--force)" and then not sending
        }
        refusal(change).ifPresent(why -> {
            if (!force) {
                throw CliException.refused(change.lookAtText() == null ? Text.of("runner.refused", why)
                        : Text.of("runner.refused.look-at", why, change.lookAtText()));
            }
            root.session().output().warn(messages().get("runner.forced", why.in(messages())));
        });
        checked.add(change);
    }

    /** What became of several changes: each one's answer or failure, and what an interrupt left unanswered. */
    public record Batch<C, R>(List<Bulk.Item<C, R>> answered, List<C> inDoubt, List<C> notSent, boolean interrupted,
                              Messages messages) {
        /**
         * After Ctrl-C: what was answered, sent without an answer, and never sent, each item named by {@code label};
         * {@code checkWith} the command that shows the items in doubt (given their labels).
         */
        public List<String> interruptReport(String what, java.util.function.Function<C, String> label,
                                            java.util.function.Function<List<String>, String> checkWith) {
            List<String> inDoubtLabels = inDoubt.stream().map(label).toList();
            return bkops.render.InterruptReport.lines(what, answered.stream().map(i -> label.apply(i.input())).toList(),
                    inDoubtLabels, notSent.stream().map(label).toList(), checkWith.apply(inDoubtLabels), messages);
        }

        /** 0, 7 when some failed, the first failure's own code when all did (ops.Bulk#overall); 130 interrupted. */
        public ExitCode exit() {
            if (interrupted) {
                return ExitCode.INTERRUPTED;
            }
            List<ExitCode> failures = answered.stream().filter(i -> !i.ok())
                    .map(i -> ExitCode.of(ErrorReporter.exitCode(i.error()))).toList();
            return Bulk.overall(answered.size(), failures);
        }
    }

    /**
     * Several changes, each sent once, {@code parallelism} at a time: asked first when {@code question} is given (the
     * batch as a whole) or one cannot be undone; a change its state refuses is not sent unless --force, its item
     * failing with the refusal (exit 3). Ctrl-C stops what has not started; the batch then says what was answered,
     * what was sent without an answer and what never was.
     */
    public <C extends Change<R>, R> Batch<C, R> sendAll(List<C> changes, int parallelism, String question) {
        guard(changes.size() == 1 ? changes.get(0).whatText()
                : Text.of("runner.and-more", changes.get(0).whatText(), changes.size() - 1));
        aim(changes);
        boolean destructive = changes.stream().anyMatch(Change::destructive);
        // a bulk action: one more id than an operator may have meant
        boolean guarded = changes.size() > 1 || changes.stream().anyMatch(Change::guarded);
        if (question != null || destructive || guardedHere(guarded)) {
            confirm(question != null ? question : changes.size() == 1 ? changes.get(0).whatText().in(messages())
                    : messages().get("runner.and-more", changes.get(0).whatText().in(messages()), changes.size() - 1),
                    destructive, guarded);
        }
        announce();
        root.ctrlC(); // Ctrl-C is reported, once the result is printed
        try {
            List<Bulk.Item<C, R>> done = Bulk.run(changes, parallelism, c -> {
                Optional<Text> why = refusal(c);
                if (why.isPresent() && !force) {
                    throw CliException.refused(why.get());
                }
                return c.send();
            });
            return new Batch<>(done, List.of(), List.of(), false, messages());
        } catch (Bulk.Interrupted e) {
            Bulk.Report<C, R> report = e.report();
            return new Batch<>(report.answered(), report.inDoubt(), report.notSent(), true, messages());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.INTERRUPTED, Text.of("runner.interrupted"));
        }
    }

    /** The refusal as a text (ops' errors.ops.*): said in the run's language, its getMessage() English. */
    private static Optional<Text> refusal(Change<?> change) {
        return change.refusalText();
    }

    /**
     * Asks before sending what {@code what} says: --yes answers; a terminal is asked; without one nothing is sent
     * (exit 2). Anything but y or yes is "not confirmed" (exit 2).
     */
    public void confirm(String what, boolean destructive) {
        confirm(what, destructive, false);
    }

    /**
     * As {@link #confirm(String, boolean)}, but a {@code guarded} change under a profile with protect confirm needs
     * the profile's name: --confirm-profile NAME, or typed at the prompt; --yes does not answer it. A --confirm-profile
     * naming another profile refuses the change whatever the profile's protect (a script aimed at the wrong place).
     */
    private void confirm(String what, boolean destructive, boolean guarded) {
        String profile = root.session().settings().profile();
        if (root.global.confirmProfile != null) {
            return; // it names the profile in use (guard)
        }
        boolean byName = guardedHere(guarded);
        if (root.global.yes && !byName) {
            return;
        }
        CliContext ctx = root.context();
        if (!ctx.stdinIsTerminal()) {
            throw CliException.usage(byName ? Text.of("runner.no-terminal.protected", what, profile)
                    : Text.of("runner.no-terminal", what));
        }
        if (target == null) {
            target = root.session().target(false);
        }
        String question = Character.toUpperCase(what.charAt(0)) + what.substring(1);
        ctx.err().print(byName ? messages().get(destructive ? "runner.prompt.protected.undoable" : "runner.prompt.protected",
                question, target, profile)
                : messages().get(destructive ? "runner.prompt.undoable" : "runner.prompt", question, target));
        ctx.err().print(" ");
        ctx.err().flush();
        announced = true;
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            answer = null;
        }
        String a = answer == null ? "" : answer.trim();
        if (byName) {
            if (!a.equals(profile)) {
                throw CliException.usage(Text.of("runner.not-confirmed.protected", profile));
            }
            return;
        }
        // y and yes in every language: what is typed is the same whatever the prompt's words
        a = a.toLowerCase(Locale.ROOT);
        if (!a.equals("y") && !a.equals("yes")) {
            throw CliException.usage(Text.of("runner.not-confirmed"));
        }
    }

    private Messages messages() {
        return root.messages();
    }
}
