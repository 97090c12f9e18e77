package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** 今日待办 on the sample books (today 2026-11-28). */
class TodayServiceTest {
    @TempDir
    Path dir;
    Books books;

    @BeforeEach
    void open() {
        books = Books.open(dir, TestClock.fixed());
        SampleData.loadInto(books);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void listsMissedPromisesTheMissedInstalmentAndUndeliveredDemands() {
        TodayService.Today t = books.todo().items(100);
        assertThat(t.capped()).isFalse();
        assertThat(t.casesRead()).isEqualTo(3);
        assertThat(t.items()).extracting(i -> i.customer() + " " + i.kind() + " " + i.date()).containsExactly(
                "张某 PROMISE 2026-08-31",
                "李某 PROMISE 2026-09-30",
                "某装饰工程有限公司 INSTALMENT 2026-10-31");
        assertThat(t.items().get(2).text()).contains("分期款已逾期", "¥30,000.00");

        long sale = t.items().get(1).receivableId();
        books.wizard().moveTo(sale, CollectionStep.DEMAND, null);
        assertThat(books.todo().items(100).items()).anyMatch(i -> i.kind() == TodayService.Kind.DEMAND_UNDELIVERED && i.receivableId() == sale);
        books.wizard().moveTo(sale, CollectionStep.CLOSED, "和解");
        assertThat(books.todo().items(100).items()).noneMatch(i -> i.receivableId() == sale);
    }

    @Test
    void limitationWithinNinetyDaysIsListedAndTheCapIsReported() {
        var c = books.customers().save(books.customers().newCustomer(PartyKind.PERSON, "王某"));
        Receivable old = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "旧货款", LocalDate.of(2023, 9, 1), Money.of("8000"));
        old.dueOn(LocalDate.of(2023, 12, 31));
        books.receivables().save(old, false);
        TodayService.Today t = books.todo().items(100);
        // Due 2023-12-31 with nothing on record since: three years end on 2026-12-31, 33 days from today.
        assertThat(t.items()).anyMatch(i -> i.customer().equals("王某") && i.kind() == TodayService.Kind.LIMITATION
                && i.date().equals(LocalDate.of(2026, 12, 31)) && i.text().contains("还剩 33 天"));
        TodayService.Today capped = books.todo().items(2);
        assertThat(capped.capped()).isTrue();
        assertThat(capped.casesRead()).isEqualTo(2);
    }

    /** Issue 21: a court deadline on the to-do list is English in the English window, Chinese in the Chinese one. */
    @Test
    void aCourtDeadlineIsListedInTheAppsLanguage() {
        long sale = books.todo().items(100).items().get(1).receivableId();
        // a ruling served 2026-11-27: ten days to appeal (民事诉讼法 §171 ¶2), to 2026-12-07
        books.court().log(sale, cn.huikuan.domain.CourtEvent.Kind.RULING_SERVED, LocalDate.of(2026, 11, 27), null, null, null);
        TodayService.Item deadline = books.todo().items(100).items().stream().filter(i -> i.kind() == TodayService.Kind.DEADLINE)
                .findFirst().orElseThrow();
        assertThat(deadline.text()).containsPattern("\\p{IsHan}");
        assertThat(deadline.text(new cn.huikuan.i18n.I18n(cn.huikuan.i18n.I18n.ENGLISH))).isNotBlank().doesNotContainPattern("\\p{IsHan}");
    }
}
