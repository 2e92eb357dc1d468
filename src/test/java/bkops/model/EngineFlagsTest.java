package bkops.model;

import bkops.model.PipelineTree.Node;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** retryable/skippable as the engine reads them (bk-sops format.py, bamboo-pipeline eri/runtime.py). */
class EngineFlagsTest {
    private static Node node(String activity) {
        String tree = ("{'id':'p','start_event':{'id':'s','type':'EmptyStartEvent','outgoing':'f'},"
                + "'end_event':{'id':'e','type':'EmptyEndEvent','incoming':'g'},'activities':{'a':" + activity + "},"
                + "'gateways':{'x':{'id':'x','type':'ExclusiveGateway'},'c':{'id':'c','type':'ConvergeGateway'}},"
                + "'flows':{}}").replace('\'', '"');
        return PipelineTree.parse(Fixtures.json(tree)).node("a").orElseThrow();
    }

    private static String flags(Node n) {
        return n.retryable() + "/" + n.skippable();
    }

    @Test
    void anActivityIsRetryableAndSkippableUnlessItsTreeSaysFalse() {
        assertEquals("true/true", flags(node("{'id':'a','type':'ServiceActivity'}")), "older trees have no keys");
        assertEquals("false/false", flags(node("{'id':'a','type':'ServiceActivity','can_retry':false,'isSkipped':false}")));
        assertEquals("true/false", flags(node("{'id':'a','type':'ServiceActivity','retryable':true,'can_retry':false,"
                + "'skippable':false,'isSkipped':true}")), "the new key wins over its legacy alias");
        assertEquals("false/true", flags(node("{'id':'a','type':'ServiceActivity','retryable':null}")), "None is false");
    }

    @Test
    void otherKindsAreWhatTheEngineMakesOfThem() {
        assertEquals("true/false", flags(node("{'id':'a','type':'SubProcess','can_retry':false,'isSkipped':true}")));
        PipelineTree t = PipelineTree.parse(Fixtures.json(("{'id':'p','start_event':{'id':'s','type':'EmptyStartEvent'},"
                + "'end_event':{'id':'e','type':'EmptyEndEvent'},'activities':{},'gateways':{"
                + "'x':{'id':'x','type':'ExclusiveGateway'},'c':{'id':'c','type':'ConvergeGateway'}},'flows':{}}").replace('\'', '"')));
        assertEquals("true/true", flags(t.node("s").orElseThrow()), "the start event");
        assertEquals("true/false", flags(t.node("e").orElseThrow()));
        assertEquals("true/true", flags(t.node("x").orElseThrow()));
        assertEquals("true/false", flags(t.node("c").orElseThrow()));
    }
}
