package bkops.cli.periodic;

import bkops.cli.GlobalUse;
import bkops.cli.Ids;
import bkops.cli.OutputFormat;
import bkops.cli.Result;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "disable",
        header = "Disable one or more periodic tasks.",
        description = "Each task is tried in turn and each failure is reported; the exit code is 7 when some failed and "
                + "some succeeded.",
        footerHeading = "%nExamples:%n",
        footer = {"bkops periodic disable 3", "bkops periodic disable 3 4 5", "bkops periodic list -o id | xargs bkops periodic disable"})
@GlobalUse(dryRun = GlobalUse.DryRun.PREVIEW, formats = {OutputFormat.TABLE, OutputFormat.JSON, OutputFormat.JSONL, OutputFormat.ID})
public final class PeriodicDisable implements Callable<Result> {
    @ParentCommand
    PeriodicCommand parent;

    @Parameters(paramLabel = "PERIODIC", arity = "1..*", description = "Periodic task ids.")
    List<Ids.Periodic> ids;

    @Override
    public Result call() {
        return Toggle.run(parent.root, ids.stream().map(Ids.Periodic::value).toList(), false);
    }
}
