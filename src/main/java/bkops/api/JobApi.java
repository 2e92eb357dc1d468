package bkops.api;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** BlueKing Job v3, one method per endpoint. Scope is always bk_scope_type + bk_scope_id, never bk_biz_id alone. */
public final class JobApi {
    private final ApiClient client;
    private final String scopeType;

    public JobApi(ApiClient client) {
        this(client, "biz");
    }

    public JobApi(ApiClient client, String scopeType) {
        this.client = client;
        this.scopeType = scopeType;
    }

    /** A Job API over a business set instead of a business. */
    public JobApi bizSet() {
        return new JobApi(client, "biz_set");
    }

    private Map<String, Object> scoped() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bk_scope_type", scopeType);
        p.put("bk_scope_id", client.config().biz());
        return p;
    }

    public JsonNode jobInstanceStatus(long jobInstanceId, boolean withHosts) {
        Map<String, Object> p = scoped();
        p.put("job_instance_id", jobInstanceId);
        if (withHosts) {
            p.put("return_ip_result", true);
        }
        return client.data(Endpoints.GET_JOB_INSTANCE_STATUS, p, "show job " + jobInstanceId);
    }
}
