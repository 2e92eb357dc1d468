package bkops.testing;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/** What {@link BkopsTest} does: makes the fields and parameters it describes, and closes them with their scope. */
final class BkopsExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BkopsExtension.class);

    @Override
    public void beforeAll(ExtensionContext ctx) throws Exception {
        inject(ctx, null, ctx.getRequiredTestClass());
        if (perClass(ctx)) { // one instance for all the tests: its fields are the class's
            inject(ctx, ctx.getRequiredTestInstance(), ctx.getRequiredTestClass());
        }
    }

    @Override
    public void beforeEach(ExtensionContext ctx) throws Exception {
        if (!perClass(ctx)) {
            for (Object instance : ctx.getRequiredTestInstances().getAllInstances()) {
                inject(ctx, instance, instance.getClass());
            }
        }
    }

    private static boolean perClass(ExtensionContext ctx) {
        return ctx.getTestInstanceLifecycle().orElse(TestInstance.Lifecycle.PER_METHOD) == TestInstance.Lifecycle.PER_CLASS;
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext ctx) {
        return injectable(p.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext ctx) {
        return make(p.getParameter().getType(), p.getParameter(), ctx);
    }

    private static boolean injectable(Class<?> type) {
        return type == TestSandbox.class || type == TestEnv.class;
    }

    /** Static fields when {@code instance} is null, else the instance's own. */
    private static void inject(ExtensionContext ctx, Object instance, Class<?> type) throws IllegalAccessException {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                boolean isStatic = Modifier.isStatic(f.getModifiers());
                if (injectable(f.getType()) && isStatic == (instance == null) && !Modifier.isFinal(f.getModifiers())) {
                    f.setAccessible(true);
                    f.set(instance, make(f.getType(), f, ctx));
                }
            }
        }
    }

    /** A new one in a temp dir of its own; both are gone when {@code ctx} ends (the class, or the test). */
    private static Object make(Class<?> type, AnnotatedElement where, ExtensionContext ctx) {
        Path home;
        try {
            home = Files.createTempDirectory("bkops-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExtensionContext.Store store = ctx.getStore(NS);
        store.put(new Object(), (AutoCloseable) () -> delete(home));
        if (type == TestEnv.class) {
            return TestEnv.in(home);
        }
        SandboxConfig config = where.getAnnotation(SandboxConfig.class);
        TestSandbox sb = config == null ? TestSandbox.start(home)
                : TestSandbox.start(home, home.resolve("state"), config.caches(), Instant.parse(config.epoch()));
        store.put(new Object(), (AutoCloseable) sb::close); // closed before its directory goes (reverse order)
        return sb;
    }

    private static void delete(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // best effort: a temp dir left behind is not a test failure
        }
    }
}
