package bkops.ops.doctor;

import bkops.api.ApiClient;
import bkops.api.ApiException;
import bkops.api.JobApi;
import bkops.api.SopsApi;
import bkops.i18n.Messages;
import bkops.i18n.Text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks that the active configuration can do real work: both services reachable, credentials accepted, the business
 * known. Each finding says what is wrong and how to fix it, in words.
 */
public final class Doctor {
    public enum Status { OK, WARN, FAIL }

    /**
     * One line of the report; {@code kind} is the failure class for the exit code (null when not failed). {@code detail}
     * and {@code fix} are English (-o json); {@code detailText} and {@code fixText}, when set, say them in a language.
     */
    public record Check(String name, Status status, String detail, String fix, ApiException.Kind kind,
                        Text detailText, Text fixText) {
        public Check(String name, Status status, String detail, String fix, ApiException.Kind kind) {
            this(name, status, detail, fix, kind, null, null);
        }

        static Check of(String name, Status status, Text detail, Text fix, ApiException.Kind kind) {
            return new Check(name, status, detail.english(), fix == null ? null : fix.english(), kind, detail, fix);
        }

        public String detail(Messages m) {
            return detailText == null ? detail : detailText.in(m);
        }

        public String fix(Messages m) {
            return fixText == null ? fix : fixText.in(m);
        }
    }

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
            return Text.of("errors.ops.doctor.project", p.path("project_name").asText("?"),
                    p.path("project_id").asText("?"), p.path("bk_biz_id").asText("?"));
        }, false));
        if (!jobUrl) {
            checks.add(Check.of("job", Status.WARN, Text.of("errors.ops.doctor.no-job-url"),
                    Text.of("errors.ops.doctor.no-job-url.fix"), null));
        } else {
            // Job instance 1 does not exist in any business: "not found" proves reachability and accepted credentials.
            checks.add(probe(client, "job", () -> {
                job.jobInstanceStatus(1, false);
                return Text.of("errors.ops.doctor.reachable");
            }, true));
        }
        return checks;
    }

    private static Check probe(ApiClient client, String name, Supplier<Text> call, boolean notFoundIsFine) {
        long t0 = System.nanoTime();
        try {
            Text detail = call.get();
            return Check.of(name, Status.OK, withRequestId(Text.of("errors.ops.doctor.in", detail, ms(t0)),
                    client.lastRequestId()), null, null);
        } catch (ApiException e) {
            if (notFoundIsFine && e.kind() == ApiException.Kind.NOT_FOUND) {
                return Check.of(name, Status.OK, withRequestId(Text.of("errors.ops.doctor.in",
                        Text.of("errors.ops.doctor.reachable"), ms(t0)), e.requestId()), null, null);
            }
            Object said = e.text() != null ? e.text() : e.getMessage();
            Text failed = e.code() == null ? Text.of("errors.ops.as-is", said) : Text.of("errors.ops.doctor.code", said, e.code());
            return Check.of(name, Status.FAIL, withRequestId(failed, e.requestId()), fix(e), e.kind());
        }
    }

    private static Text withRequestId(Text detail, String requestId) {
        return requestId == null ? detail : Text.of("errors.ops.doctor.request-id", detail, requestId);
    }

    private static Text fix(ApiException e) {
        return Text.of(switch (e.kind()) {
            case AUTH -> "errors.ops.doctor.fix.auth";
            case TRANSPORT -> "errors.ops.doctor.fix.transport";
            case NOT_FOUND -> "errors.ops.doctor.fix.not-found";
            case REFUSED, USAGE -> "errors.ops.doctor.fix.above";
        });
    }

    private static long ms(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
