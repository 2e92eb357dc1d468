package bkops.api;

/** The two ways into BlueKing. */
public enum FrontDoor {
    /** API gateway: path parameters, credentials in the X-Bkapi-Authorization header. */
    APIGW,
    /** Legacy ESB: /api/c/compapi/v2/{system}/{api}/, every parameter and the credentials as fields. */
    ESB;

    public static FrontDoor parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "apigw", "gateway" -> APIGW;
            case "esb" -> ESB;
            default -> throw new IllegalArgumentException("unknown front door '" + s + "' (expected apigw or esb)");
        };
    }
}
