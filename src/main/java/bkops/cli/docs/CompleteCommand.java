package bkops.cli.docs;

import bkops.cli.BkopsCommand;
import bkops.cli.Session;
import bkops.config.XdgPaths;
import bkops.render.TerminalText;
import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Hidden helper of the completion scripts: prints "id<TAB>name" lines for templates, tasks or periodic tasks and
 * keeps them in a small cache that the scripts read without starting a JVM.
 */
@Command(name = "__complete", hidden = true, description = "Print ids for shell completion (used by the scripts).")
public final class CompleteCommand implements Runnable {
    enum Kind { templates, tasks, periodic }

    @ParentCommand
    BkopsCommand root;

    @Parameters(paramLabel = "KIND")
    Kind kind;

    @Override
    public void run() {
        Session s = root.session();
        StringBuilder sb = new StringBuilder();
        switch (kind) {
            case templates -> s.sops().templateList(false, null).forEach(t -> line(sb, t));
            case tasks -> s.sops().taskListPage(Map.of(), 100, 0).path("data").forEach(t -> line(sb, t));
            case periodic -> s.sops().periodicTaskList().forEach(t -> line(sb, t));
        }
        root.context().out().print(sb);
        root.context().out().flush();
        writeCache(sb.toString());
    }

    /**
     * Only a well-formed id enters the cache, and a name only as its description, cleaned: the scripts hand the ids to
     * the shell, so a server answering an id like {@code $(rm -rf ~)} must not reach it.
     */
    private static void line(StringBuilder sb, JsonNode item) {
        String id = id(item.path("id"));
        if (id == null) {
            return;
        }
        String name = TerminalText.line(item.path("name").asText(""));
        sb.append(id).append('\t').append(name).append('\n');
    }

    /** A template, task or periodic task id: a whole number, as a JSON number or a string of digits; else null. */
    static String id(JsonNode id) {
        String s = id.isIntegralNumber() || id.isTextual() ? id.asText() : "";
        return ID.matcher(s).matches() ? s : null;
    }

    private static final Pattern ID = Pattern.compile("[0-9]{1,19}");

    /** Same key as the scripts: the profile named by -p or BKOPS_PROFILE, "_" for the default selection. */
    private void writeCache(String text) {
        String prof = root.global.profile != null ? root.global.profile : root.context().env("BKOPS_PROFILE");
        String cache = root.context().env("XDG_CACHE_HOME");
        String home = root.context().env("HOME");
        if (cache == null && home == null) {
            return;
        }
        Path dir = XdgPaths.completionCache(root.context().env());
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "complete", ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve((prof == null ? "_" : prof) + "." + kind), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException ignored) {
            // a cache is an optimisation: never fail completion because of it
        }
    }
}
