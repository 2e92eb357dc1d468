package bkops.cli;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which of stdin (0), stdout (1) and stderr (2) is a terminal, each on its own. System.console() cannot tell: up to JDK
 * 21 it is null unless stdin and stdout both are terminals, from JDK 22 it is there even when both are redirected.
 * bin/bkops says it for nothing ({@code -Dbkops.tty=0,1,2}, the shell's [ -t N ]); run another way, jansi's isatty asks
 * the system, loaded only then (a holder class), so a run through the launcher never loads native code for it.
 */
public final class Terminals {
    private Terminals() {}

    /** The launcher's list, e.g. "0,1"; "" when none is a terminal; null when not started by the launcher. */
    static final String PROPERTY = "bkops.tty";

    public static boolean isTerminal(int fd) {
        String told = System.getProperty(PROPERTY);
        if (told != null) {
            return Arrays.asList(told.split(",")).contains(String.valueOf(fd));
        }
        return Ask.isatty(fd);
    }

    /**
     * On a Windows console, ANSI sequences become console calls (jansi's AnsiConsole); only when stdout is a terminal
     * there, so a pipe never pays for it and elsewhere nothing is loaded.
     */
    public static void installWindowsConsole(boolean stdoutIsTerminal) {
        if (stdoutIsTerminal && System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
            try {
                org.fusesource.jansi.AnsiConsole.systemInstall();
            } catch (LinkageError | RuntimeException e) {
                // no native library: the sequences go out as they are (Windows Terminal understands them)
            }
        }
    }

    private static final class Ask {
        static boolean isatty(int fd) {
            try {
                if (org.fusesource.jansi.internal.CLibrary.LOADED) {
                    return org.fusesource.jansi.internal.CLibrary.isatty(fd) == 1;
                }
            } catch (LinkageError | RuntimeException e) {
                // no native library for this platform: fall back on what the JDK says below
            }
            return System.console() != null; // up to JDK 21: stdin and stdout both terminals
        }
    }
}
