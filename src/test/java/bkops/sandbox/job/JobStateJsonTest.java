package bkops.sandbox.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.sandbox.job.JobSimulator.Outcome;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The state survives a trip through Jackson, as the sandbox persists it between invocations. */
class JobStateJsonTest {

    @Test
    void stateRoundTripsAndTheSimulationContinues() throws Exception {
        JobWorld w = new JobWorld();
        long job = w.launch(JobPlans.DEPLOY);
        w.after(5_000);
        w.operate(job, w.stepId(job, 0), 2);
        w.after(1_000);
        JsonNode before = w.status(job);

        String json = JobWorld.MAPPER.writeValueAsString(w.state);
        JobState restored = JobWorld.MAPPER.readValue(json, JobState.class);
        assertEquals(json, JobWorld.MAPPER.writeValueAsString(restored), "nothing lost or added");

        JobWorld later = new JobWorld();
        later.state = restored;
        later.now = w.now;
        assertEquals(before, later.status(job));

        later.after(20_000);
        assertEquals(Outcome.WAITING_USER, later.outcome(job));
        assertEquals(1, later.step(job, 0).path("execute_count").asInt());
        long next = later.launch(JobPlans.HEALTH_CHECK);
        assertEquals(job + 1, next, "id counters were persisted");
        assertTrue(restored.instances.containsKey(next));
    }
}
