package bkops.ops;

import bkops.api.ApiException;
import bkops.api.InDoubtException;
import bkops.api.Sleeper;
import bkops.api.SopsApi;
import bkops.i18n.Text;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * create_task as a change. Its reply lost, it is never sent again: the tasks of this name and template are looked
 * for over a short window (get_task_list, not cached by the server; the create may land after its reply was lost) and
 * the failure says what was seen; not seeing it is never proof that it was not created.
 */
public final class TaskCreation implements Change<JsonNode> {
    private final SopsApi api;
    private final Sleeper sleeper;
    private final String templateId;
    private final Map<String, Object> body;
    private final String name;
    private final boolean andStart;

    /** @param body create_task's fields beyond the template id (name, constants, ...) */
    public TaskCreation(SopsApi api, Sleeper sleeper, String templateId, Map<String, Object> body) {
        this(api, sleeper, templateId, body, false);
    }

    /**
     * @param andStart create_and_start_task instead (one call; bk-sops gcloud/apigw/views/create_and_start_task.py),
     *                 whose lost reply is read back the same way: the task it made is named like create_task's
     */
    public TaskCreation(SopsApi api, Sleeper sleeper, String templateId, Map<String, Object> body, boolean andStart) {
        this.andStart = andStart;
        this.api = api;
        this.sleeper = sleeper;
        this.templateId = templateId;
        this.body = body;
        this.name = String.valueOf(body.get("name"));
    }

    @Override
    public String what() {
        return (andStart ? "create and start task '" : "create task '") + name + "' from template " + templateId;
    }

    @Override
    public Text whatText() {
        return Text.of(andStart ? "errors.ops.what.task.create-start" : "errors.ops.what.task.create", name, templateId);
    }

    @Override
    public List<Request> requests() {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("template_id", templateId);
        params.putAll(body);
        return List.of(new Request(andStart ? "create_and_start_task" : "create_task", params));
    }

    /** The created task (create_task's data). */
    @Override
    public JsonNode send() {
        try {
            return andStart ? api.createAndStartTask(templateId, body) : api.createTask(templateId, body);
        } catch (InDoubtException e) {
            // the lost reply's status, code and request id stay on the error line
            throw new ApiException(ApiException.Kind.TRANSPORT, e.api(), e.httpStatus(), e.code(), e.serverMessage(),
                    e.requestId(), Text.of("errors.ops.read-back.then", ReadBack.said(e), lookForCreated()), e);
        }
    }

    private Text lookForCreated() {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("keyword", name);
        filters.put("template_id", templateId);
        Text check = Text.of("errors.ops.read-back.check-tasks", name, templateId);
        Optional<List<String>> found;
        try {
            found = new ReadBack(sleeper).await(() -> {
                List<String> ids = new ArrayList<>();
                new TaskPages(api).read(filters, TaskPages.MAX_PAGE).tasks().forEach(t -> {
                    if (name.equals(t.path("name").asText())) {
                        ids.add(t.path("id").asText());
                    }
                });
                return ids.isEmpty() ? Optional.empty() : Optional.of(ids);
            });
        } catch (ApiException unreadable) {
            return Text.of("errors.ops.read-back.tasks-unreadable", ReadBack.said(unreadable), check);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Text.of("errors.ops.read-back.tasks-interrupted", check);
        }
        return found.isEmpty()
                ? Text.of("errors.ops.read-back.tasks-not-seen", name, templateId, ReadBack.WINDOW.toSeconds(), check)
                : Text.of("errors.ops.read-back.tasks-seen", name, templateId, String.join(", ", found.get()));
    }
}
