package bkops.i18n;

import java.util.Arrays;

/**
 * A text not yet put into a language: a catalogue key and its arguments. An exception that carries one (see
 * bkops.cli.CliException) is printed in the run's language by the error reporter, while its getMessage() stays English
 * (logs, --debug, tests that compare English lines).
 */
public record Text(String key, Object... args) {
    public static Text of(String key, Object... args) {
        return new Text(key, args);
    }

    /** The text in that language; an argument that is itself a Text is said in it too. */
    public String in(Messages messages) {
        Object[] said = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Text t) {
                if (said == args) {
                    said = args.clone();
                }
                said[i] = t.in(messages);
            }
        }
        return messages.get(key, said);
    }

    /** The English text. */
    public String english() {
        return in(Messages.ENGLISH);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}
