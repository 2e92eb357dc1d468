package bkops.ops.node;

import bkops.model.PipelineTree;
import bkops.model.PipelineTree.Node;
import bkops.model.State;
import bkops.model.TaskStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Pre-checks, name resolution and branch choice on a small hand-written task tree. */
class NodeActionTest {
    private static final String TREE = """
            {"id": "p0",
             "start_event": {"id": "s", "type": "EmptyStartEvent", "name": "", "incoming": "", "outgoing": "f0"},
             "end_event": {"id": "e", "type": "EmptyEndEvent", "name": "", "incoming": ["f3", "f4"], "outgoing": ""},
             "activities": {
               "a1": {"id": "a1", "type": "ServiceActivity", "name": "部署 deploy", "incoming": "f1", "outgoing": "f3",
                      "retryable": true, "skippable": false, "component": {"code": "sleep_timer", "data": {}}},
               "a2": {"id": "a2", "type": "ServiceActivity", "name": "twin", "incoming": "f2", "outgoing": "f4",
                      "retryable": false, "skippable": true, "component": {"code": "sleep_timer", "data": {}}},
               "sp": {"id": "sp", "type": "SubProcess", "name": "sub", "incoming": "", "outgoing": "",
                      "pipeline": {"id": "sp",
                        "start_event": {"id": "s2", "type": "EmptyStartEvent", "name": "", "outgoing": "g0"},
                        "end_event": {"id": "e2", "type": "EmptyEndEvent", "name": "", "incoming": "g1"},
                        "activities": {"b1": {"id": "b1", "type": "ServiceActivity", "name": "twin", "incoming": "g0",
                                              "outgoing": "g1", "retryable": true, "skippable": true}},
                        "gateways": {}, "flows": {}}}},
             "gateways": {"g": {"id": "g", "type": "ExclusiveGateway", "name": "by env", "incoming": "f0",
                                "outgoing": ["f1", "f2"],
                                "conditions": {"f1": {"evaluate": "${env} == 1", "name": "Prod"},
                                               "f2": {"evaluate": "${env} == 2", "name": "test"}}}},
             "flows": {"f0": {"id": "f0", "source": "s", "target": "g"}, "f1": {"id": "f1", "source": "g", "target": "a1"},
                       "f2": {"id": "f2", "source": "g", "target": "a2"}, "f3": {"id": "f3", "source": "a1", "target": "e"},
                       "f4": {"id": "f4", "source": "a2", "target": "e"}}}
            """;
    private static final String STATUS = """
            {"id": "p0", "state": "FAILED", "children": {
              "g": {"id": "g", "state": "FAILED"}, "a1": {"id": "a1", "state": "RUNNING"},
              "sp": {"id": "sp", "state": "FAILED", "children": {"b1": {"id": "b1", "state": "FAILED"}}}}}
            """;

    private final TaskNodes nodes = new TaskNodes("7", PipelineTree.parse(json(TREE)), TaskStatus.parse(json(STATUS)));

    private static JsonNode json(String s) {
        try {
            return new ObjectMapper().readTree(s);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private Optional<String> check(NodeAction a, String id) {
        Node n = nodes.tree().node(id).orElseThrow();
        return a.refusal(n, nodes.state(n), nodes.engineState(n));
    }

    @Test
    void refusalsSayWhatIsWrongInWords() {
        assertEquals(Optional.of("node 部署 deploy is RUNNING; retry needs FAILED"), check(NodeAction.RETRY, "a1"));
        assertEquals(Optional.of("node twin is not retryable (retryable is false in the task's tree)"), check(NodeAction.RETRY, "a2"));
        assertEquals(Optional.of("node 部署 deploy is not skippable (skippable is false in the task's tree)"), check(NodeAction.SKIP, "a1"));
        assertEquals(Optional.of("node by env is an exclusive gateway; use skip-gateway to choose its branch"), check(NodeAction.SKIP, "g"));
        assertEquals(Optional.of("node sub shows FAILED because a node inside it failed, while the subprocess itself still "
                + "runs; retry the failed node inside it (or: bkops node retry TASK --failed)"), check(NodeAction.RETRY, "sp"));
        assertEquals(Optional.empty(), check(NodeAction.PAUSE_SUBPROCESS, "sp"), "RUNNING in the engine, shown FAILED");
        assertEquals(Optional.of("node twin is not reached yet; forced-fail needs RUNNING"), check(NodeAction.FORCED_FAIL, "a2"));
        assertEquals(Optional.empty(), check(NodeAction.SKIP_GATEWAY, "g"));
        assertEquals(Optional.empty(), check(NodeAction.FORCED_FAIL, "a1"));
        assertEquals(Optional.empty(), check(NodeAction.PAUSE, "a2"), "a node not reached can be paused in advance");
    }

    @Test
    void failedNodesAreTheLeavesNotTheSubprocessThatShowsFailed() {
        assertEquals(List.of("b1", "g"), nodes.failed().stream().map(Node::id).toList());
        assertEquals(State.FAILED, nodes.state(nodes.tree().node("sp").orElseThrow()));
    }

    @Test
    void namesResolveWhenUniqueAndOtherwiseListTheCandidates() {
        assertEquals("a1", nodes.resolve("部署 deploy").id());
        assertEquals("b1", nodes.resolve("b1").id());
        NodeSelectionException twins = assertThrows(NodeSelectionException.class, () -> nodes.resolve("twin"));
        assertEquals(NodeSelectionException.Reason.AMBIGUOUS, twins.reason());
        assertEquals(List.of("a2", "b1"), twins.candidates().stream().map(Node::id).toList());
        assertEquals("sub / twin", nodes.path(twins.candidates().get(1)));
        assertEquals(NodeSelectionException.Reason.NOT_FOUND,
                assertThrows(NodeSelectionException.class, () -> nodes.resolve("nope")).reason());
    }

    @Test
    void aBranchIsChosenByFlowIdNameIgnoringCaseOrTargetName() {
        Node g = nodes.tree().node("g").orElseThrow();
        assertEquals(List.of("f1"), flows(nodes.branchesMatching(g, "f1")));
        assertEquals(List.of("f1"), flows(nodes.branchesMatching(g, "Prod")));
        assertEquals(List.of("f1"), flows(nodes.branchesMatching(g, "prod")));
        assertEquals(List.of("f2"), flows(nodes.branchesMatching(g, "twin")));
        assertEquals(List.of(), flows(nodes.branchesMatching(g, "staging")));
    }

    private static List<String> flows(List<TaskNodes.Branch> branches) {
        return branches.stream().map(TaskNodes.Branch::flowId).toList();
    }
}
