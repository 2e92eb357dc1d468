package bkops.render;

import org.junit.jupiter.api.Test;

import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimesTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void isoInstantsOfTheTaskListReadLikeTheOtherApisTimes() {
        assertEquals("2020-09-15 14:24:00 +0800", Times.readable("2020-09-15T06:24:00.840Z", SHANGHAI));
        assertEquals("2026-11-25 10:45:00 +0000", Times.readable("2026-11-25T10:45:00Z", ZoneId.of("UTC")));
    }

    @Test
    void otherValuesAreLeftAsTheyAre() {
        assertEquals("2020-09-15 14:24:00 +0800", Times.readable("2020-09-15 14:24:00 +0800", SHANGHAI));
        assertEquals("", Times.readable(null, SHANGHAI));
        assertEquals("", Times.readable("", SHANGHAI));
        assertEquals("Tomorrow", Times.readable("Tomorrow", SHANGHAI));
    }
}
