package bkops.ops;

import bkops.api.SopsApi;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.util.Map;

/** get_task_list read page after page (at most 200 each, the server's silent cap) up to a limit. */
public final class TaskPages {
    public static final int MAX_PAGE = 200;

    private final SopsApi api;

    public TaskPages(SopsApi api) {
        this.api = api;
    }

    /** The tasks read and the server's total count for the filters (-1 when it gave none). */
    public record Page(ArrayNode tasks, long total) {
    }

    public Page read(Map<String, Object> filters, int limit) {
        ArrayNode tasks = JsonNodeFactory.instance.arrayNode();
        long total = -1;
        while (tasks.size() < limit) {
            int want = Math.min(MAX_PAGE, limit - tasks.size());
            JsonNode body = api.taskListPage(filters, want, tasks.size());
            total = body.path("count").asLong(-1);
            JsonNode data = body.path("data");
            data.forEach(tasks::add);
            if (data.size() < want || total >= 0 && tasks.size() >= total) {
                break;
            }
        }
        return new Page(tasks, total);
    }
}
