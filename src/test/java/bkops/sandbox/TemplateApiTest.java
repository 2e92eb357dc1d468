package bkops.sandbox;

import bkops.testing.BkopsTest;
import bkops.testing.TestSandbox;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@BkopsTest
class TemplateApiTest {
    static TestSandbox c;

    @Test
    void listsBusinessTemplatesWithProjectFieldsAndFilters() {
        TestSandbox.Res r = c.get("/get_template_list/2/");
        assertEquals(200, r.status());
        assertEquals(true, r.body().get("result"));
        assertEquals(0, r.body().get("code"));
        assertNotNull(r.body().get("trace_id"));
        assertEquals(r.body().get("trace_id"), r.header("Sops-Trace-Id"));
        assertNotNull(r.header("X-Bkapi-Request-Id"));
        List<?> all = (List<?>) r.data();
        long business = Seed.templates().values().stream().filter(t -> !t.source().equals("common")).count();
        assertEquals(business, all.size());
        Map<?, ?> first = (Map<?, ?>) all.get(0);
        assertEquals(2, first.get("bk_biz_id"), "Project.bk_biz_id is an IntegerField");
        assertEquals(1, first.get("project_id"));
        assertEquals("蓝鲸", first.get("bk_biz_name"));
        assertEquals(1, ((List<?>) c.get("/get_template_list/2/?name_keyword=LINEAR").data()).size());
        assertEquals(2, ((List<?>) c.get("/get_template_list/2/?id_in=1,5").data()).size());
        assertEquals(2, ((List<?>) c.get("/get_template_list/2/?template_source=common").data()).size());
        assertEquals(2, ((List<?>) c.get("/get_common_template_list/").data()).size());
        assertEquals(business, ((List<?>) c.get("/get_template_list/1/?scope=project").data()).size());
    }

    @Test
    void templateInfoStripsLayoutAndUnfoldsSubprocessOnRequest() {
        Map<String, Object> info = c.get("/get_template_info/9/2/").dataMap();
        Map<?, ?> tree = (Map<?, ?>) info.get("pipeline_tree");
        assertFalse(tree.containsKey("line"));
        assertFalse(tree.containsKey("location"));
        Map<?, ?> sub = ((Map<?, ?>) tree.get("activities")).values().stream().map(o -> (Map<?, ?>) o)
                .filter(a -> "SubProcess".equals(a.get("type"))).findFirst().orElseThrow();
        assertEquals("1", sub.get("template_id"));
        assertFalse(sub.containsKey("pipeline"));
        Map<?, ?> unfolded = (Map<?, ?>) c.get("/get_template_info/9/2/?unfold_subprocess=true").dataMap().get("pipeline_tree");
        Map<?, ?> sub2 = (Map<?, ?>) ((Map<?, ?>) unfolded.get("activities")).get(sub.get("id"));
        assertEquals(sub.get("id"), ((Map<?, ?>) sub2.get("pipeline")).get("id"));
        assertEquals(List.of(Map.of("name", "版本 version", "key", "${version}", "show_type", "show", "constant_type", "输入框",
                "activity_count", 1)), c.get("/get_template_info/1/2/?include_constants=1").dataMap().get("template_constants"));
    }

    @Test
    void unknownTemplateAndUnknownProjectAreContentNotExist() {
        TestSandbox.Res r = c.get("/get_template_info/999/2/");
        assertEquals(200, r.status());
        assertEquals(false, r.body().get("result"));
        assertEquals(3540400, r.body().get("code"));
        assertEquals("template[id=999] of project[1] does not exist", r.body().get("message"));
        TestSandbox.Res p = c.get("/get_template_list/3/");
        assertEquals(3540400, p.body().get("code"));
        assertEquals("project(3) with scope(cmdb_biz) does not exist.", p.body().get("message"));
        assertEquals("project(2) with scope(project) does not exist.", c.get("/get_template_list/2/?scope=project").body().get("message"));
    }

    @Test
    void schemesUseTheReversedPathAndPreviewExcludesNodes() {
        List<?> schemes = (List<?>) c.get("/get_template_schemes/2/1/").data();
        assertEquals(2, schemes.size());
        Map<?, ?> s = (Map<?, ?>) schemes.get(1);
        assertEquals("1-只部署 deploy only", s.get("id")); // unique_id "<template>-<name>" (template_scheme.py)
        assertTrue(s.get("data") instanceof String);
        Map<?, ?> tree = (Map<?, ?>) c.get("/get_template_info/1/2/").dataMap().get("pipeline_tree");
        String first = (String) ((Map<?, ?>) tree.get("activities")).keySet().iterator().next();
        Map<String, Object> preview = c.post("/preview_task_tree/2/1/", Map.of("exclude_task_nodes_id", List.of(first))).dataMap();
        Map<?, ?> pt = (Map<?, ?>) preview.get("pipeline_tree");
        assertEquals(2, ((Map<?, ?>) pt.get("activities")).size());
        assertEquals(3, ((Map<?, ?>) pt.get("flows")).size());
    }

    @Test
    void largeTemplateUnfoldsToThousandsOfNodes() {
        long id = c.createTask(11, null);
        Map<String, Object> detail = c.get("/get_task_detail/" + id + "/2/").dataMap();
        assertTrue(countActivities((Map<?, ?>) detail.get("pipeline_tree")) >= 2000);
    }

    private static int countActivities(Map<?, ?> tree) {
        int n = 0;
        for (Object o : ((Map<?, ?>) tree.get("activities")).values()) {
            Map<?, ?> a = (Map<?, ?>) o;
            n++;
            if (a.get("pipeline") instanceof Map<?, ?> p) n += countActivities(p);
        }
        return n;
    }
}
