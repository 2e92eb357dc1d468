package bkops.cron;

import java.time.LocalDateTime;
import java.time.ZonedDateTime;

/**
 * One upcoming match of a schedule: the local wall-clock time and the instant it happens. A SKIPPED local time falls
 * in a daylight-saving gap and does not run ({@code at} is where the clocks put it); REPEATED is its second run in the
 * hour the clocks go back over.
 */
public record Fire(LocalDateTime local, ZonedDateTime at, Kind kind) {
    public enum Kind { NORMAL, REPEATED, SKIPPED }
}
