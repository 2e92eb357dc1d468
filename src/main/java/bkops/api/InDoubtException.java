package bkops.api;

/**
 * A state-changing call whose outcome is unknown: the request may have reached the server (timeout after sending,
 * connection dropped). It is never retried; the caller reads the state back and tells the operator what it found.
 */
public final class InDoubtException extends ApiException {
    public InDoubtException(String api, String message, Throwable cause) {
        super(Kind.TRANSPORT, api, message, cause);
    }
}
