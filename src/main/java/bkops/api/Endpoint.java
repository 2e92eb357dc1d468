package bkops.api;

import java.util.List;

/**
 * One API as the two front doors know it. {@code pathParams} is the gateway's path order (ESB sends the same values as
 * ordinary fields). {@code readOnly} decides whether a transient failure may be retried. {@code adminGrant}: a private
 * gateway resource (isPublic false, allowApplyPermission false) that an app cannot apply for; only the gateway's
 * administrator can grant it.
 */
public record Endpoint(Service service, String name, Method method, List<String> pathParams, boolean readOnly,
                       boolean onGateway, boolean onEsb, boolean adminGrant) {

    public enum Service { SOPS, JOB }

    public enum Method { GET, POST }

    public Endpoint(Service service, String name, Method method, List<String> pathParams, boolean readOnly,
                    boolean onGateway, boolean onEsb) {
        this(service, name, method, pathParams, readOnly, onGateway, onEsb, false);
    }

    /** Whether the API takes the business scope (SOPS `scope`; Job `bk_scope_type`/`bk_scope_id`). */
    public boolean scoped() {
        return service == Service.JOB || pathParams.contains("bk_biz_id");
    }
}
