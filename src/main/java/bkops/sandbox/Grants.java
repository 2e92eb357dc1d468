package bkops.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The API gateway's resource permissions of the sandbox app. Every bk-sops resource requires one (bk-sops
 * api-resources.yml: resourcePermissionRequired, true unless set false); an app applies for public ones and the
 * gateway's administrator grants the private ones (isPublic false, allowApplyPermission false: get_task_node_log,
 * create_clocked_task, claim_functionalization_task). The sandbox app holds them all until a test or
 * {@code POST /_sandbox/grants} withholds some; the gateway then answers 403 APP_NO_PERMISSION (blueking-apigateway
 * bk-permission), after authenticating the caller. Not persisted: like faults, per sandbox process.
 */
public final class Grants {
    private final Set<String> withheld = new TreeSet<>();

    /** The gateway no longer lets the sandbox app call these resources (API names). */
    public synchronized void withhold(String... apis) {
        withheld.addAll(List.of(apis));
    }

    public synchronized void grant(String... apis) {
        withheld.removeAll(List.of(apis));
    }

    synchronized boolean allows(String api) {
        return !withheld.contains(api);
    }

    /** Applies an admin request body: {"withhold": [...], "grant": [...]}; returns the withheld list. */
    synchronized Map<String, Object> configure(Map<String, Object> body) {
        if (body.get("withhold") instanceof List<?> l) l.forEach(x -> withheld.add(String.valueOf(x)));
        if (body.get("grant") instanceof List<?> l) l.forEach(x -> withheld.remove(String.valueOf(x)));
        return describe();
    }

    synchronized Map<String, Object> describe() {
        return Json.obj("withheld", List.copyOf(withheld));
    }

    static GatewayError noPermission() {
        return new GatewayError(403, 1640301, "APP_NO_PERMISSION", "App has no permission to the resource");
    }
}
