package bkops.sandbox;

import java.time.Instant;

/** The sandbox's notion of "now": simulated progress is computed from it when a request arrives. */
public interface SandboxClock {
    Instant now();
}
