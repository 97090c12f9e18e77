package cn.huikuan.workflow;

import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.PayerSituation;
import cn.huikuan.law.Limitation;
import cn.huikuan.law.ProceduralDeadlines;
import cn.huikuan.law.Statutes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where a case stands and what to do next, by when and why (the legal basis in one sentence with the
 * article). Pure rules over facts the application reads from the books; the wizard shows them.
 */
public final class CaseGuide {
    /** Days a delivered demand gives the debtor before the next step is suggested. */
    public static final int DEMAND_DAYS = 15;
    /** Days after a reminder without an answer before a formal demand is suggested. */
    public static final int REMINDER_DAYS = 7;

    /** What the guide needs to know; nullable dates mean "not on record". */
    public record Facts(CollectionStep step, LocalDate today, PayerSituation situation, boolean assetsKnown, boolean amountDisputed,
                        BigDecimal outstanding, LocalDate overdueSince, Limitation.Result limitation, LocalDate lastReminder,
                        LocalDate demandDelivered, LocalDate promisedDate, boolean paidSincePromise,
                        List<ProceduralDeadlines.Deadline> deadlines, Plan plan) {
        public Facts {
            deadlines = deadlines == null ? List.of() : List.copyOf(deadlines);
        }

        public Facts(CollectionStep step, LocalDate today, PayerSituation situation, boolean assetsKnown, boolean amountDisputed,
                     BigDecimal outstanding, LocalDate overdueSince, Limitation.Result limitation, LocalDate lastReminder,
                     LocalDate demandDelivered, LocalDate promisedDate, boolean paidSincePromise, List<ProceduralDeadlines.Deadline> deadlines) {
            this(step, today, situation, assetsKnown, amountDisputed, outstanding, overdueSince, limitation, lastReminder, demandDelivered,
                    promisedDate, paidSincePromise, deadlines, null);
        }
    }

    /** A negotiated plan's next unpaid instalment: its number, due date and amount (null when the plan is paid). */
    public record Plan(LocalDate agreedOn, int number, int of, LocalDate due, BigDecimal amount) {
        public boolean missed(LocalDate today) {
            return due != null && due.isBefore(today);
        }
    }

    /** The next action: what, by when (null: no date), why, and warnings that override the step's routine. */
    public record Advice(String what, LocalDate by, String why, List<String> warnings, String whatEn, String whyEn) {
        /** Chinese only (the English falls back to it). */
        public Advice(String what, LocalDate by, String why, List<String> warnings) {
            this(what, by, why, warnings, what, why);
        }

        /** The advice in the app's language ("en" or "zh"); the why and warnings likewise where they have English. */
        public String what(String language) {
            return "en".equals(language) ? whatEn : what;
        }

        public String why(String language) {
            return "en".equals(language) ? whyEn : why;
        }
    }

    /** What to do at {@code step}, in Chinese and English, with the step's reason in both (issue 21: English mode showed Chinese). */
    private static Advice advice(String zh, String en, LocalDate by, CollectionStep step, List<String> warnings) {
        return new Advice(zh, by, why(step), warnings, en, whyEn(step));
    }

    private CaseGuide() {
    }

    /** Why each step exists, in one sentence with its article. */
    public static String why(CollectionStep step) {
        return switch (step) {
            case FACTS -> EvidenceChecklist.BASIS + "先弄清证据是否齐全、对方是暂时困难还是恶意拖欠，再决定怎么催。";
            case REMINDER -> "先礼后兵：友好提醒最省钱也最能保住关系；联系应当文明、适度，不得骚扰对方的私人生活安宁（"
                    + Statutes.PEACE_OF_PRIVATE_LIFE.zh() + "）。";
            case DEMAND -> "书面催收送达对方后，诉讼时效中断并重新计算（" + Statutes.LIMITATION_INTERRUPTION.zh() + "、"
                    + Statutes.DEMAND_REACHES_DEBTOR.zh() + "），所以要留下寄送和妥投的凭证。";
            case NEGOTIATE -> "对方承诺分期、延期或部分还款，诉讼时效中断（" + Statutes.PART_PAYMENT_IS_CONSENT.zh()
                    + "）；书面还款协议再写明加速到期，违约后可以直接主张全部欠款。";
            case LAWYER -> "律师函本身没有强制力，但表明我方准备诉诸法律，常能促成付款；它也是一次书面催告（"
                    + Statutes.DEMAND_REACHES_DEBTOR.zh() + "）。";
            case ROUTE -> "金额明确、没有争议的，可以向债务人住所地基层法院申请支付令（" + Statutes.PAYMENT_ORDER.zh()
                    + "），费用只有诉讼费的三分之一；有争议或需要保全的，起诉（" + Statutes.CONTRACT_JURISDICTION.zh() + "）。";
            case COURT -> "支付令送达后对方有15日提出异议（" + Statutes.PAYMENT_ORDER_OBJECTION.zh() + "）；判决生效后申请执行的期间为二年（"
                    + Statutes.ENFORCEMENT_PERIOD.zh() + "）。";
            case CLOSED -> "案件已结束。收到的款项、协议和法律文书请继续保存。";
        };
    }

