package bkops.ops;

import bkops.model.Fixtures;
import bkops.model.State;
import bkops.model.TaskStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The engine's state behind the displayed one, and engine v1's BLOCKED. */
class EngineStatesTest {
    private static TaskStatus status(String json) {
        return TaskStatus.parse(Fixtures.json(json.replace('\'', '"')));
    }

    @Test
    void aPipelineShownFailedOrNodeSuspendedBecauseOfAChildIsRunningInTheEngine() {
        TaskStatus s = status("{'id':'r','state':'FAILED','children':{"
                + "'sub':{'id':'sub','state':'FAILED','children':{'a':{'id':'a','state':'FAILED'}}},"
                + "'own':{'id':'own','state':'FAILED','children':{}},"
                + "'held':{'id':'held','state':'NODE_SUSPENDED','children':{'b':{'id':'b','state':'SUSPENDED'}}}}}");
        assertEquals(State.RUNNING, s.root().engineState());
        assertEquals(State.RUNNING, s.find("sub").orElseThrow().engineState());
        assertEquals(State.FAILED, s.find("own").orElseThrow().engineState(), "failed itself: no failed child");
        assertEquals(State.RUNNING, s.find("held").orElseThrow().engineState());
        assertEquals(State.SUSPENDED, s.find("b").orElseThrow().engineState());
    }

    @Test
    void blockedIsEngineV1sStillMovingState() {
        assertFalse(State.BLOCKED.terminal());
        Verdict v = Verdict.of(new TaskSnapshot("3", "v1", status(
                "{'id':'r','state':'BLOCKED','children':{'a':{'id':'a','state':'FINISHED'}}}"), null));
        assertEquals(Outcome.RUNNING, v.outcome(), "neither failed nor over: wait goes on");
    }
}
