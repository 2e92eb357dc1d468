package bkops.sandbox;

/** The only credentials the sandbox accepts; printed by {@code bkops sandbox serve}. They guard nothing real. */
public final class SandboxCredentials {
    public static final String APP_CODE = "bkops-sandbox";
    public static final String APP_SECRET = "sandbox-secret-0000";
    public static final String USERNAME = "admin";
    public static final String BK_TOKEN = "sandbox-bk-token";
    public static final String ACCESS_TOKEN = "sandbox-access-token";
    public static final long BIZ_ID = 2;
    public static final long PROJECT_ID = 1;

    private SandboxCredentials() {}
}
