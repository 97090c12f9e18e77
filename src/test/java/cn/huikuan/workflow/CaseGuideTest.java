package cn.huikuan.workflow;

import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.PayerSituation;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.law.ConductGuard;
import cn.huikuan.law.Limitation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The wizard's rules, step by step, on the seed's case (300,000 overdue since 2026-05-28; today 2026-11-28). */
class CaseGuideTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    static final LocalDate OVERDUE = LocalDate.of(2026, 5, 28);

    static Limitation.Result limitation(LocalDate expires, long daysLeft) {
        return new Limitation.Result(OVERDUE, expires, false, null, daysLeft, Limitation.Warning.NONE, List.of(), List.of(), List.of(), List.of(),
                expires, OVERDUE.plusYears(20), Limitation.DecidedBy.THREE_YEARS, null, List.of());
    }

    static CaseGuide.Facts facts(CollectionStep step) {
        return new CaseGuide.Facts(step, TODAY, PayerSituation.TEMPORARY_HARDSHIP, true, false, new BigDecimal("300000"), OVERDUE,
                limitation(LocalDate.of(2029, 7, 2), 947), null, null, null, false, List.of());
    }

    static CaseGuide.Facts with(CaseGuide.Facts f, LocalDate lastReminder, LocalDate delivered, LocalDate promised, boolean paidSince) {
        return new CaseGuide.Facts(f.step(), f.today(), f.situation(), f.assetsKnown(), f.amountDisputed(), f.outstanding(), f.overdueSince(),
                f.limitation(), lastReminder, delivered, promised, paidSince, f.deadlines());
    }

    @ParameterizedTest
    @EnumSource(ReminderTemplates.Tone.class)
    void everyReminderToneIsLawfulAndStatesTheFacts(ReminderTemplates.Tone tone) {
        String text = ReminderTemplates.render(tone, new ReminderTemplates.Facts("某建材有限公司", "李某", "建材购销合同", new BigDecimal("300000"),
                OVERDUE, TODAY.plusDays(7), "0571-88880000"));
        assertThat(new ConductGuard(ConductGuard.Policy.defaults()).checkText(text)).isEmpty();
        assertThat(text).contains("李某", "300,000.00元", "2026年5月28日");
        if (tone != ReminderTemplates.Tone.POLITE) assertThat(text).contains("2026年12月5日前");
        if (tone == ReminderTemplates.Tone.FINAL) assertThat(text).contains("依法申请支付令或向人民法院起诉");
    }

    @Test
    void checklistForTheSaleShowsWhatIsThereAndWhatIsMissing() {
        List<EvidenceChecklist.Check> c = EvidenceChecklist.of(ReceivableKind.SALE_ON_CREDIT,
                List.of(EvidenceType.CONTRACT, EvidenceType.DELIVERY_NOTE, EvidenceType.TRANSFER_VOUCHER, EvidenceType.CHAT_RECORD), true);
        assertThat(c).extracting(EvidenceChecklist.Check::present).containsExactly(true, true, false, true, true);
        assertThat(c.get(2).label()).contains("对账单");
        assertThat(c.get(2).essential()).isFalse();
        assertThat(EvidenceChecklist.BASIS).contains("《民事诉讼法》第六十七条");
    }

    @Test
    void aLoanWithOnlyAnIouLacksProofThatTheMoneyWasHandedOver() {
        List<EvidenceChecklist.Check> c = EvidenceChecklist.of(ReceivableKind.PRIVATE_LOAN, List.of(EvidenceType.IOU), false);
        assertThat(c.get(0).present()).isTrue();
        assertThat(c.get(1).label()).contains("转账");
        assertThat(c.get(1).present()).isFalse();
        assertThat(c.get(1).essential()).isTrue();
    }

    @Test
    void reminderStepWaitsSevenDaysAfterAReminderThenEscalates() {
        CaseGuide.Advice none = CaseGuide.next(facts(CollectionStep.REMINDER));
        assertThat(none.what()).contains("发送友好提醒");
        assertThat(none.by()).isEqualTo(TODAY);
        CaseGuide.Advice waiting = CaseGuide.next(with(facts(CollectionStep.REMINDER), TODAY.minusDays(3), null, null, false));
        assertThat(waiting.what()).contains("等待对方回复");
        assertThat(waiting.by()).isEqualTo(LocalDate.of(2026, 12, 2));
        CaseGuide.Advice escalate = CaseGuide.next(with(facts(CollectionStep.REMINDER), TODAY.minusDays(10), null, null, false));
        assertThat(escalate.what()).contains("进入书面催收");
    }

    @Test
    void demandStepAsksForDeliveryProofThenGivesFifteenDays() {
        CaseGuide.Advice send = CaseGuide.next(facts(CollectionStep.DEMAND));
        assertThat(send.what()).contains("EMS", "运单号");
        assertThat(send.why()).contains("《民法典》第一百九十五条", "《诉讼时效规定》第八条");
        CaseGuide.Advice delivered = CaseGuide.next(with(facts(CollectionStep.DEMAND), null, LocalDate.of(2026, 11, 20), null, false));
        assertThat(delivered.by()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(delivered.what()).contains("已送达");
    }

    @Test
    void aMissedPromiseProposesTheNextStep() {
        CaseGuide.Advice kept = CaseGuide.next(with(facts(CollectionStep.NEGOTIATE), null, null, LocalDate.of(2026, 12, 10), false));
        assertThat(kept.what()).contains("跟进对方承诺");
        CaseGuide.Advice missed = CaseGuide.next(with(facts(CollectionStep.NEGOTIATE), null, null, LocalDate.of(2026, 9, 30), false));
        assertThat(missed.what()).contains("未按承诺", "律师函");
        assertThat(missed.why()).contains("《诉讼时效规定》第十四条");
    }

    @Test
    void limitationRunningOutIsWarnedAtEveryStep() {
        CaseGuide.Facts f = facts(CollectionStep.REMINDER);
        CaseGuide.Facts soon = new CaseGuide.Facts(f.step(), f.today(), f.situation(), f.assetsKnown(), false, f.outstanding(), f.overdueSince(),
                limitation(LocalDate.of(2027, 1, 20), 53), null, null, null, false, List.of());
        assertThat(CaseGuide.next(soon).warnings()).singleElement().asString().contains("还剩 53 天", "2027-01-20");
        CaseGuide.Facts expired = new CaseGuide.Facts(CollectionStep.ROUTE, f.today(), f.situation(), f.assetsKnown(), false, f.outstanding(),
                f.overdueSince(), limitation(LocalDate.of(2026, 10, 1), -58), null, null, null, false, List.of());
        assertThat(CaseGuide.next(expired).warnings()).singleElement().asString().contains("已于 2026-10-01 届满", "《民法典》第一百八十八条");
        assertThat(CaseGuide.next(facts(CollectionStep.REMINDER)).warnings()).isEmpty();
    }

    @Test
    void strategyFollowsTheDebtorsSituation() {
        CaseGuide.Facts f = facts(CollectionStep.FACTS);
        assertThat(CaseGuide.strategy(f)).anyMatch(s -> s.contains("分期")).anyMatch(s -> s.contains("财产保全"));
        CaseGuide.Facts wilful = new CaseGuide.Facts(CollectionStep.REMINDER, TODAY, PayerSituation.WILFUL_DEFAULT, false, false, f.outstanding(),
                OVERDUE, f.limitation(), null, null, null, false, List.of());
        assertThat(CaseGuide.strategy(wilful)).anyMatch(s -> s.contains("支付令"));
        assertThat(CaseGuide.next(wilful).warnings()).anyMatch(s -> s.contains("书面催收通知书"));
        CaseGuide.Facts disputed = new CaseGuide.Facts(CollectionStep.FACTS, TODAY, PayerSituation.DISPUTED, false, true, f.outstanding(),
                OVERDUE, f.limitation(), null, null, null, false, List.of());
        assertThat(CaseGuide.strategy(disputed)).anyMatch(s -> s.contains("不适合申请支付令"));
    }

    @Test
    void everyStepSaysWhyWithAnArticle() {
        for (CollectionStep s : CollectionStep.values()) {
            if (s == CollectionStep.CLOSED || s == CollectionStep.LAWYER) continue;
            assertThat(CaseGuide.why(s)).as(s.name()).containsPattern("《.+》第.+条");
        }
        assertThat(CaseGuide.next(new CaseGuide.Facts(CollectionStep.ROUTE, TODAY, PayerSituation.UNKNOWN, false, false, BigDecimal.ZERO,
                null, null, null, null, null, false, List.of())).what()).contains("可以结案");
    }

    static CaseGuide.Facts withPlan(CollectionStep step, CaseGuide.Plan plan) {
        CaseGuide.Facts f = facts(step);
        return new CaseGuide.Facts(step, f.today(), f.situation(), f.assetsKnown(), f.amountDisputed(), f.outstanding(), f.overdueSince(),
                f.limitation(), null, null, null, false, List.of(), plan);
    }

    /** Issue 21: after a plan was saved the wizard still steered to a 支付令; while it is kept it is followed, at any step before court. */
    @ParameterizedTest
    @EnumSource(value = CollectionStep.class, names = {"FACTS", "REMINDER", "DEMAND", "NEGOTIATE", "LAWYER", "ROUTE"})
    void aPlanBeingKeptIsFollowedAndOnlyAMissedInstalmentLeadsToCourt(CollectionStep step) {
        CaseGuide.Plan kept = new CaseGuide.Plan(TODAY.minusDays(10), 2, 3, TODAY.plusDays(10), new BigDecimal("100000"));
        CaseGuide.Advice a = CaseGuide.next(withPlan(step, kept));
        assertThat(a.what()).contains("跟进分期协议", "第 2/3 期", TODAY.plusDays(10).toString(), "提醒").doesNotContain("支付令");
        assertThat(a.by()).isEqualTo(TODAY.plusDays(10 - CaseGuide.PLAN_REMIND_DAYS));
        assertThat(a.why()).contains("加速到期", "支付令", "《诉讼时效规定》第十四条");
        assertThat(CaseGuide.planBeingKept(withPlan(step, kept))).isEqualTo(kept);

        CaseGuide.Plan missed = new CaseGuide.Plan(TODAY.minusDays(40), 1, 3, TODAY.minusDays(1), new BigDecimal("100000"));
        CaseGuide.Advice m = CaseGuide.next(withPlan(step, missed));
        assertThat(CaseGuide.planBeingKept(withPlan(step, missed))).isNull();
        if (step.ordinal() <= CollectionStep.NEGOTIATE.ordinal()) assertThat(m.what()).contains("未按时支付", "加速到期");
        else assertThat(m.what()).doesNotContain("跟进分期协议");
    }
}
