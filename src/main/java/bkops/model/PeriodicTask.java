package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A periodic task as get_periodic_task_list, get_periodic_task_info and create_periodic_task give it, as far as
 * bkops reads it: {@code cron} is the server's string (cron.ServerCron reads it).
 */
public record PeriodicTask(String id, String name, String templateId, String cron, boolean enabled) {
    public static PeriodicTask parse(JsonNode p) {
        return new PeriodicTask(Json.text(p, "id"), Json.text(p, "name"), Json.text(p, "template_id"),
                Json.text(p, "cron"), p.path("enabled").asBoolean());
    }
}
