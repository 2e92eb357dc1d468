package bkops.cli;

import bkops.i18n.Text;
import bkops.model.job.StepOperation;
import picocli.CommandLine;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The enumerated values of options, typed so that picocli checks them as it parses and completes them in the shells
 * (the constants are the words an operator types). {@link Cli} registers the converters once for every command.
 */
public final class Values {
    private Values() {}

    /** task operate --action: operate_task's actions (start goes through start_task). */
    public enum TaskAction { start, pause, resume, revoke }

    /** task create --flow-type: create_task's flow_type (bk-sops gcloud/apigw/views/create_task.py). */
    public enum FlowType { common, common_func }

    /** task count --group-by: query_task_count's group_by (bk-sops gcloud/apigw/views/query_task_count.py). */
    public enum GroupBy { status, category, flow_type, create_method }

    /** clocked list --state: a clocked task's state (bk-sops gcloud/constants.py CLOCKED_TASK_STATE). */
    public enum ClockedState { not_started, started, start_failed }

    /** step operate --op: a name (retry-failed) or its numeric code (2). */
    static StepOperation stepOperation(String s) {
        StepOperation op = StepOperation.parse(s);
        if (op == null) {
            throw new InvalidValue(bkops.i18n.Text.of("errors.cli.step.unknown-operation", s, Arrays.stream(StepOperation.values())
                    .map(o -> o.cliName() + " (" + o.code() + ")").collect(Collectors.joining(", "))));
        }
        return op;
    }

    static void register(CommandLine cl) {
        cl.registerConverter(StepOperation.class, Values::stepOperation);
    }
}
