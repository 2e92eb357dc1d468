package bkops.sandbox;

import bkops.testing.BkopsTest;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The job_execute_task node drives a Job instance; the Job front doors reach the same world. */
@BkopsTest
class JobNodeTest {
    TestSandbox c;

    private String jobNode(long task) {
        Map<?, ?> tree = (Map<?, ?>) c.get("/get_task_detail/" + task + "/2/").dataMap().get("pipeline_tree");
        return (String) ((Map<?, ?>) tree.get("activities")).keySet().iterator().next();
    }

    private long jobInstance(long task, String node) {
        List<?> outputs = (List<?>) c.get("/get_task_node_data/2/" + task + "/?node_id=" + node).dataMap().get("outputs");
        return outputs.stream().map(o -> (Map<?, ?>) o).filter(o -> "job_inst_id".equals(o.get("key")))
                .map(o -> ((Number) o.get("value")).longValue()).findFirst().orElseThrow();
    }

    @Test
    void nodeStartsAJobInstanceAndFollowsItsOutcome() {
        long task = c.startTask(10, Map.of("${job_plan_id}", "1002"));
        String node = jobNode(task);
        assertEquals("RUNNING", TaskEngineTest.child(c.status(task), node).get("state"));
        long inst = jobInstance(task, node);
        TestSandbox.Res job = c.send("GET", c.sandbox().jobGatewayUrl() + "/api/v3/get_job_instance_status?bk_biz_id=2&job_instance_id=" + inst,
                null, TestSandbox.AUTH);
        assertEquals(200, job.status());
        assertEquals(true, job.body().get("result"), job.body().toString());
        c.advance(600);
        assertEquals("FINISHED", c.status(task).get("state"));
    }

    @Test
    void aJobRequestAloneLetsTimePassForTheSopsSideToo() {
        c.startTask(10, Map.of("${job_plan_id}", "1002"));
        c.advance(1);
        // No SOPS request since the start: the node due to start by now must have created its Job instance before
        // Job is asked about it (an operator reads the id from the node, then asks Job).
        TestSandbox.Res job = c.send("GET", c.sandbox().jobGatewayUrl()
                + "/api/v3/get_job_instance_status?bk_scope_type=biz&bk_scope_id=2&job_instance_id=20001", null, TestSandbox.AUTH);
        assertEquals(true, job.body().get("result"), job.body().toString());
    }

    @Test
    void unknownPlanFailsTheNodeAndUnknownJobApiIsNotFound() {
        long task = c.startTask(10, Map.of("${job_plan_id}", "424242"));
        Map<String, Object> s = c.status(task);
        assertEquals("FAILED", s.get("state"));
        assertTrue(String.valueOf(((Map<?, ?>) s.get("ex_data")).get(jobNode(task))).contains("424242"));
        assertEquals(404, c.send("GET", c.sandbox().jobGatewayUrl() + "/api/v3/no_such_api", null, TestSandbox.AUTH).status());
        assertEquals(400, c.send("GET", c.sandbox().jobGatewayUrl() + "/api/v3/get_job_instance_status?bk_biz_id=2&job_instance_id=1",
                null, null).status());
    }
}
