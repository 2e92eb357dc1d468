package bkops.api;

import bkops.i18n.Text;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call = build the request for the configured front door, send it, decode the envelope. Adds the business
 * scope where the API takes it. A library object: no printing, no picocli, no exit.
 */
public final class ApiClient implements AutoCloseable {
    private final ClientConfig cfg;
    private final RequestFactory requests;
    private final Transport transport;

    public ApiClient(ClientConfig cfg) {
        this.cfg = cfg;
        this.requests = new RequestFactory(cfg);
        this.transport = new Transport(cfg, new Redactor(cfg.credentials().secrets()));
    }

    public ClientConfig config() {
        return cfg;
    }

    /**
     * Calls an endpoint and returns the whole decoded body (envelope included: {@code data}, top-level {@code count},
     * ids). {@code what} names the action in an operator's words for error messages, e.g. "start task 12".
     */
    public JsonNode call(Endpoint e, Map<String, Object> params, String what) {
        return call(e, params, Text.of("errors.api.what", what));
    }

    /** The same with the action as a text of the catalogue (errors.api.what.*), said in the run's language. */
    public JsonNode call(Endpoint e, Map<String, Object> params, Text what) {
        if (cfg.door() == FrontDoor.APIGW && !e.onGateway()) {
            throw new ApiException(ApiException.Kind.USAGE, e.name(), null, null, null, null,
                    Text.of("errors.api.not-on-gateway", what, e.name()), null);
        }
        if (cfg.door() == FrontDoor.ESB && !e.onEsb()) {
            throw new ApiException(ApiException.Kind.USAGE, e.name(), null, null, null, null,
                    Text.of("errors.api.only-on-gateway", what, e.name()), null);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        if (e.scoped()) {
            if (cfg.biz() == null || cfg.biz().isBlank()) {
                throw new ApiException(ApiException.Kind.USAGE, e.name(), Text.of("errors.api.no-biz", what), null);
            }
            if (e.service() == Endpoint.Service.SOPS) {
                all.put("bk_biz_id", cfg.biz());
                all.put("scope", cfg.scope() == null ? "cmdb_biz" : cfg.scope());
            }
        }
        all.putAll(params);
        RequestFactory.Built built = requests.build(e, all);
        transport.traceBody(built.request(), built.body());
        Transport.RawResponse r = transport.exchange(e, built.request(), what);
        JsonNode body = Envelope.decode(e, r, what);
        Shapes.check(e, r, body, what);
        lastRequestId = Envelope.requestId(r, body);
        return body;
    }

    private String lastRequestId;

    /**
     * Bounds every later call by a deadline {@code fromNow} (a wait's), whatever the per-call timeout; null clears it.
     * {@code name} names it in messages, e.g. "the wait's --timeout 3s" (a String, or a Text of the catalogue).
     */
    public void deadline(java.time.Duration fromNow, Object name) {
        transport.outerDeadline(fromNow, name);
    }

    /** The request id of the last successful call (gateway header, else the body's ids), for reports like doctor's. */
    public String lastRequestId() {
        return lastRequestId;
    }

    /** Like {@link #call} but returns the envelope's {@code data} (MissingNode when the API sends none). */
    public JsonNode data(Endpoint e, Map<String, Object> params, String what) {
        return Envelope.data(call(e, params, what));
    }

    public JsonNode data(Endpoint e, Map<String, Object> params, Text what) {
        return Envelope.data(call(e, params, what));
    }

    @Override
    public void close() {
        transport.close();
    }
}
