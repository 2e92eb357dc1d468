package bkops.api;

/**
 * A state-changing call whose outcome is unknown: the request may have reached the server (timeout after sending,
 * connection dropped). It is never retried; the caller reads the state back and tells the operator what it found.
 */
public final class InDoubtException extends ApiException {
    public InDoubtException(String api, String message, Throwable cause) {
        super(Kind.TRANSPORT, api, message, cause);
    }

    public InDoubtException(String api, bkops.i18n.Text text, Throwable cause) {
        super(Kind.TRANSPORT, api, text, cause);
    }

    public InDoubtException(String api, int status, String code, String requestId, bkops.i18n.Text text) {
        super(Kind.TRANSPORT, api, status, code, null, requestId, text, null);
    }

    /** An answer that does not tell (a gateway 502/504, a cut-off body), with its status, code and request id. */
    public InDoubtException(String api, int status, String code, String requestId, String message) {
        super(Kind.TRANSPORT, api, status, code, null, requestId, message, null);
    }
}
