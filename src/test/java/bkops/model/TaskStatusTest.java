package bkops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class TaskStatusTest {

    @Test
    void parsesEngineV1DocExample() {
        TaskStatus status = TaskStatus.parse(Fixtures.docData("get_task_status"));
        assertEquals(State.FAILED, status.state());
        assertEquals("", status.root().name(), "engine-v1 class names are not names");
        assertEquals(55035, status.root().elapsedSeconds());
        assertNull(status.root().finish(), "finish_time is \"\" while running");
        assertEquals(OffsetDateTime.parse("2020-08-17T20:13:53+08:00"), status.root().start());
        TaskStatus.NodeState timer = status.find("nb346e202d17387082189f95dd3f80ca").orElseThrow();
        assertEquals("定时", timer.name());
        assertEquals(State.FAILED, timer.state());
        assertEquals("定时时间需晚于当前时间", status.exData().get("nb346e202d17387082189f95dd3f80ca"));
        assertEquals(State.PENDING, status.stateOf("never-reached"));
    }

    @Test
    void parsesEngineV2NestedSubprocessWithRootIdQuirk() {
        TaskStatus status = TaskStatus.parse(Fixtures.json("""
                {"id": "root", "state": "FAILED", "root_id:": "root", "name": "部署", "retry": 0, "skip": false,
                 "loop": 1, "version": "", "elapsed_time": 70, "start_time": "2026-11-25 10:00:00 +0800",
                 "finish_time": null,
                 "children": {"sub": {"id": "sub", "state": "FAILED", "root_id:": "root", "parent_id": "root",
                    "name": "子流程", "retry": 2, "skip": false, "loop": 1, "version": "v1", "elapsed_time": 9,
                    "start_time": "2026-11-25 10:00:01 +0800", "finish_time": null,
                    "children": {"leaf": {"id": "leaf", "state": "FAILED", "name": "脚本", "retry": 1,
                       "skip": true, "error_ignored": true, "children": {}}}}},
                 "ex_data": {"leaf": {"code": 500, "message": "boom"}}}
                """));
        assertEquals(State.FAILED, status.stateOf("leaf"));
        assertEquals(2, status.find("sub").orElseThrow().retry());
        assertTrue(status.find("leaf").orElseThrow().skip());
        assertTrue(status.find("leaf").orElseThrow().errorIgnored());
        assertEquals("{\"code\":500,\"message\":\"boom\"}", status.exData().get("leaf"));
        assertEquals(status.root(), status.find("root").orElseThrow());
    }

    @Test
    void parsesEachStatusOfGetTasksStatus() {
        JsonNode tasks = Fixtures.docData("get_tasks_status");
        assertTrue(tasks.size() > 1);
        for (JsonNode task : tasks) {
            TaskStatus status = TaskStatus.parse(task.get("status"));
            assertNotEquals(State.UNKNOWN, status.state());
            assertTrue(status.root().children().isEmpty(), "children are dropped unless include_children_status");
        }
        assertEquals(State.FINISHED, TaskStatus.parse(tasks.get(0).get("status")).state());
        assertEquals(41, TaskStatus.parse(tasks.get(0).get("status")).root().elapsedSeconds());
    }

    @Test
    void expiredPayloadIsJustAState() {
        TaskStatus status = TaskStatus.parse(Fixtures.json("{\"state\": \"EXPIRED\"}"));
        assertEquals(State.EXPIRED, status.state());
        assertTrue(status.state().terminal());
        assertTrue(status.root().children().isEmpty());
    }

    @Test
    void stateNames() {
        assertEquals(State.UNKNOWN, State.of("LOOP_READY"));
        assertEquals(State.PENDING, State.of(null));
        assertFalse(State.FAILED.terminal(), "a failed task can be retried");
        assertTrue(State.REVOKED.terminal());
    }
}
