package bkops.ops;

import bkops.api.ApiException;
import bkops.api.InDoubtException;
import bkops.api.Sleeper;
import bkops.api.SopsApi;
import bkops.i18n.Text;
import bkops.model.PeriodicTask;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The changes of periodic tasks: create, enable or disable, a new cron, new constants. */
public final class PeriodicChanges {
    private final SopsApi api;
    private final Sleeper sleeper;

    /** @param sleeper how to wait between read-backs after a lost reply (tests move a simulated clock) */
    public PeriodicChanges(SopsApi api, Sleeper sleeper) {
        this.api = api;
        this.sleeper = sleeper;
    }

    /** What create_periodic_task did: the new task's info; {@code readBack} when its reply was lost and it was found. */
    public record Created(JsonNode info, boolean readBack) {
    }

    /**
     * Creates a periodic task from a template with {@code body} ({@link SopsApi#periodicCreateBody}). The reply lost:
     * creating again could make a second periodic task that fires too, so the newest one of this name and template is
     * looked for over a short window (get_periodic_task_list, not cached by the server); not seeing it proves nothing.
     */
    public Change<Created> create(String templateId, Map<String, Object> body) {
        String name = String.valueOf(body.get("name"));
        return new Change<>() {
            @Override
            public String what() {
                return "create periodic task '" + name + "' from template " + templateId;
            }

            @Override
            public Text whatText() {
                return Text.of("errors.ops.what.periodic.create", name, templateId);
            }

            @Override
            public List<Request> requests() {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("template_id", templateId);
                params.putAll(body);
                return List.of(new Request("create_periodic_task", params));
            }

            @Override
            public Created send() {
                try {
                    return new Created(api.createPeriodicTask(templateId, body), false);
                } catch (InDoubtException lost) {
                    return new Created(findCreated(templateId, name, lost), true);
                }
            }
        };
    }

    private JsonNode findCreated(String templateId, String name, InDoubtException lost) {
        Text check = Text.of("errors.ops.read-back.check-periodic");
        PeriodicTask found;
        try {
            found = new ReadBack(sleeper).await(() -> {
                PeriodicTask newest = null;
                for (JsonNode p : api.periodicTaskList()) {
                    PeriodicTask t = PeriodicTask.parse(p);
                    if (name.equals(t.name()) && templateId.equals(t.templateId())
                            && (newest == null || number(t.id()) > number(newest.id()))) {
                        newest = t;
                    }
                }
                return Optional.ofNullable(newest);
            }).orElse(null);
        } catch (RuntimeException unreadable) {
            throw inDoubt(lost, Text.of("errors.ops.read-back.periodic-unreadable", ReadBack.said(lost), check));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadBackInterrupted(Text.of("errors.ops.read-back.interrupted", ReadBack.said(lost), check), e);
        }
        if (found == null) {
            throw inDoubt(lost, Text.of("errors.ops.read-back.periodic-not-seen", ReadBack.said(lost), name, templateId,
                    ReadBack.WINDOW.toSeconds(), check));
        }
        return api.periodicTaskInfo(found.id());
    }

    private static long number(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The lost reply's status, code and request id stay on the error line. */
    private static ApiException inDoubt(InDoubtException lost, Text message) {
        return new ApiException(ApiException.Kind.TRANSPORT, lost.api(), lost.httpStatus(), lost.code(),
                lost.serverMessage(), lost.requestId(), message, lost);
    }

    /** set_periodic_task_enabled; its answer has the task's {@code enabled}. A null id: the one a create returns. */
    public Change<JsonNode> enable(String id, boolean enabled) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("task_id", id);
        params.put("enabled", enabled);
        Change<JsonNode> change = simple((enabled ? "enable" : "disable") + " periodic task " + id,
                new Request("set_periodic_task_enabled", params), () -> api.setPeriodicTaskEnabled(id, enabled));
        return enabled ? change : new Guarded<>(change);
    }

    /** Disabling a schedule: asked as before (not at all), but a protected profile wants its name (Change#guarded). */
    private record Guarded<R>(Change<R> change) implements Change<R> {
        @Override
        public String what() {
            return change.what();
        }

        @Override
        public Text whatText() {
            return change.whatText();
        }

        @Override
        public boolean guarded() {
            return true;
        }

        @Override
        public List<Request> requests() {
            return change.requests();
        }

        @Override
        public R send() {
            return change.send();
        }
    }

    /** modify_cron_for_periodic_task with the API's cron object; the answer has the server's cron string. */
    public Change<JsonNode> cron(String id, Map<String, String> cron) {
        return simple("change the cron of periodic task " + id,
                new Request("modify_cron_for_periodic_task", Map.of("task_id", id, "cron", cron)),
                () -> api.modifyPeriodicCron(id, cron));
    }

    /** modify_constants_for_periodic_task; the answer is the constants after the change. */
    public Change<JsonNode> constants(String id, Map<String, Object> constants) {
        return simple("change the constants of periodic task " + id,
                new Request("modify_constants_for_periodic_task", Map.of("task_id", id, "constants", constants)),
                () -> api.modifyPeriodicConstants(id, constants));
    }

    private static Change<JsonNode> simple(String what, Request request, java.util.function.Supplier<JsonNode> send) {
        return new Change<>() {
            @Override
            public String what() {
                return what;
            }

            @Override
            public List<Request> requests() {
                return List.of(request);
            }

            @Override
            public JsonNode send() {
                return send.get();
            }
        };
    }
}
