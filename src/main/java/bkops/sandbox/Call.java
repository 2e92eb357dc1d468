package bkops.sandbox;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** One authenticated SOPS API call: its parameters (path, query and body merged), caller, time and world. */
final class Call {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter ENGINE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z").withZone(ZONE);

    final String api;
    final Map<String, Object> params;
    final String user;
    final long now;
    final Store.Tx tx;
    final String appHost;

    Call(String api, Map<String, Object> params, String user, long now, Store.Tx tx, String appHost) {
        this.api = api;
        this.params = params;
        this.user = user;
        this.now = now;
        this.tx = tx;
        this.appHost = appHost;
    }

    World world() {
        return tx.world;
    }

    long id(String key) {
        Long v = Json.asLong(params.get(key));
        if (v == null) throw new SandboxError(3540000, key + " is invalid");
        return v;
    }

    String str(String key) {
        return Json.str(params.get(key));
    }

    /** "YYYY-MM-DD HH:MM:SS +0800", or null. */
    static String time(Long millis) {
        return millis == null ? null : ENGINE_TIME.format(Instant.ofEpochMilli(millis));
    }

    String taskUrl(long taskId) {
        return appHost + "taskflow/execute/" + SandboxCredentials.PROJECT_ID + "/?instance_id=" + taskId;
    }

    /** A key a handler puts in its body when the real view adds no trace_id (DRF views); removed before sending. */
    static final String NO_TRACE_ID = "\u0000no-trace-id";

    static Map<String, Object> ok(Object data) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("result", true);
        m.put("data", data);
        m.put("code", 0);
        m.put("message", "");
        return m;
    }

    /** The body operate_task / operate_node / node_callback answer: no data key. */
    static Map<String, Object> success() {
        return Json.obj("result", true, "message", "success", "code", 0);
    }

    void projectFields(Map<String, Object> m) {
        m.put("project_id", SandboxCredentials.PROJECT_ID);
        m.put("project_name", Seed.BIZ_NAME);
        m.put("bk_biz_id", SandboxCredentials.BIZ_ID); // Project.bk_biz_id is an IntegerField (bk-sops gcloud/core/models.py)
        m.put("bk_biz_name", Seed.BIZ_NAME);
    }
}
