package bkops.cli.docs;

import bkops.cli.Cli;
import bkops.cli.CliContext;
import bkops.i18n.Messages;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes completions/ and man/ from the command classes (run by bin/gen-docs). A test regenerates them in memory and
 * fails when the committed files are stale.
 */
public final class GenerateDocs {
    private GenerateDocs() {}

    /** The directories of the man pages, English and Chinese (man -L zh_CN reads the second). */
    static final Map<String, Messages> MAN_DIRS = Map.of("man/man1/", Messages.ENGLISH, "man/zh_CN/man1/", Messages.CHINESE);

    /** Relative path (completions/bkops.bash, man/man1/bkops.1, man/zh_CN/man1/bkops.1...) to content. */
    public static Map<String, String> files() {
        CliContext quiet = new CliContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                InputStreamHolder.EMPTY, Map.of(), false, false, CliContext.Sleeper.REAL);
        CommandLine root = Cli.build(quiet);
        Map<String, String> files = new LinkedHashMap<>();
        files.put("completions/bkops.bash", Completions.bash(root));
        files.put("completions/_bkops", Completions.zsh(root));
        ManPages.generate(root).forEach((name, text) -> files.put("man/man1/" + name, text));
        // a tree of its own: the Chinese pages localize its help
        ManPages.generate(Cli.build(quiet), Messages.CHINESE).forEach((name, text) -> files.put("man/zh_CN/man1/" + name, text));
        return files;
    }

    public static void main(String[] args) throws IOException {
        Path base = Path.of(args.length > 0 ? args[0] : ".");
        Map<String, String> files = files();
        // Remove pages of commands that no longer exist.
        for (String dir : MAN_DIRS.keySet()) {
            Path man = base.resolve(dir);
            if (Files.isDirectory(man)) {
                try (var s = Files.list(man)) {
                    for (Path p : s.toList()) {
                        if (!files.containsKey(dir + p.getFileName())) {
                            Files.delete(p);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = base.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + files.size() + " files under " + base.toAbsolutePath().normalize());
    }

    private static final class InputStreamHolder {
        static final java.io.InputStream EMPTY = java.io.InputStream.nullInputStream();
    }
}
