package bkops.config;

import java.util.Locale;

/**
 * The guard rail of a profile (setting {@code protect}): what a state-changing request to its servers needs first.
 * Ordered from the loosest to the strictest.
 */
public enum Protect {
    /** Writes as usual: what cannot be undone is asked y/N (or --yes). */
    NONE,
    /** Destructive verbs and bulk actions need the profile's name: typed at the prompt, or --confirm-profile NAME. */
    CONFIRM,
    /** Every state-changing request is refused before it is sent; reads and --dry-run work as usual. */
    READ_ONLY;

    /** The value as written in the profile, in BKOPS_PROTECT and in {@code config view}: none, confirm, read-only. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The protection of a value {@link Key#PROTECT} has checked. */
    public static Protect of(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
