package bkops.config;

import java.util.Objects;

/** A credential that prints masked: toString never reveals it, so it is safe in logs and exception messages. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    /** The clear text, for the one place that sends it. */
    public String reveal() {
        return value;
    }

    public String mask() {
        return mask(value);
    }

    /** {@code ****} plus the last 2 characters when the secret is long enough that they give nothing away. */
    public static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        return secret.length() > 12 ? "****" + secret.substring(secret.length() - 2) : "****";
    }

    @Override
    public String toString() {
        return mask();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
