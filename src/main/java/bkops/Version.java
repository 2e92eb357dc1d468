package bkops;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/** This build's version and commit, written into resources at build time: for --version, the man pages, User-Agent. */
public final class Version {
    private Version() {}

    /** "1.2.0 (commit abc1234)"; "unknown" for what the build did not write. */
    public static String full() {
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
