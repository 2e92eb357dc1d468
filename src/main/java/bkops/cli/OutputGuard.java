package bkops.cli;

import bkops.api.Redactor;
import bkops.render.TerminalText;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The one place everything bkops prints passes through. Both streams mask the values of the secrets in use (app secret,
 * bk_token, access token: registered once the settings are resolved) wherever they appear; stderr -- errors, warnings,
 * -v and --debug traces, stack traces -- also goes through the {@link Redactor}'s patterns (a credential we were never
 * told about, echoed by a server) and loses the control characters a server's text could carry, keeping bkops's own
 * colours. stdout keeps its bytes otherwise: JSON and YAML are exact, and the renderers clean what they show.
 */
final class OutputGuard {
    private final Set<String> secrets = new CopyOnWriteArraySet<>();
    private volatile Redactor redactor = new Redactor(List.of());

    /** A secret in use from now on; values too short to mask without hiding ordinary text are left out. */
    void secret(String value) {
        if (value != null && value.length() >= 3 && secrets.add(value)) {
            redactor = new Redactor(List.copyOf(secrets));
        }
    }

    /** The context with both streams guarded. */
    CliContext guard(CliContext ctx) {
        return ctx.withStreams(new PrintWriter(new Guarded(ctx.out(), false), true),
                new PrintWriter(new Guarded(ctx.err(), true), true));
    }

    private String clean(String text, boolean stderr) {
        if (stderr) {
            return TerminalText.styled(redactor.mask(text));
        }
        String s = text;
        for (String secret : secrets) {
            s = s.replace(secret, "****");
        }
        return s;
    }

    /** Whether {@code s[from, to)} holds a secret: stdout is written through untouched (not copied) otherwise. */
    private boolean holdsSecret(String s, int from, int to) {
        for (String secret : secrets) {
            int i = s.indexOf(secret, from);
            if (i >= 0 && i + secret.length() <= to) {
                return true;
            }
        }
        return false;
    }

    /**
     * Cleans whole lines: a partial line is held until its end (or a flush), so a secret is never split across two
     * checks. Large output (a 30 MiB JSON answer) is passed on in place, without copies, when it holds no secret.
     */
    private final class Guarded extends Writer {
        private final PrintWriter target;
        private final boolean stderr;
        private final StringBuilder pending = new StringBuilder();

        Guarded(PrintWriter target, boolean stderr) {
            this.target = target;
            this.stderr = stderr;
        }

        @Override
        public void write(char[] buf, int off, int len) {
            write(new String(buf, off, len), 0, len);
        }

        @Override
        public void write(String str, int off, int len) {
            synchronized (lock) {
                int end = off + len;
                int last = str.lastIndexOf('\n', end - 1);
                if (last < off) {
                    pending.append(str, off, end);
                    return;
                }
                int from = off;
                if (pending.length() > 0) {
                    // finish the held line first
                    int first = str.indexOf('\n', off);
                    pending.append(str, off, first + 1);
                    emitPending();
                    from = first + 1;
                }
                if (from <= last) {
                    if (stderr || holdsSecret(str, from, last + 1)) {
                        target.write(clean(str.substring(from, last + 1), stderr));
                    } else {
                        target.write(str, from, last + 1 - from);
                    }
                }
                pending.append(str, last + 1, end);
            }
        }

        private void emitPending() {
            target.write(clean(pending.toString(), stderr));
            pending.setLength(0);
        }

        /** A stream closed underneath (stdout piped to head) still shows in the guarded writer's checkError(). */
        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                if (pending.length() > 0) {
                    emitPending();
                }
                if (target.checkError()) {
                    throw new IOException("the output stream failed");
                }
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
