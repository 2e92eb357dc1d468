package bkops;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * The JVM's System.Logger backend for bkops (registered in META-INF/services): a warning or error from the JDK or a
 * library is one line on stderr; Methanol's are dropped (the decoder errors of a body bkops stopped reading on
 * purpose, a gzip bomb cut at the size limit or a body cut at the deadline: not the user's concern). Without it the
 * default backend, java.util.logging, starts as soon as Methanol's class asks for its logger: 20-50 ms and ~90 classes
 * of every cold command that sends a request (measured on JDK 17 and 25), for messages that never come.
 */
public final class LineLoggerFinder extends System.LoggerFinder {
    @Override
    public System.Logger getLogger(String name, Module module) {
        return new Line(name, !name.startsWith("com.github.mizosoft.methanol"));
    }

    private record Line(String name, boolean shown) implements System.Logger {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return shown && level != Level.OFF && level.getSeverity() >= Level.WARNING.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            if (isLoggable(level)) {
                print(text(bundle, msg) + (thrown == null ? "" : ": " + thrown));
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            if (isLoggable(level)) {
                String text = text(bundle, format);
                print(params == null || params.length == 0 ? text : MessageFormat.format(text, params));
            }
        }

        @Override
        public void log(Level level, Supplier<String> msg) {
            if (isLoggable(level)) {
                print(msg.get());
            }
        }

        private static String text(ResourceBundle bundle, String msg) {
            return bundle != null && msg != null && bundle.containsKey(msg) ? bundle.getString(msg) : msg;
        }

        private void print(String text) {
            System.err.println("bkops: " + name + ": " + String.valueOf(text).replace('\n', ' '));
        }
    }
}
