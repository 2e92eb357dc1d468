package bkops.cron;

import bkops.i18n.Messages;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A schedule in Chinese words: the parts in Chinese order, the JDK's Chinese names of days and months. */
class CronWordsLanguageTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0 3 * * MON          | 每星期一，03:00",
            "*/15 * * * *         | 每 15 分钟",
            "*/15 9-17 * * 1-5    | 每星期一至星期五，09至17 点，每 15 分钟",
            "0 0 1 * *            | 每月 1 日，00:00",
            "0 0 13 * FRI         | 每月 13 日或每星期五，00:00",
            "0,30 8 * JAN,JUL *   | 一月和七月，08:00和08:30",
            "0 * * * *            | 每小时的第 0 分钟",
            "* * * * *            | 每分钟",
            "0 */2 * * *          | 每 2 小时，第 0 分钟",
            "0 3 1,15 * *         | 每月 1和15 日，03:00",
            "0 3 * * 1,3,5        | 每星期一、星期三和星期五，03:00"})
    void saysWhatItMeansInChinese(String expr, String words) {
        assertEquals(words, CronWords.describe(CronExpression.parse(expr), Messages.CHINESE));
    }
}
