package bkops.cli.task;

import bkops.cli.GlobalUse;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import bkops.cli.Waits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "wait",
        header = "Wait for tasks to end; the exit code says how they ended.",
        description = {"Polls (1s growing to 10s, the server's status cache; several tasks are read together, 50 per "
                + "request) until every task ends. The server may answer a poll from its cache, up to 10s old, so an "
                + "end is always confirmed by a read the cache cannot answer; failed nodes the server retries by "
                + "itself (auto-retry) keep the wait going. Progress goes to stderr; stdout gets one line per task at "
                + "the end (-o jsonl: one object per task).",
                "Exit: 0 when all FINISHED; otherwise the code of the first task (in the order given) that did not: "
                        + "10 FAILED, 11 REVOKED, 12 paused, waiting for a callback or (a functional task) for "
                        + "a claim (--through-waiting waits past these), 13 EXPIRED, 5 unknown id; "
                        + "124 --timeout passed, 130 Ctrl-C."},
        footerHeading = "%nExamples:%n",
        footer = {"bkops task wait 42 --timeout 20m && echo deployed", "bkops task list --started -o id | bkops task wait -",
                "bkops task wait 42 43 44 -o jsonl", "bkops task wait 42 --through-waiting --timeout 2h   # a CI gate"})
@GlobalUse(dryRun = GlobalUse.DryRun.READS, formats = {OutputFormat.TABLE, OutputFormat.JSONL, OutputFormat.ID})
public final class TaskWait implements Callable<Result>, Waits {
    @ParentCommand
    TaskCommand parent;

    @Parameters(paramLabel = "TASK", arity = "1..*", description = "Task ids; '-' reads ids from stdin.")
    List<String> ids;

    @Mixin
    WaitOptions waitOptions;

    @Override
    public boolean waits() {
        return true;
    }

    @Override
    public Result call() {
        WaitRun run = new WaitRun(parent.root, waitOptions);
        List<String> tasks = TaskIds.resolve(ids, parent.root.context().in());
        return run.run(tasks, false, parent.root.session().output().format());
    }
}
