package bkops.config;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SecretTest {
    @Test
    void showsTheLastTwoCharactersOnlyWhenLongerThanTwelve() {
        assertEquals("****", Secret.mask("short"));
        assertEquals("****", Secret.mask("exactly12chr"));
        assertEquals("****00", Secret.mask("sandbox-secret-0000"));
    }

    @Test
    void toStringIsMaskedAndRevealGivesTheValue() {
        Secret s = new Secret("sandbox-secret-0000");
        assertEquals("****00", s.toString());
        assertEquals("Secret is ****00", "Secret is " + s);
        assertEquals("sandbox-secret-0000", s.reveal());
    }

    @Test
    void settingToStringMasksSecretsButNotOtherValues() {
        assertEquals("Setting[app-secret=****, env, BK_APP_SECRET]",
                new Setting("app-secret", "hush", Source.ENV, "BK_APP_SECRET").toString());
        assertEquals("Setting[username=admin, env, BK_USERNAME]",
                new Setting("username", "admin", Source.ENV, "BK_USERNAME").toString());
    }
}
