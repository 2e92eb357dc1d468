package bkops.sandbox;

import bkops.testing.BkopsTest;
import bkops.testing.SandboxConfig;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The quirks of the real server that the sandbox reproduces by default: the views' read caches, auto-retry nodes,
 * functional tasks, revoked tasks in lists, get_task_status's own not-found, and a write landing after its reply
 * was lost. Each cites the bk-sops source it follows.
 */
@BkopsTest
class ServerCacheTest {
    TestSandbox c;

    private Object state(String pathAndQuery) {
        return c.get(pathAndQuery).dataMap().get("state");
    }

    @Test
    void taskStatusIsCachedTenSecondsPerPathUserAndParametersButNotWhileCreated() {
        long task = c.createTask(1, null);
        String key = "/get_task_status/" + task + "/2/?with_ex_data=1";
        assertEquals("CREATED", state(key), "cache_decisioner: CREATED is not kept");
        c.post("/start_task/" + task + "/2/", Map.of());
        assertEquals("RUNNING", state(key));
        c.post("/operate_task/" + task + "/2/", Map.of("action", "pause"));
        c.advance(9);
        assertEquals("RUNNING", state(key), "get_task_status.py: bucket_cached ttl=10");
        assertEquals("SUSPENDED", state(key + "&other=1"), "the key holds the sorted parameters");
        assertEquals("SUSPENDED", state("/get_task_status/" + task + "/2/?with_ex_data=1&scope=cmdb_biz"));
        c.advance(1);
        assertEquals("SUSPENDED", state(key), "expired after 10 s");
    }

    @Test
    void tasksStatusTenSecondsDetailSixtyNodeDetailNever() {
        long task = c.startTask(1, null);
        Map<String, Object> body = Map.of("task_id_list", List.of(task), "include_children_status", true);
        String first = c.post("/get_tasks_status/2/", body).data().toString();
        Object detailFinish = c.get("/get_task_detail/" + task + "/2/").dataMap().get("finish_time");
        String node = (String) ((Map<?, ?>) ((Map<?, ?>) c.get("/get_task_detail/" + task + "/2/").dataMap()
                .get("pipeline_tree")).get("activities")).keySet().iterator().next();
        Object nodeState = state("/get_task_node_detail/" + task + "/2/?node_id=" + node);
        c.advance(8);
        assertEquals(first, c.post("/get_tasks_status/2/", body).data().toString(), "get_tasks_status.py: ttl=10");
        assertNotEquals(nodeState, state("/get_task_node_detail/" + task + "/2/?node_id=" + node), "not cached");
        c.advance(30);
        assertEquals(detailFinish, c.get("/get_task_detail/" + task + "/2/").dataMap().get("finish_time"),
                "get_task_detail.py: ttl=60, the task finished meanwhile");
        assertTrue(String.valueOf(c.get("/get_task_detail/" + task + "/2/?x=1").dataMap().get("finish_time")).contains("+0800"));
        c.advance(30);
        assertNotEquals(detailFinish, c.get("/get_task_detail/" + task + "/2/").dataMap().get("finish_time"));
    }

    @Test
    void aTestThatNeedsFreshAnswersCanTurnTheCachesOff(@SandboxConfig(caches = false) TestSandbox off) {
        long task = off.startTask(1, null);
        String key = "/get_task_status/" + task + "/2/";
        assertEquals("RUNNING", off.get(key).dataMap().get("state"));
        off.post("/operate_task/" + task + "/2/", Map.of("action", "pause"));
        assertEquals("SUSPENDED", off.get(key).dataMap().get("state"));
    }

