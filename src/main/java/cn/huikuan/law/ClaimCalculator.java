package cn.huikuan.law;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.Comparator;

/**
 * What the debtor owes on a date: principal, interest, penalties or late-payment losses, and costs, with a
 * running ledger that a court can follow.
 *
 * <p>Interest and charges are simple (never compounded), on actual days over 365 (or 360), rounded to the
 * fen per ledger line, half-up. Interest for the credit/loan period runs on principal not yet due; from a
 * due date, the unpaid part of that instalment bears the overdue charge. Which overdue charge:
 * <ul>
 *   <li>what the contract agreed: an overdue rate (interest), a daily penalty, a one-off percentage of the
 *   overdue amount per instalment, or a fixed sum once (民法典 §585);</li>
 *   <li>nothing agreed, sale contract: the one-year LPR when the breach occurred × 1.3 to 1.5 (default 1.3,
 *   the low end); breach on or before 2019-08-19: the PBOC benchmark rate × the same (买卖合同解释 §18);</li>
 *   <li>nothing agreed, private loan: the loan-period rate if one was agreed, else the one-year LPR when
 *   repayment fell overdue (民间借贷规定 §28(二));</li>
 *   <li>nothing agreed, other contracts: the one-year LPR when the breach occurred, as the loss of the use
 *   of money (民法典 §584; courts' common measure, not a statutory rate).</li>
 * </ul>
 * Private loans are capped: agreed interest at 4 × the one-year LPR at formation (§25); overdue interest
 * plus a daily penalty together at the same cap (§28, §29); contracts before 2020-08-20 are split (§31).
 *
 * <p>Payments go, unless the parties agreed otherwise, to costs, then interest, then principal (民法典 §561).
 * §561 does not name penalties or late-payment losses; the app puts them last, after principal, so that a
 * claim is never overstated. Charges not agreed in the contract are marked: a 支付令 may not include them
 * (民诉解释 §428(二)).
 *
 * <p>An accrual line itemises each overdue instalment while there are at most {@value #ITEMISED}; beyond that it
 * gives one part per stretch of consecutive instalments charged alike ("到期的 37 期未付共 …"), each still
 * computed and rounded instalment by instalment, so the figures are the same either way and a claim of 10,000
 * instalments has a ledger that grows with its events, not with events times instalments overdue.
 */
public final class ClaimCalculator {
    private static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Overdue instalments an accrual line lists one by one; more are summed per stretch charged alike. */
    static final int ITEMISED = 20;
    /** A stretch this short is summed term by term; a longer one from running sums kept per rate and period. */
    private static final int DIRECT = 32;
    /**
     * Running sums kept at most, all keys together (8 bytes each). A claim whose periods have thousands of
     * different lengths with thousands of instalments overdue through them would need more: the periods beyond
     * are summed term by term, slower but in no more memory.
     */
    private static final long MAX_KEPT_SUMS = 4_000_000;
    private final LprTable lpr;
    private final BenchmarkTable benchmark;

    public ClaimCalculator(LprTable lpr, BenchmarkTable benchmark) {
        this.lpr = lpr;
        this.benchmark = benchmark;
    }

    /**
     * One line of the ledger: an accrual over a period, a cost, or a payment and where it went. {@code text} is Chinese (the
     * documents print it), {@code textEn} the same line in English for the English window (issue 21): one rule built both.
     */
    public record Line(LocalDate date, String text, BigDecimal accrued, BigDecimal paid, BigDecimal toCosts, BigDecimal toInterest,
                       BigDecimal toPrincipal, BigDecimal toCharges, BigDecimal principalLeft, BigDecimal interestLeft,
                       BigDecimal chargesLeft, BigDecimal costsLeft, String textEn) {
        /** The line in the app's language ("en" or "zh"). */
        public String text(String language) {
            return "en".equals(language) ? textEn : text;
        }
    }

    /** A text in Chinese and in English, built by one rule from the same conditions and figures (issue 21). */
    private record Txt(String zh, String en) {
        static final Txt EMPTY = new Txt("", "");
    }

