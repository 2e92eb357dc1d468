package bkops.api;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything the API layer needs to know, already resolved (no flags, no environment here).
 * {@code scope} is cmdb_biz or project; {@code trace} receives masked diagnostics (may be {@link Trace#NONE}); {@code sleeper} waits between retries.
 * {@code writesRefused}: null, or why no state-changing request may leave (a read-only profile), in words.
 */
public record ClientConfig(String sopsUrl, String jobUrl, FrontDoor door, String biz, String scope,
                           Credentials credentials, Duration connectTimeout, Duration timeout, int retries,
                           boolean insecure, Path caCert, Trace trace, Sleeper sleeper, String writesRefused) {

    /** A configuration that lets writes leave. */
    public ClientConfig(String sopsUrl, String jobUrl, FrontDoor door, String biz, String scope, Credentials credentials,
                        Duration connectTimeout, Duration timeout, int retries, boolean insecure, Path caCert,
                        Trace trace, Sleeper sleeper) {
        this(sopsUrl, jobUrl, door, biz, scope, credentials, connectTimeout, timeout, retries, insecure, caCert, trace,
                sleeper, null);
    }

    /** A configuration whose retries wait by sleeping. */
    public ClientConfig(String sopsUrl, String jobUrl, FrontDoor door, String biz, String scope, Credentials credentials,
                        Duration connectTimeout, Duration timeout, int retries, boolean insecure, Path caCert,
                        Trace trace) {
        this(sopsUrl, jobUrl, door, biz, scope, credentials, connectTimeout, timeout, retries, insecure, caCert, trace,
                Sleeper.REAL);
    }

    /** Diagnostics sink; the transport masks secrets before calling it. */
    public interface Trace {
        /** One line for -v: what was sent, what came back, what is retried and why. */
        void verbose(String line);

        /** Wire detail for --debug: headers and bodies. */
        void debug(String line);

        boolean verboseEnabled();

        boolean debugEnabled();

        Trace NONE = new Trace() {
            public void verbose(String line) {}
            public void debug(String line) {}
            public boolean verboseEnabled() { return false; }
            public boolean debugEnabled() { return false; }
        };
    }
}
