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

    /** Holds a partial line until its end (or a flush), so a secret is never split across two checks. */
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
                int start = pending.length();
                pending.append(str, off, off + len);
                // only the new text is searched: a long line written in pieces is not scanned again and again
                int nl = str.lastIndexOf('\n', off + len - 1);
                if (nl >= off) {
                    emit(start + nl - off + 1);
                }
            }
        }

        private void emit(int upTo) {
            target.write(clean(pending.substring(0, upTo), stderr));
            pending.delete(0, upTo);
        }

        /** A stream closed underneath (stdout piped to head) still shows in the guarded writer's checkError(). */
        @Override
        public void flush() throws IOException {
            synchronized (lock) {
                if (pending.length() > 0) {
                    emit(pending.length());
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
