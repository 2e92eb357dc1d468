package bkops.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * A list read page after page up to a limit, for the views paged by bk-sops gcloud/apigw/views/utils.py
 * paginate_list_data (limit/offset, "limit 最大数量为200": larger limits are cut to 200 in silence; the total is the
 * body's top-level count). get_clocked_task_list, get_functionalization_task_list; get_task_list has TaskPages.
 */
public final class Pages {
    public static final int MAX_PAGE = 200;

    /** One page: the whole body ({@code data} and {@code count}) of the view asked for {@code limit} items from {@code offset}. */
    @FunctionalInterface
    public interface Fetch {
        JsonNode page(int limit, int offset);
    }

    /** The items read and the server's total for the filters (-1 when it gave none). */
    public record Page(ArrayNode items, long total) {
    }

    private Pages() {}

    public static Page read(Fetch fetch, int limit) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        long total = -1;
        while (items.size() < limit) {
            int want = Math.min(MAX_PAGE, limit - items.size());
            JsonNode body = fetch.page(want, items.size());
            total = body.path("count").asLong(-1);
            JsonNode data = body.path("data");
            data.forEach(items::add);
            if (data.size() < want || total >= 0 && items.size() >= total) {
                break;
            }
        }
        return new Page(items, total);
    }
}
