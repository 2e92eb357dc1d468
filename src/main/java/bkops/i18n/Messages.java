package bkops.i18n;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of one language: {@code get("render.task.created", id, url)} looks the key up in that language's catalogue
 * (src/main/resources/bkops/i18n/messages[_zh].properties) and puts the arguments in its {0}, {1}... A key the
 * Chinese catalogue lacks gives the English text (I18nCatalogueTest makes that a test failure, not a run-time event).
 * <p>
 * The catalogues are read as UTF-8 by bkops itself, not by ResourceBundle.getBundle: no fallback to the JVM's default
 * locale (English stays English on a zh_CN JVM and the other way round), no bundle cache, and each file is opened only
 * when a text of its language is first asked for (an English run printing JSON opens none).
 * <p>
 * The format is not MessageFormat's: only {n} is special, so apostrophes ("bkops's", "don't") and other braces are
 * written as they are, in both languages.
 */
public final class Messages {
    private static final String CATALOGUE = "/bkops/i18n/messages";

    public static final Messages ENGLISH = new Messages(Lang.EN);
    public static final Messages CHINESE = new Messages(Lang.ZH);

    private final Lang lang;

    private Messages(Lang lang) {
        this.lang = lang;
    }

    public static Messages of(Lang lang) {
        return lang == Lang.ZH ? CHINESE : ENGLISH;
    }

    /** The language of a run with this environment ({@link Lang#of}). */
    public static Messages of(Map<String, String> env) {
        return of(Lang.of(env));
    }

    public Lang lang() {
        return lang;
    }

    public boolean english() {
        return lang == Lang.EN;
    }

    /** The text of {@code key} in this language, its {n} replaced by {@code args[n]}. */
    public String get(String key, Object... args) {
        String text = lang == Lang.ZH ? Zh.TEXTS.get(key) : null;
        if (text == null) {
            text = En.TEXTS.get(key);
        }
        if (text == null) {
            throw new MissingResourceException("no text for " + key + " (a bug: I18nCatalogueTest should have caught it)",
                    CATALOGUE, key);
        }
        return format(text, args);
    }

    /**
     * A text whose English lives in the code (help in the command annotations, ExitCode's meanings): the Chinese
     * catalogue's text for {@code key} in Chinese, {@code english} otherwise or when it has none.
     */
    public String orEnglish(String key, String english) {
        String text = lang == Lang.ZH ? Zh.TEXTS.get(key) : null;
        return text != null ? text : english;
    }

    /**
     * What picocli reads help from, for this language: null for English (the annotations are the English help), the
     * Chinese catalogue for Chinese (picocli falls back to the annotation for a key it lacks).
     */
    public ResourceBundle helpBundle() {
        return lang == Lang.ZH ? Zh.BUNDLE : null;
    }

    /** {0}, {1}... replaced by the arguments; everything else as it is. A {n} with no argument stays as written. */
    static String format(String text, Object... args) {
        if (args.length == 0 || text.indexOf('{') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * args.length);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int close = c == '{' ? text.indexOf('}', i + 1) : -1;
            if (close > i + 1 && close - i <= 3 && digits(text, i + 1, close)) {
                int n = Integer.parseInt(text, i + 1, close, 10);
                if (n < args.length) {
                    out.append(args[n]);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static boolean digits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** A catalogue's texts, read as UTF-8. */
    static Map<String, String> load(Lang lang) {
        String path = CATALOGUE + (lang == Lang.ZH ? "_zh" : "") + ".properties";
        try (InputStream in = Messages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the catalogue " + path + " is not in the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The lines "key = value" of a catalogue, as java.util.Properties reads them for what the catalogues use (comments,
     * blank lines, backslash-u and backslash escapes; no line continuations): a few times faster on a cold JVM, where the
     * catalogue is read once per run (I18nCatalogueTest compares the two readings).
     */
    static Map<String, String> parse(String text) {
        Map<String, String> texts = new HashMap<>(512);
        int at = 0;
        int length = text.length();
        while (at < length) {
            int end = text.indexOf('\n', at);
            if (end < 0) {
                end = length;
            }
            int from = at;
            at = end + 1;
            while (from < end && isBlank(text.charAt(from))) {
                from++;
            }
            if (from == end || text.charAt(from) == '#' || text.charAt(from) == '!') {
                continue;
            }
            int eq = text.indexOf('=', from);
            if (eq < 0 || eq > end) {
                throw new IllegalArgumentException("not key = value: " + text.substring(from, end));
            }
            int keyEnd = eq;
            while (keyEnd > from && isBlank(text.charAt(keyEnd - 1))) {
                keyEnd--;
            }
            int value = eq + 1;
            while (value < end && isBlank(text.charAt(value))) {
                value++;
            }
            int valueEnd = end > value && text.charAt(end - 1) == '\r' ? end - 1 : end;
            texts.put(text.substring(from, keyEnd), unescape(text.substring(value, valueEnd)));
        }
        return texts;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\f' || c == '\r';
    }

    private static String unescape(String s) {
        int slash = s.indexOf('\\');
        if (slash < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        out.append(s, 0, slash);
        for (int i = slash; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'u' -> {
                    out.append((char) Integer.parseInt(s, i + 1, i + 5, 16));
                    i += 4;
                }
                case 't' -> out.append('\t');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 'f' -> out.append('\f');
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    /** Loaded on first use (class initialisation is lazy and thread-safe). */
    private static final class En {
        static final Map<String, String> TEXTS = load(Lang.EN);
    }

    private static final class Zh {
        static final Map<String, String> TEXTS = load(Lang.ZH);
        static final ResourceBundle BUNDLE = new ResourceBundle() {
            @Override
            protected Object handleGetObject(String key) {
                return TEXTS.get(key);
            }

            @Override
            public Enumeration<String> getKeys() {
                return Collections.enumeration(TEXTS.keySet());
            }
        };
    }
}
