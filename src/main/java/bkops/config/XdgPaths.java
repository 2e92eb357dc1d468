package bkops.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Every file bkops keeps outside the current directory, by the XDG Base Directory rules, from the environment it is
 * given (a daemon serves many environments): a variable set to an absolute path wins, else the spec's default under
 * $HOME; an empty or relative value is ignored, as the spec says ("If an implementation encounters a relative path in
 * any of these variables it should consider the path invalid and ignore it").
 * <p>
 * Shell copies of these rules, which must agree: bin/bkops finds the daemon file ({@link #daemonFile}) twice, and the
 * completion scripts (cli/docs/Completions, LIVE_BASH and LIVE_ZSH) read the completion cache
 * ({@link #completionCache}). The sandbox imports nothing outside sandbox/: it is given its state directory
 * ({@link #sandboxState}) by the command that starts it.
 */
public final class XdgPaths {
    private XdgPaths() {}

    /** The profile file: $XDG_CONFIG_HOME/bkops/config, else ~/.config/bkops/config. */
    public static Path configFile(Map<String, String> env) {
        return base(env, "XDG_CONFIG_HOME", ".config").resolve("bkops").resolve("config");
    }

    /** The built-in sandbox's world: $XDG_STATE_HOME/bkops/sandbox, else ~/.local/state/bkops/sandbox. */
    public static Path sandboxState(Map<String, String> env) {
        return base(env, "XDG_STATE_HOME", ".local/state").resolve("bkops").resolve("sandbox");
    }

    /** The daemon's port, token and pid: $XDG_RUNTIME_DIR/bkops/daemon, else ~/.cache/bkops/daemon. */
    public static Path daemonFile(Map<String, String> env) {
        return base(env, "XDG_RUNTIME_DIR", ".cache").resolve("bkops").resolve("daemon");
    }

    /** Ids for shell completion: $XDG_CACHE_HOME/bkops/complete, else ~/.cache/bkops/complete. */
    public static Path completionCache(Map<String, String> env) {
        return base(env, "XDG_CACHE_HOME", ".cache").resolve("bkops").resolve("complete");
    }

    private static Path base(Map<String, String> env, String variable, String underHome) {
        String value = env.get(variable);
        if (value != null && !value.isEmpty() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        String home = env.get("HOME");
        if (home == null || home.isEmpty()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home).resolve(underHome);
    }
}
