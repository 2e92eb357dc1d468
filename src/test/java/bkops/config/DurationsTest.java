package bkops.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DurationsTest {
    @Test
    void parsesUnitsCombinationsAndPlainSeconds() {
        assertEquals(Duration.ofSeconds(30), Durations.parse("30s"));
        assertEquals(Duration.ofMinutes(2), Durations.parse("2m"));
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMinutes(90), Durations.parse("1h30m"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90"));
        assertEquals(Duration.ofMillis(2500), Durations.parse(" 2s500ms "));
        assertEquals(Duration.ofSeconds(5), Durations.parse("5S"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "30x", "1.5s", "-3s", "30s junk", "m30", "99999999999999999999s"})
    void rejectsWithAHint(String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> Durations.parse(text));
        assertTrue(e.getMessage().contains("'" + text + "'") && e.getMessage().contains("1h30m"), e.getMessage());
    }
}
