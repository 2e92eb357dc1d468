package bkops.ops.doctor;

import bkops.api.ApiClient;
import bkops.api.ApiException;
import bkops.api.JobApi;
import bkops.api.SopsApi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks that the active configuration can do real work: both services reachable, credentials accepted, the business
 * known. Each finding says what is wrong and how to fix it, in words.
 */
public final class Doctor {
    public enum Status { OK, WARN, FAIL }

    /** One line of the report; {@code kind} is the failure class for the exit code (null when not failed). */
    public record Check(String name, Status status, String detail, String fix, ApiException.Kind kind) {}

    private Doctor() {}

    /**
     * @param sops   Standard OPS, and the client both reach the services through
     * @param job    Job
     * @param jobUrl whether a Job URL is configured
     */
    public static List<Check> run(SopsApi sops, JobApi job, boolean jobUrl) {
        ApiClient client = sops.client();
        List<Check> checks = new ArrayList<>();
        checks.add(probe(client, "sops", () -> {
            var p = sops.projectDetail();
            return "project " + p.path("project_name").asText("?") + " (id " + p.path("project_id").asText("?")
                    + ") of business " + p.path("bk_biz_id").asText("?");
        }, false));
        if (!jobUrl) {
            checks.add(new Check("job", Status.WARN, "no Job URL configured", "set it with --job-url, BKOPS_JOB_URL or "
                    + "'bkops config set job-url URL' to use the job and step commands", null));
        } else {
            // Job instance 1 does not exist in any business: "not found" proves reachability and accepted credentials.
            checks.add(probe(client, "job", () -> {
                job.jobInstanceStatus(1, false);
                return "reachable, credentials accepted";
            }, true));
        }
        return checks;
    }

    private static Check probe(ApiClient client, String name, Supplier<String> call, boolean notFoundIsFine) {
        long t0 = System.nanoTime();
        try {
            String detail = call.get();
            String rid = client.lastRequestId() == null ? "" : " (request id " + client.lastRequestId() + ")";
            return new Check(name, Status.OK, detail + " in " + ms(t0) + rid, null, null);
        } catch (ApiException e) {
            String rid = e.requestId() == null ? "" : " (request id " + e.requestId() + ")";
            if (notFoundIsFine && e.kind() == ApiException.Kind.NOT_FOUND) {
                return new Check(name, Status.OK, "reachable, credentials accepted in " + ms(t0) + rid, null, null);
            }
            return new Check(name, Status.FAIL, e.getMessage() + (e.code() == null ? "" : " [code " + e.code() + "]") + rid,
                    fix(e), e.kind());
        }
    }

    private static String fix(ApiException e) {
        return switch (e.kind()) {
            case AUTH -> "check app-code and the app secret (BK_APP_SECRET or app-secret-file) and the user "
                    + "(username, BK_TOKEN or BK_ACCESS_TOKEN); for a permission denial apply for it in IAM";
            case TRANSPORT -> "check the URL (gateway: https://bkapi.example.com/api/bk-sops/prod; ESB: the PaaS host with "
                    + "--gateway esb), the network and TLS (--ca-cert for a private CA)";
            case NOT_FOUND -> "check the business id (--biz) and --scope (cmdb_biz for a CMDB business, project for a "
                    + "Standard OPS project id)";
            case REFUSED, USAGE -> "see the message above";
        };
    }

    private static String ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000 + " ms";
    }
}
