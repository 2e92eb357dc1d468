package bkops.cli.job;

import bkops.api.JobApi;
import bkops.cli.CliException;
import bkops.cli.Session;
import picocli.CommandLine.Option;

/** The Job scope of a command: the business (--biz, as everywhere) or, with --biz-set, a business set. */
public final class JobScope {
    @Option(names = "--biz-set", paramLabel = "ID",
            description = "Act in business set ID (bk_scope_type biz_set) instead of the business.")
    String bizSet;

    public JobApi api(Session session) {
        JobApi api = session.job();
        if (bizSet == null) {
            return api;
        }
        if (!bizSet.matches("\\d+")) {
            throw CliException.usage("business set id must be a number, got '" + bizSet + "'");
        }
        return api.bizSet(bizSet);
    }
}
