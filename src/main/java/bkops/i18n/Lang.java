package bkops.i18n;

import java.util.Map;

/**
 * The language bkops speaks to people in, decided once per run from that run's environment (the daemon runs several
 * at once, each with the client's environment; nothing JVM-wide is read or set). BKOPS_LANG wins; otherwise the POSIX
 * precedence for messages: the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty. A value starting "zh"
 * (zh, zh_CN.UTF-8, zh_TW...) is Chinese; anything else, C, POSIX or nothing at all is English.
 */
public enum Lang {
    EN, ZH;

    public static Lang of(Map<String, String> env) {
        String chosen = value(env, "BKOPS_LANG");
        if (chosen == null) {
            for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
                chosen = value(env, name);
                if (chosen != null) {
                    break;
                }
            }
        }
        return chosen != null && chosen.regionMatches(true, 0, "zh", 0, 2) ? ZH : EN;
    }

    private static String value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isEmpty() ? null : v;
    }
}