    public static Advice next(Facts f) {
        List<String> warnings = warnings(f);
        LocalDate today = f.today();
        if (f.step() == CollectionStep.CLOSED) {
            return advice("案件已结案，无需操作。", "The case is closed: nothing to do.", null, CollectionStep.CLOSED, warnings);
        }
        if (f.outstanding() != null && f.outstanding().signum() <= 0) {
            return advice("欠款已全部收回：可以结案。", "Everything owed has been collected: the case can be closed.", today, CollectionStep.CLOSED, warnings);
        }
        Plan plan = f.plan();
        boolean beforeCourt = f.step().ordinal() < CollectionStep.COURT.ordinal();
        if (beforeCourt && plan != null && plan.due() != null && !plan.missed(today)) {
            // a plan being kept is followed, whatever step the case was at when it was agreed (issue 21: the wizard
            // still steered to a 支付令 after the plan was saved)
            LocalDate remind = plan.due().minusDays(PLAN_REMIND_DAYS);
            return new Advice("跟进分期协议：" + planLine(plan) + "到期；在到期前 " + PLAN_REMIND_DAYS + " 天提醒对方按期付款。",
                    remind.isBefore(today) ? today : remind, PLAN_KEPT_WHY, warnings,
                    "Follow the repayment plan: " + planLineEn(plan) + " falls due; remind the debtor " + PLAN_REMIND_DAYS
                            + " days before it.", PLAN_KEPT_WHY_EN);
        }
        if (beforeCourt && f.step().ordinal() < CollectionStep.NEGOTIATE.ordinal() && plan != null && plan.missed(today)) {
            return advice(planMissed(plan), planMissedEn(plan), today, CollectionStep.NEGOTIATE, warnings);
        }
        return switch (f.step()) {
            case FACTS -> advice("核对证据清单，补齐缺少的证据；记录对方的还款能力和意愿。",
                    "Go through the evidence checklist and fill the gaps; note the debtor's ability and willingness to pay.", today,
                    CollectionStep.FACTS, warnings);
            case REMINDER -> {
                if (f.overdueSince() == null) {
                    yield advice("尚未到期：可以在到期前几天发一条友好提醒。", "Not due yet: a friendly reminder a few days before the due date helps.",
                            null, CollectionStep.REMINDER, warnings);
                }
                if (f.lastReminder() == null || f.lastReminder().isBefore(f.overdueSince())) {
                    yield advice("发送友好提醒（微信、短信或电话），并记录对方的回复。",
                            "Send a friendly reminder (WeChat, SMS or phone) and record the answer.", today, CollectionStep.REMINDER, warnings);
                }
                LocalDate escalate = f.lastReminder().plusDays(REMINDER_DAYS);
                yield escalate.isAfter(today)
                        ? advice("等待对方回复；到期仍无结果的，发出书面催收通知书。",
                        "Wait for an answer; if nothing comes by then, send a formal written demand.", escalate, CollectionStep.REMINDER, warnings)
                        : advice("提醒后仍未付款：进入书面催收。", "Still unpaid after the reminder: move on to a formal written demand.", escalate,
                        CollectionStep.REMINDER, warnings);
            }
            case DEMAND -> {
                if (f.demandDelivered() == null) {
                    yield advice("打印催收通知书（或对账确认函），用 EMS 寄出，记录运单号；妥投后记录送达日期。",
                            "Print the demand letter (or a balance confirmation), send it by EMS and record the tracking number; "
                                    + "record the delivery date once it is delivered.", today, CollectionStep.DEMAND, warnings);
                }
                LocalDate by = f.demandDelivered().plusDays(DEMAND_DAYS);
                yield by.isAfter(today)
                        ? advice("催收通知书已送达：等待对方在付款期限内付款或联系协商。",
                        "The demand was delivered: wait for payment, or for the debtor to negotiate, within its deadline.", by,
                        CollectionStep.DEMAND, warnings)
                        : advice("通知书给的期限已过：协商还款，或发律师函、选择法律途径。",
                        "The demand's deadline has passed: negotiate, or send a lawyer's letter or choose the legal route.", by,
                        CollectionStep.DEMAND, warnings);
            }
            case NEGOTIATE -> {
                if (plan != null && plan.due() != null) {         // kept: handled above
                    yield advice(planMissed(plan), planMissedEn(plan), today, CollectionStep.NEGOTIATE, warnings);
                }
                if (f.promisedDate() == null) {
                    yield advice("与对方商定还款计划（可分期），签署还款协议；记录对方的每一次承诺。",
                            "Agree a repayment plan (instalments if need be) and sign a repayment agreement; record every promise.", today,
                            CollectionStep.NEGOTIATE, warnings);
                }
                if (!f.promisedDate().isBefore(today) || f.paidSincePromise()) {
                    yield advice("跟进对方承诺：" + f.promisedDate() + " 前付款。", "Follow up the promise to pay by " + f.promisedDate() + ".",
                            f.promisedDate(), CollectionStep.NEGOTIATE, warnings);
                }
                yield advice("对方未按承诺（" + f.promisedDate() + "）付款：发律师函或选择法律途径。",
                        "The debtor did not pay as promised (" + f.promisedDate() + "): send a lawyer's letter or choose the legal route.", today,
                        CollectionStep.NEGOTIATE, warnings);
            }
            case LAWYER -> advice("请律师审阅并签发律师函（7日期限），记录律师或机构、费用和期限。",
                    "Have a lawyer review and sign a lawyer's letter (7-day deadline); record the lawyer or firm, the fee and the deadline.", today,
                    CollectionStep.LAWYER, warnings);
            case ROUTE -> advice("根据支付令条件、管辖法院、费用和诉讼时效选择支付令或起诉，导出全套材料。",
                    "Choose a payment order or a lawsuit from the conditions, the competent court, the costs and the limitation period, "
                            + "and export the full set of documents.",
                    f.limitation() == null ? today : earlier(today.plusDays(30), f.limitation().expires()), CollectionStep.ROUTE, warnings);
            case COURT -> {
                ProceduralDeadlines.Deadline d = f.deadlines().stream().filter(x -> x.date() != null && !x.date().isBefore(today))
                        .min(Comparator.comparing(ProceduralDeadlines.Deadline::date)).orElse(null);
                yield d == null
                        ? advice("记录法院程序的每一步（立案、送达、判决或调解、执行）。",
                        "Record every step before the court (filing, service, judgment or mediation, enforcement).", null, CollectionStep.COURT, warnings)
                        : advice(d.what(), d.what(), d.date(), CollectionStep.COURT, warnings);   // the deadline's text is the law engine's (Chinese)
            }
            case CLOSED -> throw new IllegalStateException();
        };
    }

