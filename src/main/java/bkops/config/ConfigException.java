package bkops.config;

/** A configuration problem (bad value, missing setting, unreadable file); its message is one line for the operator. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
