package bkops.config;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One rule for the four places bkops keeps files, and the shell copies of it say the same. */
class XdgPathsTest {
    private static final Map<String, String> HOME_ONLY = Map.of("HOME", "/h");

    @Test
    void anAbsoluteXdgVariableWins() {
        Map<String, String> env = Map.of("HOME", "/h", "XDG_CONFIG_HOME", "/c", "XDG_STATE_HOME", "/s",
                "XDG_RUNTIME_DIR", "/r", "XDG_CACHE_HOME", "/k");
        assertEquals(Path.of("/c/bkops/config"), XdgPaths.configFile(env));
        assertEquals(Path.of("/s/bkops/sandbox"), XdgPaths.sandboxState(env));
        assertEquals(Path.of("/r/bkops/daemon"), XdgPaths.daemonFile(env));
        assertEquals(Path.of("/k/bkops/complete"), XdgPaths.completionCache(env));
    }

    @Test
    void unsetEmptyOrRelativeFallsBackUnderHome() {
        for (String value : new String[] {null, "", "relative/dir"}) {
            Map<String, String> env = new java.util.HashMap<>(HOME_ONLY);
            if (value != null) {
                for (String v : new String[] {"XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_RUNTIME_DIR", "XDG_CACHE_HOME"}) {
                    env.put(v, value);
                }
            }
            assertEquals(Path.of("/h/.config/bkops/config"), XdgPaths.configFile(env), String.valueOf(value));
            assertEquals(Path.of("/h/.local/state/bkops/sandbox"), XdgPaths.sandboxState(env), String.valueOf(value));
            assertEquals(Path.of("/h/.cache/bkops/daemon"), XdgPaths.daemonFile(env), String.valueOf(value));
            assertEquals(Path.of("/h/.cache/bkops/complete"), XdgPaths.completionCache(env), String.valueOf(value));
        }
    }

    @Test
    void theShellCopiesUseTheSameRule() throws Exception {
        String launcher = Files.readString(Path.of("bin/bkops"), StandardCharsets.UTF_8);
        assertEquals(2, count(launcher, "case ${XDG_RUNTIME_DIR:-} in /*) "), "bin/bkops finds the daemon file twice");
        assertTrue(!launcher.contains("${XDG_RUNTIME_DIR:-$HOME"), "no copy of the old rule is left in bin/bkops");
        for (String script : new String[] {"completions/bkops.bash", "completions/_bkops"}) {
            String text = Files.readString(Path.of(script), StandardCharsets.UTF_8);
            assertEquals(1, count(text, "case ${XDG_CACHE_HOME:-} in /*) dir=$XDG_CACHE_HOME ;; *) dir=$HOME/.cache ;; esac"),
                    script);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
