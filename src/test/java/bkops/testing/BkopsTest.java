package bkops.testing;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The test fixture. A test class with this annotation gets, for each field or test-method parameter of these types:
 * <ul>
 *   <li>{@link TestSandbox}: a sandbox of its own on a loopback port (state in a temp dir, a manual clock starting at
 *       {@link TestEnv#EPOCH} and the server's caches on, unless {@link SandboxConfig} says otherwise), its environment and the command line run against it;
 *   <li>{@link TestEnv}: a private environment (a temp home with the XDG directories under it, a manual clock) and the
 *       command line, for tests with no sandbox or with a server of their own.
 * </ul>
 * A static field is made once for the class (before {@code @BeforeAll} methods) and closed after it; an instance field
 * or a parameter is made for each test (before {@code @BeforeEach} methods) and closed after it, except in a class
 * whose lifecycle is PER_CLASS, where instance fields are the class's. Temp dirs go with what they hold.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(BkopsExtension.class)
public @interface BkopsTest {
}
