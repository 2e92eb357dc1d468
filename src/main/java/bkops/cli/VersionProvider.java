package bkops.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Version and commit, written into a resource at build time. */
public final class VersionProvider implements IVersionProvider {
    /**
     * Read once per JVM: picocli asks for the version of every command it adds (scope INHERIT copies it), so a
     * `task status` read the two resources from the jar some 30 times before sending anything.
     */
    public static String version() {
        return Once.VERSION;
    }

    private static final class Once {
        static final String VERSION = read();
    }

    private static String read() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/bkops/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        String v = p.getProperty("version", "unknown");
        String c = "unknown";
        try (InputStream in = VersionProvider.class.getResourceAsStream("/bkops/commit.txt")) {
            if (in != null) {
                String s = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
                if (!s.isEmpty()) {
                    c = s;
                }
            }
        } catch (IOException ignored) {
            // stays unknown
        }
        return v + " (commit " + c + ")";
    }

    @Override
    public String[] getVersion() {
        return new String[] {"bkops " + version(), "Java " + System.getProperty("java.version")};
    }
}
