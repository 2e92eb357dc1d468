package bkops.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A runnable bkops jar made from the compiled classes, for tests that run bin/bkops with a real JVM (the packaged jar
 * does not exist yet when the tests run): the main classes inside, the runtime dependencies by absolute path in the
 * manifest's Class-Path, as `java -jar` and `java -cp` both honour.
 */
public final class LauncherJar {
    private LauncherJar() {}

    /** {@code dir/bkops.jar}, built from target/classes and the test JVM's class path. */
    public static Path build(Path dir) {
        Path classes = Path.of("target", "classes").toAbsolutePath();
        Path jar = dir.resolve("bkops.jar");
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "bkops.Main");
        m.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", dependencies()));
        try {
            Files.createDirectories(dir);
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, m);
                 Stream<Path> all = Files.walk(classes)) {
                for (Path p : all.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, out);
                    out.closeEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** The jars of this JVM's class path that bkops needs at run time, as file: URLs. */
    private static List<String> dependencies() {
        List<String> out = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String name = Path.of(entry).getFileName().toString();
            if (entry.endsWith(".jar") && !name.matches("(junit|opentest4j|apiguardian|surefire|common-java|"
                    + "maven-surefire).*")) {
                out.add(Path.of(entry).toAbsolutePath().toUri().toString());
            }
        }
        return out;
    }
}
