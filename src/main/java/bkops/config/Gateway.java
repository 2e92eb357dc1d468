package bkops.config;

/** The front door requests go through: the API gateway (credentials in a header) or the legacy ESB (credentials as fields). */
public enum Gateway {
    APIGW, ESB;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
