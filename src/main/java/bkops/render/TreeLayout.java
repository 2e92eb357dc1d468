package bkops.render;

import bkops.model.PipelineTree;
import bkops.model.PipelineTree.Flow;
import bkops.model.PipelineTree.Node;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays a pipeline out as tree lines by following flows from the start event. At a diverging node each branch is drawn
 * under its label until the branches meet again; the meeting point is the node's immediate post-dominator, which is
 * the converge gateway in well-formed trees and still sensible when branches rejoin elsewhere (or converge_gateway_id
 * is missing, as in fast_create_task trees). A node reached a second time becomes a JUMP line, which also ends cycles.
 */
final class TreeLayout {

    enum Kind { NODE, BRANCH, JUMP, MISSING, DETACHED }

    /**
     * One output line. {@code prefix} is the drawing before the content; {@code node} is the node shown (NODE/JUMP) or
     * the gateway (BRANCH); {@code flow} the branch's flow; {@code ref} the id the branch runs until (its join, may be
     * null) or, for MISSING, a flow target that does not exist.
     */
    record Line(Kind kind, String prefix, Node node, Flow flow, PipelineTree owner, String ref) {
    }

    private final List<Line> lines = new ArrayList<>();

    private TreeLayout() {
    }

    static List<Line> layout(PipelineTree tree) {
        TreeLayout layout = new TreeLayout();
        layout.tree(tree, "");
        return layout.lines;
    }

    private void tree(PipelineTree tree, String prefix) {
        Level level = new Level(tree);
        if (tree.start() != null) {
            sequence(level, tree.start().id(), null, prefix);
        }
        for (Node n : tree.nodes().values()) {
            if (!level.visited.contains(n.id())) {
                lines.add(new Line(Kind.DETACHED, prefix, n, null, tree, null));
                sequence(level, n.id(), null, prefix + "   ");
            }
        }
    }

    private void sequence(Level level, String from, String stopAt, String prefix) {
        String current = from;
        while (current != null && !current.equals(stopAt)) {
            Node node = level.tree.nodes().get(current);
            if (node == null) {
                lines.add(new Line(Kind.MISSING, prefix, null, null, level.tree, current));
                return;
            }
            if (!level.visited.add(current)) {
                lines.add(new Line(Kind.JUMP, prefix, node, null, level.tree, null));
                return;
            }
            lines.add(new Line(Kind.NODE, prefix, node, null, level.tree, null));
            if (node.subprocess() != null) {
                tree(node.subprocess(), prefix + "   ");
            }
            List<Flow> out = level.tree.outgoingFlows(node);
            if (out.isEmpty()) {
                return;
            }
            if (out.size() == 1) {
                current = out.get(0).target();
                continue;
            }
            String join = level.postDominator(current);
            for (int i = 0; i < out.size(); i++) {
                boolean last = i == out.size() - 1;
                lines.add(new Line(Kind.BRANCH, prefix + (last ? "└─ " : "├─ "), node, out.get(i), level.tree, join));
                sequence(level, out.get(i).target(), join, prefix + (last ? "   " : "│  "));
            }
            current = join;
        }
    }

    /** One pipeline level: its visited set and immediate post-dominators (Cooper, Harvey and Kennedy's algorithm). */
    private static final class Level {
        final PipelineTree tree;
        final Set<String> visited = new HashSet<>();
        private String[] ids;
        private int[] ipdom;
        private Map<String, Integer> indexOf;

        Level(PipelineTree tree) {
            this.tree = tree;
        }

        /** The node where all paths from {@code id} meet again; null when only the (virtual) exit joins them. */
        String postDominator(String id) {
            if (ipdom == null) {
                compute();
            }
            Integer i = indexOf.get(id);
            if (i == null || ipdom[i] < 0 || ipdom[i] == ids.length) {
                return null;
            }
            return ids[ipdom[i]];
        }

        private void compute() {
            int n = tree.nodes().size();
            int exit = n;
            ids = tree.nodes().keySet().toArray(new String[0]);
            indexOf = new HashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                indexOf.put(ids[i], i);
            }
            // Forward successors (existing targets only); sinks lead to the virtual exit.
            int[][] succ = new int[n + 1][];
            List<List<Integer>> pred = new ArrayList<>(n + 1);
            for (int i = 0; i <= n; i++) {
                pred.add(new ArrayList<>(2));
            }
            for (int i = 0; i < n; i++) {
                List<Integer> s = new ArrayList<>(2);
                for (Flow f : tree.outgoingFlows(tree.nodes().get(ids[i]))) {
                    Integer t = indexOf.get(f.target());
                    if (t != null) {
                        s.add(t);
                    }
                }
                if (s.isEmpty()) {
                    s.add(exit);
                }
                succ[i] = s.stream().mapToInt(Integer::intValue).toArray();
                for (int t : succ[i]) {
                    pred.get(t).add(i);
                }
            }
            // Post-order of the reversed graph from the exit, iteratively (chains can be thousands long).
            int[] order = new int[n + 1];
            int[] post = new int[n + 1];
            java.util.Arrays.fill(post, -1);
            boolean[] seen = new boolean[n + 1];
            int[] stack = new int[n + 1];
            int[] cursor = new int[n + 1];
            int top = 0;
            int count = 0;
            stack[top++] = exit;
            seen[exit] = true;
            while (top > 0) {
                int v = stack[top - 1];
                List<Integer> next = pred.get(v);
                if (cursor[v] < next.size()) {
                    int w = next.get(cursor[v]++);
                    if (!seen[w]) {
                        seen[w] = true;
                        stack[top++] = w;
                    }
                } else {
                    top--;
                    post[v] = count;
                    order[count++] = v;
                }
            }
            ipdom = new int[n + 1];
            java.util.Arrays.fill(ipdom, -1);
            ipdom[exit] = exit;
            boolean changed = true;
            while (changed) {
                changed = false;
                for (int k = count - 2; k >= 0; k--) {
                    int v = order[k];
                    int best = -1;
                    for (int s : succ[v]) {
                        if (ipdom[s] >= 0) {
                            best = best < 0 ? s : intersect(best, s, post);
                        }
                    }
                    if (best >= 0 && ipdom[v] != best) {
                        ipdom[v] = best;
                        changed = true;
                    }
                }
            }
        }

        private int intersect(int a, int b, int[] post) {
            while (a != b) {
                while (post[a] < post[b]) {
                    a = ipdom[a];
                }
                while (post[b] < post[a]) {
                    b = ipdom[b];
                }
            }
            return a;
        }
    }
}
