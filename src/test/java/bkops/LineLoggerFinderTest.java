package bkops;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JVM's System.Logger backend is bkops's own (no java.util.logging start-up), one line per warning. */
class LineLoggerFinderTest {
    @Test
    void theServiceIsWhatTheJvmUses() {
        assertTrue(System.LoggerFinder.getLoggerFinder() instanceof LineLoggerFinder,
                System.LoggerFinder.getLoggerFinder().getClass().getName());
    }

    @Test
    void warningsAreOneLineMethanolsAndInfoAreNot() {
        String err = captureErr(() -> {
            System.getLogger("jdk.example").log(System.Logger.Level.WARNING, "first\nsecond {0}", "x");
            System.getLogger("jdk.example").log(System.Logger.Level.ERROR, "failed", new IllegalStateException("why"));
            System.getLogger("jdk.example").log(System.Logger.Level.INFO, "not shown");
            System.getLogger("com.github.mizosoft.methanol.Methanol").log(System.Logger.Level.WARNING, "dropped");
            System.getLogger("com.github.mizosoft.methanol.internal.Decoder").log(System.Logger.Level.ERROR, "gone");
        });
        assertEquals("bkops: jdk.example: first second x\n"
                + "bkops: jdk.example: failed: java.lang.IllegalStateException: why\n", err);
        assertFalse(System.getLogger("com.github.mizosoft.methanol.Methanol").isLoggable(System.Logger.Level.ERROR));
    }

    private static String captureErr(Runnable r) {
        PrintStream saved = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            r.run();
        } finally {
            System.setErr(saved);
        }
        return buf.toString(StandardCharsets.UTF_8);
    }
}
