package bkops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import bkops.model.Fixtures;
import bkops.model.PipelineTree;
import bkops.testing.Golden;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphRendererTest {

    @Test
    void dotOfTheKitchenSinkColouredByStatus() {
        Golden.assertMatches("graph-kitchen-sink.dot",
                GraphRenderer.dot(Samples.kitchenSink(), Samples.kitchenSinkFailed()));
    }

    @Test
    void mermaidOfTheKitchenSinkColouredByStatus() {
        Golden.assertMatches("graph-kitchen-sink.mmd",
                GraphRenderer.mermaid(Samples.kitchenSink(), Samples.kitchenSinkFailed()));
    }

    @Test
    void uncolouredTemplateGraphs() {
        PipelineTree child = PipelineTree.parse(Fixtures.exportedTree(Fixtures.CHILD_TEMPLATE));
        Golden.assertMatches("graph-export-child.dot", GraphRenderer.dot(child, null));
        Golden.assertMatches("graph-export-child.mmd", GraphRenderer.mermaid(child, null));
    }

    @Test
    void escaping() {
        assertEquals("\"say \\\"hi\\\" \\\\ 你好\\n2\"", GraphRenderer.dq("say \"hi\" \\ 你好\n2"));
        assertEquals("\"a #quot;b#quot;\"", GraphRenderer.mq("a \"b\""));
        Map<String, String> ids = new HashMap<>();
        assertEquals("n_end", GraphRenderer.mid("end", ids));
        assertEquals("n_a_b", GraphRenderer.mid("a-b", ids));
        assertNotEquals(GraphRenderer.mid("a-b", ids), GraphRenderer.mid("a.b", ids));
        assertEquals("n____", GraphRenderer.mid("节点 ", ids));
    }
}
