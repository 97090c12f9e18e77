package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.Balance;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.Receivable;
import cn.huikuan.persistence.EvidenceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.DomainException;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.law.Limitation;
import cn.huikuan.law.ProceduralDeadlines;
import cn.huikuan.storage.FileIntegrity;
import java.math.BigDecimal;
import org.assertj.core.api.Assertions;

class SampleBooksTest {
    @TempDir
    Path dir;
    Books books;

    @BeforeEach
    void open() {
        books = Books.open(dir, TestClock.fixed());
        assertThat(SampleData.loadInto(books)).isTrue();
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void seedCaseIsSixMonthsOverdueWithThreeHundredThousandOutstanding() {
        Page<ReceivableRow> page = books.receivables().page(ListQuery.first(50));
        assertThat(page.total()).isEqualTo(3);
        ReceivableRow sale = page.rows().stream().filter(r -> r.customerName().equals("李某")).findFirst().orElseThrow();
        assertThat(sale.principal()).isEqualByComparingTo("500000");
        assertThat(sale.paid()).isEqualByComparingTo("200000");
        assertThat(sale.outstanding()).isEqualByComparingTo("300000");
        assertThat(sale.overdueSince()).isEqualTo(LocalDate.of(2026, 5, 28));
        // 28 May → 28 Nov: 3 + 30 + 31 + 31 + 30 + 31 + 28 = 184 days
        assertThat(sale.daysOverdue()).isEqualTo(184L);
        assertThat(sale.bucket()).isEqualTo(AgingBucket.D181_365);
    }

    @Test
    void listQueryAgreesWithDomainBalanceForEveryReceivable() {
        for (ReceivableRow row : books.receivables().page(ListQuery.first(50)).rows()) {
            Balance b = books.receivables().balance(row.id());
            assertThat(row.outstanding()).as(row.title()).isEqualByComparingTo(b.outstanding());
            assertThat(row.bucket()).as(row.title()).isEqualTo(b.bucket());
            assertThat(row.overdueSince()).as(row.title()).isEqualTo(b.overdueSince());
            assertThat(row.daysOverdue() == null ? 0L : row.daysOverdue()).as(row.title()).isEqualTo(b.daysOverdue());
        }
    }

    @Test
    void instalmentCustomerIsOverdueOnTheThirdInstalmentOnly() {
        ReceivableRow inst = books.receivables().page(ListQuery.first(50).withText("瓷砖")).rows().get(0);
        assertThat(inst.paid()).isEqualByComparingTo("60000");
        assertThat(inst.overdueSince()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(inst.daysOverdue()).isEqualTo(28L);
        assertThat(inst.bucket()).isEqualTo(AgingBucket.D0_30);
    }

    @Test
    void dashboardTotalsEqualTheSumOfTheRows() {
        Dashboard d = books.lists().dashboard(books.creditorId(), TestClock.TODAY);
        List<ReceivableRow> rows = books.receivables().page(ListQuery.first(50)).rows();
        assertThat(d.customers()).isEqualTo(3);
        assertThat(d.outstanding()).isEqualByComparingTo(rows.stream().map(ReceivableRow::outstanding).reduce(Money.ZERO, BigDecimal::add));
        assertThat(d.outstanding()).isEqualByComparingTo("410000");
        assertThat(d.overdue()).isEqualByComparingTo("410000");
        assertThat(d.buckets().get(AgingBucket.D181_365).outstanding()).isEqualByComparingTo("300000");
        assertThat(d.buckets().get(AgingBucket.D91_180).outstanding()).isEqualByComparingTo("50000");
    }

    @Test
    void evidenceAndTimelineRoundTrip() {
        long saleId = books.receivables().page(ListQuery.first(50).withText("建材")).rows().get(0).id();
        List<EvidenceItem> items = books.evidence().list(saleId);
        assertThat(items).hasSize(5);
        assertThat(items).extracting(EvidenceItem::getType).containsExactly(EvidenceType.CONTRACT,
                EvidenceType.DELIVERY_NOTE, EvidenceType.DELIVERY_NOTE,
                EvidenceType.TRANSFER_VOUCHER, EvidenceType.CHAT_RECORD);
        for (EvidenceItem e : items) {
            assertThat(books.evidence().verify(e)).isEqualTo(FileIntegrity.OK);
        }
        List<ContactEntry> timeline = books.contacts().timeline(saleId);
        assertThat(timeline).hasSize(5);
        assertThat(timeline.get(0).getOccurredAt().toLocalDate()).isEqualTo(LocalDate.of(2026, 10, 26));
        ContactEntry ack = timeline.stream().filter(c -> c.getOutcome() == ContactEntry.Outcome.ACKNOWLEDGED_DEBT).findFirst().orElseThrow();
        assertThat(ack.getEvidence()).hasSize(3);
        Receivable r = books.receivables().get(saleId);
        assertThat(r.getSchedule()).hasSize(1);
        assertThat(r.getCustomer().getContacts()).hasSize(2);
    }

    @Test
    void seedCaseLimitationRunsFromTheLastAcknowledgementInTheRecords() {
        long saleId = books.receivables().page(ListQuery.first(50).withText("建材")).rows().get(0).id();
        Limitation.Result lim = books.legal().limitation(saleId);
        // due 2026-05-28; payment 2026-05-26 is before the start; acknowledged 07-02 (logged 07-01 contact),
        // promise on 08-28 → three years from 2026-08-28
        assertThat(lim.start()).isEqualTo(LocalDate.of(2026, 5, 28));
        assertThat(lim.lastInterruption().date()).isEqualTo(LocalDate.of(2026, 8, 28));
        assertThat(lim.lastInterruption().kind()).isEqualTo(Limitation.EventKind.INSTALMENT_AGREEMENT);
        assertThat(lim.expires()).isEqualTo(LocalDate.of(2029, 8, 28));
        long instId = books.receivables().page(ListQuery.first(50).withText("瓷砖")).rows().get(0).id();
        // §189: instalments of one debt run from the last instalment's due date (2026-11-30)
        assertThat(books.legal().limitation(instId).start()).isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void amountOwedTodayFollowsTheContractTermsOfEachSampleCase() {
        long sale = books.receivables().page(ListQuery.first(50).withText("建材")).rows().get(0).id();
        assertThat(books.legal().claim(sale).total()).isEqualByComparingTo("327600.00");
        long loan = books.receivables().page(ListQuery.first(50).withText("借条")).rows().get(0).id();
        ClaimCalculator.Result l = books.legal().claim(loan);
        assertThat(l.interest()).isEqualByComparingTo("2465.75");
        assertThat(l.includesUnagreedCharges()).isTrue();
        long inst = books.receivables().page(ListQuery.first(50).withText("瓷砖")).rows().get(0).id();
        assertThat(books.legal().claim(inst).total()).isEqualByComparingTo("61500.00");
    }

    @Test
    void eachCourtStepStartsItsOwnPeriod() {
        long sale = books.receivables().page(ListQuery.first(50).withText("建材")).rows().get(0).id();
        books.court().log(sale, CourtEvent.Kind.RULING_SERVED, LocalDate.of(2026, 11, 27), null, null, null);
        books.court().log(sale, CourtEvent.Kind.SERVED_WITHOUT_DOMICILE, LocalDate.of(2026, 11, 20), null, null, null);
        books.court().log(sale, CourtEvent.Kind.PERFORMANCE_DUE, LocalDate.of(2026, 9, 30), null, null, null);
        books.court().log(sale, CourtEvent.Kind.PAYMENT_ORDER_SERVED, LocalDate.of(2026, 9, 18), null, null, null);
        var deadlines = books.legal().proceduralDeadlines(sale);
        // earliest first: objection 09-18 + 15 = 10-03 (国庆) → 10-08 (§227); ruling 11-27 + 10 = 12-07 (§171 ¶2);
        // no domicile 11-20 + 30 = 12-20, a Sunday → 12-21 (§286); enforcement 2026-09-30 + 2 years = 2028-09-30, a
        // Saturday, then 国庆 10-01…10-03 of unpublished 2028 → 10-04 (§250)
        assertThat(deadlines).extracting(d -> d.date() + " " + d.article().article()).containsExactly(
                "2026-10-08 227", "2026-12-07 171", "2026-12-21 286", "2028-10-04 250");
        assertThat(deadlines.get(3).result().uncertainYears()).containsExactly(2028);
    }

    @Test
    void courtStepsStartDeadlinesAndInterruptLimitation() {
        long sale = books.receivables().page(ListQuery.first(50).withText("建材")).rows().get(0).id();
        assertThat(books.legal().proceduralDeadlines(sale)).isEmpty();
        books.court().log(sale, CourtEvent.Kind.SUIT_FILED, LocalDate.of(2026, 10, 20), "杭州市拱墅区人民法院", null, null);
        books.court().log(sale, CourtEvent.Kind.JUDGMENT_SERVED, LocalDate.of(2026, 11, 20), null, "（2026）浙0105民初1号", null);
        var deadlines = books.legal().proceduralDeadlines(sale);
        // served 20 Nov: day 15 is Saturday 5 Dec → Monday 7 Dec (民事诉讼法 §171, §85)
        assertThat(deadlines).singleElement().satisfies(d -> {
            assertThat(d.date()).isEqualTo(LocalDate.of(2026, 12, 7));
            assertThat(d.result().moved()).isTrue();
        });
        assertThat(ProceduralDeadlines.next(deadlines, TestClock.TODAY)).isPresent();
        assertThat(books.legal().limitation(sale).lastInterruption().date()).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(books.legal().limitation(sale).expires()).isEqualTo(LocalDate.of(2029, 10, 22)); // 20 Oct 2029 is a Saturday
        Assertions.assertThatThrownBy(() -> books.court().log(sale, CourtEvent.Kind.SUIT_FILED,
                LocalDate.of(2027, 1, 1), null, null, null)).isInstanceOf(DomainException.class);
    }

    @Test
    void dataSurvivesReopening() {
        books.close();
        books = Books.open(dir, TestClock.fixed());
        assertThat(books.customers().page(ListQuery.first(10)).total()).isEqualTo(3);
        assertThat(books.creditor().getName()).isEqualTo("某建材有限公司");
        assertThat(SampleData.loadInto(books)).isFalse();
    }
}
