package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.DomainException;
import cn.huikuan.workflow.ReminderTemplates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import cn.huikuan.documents.DocKind;
import cn.huikuan.documents.Templates;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.StepChange;
import java.math.BigDecimal;

class WizardServiceTest extends SampleBooksTestBase {
    @Test
    void aCaseStartsWithTheFactsAndRemembersEveryStepAcrossReopening() {
        assertThat(books.wizard().current(sale)).isEqualTo(CollectionStep.FACTS);
        books.wizard().moveTo(sale, CollectionStep.REMINDER, null);
        books.wizard().moveTo(sale, CollectionStep.DEMAND, "提醒三次未果");
        books.close();
        books = Books.open(dir, TestClock.fixed());
        assertThat(books.wizard().current(sale)).isEqualTo(CollectionStep.DEMAND);
        assertThat(books.wizard().history(sale)).extracting(c -> c.getStep()).containsExactly(CollectionStep.REMINDER, CollectionStep.DEMAND);
        assertThat(books.wizard().history(sale).get(1).getNote()).isEqualTo("提醒三次未果");
        assertThatThrownBy(() -> books.wizard().moveTo(sale, CollectionStep.LAWYER, "很".repeat(1001))).isInstanceOf(DomainException.class);
    }

    @Test
    void theSampleCaseStateReadsTheChecklistPromiseAndLimitation() {
        WizardService.State st = books.wizard().state(sale);
        assertThat(st.balance().outstanding()).isEqualByComparingTo("300000");
        assertThat(st.checklist()).filteredOn(c -> c.essential()).allMatch(c -> c.present());
        // 李某 promised on 2026-08-28 to pay by 2026-09-30 and did not.
        assertThat(st.facts().promisedDate()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(st.facts().paidSincePromise()).isFalse();
        // Last interruption: the promise of 2026-08-28 → expires three years on.
        assertThat(st.limitation().expires()).isEqualTo(LocalDate.of(2029, 8, 28));
        assertThat(books.wizard().reminder(sale, ReminderTemplates.Tone.FIRM)).contains("李某", "300,000.00元", "2026年12月5日前");
    }

    @Test
    void aDeliveredDemandInterruptsLimitation() {
        ContactEntry e = new ContactEntry(null, LocalDateTime.of(2026, 11, 26, 9, 0), ContactEntry.Channel.LETTER, ContactEntry.Direction.OUTGOING,
                "催收通知书以 EMS 寄出，运单号 EA123456789CN，2026-11-26 妥投", ContactEntry.Outcome.DELIVERED);
        books.contacts().log(sale, e, List.of());
        WizardService.State st = books.wizard().state(sale);
        assertThat(st.facts().demandDelivered()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(st.limitation().expires()).isEqualTo(LocalDate.of(2029, 11, 26));
    }

    @Test
    void aNegotiatedPlanIsTrackedAndAMissedInstalmentProposesTheNextStep() {
        List<Instalment> plan = List.of(new Instalment(LocalDate.of(2026, 11, 15), new BigDecimal("100000")),
                new Instalment(LocalDate.of(2026, 12, 15), new BigDecimal("100000")),
                new Instalment(LocalDate.of(2027, 1, 15), new BigDecimal("100000")));
        assertThatThrownBy(() -> books.wizard().savePlan(sale, LocalDate.of(2026, 11, 20), plan, null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> books.wizard().savePlan(sale, LocalDate.of(2026, 12, 1), plan, null)).isInstanceOf(DomainException.class);
        books.wizard().savePlan(sale, LocalDate.of(2026, 11, 1), plan, "电话协商");
        books.wizard().moveTo(sale, CollectionStep.NEGOTIATE, null);
        WizardService.State st = books.wizard().state(sale);
        assertThat(st.facts().plan().number()).isEqualTo(1);
        assertThat(st.advice().what()).contains("第 1/3 期", "未按时支付", "加速到期");
        // The agreement of 2026-11-01 is the latest interruption: three years on.
        assertThat(st.limitation().expires()).isEqualTo(LocalDate.of(2029, 11, 1));
        assertThat(books.todo().items(100).items()).anyMatch(i -> i.receivableId() == sale && i.text().contains("分期协议第 1 期已逾期"));
        // The 还款协议 prints the agreed plan, not an even split.
        String doc = Templates.build(DocKind.INSTALMENT_AGREEMENT, books.exports().caseFile(sale, null)).plainText();
        assertThat(doc).contains("第1期 2026年11月15日 100,000.00", "第3期 2027年1月15日 100,000.00", "合计  300,000.00");

        books.receivables().addPayment(sale, new Payment(books.receivables().get(sale), LocalDate.of(2026, 11, 20),
                new BigDecimal("100000"), Payment.Channel.BANK_TRANSFER), false);
        st = books.wizard().state(sale);
        assertThat(st.facts().plan().number()).isEqualTo(2);
        assertThat(st.advice().what()).contains("跟进分期协议", "第 2/3 期");
        // a reminder three days before the instalment of 2026-12-15 (issue 21: the plan is followed, reminded before each instalment)
        assertThat(st.advice().by()).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(st.advice().what()).contains("提醒").doesNotContain("支付令");

        books.wizard().moveTo(sale, CollectionStep.CLOSED, "余款和解", StepChange.Outcome.SETTLED);
        assertThat(books.wizard().history(sale).get(books.wizard().history(sale).size() - 1).getOutcome())
                .isEqualTo(StepChange.Outcome.SETTLED);
    }
}
