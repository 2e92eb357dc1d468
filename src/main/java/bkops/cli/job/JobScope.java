package bkops.cli.job;

import bkops.api.JobApi;
import bkops.cli.Ids;
import bkops.cli.Session;
import picocli.CommandLine.Option;

/** The Job scope of a command: the business (--biz, as everywhere) or, with --biz-set, a business set. */
public final class JobScope {
    @Option(names = "--biz-set", paramLabel = "ID",
            description = "Act in business set ID (bk_scope_type biz_set) instead of the business.")
    Ids.BizSet bizSet;

    public JobApi api(Session session) {
        JobApi api = session.job();
        if (bizSet == null) {
            return api;
        }
        return api.bizSet(bizSet.value());
    }
}
