package bkops.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The jar a daemon was started from, as it was then: a rebuilt or reinstalled jar means the daemon must go. */
record JarIdentity(Path path, long size, long modifiedMillis) {

    static JarIdentity of(Path jar) throws IOException {
        Path real = jar.toRealPath();
        return new JarIdentity(real, Files.size(real), Files.getLastModifiedTime(real).toMillis());
    }

    /** Whether the jar on disk is still the one this daemon runs. */
    boolean unchanged() {
        try {
            return equals(of(path));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a client that would run {@code jar} may be served by this daemon. */
    boolean serves(String jar) {
        try {
            return path.equals(Path.of(jar).toRealPath()) && unchanged();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
