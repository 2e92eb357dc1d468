package bkops.config;

/**
 * One effective setting: its value (null when nothing sets it), where it came from, and the exact origin
 * (which flag, which environment variable, which profile in which file).
 */
public record Setting(String key, String value, Source source, String origin) {

    public boolean isSet() {
        return value != null;
    }

    public boolean secret() {
        return Key.byId(key).map(Key::secret).orElse(false);
    }

    /** The value as it may be shown anywhere: secrets masked. */
    public String displayValue() {
        return secret() ? Secret.mask(value) : value;
    }

    @Override
    public String toString() {
        return "Setting[" + key + "=" + displayValue() + ", " + source.label() + ", " + origin + "]";
    }
}
