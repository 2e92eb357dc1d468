package bkops.api;

import bkops.i18n.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BlueKing Job v3, one method per endpoint; each returns the envelope's data as the API gave it. Scope is always
 * bk_scope_type + bk_scope_id (bk-job commons/esb-sdk .../esb/model/EsbAppScopeReq.java), never bk_biz_id alone.
 */
public final class JobApi {
    /** batch_get_job_instance_ip_log refuses more hosts than this (1241007), and misbehaves near it (bk-job#4028). */
    public static final int MAX_LOG_HOSTS = 500;

    private final ApiClient client;
    private final String scopeType;
    private final String scopeId;

    /** Over the configured business. */
    public JobApi(ApiClient client) {
        this(client, "biz", client.config().biz());
    }

    private JobApi(ApiClient client, String scopeType, String scopeId) {
        this.client = client;
        this.scopeType = scopeType;
        this.scopeId = scopeId;
    }

    /** The same API over a business set instead of a business. */
    public JobApi bizSet(String bizSetId) {
        return new JobApi(client, "biz_set", bizSetId);
    }

    public ApiClient client() {
        return client;
    }

    public String scopeType() {
        return scopeType;
    }

    public String scopeId() {
        return scopeId;
    }

    private Map<String, Object> scoped(long jobInstanceId) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bk_scope_type", scopeType);
        p.put("bk_scope_id", scopeId);
        p.put("job_instance_id", jobInstanceId);
        return p;
    }

    /** get_job_instance_status; with {@code withHosts} each step carries step_ip_result_list. */
    public JsonNode jobInstanceStatus(long jobInstanceId, boolean withHosts) {
        Map<String, Object> p = scoped(jobInstanceId);
        if (withHosts) {
            p.put("return_ip_result", true);
        }
        return client.data(Endpoints.GET_JOB_INSTANCE_STATUS, p, Text.of("errors.api.what.show-job", jobInstanceId));
    }

    /**
     * A page size bkops asks get_job_instance_list for at most: the docs' "最大1000" (docs/apidoc/bk-api-gateway/v3/zh/
     * get_job_instance_list.md); V3's code caps nothing (EsbGetJobInstanceListV3ResourceImpl), so the docs' cap is kept.
     */
    public static final int MAX_LIST_PAGE = 1000;

    /**
     * get_job_instance_list over [createdFrom, createdTo] (epoch ms, both required by bk-job, at most 30 days apart),
     * page after page (start/length) until {@code limit} instances or the last one, merged into one data object: the
     * first page's start, length the instances read, the server's total, data every page's items. {@code filters}
     * are the API's (operator, name, status...). An empty page's data is null (bk-job writes it so): read as none.
     */
    public JsonNode jobInstanceList(long createdFrom, long createdTo, Map<String, Object> filters, int limit) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        JsonNode total = null;
        while (items.size() < limit) {
            int want = Math.min(MAX_LIST_PAGE, limit - items.size());
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("bk_scope_type", scopeType);
            p.put("bk_scope_id", scopeId);
            p.put("create_time_start", createdFrom);
            p.put("create_time_end", createdTo);
            p.putAll(filters);
            p.put("start", items.size());
            p.put("length", want);
            JsonNode page = client.data(Endpoints.GET_JOB_INSTANCE_LIST, p, "list job instances");
            total = page.get("total");
            JsonNode data = page.path("data");
            data.forEach(items::add);
            if (data.size() < want || total != null && items.size() >= total.asLong()) {
                break;
            }
        }
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        merged.put("start", 0);
        merged.put("length", items.size());
        merged.set("total", total);
        merged.set("data", items);
        return merged;
    }

    /** The body operate_step_instance would carry (for --dry-run), credentials aside. */
    public Map<String, Object> operateStepParams(long jobInstanceId, long stepInstanceId, int operationCode) {
        Map<String, Object> p = scoped(jobInstanceId);
        p.put("step_instance_id", stepInstanceId);
        p.put("operation_code", operationCode);
        return p;
    }

    /** operate_step_instance. A POST: never retried, since a retry would run the hosts again. */
    public JsonNode operateStep(long jobInstanceId, long stepInstanceId, int operationCode) {
        return client.data(Endpoints.OPERATE_STEP_INSTANCE, operateStepParams(jobInstanceId, stepInstanceId, operationCode),
                Text.of("errors.api.what.step-operate", stepInstanceId, jobInstanceId));
    }

    /** get_job_instance_ip_log of one host by its host id (preferred over ip: bk-job#2803). */
    public JsonNode hostLog(long jobInstanceId, long stepInstanceId, long bkHostId) {
        Map<String, Object> p = scoped(jobInstanceId);
        p.put("step_instance_id", stepInstanceId);
        p.put("bk_host_id", bkHostId);
        return client.data(Endpoints.GET_JOB_INSTANCE_IP_LOG, p, Text.of("errors.api.what.host-log", bkHostId));
    }

    /** get_job_instance_ip_log of one host by cloud area and ip, for a host that has no known host id. */
    public JsonNode hostLog(long jobInstanceId, long stepInstanceId, long bkCloudId, String ip) {
        Map<String, Object> p = scoped(jobInstanceId);
        p.put("step_instance_id", stepInstanceId);
        p.put("bk_cloud_id", bkCloudId);
        p.put("ip", ip);
        return client.data(Endpoints.GET_JOB_INSTANCE_IP_LOG, p, Text.of("errors.api.what.ip-log", ip));
    }

    /**
     * batch_get_job_instance_ip_log in chunks of at most {@link #MAX_LOG_HOSTS} hosts, merged into one data object
     * (log_type, ids, and the script_task_logs or file_task_logs of every chunk).
     */
    public JsonNode batchHostLogs(long jobInstanceId, long stepInstanceId, List<Long> bkHostIds) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        for (int from = 0; from < bkHostIds.size(); from += MAX_LOG_HOSTS) {
            List<Long> chunk = new ArrayList<>(bkHostIds.subList(from, Math.min(bkHostIds.size(), from + MAX_LOG_HOSTS)));
            Map<String, Object> p = scoped(jobInstanceId);
            p.put("step_instance_id", stepInstanceId);
            p.put("host_id_list", chunk);
            JsonNode data = client.data(Endpoints.BATCH_GET_JOB_INSTANCE_IP_LOG, p,
                    Text.of("errors.api.what.hosts-logs", chunk.size()));
            merge(merged, data);
        }
        return merged;
    }

    /** A chunk with no log has its list null (bk-job writes null fields), so a null is replaced by a later list. */
    private static void merge(ObjectNode into, JsonNode data) {
        data.fields().forEachRemaining(f -> {
            JsonNode have = into.get(f.getKey());
            if (have instanceof ArrayNode a && f.getValue().isArray()) {
                a.addAll((ArrayNode) f.getValue());
            } else if (have == null || have.isNull()) {
                into.set(f.getKey(), f.getValue().deepCopy());
            }
        });
    }
}
