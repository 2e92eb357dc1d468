package bkops.api;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in any text before it is printed: the known secret values themselves, and whatever sits in the
 * places secrets travel (the X-Bkapi-Authorization header, bk_app_secret / bk_token / access_token in JSON bodies and
 * query strings), so that a secret we were never told about is masked too.
 */
public final class Redactor {
    private static final String MASK = "****";
    private static final Pattern JSON_FIELD = Pattern.compile(
            "(\"(?:bk_app_secret|app_secret|bk_token|access_token|jwt|bk_signature)\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");
    private static final Pattern QUERY_FIELD = Pattern.compile(
            "([?&](?:bk_app_secret|app_secret|bk_token|access_token|jwt|bk_signature)=)([^&\\s]*)");
    private static final Pattern AUTH_HEADER = Pattern.compile("(?i)(x-bkapi-authorization\\s*[:=]\\s*)(.*)");
    /** The same fields as a Python dict or form prints them: 'bk_token': 'v', bk_token=v, bk_token: v. */
    private static final Pattern LOOSE_FIELD = Pattern.compile(
            "(?i)((?<![\\w\"])'?(?:bk_app_secret|app_secret|bk_token|access_token|jwt|bk_signature)'?\\s*[:=]\\s*)"
                    + "('[^']*'|[^\\s'\",;&}]+)");

    private final List<String> secrets;

    public Redactor(List<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && s.length() >= 3).toList();
    }

    public String mask(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        for (String secret : secrets) {
            s = s.replace(secret, MASK);
        }
        s = replace(JSON_FIELD, s, m -> m.group(1) + MASK + m.group(3));
        s = replace(QUERY_FIELD, s, m -> m.group(1) + MASK);
        s = replace(LOOSE_FIELD, s, m -> m.group(1) + (m.group(2).startsWith("'") ? "'" + MASK + "'" : MASK));
        s = replace(AUTH_HEADER, s, m -> m.group(1) + MASK);
        return s;
    }

    private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
        Matcher m = p.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        do {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        } while (m.find());
        m.appendTail(sb);
        return sb.toString();
    }
}
