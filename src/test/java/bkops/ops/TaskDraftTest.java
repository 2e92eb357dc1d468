package bkops.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.model.Fixtures;
import bkops.model.PipelineTree;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

class TaskDraftTest {
    private static final PipelineTree TREE = PipelineTree.parse(Fixtures.json(("{"
            + "'start_event':{'id':'s','type':'EmptyStartEvent','outgoing':'f1'},"
            + "'activities':{'a1':{'id':'a1','type':'ServiceActivity','name':'deploy','incoming':['f1'],'outgoing':'f2'},"
            + "'a2':{'id':'a2','type':'ServiceActivity','name':'deploy','incoming':['f2'],'outgoing':'f3'},"
            + "'a3':{'id':'a3','type':'ServiceActivity','name':'verify','incoming':['f3'],'outgoing':'f4'}},"
            + "'gateways':{},'end_event':{'id':'e','type':'EmptyEndEvent','incoming':['f4']},'flows':{},"
            + "'constants':{'${n}':{'key':'${n}','value':3,'custom_type':'input'},"
            + "'${port}':{'key':'${port}','value':'','custom_type':'int'},"
            + "'${ratio}':{'key':'${ratio}','value':0.5},"
            + "'${on}':{'key':'${on}','value':false},"
            + "'${hosts}':{'key':'${hosts}','value':[]},"
            + "'${opts}':{'key':'${opts}','value':{}},"
            + "'${s}':{'key':'${s}','value':'text'}}}").replace('\'', '"')));

    @Test
    void valuesAreTypedLikeTheTemplates() {
        TaskDraft d = new TaskDraft(TREE).constant("n", "42").constant("${port}", "8080").constant("ratio", "0.25")
                .constant("on", "TRUE").constant("hosts", "[\"a\",\"b\"]").constant("opts", "{\"x\":1}")
                .constant("s", "007");
        Map<String, Object> c = d.constants();
        assertEquals(42L, c.get("${n}"));
        assertEquals(8080L, c.get("${port}"));
        assertEquals(0.25, c.get("${ratio}"));
        assertEquals(true, c.get("${on}"));
        assertEquals(Fixtures.json("[\"a\",\"b\"]"), c.get("${hosts}"));
        assertEquals(Fixtures.json("{\"x\":1}"), c.get("${opts}"));
        assertEquals("007", c.get("${s}"), "text stays text");
        assertEquals(List.of("${n}", "${port}", "${ratio}", "${on}", "${hosts}", "${opts}", "${s}"), List.copyOf(c.keySet()));
    }

    @Test
    void badValuesAndUnknownKeysAreRefusedWithTheReason() {
        TaskDraft d = new TaskDraft(TREE);
        assertEquals("${n} takes a number, got 'x'", assertThrows(IllegalArgumentException.class, () -> d.constant("n", "x")).getMessage());
        assertEquals("${on} takes true or false, got 'yes'",
                assertThrows(IllegalArgumentException.class, () -> d.constant("on", "yes")).getMessage());
        assertEquals("${hosts} takes a JSON list, got '{}'",
                assertThrows(IllegalArgumentException.class, () -> d.constant("hosts", "{}")).getMessage());
        String unknown = assertThrows(IllegalArgumentException.class, () -> d.constant("nope", "1")).getMessage();
        assertTrue(unknown.startsWith("the template has no constant ${nope}; its constants: ${n}, ${port}"), unknown);
    }

    @Test
    void excludesByIdOrUniqueName() {
        TaskDraft d = new TaskDraft(TREE).exclude("a1").exclude("verify");
        assertEquals(List.of("a1", "a3"), d.excluded());
        String ambiguous = assertThrows(IllegalArgumentException.class, () -> d.exclude("deploy")).getMessage();
        assertEquals("--exclude 'deploy' names 2 nodes; give the node id instead: a1, a2", ambiguous);
        String none = assertThrows(IllegalArgumentException.class, () -> d.exclude("s")).getMessage();
        assertTrue(none.endsWith("its nodes: a1 (deploy), a2 (deploy), a3 (verify)"), none);
    }
}
