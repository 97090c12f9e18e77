package cn.huikuan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Claim files built to hurt the reader (issue 24): each ends in exit code 2 and one sentence in English and
 * Chinese that names the problem and, where there is one, the field; never an exception's text or a stack.
 */
class ClaimFileHostileTest {
    /** The fields every case starts from; each case adds or replaces one. */
    static final String OK = "\"kind\": \"sale\", \"contractDate\": \"2026-01-01\", \"principal\": \"100\", \"due\": \"2026-02-01\"";

    @TempDir
    Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int claim(Path file, String... more) {
        String[] args = new String[3 + more.length + 1];
        args[0] = "calc";
        args[1] = "claim";
        args[2] = "--file";
        args[3] = file.toString();
        System.arraycopy(more, 0, args, 4, more.length);
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    Path file(String content) throws IOException {
        return Files.writeString(dir.resolve("claim.json"), content, StandardCharsets.UTF_8);
    }

    /** Exit 2 and one line holding every one of {@code words}, in both languages, no exception. */
    void refused(Path file, String... words) {
        int code = claim(file);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(e).isEqualTo(Cli.USAGE);
        assertThat(e.lines()).hasSize(1);
        assertThat(e).startsWith("huikuan: ").contains(" / ").contains(words).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain("jackson").doesNotContain("null");
        assertThat(e.length()).as("a line, not the file").isLessThan(300);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void nestingOverAThousandLevels() throws IOException {
        refused(file("{" + OK + ", \"costs\": " + "[".repeat(1500) + "]".repeat(1500) + "}"), "嵌套过深", "nested too deeply", "costs");
    }

    @Test
    void nestedObjects() throws IOException {
        refused(file("{" + OK + ", \"penalty\": " + "{\"kind\": ".repeat(1200) + "1" + "}".repeat(1200) + "}"), "嵌套过深",
                "nested too deeply", "penalty.kind");
    }

    @Test
    void aNumberOfTwoThousandDigits() throws IOException {
        refused(file("{\"kind\": \"sale\", \"contractDate\": \"2026-01-01\", \"principal\": " + "1".repeat(2000) + ", \"due\": \"2026-02-01\"}"),
                "数字位数过多", "a number with too many digits", "principal");
    }

    @Test
    void twoThousandDecimalsNameTheEntry() throws IOException {
        refused(file("{" + OK + ", \"payments\": [{\"date\": \"2026-01-05\", \"amount\": 1}, {\"date\": \"2026-01-06\", \"amount\": 0."
                + "3".repeat(2000) + "}]}"), "数字位数过多", "a number with too many digits", "payments[1].amount");
    }

    @Test
    void aTextOfTwoThousandDigits() throws IOException {
        refused(file("{" + OK.replace("\"100\"", "\"" + "9".repeat(2000) + "\"") + "}"), "数字位数过多", "a number with too many digits", "principal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e999999999", "\"1e999999999\"", "\"1E+2147483647\""})
    void aNumberTooLarge(String number) throws IOException {
        // the text form was written out in full, a billion digits, and ran out of memory
        refused(file("{" + OK.replace("\"100\"", number) + "}"), "数字过大", "a number too large", "principal");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e-999999999", "\"1e-999999999\"", "\"1e-2147483647\""})
    void aRateWithTooManyDecimals(String number) throws IOException {
        // the JSON number was read through a double, as 0; the text form could not be written out
        refused(file("{" + OK + ", \"interestRate\": " + number + "}"), "数字位数过多", "a number with too many digits", "interestRate");
    }

    @Test
    void aHugeText() throws IOException {
        refused(file("{" + OK + ", \"costs\": [{\"date\": \"2026-01-05\", \"amount\": 1, \"text\": \"" + "律".repeat(1_000_000) + "\"}]}"),
                "文字超过 1000 字", "a text longer than 1000 characters", "costs[0].text");
    }

    @Test
    void aHugeFieldName() throws IOException {
        refused(file("{" + OK + ", \"" + "k".repeat(60_000) + "\": 1}"), "字段名超过 1000 字", "a field name longer than 1000 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"4294967661", "365.7", "-365", "\"365 days\""})
    void aDayCountIsNeverCutToFit(String n) throws IOException {
        // 4294967661 is 2^32 + 365: its low 32 bits were taken as 365; 365.7 was cut to 365
        refused(file("{" + OK + ", \"dayCount\": " + n + "}"), "dayCount");
    }

    @Test
    void aFieldGivenTwice() throws IOException {
        refused(file("{" + OK + ", \"principal\": \"1000000\"}"), "字段重复", "a field given twice", "principal");
    }

    @Test
    void somethingAfterTheObject() throws IOException {
        refused(file("{" + OK + "} {\"principal\": \"1000000\"}"), "JSON 对象之后还有其他内容", "holds more after its JSON object");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01", "+999999999-12-31"})
    void aDateOutsideYyyyMmDd(String date) throws IOException {
        refused(file("{" + OK.replace("\"2026-01-01\"", "\"" + date + "\"") + "}"), "日期格式不对", "not a date", "contractDate");
    }

    @Test
    void notUtf8() throws IOException {
        Path f = Files.write(dir.resolve("claim.json"), ("{" + OK.replace("sale", "sale\u00e9") + "}").getBytes(StandardCharsets.ISO_8859_1));
        refused(f, "不是 UTF-8", "not UTF-8");
    }

    @Test
    void aByteOrderMarkIsNotAnError() throws IOException {
        assertThat(claim(file("\uFEFF{" + OK + "}"), "--as-of", "2026-03-01")).as(err.toString(StandardCharsets.UTF_8)).isZero();
    }

    /** These were refused before this test was written too (exit 2, one line); kept so that they stay so. */
    @ParameterizedTest
    @ValueSource(strings = {"\"principal\": -1", "\"principal\": 0", "\"payments\": [{\"date\": \"2026-01-05\", \"amount\": -5}]",
            "\"costs\": [{\"date\": \"2026-01-05\", \"amount\": 0}]", "\"overdueRate\": -3", "\"interestRate\": 1001",
            "\"penalty\": {\"kind\": \"daily-rate\", \"value\": 0}", "\"principal\": 12.345"})
    void negativeZeroAndOutOfRangeValues(String field) throws IOException {
        String content = field.startsWith("\"principal\"") ? "{" + OK.replace("\"principal\": \"100\"", field) + "}" : "{" + OK + ", " + field + "}";
        int code = claim(file(content));
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(e).isEqualTo(Cli.USAGE);
        assertThat(e.lines()).hasSize(1);
        assertThat(e).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
