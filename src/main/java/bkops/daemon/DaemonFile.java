package bkops.daemon;

import bkops.config.XdgPaths;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where a running daemon says how to reach it: port, token and pid as key=value lines that the bash client reads.
 * The token is the only secret; the file is 0600 in a 0700 directory so only this user can read it.
 */
public record DaemonFile(int port, String token, long pid) {

    /** {@code $XDG_RUNTIME_DIR/bkops/daemon}, else {@code ~/.cache/bkops/daemon} ({@link XdgPaths}, as bin/bkops). */
    public static Path location(Map<String, String> env) {
        return XdgPaths.daemonFile(env);
    }

    public void write(Path file) throws IOException {
        Path dir = file.getParent();
        Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        Path tmp = Files.createTempFile(dir, "daemon", ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(tmp, "port=" + port + "\ntoken=" + token + "\npid=" + pid + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The file's contents, or empty when there is no readable, complete file. */
    public static Optional<DaemonFile> read(Path file) {
        Map<String, String> kv = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    kv.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            return Optional.of(new DaemonFile(Integer.parseInt(kv.get("port")), kv.get("token"),
                    Long.parseLong(kv.get("pid"))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "DaemonFile[port=" + port + ", pid=" + pid + "]"; // never the token
    }
}
