package bkops.cli.node;

import bkops.cli.BkopsCommand;
import bkops.cli.CliContext;
import bkops.cli.CliException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Asks before acting: --yes answers, a terminal is asked, anything else sends nothing (exit 2). */
final class Confirm {
    private Confirm() {}

    static void ask(BkopsCommand root, String question) {
        if (root.global.yes) {
            return;
        }
        CliContext ctx = root.context();
        if (!ctx.stdinIsTerminal()) {
            throw CliException.usage("nothing sent: " + question + " needs confirmation; add --yes (no terminal to ask on)");
        }
        ctx.err().print(question + " [y/N] ");
        ctx.err().flush();
        String answer;
        try {
            answer = new BufferedReader(new InputStreamReader(ctx.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String a = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
        if (!a.equals("y") && !a.equals("yes")) {
            throw CliException.usage("not confirmed; nothing sent");
        }
    }
}
