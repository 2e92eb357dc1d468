package bkops.ops;

import bkops.api.ApiException;
import bkops.api.InDoubtException;
import bkops.api.Sleeper;
import bkops.api.SopsApi;
import bkops.i18n.Text;
import bkops.model.ClockedTask;

import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * create_clocked_task as a change. Its reply lost, it is never re-sent: the business's clocked tasks of this name are
 * read back (get_clocked_task_list, task_name filter) over a short window; not seeing one proves nothing.
 */
public final class ClockedCreation implements Change<com.fasterxml.jackson.databind.JsonNode> {
    private final SopsApi api;
    private final Sleeper sleeper;
    private final String templateId;
    private final String name;
    private final ZonedDateTime at;
    private final Map<String, Object> constants;
    private final List<String> excluded;

    public ClockedCreation(SopsApi api, Sleeper sleeper, String templateId, String name, ZonedDateTime at,
                           Map<String, Object> constants, List<String> excluded) {
        this.api = api;
        this.sleeper = sleeper;
        this.templateId = templateId;
        this.name = name;
        this.at = at;
        this.constants = constants;
        this.excluded = excluded;
    }

    @Override
    public String what() {
        return "create clocked task '" + name + "' from template " + templateId + " at " + SopsApi.planStartTime(at);
    }

    @Override
    public Text whatText() {
        return Text.of("errors.ops.what.clocked.create", name, templateId, SopsApi.planStartTime(at));
    }

    @Override
    public List<Request> requests() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("template_id", templateId);
        p.put("task_name", name);
        p.put("plan_start_time", SopsApi.planStartTime(at));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("constants", constants);
        params.put("template_schemes_id", List.of());
        if (!excluded.isEmpty()) {
            params.put("exclude_task_nodes_id", excluded);
        }
        p.put("task_parameters", params);
        return List.of(new Request("create_clocked_task", p));
    }

    @Override
    public com.fasterxml.jackson.databind.JsonNode send() {
        try {
            return api.createClockedTask(templateId, name, at, constants, excluded);
        } catch (InDoubtException lost) {
            Text check = Text.of("errors.ops.read-back.check-clocked", name);
            Text seen;
            try {
                Optional<List<Long>> found = new ReadBack(sleeper).await(() -> {
                    List<Long> ids = ClockedTask.parseList(Pages.read((n, offset) -> api.clockedTaskListPage(
                            Map.of("task_name", name), n, offset), Pages.MAX_PAGE).items()).stream()
                            .filter(c -> c.taskName().equals(name) && String.valueOf(c.templateId()).equals(templateId))
                            .map(ClockedTask::id).toList();
                    return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
                });
                seen = found.isEmpty()
                        ? Text.of("errors.ops.read-back.clocked-not-seen", name, ReadBack.WINDOW.toSeconds(), check)
                        : Text.of("errors.ops.read-back.clocked-seen", name, found.get());
            } catch (ApiException unreadable) {
                seen = Text.of("errors.ops.read-back.clocked-unreadable", ReadBack.said(unreadable), check);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                seen = Text.of("errors.ops.read-back.interrupted.alone", check);
            }
            throw new ApiException(ApiException.Kind.TRANSPORT, lost.api(), lost.httpStatus(), lost.code(),
                    lost.serverMessage(), lost.requestId(), Text.of("errors.ops.read-back.then", ReadBack.said(lost), seen),
                    lost);
        }
    }
}
