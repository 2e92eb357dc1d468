package bkops.sandbox;

import bkops.testing.BkopsTest;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@BkopsTest
class PeriodicTaskTest {
    TestSandbox c;

    private long create(Object cron) {
        TestSandbox.Res r = c.post("/create_periodic_task/1/2/", Map.of("name", "nightly", "cron", cron,
                "constants", Map.of("${version}", "2.0")));
        assertEquals(true, r.body().get("result"), r.body().toString());
        return ((Number) r.dataMap().get("id")).longValue();
    }

    @Test
    void createdDisabledWithCronObjectInAndLegacyStringOut() {
        long id = create(Map.of("minute", "*/5", "hour", "1-3"));
        Map<String, Object> info = c.get("/get_periodic_task_info/" + id + "/2/").dataMap();
        assertEquals(false, info.get("enabled"));
        assertEquals("*/5 1-3 * * * (m/h/d/dM/MY) Asia/Shanghai", info.get("cron"));
        assertEquals("2.0", ((Map<?, ?>) ((Map<?, ?>) info.get("form")).get("${version}")).get("value"));
        TestSandbox.Res str = c.post("/create_periodic_task/1/2/", Map.of("name", "x", "cron", "*/5 * * * *"));
        assertEquals(3540000, str.body().get("code"));
        assertEquals("task params is invalid: '*/5 * * * *' is not of type 'object'", str.body().get("message"));
        TestSandbox.Res bad = c.post("/create_periodic_task/1/2/", Map.of("name", "x", "cron", Map.of("minute", "61")));
        assertEquals(3599999, bad.body().get("code"));
        assertEquals("Invalid end range: 61 > 59.", bad.body().get("message"));
        TestSandbox.Res day = c.post("/modify_cron_for_periodic_task/" + id + "/2/", Map.of("cron", Map.of("day_of_week", "mon-fri", "hour", "9")));
        assertEquals("* 9 mon-fri * * (m/h/d/dM/MY) Asia/Shanghai", day.dataMap().get("cron"));
        assertEquals(3599999, c.post("/modify_cron_for_periodic_task/" + id + "/2/", Map.of("cron", Map.of("day_of_week", "funday"))).body().get("code"));
        Map<String, Object> constants = c.post("/modify_constants_for_periodic_task/" + id + "/2/",
                Map.of("constants", Map.of("${version}", "3.0", "${nope}", 1))).dataMap();
        assertEquals(List.of("${version}"), List.copyOf(constants.keySet()));
        assertEquals("3.0", ((Map<?, ?>) constants.get("${version}")).get("value"));
        assertEquals(3540400, c.get("/get_periodic_task_info/999/2/").body().get("code"));
        assertEquals(1, ((List<?>) c.get("/get_periodic_task_list/2/").data()).size());
    }

    @Test
    void anEnabledTaskWhenDueStartsATaskOncePerDuePeriod() {
        c.clock().set(Instant.parse("2026-03-02T02:00:30Z"));
        long id = create(Map.of("minute", "*/10"));
        assertEquals(Map.of("enabled", true), c.post("/set_periodic_task_enabled/" + id + "/2/", Map.of("enabled", true)).dataMap());
        c.advance(60);
        Map<String, Object> info = c.get("/get_periodic_task_info/" + id + "/2/").dataMap();
        assertEquals(0, info.get("total_run_count"));
        assertNull(info.get("last_run_at"));
        c.advance(60 * 9);
        info = c.get("/get_periodic_task_info/" + id + "/2/").dataMap();
        assertEquals(1, info.get("total_run_count"));
        assertEquals("2026-03-02 10:10:00 +0800", info.get("last_run_at"));
        List<?> tasks = (List<?>) c.get("/get_task_list/2/?create_method=periodic").data();
        assertEquals(1, tasks.size());
        assertEquals(true, ((Map<?, ?>) tasks.get(0)).get("is_started"));
        c.advance(60 * 60);
        assertEquals(2, c.get("/get_periodic_task_info/" + id + "/2/").dataMap().get("total_run_count"), "missed periods run once");
        c.post("/set_periodic_task_enabled/" + id + "/2/", Map.of());
        c.advance(60 * 60);
        assertEquals(2, c.get("/get_periodic_task_info/" + id + "/2/").dataMap().get("total_run_count"), "enabled defaults to false");
        long task = ((Number) ((Map<?, ?>) tasks.get(0)).get("id")).longValue();
        assertTrue(c.status(task).get("state").equals("FINISHED"));
    }
}
