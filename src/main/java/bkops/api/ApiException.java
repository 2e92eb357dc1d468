package bkops.api;

import bkops.i18n.Localized;
import bkops.i18n.Text;

/**
 * Every failure of a call to SOPS or Job, already classified. The message is one line in an operator's words;
 * code, server message and request id are kept separately so the CLI can print them and scripts can read them.
 */
public class ApiException extends RuntimeException implements Localized {

    /** What kind of failure, which decides the exit code. */
    public enum Kind {
        /** The API answered result:false for a business reason (wrong state, invalid parameter). */
        REFUSED,
        /** Credentials rejected, permission denied (gateway 401/403, credential 400s, IAM denial). */
        AUTH,
        /** The template, task, node, job or step does not exist. */
        NOT_FOUND,
        /** Could not get an answer that is the API's JSON: connection, timeout, TLS, 5xx, HTML, truncated body. */
        TRANSPORT,
        /** The request itself was malformed as seen by the gateway (bad path/method) - a bug or bad input. */
        USAGE
    }

    private final Kind kind;
    private final String api;
    private final Integer httpStatus;
    private final String code;
    private final String serverMessage;
    private final String requestId;

    public ApiException(Kind kind, String api, Integer httpStatus, String code, String serverMessage,
                        String requestId, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.api = api;
        this.httpStatus = httpStatus;
        this.code = code;
        this.serverMessage = serverMessage;
        this.requestId = requestId;
    }

    public ApiException(Kind kind, String api, String message, Throwable cause) {
        this(kind, api, null, null, null, null, message, cause);
    }

    /** The same with our words as a text of the catalogue (errors.api.*): getMessage() is its English. */
    public ApiException(Kind kind, String api, Integer httpStatus, String code, String serverMessage,
                        String requestId, Text text, Throwable cause) {
        this(kind, api, httpStatus, code, serverMessage, requestId, text.english(), cause);
        this.text = text;
    }

    public ApiException(Kind kind, String api, Text text, Throwable cause) {
        this(kind, api, null, null, null, null, text, cause);
    }

    private Text text;

    /** The message in the run's language (the server's message, code and request id inside it as they came). */
    @Override
    public Text text() {
        return text;
    }

    public Kind kind() { return kind; }
    public String api() { return api; }
    public Integer httpStatus() { return httpStatus; }
    /** The server's error code (SOPS 35xxxxx, Job 12xxxxx, gateway 16xxxxx, IAM 9900403), or null. */
    public String code() { return code; }
    public String serverMessage() { return serverMessage; }
    public String requestId() { return requestId; }
}