    /** Days before each instalment of a plan being kept that the guide suggests a reminder. */
    public static final int PLAN_REMIND_DAYS = 3;

    /** Why a plan being kept is followed rather than taken to court. */
    public static final String PLAN_KEPT_WHY = "双方已签还款协议，对方正在按期履行：诉讼时效已因对方同意履行而中断（" + Statutes.PART_PAYMENT_IS_CONSENT.zh()
            + "）；按期付款期间申请支付令或起诉没有必要，也有违协议。只有某一期逾期未付，才可依协议的加速到期条款主张全部剩余欠款，"
            + "再发律师函、申请支付令或起诉。";

    public static final String PLAN_KEPT_WHY_EN = "A repayment agreement is signed and the debtor is paying on time: the agreement interrupted "
            + "the limitation period (" + Statutes.PART_PAYMENT_IS_CONSENT.en() + "); a payment order or a lawsuit while the instalments are "
            + "paid is needless and goes against the agreement. Only a missed instalment lets you claim the whole rest under the agreement's "
            + "acceleration clause, and then send a lawyer's letter, apply for a payment order or sue.";

    private static String planLineEn(Plan plan) {
        return "instalment " + plan.number() + " of " + plan.of() + " (" + plan.due() + ", CNY " + plan.amount().toPlainString() + ")";
    }

