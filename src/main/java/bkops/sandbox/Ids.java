package bkops.sandbox;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Random ids for request ids, trace ids and node versions: uniqueness matters here, unpredictability does not. */
final class Ids {
    private Ids() {}

    /** A version-4 style UUID without going through SecureRandom on every request. */
    static UUID uuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long hi = (r.nextLong() & ~0xF000L) | 0x4000L;
        long lo = (r.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(hi, lo);
    }

    /** 32 hex digits. */
    static String hex32() {
        return uuid().toString().replace("-", "");
    }
}
