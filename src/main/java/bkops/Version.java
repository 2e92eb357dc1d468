package bkops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** This build's version and commit, written into resources at build time: for --version, the man pages, User-Agent. */
public final class Version {
    private Version() {}

    /**
     * "1.2.0 (commit abc1234)"; "unknown" for what the build did not write. Read once per JVM: picocli asks for the
     * version of every command it adds (scope INHERIT copies it), so a `task status` read the two resources from the
     * jar some 30 times before sending anything.
     */
    public static String full() {
        return Once.VERSION;
    }

    private static final class Once {
        static final String VERSION = read();
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/bkops/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        String v = p.getProperty("version", "unknown");
        String c = "unknown";
        try (InputStream in = Version.class.getResourceAsStream("/bkops/commit.txt")) {
            if (in != null) {
                String s = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                if (!s.isEmpty()) {
                    c = s;
                }
            }
        } catch (IOException ignored) {
            // stays unknown
        }
        return v + " (commit " + c + ")";
    }

    /** The version alone, e.g. "1.2.0". */
    public static String number() {
        return full().split(" ")[0];
    }
}
