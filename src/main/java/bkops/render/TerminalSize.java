package bkops.render;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The size of the terminal on stdout, asked again at each use (it changes when the window is resized). Redrawing in
 * place needs it: a frame taller or wider than the screen scrolls or wraps, and the next frame then lands below it.
 */
@FunctionalInterface
public interface TerminalSize {
    /** Columns and lines; 0 when that one is not known. */
    record Size(int columns, int lines) {
        public boolean known() {
            return columns > 0 && lines > 0;
        }
    }

    /** The current size, {@code Size(0, 0)} when it cannot be told. */
    Size get();

    TerminalSize UNKNOWN = () -> new Size(0, 0);

    static TerminalSize fixed(int columns, int lines) {
        Size s = new Size(Math.max(0, columns), Math.max(0, lines));
        return () -> s;
    }

    /** COLUMNS and LINES, as set by the user (or a test); nothing else is asked. */
    static TerminalSize fromEnv(Map<String, String> env) {
        return fixed(positive(env.get("COLUMNS")), positive(env.get("LINES")));
    }

    /** COLUMNS/LINES when set, each; otherwise the terminal itself (ioctl on stdout, else `stty size` on /dev/tty). */
    static TerminalSize system(Map<String, String> env) {
        Size given = fromEnv(env).get();
        if (given.known()) {
            return () -> given;
        }
        return () -> {
            Size asked = Ask.terminal();
            return new Size(given.columns() > 0 ? given.columns() : asked.columns(),
                    given.lines() > 0 ? given.lines() : asked.lines());
        };
    }

    private static int positive(String s) {
        try {
            int n = s == null ? 0 : Integer.parseInt(s.trim());
            return n > 0 && n < 100_000 ? n : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Asking the terminal; a holder class so that jansi's native code loads only when a size is really asked for. */
    final class Ask {
        private Ask() {}

        static Size terminal() {
            try {
                if (org.fusesource.jansi.internal.CLibrary.LOADED) {
                    var ws = new org.fusesource.jansi.internal.CLibrary.WinSize();
                    if (org.fusesource.jansi.internal.CLibrary.ioctl(org.fusesource.jansi.internal.CLibrary.STDOUT_FILENO,
                            org.fusesource.jansi.internal.CLibrary.TIOCGWINSZ, ws) == 0 && ws.ws_col > 0 && ws.ws_row > 0) {
                        return new Size(ws.ws_col, ws.ws_row);
                    }
                }
            } catch (LinkageError | RuntimeException e) {
                // no native library for this platform (or no temp directory to unpack it): ask stty instead
            }
            return stty();
        }

        /** `stty size < /dev/tty`: "LINES COLUMNS" of the controlling terminal. */
        private static Size stty() {
            try {
                Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    p.destroy();
                    return new Size(0, 0);
                }
                String[] f = out.split("\\s+");
                return f.length == 2 ? new Size(positive(f[1]), positive(f[0])) : new Size(0, 0);
            } catch (IOException e) {
                return new Size(0, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Size(0, 0);
            }
        }
    }
}