    private static String planMissedEn(Plan plan) {
        return "Plan " + planLineEn(plan) + " was not paid on time: under the agreement's acceleration clause the whole rest can be claimed at "
                + "once; send a lawyer's letter or choose the legal route.";
    }

    /** {@link #why} in English. */
    public static String whyEn(CollectionStep step) {
        return switch (step) {
            case FACTS -> EvidenceChecklist.BASIS_EN + " First find out whether the evidence is complete and whether the debtor is in "
                    + "temporary difficulty or wilfully not paying, then decide how to collect.";
            case REMINDER -> "Reasonable first, firm later: a friendly reminder costs least and best keeps the relationship; contact must be "
                    + "civil and measured and must not disturb the debtor's private life (" + Statutes.PEACE_OF_PRIVATE_LIFE.en() + ").";
            case DEMAND -> "A written demand that reaches the debtor interrupts the limitation period, which starts again ("
                    + Statutes.LIMITATION_INTERRUPTION.en() + ", " + Statutes.DEMAND_REACHES_DEBTOR.en() + "): keep proof of sending and delivery.";
            case NEGOTIATE -> "A debtor's promise of instalments, a delay or part payment interrupts the limitation period ("
                    + Statutes.PART_PAYMENT_IS_CONSENT.en() + "); a written repayment agreement with an acceleration clause lets you claim "
                    + "everything after a default.";
            case LAWYER -> "A lawyer's letter has no force of its own, but shows you are ready to go to court and often brings payment; it is "
                    + "also a written demand (" + Statutes.DEMAND_REACHES_DEBTOR.en() + ").";
            case ROUTE -> "A clear, undisputed amount can go to the basic court of the debtor's domicile as a payment order ("
                    + Statutes.PAYMENT_ORDER.en() + ") for a third of a lawsuit's fee; a disputed claim, or one needing preservation, is sued ("
                    + Statutes.CONTRACT_JURISDICTION.en() + ").";
            case COURT -> "After a payment order is served the debtor has 15 days to object (" + Statutes.PAYMENT_ORDER_OBJECTION.en()
                    + "); after a judgment takes effect, enforcement must be applied for within two years (" + Statutes.ENFORCEMENT_PERIOD.en() + ").";
            case CLOSED -> "The case is over. Keep the payments received, the agreements and the court documents.";
        };
    }

    private static String planLine(Plan plan) {
        return "第 " + plan.number() + "/" + plan.of() + " 期（" + plan.due() + "，" + plan.amount().toPlainString() + " 元）";
    }

    private static String planMissed(Plan plan) {
        return "分期协议" + planLine(plan) + "未按时支付：依协议的加速到期条款，可要求一次性付清全部剩余欠款；建议发律师函或选择法律途径。";
    }

    /** The plan being kept (next instalment not yet due), or null: while it is, the wizard does not steer to court. */
    public static Plan planBeingKept(Facts f) {
        Plan p = f.plan();
        return p != null && p.due() != null && !p.missed(f.today()) ? p : null;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }

    /** Warnings that apply at every step: limitation running out, a wilful debtor left too long at a polite step. */
    static List<String> warnings(Facts f) {
        return warnings(f, "zh");
    }

