package bkops.daemon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The Java side of the protocol for `bkops daemon status|stop`: control requests, not commands. */
public final class DaemonClient {
    private DaemonClient() {}

    /** The running daemon's status fields (pid, port, uptime_seconds, served...), or empty when none answers. */
    public static Optional<Map<String, String>> status(Path daemonFile) {
        return request(daemonFile, "status").map(DaemonClient::parse);
    }

    /** Asks the daemon to stop; whether one answered. */
    public static boolean stop(Path daemonFile) {
        return request(daemonFile, "stop").isPresent();
    }

    private static Optional<String> request(Path daemonFile, String kind) {
        Optional<DaemonFile> f = DaemonFile.read(daemonFile);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), f.get().port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write((Wire.MAGIC + "\0" + f.get().token() + "\0" + kind + "\0").getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = s.getInputStream();
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            in.transferTo(buf);
            String reply = buf.toString(StandardCharsets.UTF_8);
            return reply.startsWith("ok\n") ? Optional.of(reply.substring(3)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> parse(String body) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : body.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                m.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return m;
    }
}
