package cn.huikuan.law;

import cn.huikuan.law.data.LawData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.nio.file.StandardOpenOption;

/** 民间借贷规定 §25/§31 on the LPR table of FACTS.md §7, and 法释〔2014〕8号 §1. */
class RatesAndInterestTest {
    static final LprTable LPR = LawData.lpr();
    final RateCaps caps = new RateCaps(LPR);

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void lprInForceIsTheLatestPublicationOnOrBeforeTheDate() {
        assertThat(LPR.inForceOn(d("2019-08-20")).oneYear()).isEqualByComparingTo("4.25");
        assertThat(LPR.inForceOn(d("2025-05-19")).oneYear()).isEqualByComparingTo("3.10");
        assertThat(LPR.inForceOn(d("2025-05-20")).oneYear()).as("change date").isEqualByComparingTo("3.00");
        assertThat(LPR.inForceOn(d("2021-12-19")).oneYear()).isEqualByComparingTo("3.85");
        assertThat(LPR.inForceOn(d("2021-12-20")).oneYear()).isEqualByComparingTo("3.80");
        assertThat(LPR.asOf()).isEqualTo(d("2026-08-20"));
    }

    @Test
    void aDateAfterTheTableSaysSoInsteadOfGuessing() {
        assertThat(LPR.inForceOn(d("2026-09-19")).oneYear()).isEqualByComparingTo("3.00");
        assertThatThrownBy(() -> LPR.inForceOn(d("2026-09-20"))).isInstanceOf(LprTable.RateUnavailableException.class)
                .hasMessageContaining("2026-08-20").hasMessageContaining("2026-09");
        assertThatThrownBy(() -> LPR.inForceOn(d("2019-08-19"))).isInstanceOf(LprTable.RateUnavailableException.class)
                .hasMessageContaining("基准利率");
    }

    @Test
    void userCanAddAMonthWithoutANewRelease(@TempDir Path dir) throws Exception {
        LawData.addLpr(dir, new LprTable.Row(d("2026-09-22"), new BigDecimal("2.90"), new BigDecimal("3.40")));
        LprTable updated = LawData.lpr(dir);
        assertThat(updated.asOf()).isEqualTo(d("2026-09-22"));
        assertThat(updated.inForceOn(d("2026-10-01")).oneYear()).isEqualByComparingTo("2.90");
        Files.writeString(dir.resolve("lpr.csv"), "2026-10-20,abc,3.4\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> LawData.lpr(dir)).isInstanceOf(LawData.LawDataException.class).hasMessageContaining("第 3 行");
        assertThatThrownBy(() -> LawData.addLpr(dir, new LprTable.Row(d("2026-11-20"), new BigDecimal("30"), new BigDecimal("3"))))
                .isInstanceOf(LawData.LawDataException.class);
    }

    @Test
    void userCanAddAHolidayYear(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("holidays"));
        Files.writeString(dir.resolve("holidays/2027.json"),
                "{\"year\":2027,\"days\":[{\"name\":\"元旦\",\"date\":\"2027-01-01\",\"isOffDay\":true}]}");
        HolidayCalendar cal = LawData.holidays(dir);
        assertThat(cal.covers(2027)).isTrue();
        assertThat(cal.isRestDay(d("2027-01-01"))).isTrue();
        assertThat(new Deadlines(cal).days(d("2026-12-17"), 15, Statutes.APPEAL_PERIOD).deadline()).isEqualTo(d("2027-01-04"));
    }

    @Test
    void userSavesAYearsArrangementInTheHolidayCnFormat(@TempDir Path dir) throws Exception {
        assertThat(LawData.holidayYear(dir, 2027).source()).as("shipped with no days: not published").isEqualTo(LawData.HolidaySource.NONE);
        assertThat(LawData.holidayYear(dir, 2026).source()).isEqualTo(LawData.HolidaySource.SHIPPED);
        LawData.saveHolidays(dir, 2027, List.of(new LawData.HolidayDay(d("2027-01-04"), "元旦", true),
                new LawData.HolidayDay(d("2027-01-01"), " 元旦 ", true), new LawData.HolidayDay(d("2027-02-20"), "春节", false)));
        String json = Files.readString(dir.resolve("holidays/2027.json"));
        assertThat(json).contains("\"year\" : 2027", "\"date\" : \"2027-01-01\"", "\"name\" : \"元旦\"", "\"isOffDay\" : false");
        assertThat(json.indexOf("2027-01-01")).isLessThan(json.indexOf("2027-01-04"));
        LawData.HolidayYear y = LawData.holidayYear(dir, 2027);
        assertThat(y.source()).isEqualTo(LawData.HolidaySource.USER);
        assertThat(y.days()).hasSize(3);
        HolidayCalendar cal = LawData.holidays(dir);
        assertThat(cal.covers(2027)).isTrue();
        assertThat(cal.isRestDay(d("2027-01-04"))).isTrue();
        assertThat(cal.isRestDay(d("2027-02-20"))).as("a Saturday worked").isFalse();
        // a year past the shipped ones is read from the user's folder too
        LawData.saveHolidays(dir, 2040, List.of(new LawData.HolidayDay(d("2040-01-02"), "元旦", true)));
        assertThat(LawData.holidays(dir).isRestDay(d("2040-01-02"))).isTrue();
        // refused: a make-up workday on a weekday, a day twice, a day of another year, nothing
        assertThatThrownBy(() -> LawData.saveHolidays(dir, 2027, List.of(new LawData.HolidayDay(d("2027-02-22"), "春节", false))))
                .isInstanceOf(LawData.LawDataException.class).hasMessageContaining("周六或周日");
        assertThatThrownBy(() -> LawData.saveHolidays(dir, 2027, List.of(new LawData.HolidayDay(d("2027-10-01"), "国庆节", true),
                new LawData.HolidayDay(d("2027-10-01"), "国庆节", true)))).isInstanceOf(LawData.LawDataException.class).hasMessageContaining("重复");
        assertThatThrownBy(() -> LawData.saveHolidays(dir, 2027, List.of(new LawData.HolidayDay(d("2029-10-01"), "国庆节", true))))
                .isInstanceOf(LawData.LawDataException.class);
        assertThatThrownBy(() -> LawData.saveHolidays(dir, 2027, List.of())).isInstanceOf(LawData.LawDataException.class);
        assertThat(LawData.holidayYear(dir, 2027).days()).as("unchanged by the refusals").hasSize(3);
    }

