package bkops.cli;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a command honours the global options it could otherwise ignore in silence: --dry-run, and -o with the formats
 * its {@link Result} can give. {@link Cli} reads it before running the command and refuses, with exit 2, what the
 * command cannot honour; {@link Output} picks the format from {@link #formats}; help, the completion scripts and the
 * man pages list them. Every command states it; one without it refuses both.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface GlobalUse {
    /** What --dry-run does here. */
    DryRun dryRun();

    /**
     * The -o formats the command's result can give, its default first. Empty: it prints no data (what it says goes
     * to stderr) and an explicit -o is refused.
     */
    OutputFormat[] formats() default {};

    enum DryRun {
        /** It shows what it would send or write, and sends and writes nothing ({@link bkops.cli.DryRun}). */
        PREVIEW,
        /** It only reads: it runs as usual, as nothing changes either way. */
        READS,
        /** It cannot show what it would do: --dry-run is refused. */
        REFUSED
    }
}
