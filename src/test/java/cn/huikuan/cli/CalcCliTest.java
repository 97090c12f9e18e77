package cn.huikuan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code huikuan calc …} as users, tests and acceptance checks drive it. */
class CalcCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String line) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> LocalDate.of(2026, 11, 28)).run(line.split(" "));
    }

    JsonNode json(String line) throws Exception {
        assertThat(run(line)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fee() throws Exception {
        JsonNode j = json("calc fee --kind case --amount 300000 --json");
        assertThat(j.get("fee").asText()).isEqualTo("5800.00");
        assertThat(j.get("steps")).hasSize(4);
        assertThat(j.get("steps").get(1).get("amount").asText()).isEqualTo("2250.00");
        assertThat(json2("calc fee --kind case --amount 300000 --simple --json").get("fee").asText()).isEqualTo("2900.00");
        assertThat(json2("calc fee --kind preservation --amount 1000000 --json").get("fee").asText()).isEqualTo("5000.00");
        assertThat(json2("calc fee --kind payment-order --amount 100000 --json").get("fee").asText()).isEqualTo("766.67");
        assertThat(json2("calc fee --kind enforcement --amount 500000 --json").get("fee").asText()).isEqualTo("7400.00");
    }

    JsonNode json2(String line) throws Exception {
        out.reset();
        return json(line);
    }

    @Test
    void deadline() throws Exception {
        JsonNode j = json("calc deadline --from 2026-09-18 --days 15 --json");
        assertThat(j.get("deadline").asText()).isEqualTo("2026-10-08");
        assertThat(j.get("moved").asBoolean()).isTrue();
        assertThat(j.get("reason").asText()).contains("国庆节");
    }

    @Test
    void deadlineIntoAYearWithoutAnArrangementCountsItsStatutoryHolidays() throws Exception {
        // day 15 after 2026-12-17 is 2027-01-01 (元旦, a Friday) → Monday 01-04, flagged (2027 not published)
        JsonNode j = json("calc deadline --from 2026-12-17 --days 15 --json");
        assertThat(j.get("deadline").asText()).isEqualTo("2027-01-04");
        assertThat(j.get("uncertainYears").toString()).isEqualTo("[2027]");
        assertThat(j.get("reason").asText()).contains("尚未公布");
        assertThat(j.get("basis").toString()).contains("《全国年节及纪念日放假办法》第二条");
    }

    @Test
    void deadlinesByName() throws Exception {
        // 2027-01-22 + 15 = 02-06, 春节 (初一) to 02-08 (初三) → 02-09; 民事诉讼法 §171 ¶1
        JsonNode j = json2("calc deadline --kind appeal-judgment --from 2027-01-22 --json");
        assertThat(j.get("deadline").asText()).isEqualTo("2027-02-09");
        assertThat(j.get("article").asText()).isEqualTo("《民事诉讼法》第一百七十一条第一款 / Civil Procedure Law Art. 171(1)");
        assertThat(j.get("days").asInt()).isEqualTo(15);
        assertThat(j.get("uncertainYears").toString()).isEqualTo("[2027]");
        assertThat(j.get("lawInForceFrom").asText()).isEqualTo("2024-01-01");
        // 2026-09-21 + 10 = 10-01, in 2026's 国庆 holiday (10-01 … 10-07) → 10-08
        j = json2("calc deadline --kind appeal-ruling --from 2026-09-21 --json");
        assertThat(j.get("deadline").asText()).isEqualTo("2026-10-08");
        assertThat(j.get("article").asText()).startsWith("《民事诉讼法》第一百七十一条第二款");
        // 2026-11-20 + 30 = 12-20, a Sunday → 12-21
        j = json2("calc deadline --kind appeal-foreign --from 2026-11-20 --json");
        assertThat(j.get("deadline").asText()).isEqualTo("2026-12-21");
        assertThat(j.get("article").asText()).startsWith("《民事诉讼法》第二百八十六条");
        // 2026-09-30 + 2 years = 2028-09-30 (Saturday), 10-01 … 10-03 国庆节 → 2028-10-04
        j = json2("calc deadline --kind enforcement-application --from 2026-09-30 --json");
        assertThat(j.get("deadline").asText()).isEqualTo("2028-10-04");
        assertThat(j.get("years").asInt()).isEqualTo(2);
        assertThat(j.get("article").asText()).startsWith("《民事诉讼法》第二百五十条");
        assertThat(j.get("what").asText()).contains("申请强制执行");
        // 2026-09-18 + 15 = 10-03 → 10-08, §227
        j = json2("calc deadline --kind payment-order-objection --from 2026-09-18 --json");
        assertThat(j.get("deadline").asText()).isEqualTo("2026-10-08");
        assertThat(j.get("article").asText()).startsWith("《民事诉讼法》第二百二十七条");
        assertThat(j.has("note")).isFalse();
        // a step under the 2021 text names its number then
        j = json2("calc deadline --kind enforcement-application --from 2023-06-30 --json");
        assertThat(j.get("note").asText()).contains("第二百四十六条");
        out.reset();
        assertThat(run("calc deadline --kind appeal-ruling --from 2026-09-21")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("期限届满 deadline: 2026-10-08", "条文 article: 《民事诉讼法》第一百七十一条第二款");
    }

    @Test
    void limitation() throws Exception {
        JsonNode j = json("calc limitation --start 2026-05-28 --interrupt 2026-07-02 --interrupt 2026-08-28 --json");
        assertThat(j.get("expires").asText()).isEqualTo("2029-08-28");
        assertThat(j.get("lastInterruption").asText()).isEqualTo("2026-08-28");
        JsonNode none = json2("calc limitation --start 2026-05-28 --json");
        assertThat(none.get("expires").asText()).isEqualTo("2029-05-28");
        assertThat(none.get("lastInterruption").isNull()).isTrue();
    }

    @Test
    void rateCap() throws Exception {
        JsonNode j = json("calc rate-cap --kind private-loan --contract-date 2020-09-01 --rate 24 --json");
        assertThat(j.get("cap").asText()).isEqualTo("15.40");
        assertThat(j.get("supportedRate").asText()).isEqualTo("15.40");
        assertThat(j.get("exceeds").asBoolean()).isTrue();
        JsonNode ok = json2("calc rate-cap --kind private-loan --contract-date 2025-06-01 --rate 6 --json");
        assertThat(ok.get("exceeds").asBoolean()).isFalse();
        assertThat(ok.get("supportedRate").asText()).isEqualTo("6.00");
    }

    /** Issue 21: beside each Chinese text of the law engine, its English in an "_en" field (as check's reason_en); the fields before are kept. */
    @Test
    void englishBesideTheChinese() throws Exception {
        JsonNode fee = json("calc fee --kind case --amount 300000 --json");
        assertThat(fee.get("steps").get(1).get("text").asText()).isEqualTo("超过 10000 元至 100000 元的部分：90000 × 2.5%");
        assertThat(fee.get("steps").get(1).get("text_en").asText()).isEqualTo("Above CNY 10000 up to CNY 100000: 90000 × 2.5%");
        JsonNode lim = json2("calc limitation --start 2026-05-28 --interrupt 2026-07-02 --json");
        assertThat(lim.get("steps_en")).hasSameSizeAs(lim.get("steps"));
        assertThat(lim.get("steps_en").get(1).asText()).contains("2026-07-02", "2029-07-02", "Civil Code Art. 195").doesNotContainPattern("\\p{IsHan}");
        assertThat(lim.get("decidedBy_en").asText()).isEqualTo("the three-year limitation period");
        JsonNode cap = json2("calc rate-cap --kind private-loan --contract-date 2020-09-01 --rate 24 --json");
        assertThat(cap.get("segments").get(0).get("text_en").asText()).contains("15.40%").doesNotContainPattern("\\p{IsHan}");
        assertThat(json2("calc late-performance --amount 100000 --days 30 --json").get("formula_en").asText())
                .isEqualTo("100000 × 0.0175% × 30 days = 525.00");
        JsonNode dl = json2("calc deadline --kind enforcement-application --from 2023-06-30 --json");
        assertThat(dl.get("note_en").asText()).contains("2024-01-01", "Art. 246");
        assertThat(dl.get("what_en").asText()).doesNotContainPattern("\\p{IsHan}");
        out.reset();
        assertThat(run("calc late-performance --amount 100000 --days 30")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("formula (English): 100000 × 0.0175% × 30 days = 525.00");
    }

    @Test
    void latePerformance() throws Exception {
        assertThat(json("calc late-performance --amount 100000 --days 30 --json").get("interest").asText()).isEqualTo("525.00");
    }

    @Test
    void claimFromAFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("claim.json"), """
                {"kind": "sale", "contractDate": "2025-12-18", "principal": "500000", "due": "2026-05-28",
                 "penalty": {"kind": "daily-rate", "value": "0.05"},
                 "payments": [{"date": "2026-05-26", "amount": 200000}]}
                """);
        JsonNode j = json("calc claim --file " + f + " --as-of 2026-11-28 --json");
        assertThat(j.get("total").asText()).isEqualTo("327600.00");
        assertThat(j.get("principal").asText()).isEqualTo("300000.00");
        assertThat(j.get("penaltyOrLoss").asText()).isEqualTo("27600.00");
        assertThat(j.get("dailyAccrualAfter").asText()).isEqualTo("150.00");
        assertThat(j.get("ledger")).hasSize(2);
        assertThat(j.get("ledger").get(0).get("toPrincipal").asText()).isEqualTo("200000.00");
        assertThat(j.get("includesUnagreedCharges").asBoolean()).isFalse();
    }

    @Test
    void claimComparesThePenaltyWithTheLossAndTakesAFilingDate(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("claim.json"), """
                {"kind": "sale", "contractDate": "2025-12-18", "principal": "500000", "due": "2026-05-28",
                 "penalty": {"kind": "daily-rate", "value": "0.05"},
                 "payments": [{"date": "2026-05-26", "amount": 200000}]}
                """);
        // issue 19: 300,000 × 0.05 % × 365 = 54,750 against 300,000 × 3.00 % × 1.3 × 365 / 365 = 11,700
        JsonNode j = json("calc claim --file " + f + " --as-of 2027-05-28 --json");
        assertThat(j.get("penaltyOrLoss").asText()).isEqualTo("54750.00");
        assertThat(j.get("comparableLoss").asText()).isEqualTo("11700.00");
        assertThat(j.get("filingDate").asText()).isEqualTo("2027-05-28");
        assertThat(j.get("warnings").toString()).contains("第五百八十五条第二款").contains("第六十五条第二款");
        out.reset();
        // an old loan at 24 %: filed 2023-06-20 the cap after 2020-08-20 is 4 × 3.55 % instead of 4 × 3.85 %
        Path loan = Files.writeString(dir.resolve("loan.json"), """
                {"kind": "private-loan", "contractDate": "2019-08-20", "principal": "100000", "due": "2022-08-20", "interestRate": "24"}
                """);
        JsonNode asOf = json("calc claim --file " + loan + " --as-of 2021-08-20 --json");
        out.reset();
        JsonNode filed = json("calc claim --file " + loan + " --as-of 2021-08-20 --filing-date 2023-06-20 --json");
        assertThat(new BigDecimal(asOf.get("interest").asText()).subtract(new BigDecimal(filed.get("interest").asText())))
                .isEqualByComparingTo("1200.00");
        assertThat(filed.has("comparableLoss")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"kind\": \"sale\",", "[1, 2]", "{\"kind\": \"lease\"}",
            "{\"kind\": \"sale\", \"contractDate\": \"2026-01-01\", \"principal\": \"-1\", \"due\": \"2026-02-01\"}",
            "{\"kind\": \"sale\", \"contractDate\": \"2026-01-01\", \"principal\": \"100\"}",
            "{\"kind\": \"sale\", \"contractDate\": \"2026-01-01\", \"principal\": \"100\", \"due\": \"2026-02-01\", \"interst\": 5}",
            "{\"kind\": \"sale\", \"contractDate\": \"2026-01-01\", \"principal\": \"100\", \"schedule\": [{\"due\": \"2026-02-01\", \"amount\": 90}]}",
            "{\"kind\": \"sale\", \"contractDate\": \"2026/01/01\", \"principal\": \"100\", \"due\": \"2026-02-01\"}"})
    void badClaimFilesAreOneLineAndExitCode2(String content, @TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("claim.json"), content);
        assertThat(run("calc claim --file " + f + " --as-of 2026-11-28")).isEqualTo(2);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e.lines()).hasSize(1);
        assertThat(e).doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** Issue 19: a claim file's errors name its field as written in the file, never an option, in both languages. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"principal\": \"-1\"|\"principal\" must be more than 0|必须大于 0",
            "\"principal\": \"100.001\"|\"principal\": at most 2 decimals|最多两位小数",
            "\"principal\": 100, \"payments\": [{\"date\": \"2026-03-01\", \"amount\": \"x\"}]|\"payments[0].amount\": not a number|不是数字",
            "\"principal\": 100, \"penalty\": {\"kind\": \"daily-rate\", \"value\": \"-1\"}|\"penalty.value\" must be between 0 and 1000 (% of the amount overdue a day)|每日按逾期金额的 %",
            "\"principal\": 100, \"saleMarkup\": 2|\"saleMarkup\" must be from 1.3 to 1.5|应在 1.3 到 1.5 之间",
            "\"principal\": 100, \"payments\": [{\"date\": \"2025-03-01\", \"amount\": 5}]|\"payments[0].date\" is before the contractDate 2026-01-01|还款日期早于合同日期",
            "\"principal\": 100, \"costs\": [{\"date\": \"2025-03-01\", \"amount\": 5}]|\"costs[0].date\" is before the contractDate|费用日期早于合同日期",
            "\"principal\": 100, \"interestRate\": \"abc\"|\"interestRate\": not a number|不是数字"})
    void claimFileErrorsNameTheFileField(String fields, String english, String chinese, @TempDir Path dir)
            throws Exception {
        Path f = Files.writeString(dir.resolve("claim.json"),
                "{\"kind\": \"sale\", \"contractDate\": \"2026-01-01\", \"due\": \"2026-02-01\", " + fields + "}");
        assertThat(run("calc claim --file " + f + " --as-of 2026-11-01")).isEqualTo(2);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e).contains(english).contains(chinese).doesNotContain("--principal").doesNotContain("--payments").doesNotContain("--penalty");
        assertThat(e.lines()).hasSize(1);
    }

    @Test
    void aFixedPenaltyIsAnAmountNotARate(@TempDir Path dir) throws Exception {
        // a fixed penalty of 5,000 yuan was refused as "more than 1000 (% a year)"
        Path f = Files.writeString(dir.resolve("claim.json"), """
                {"kind": "sale", "contractDate": "2026-01-01", "principal": "100000", "due": "2026-02-01",
                 "penalty": {"kind": "fixed", "value": "5000"}}
                """);
        JsonNode j = json("calc claim --file " + f + " --as-of 2026-11-01 --json");
        assertThat(j.get("penaltyOrLoss").asText()).isEqualTo("5000.00");
    }

    @Test
    void anAsOfBeforeTheContractNamesBoth(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("claim.json"), """
                {"kind": "sale", "contractDate": "2026-01-01", "principal": "100000", "due": "2026-02-01"}
                """);
        assertThat(run("calc claim --file " + f + " --as-of 2025-01-01")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--as-of 2025-01-01 is before the file's contractDate 2026-01-01").contains("计算日早于合同日期");
    }

    @Test
    void missingClaimFileIsReported() {
        assertThat(run("calc claim --file /no/such/claim.json")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("找不到文件");
    }

    @Test
    void humanTableByDefault() {
        assertThat(run("calc fee --kind case --amount 100000")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("费用 fee: 2300.00", "《诉讼费用交纳办法》第十三条");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "calc fee --kind lawsuit --amount 100",
            "calc fee --kind case --amount -5",
            "calc fee --kind case --amount 12.345",
            "calc fee --kind case --amount abc",
            "calc fee --kind case",
            "calc fee --kind preservation --amount 100 --simple",
            "calc deadline --from 2026-02-30 --days 15",
            "calc deadline --from 2026-09-18 --days zero",
            "calc deadline --from 2026-09-18 --days 15 --bogus",
            "calc deadline --from 2026-09-18 --kind appeal",
            "calc deadline --from 2026-09-18 --kind appeal-ruling --days 10",
            "calc deadline --kind appeal-ruling",
            "calc deadline --from 2026-09-18 --kind appeal-ruling --kind appeal-judgment",
            "calc limitation --start yesterday",
            "calc rate-cap --kind mortgage --contract-date 2020-09-01 --rate 24",
            "calc rate-cap --kind private-loan --contract-date 2020-08-19 --rate 20",
            "calc late-performance --amount 100",
            "calc",
            "calc frobnicate"})
    void badInputIsOneClearLineAndExitCode2(String line) {
        assertThat(run(line)).isEqualTo(2);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e.lines()).hasSize(1);
        assertThat(e).startsWith("huikuan: ").doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
