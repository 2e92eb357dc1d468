package bkops.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.model.PipelineTree.Node;
import bkops.model.PipelineTree.NodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PipelineTreeTest {

    @ParameterizedTest
    @ValueSource(strings = {"get_template_info", "preview_task_tree", "fast_create_task", "create_task", "get_task_detail"})
    void parsesEveryDocExampleTree(String api) {
        PipelineTree tree = PipelineTree.parse(Fixtures.docData(api).get("pipeline_tree"));
        assertEquals(NodeType.START, tree.start().type());
        assertEquals(NodeType.END, tree.end().type());
        assertEquals(1, tree.outgoingFlows(tree.start()).size());
        tree.flows().values().forEach(f -> assertTrue(tree.node(f.target()).isPresent(), f.id()));
    }

    @Test
    void fastCreateTaskGatewaysAndComponents() {
        PipelineTree tree = PipelineTree.parse(Fixtures.docData("fast_create_task").get("pipeline_tree"));
        assertEquals(10, tree.nodeCount());
        Node exclusive = tree.node("node0863aab8325b84cfa3e5db52dc61").orElseThrow();
        assertEquals(NodeType.EXCLUSIVE, exclusive.type());
        assertEquals("${bk_timing} <= 10", exclusive.branchLabel("line9dd9c8dbbad90943f268442ab7e0"));
        assertEquals(NodeType.PARALLEL, tree.node("node7e97af0f55fb64276e067951dd9d").orElseThrow().type());
        Node node1 = tree.nodesByName("node1").get(0);
        assertEquals("sleep_timer", node1.component().code());
        assertTrue(node1.component().inputs().containsKey("bk_timing"));
    }

    @Test
    void exportedChildTemplateHasNamedConditionsAndConverge() {
        PipelineTree tree = PipelineTree.parse(Fixtures.exportedTree(Fixtures.CHILD_TEMPLATE));
        Node exclusive = tree.node("naf193e217b73986adc1f179c04229d8").orElseThrow();
        assertEquals("1 ==1", exclusive.branchLabel("le1c7018a7093bb98ca7d41bec5d6cee"));
        assertEquals(2, tree.outgoingFlows(exclusive).size());
        Node parallel = tree.node("nc358de3ea123636bf701c3eebb82126").orElseThrow();
        assertEquals("n2ee8ca684b03eb38dc6b88e0b39ba73", parallel.convergeGatewayId());
        assertEquals(2, parallel.incoming().size());
        assertEquals(List.of("l7c4d6377815396685e60e28c9d91aae"), tree.end().incoming());
        Constant test = tree.constants().get("${test}");
        assertEquals("3", test.value().asText());
        assertEquals("input", test.customType());
        assertEquals(1, test.index());
        assertTrue(test.shown());
        assertEquals("component_outputs", tree.constants().get("${_result}").sourceType());
    }

    @Test
    void exportedParentTemplateSubProcessUsesLegacyFlagAliases() {
        PipelineTree tree = PipelineTree.parse(Fixtures.exportedTree(Fixtures.PARENT_TEMPLATE));
        Node sub = tree.node("n6c29ee96a093233a4052259eae107f5").orElseThrow();
        assertEquals(NodeType.SUBPROCESS, sub.type());
        assertEquals(Fixtures.CHILD_TEMPLATE, sub.templateId());
        assertNull(sub.subprocess(), "a template export does not unfold the child");
        // bamboo-pipeline eri/runtime.py _gen_subproc_node: a SubProcess is always retryable and never skippable,
        // whatever can_retry/isSkipped the web tree carries
        assertTrue(sub.retryable());
        assertFalse(sub.skippable());
    }

    @Test
    void nestedSubprocessLookupsAndStack() {
        ObjectNode outer = nestedTaskTree();
        PipelineTree tree = PipelineTree.parse(outer);
        assertEquals(3 * 3, tree.nodeCount());
        assertEquals(List.of(), tree.subprocessStack("sub1"));
        assertEquals(List.of("sub1"), tree.subprocessStack("sub2"));
        assertEquals(List.of("sub1", "sub2"), tree.subprocessStack("leaf"));
        assertEquals("leaf", tree.nodeByTemplateNodeId("tpl-leaf").orElseThrow().id());
        assertEquals(2, tree.nodesByName("子流程").size());
        assertNotNull(tree.node("sub1").orElseThrow().subprocess());
        assertEquals(List.of(), tree.subprocessStack("nope"));
    }

    @Test
    void defaultConditionMarksBranchAndDanglingFlowsAreSkipped() {
        PipelineTree tree = PipelineTree.parse(Fixtures.json("""
                {"start_event": {"id": "s", "type": "EmptyStartEvent", "incoming": "", "outgoing": "f1"},
                 "end_event": {"id": "e", "type": "EmptyEndEvent", "incoming": ["f2", "f3"], "outgoing": ""},
                 "activities": {},
                 "gateways": {"g": {"id": "g", "type": "ExclusiveGateway", "incoming": "f1",
                    "outgoing": ["f2", "f3", "ghost"],
                    "conditions": {"f2": {"evaluate": "${x} > 1", "name": "", "tag": "t"}},
                    "default_condition": {"name": "其他", "flow_id": "f3", "tag": "d"}}},
                 "flows": {"f1": {"id": "f1", "source": "s", "target": "g", "is_default": false},
                           "f2": {"id": "f2", "source": "g", "target": "e", "is_default": false},
                           "f3": {"id": "f3", "source": "g", "target": "e", "is_default": false}},
                 "constants": {}, "outputs": []}
                """));
        Node g = tree.node("g").orElseThrow();
        assertEquals("${x} > 1", g.branchLabel("f2"));
        assertEquals("其他", g.branchLabel("f3"));
        assertEquals("branch 3", g.branchLabel("ghost"), "no condition: numbered as listed");
        assertEquals(2, tree.outgoingFlows(g).size());
        assertTrue(tree.isDefault(g, tree.flows().get("f3")));
        assertFalse(tree.isDefault(g, tree.flows().get("f2")));
    }

    /** root: start → sub1 → end; sub1: start → sub2 → end; sub2: start → leaf → end. */
    static ObjectNode nestedTaskTree() {
        ObjectNode inner = linear("sub2", "leaf", Fixtures.MAPPER.createObjectNode()
                .put("type", "ServiceActivity").put("name", "叶子").put("template_node_id", "tpl-leaf"));
        ObjectNode middle = linear("sub1", "sub2", Fixtures.MAPPER.createObjectNode()
                .put("type", "SubProcess").put("name", "子流程").put("template_id", "2").set("pipeline", inner));
        return linear("root", "sub1", Fixtures.MAPPER.createObjectNode()
                .put("type", "SubProcess").put("name", "子流程").put("template_id", "1").set("pipeline", middle));
    }

    private static ObjectNode linear(String treeId, String activityId, ObjectNode activity) {
        ObjectNode t = (ObjectNode) Fixtures.json(("""
                {"id": "%1$s",
                 "start_event": {"id": "%1$s-s", "type": "EmptyStartEvent", "incoming": "", "outgoing": "%1$s-f1"},
                 "end_event": {"id": "%1$s-e", "type": "EmptyEndEvent", "incoming": "%1$s-f2", "outgoing": ""},
                 "activities": {}, "gateways": {},
                 "flows": {"%1$s-f1": {"id": "%1$s-f1", "source": "%1$s-s", "target": "%2$s", "is_default": false},
                           "%1$s-f2": {"id": "%1$s-f2", "source": "%2$s", "target": "%1$s-e", "is_default": false}},
                 "constants": {}, "outputs": []}
                """).formatted(treeId, activityId));
        activity.put("id", activityId).put("incoming", treeId + "-f1").put("outgoing", treeId + "-f2");
        ((ObjectNode) t.get("activities")).set(activityId, activity);
        return t;
    }
}
