package bkops.model;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * What preview_task_tree says a task would be (bk-sops pipeline_web/preview.py preview_template_tree): the template's
 * pipeline with the excluded nodes taken out (a parallel gateway left with only empty branches goes too,
 * preview_base.py _remove_useless_parallel), and the template's constants that nothing left refers to, which the
 * task will not have (_remove_useless_constants keeps only referenced ones and component outputs).
 * {@code raw} is the tree as sent, layout included.
 */
public record TaskPreview(PipelineTree tree, List<Constant> constantsNotReferred, JsonNode raw) {

    public static TaskPreview parse(JsonNode data) {
        JsonNode tree = data.path("pipeline_tree");
        List<Constant> gone = new ArrayList<>();
        data.path("constants_not_referred").properties()
                .forEach(e -> gone.add(Constant.parse(e.getKey(), e.getValue())));
        gone.sort(java.util.Comparator.comparingInt(Constant::index));
        return new TaskPreview(PipelineTree.parse(tree), List.copyOf(gone), tree);
    }
}