    @Test
    void contractAfterTheNewRulesIsCappedAtFourTimesTheLprAtFormation() {
        RateCaps.Result r = caps.privateLoan(d("2020-08-20"), new BigDecimal("24"), d("2026-08-25"));
        assertThat(r.cap()).isEqualByComparingTo("15.40"); // 4 × 3.85
        assertThat(r.supportedRate()).isEqualByComparingTo("15.40");
        assertThat(r.exceeds()).isTrue();
        assertThat(r.segments()).singleElement().satisfies(s -> assertThat(s.basis()).isEqualTo(Statutes.LOAN_RATE_CAP));
        RateCaps.Result low = caps.privateLoan(d("2025-06-01"), new BigDecimal("6"), d("2026-08-25"));
        assertThat(low.cap()).isEqualByComparingTo("12.00");
        assertThat(low.exceeds()).isFalse();
        assertThat(low.supportedRate()).isEqualByComparingTo("6.00");
        assertThat(caps.privateLoan(d("2025-05-19"), new BigDecimal("6"), d("2026-08-25")).cap()).isEqualByComparingTo("12.40");
    }

    @Test
    void contractJustBeforeTheNewRulesIsSplitAtTwentyAugust2020() {
        RateCaps.Result r = caps.privateLoan(d("2020-08-19"), new BigDecimal("20"), d("2026-08-25"));
        assertThat(r.segments()).hasSize(2);
        assertThat(r.segments().get(0).to()).isEqualTo(d("2020-08-19"));
        assertThat(r.segments().get(0).cap()).isEqualByComparingTo("24.00");
        assertThat(r.segments().get(0).supportedRate()).isEqualByComparingTo("20.00");
        assertThat(r.segments().get(1).from()).isEqualTo(d("2020-08-20"));
        assertThat(r.segments().get(1).cap()).isEqualByComparingTo("12.00"); // 4 × LPR at filing (3.00)
        assertThat(r.cap()).isEqualByComparingTo("12.00");
        assertThat(r.exceeds()).isTrue();
        assertThatThrownBy(() -> caps.privateLoan(d("2020-08-19"), new BigDecimal("20"), d("2026-11-28")))
                .isInstanceOf(LprTable.RateUnavailableException.class);
    }

    @Test
    void doubledInterestForLatePerformance() {
        assertThat(LatePerformance.compute(new BigDecimal("100000"), 30).interest()).isEqualByComparingTo("525.00");
        // seed: 300,000 unpaid for 184 days: 300,000 × 0.000175 = 52.50 a day
        assertThat(LatePerformance.compute(new BigDecimal("300000"), 184).interest()).isEqualByComparingTo("9660.00");
        assertThat(LatePerformance.compute(new BigDecimal("1234.56"), 1).interest()).isEqualByComparingTo("0.22");
        assertThat(LatePerformance.compute(new BigDecimal("100"), 0).interest()).isEqualByComparingTo("0.00");
    }

    @Test
    void statuteRegistryPrintsCurrentArticleNumbers() {
        assertThat(Statutes.PAYMENT_ORDER.zh()).isEqualTo("《民事诉讼法》第二百二十五条");
        assertThat(Statutes.ENFORCEMENT_PERIOD.zh()).isEqualTo("《民事诉讼法》第二百五十条");
        assertThat(Statutes.PEACE_OF_PRIVATE_LIFE.zh()).isEqualTo("《民法典》第一千零三十三条");
        assertThat(Statutes.PAYMENT_ALLOCATION.en()).isEqualTo("Civil Code Art. 561");
        assertThat(ChineseNumerals.of(10)).isEqualTo("十");
        assertThat(ChineseNumerals.of(15)).isEqualTo("十五");
        assertThat(ChineseNumerals.of(110)).isEqualTo("一百一十");
        assertThat(ChineseNumerals.of(203)).isEqualTo("二百零三");
        assertThat(ChineseNumerals.of(1000)).isEqualTo("一千");
        assertThat(Statutes.all()).hasSizeGreaterThan(30).doesNotHaveDuplicates();
    }
}
