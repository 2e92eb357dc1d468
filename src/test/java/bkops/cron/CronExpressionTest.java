package bkops.cron;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CronExpressionTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static List<String> next(String expr, String after, ZoneId zone, int n) {
        return CronExpression.parse(expr).next(ZonedDateTime.parse(after).withZoneSameInstant(zone), n).stream()
                .map(f -> f.at().toOffsetDateTime() + (f.kind() == Fire.Kind.NORMAL ? "" : " " + f.kind())).toList();
    }

    @Test
    void mondaysAtThreeBecomeTheApiObjectInItsOwnFieldOrder() {
        Map<String, String> api = CronExpression.parse("0 3 * * MON").toApi();
        assertEquals(List.of("minute", "hour", "day_of_week", "day_of_month", "month_of_year"), List.copyOf(api.keySet()));
        assertEquals(Map.of("minute", "0", "hour", "3", "day_of_week", "1", "day_of_month", "*", "month_of_year", "*"), api);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*/15 9-17 * * 1-5 | */15 | 9-17 | 1-5 | * | *",
            "0 0 1,15 * *      | 0    | 0    | *   | 1,15 | *",
            "30 2 * JAN-MAR,DEC SAT,SUN | 30 | 2 | 0,6 | * | 1-3,12",
            "0 12 * * 7        | 0    | 12   | 0   | * | *",
            "0 12 * * 5-7      | 0    | 12   | 0,5-6 | * | *",
            "5/20 * * * *      | 5,25,45 | * | * | * | *",
            "0 0 */2 * *       | 0    | 0    | *   | */2 | *",
            "@weekly           | 0    | 0    | 0   | *   | *",
            "@Daily            | 0    | 0    | *   | *   | *"})
    void sendsWhatTheServersParserReadsTheSameWay(String expr, String minute, String hour, String dow, String dom, String month) {
        assertEquals(Map.of("minute", minute, "hour", hour, "day_of_week", dow, "day_of_month", dom, "month_of_year", month),
                CronExpression.parse(expr).toApi());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 3 * *            | has 4 fields, expected 5",
            "60 * * * *         | minute field (1 of 5) '60': 60 is out of range 0-59",
            "0 24 * * *         | hour field (2 of 5) '24': 24 is out of range 0-23",
            "0 0 0 * *          | day-of-month field (3 of 5) '0': 0 is out of range 1-31",
            "0 0 * 13 *         | month field (4 of 5) '13': 13 is out of range 1-12",
            "0 0 * * 8          | day-of-week field (5 of 5) '8': 8 is out of range 0-7",
            "0 0 * * MOX        | day-of-week field (5 of 5) 'MOX': 'MOX' is not a number or a name (SUN-SAT)",
            "0 0 * FOO *        | month field (4 of 5) 'FOO': 'FOO' is not a number or a name (JAN-DEC)",
            "x * * * *          | minute field (1 of 5) 'x': 'x' is not a number",
            "*/0 * * * *        | minute field (1 of 5) '*/0': the step '0' is not a whole number of at least 1",
            "0 17-9 * * *       | hour field (2 of 5) '17-9': the range 17-9 runs backwards (17 > 9)",
            "0 1,,2 * * *       | hour field (2 of 5) '1,,2': an empty item in the list",
            "0 -1 * * *         | hour field (2 of 5) '-1': '-1' is not a number",
            "0 0 30 2 *         | never runs: day-of-month '30' does not occur in month '2'",
            "@reboot            | cron '@reboot' is not one of @yearly",
            "0 3 * * MON pom.xml | has 6 fields, expected 5: minute hour day-of-month month day-of-week (e.g. '0 3 * * MON'); quote it"})
    void refusesWithTheFieldAndWhatIsWrong(String expr, String message) {
        CronException e = assertThrows(CronException.class, () -> CronExpression.parse(expr));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void nextFireTimesCrossAMonthEnd() {
        assertEquals(List.of("2026-11-30T03:00+08:00", "2026-12-07T03:00+08:00", "2026-12-14T03:00+08:00"),
                next("0 3 * * MON", "2026-11-25T10:00+08:00", SHANGHAI, 3));
        // the 31st skips the months that lack one
        assertEquals(List.of("2026-12-31T23:30+08:00", "2027-01-31T23:30+08:00", "2027-03-31T23:30+08:00"),
                next("30 23 31 * *", "2026-11-25T10:00+08:00", SHANGHAI, 3));
    }

    @Test
    void restrictedDayOfMonthAndDayOfWeekMatchEither() {
        assertTrue(CronExpression.parse("0 0 13 * FRI").eitherDay());
        assertFalse(CronExpression.parse("0 0 */2 * FRI").eitherDay());
        // Fridays and the 13th, December 2026
        assertEquals(List.of("2026-12-04T00:00+08:00", "2026-12-11T00:00+08:00", "2026-12-13T00:00+08:00",
                "2026-12-18T00:00+08:00"), next("0 0 13 * FRI", "2026-12-01T00:00+08:00", SHANGHAI, 4));
    }

    @Test
    void theSkippedHourDoesNotRunInNewYork() {
        // 2027-03-14: clocks go from 02:00 EST to 03:00 EDT
        assertEquals(List.of("2027-03-13T02:30-05:00", "2027-03-14T03:30-04:00 SKIPPED", "2027-03-15T02:30-04:00"),
                next("30 2 * * *", "2027-03-13T00:00-05:00", NEW_YORK, 2));
    }

    @Test
    void theRepeatedHourRunsTwiceInNewYork() {
        // 2026-11-01: clocks go back from 02:00 EDT to 01:00 EST
        assertEquals(List.of("2026-11-01T01:30-04:00", "2026-11-01T01:30-05:00 REPEATED", "2026-11-02T01:30-05:00"),
                next("30 1 * * *", "2026-10-31T12:00-04:00", NEW_YORK, 3));
    }

    @Test
    void hourlyRunsKeepTheirOrderAcrossBerlinsAutumnChange() {
        // 2026-10-25: 03:00 CEST becomes 02:00 CET, so 02:00 and 02:30 happen twice
        assertEquals(List.of("2026-10-25T02:00+02:00", "2026-10-25T02:30+02:00", "2026-10-25T02:00+01:00 REPEATED",
                "2026-10-25T02:30+01:00 REPEATED", "2026-10-25T03:00+01:00"),
                next("0,30 * * * *", "2026-10-25T01:45+02:00", BERLIN, 5));
    }

    @Test
    void nextIsStrictlyAfterAndAFebruary29thIsFound() {
        assertEquals(List.of("2028-02-29T00:00+08:00"), next("0 0 29 2 *", "2026-11-25T00:00+08:00", SHANGHAI, 1));
        assertEquals(List.of("2026-11-25T00:01+08:00"), next("* * * * *", "2026-11-25T00:00+08:00", SHANGHAI, 1));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 3 * * MON          | at 03:00, on Monday",
            "*/15 * * * *         | every 15 minutes",
            "*/15 9-17 * * 1-5    | every 15 minutes during hour 09 through 17, on Monday through Friday",
            "0 0 1 * *            | at 00:00, on day 1 of the month",
            "0 0 13 * FRI         | at 00:00, on day 13 of the month or on Friday",
            "0,30 8 * JAN,JUL *   | at 08:00 and 08:30 in January and July",
            "0 * * * *            | at minute 0 of every hour",
            "* * * * *            | every minute",
            "0 */2 * * *          | at minute 0 of every 2 hours",
            "0 3 */1 1-12 0-7     | at 03:00",
            "0 3 1-31 * MON       | at 03:00"})
    void saysWhatItMeansInWords(String expr, String words) {
        assertEquals(words, CronWords.describe(CronExpression.parse(expr)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "*/1 15 * * * (m/h/d/dM/MY) Asia/Shanghai | */1 15 * * * Asia/Shanghai",
            "0 3 1 * * (m/h/d/dM/MY) Asia/Shanghai    | 0 3 * * 1 Asia/Shanghai",
            "0 3 1 10 * (m/h/d/dM/MY)                 | 0 3 10 * 1",
            "0 3 10 * 1 (m/h/dM/MY/d) Europe/Berlin   | 0 3 10 * 1 Europe/Berlin"})
    void readsTheServersStringBackIntoStandardOrder(String server, String standard) {
        assertEquals(standard, ServerCron.parse(server).display());
    }

    @Test
    void theServersScheduleNeedsBothDayFieldsAsCeleryDoes() {
        CronExpression c = ServerCron.parse("0 0 5 13 * (m/h/d/dM/MY) Asia/Shanghai").cron();
        assertFalse(c.eitherDay());
        assertEquals("at 00:00, on day 13 of the month if it is Friday", CronWords.describe(c));
        assertEquals(List.of("2027-08-13T00:00+08:00", "2028-10-13T00:00+08:00"), c.next(ZonedDateTime.parse(
                "2026-11-25T10:00+08:00[Asia/Shanghai]"), 2).stream().map(f -> f.at().toOffsetDateTime().toString()).toList());
        // what the server holds is shown even when it can never run
        assertEquals(List.of(), ServerCron.parse("0 0 5 30 2 (m/h/d/dM/MY) Asia/Shanghai").cron()
                .next(ZonedDateTime.parse("2026-11-25T10:00+08:00[Asia/Shanghai]"), 1));
    }

    @Test
    void theServersStringRoundTripsThroughTheApiObject() {
        ServerCron s = ServerCron.parse("15 2 mon-fri 1 * (m/h/d/dM/MY) Asia/Shanghai");
        assertEquals(SHANGHAI, s.zone());
        assertEquals(Map.of("minute", "15", "hour", "2", "day_of_week", "1-5", "day_of_month", "1", "month_of_year", "*"),
                s.cron().toApi());
        assertThrows(CronException.class, () -> ServerCron.parse("0 3 * * * (m/h/x/dM/MY) Asia/Shanghai"));
        assertThrows(CronException.class, () -> ServerCron.parse("0 3 * * * (m/h/d/dM/MY) Mars/Olympus"));
    }
}
