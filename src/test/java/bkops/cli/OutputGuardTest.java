package bkops.cli;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The writers every command prints through: secrets masked however the text is cut into writes. */
class OutputGuardTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final OutputGuard guard = new OutputGuard();
    private final CliContext ctx = guard.guard(new CliContext(new PrintWriter(out), new PrintWriter(err),
            InputStream.nullInputStream(), Map.of(), false, false, CliContext.Sleeper.REAL));

    @Test
    void aSecretIsMaskedEvenWhenWrittenInPieces() {
        guard.secret("s3cret-value");
        ctx.out().print("id 1 s3c");
        ctx.out().print("ret-val");
        ctx.out().println("ue and more");
        ctx.out().print("big\n".repeat(10_000) + "tail s3cret-value\nlast");
        ctx.out().flush();
        assertEquals("id 1 **** and more\n" + "big\n".repeat(10_000) + "tail ****\nlast", out.toString());
    }

    @Test
    void stderrIsRedactedAndCleanedStdoutKeepsItsBytes() {
        ctx.err().println("bkops: denied X-Bkapi-Authorization: {\"bk_app_secret\": \"x\"} \u001b]0;t\u0007 \u001b[31mred\u001b[0m");
        ctx.out().println("\u001b]0;t\u0007 data");
        ctx.err().flush();
        ctx.out().flush();
        assertEquals("bkops: denied X-Bkapi-Authorization: ****\n", err.toString());
        assertEquals("\u001b]0;t\u0007 data\n", out.toString(), "stdout is cleaned by the renderers, not here");
        err.getBuffer().setLength(0);
        ctx.err().println("plain \u001b]0;t\u0007 \u001b[31mred\u001b[0m");
        assertEquals("plain \\x1b]0;t\\x07 \u001b[31mred\u001b[0m\n", err.toString());
    }
}
