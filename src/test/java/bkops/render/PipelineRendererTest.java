package bkops.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bkops.model.Fixtures;
import bkops.model.PipelineTree;
import bkops.testing.Golden;
import org.junit.jupiter.api.Test;

class PipelineRendererTest {

    private static final PipelineRenderer PLAIN = new PipelineRenderer(Style.PLAIN, false);

    @Test
    void kitchenSink() {
        Golden.assertMatches("pipeline-kitchen-sink.txt", PLAIN.render(Samples.kitchenSink()));
    }

    @Test
    void kitchenSinkWideHasIds() {
        Golden.assertMatches("pipeline-kitchen-sink-wide.txt",
                new PipelineRenderer(Style.PLAIN, true).render(Samples.kitchenSink()));
    }

    @Test
    void exportedChildTemplateBranchesRejoinAtAParallelGateway() {
        PipelineTree tree = PipelineTree.parse(Fixtures.exportedTree(Fixtures.CHILD_TEMPLATE));
        Golden.assertMatches("pipeline-export-child.txt", PLAIN.render(tree));
    }

    @Test
    void exportedParentTemplateSubprocessWithoutNestedTree() {
        PipelineTree tree = PipelineTree.parse(Fixtures.exportedTree(Fixtures.PARENT_TEMPLATE));
        Golden.assertMatches("pipeline-export-parent.txt", PLAIN.render(tree));
    }

    @Test
    void exportedLoopSampleCyclesBackThroughAnExclusiveGateway() {
        PipelineTree tree = PipelineTree.parse(Fixtures.exportedTree("5d3262b73df63f84b595b4ab90ab9c6e"));
        Golden.assertMatches("pipeline-export-loop.txt", PLAIN.render(tree));
        Golden.assertMatches("graph-export-loop.mmd", GraphRenderer.mermaid(tree, null));
    }

    @Test
    void fastCreateTaskNestedConvergesWithoutConvergeIds() {
        PipelineTree tree = PipelineTree.parse(Fixtures.docData("fast_create_task").get("pipeline_tree"));
        Golden.assertMatches("pipeline-fast-create-task.txt", PLAIN.render(tree));
    }

    @Test
    void cyclesDanglingFlowsAndDetachedNodesStillRender() {
        TreeJson t = new TreeJson("bad").start("s").end("e").activity("a", "循环", "x").activity("b", "孤儿", "y")
                .gateway("g", "ExclusiveGateway");
        t.flow("s", "a").flow("a", "g").branch("g", "a", "again", "").branch("g", "e", "done", "")
                .branch("g", "nowhere", "lost", "");
        Golden.assertMatches("pipeline-cycle-dangling.txt", PLAIN.render(PipelineTree.parse(t.json())));
    }

    @Test
    void longChainsNeedNoDeepRecursion() {
        int n = 5000;
        TreeJson t = new TreeJson("chain").start("s").end("e");
        String last = "s";
        for (int i = 0; i < n; i++) {
            t.activity("a" + i, "步骤" + i, "x").flow(last, "a" + i);
            last = "a" + i;
        }
        t.flow(last, "e");
        String out = PLAIN.render(PipelineTree.parse(t.json()));
        assertEquals(n + 2, out.lines().count());
        assertTrue(out.endsWith("□ 步骤4999 (x)\n■ end\n"));
    }

    @Test
    void colourOnlyWhenEnabled() {
        String coloured = new PipelineRenderer(Style.ANSI, false).render(Samples.kitchenSink());
        assertTrue(coloured.contains("\u001b[36m[生产]"));
        assertEquals(PLAIN.render(Samples.kitchenSink()), DisplayWidth.stripAnsi(coloured));
    }
}
