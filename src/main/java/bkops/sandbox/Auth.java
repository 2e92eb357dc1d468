package bkops.sandbox;

import com.fasterxml.jackson.core.type.TypeReference;

import java.util.LinkedHashMap;
import java.util.Map;

/** Gateway-style credential checks (bk-auth-verify): app code and secret, then a verified user. Returns the user. */
final class Auth {
    private static final String NO_USER =
            "user authentication failed, please provide a valid user identity, such as bk_username, bk_token, access_token";

    private Auth() {}

    /** Parses the X-Bkapi-Authorization header; invalid JSON counts as no credentials (anonymous). */
    static Map<String, Object> parseHeader(String header) {
        if (header == null) return null;
        try {
            Map<String, Object> m = Json.MAPPER.readValue(header, new TypeReference<LinkedHashMap<String, Object>>() {});
            return m == null ? Map.of() : m;
        } catch (Exception e) {
            return Map.of();
        }
    }

    static String verify(Map<String, Object> creds) {
        Map<String, Object> c = creds == null ? Map.of() : creds;
        String accessToken = text(c, "access_token", null);
        if (accessToken != null) {
            if (accessToken.equals(SandboxCredentials.ACCESS_TOKEN)) return SandboxCredentials.USERNAME;
            throw GatewayError.invalidArgs("access_token is invalid, url: http://bkauth.sandbox/api/v1/oauth/tokens/verify, code: 403");
        }
        String app = text(c, "bk_app_code", "app_code");
        if (app == null) throw GatewayError.invalidArgs("app code cannot be empty");
        String secret = text(c, "bk_app_secret", "app_secret");
        if (secret == null) throw GatewayError.invalidArgs("please provide bk_app_secret or bk_signature to verify app");
        if (!app.equals(SandboxCredentials.APP_CODE) || !secret.equals(SandboxCredentials.APP_SECRET)) {
            throw GatewayError.invalidArgs("bk_app_code or bk_app_secret is incorrect");
        }
        String token = text(c, "bk_token", null);
        if (token != null) {
            if (token.equals(SandboxCredentials.BK_TOKEN)) return SandboxCredentials.USERNAME;
            throw GatewayError.invalidArgs(NO_USER);
        }
        String user = text(c, "bk_username", "username");
        if (user != null) return user; // the sandbox app is on the "verified user exempted" list
        throw GatewayError.invalidArgs(NO_USER);
    }

    private static String text(Map<String, Object> c, String key, String alias) {
        Object v = c.get(key);
        if ((v == null || v.toString().isBlank()) && alias != null) v = c.get(alias);
        return v == null || v.toString().isBlank() ? null : v.toString();
    }
}