    /** {@link #warnings} in the app's language ("en" or "zh"): one rule, both texts. */
    public static List<String> warnings(Facts f, String language) {
        boolean en = "en".equals(language);
        List<String> w = new ArrayList<>();
        Limitation.Result l = f.limitation();
        if (l != null && f.step() != CollectionStep.CLOSED && f.step() != CollectionStep.COURT) {
            if (l.daysLeft() < 0) {
                w.add(en ? "The limitation period ended on " + l.expires() + ": the debtor may refuse to pay (" + Statutes.LIMITATION_THREE_YEARS.en()
                        + "). Get the debtor's written acknowledgement of the debt or a promise to pay as soon as possible (one given after "
                        + "the end is still valid)."
                        : "诉讼时效已于 " + l.expires() + " 届满：对方可以拒绝付款（" + Statutes.LIMITATION_THREE_YEARS.zh()
                        + "）。请尽快取得对方书面认可欠款或还款承诺（届满后的认可仍然有效）。");
            } else if (l.daysLeft() <= 90) {
                w.add(en ? "The limitation period has " + l.daysLeft() + " days left (ends " + l.expires() + "): before then, get the debtor's "
                        + "written acknowledgement, deliver a written demand or sue (" + Statutes.LIMITATION_INTERRUPTION.en() + ")."
                        : "诉讼时效还剩 " + l.daysLeft() + " 天（" + l.expires() + " 届满）：请在此之前取得对方书面认可、送达催收通知书或起诉（"
                        + Statutes.LIMITATION_INTERRUPTION.zh() + "）。");
            }
        }
        if (f.situation() == PayerSituation.WILFUL_DEFAULT && (f.step() == CollectionStep.FACTS || f.step() == CollectionStep.REMINDER)
                && f.overdueSince() != null && f.overdueSince().plusDays(30).isBefore(f.today())) {
            w.add(en ? "The debtor can pay but will not and is more than 30 days overdue: stop at spoken reminders no longer; send a written demand."
                    : "对方有能力但不愿付款且已逾期30天以上：不宜再停留在口头提醒，建议发出书面催收通知书。");
        }
        return w;
    }

    /** A strategy from the debtor's situation (the seed's 知己知彼). */
    public static List<String> strategy(Facts f) {
        return strategy(f, "zh");
    }

    /** {@link #strategy} in the app's language ("en" or "zh"): one rule, both texts. */
    public static List<String> strategy(Facts f, String language) {
        boolean en = "en".equals(language);
        List<String> s = new ArrayList<>();
        switch (f.situation() == null ? PayerSituation.UNKNOWN : f.situation()) {
            case TEMPORARY_HARDSHIP -> {
                s.add(en ? "The debtor is in temporary difficulty and willing to pay: negotiate first, offer instalments or a delay, and sign a "
                        + "repayment agreement (with an acceleration clause)."
                        : "对方暂时困难、有还款意愿：以协商为主，提出分期或延期方案，签还款协议（写明加速到期）。");
                s.add(en ? "First fix the amount with a balance confirmation, which also interrupts the limitation period."
                        : "先用对账确认函锁定欠款数额，同时中断诉讼时效。");
            }
            case WILFUL_DEFAULT -> {
                s.add(en ? "The debtor can pay but will not: keep the reminders short and send a written demand with a clear deadline soon."
                        : "对方有能力但不愿付款：缩短提醒阶段，尽快发出书面催收通知书，给出明确期限。");
                if (f.amountDisputed()) s.add(en ? "The amount is disputed: prepare a lawsuit." : "金额有争议：准备起诉。");
                else s.add(en ? "The amount is clear and undisputed: consider a payment order, cheap and quick." : "金额明确、无争议：可以考虑申请支付令，成本低、速度快。");
            }
            case DISPUTED -> {
                s.add(en ? "The debtor disputes the debt: strengthen the evidence first (contract, delivery notes, statements) and negotiate the "
                        + "points in dispute." : "对方对欠款有异议：先补强证据（合同、送货单、对账单），就争议点协商。");
                s.add(en ? "A disputed claim does not suit a payment order (an objection ends it): sue instead."
                        : "有争议的不适合申请支付令（对方提出异议即终结督促程序），应当起诉。");
            }
            case UNKNOWN -> s.add(en ? "Find out about the debtor first: temporary difficulty or wilful default? Other debts? Note it in the customer's record."
                    : "先了解对方情况：是暂时困难还是恶意拖欠？有没有其他债务？在客户资料中记录下来。");
        }
        if (f.assetsKnown()) {
            s.add(en ? "The debtor's assets are known: when suing, also apply to preserve them (" + Statutes.PRESERVATION.en() + ") so they are not moved."
                    : "已知对方有财产：起诉时可以同时申请财产保全（" + Statutes.PRESERVATION.zh() + "），防止转移。");
        } else {
            s.add(en ? "The debtor's assets (bank accounts, vehicles, property, claims on others) are not known yet: collect what you learn; "
                    + "preservation and enforcement will need it." : "尚不知道对方的财产（银行账户、车辆、房产、对他人的债权）：留意收集，日后保全和执行都用得上。");
        }
        return s;
    }
}
