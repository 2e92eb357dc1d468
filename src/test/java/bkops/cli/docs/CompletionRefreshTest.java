package bkops.cli.docs;

import bkops.testing.CliRun;
import bkops.testing.OutputLog;
import bkops.testing.Slow;
import bkops.testing.TestEnv;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Completion never waits for a JVM (issue 17): live ids come from the cache at once, and a cache that is missing or
 * old is refreshed in the background, one refresh at a time. The "bkops" on PATH here is a stand-in that logs its
 * arguments and then blocks until the test releases it: a completion that waited for it would never finish.
 */
@Slow
class CompletionRefreshTest {
    @TempDir
    Path tmp;
    private Path cache;
    private Path log;
    private Path go;

    @BeforeEach
    void fakeBkops() throws IOException {
        cache = Files.createDirectories(tmp.resolve("cache/bkops/complete"));
        log = tmp.resolve("refresh.log");
        go = tmp.resolve("go");
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path bkops = bin.resolve("bkops");
        // what `bkops [-p P] __complete KIND` does, once released: the ids go to the cache of that profile
        Files.writeString(bkops, "#!/bin/sh\n"
                + "printf '%s|' \"$@\" >> '" + log + "'; echo >> '" + log + "'\n"
                + "while [ ! -f '" + go + "' ]; do sleep 0.05; done\n"
                + "prof=_; [ \"$1\" = -p ] && prof=$2\n"
                + "printf '42\\tfresh\\n' > '" + cache + "'/$prof.templates.tmp\n"
                + "mv '" + cache + "'/$prof.templates.tmp '" + cache + "'/$prof.templates\n");
        Files.setPosixFilePermissions(bkops, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @AfterEach
    void release() throws IOException {
        Files.writeString(go, ""); // no stand-in outlives the test
    }

    private List<String> bash(String... words) throws IOException, InterruptedException {
        String script = "source completions/bkops.bash\nCOMP_WORDS=(" + quoted(words) + ")\nCOMP_CWORD="
                + (words.length - 1) + "\n_bkops\nprintf '%s\\n' \"${COMPREPLY[@]}\"\n";
        return run(List.of("bash", "--norc", "--noprofile", "-c", script));
    }

    /** zsh's completion builtins stubbed to print their candidates, as ShellCompletionTest does. */
    private List<String> zsh(String... words) throws IOException, InterruptedException {
        String script = "compdef() { :; }\nsource completions/_bkops\n"
                + "_describe() { local a=$4; [[ $1 == -t ]] || a=$3; print -rl -- \"${(@)${(P)a}}\"; }\n"
                + "compadd() { [[ $1 == -- ]] && shift; print -rl -- \"$@\"; }\ncompset() { :; }\n"
                + "words=(" + quoted(words) + "); CURRENT=" + words.length + "\n_bkops\n";
        return run(List.of("zsh", "-f", "-c", script));
    }

    private static String quoted(String... words) {
        StringBuilder arr = new StringBuilder();
        for (String w : words) {
            arr.append('\'').append(w.replace("'", "'\\''")).append("' ");
        }
        return arr.toString();
    }

    private List<String> run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("BKOPS_PROFILE");
        pb.environment().putAll(TestEnv.in(tmp).env());
        pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
        pb.environment().put("PATH", tmp.resolve("bin") + ":/usr/bin:/bin");
        Process p = pb.start();
        // the stand-in blocks until released, so a completion that waited for it would not end here
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "completion waited for bkops");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        OutputLog.record(OutputLog.Source.PROCESS, pb.environment(), new CliRun.Result(p.exitValue(), out, ""));
        assertEquals(0, p.exitValue(), out);
        return Arrays.stream(out.split("\n")).filter(s -> !s.isBlank()).sorted().toList();
    }

    /** The refreshes started so far, one line of arguments each; waits for {@code n} of them (they start detached). */
    private List<String> refreshes(int n) throws IOException, InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        List<String> lines = List.of();
        while (Instant.now().isBefore(end)) {
            lines = Files.exists(log) ? Files.readAllLines(log).stream().filter(l -> !l.isEmpty()).toList() : List.of();
            if (lines.size() >= n) {
                return lines;
            }
            Thread.sleep(20);
        }
        return lines;
    }

    /** Releases the running refresh and waits until it has written the cache and left its lock. */
    private void finishRefresh(Path cacheFile) throws IOException, InterruptedException {
        Files.writeString(go, "");
        Path lock = Path.of(cacheFile + ".refresh");
        Instant end = Instant.now().plus(Duration.ofSeconds(30));
        while ((Files.exists(lock) || !Files.exists(cacheFile)) && Instant.now().isBefore(end)) {
            Thread.sleep(20);
        }
        assertFalse(Files.exists(lock), "the refresh left its lock");
        Files.delete(go);
    }

    private Path old(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(10))));
        return file;
    }

    @Test
    void aColdCacheAnswersNothingAtOnceAndFillsInTheBackground() throws Exception {
        Path file = cache.resolve("_.templates");
        assertEquals(List.of(), bash("bkops", "template", "show", ""), "no ids yet, and no waiting");
        assertEquals(List.of("__complete|templates|"), refreshes(1));
        finishRefresh(file);
        assertEquals(List.of("42"), bash("bkops", "template", "show", ""), "the next TAB has them");
        assertEquals(1, refreshes(1).size(), "a fresh cache is not refreshed");
        assertFalse(Files.exists(Path.of(file + ".refresh")));
    }

    @Test
    void anOldCacheAnswersAtOnceAndOneRefreshRunsAtATime() throws Exception {
        Path file = old(Files.writeString(cache.resolve("_.templates"), "3\told\n31\tolder\n"));
        assertEquals(List.of("3", "31"), bash("bkops", "template", "show", "3"));
        assertEquals(1, refreshes(1).size());
        // TAB again while that refresh is still running: the same answer, and no second refresh
        assertEquals(List.of("3", "31"), bash("bkops", "template", "show", "3"));
        finishRefresh(file);
        assertEquals(List.of("42"), bash("bkops", "template", "show", ""));
        assertEquals(List.of("__complete|templates|"), refreshes(1), "one refresh for both TABs");
    }

    @Test
    void aLockLeftByARefreshThatDiedIsTakenOver() throws Exception {
        Path file = old(Files.writeString(cache.resolve("_.templates"), "3\told\n"));
        old(Files.createDirectory(Path.of(file + ".refresh")));
        assertEquals(List.of("3"), bash("bkops", "template", "show", ""));
        assertEquals(1, refreshes(1).size(), "a lock older than 2 minutes does not stop the refresh");
        finishRefresh(file);
    }

    @Test
    void zshAnswersFromTheCacheAndRefreshesTheProfilesCacheWithSeparateArguments() throws Exception {
        Path file = old(Files.writeString(cache.resolve("prod.templates"), "3\t发布 nginx\n"));
        assertEquals(List.of("3:发布 nginx"), zsh("bkops", "-p", "prod", "template", "show", ""));
        assertEquals(List.of("-p|prod|__complete|templates|"), refreshes(1));
        finishRefresh(file);
        assertEquals(List.of("42:fresh"), zsh("bkops", "-p", "prod", "template", "show", ""));

        List<String> cold = new ArrayList<>(zsh("bkops", "template", "show", ""));
        assertEquals(List.of(), cold, "the default profile's cache is another one, still cold");
        assertEquals(2, refreshes(2).size());
    }
}
