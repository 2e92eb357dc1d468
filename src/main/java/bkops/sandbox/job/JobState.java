package bkops.sandbox.job;

/**
 * Everything the Job simulator remembers (SEAM: owned by the Job part). Must stay a plain Jackson-serialisable
 * object (public fields or getters/setters and a no-arg constructor) because the sandbox persists it in its state file.
 */
public class JobState {
    public long nextJobInstanceId = 20001;
}
