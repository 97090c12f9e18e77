package cn.huikuan.law;

import cn.huikuan.law.data.LawData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * 民法典 §188 ¶2 (issue 19): interruptions never carry a claim past twenty years from the day the right was harmed; the
 * twenty years are not interrupted; their last day on a rest day moves per §203.
 */
class LimitationMaximumTest {
    final Limitation limitation = new Limitation(LawData.holidays());

    @Test
    void interruptionsEveryThreeYearsCannotCarryAClaimPastTwentyYears() {
        // due 2004-06-01; interrupted before each three years ran out, last on 2025-03-20: three years would now end
        // 2028-03-20. Twenty years from 2004-06-01: 2024-06-01, a Saturday; Sunday 06-02 too is a rest day, so by §203 the
        // last day is Monday 2024-06-03. The earlier of the two decides: protection ended 2024-06-03.
        List<Limitation.Event> events = new ArrayList<>();
        for (String d : List.of("2007-05-20", "2010-05-10", "2013-05-01", "2016-04-20", "2019-04-10", "2022-04-01", "2025-03-20")) {
            events.add(new Limitation.Event(LocalDate.parse(d), Limitation.EventKind.INTERRUPTION, null));
        }
        Limitation.Result r = limitation.compute(LocalDate.of(2004, 6, 1), events, LocalDate.of(2026, 12, 7));
        assertThat(r.threeYears()).isEqualTo(LocalDate.of(2028, 3, 20));
        assertThat(r.twentyYears()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(r.expires()).isEqualTo(LocalDate.of(2024, 6, 3));
        assertThat(r.decidedBy()).isEqualTo(Limitation.DecidedBy.TWENTY_YEARS);
        assertThat(r.warning()).isEqualTo(Limitation.Warning.EXPIRED);
        assertThat(r.moved()).isTrue();
        assertThat(String.join("\n", r.table())).contains("二十年届满 2024-06-03", "不因中断而延长", "《民法典》第一百八十八条第二款", "以此为准");
        assertThat(r.basis()).contains(Statutes.LIMITATION_TWENTY_YEARS);
    }

    @Test
    void withoutSuchALongHistoryTheThreeYearsDecideAsBefore() {
        // the sample: due 2026-05-28, acknowledged 2026-07-02 → three years to 2029-07-02 (a Monday); twenty years 2046
        Limitation.Result r = limitation.compute(LocalDate.of(2026, 5, 28),
                List.of(new Limitation.Event(LocalDate.of(2026, 7, 2), Limitation.EventKind.ACKNOWLEDGED, null)), LocalDate.of(2026, 12, 7));
        assertThat(r.expires()).isEqualTo(LocalDate.of(2029, 7, 2));
        assertThat(r.decidedBy()).isEqualTo(Limitation.DecidedBy.THREE_YEARS);
        assertThat(r.twentyYears()).isEqualTo(LocalDate.of(2046, 5, 28));
        assertThat(r.firstPartBarred()).isNull();
    }

    @Test
    void eachInstalmentHasItsOwnTwentyYears() {
        // instalments due 2005-01-10 … 2006-01-10; acknowledged within every three years, last 2024-12-01 → three years from it (§189, §195) to
        // 2027-12-01. Twenty years from the last instalment: 2026-01-10, a Saturday → Monday 2026-01-12; the first
        // instalment's own twenty years end 2025-01-10 (a Friday), so from then on that instalment is no longer protected.
        List<Limitation.Event> events = new ArrayList<>();
        for (String d : List.of("2008-06-01", "2011-05-01", "2014-04-01", "2017-03-01", "2020-02-01", "2022-12-01", "2024-12-01")) {
            events.add(new Limitation.Event(LocalDate.parse(d), Limitation.EventKind.ACKNOWLEDGED, null));
        }
        Limitation.Result r = limitation.compute(LocalDate.of(2006, 1, 10), LocalDate.of(2005, 1, 10), events, LocalDate.of(2025, 6, 1));
        assertThat(r.threeYears()).isEqualTo(LocalDate.of(2027, 12, 1));
        assertThat(r.expires()).isEqualTo(LocalDate.of(2026, 1, 12));
        assertThat(r.decidedBy()).isEqualTo(Limitation.DecidedBy.TWENTY_YEARS);
        assertThat(r.firstPartBarred()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(String.join("\n", r.table())).contains("最早一期 2005-01-10", "2025-01-10");
        assertThat(r.warning()).isEqualTo(Limitation.Warning.NONE);
    }

    @Test
    void theCommandLineSaysWhichRuleDecided() {
        var out = new ByteArrayOutputStream();
        var cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        assertThat(cli.run("calc", "limitation", "--start", "2004-06-01", "--interrupt", "2007-05-20", "--interrupt", "2010-05-10",
                "--interrupt", "2013-05-01", "--interrupt", "2016-04-20", "--interrupt", "2019-04-10", "--interrupt", "2022-04-01",
                "--interrupt", "2025-03-20", "--as-of", "2026-12-07", "--json")).isZero();
        String json = out.toString(StandardCharsets.UTF_8).replaceAll("\\s*:\\s*", ":");
        assertThat(json).contains("\"expires\":\"2024-06-03\"", "\"warning\":\"EXPIRED\"", "\"twentyYears\":\"2024-06-03\"",
                "\"threeYears\":\"2028-03-20\"", "二十年");
    }
}