    @Test
    void anAutoRetryNodeIsRetriedByTheServerAfterItsInterval() {
        long task = c.startTask(21, null);
        c.advance(3);
        Map<String, Object> pending = c.get("/get_task_status/" + task + "/2/?with_auto_retry_status=1&with_failed_node_info=1")
                .dataMap();
        assertEquals("FAILED", pending.get("state"));
        Map<?, ?> status = (Map<?, ?>) pending.get("auto_retry_status");
        assertEquals(true, status.get("exist_auto_retry_nodes"), pending.toString());
        String node = (String) ((List<?>) status.get("auto_retry_nodes")).get(0);
        assertEquals(Map.of("node_id", node, "auto_retry_times", 0, "max_auto_retry_times", 2),
                ((Map<?, ?>) pending.get("failed_node_info")).get(node));
        c.advance(4); // retried at 2 + 5 = 7 s; it succeeds 2 s later, then the last node takes 2 s
        assertEquals("RUNNING", c.status(task).get("state"));
        c.advance(4);
        assertEquals("FINISHED", c.status(task).get("state"));
        Map<String, Object> detail = c.get("/get_task_node_detail/" + task + "/2/?node_id=" + node).dataMap();
        assertEquals(Map.of("node_id", node, "auto_retry_times", 1, "max_auto_retry_times", 2), detail.get("auto_retry_info"));
        assertEquals(1, ((List<?>) detail.get("histories")).size());
    }

    @Test
    void theAutoRetryFlagsFailOnATaskThatNeverRan() {
        long task = c.createTask(21, null);
        TestSandbox.Res r = c.get("/get_task_status/" + task + "/2/?with_auto_retry_status=1");
        assertEquals(false, r.body().get("result"));
        assertEquals(3599999, r.body().get("code"));
        assertEquals("task[id=" + task + "] extract failed node info error: 'id'", r.body().get("message"));
    }

    @Test
    void aFunctionalTaskStaysCreatedInFuncClaimWhateverStartAnswers() {
        TestSandbox.Res created = c.post("/create_task/1/2/", Map.of("name", "func", "flow_type", "common_func"));
        long task = ((Number) created.dataMap().get("task_id")).longValue();
        assertEquals(List.of("task_id", "task_url", "pipeline_tree"), List.copyOf(created.dataMap().keySet()),
                "create_task.py returns no claim URL");
        assertEquals(true, c.post("/start_task/" + task + "/2/", Map.of()).body().get("result"));
        c.advance(60);
        assertEquals("CREATED", c.status(task).get("state"));
        Map<?, ?> item = (Map<?, ?>) ((List<?>) c.post("/get_tasks_status/2/", Map.of("task_id_list", List.of(task))).data()).get(0);
        assertEquals("func_claim", item.get("current_flow"));
        assertEquals("common_func", item.get("flow_type"));
        assertEquals("", item.get("start_time"), "format_datetime(None) is \"\"");
        assertEquals("task with current_flow:func_claim cannot be revokeed",
                c.post("/operate_task/" + task + "/2/", Map.of("action", "revoke")).body().get("message"));
    }

    @Test
    void aRevokedTaskIsNotFinishedInTheListAndHasAFinishTime() {
        long task = c.startTask(1, null);
        c.post("/operate_task/" + task + "/2/", Map.of("action", "revoke"));
        Map<?, ?> item = (Map<?, ?>) ((List<?>) c.get("/get_task_list/2/").data()).get(0);
        assertEquals(false, item.get("is_finished"));
        assertTrue(item.get("finish_time") != null, item.toString());
        assertEquals(List.of(), c.get("/get_task_list/2/?is_finished=true").data());
    }

    @Test
    void anUnknownTaskStatusIsTheViewsOwnError() {
        TestSandbox.Res r = c.get("/get_task_status/99999/2/");
        assertEquals(3599999, r.body().get("code"));
        assertEquals("task[id=99999] get status error: TaskFlowInstance matching query does not exist.", r.body().get("message"));
    }

    @Test
    void aWriteCanLandAfterItsReplyWasDropped() {
        long task = c.createTask(1, null);
        c.sandbox().faults().add(new Faults.Fault(Faults.Kind.DROP_APPLIED, 1, "start_task", 3_000));
        HttpRequest req = HttpRequest.newBuilder(URI.create(c.sandbox().sopsGatewayUrl() + "/start_task/" + task + "/2/"))
                .header("X-Bkapi-Authorization", TestSandbox.AUTH).POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        assertThrows(IOException.class, () -> TestSandbox.HTTP.send(req, HttpResponse.BodyHandlers.ofString()));
        assertEquals("CREATED", c.status(task).get("state"), "not yet");
        c.advance(3);
        assertEquals("RUNNING", c.status(task).get("state"), "landed 3 s later");
    }
}