    public record Result(LocalDate asOf, BigDecimal principal, BigDecimal interest, BigDecimal charges, BigDecimal costs, BigDecimal total,
                         BigDecimal overpaid, BigDecimal dailyAccrual, boolean includesUnagreedCharges, List<Line> ledger,
                         List<String> method, List<String> warnings, List<Citation> basis, BigDecimal unagreedOwed,
                         BigDecimal comparableLoss, List<String> methodEn, List<String> warningsEn) {
        /** {@link #method()} in the app's language ("en" or "zh"): the same items, in the same order. */
        public List<String> method(String language) {
            return "en".equals(language) ? methodEn : method;
        }

        /** {@link #warnings()} in the app's language ("en" or "zh"): the same items, in the same order. */
        public List<String> warnings(String language) {
            return "en".equals(language) ? warningsEn : warnings;
        }

        /**
         * For an agreed penalty on anything but a loan: the loss the law would allow without it (买卖合同解释 §18: one-year LPR
         * plus 30 %), over the same amounts and days, to set beside the penalty (民法典 §585 ¶2, 合同编通则解释 §65: a penalty
         * more than 30 % above the loss may be reduced on the debtor's request); null where not compared.
         */
        public BigDecimal comparableLoss() {
            return comparableLoss;
        }

        /** 合同编通则解释 §65 ¶2: the penalty is more than 30 % above the comparable loss, so a court may reduce it (§585 ¶2). */
        public boolean penaltyMayBeReduced() {
            return comparableLoss != null && charges.compareTo(excessiveAbove(comparableLoss)) > 0;
        }

        /**
         * Of the interest and charges owed, what comes from the law's default rules rather than from the contract: losses
         * for late payment of a sale without an agreed penalty (买卖合同解释 §18), a loan's interest after maturity without an
         * agreed overdue rate (民间借贷规定 §28). A 支付令 may claim only what the debtor agreed in writing (民诉解释 §428), so
         * it leaves this out (issue 18, 19). Payments are taken as paying the older, agreed interest first.
         */
        public BigDecimal unagreedOwed() {
            return unagreedOwed;
        }

        /** What a 支付令 may claim: {@link #total()} without {@link #unagreedOwed()} (民诉解释 §428). */
        public BigDecimal agreedTotal() {
            return total.subtract(unagreedOwed);
        }

        /** Everything the debtor paid, for the conservation check: allocated plus overpaid. */
        public BigDecimal allocated() {
            return ledger.stream().map(l -> l.toCosts().add(l.toInterest()).add(l.toPrincipal()).add(l.toCharges()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add).add(overpaid);
        }
    }

    private static final class Inst {
        final LocalDate due;
        final BigDecimal amount;
        BigDecimal left;
        BigDecimal overdueAnnual;      // percent a year, interest bucket or charges bucket (see overdueIsInterest)
        boolean unagreed;              // the overdue rate comes from the law's default rules, not the contract
        boolean overdueIsInterest;
        BigDecimal dailyPenalty;       // percent a day, charges bucket
        Txt overdueText = Txt.EMPTY;

        Inst(LocalDate due, BigDecimal amount) {
            this.due = due;
            this.amount = amount;
            this.left = amount;
        }
    }

    /**
     * Instalments {@code from} to {@code to} (exclusive, in due-date order) whose overdue charge is alike: the
     * same annual rate in the same bucket and the same daily penalty. Only a rate that follows the LPR at each
     * breach differs from one instalment to the next, and only where the LPR changed, so a claim has about as
     * many stretches as LPR changes it spans, however many instalments. {@code text} is the instalments' common
     * overdue text, or null where their texts differ (each names its own breach date).
     */
    private record Stretch(int from, int to, BigDecimal annual, boolean isInterest, BigDecimal daily, Txt text, boolean unagreed) {
    }

    /** Running sums of one stretch's per-instalment charges (full amounts) at one rate over one period's days. */
    private record SumKey(int stretch, boolean daily, BigDecimal rate, long days) {
    }

    /**
     * fen[k]: the charges of a stretch's first k instalments in fen (each charge is rounded to the fen, so the sums
     * are whole fen), for k up to size. {@code fen} null: a sum left the range of a long; summed term by term.
     */
    private static final class Sums {
        long[] fen = new long[16];
        int size = 1;
    }

    private final class Run {
        final ClaimInput in;
        final LocalDate asOf;
        /** The day of filing, for a pre-2020-08-20 loan's cap after the new rules (民间借贷规定 §31). */
        LocalDate filing;
        final List<Inst> insts = new ArrayList<>();
        final List<Line> ledger = new ArrayList<>();
        final Set<Txt> method = new LinkedHashSet<>();
        final List<Txt> warnings = new ArrayList<>();
        final Set<String> warned = new HashSet<>();
        final Set<Citation> basis = new LinkedHashSet<>();
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal charges = BigDecimal.ZERO;
        BigDecimal costs = BigDecimal.ZERO;
        BigDecimal overpaid = BigDecimal.ZERO;
        boolean unagreed;
        /** Interest and charges accrued under the law's default rules (see {@link Result#unagreedOwed()}). */
        BigDecimal unagreedAccrued = BigDecimal.ZERO;
        boolean fixedCharged;
        /*
         * Payments reach the instalments in due-date order (see pay), so those paid in full are always the first
         * ones and what is left is a suffix: insts[firstUnpaid] may be part paid, every later one is untouched.
         * insts[0, due) have fallen due by the day the computation is at. Overdue with something left is then
         * insts[firstUnpaid, due), found without looking at the others, and the sums below are kept as they
         * change instead of added up again at every line.
         */
        int firstUnpaid;
        int due;
        /** Principal left, all instalments; of those in insts[0, due). */
        BigDecimal principal = BigDecimal.ZERO;
        BigDecimal dueLeft = BigDecimal.ZERO;
        /** Zero, at the largest scale of what the instalments paid in full have left; null while there are none (see pay). */
        BigDecimal paidOffZero;
        /** amountBefore[k]: the amounts of insts[0, k), for the principal a stretch's part names. */
        BigDecimal[] amountBefore;
        final List<Stretch> stretches = new ArrayList<>();
        int stretchOfFirstUnpaid;
        /** Running sums per stretch, rate and days, extended as far as asked; how many are kept, all keys together. */
        final Map<SumKey, Sums> sums = new HashMap<>();
        long keptSums;

        Run(ClaimInput in, LocalDate asOf) {
            this.in = in;
            this.asOf = asOf;
        }

        BigDecimal principalLeft() {
            return principal;
        }

        /** Instalments due on or before {@code day} join the overdue ones. */
        void fallDue(LocalDate day) {
            while (due < insts.size() && !day.isBefore(insts.get(due).due)) {
                dueLeft = dueLeft.add(insts.get(due).left);
                due++;
            }
        }

        void line(LocalDate date, Txt text, BigDecimal accrued, BigDecimal paid, BigDecimal c, BigDecimal i, BigDecimal p, BigDecimal ch) {
            ledger.add(new Line(date, text.zh(), accrued, paid, c, i, p, ch, principalLeft(), interest, charges, costs, text.en()));
        }
    }

    private static String fen(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** 合同编通则解释 §65 ¶2 (in force 2023-12-05): a penalty above the loss × 1.3 is as a rule 过分高于造成的损失. */
    static BigDecimal excessiveAbove(BigDecimal loss) {
        return loss.multiply(new BigDecimal("1.3")).setScale(2, RoundingMode.HALF_UP);
    }

    public Result compute(ClaimInput in, LocalDate asOf) {
        return compute(in, asOf, asOf);
    }

    /**
     * As {@link #compute(ClaimInput, LocalDate)}; {@code filing} is the day the claim is (to be) filed, from which the
     * 4 × LPR cap of a loan made before 2020-08-20 is read for the time after that day (民间借贷规定 §31; issue 19). It
     * defaults to the as-of date.
     */
    public Result compute(ClaimInput in, LocalDate asOf, LocalDate filing) {
        Result r = computeOnce(in, asOf, filing);
        if (in.kind() == ClaimInput.Kind.PRIVATE_LOAN || in.penaltyKind() == ClaimInput.PenaltyKind.NONE || r.charges().signum() <= 0) return r;
        // §585 ¶2: the same claim without the penalty gives the loss the law allows in its place
        ClaimInput noPenalty = new ClaimInput(in.kind(), in.contractDate(), in.interestFrom(), in.principal(), in.schedule(), in.interestRate(),
                in.overdueRate(), ClaimInput.PenaltyKind.NONE, null, in.costs(), in.payments(), in.dayCount(), in.allocation(), in.saleMarkup(),
                in.naturalPersons());
        if (in.overdueRate() != null) return r; // an agreed overdue rate already is the agreed loss
        List<String> warnings = new ArrayList<>(r.warnings());
        List<String> warningsEn = new ArrayList<>(r.warningsEn());
        Result loss;
        try {
            loss = computeOnce(noPenalty, asOf, filing);
        } catch (LprTable.RateUnavailableException e) {
            // the penalty needs no rate table, the loss in its place does: the claim stands, the comparison cannot be made
            warnings.add("无法计算与违约金对比的逾期损失（" + Statutes.PENALTY_REDUCTION.zh() + "）：" + e.getMessage());
            warningsEn.add("The late-payment loss to set beside the penalty cannot be computed (" + Statutes.PENALTY_REDUCTION.en() + "): "
                    + e.english());
            return new Result(r.asOf(), r.principal(), r.interest(), r.charges(), r.costs(), r.total(), r.overpaid(), r.dailyAccrual(),
                    r.includesUnagreedCharges(), r.ledger(), r.method(), List.copyOf(warnings), r.basis(), r.unagreedOwed(), null,
                    r.methodEn(), List.copyOf(warningsEn));
        }
        BigDecimal threshold = excessiveAbove(loss.charges());
        if (r.charges().compareTo(threshold) > 0) {
            String lossFen = fen(loss.charges());
            String markup = in.saleMarkup() == null ? null : in.saleMarkup().subtract(BigDecimal.ONE).multiply(HUNDRED).stripTrailingZeros().toPlainString();
            boolean sale = in.kind() == ClaimInput.Kind.SALE;
            String lossText = sale
                    ? "逾期付款损失 " + lossFen + " 元（按一年期 LPR 加计 " + markup + "%，" + Statutes.SALE_LATE_PAYMENT_LOSS.zh() + "）"
                    : "资金占用损失 " + lossFen + " 元（按一年期 LPR）";
            String lossEn = sale
                    ? "the late-payment loss of CNY " + lossFen + " (one-year LPR plus " + markup + "%, " + Statutes.SALE_LATE_PAYMENT_LOSS.en() + ")"
                    : "the loss of the use of the money of CNY " + lossFen + " (at the one-year LPR)";
            warnings.add("约定违约金 " + fen(r.charges()) + " 元超过" + lossText + "的 130%（" + fen(threshold)
                    + " 元）：对方可以请求人民法院适当减少违约金（" + Statutes.PENALTY_REDUCTION.zh() + "、"
                    + Statutes.PENALTY_EXCESSIVE.zh() + "）；起诉时宜同时准备实际损失的证据");
            warningsEn.add("The agreed penalty of CNY " + fen(r.charges()) + " is more than 130% (CNY " + fen(threshold) + ") of " + lossEn
                    + ": the debtor may ask the court to reduce the penalty (" + Statutes.PENALTY_REDUCTION.en() + "; "
                    + Statutes.PENALTY_EXCESSIVE.en() + "); when filing, have evidence of the actual loss ready as well");
            // not in the basis: those are the rules the claim rests on (the complaint cites them); §585 ¶2 is the debtor's defence
        }
        return new Result(r.asOf(), r.principal(), r.interest(), r.charges(), r.costs(), r.total(), r.overpaid(), r.dailyAccrual(),
                r.includesUnagreedCharges(), r.ledger(), r.method(), List.copyOf(warnings), r.basis(), r.unagreedOwed(), loss.charges(),
                r.methodEn(), List.copyOf(warningsEn));
    }

    private Result computeOnce(ClaimInput in, LocalDate asOf, LocalDate filing) {
        if (asOf.isBefore(in.contractDate())) throw new IllegalArgumentException("the as-of date is before the contract date / 计算日早于合同日期");
        Run run = new Run(in, asOf);
        run.filing = filing == null ? asOf : filing;
        for (ClaimInput.Due d : in.schedule().stream().sorted(Comparator.comparing(ClaimInput.Due::date)).toList()) {
            run.insts.add(new Inst(d.date(), d.amount()));
        }
        run.basis.add(Statutes.MONEY_DEBT);
        for (Inst i : run.insts) decideOverdueCharge(run, i);
        run.amountBefore = new BigDecimal[run.insts.size() + 1];
        run.amountBefore[0] = BigDecimal.ZERO;
        for (int k = 0; k < run.insts.size(); k++) {
            run.principal = run.principal.add(run.insts.get(k).left);
            run.amountBefore[k + 1] = run.amountBefore[k].add(run.insts.get(k).amount);
        }
        stretches(run);
        if (in.interestRate() != null && in.interestRate().signum() > 0) {
            run.method.add(new Txt("借期/信用期利息：约定年利率 " + plain(in.interestRate()) + "%，自 " + in.interestFrom() + " 起按未到期本金计算，实际天数/"
                    + in.dayCount(), "Interest for the loan or credit period: the agreed rate of " + plain(in.interestRate()) + "% a year from "
                    + in.interestFrom() + " on the principal not yet due, actual days/" + in.dayCount()));
            if (in.kind() == ClaimInput.Kind.PRIVATE_LOAN) run.basis.add(Statutes.LOAN_RATE_CAP);
        }

        TreeSet<LocalDate> dates = new TreeSet<>();
        dates.add(in.contractDate());
        dates.add(asOf);
        if (in.interestRate() != null && !in.interestFrom().isAfter(asOf)) dates.add(in.interestFrom());
        for (Inst i : run.insts) if (!i.due.isAfter(asOf)) dates.add(i.due);
        for (ClaimInput.Paid p : in.payments()) {
            if (p.date().isAfter(asOf)) {
                run.warnings.add(new Txt("还款 " + p.date() + "（" + plain(p.amount()) + " 元）晚于计算日，未计入",
                        "The payment of CNY " + plain(p.amount()) + " on " + p.date() + " is after the calculation date and is not counted"));
            } else if (p.date().isBefore(in.contractDate())) {
                throw new IllegalArgumentException("a payment is dated before the contract / 还款日期早于合同日期: " + p.date());
            } else {
                dates.add(p.date());
            }
        }
        for (ClaimInput.Cost c : in.costs()) if (!c.date().isAfter(asOf) && !c.date().isBefore(in.contractDate())) dates.add(c.date());
        if (in.kind() == ClaimInput.Kind.PRIVATE_LOAN && in.contractDate().isBefore(RateCaps.NEW_RULES)
                && RateCaps.NEW_RULES.isAfter(in.contractDate()) && !RateCaps.NEW_RULES.isAfter(asOf)) {
            dates.add(RateCaps.NEW_RULES);
        }

        // each day's costs and payments, in the file's order, looked up by day instead of searched for on every day
        Map<LocalDate, List<ClaimInput.Cost>> costsOn = new HashMap<>();
        for (ClaimInput.Cost c : in.costs()) costsOn.computeIfAbsent(c.date(), x -> new ArrayList<>()).add(c);
        Map<LocalDate, List<ClaimInput.Paid>> paidOn = new HashMap<>();
        for (ClaimInput.Paid p : in.payments()) paidOn.computeIfAbsent(p.date(), x -> new ArrayList<>()).add(p);
        List<LocalDate> list = new ArrayList<>(dates);
        for (int k = 0; k < list.size(); k++) {
            LocalDate d = list.get(k);
            // every due date up to the as-of date is one of the days, so the instalments that fall due now are due today
            int dueBefore = run.due;
            run.fallDue(d);
            for (ClaimInput.Cost c : costsOn.getOrDefault(d, List.of())) {
                run.costs = run.costs.add(c.amount());
                run.basis.add(Statutes.PAYMENT_ALLOCATION);
                String costText = c.text() == null ? "" : c.text();    // as the user entered it
                run.line(d, new Txt("实现债权的费用：" + costText, "Costs of enforcing the claim: " + costText), c.amount(), zero(), zero(), zero(),
                        zero(), zero());
            }
            for (ClaimInput.Paid p : paidOn.getOrDefault(d, List.of())) pay(run, d, p.amount());
            if (d.isBefore(asOf)) {
                for (int j = Math.max(dueBefore, run.firstUnpaid); j < run.due; j++) oneOffCharges(run, run.insts.get(j), d);
            }
            if (k + 1 < list.size()) accrue(run, d, list.get(k + 1));
        }

        BigDecimal daily = dailyAccrual(run);
        BigDecimal total = run.principalLeft().add(run.interest).add(run.charges).add(run.costs);
        if (in.allocation() == ClaimInput.Allocation.STATUTORY) run.basis.add(Statutes.PAYMENT_ALLOCATION);
        BigDecimal unagreedOwed = run.unagreedAccrued.min(run.interest.add(run.charges)).max(BigDecimal.ZERO);
        return new Result(asOf, run.principalLeft(), run.interest, run.charges, run.costs, total, run.overpaid, daily, run.unagreed,
                List.copyOf(run.ledger), run.method.stream().map(Txt::zh).toList(), run.warnings.stream().map(Txt::zh).toList(),
                List.copyOf(run.basis), unagreedOwed, null, run.method.stream().map(Txt::en).toList(), run.warnings.stream().map(Txt::en).toList());
    }

    private void decideOverdueCharge(Run run, Inst i) {
        ClaimInput in = run.in;
        LocalDate breach = i.due.plusDays(1);
        if (in.overdueRate() != null) {
            i.overdueAnnual = in.overdueRate();
            i.overdueIsInterest = true;
            i.overdueText = new Txt("约定逾期利率 年 " + plain(in.overdueRate()) + "%", "agreed overdue rate " + plain(in.overdueRate()) + "% a year");
            run.method.add(new Txt("逾期利息：合同约定逾期年利率 " + plain(in.overdueRate()) + "%",
                    "Overdue interest: the overdue rate agreed in the contract, " + plain(in.overdueRate()) + "% a year"));
            if (in.kind() == ClaimInput.Kind.PRIVATE_LOAN) run.basis.add(Statutes.LOAN_OVERDUE_RATE);
        }
        if (in.penaltyKind() == ClaimInput.PenaltyKind.DAILY_RATE) {
            i.dailyPenalty = in.penaltyValue();
            boolean first = i.overdueText.zh().isEmpty();
            i.overdueText = new Txt(i.overdueText.zh() + (first ? "" : "；") + "约定违约金 日 " + plain(in.penaltyValue()) + "%",
                    i.overdueText.en() + (first ? "" : "; ") + "agreed penalty " + plain(in.penaltyValue()) + "% a day");
            run.method.add(new Txt("违约金：合同约定按逾期金额每日 " + plain(in.penaltyValue()) + "% 计算",
                    "Penalty: as agreed in the contract, " + plain(in.penaltyValue()) + "% of the overdue amount a day"));
            run.basis.add(Statutes.PENALTY_CLAUSE);
        } else if (in.penaltyKind() != ClaimInput.PenaltyKind.NONE) {
            run.basis.add(Statutes.PENALTY_CLAUSE);
            run.method.add(in.penaltyKind() == ClaimInput.PenaltyKind.FIXED
                    ? new Txt("违约金：合同约定固定金额 " + plain(in.penaltyValue()) + " 元（计一次）",
                            "Penalty: a fixed sum of CNY " + plain(in.penaltyValue()) + " agreed in the contract (charged once)")
                    : new Txt("违约金：合同约定按逾期金额的 " + plain(in.penaltyValue()) + "% 计算（每期计一次）",
                            "Penalty: as agreed in the contract, " + plain(in.penaltyValue()) + "% of the overdue amount (charged once per instalment)"));
        }
        if (in.overdueRate() != null || in.penaltyKind() != ClaimInput.PenaltyKind.NONE) return;
        // nothing agreed for late payment
        run.unagreed = true;
        i.unagreed = true;
        i.overdueIsInterest = false;
        switch (in.kind()) {
            case SALE -> {
                BigDecimal base;
                String baseText;
                String baseEn;
                if (breach.isBefore(LprTable.FIRST)) {
                    base = benchmark.inForceOn(breach).oneYear();
                    baseText = "违约时中国人民银行一年期贷款基准利率 " + plain(base) + "%";
                    baseEn = "the PBOC one-year benchmark lending rate at the breach, " + plain(base) + "%";
                } else {
                    LprTable.Row row = lpr.inForceOn(breach);
                    base = row.oneYear();
                    baseText = "违约时（" + breach + "）一年期 LPR " + plain(base) + "%（" + row.published() + " 发布）";
                    baseEn = "the one-year LPR at the breach (" + breach + "), " + plain(base) + "% (published " + row.published() + ")";
                }
                i.overdueAnnual = base.multiply(in.saleMarkup()).setScale(4, RoundingMode.HALF_UP);
                i.overdueText = new Txt("逾期付款损失 " + baseText + " × " + plain(in.saleMarkup()) + " = 年 " + plain(i.overdueAnnual) + "%",
                        "late-payment loss: " + baseEn + " × " + plain(in.saleMarkup()) + " = " + plain(i.overdueAnnual) + "% a year");
                String markup = in.saleMarkup().subtract(BigDecimal.ONE).multiply(HUNDRED).stripTrailingZeros().toPlainString();
                run.method.add(new Txt("合同未约定逾期付款违约金：按" + baseText + "加计 " + markup + "% 计算逾期付款损失（法院可在 30%–50% 之间确定）",
                        "No late-payment penalty agreed in the contract: the late-payment loss is computed at " + baseEn + " plus " + markup
                                + "% (the court may set 30%–50%)"));
                run.basis.add(Statutes.SALE_LATE_PAYMENT_LOSS);
            }
            case PRIVATE_LOAN -> {
                if (in.interestRate() != null && in.interestRate().signum() > 0) {
                    i.overdueAnnual = in.interestRate();
                    i.overdueIsInterest = true;
                    i.overdueText = new Txt("未约定逾期利率，按借期内利率 年 " + plain(in.interestRate()) + "%",
                            "no overdue rate agreed: the loan-period rate, " + plain(in.interestRate()) + "% a year");
                    run.method.add(new Txt("未约定逾期利率：自逾期之日起按借期内利率计算资金占用期间利息",
                            "No overdue rate agreed: interest for the use of the money from the day repayment was overdue, at the loan-period rate"));
                } else {
                    LprTable.Row row = lpr.inForceOn(breach);
                    i.overdueAnnual = row.oneYear();
                    i.overdueIsInterest = true;
                    i.overdueText = new Txt("未约定利率，参照逾期时一年期 LPR 年 " + plain(row.oneYear()) + "%",
                            "no rate agreed: the one-year LPR when repayment fell overdue, " + plain(row.oneYear()) + "% a year");
                    run.method.add(new Txt("借期内利率和逾期利率均未约定：自逾期还款之日起参照当时一年期 LPR 计算",
                            "Neither a loan-period rate nor an overdue rate agreed: from the day repayment was overdue, at the one-year LPR then in force"));
                }
                run.basis.add(Statutes.LOAN_OVERDUE_RATE);
            }
            default -> {
                LprTable.Row row = lpr.inForceOn(breach);
                i.overdueAnnual = row.oneYear();
                i.overdueText = new Txt("资金占用损失，参照违约时一年期 LPR 年 " + plain(row.oneYear()) + "%",
                        "loss of the use of the money at the one-year LPR at the breach, " + plain(row.oneYear()) + "% a year");
                run.method.add(new Txt("合同未约定违约责任：参照违约时一年期 LPR 计算资金占用损失（司法实践的常用标准）",
                        "No liability for breach agreed in the contract: the loss of the use of the money at the one-year LPR at the breach"
                                + " (the measure courts commonly use)"));
                run.basis.add(Statutes.LOSS_DAMAGES);
            }
        }
    }

    /** The private-loan cap in force on a day, percent a year; null if not a private loan. */
    private BigDecimal loanCap(Run run, LocalDate day) {
        if (run.in.kind() != ClaimInput.Kind.PRIVATE_LOAN) return null;
        if (!run.in.contractDate().isBefore(RateCaps.NEW_RULES)) {
            return lpr.inForceOn(run.in.contractDate()).oneYear().multiply(BigDecimal.valueOf(4));
        }
        if (day.isBefore(RateCaps.NEW_RULES)) return RateCaps.OLD_CAP;
        run.basis.add(Statutes.LOAN_TRANSITION);
        return lpr.inForceOn(run.filing).oneYear().multiply(BigDecimal.valueOf(4));
    }

    private void accrue(Run run, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days <= 0) return;
        ClaimInput in = run.in;
        BigDecimal cap = loanCap(run, from);
        BigDecimal perDay = BigDecimal.valueOf(in.dayCount());
        List<Txt> parts = new ArrayList<>();
        BigDecimal addInterest = BigDecimal.ZERO;
        BigDecimal addCharges = BigDecimal.ZERO;
        BigDecimal rate = in.interestRate();
        if (rate != null && rate.signum() > 0 && !from.isBefore(in.interestFrom())) {
            if (cap != null && rate.compareTo(cap) > 0) {
                warnOnce(run, new Txt("约定利率 年 " + plain(rate) + "% 超过上限 年 " + plain(cap) + "%，超出部分不予支持，按上限计算",
                        "The agreed rate of " + plain(rate) + "% a year is above the cap of " + plain(cap)
                                + "% a year: the excess is not supported, the cap is used"));
                rate = cap;
            }
            BigDecimal notDue = run.principal.subtract(run.dueLeft);
            if (notDue.signum() > 0) {
                BigDecimal a = round(notDue.multiply(rate).multiply(BigDecimal.valueOf(days)).divide(HUNDRED.multiply(perDay), 10, RoundingMode.HALF_UP));
                addInterest = addInterest.add(a);
                parts.add(new Txt("未到期本金 " + plain(notDue) + " × 年 " + plain(rate) + "% × " + days + "/" + in.dayCount() + " = " + plain(a),
                        "principal not yet due " + plain(notDue) + " × " + plain(rate) + "% a year × " + days + "/" + in.dayCount() + " = " + plain(a)));
            }
        }
        int first = run.firstUnpaid, last = run.due;
        boolean itemised = last - first <= ITEMISED;
        while (run.stretchOfFirstUnpaid < run.stretches.size() && run.stretches.get(run.stretchOfFirstUnpaid).to() <= first) run.stretchOfFirstUnpaid++;
        for (int g = run.stretchOfFirstUnpaid; g < run.stretches.size() && run.stretches.get(g).from() < last; g++) {
            Stretch st = run.stretches.get(g);
            int a = Math.max(first, st.from()), b = Math.min(last, st.to());
            if (a >= b) continue;
            BigDecimal annual = st.annual();
            BigDecimal daily = st.daily();
            if (cap != null) {
                if (annual != null && annual.compareTo(cap) > 0) {
                    warnOnce(run, new Txt("逾期利率 年 " + plain(annual) + "% 超过上限 年 " + plain(cap) + "%，按上限计算（民间借贷规定第二十八条）",
                            "The overdue rate of " + plain(annual) + "% a year is above the cap of " + plain(cap) + "% a year: the cap is used ("
                                    + Statutes.LOAN_OVERDUE_RATE.en() + ")"));
                    annual = cap;
                }
                if (daily != null) {
                    BigDecimal room = cap.subtract(annual == null ? BigDecimal.ZERO : annual).max(BigDecimal.ZERO).divide(perDay, 10, RoundingMode.HALF_UP);
                    if (daily.compareTo(room) > 0) {
                        warnOnce(run, new Txt("逾期利息与违约金合计超过 年 " + plain(cap) + "% 的上限，违约金按剩余额度计算（民间借贷规定第二十九条）",
                                "Overdue interest and penalty together are above the cap of " + plain(cap)
                                        + "% a year: the penalty is computed on the room left under it (" + Statutes.LOAN_COMBINED_CAP.en() + ")"));
                        daily = room;
                        run.basis.add(Statutes.LOAN_COMBINED_CAP);
                    }
                }
            }
            boolean byAnnual = annual != null && annual.signum() > 0, byDay = daily != null && daily.signum() > 0;
            if (itemised || b - a == 1) {
                for (int k = a; k < b; k++) {
                    Inst i = run.insts.get(k);
                    if (byAnnual) {
                        BigDecimal x = annualCharge(i.left, annual, days, perDay);
                        if (st.isInterest()) addInterest = addInterest.add(x);
                        else addCharges = addCharges.add(x);
                        if (st.unagreed()) run.unagreedAccrued = run.unagreedAccrued.add(x);
                        String f = days + "/" + in.dayCount() + " = " + plain(x);
                        parts.add(new Txt(i.due + " 到期未付 " + plain(i.left) + " × 年 " + plain(annual) + "% × " + f + "（" + i.overdueText.zh() + "）",
                                "due " + i.due + ", unpaid " + plain(i.left) + " × " + plain(annual) + "% a year × " + f + " (" + i.overdueText.en() + ")"));
                    }
                    if (byDay) {
                        BigDecimal x = dailyCharge(i.left, daily, days);
                        addCharges = addCharges.add(x);
                        parts.add(new Txt(i.due + " 到期未付 " + plain(i.left) + " × 日 " + plain(daily) + "% × " + days + " 天 = " + plain(x) + "（违约金）",
                                "due " + i.due + ", unpaid " + plain(i.left) + " × " + plain(daily) + "% a day × " + days + " days = " + plain(x)
                                        + " (penalty)"));
                    }
                }
                continue;
            }
            LocalDate firstDue = run.insts.get(a).due, lastDue = run.insts.get(b - 1).due;
            String left = plain(leftOf(run, a, b));
            String which = firstDue + " 至 " + lastDue + " 到期的 " + (b - a) + " 期未付共 " + left;
            String whichEn = (b - a) + " instalments due " + firstDue + " to " + lastDue + ", unpaid " + left + " in all";
            if (byAnnual) {
                BigDecimal x = chargeOf(run, g, a, b, false, annual, days);
                if (st.isInterest()) addInterest = addInterest.add(x);
                else addCharges = addCharges.add(x);
                if (st.unagreed()) run.unagreedAccrued = run.unagreedAccrued.add(x);
                String f = days + "/" + in.dayCount();
                parts.add(new Txt(which + " × 年 " + plain(annual) + "% × " + f + "，逐期计算合计 " + plain(x) + "（"
                        + (st.text() == null ? "各期依据见计算方法" : st.text().zh()) + "）",
                        whichEn + " × " + plain(annual) + "% a year × " + f + ", computed instalment by instalment, total " + plain(x) + " ("

                                + (st.text() == null ? "each instalment's basis: see the method" : st.text().en()) + ")"));
            }
            if (byDay) {
                BigDecimal x = chargeOf(run, g, a, b, true, daily, days);
                addCharges = addCharges.add(x);
                parts.add(new Txt(which + " × 日 " + plain(daily) + "% × " + days + " 天，逐期计算合计 " + plain(x) + "（违约金）",
                        whichEn + " × " + plain(daily) + "% a day × " + days + " days, computed instalment by instalment, total " + plain(x)
                                + " (penalty)"));
            }
        }
        if (parts.isEmpty()) return;
        run.interest = run.interest.add(addInterest);
        run.charges = run.charges.add(addCharges);
        run.line(from, new Txt(from + " 至 " + to + "（" + days + " 天）：" + String.join("；", parts.stream().map(Txt::zh).toList()),
                        from + " to " + to + " (" + days + " days): " + String.join("; ", parts.stream().map(Txt::en).toList())),
                addInterest.add(addCharges), zero(), zero(), zero(), zero(), zero());
    }

    /** An overdue instalment's charge at a yearly rate for some days, rounded to the fen. */
    private static BigDecimal annualCharge(BigDecimal left, BigDecimal annual, long days, BigDecimal perDay) {
        return round(left.multiply(annual).multiply(BigDecimal.valueOf(days)).divide(HUNDRED.multiply(perDay), 10, RoundingMode.HALF_UP));
    }

    /** An overdue instalment's penalty at a daily rate for some days, rounded to the fen. */
    private static BigDecimal dailyCharge(BigDecimal left, BigDecimal daily, long days) {
        return round(left.multiply(daily).multiply(BigDecimal.valueOf(days)).divide(HUNDRED, 10, RoundingMode.HALF_UP));
    }

    /** What insts[a, b) have left: insts[a] may be part paid (the first unpaid), the rest are untouched. */
    private static BigDecimal leftOf(Run run, int a, int b) {
        if (a != run.firstUnpaid) return run.amountBefore[b].subtract(run.amountBefore[a]);
        return run.insts.get(a).left.add(run.amountBefore[b].subtract(run.amountBefore[a + 1]));
    }

    /**
     * The charges of overdue insts[a, b), all in stretch {@code g}, at one rate for some days: each instalment's
     * rounded the way {@link #annualCharge} and {@link #dailyCharge} round it, then added. The part-paid first
     * instalment is computed on its own; the untouched ones, when many, from running sums over the stretch's full
     * amounts, kept per rate and number of days: a long stretch overdue through many periods is then summed
     * once per distinct period length instead of once per period.
     */
    private static BigDecimal chargeOf(Run run, int g, int a, int b, boolean daily, BigDecimal rate, long days) {
        BigDecimal sum = BigDecimal.ZERO;
        if (a == run.firstUnpaid) {
            sum = sum.add(charge(run, run.insts.get(a).left, daily, rate, days));
            a++;
        }
        Stretch st = run.stretches.get(g);
        Sums sums = null;
        if (b - a > DIRECT) {
            SumKey key = new SumKey(g, daily, rate, days);
            sums = run.sums.get(key);
            if (sums == null && run.keptSums + (st.to() - st.from()) <= MAX_KEPT_SUMS) {
                sums = new Sums();
                run.sums.put(key, sums);
                run.keptSums += st.to() - st.from();
            }
        }
        if (sums == null || sums.fen == null || !extend(run, st, sums, b - st.from(), daily, rate, days)) {
            for (int k = a; k < b; k++) sum = sum.add(charge(run, run.insts.get(k).amount, daily, rate, days));
            return sum;
        }
        return sum.add(BigDecimal.valueOf(sums.fen[b - st.from()] - sums.fen[a - st.from()], SCALE));
    }

    /** Extends a stretch's running sums to its first {@code n} instalments; false (and no sums kept) past a long's range. */
    private static boolean extend(Run run, Stretch st, Sums sums, int n, boolean daily, BigDecimal rate, long days) {
        if (sums.fen.length <= n) sums.fen = Arrays.copyOf(sums.fen, Math.min(Math.max(n + 1, 2 * sums.fen.length), st.to() - st.from() + 1));
        try {
            for (; sums.size <= n; sums.size++) {
                BigDecimal x = charge(run, run.insts.get(st.from() + sums.size - 1).amount, daily, rate, days);
                sums.fen[sums.size] = Math.addExact(sums.fen[sums.size - 1], x.unscaledValue().longValueExact());
            }
            return true;
        } catch (ArithmeticException e) {
            sums.fen = null;
            return false;
        }
    }

    private static BigDecimal charge(Run run, BigDecimal left, boolean daily, BigDecimal rate, long days) {
        return daily ? dailyCharge(left, rate, days) : annualCharge(left, rate, days, BigDecimal.valueOf(run.in.dayCount()));
    }

    /** Splits the instalments into stretches charged alike (see {@link Stretch}). */
    private static void stretches(Run run) {
        List<Inst> insts = run.insts;
        int from = 0;
        for (int k = 1; k <= insts.size(); k++) {
            if (k < insts.size() && alike(insts.get(from), insts.get(k))) continue;
            Txt text = insts.get(from).overdueText;
            for (int j = from + 1; j < k && text != null; j++) if (!insts.get(j).overdueText.equals(text)) text = null;
            Inst i = insts.get(from);
            run.stretches.add(new Stretch(from, k, i.overdueAnnual, i.overdueIsInterest, i.dailyPenalty, text, i.unagreed));
            from = k;
        }
    }

    private static boolean alike(Inst x, Inst y) {
        return same(x.overdueAnnual, y.overdueAnnual) && x.overdueIsInterest == y.overdueIsInterest && same(x.dailyPenalty, y.dailyPenalty)
                && x.unagreed == y.unagreed;
    }

    private static boolean same(BigDecimal x, BigDecimal y) {
        return x == null ? y == null : y != null && x.compareTo(y) == 0;
    }

    private void oneOffCharges(Run run, Inst i, LocalDate due) {
        ClaimInput in = run.in;
        BigDecimal a = null;
        Txt text = null;
        if (in.penaltyKind() == ClaimInput.PenaltyKind.PERCENTAGE) {
            a = round(i.left.multiply(in.penaltyValue()).divide(HUNDRED, 10, RoundingMode.HALF_UP));
            String f = plain(i.left) + " × " + plain(in.penaltyValue()) + "% = " + plain(a);
            text = new Txt(due + " 到期未付 " + f + "（违约金，计一次）", "due " + due + ", unpaid " + f + " (penalty, charged once)");
        } else if (in.penaltyKind() == ClaimInput.PenaltyKind.FIXED && !run.fixedCharged) {
            run.fixedCharged = true;
            a = in.penaltyValue();
            text = new Txt(due + " 起逾期：约定固定违约金 " + plain(a) + " 元", "Overdue from " + due + ": the agreed fixed penalty of CNY " + plain(a));
        }
        if (a == null) return;
        if (in.kind() == ClaimInput.Kind.PRIVATE_LOAN) {
            warnOnce(run, new Txt("民间借贷的违约金与逾期利息合计不得超过合同成立时一年期 LPR 的四倍（民间借贷规定第二十九条），请核对",
                    "On a private loan, the penalty and overdue interest together may not exceed four times the one-year LPR when the contract"
                            + " was formed (" + Statutes.LOAN_COMBINED_CAP.en() + "): please check"));
            run.basis.add(Statutes.LOAN_COMBINED_CAP);
        }
        run.charges = run.charges.add(a);
        run.line(due, text, a, zero(), zero(), zero(), zero(), zero());
    }

    private void pay(Run run, LocalDate d, BigDecimal amount) {
        BigDecimal left = amount;
        BigDecimal toCosts = BigDecimal.ZERO, toInterest = BigDecimal.ZERO, toPrincipal = BigDecimal.ZERO, toCharges = BigDecimal.ZERO;
        List<String> order = run.in.allocation() == ClaimInput.Allocation.STATUTORY
                ? List.of("costs", "interest", "principal", "charges") : List.of("principal", "interest", "charges", "costs");
        for (String bucket : order) {
            if (left.signum() <= 0) break;
            switch (bucket) {
                case "costs" -> {
                    BigDecimal x = left.min(run.costs);
                    run.costs = run.costs.subtract(x);
                    toCosts = x;
                    left = left.subtract(x);
                }
                case "interest" -> {
                    BigDecimal x = left.min(run.interest);
                    run.interest = run.interest.subtract(x);
                    toInterest = x;
                    left = left.subtract(x);
                }
                case "charges" -> {
                    BigDecimal x = left.min(run.charges);
                    run.charges = run.charges.subtract(x);
                    toCharges = x;
                    left = left.subtract(x);
                }
                default -> {
                    // the instalments in due-date order, from the first with something left; those before it have nothing
                    // left, and their zeros (one, at the largest scale) are added so that the sums have the scale a walk
                    // over every instalment gives them
                    if (run.paidOffZero != null) {
                        toPrincipal = toPrincipal.add(run.paidOffZero);
                        left = left.subtract(run.paidOffZero);
                    }
                    for (int k = run.firstUnpaid; k < run.insts.size() && left.signum() > 0; k++) {
                        Inst i = run.insts.get(k);
                        BigDecimal x = left.min(i.left);
                        i.left = i.left.subtract(x);
                        toPrincipal = toPrincipal.add(x);
                        left = left.subtract(x);
                        run.principal = run.principal.subtract(x);
                        if (k < run.due) run.dueLeft = run.dueLeft.subtract(x);
                        if (i.left.signum() == 0) {
                            run.firstUnpaid = k + 1;
                            if (run.paidOffZero == null || i.left.scale() > run.paidOffZero.scale()) run.paidOffZero = i.left;
                        }
                    }
                }
            }
        }
        if (left.signum() > 0) {
            run.overpaid = run.overpaid.add(left);
            run.warnings.add(new Txt(d + " 还款多出 " + plain(left) + " 元（已超过全部欠款）",
                    d + ": the payment is CNY " + plain(left) + " more than everything owed"));
        }
        boolean statutory = run.in.allocation() == ClaimInput.Allocation.STATUTORY;
        run.line(d, new Txt("还款 " + plain(amount) + " 元，" + (statutory ? "按费用、利息、本金、违约金/损失的顺序抵充" : "按约定先抵本金"),
                "Payment of CNY " + plain(amount) + ", " + (statutory ? "applied to costs, interest, principal, then penalty/loss, in that order"
                        : "applied to principal first, as agreed")), zero(), amount, toCosts, toInterest, toPrincipal, toCharges);
    }

    private BigDecimal dailyAccrual(Run run) {
        BigDecimal perDay = BigDecimal.valueOf(run.in.dayCount());
        BigDecimal cap = run.in.kind() == ClaimInput.Kind.PRIVATE_LOAN ? loanCap(run, run.asOf) : null;
        BigDecimal sum = BigDecimal.ZERO;
        for (Inst i : run.insts) {
            if (i.left.signum() <= 0) continue;
            if (run.asOf.isBefore(i.due)) {
                BigDecimal r = run.in.interestRate();
                if (r != null && r.signum() > 0) {
                    if (cap != null) r = r.min(cap);
                    sum = sum.add(i.left.multiply(r).divide(HUNDRED.multiply(perDay), 10, RoundingMode.HALF_UP));
                }
                continue;
            }
            BigDecimal annual = i.overdueAnnual == null ? BigDecimal.ZERO : cap == null ? i.overdueAnnual : i.overdueAnnual.min(cap);
            BigDecimal daily = i.dailyPenalty == null ? BigDecimal.ZERO : i.dailyPenalty;
            if (cap != null) daily = daily.min(cap.subtract(annual).max(BigDecimal.ZERO).divide(perDay, 10, RoundingMode.HALF_UP));
            sum = sum.add(i.left.multiply(annual).divide(HUNDRED.multiply(perDay), 10, RoundingMode.HALF_UP))
                    .add(i.left.multiply(daily).divide(HUNDRED, 10, RoundingMode.HALF_UP));
        }
        return round(sum);
    }

    /** A warning given once however often it applies (a set beside the list: a claim can have thousands of warnings). */
    private static void warnOnce(Run run, Txt w) {
        if (run.warned.add(w.zh())) run.warnings.add(w);
    }


    private static BigDecimal round(BigDecimal v) {
        return v.setScale(SCALE, RoundingMode.HALF_UP);
    }

    private static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }

    static String plain(BigDecimal v) {
        return CourtFees.plain(v);
    }
}
