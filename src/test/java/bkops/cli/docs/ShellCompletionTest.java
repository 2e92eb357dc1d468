package bkops.cli.docs;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** Loads the committed completion scripts into real shells and checks what they offer for partial command lines. */
class ShellCompletionTest {
    @TempDir
    Path tmp;

    /** Runs the bash completion function for a command line typed up to the cursor (last word = the partial one). */
    private List<String> bash(String... words) throws IOException, InterruptedException {
        StringBuilder arr = new StringBuilder();
        for (String w : words) {
            arr.append('\'').append(w.replace("'", "'\\''")).append("' ");
        }
        String script = "source completions/bkops.bash\n"
                + "COMP_WORDS=(" + arr + ")\nCOMP_CWORD=" + (words.length - 1) + "\n_bkops\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return run(List.of("bash", "--norc", "--noprofile", "-c", script));
    }

    private List<String> run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("HOME", tmp.toString());
        // A PATH without bkops: live completion must give up silently, never hang.
        pb.environment().put("PATH", "/usr/bin:/bin");
        Process p = pb.start();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "completion finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        return Arrays.stream(out.split("\n")).filter(s -> !s.isBlank()).sorted().toList();
    }

    @Test
    void completesNounsVerbsOptionsAndEnumeratedValues() throws Exception {
        assertEquals(List.of("completion", "config"), bash("bkops", "co"));
        assertEquals(List.of("profiles"), bash("bkops", "config", "pro"));
        assertTrue(bash("bkops", "config", "view", "--").containsAll(List.of("--output", "--profile", "--help")));
        assertEquals(List.of("json", "jsonl"), bash("bkops", "config", "view", "-o", "js"));
        assertEquals(List.of("esb"), bash("bkops", "--gateway", "e"));
        assertEquals(List.of("bash"), bash("bkops", "completion", "ba"));
        // a global option's value is skipped when finding the command path
        assertEquals(List.of("view"), bash("bkops", "-p", "prod", "config", "vi"));
    }

    @Test
    void liveIdsComeFromTheCacheAndNothingHangsWithoutIt() throws Exception {
        Assumptions.assumeTrue(Files.readString(Path.of("completions/bkops.bash")).contains("@templates"),
                "no command takes a TEMPLATE yet");
        Path cache = tmp.resolve("cache/bkops/complete");
        Files.createDirectories(cache);
        Files.writeString(cache.resolve("_.templates"), "3\t发布 nginx\n31\tlinear flow\n");
        assertEquals(List.of("3", "31"), bash("bkops", "template", "show", "3"));
        Files.delete(cache.resolve("_.templates"));
        assertEquals(List.of(), bash("bkops", "template", "show", ""), "offline and unconfigured: nothing, quickly");
    }

    @Test
    void zshScriptLoadsAndOffersCommands() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")),
                "zsh is not installed on this machine");
        String script = "autoload -Uz compinit && compinit -u -d " + tmp.resolve("zcompdump") + "\n"
                + "source completions/_bkops\n"
                + "print -r -- $(_bkops_subnames '')\n"
                + "print -r -- $(_bkops_values 'config view' '-o')\n";
        List<String> out = run(List.of("zsh", "-f", "-c", script));
        assertTrue(out.stream().anyMatch(l -> l.contains("config") && l.contains("completion")), out.toString());
        assertTrue(out.stream().anyMatch(l -> l.contains("json") && l.contains("yaml")), out.toString());
    }
}
