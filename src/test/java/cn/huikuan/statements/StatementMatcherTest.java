package cn.huikuan.statements;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 23: proposals by payer, amount and date; what the user confirmed before is remembered. */
class StatementMatcherTest {
    static final LocalDate D = LocalDate.of(2026, 11, 10);

    static OpenReceivable open(long id, long customer, String name, String outstanding, LocalDate due, String... instalments) {
        return new OpenReceivable(id, customer, name, "货款 " + id, LocalDate.of(2026, 1, 1), due, new BigDecimal(outstanding),
                java.util.Arrays.stream(instalments).map(BigDecimal::new).toList());
    }

    static StatementLine in(int row, LocalDate date, String payer, String account, String amount) {
        return new StatementLine(row, date, payer, account, new BigDecimal(amount), StatementLine.Direction.IN, null, null, null, true, "k" + row, null);
    }

    @Test
    void exactBeatsInstalmentBeatsPartAndTheOldestDebtWinsATie() {
        var a = open(1, 10, "李某", "5000.00", LocalDate.of(2026, 3, 1), "1000.00", "4000.00");
        var b = open(2, 10, "李某", "1000.00", LocalDate.of(2026, 6, 1));
        var c = open(3, 10, "李某", "3000.00", LocalDate.of(2026, 2, 1));
        var m = new StatementMatcher(List.of(a, b, c), Map.of());
        List<Proposal> p = m.match(List.of(in(1, D, "李某", null, "1000.00")));
        assertThat(p.get(0).receivable()).isEqualTo(b);
        assertThat(p.get(0).kind()).isEqualTo(MatchKind.EXACT);

        m = new StatementMatcher(List.of(a, c), Map.of());
        p = m.match(List.of(in(1, D, "李某", null, "1000.00")));
        assertThat(p.get(0).receivable()).as("an instalment of 1,000.00 fits better than a part of the older debt").isEqualTo(a);
        assertThat(p.get(0).kind()).isEqualTo(MatchKind.INSTALMENT);

        m = new StatementMatcher(List.of(a, c), Map.of());
        p = m.match(List.of(in(1, D, "李某", null, "500.00")));
        assertThat(p.get(0).receivable()).as("a part goes to the oldest unpaid due date").isEqualTo(c);
        assertThat(p.get(0).kind()).isEqualTo(MatchKind.PART);
    }

    @Test
    void moreThanIsOpenAnUnknownPayerAndADebtMadeAfterThePaymentAreNoMatch() {
        var a = open(1, 10, "李某", "500.00", null);
        var later = new OpenReceivable(2, 10, "李某", "later", LocalDate.of(2026, 11, 20), null, new BigDecimal("9000.00"), List.of());
        var m = new StatementMatcher(List.of(a, later), Map.of());
        List<Proposal> p = m.match(List.of(in(1, D, "李某", null, "600.00"), in(2, D, "张三", null, "100.00")));
        assertThat(p).allMatch(x -> !x.matched());
    }

    @Test
    void twoLinesNeverProposeMoreThanIsOpenAndAreMatchedInDateOrder() {
        var a = open(1, 10, "李某", "1500.00", null);
        var m = new StatementMatcher(List.of(a), Map.of());
        List<Proposal> p = m.match(List.of(in(1, D.plusDays(1), "李某", null, "1000.00"), in(2, D, "李某", null, "1000.00")));
        assertThat(p.get(1).kind()).as("the earlier line takes its part first").isEqualTo(MatchKind.PART);
        assertThat(p.get(0).matched()).as("only 500.00 is left for the later one").isFalse();
    }

    @Test
    void aRememberedAccountOrNameFindsTheCustomerWhateverTheNameSays() {
        var a = open(1, 10, "某某建筑工程有限公司", "12500.00", null);
        Map<String, Long> memory = Map.of(StatementMatcher.accountKey("6222 0202 0000 1234 567"), 10L, StatementMatcher.nameKey("老李"), 10L);
        var m = new StatementMatcher(List.of(a), memory);
        List<Proposal> p = m.match(List.of(in(1, D, "某某建筑", "6222-0202-0000-1234-567", "12500.00"), in(2, D, "老 李", null, "100.00")));
        assertThat(p.get(0).kind()).isEqualTo(MatchKind.EXACT);
        assertThat(p.get(0).byMemory()).isTrue();
        assertThat(p.get(1).matched()).as("nothing is left after the first").isFalse();
        assertThat(new StatementMatcher(List.of(a), memory).match(List.of(in(2, D, "老 李", null, "100.00"))).get(0).byMemory()).isTrue();
        assertThat(StatementMatcher.accountKey("6222****1234")).as("a masked account is no one's").isNull();
    }

    @Test
    void aMaskedNameMatchesOnlyWhenOneCustomerFitsIt() {
        var wang = open(1, 10, "王某明", "2000.00", null);
        var m = new StatementMatcher(List.of(wang), Map.of());
        assertThat(m.match(List.of(in(1, D, "王*明", null, "2000.00"))).get(0).receivable()).isEqualTo(wang);
        var wang2 = open(2, 11, "王大明", "2000.00", null);
        m = new StatementMatcher(List.of(wang, wang2), Map.of());
        assertThat(m.match(List.of(in(1, D, "王*明", null, "2000.00"))).get(0).matched()).as("two customers fit 王*明").isFalse();
    }

    @Test
    void linesNotReceivedGetNoProposal() {
        var a = open(1, 10, "李某", "1000.00", null);
        var refunded = new StatementLine(1, D, "李某", null, new BigDecimal("1000.00"), StatementLine.Direction.IN, null, null, "已全额退款", false, "k", null);
        var out = new StatementLine(2, D, "李某", null, new BigDecimal("1000.00"), StatementLine.Direction.OUT, null, null, null, false, "j", null);
        assertThat(new StatementMatcher(List.of(a), Map.of()).match(List.of(refunded, out))).allMatch(x -> !x.matched());
    }
}
