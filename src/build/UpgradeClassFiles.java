import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Build step (package phase, after shading; run by the source launcher with ASM on the class path): rewrites the class
 * files of the shaded jar that are older than Java 6 -- picocli 4.7.7 ships Java 5 class files (major version 49) --
 * as Java 8 class files with stack map frames. The JVM cannot put a pre-Java-6 class into a class-data archive or an
 * AOT cache ("Skipping picocli/CommandLine: Old class has been linked", JDK 25 -Xlog:aot) and verifies it with the old
 * type-inferencing verifier, so every start of bkops loaded, parsed and verified the ~180 picocli classes it uses
 * from the jar. Only the version and the frames change, never an instruction; each rewritten class is then loaded and
 * linked by the JVM's own verifier, and any VerifyError fails the build.
 *
 * Usage: java -cp asm.jar src/build/UpgradeClassFiles.java target/bkops.jar
 */
public final class UpgradeClassFiles {
    private static final int JAVA_6 = 50;

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        List<String> upgraded = new ArrayList<>();
        try (URLClassLoader types = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader());
             ZipInputStream in = new ZipInputStream(Files.newInputStream(jar));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] b = in.readAllBytes();
                if (e.getName().endsWith(".class") && b.length > 8 && (b[6] & 0xff) == 0 && (b[7] & 0xff) < JAVA_6) {
                    b = upgrade(b, types);
                    upgraded.add(e.getName());
                }
                ZipEntry o = new ZipEntry(e.getName());
                o.setTime(e.getTime()); // the same bytes give the same jar: no build time in it
                out.putNextEntry(o);
                out.write(b);
                out.closeEntry();
            }
        }
        verify(tmp, upgraded);
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("upgraded " + upgraded.size() + " class files older than Java 6 to Java 8 in " + jar);
    }

    private static byte[] upgrade(byte[] b, ClassLoader types) {
        ClassWriter w = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            /** The frames' merged types, from the jar's own classes and the JDK's, never initialised. */
            @Override
            protected String getCommonSuperClass(String a, String c) {
                try {
                    Class<?> x = Class.forName(a.replace('/', '.'), false, types);
                    Class<?> y = Class.forName(c.replace('/', '.'), false, types);
                    if (x.isAssignableFrom(y)) {
                        return a;
                    }
                    if (y.isAssignableFrom(x)) {
                        return c;
                    }
                    if (x.isInterface() || y.isInterface()) {
                        return "java/lang/Object";
                    }
                    do {
                        x = x.getSuperclass();
                    } while (!x.isAssignableFrom(y));
                    return x.getName().replace('.', '/');
                } catch (ClassNotFoundException ex) {
                    throw new IllegalStateException("cannot resolve " + ex.getMessage() + " to compute frames", ex);
                }
            }
        };
        new ClassReader(b).accept(new ClassVisitor(Opcodes.ASM9, w) {
            @Override
            public void visit(int version, int access, String name, String sig, String superName, String[] itfs) {
                super.visit(Opcodes.V1_8, access, name, sig, superName, itfs);
            }
        }, ClassReader.SKIP_FRAMES);
        return w.toByteArray();
    }

    /** Loads and links every rewritten class with the split verifier, as the JVM will at run time. */
    private static void verify(Path jar, List<String> classes) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (String file : classes) {
                String name = file.substring(0, file.length() - ".class".length()).replace('/', '.');
                try {
                    Class.forName(name, true, loader);
                } catch (VerifyError | ClassFormatError bad) {
                    Files.deleteIfExists(jar);
                    throw new IllegalStateException("rewritten " + name + " does not verify: " + bad, bad);
                } catch (ClassNotFoundException | LinkageError other) {
                    // initialising it needed something absent here (an optional JDK module): linking was not the issue
                }
            }
        }
    }
}
