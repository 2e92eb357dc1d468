package bkops.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Options of the {@link TestSandbox} a {@link BkopsTest} field or parameter gets. */
@Target({ElementType.FIELD, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
public @interface SandboxConfig {
    /** The server's read caches (10 s status, 60 s detail): on, as on the real server, unless a test needs them off. */
    boolean caches() default true;

    /** Where the manual clock starts, an ISO instant: for tests written against another date than TestEnv.EPOCH. */
    String epoch() default "2026-11-25T02:00:00Z";
}
