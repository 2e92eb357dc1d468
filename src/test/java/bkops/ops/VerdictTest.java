package bkops.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.model.Fixtures;
import bkops.model.PipelineTree;
import bkops.model.State;
import bkops.model.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

class VerdictTest {

    private static TaskStatus status(String json) {
        return TaskStatus.parse(Fixtures.json(json.replace('\'', '"')));
    }

    @Test
    void theDocExampleFailedLeafComesWithItsCommandsEvenWithoutATree() {
        TaskStatus s = TaskStatus.parse(Fixtures.docData("get_task_status"));
        Verdict v = Verdict.of(new TaskSnapshot("12", "doc", s, null));
        assertEquals(Outcome.FAILED, v.outcome());
        assertEquals(10, v.outcome().exitCode());
        assertEquals(1, v.nodes().size());
        Verdict.Attention a = v.nodes().get(0);
        assertEquals("nb346e202d17387082189f95dd3f80ca", a.nodeId());
        assertEquals("定时", a.name());
        assertEquals(List.of("bkops node retry 12 nb346e202d17387082189f95dd3f80ca",
                "bkops node skip 12 nb346e202d17387082189f95dd3f80ca --yes"), a.commands());
    }

    @Test
    void aFailedNodeInsideASubprocessIsNamedNotTheSubprocess() {
        TaskStatus s = status("{'id':'root','state':'FAILED','children':{"
                + "'sub':{'id':'sub','state':'FAILED','children':{'leaf':{'id':'leaf','state':'FAILED','name':'inner'}}}},"
                + "'ex_data':{'leaf':'boom<br/>trace'}}");
        Verdict v = Verdict.of(new TaskSnapshot("7", "t", s, null));
        assertEquals(1, v.nodes().size());
        assertEquals("leaf", v.nodes().get(0).nodeId());
        assertEquals("boom<br/>trace", v.nodes().get(0).reason());
    }

    @Test
    void endsAndNonEnds() {
        assertEquals(Outcome.FINISHED, Verdict.of(snap("{'id':'r','state':'FINISHED'}")).outcome());
        assertEquals(Outcome.REVOKED, Verdict.of(snap("{'id':'r','state':'REVOKED'}")).outcome());
        assertEquals(Outcome.EXPIRED, Verdict.of(snap("{'state':'EXPIRED'}")).outcome());
        assertEquals(Outcome.NOT_STARTED, Verdict.of(snap("{'id':'r','state':'CREATED','children':{}}")).outcome());
        assertEquals(Outcome.RUNNING, Verdict.of(snap("{'id':'r','state':'RUNNING','children':{'a':{'id':'a','state':'RUNNING'}}}")).outcome());
        Verdict suspended = Verdict.of(snap("{'id':'r','state':'SUSPENDED'}"));
        assertEquals(Outcome.WAITING, suspended.outcome());
        assertEquals(List.of("bkops task resume 9"), suspended.taskCommands());
        Verdict paused = Verdict.of(snap("{'id':'r','state':'NODE_SUSPENDED','children':{'a':{'id':'a','state':'SUSPENDED'}}}"));
        assertEquals(12, paused.outcome().exitCode());
        assertEquals(List.of("bkops node resume 9 a"), paused.nodes().get(0).commands());
        assertEquals(Outcome.NOT_FOUND, Verdict.of(TaskSnapshot.missing("9")).outcome());
        assertTrue(Outcome.FAILED.end() && !Outcome.RUNNING.end() && !Outcome.NOT_STARTED.end());
    }

    @Test
    void aRunningPauseNodeIsWaitingForACallbackOnlyTheTreeCanTell() {
        PipelineTree tree = PipelineTree.parse(Fixtures.json(("{'start_event':{'id':'s','type':'EmptyStartEvent','outgoing':'f1'},"
                + "'activities':{'p':{'id':'p','type':'ServiceActivity','name':'approve','incoming':['f1'],'outgoing':'f2',"
                + "'component':{'code':'pause_node','data':{}}}},'gateways':{},"
                + "'end_event':{'id':'e','type':'EmptyEndEvent','incoming':['f2']},"
                + "'flows':{'f1':{'id':'f1','source':'s','target':'p'},'f2':{'id':'f2','source':'p','target':'e'}}}").replace('\'', '"')));
        TaskStatus s = status("{'id':'r','state':'RUNNING','children':{'p':{'id':'p','state':'RUNNING'}}}");
        assertEquals(Outcome.RUNNING, Verdict.of(new TaskSnapshot("9", "t", s, null)).outcome());
        Verdict v = Verdict.of(new TaskSnapshot("9", "t", s, tree));
        assertEquals(Outcome.WAITING, v.outcome());
        assertEquals("approve", v.nodes().get(0).name());
        assertEquals(List.of("bkops node callback 9 p --data '{}'"), v.nodes().get(0).commands());
        assertEquals(State.RUNNING, v.nodes().get(0).state());
    }

    private static TaskSnapshot snap(String json) {
        return new TaskSnapshot("9", "t", status(json), null);
    }
}
