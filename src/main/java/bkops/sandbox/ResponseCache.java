package bkops.sandbox;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The read caches of bk-sops's API views, in-process TTL caches like the ones each server worker keeps, timed by the
 * sandbox clock. Keyed like bk-sops gcloud/apigw/utils.py deal_request_args: "path:{},user:{},params:{}" with the
 * sorted GET items (or the POST body's), so a read whose parameters differ in any way is answered afresh.
 * get_task_node_detail, get_task_list and every write are not cached. The 60 s caches of views whose data never
 * changes in the sandbox (get_user_project_detail, get_plugin_list) are left out. Only successful answers are kept
 * here; the real ones also keep some failures (see docs/fidelity.md).
 */
final class ResponseCache {
    /** cachetools TTLCache(maxsize=1024, ...) in each view. */
    private static final int MAX_SIZE = 1024;

    private record Rule(long ttlMillis, Predicate<Map<String, Object>> keep) {}

    private static final Map<String, Rule> RULES = Map.of(
            // bk-sops gcloud/apigw/views/get_task_status.py: bucket_cached(ttl=10), cache_decisioner skips failures and CREATED
            "get_task_status", new Rule(10_000, body -> !"CREATED".equals(Json.map(body.get("data")).get("state"))),
            // bk-sops gcloud/apigw/views/get_tasks_status.py: @cached(TTLCache(maxsize=1024, ttl=10), key=api_hash_key)
            "get_tasks_status", new Rule(10_000, body -> true),
            // bk-sops gcloud/apigw/views/get_task_detail.py: bucket_cached(BucketTTLCache(TTLCache, {"ttl": 60}))
            "get_task_detail", new Rule(60_000, body -> true));

    private record Entry(Map<String, Object> body, long expires) {}

    private final boolean enabled;
    private final Map<String, LinkedHashMap<String, Entry>> byApi = new HashMap<>();

    ResponseCache(boolean enabled) {
        this.enabled = enabled;
    }

    /** The key of one request: front door, API (the path), user and the parameters sorted by name. */
    static String key(boolean esb, String api, String user, Map<String, Object> params) {
        return (esb ? "esb:" : "apigw:") + api + ",user:" + user + ",params:" + new TreeMap<>(params);
    }

    /** A copy of the cached answer, or null. */
    synchronized Map<String, Object> get(String api, String key, long now) {
        LinkedHashMap<String, Entry> cache = enabled ? byApi.get(api) : null;
        if (cache == null) return null;
        Entry e = cache.get(key);
        if (e == null) return null;
        if (e.expires <= now) {
            cache.remove(key);
            return null;
        }
        return new LinkedHashMap<>(e.body);
    }

    /** Keeps a successful answer of a cached API, if its view's rule keeps it. */
    synchronized void put(String api, String key, Map<String, Object> body, long now) {
        Rule rule = RULES.get(api);
        if (!enabled || rule == null || !Boolean.TRUE.equals(body.get("result")) || !rule.keep.test(body)) return;
        LinkedHashMap<String, Entry> cache = byApi.computeIfAbsent(api, k -> new LinkedHashMap<>());
        for (Iterator<Entry> it = cache.values().iterator(); it.hasNext(); ) {
            if (it.next().expires <= now) it.remove();
        }
        if (cache.size() >= MAX_SIZE) cache.remove(cache.keySet().iterator().next());
        cache.put(key, new Entry(new LinkedHashMap<>(body), now + rule.ttlMillis));
    }
}
