package bkops.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is calling: the app (code + secret) and the user (one of access token, login ticket, user name).
 * toString never shows a secret.
 */
public record Credentials(String appCode, String appSecret, String username, String bkToken, String accessToken) {

    /** The fields the gateway header / ESB body carries, following the official SDKs: an access token goes alone. */
    public Map<String, String> fields() {
        Map<String, String> m = new LinkedHashMap<>();
        if (accessToken != null) {
            m.put("access_token", accessToken);
            return m;
        }
        put(m, "bk_app_code", appCode);
        put(m, "bk_app_secret", appSecret);
        put(m, "bk_token", bkToken);
        put(m, "bk_username", username);
        return m;
    }

    /** Values that must never be printed: used by the redactor. */
    public java.util.List<String> secrets() {
        java.util.List<String> s = new java.util.ArrayList<>();
        for (String v : new String[] {appSecret, bkToken, accessToken}) {
            if (v != null && !v.isEmpty()) {
                s.add(v);
            }
        }
        return s;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isEmpty()) {
            m.put(k, v);
        }
    }

    @Override
    public String toString() {
        return "Credentials[appCode=" + appCode + ", user=" + username + ", secret=****]";
    }
}
