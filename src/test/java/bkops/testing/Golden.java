package bkops.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files: expected output kept under src/test/resources/golden/ (by area: task/, job/, node/, periodic/, and
 * the renderers' at the top). A test compares what it printed with its golden file; a missing one is written and the
 * test fails, so that it is reviewed before it is trusted.
 * <p>
 * After a change of output that you have reviewed, rewrite them and look at the diff before committing:
 * {@code mvn -B -o test -Dgolden.update=true} (or with {@code -Dtest=SomeTest} for one class's goldens).
 */
public final class Golden {
    private static final Path DIR = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    /** Compares {@code actual} with golden/{@code name} (e.g. "job/log-failed-hosts.txt"). */
    public static void assertMatches(String name, String actual) {
        Path file = DIR.resolve(name);
        boolean update = Boolean.getBoolean("golden.update");
        try {
            if (update || !Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                if (!update) {
                    throw new AssertionError("golden file was missing and has been written; review it: " + file);
                }
                return;
            }
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
                    "golden " + name + " (after a reviewed change: -Dgolden.update=true rewrites it)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
