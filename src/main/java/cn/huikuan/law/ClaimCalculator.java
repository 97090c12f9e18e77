package cn.huikuan.law;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
 */
public final class ClaimCalculator {
    private static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private final LprTable lpr;
    private final BenchmarkTable benchmark;

    public ClaimCalculator(LprTable lpr, BenchmarkTable benchmark) {
        this.lpr = lpr;
        this.benchmark = benchmark;
    }

    /** One line of the ledger: an accrual over a period, a cost, or a payment and where it went. */
    public record Line(LocalDate date, String text, BigDecimal accrued, BigDecimal paid, BigDecimal toCosts, BigDecimal toInterest,
                       BigDecimal toPrincipal, BigDecimal toCharges, BigDecimal principalLeft, BigDecimal interestLeft,
                       BigDecimal chargesLeft, BigDecimal costsLeft) {
    }

    public record Result(LocalDate asOf, BigDecimal principal, BigDecimal interest, BigDecimal charges, BigDecimal costs, BigDecimal total,
                         BigDecimal overpaid, BigDecimal dailyAccrual, boolean includesUnagreedCharges, List<Line> ledger,
                         List<String> method, List<String> warnings, List<Citation> basis) {
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
        boolean overdueIsInterest;
        BigDecimal dailyPenalty;       // percent a day, charges bucket
        String overdueText = "";

        Inst(LocalDate due, BigDecimal amount) {
            this.due = due;
            this.amount = amount;
            this.left = amount;
        }
    }

    private final class Run {
        final ClaimInput in;
        final LocalDate asOf;
        final List<Inst> insts = new ArrayList<>();
        final List<Line> ledger = new ArrayList<>();
        final Set<String> method = new LinkedHashSet<>();
        final List<String> warnings = new ArrayList<>();
        final Set<Citation> basis = new LinkedHashSet<>();
        BigDecimal interest = BigDecimal.ZERO;
        BigDecimal charges = BigDecimal.ZERO;
        BigDecimal costs = BigDecimal.ZERO;
        BigDecimal overpaid = BigDecimal.ZERO;
        boolean unagreed;
        boolean fixedCharged;

        Run(ClaimInput in, LocalDate asOf) {
            this.in = in;
            this.asOf = asOf;
        }

        BigDecimal principalLeft() {
            return insts.stream().map(i -> i.left).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        void line(LocalDate date, String text, BigDecimal accrued, BigDecimal paid, BigDecimal c, BigDecimal i, BigDecimal p, BigDecimal ch) {
            ledger.add(new Line(date, text, accrued, paid, c, i, p, ch, principalLeft(), interest, charges, costs));
        }
    }

    public Result compute(ClaimInput in, LocalDate asOf) {
        if (asOf.isBefore(in.contractDate())) throw new IllegalArgumentException("the as-of date is before the contract date");
        Run run = new Run(in, asOf);
        for (ClaimInput.Due d : in.schedule().stream().sorted(java.util.Comparator.comparing(ClaimInput.Due::date)).toList()) {
            run.insts.add(new Inst(d.date(), d.amount()));
        }
        run.basis.add(Statutes.MONEY_DEBT);
        for (Inst i : run.insts) decideOverdueCharge(run, i);
        if (in.interestRate() != null && in.interestRate().signum() > 0) {
            run.method.add("借期/信用期利息：约定年利率 " + plain(in.interestRate()) + "%，自 " + in.interestFrom() + " 起按未到期本金计算，实际天数/"
                    + in.dayCount());
            if (in.kind() == ClaimInput.Kind.PRIVATE_LOAN) run.basis.add(Statutes.LOAN_RATE_CAP);
        }

        TreeSet<LocalDate> dates = new TreeSet<>();
        dates.add(in.contractDate());
        dates.add(asOf);
        if (in.interestRate() != null && !in.interestFrom().isAfter(asOf)) dates.add(in.interestFrom());
        for (Inst i : run.insts) if (!i.due.isAfter(asOf)) dates.add(i.due);
        for (ClaimInput.Paid p : in.payments()) {
            if (p.date().isAfter(asOf)) {
                run.warnings.add("还款 " + p.date() + "（" + plain(p.amount()) + " 元）晚于计算日，未计入");
            } else if (p.date().isBefore(in.contractDate())) {
                throw new IllegalArgumentException("a payment is dated before the contract: " + p.date());
            } else {
                dates.add(p.date());
            }
        }
        for (ClaimInput.Cost c : in.costs()) if (!c.date().isAfter(asOf) && !c.date().isBefore(in.contractDate())) dates.add(c.date());
        if (in.kind() == ClaimInput.Kind.PRIVATE_LOAN && in.contractDate().isBefore(RateCaps.NEW_RULES)
                && RateCaps.NEW_RULES.isAfter(in.contractDate()) && !RateCaps.NEW_RULES.isAfter(asOf)) {
            dates.add(RateCaps.NEW_RULES);
        }

        List<LocalDate> list = new ArrayList<>(dates);
        for (int k = 0; k < list.size(); k++) {
            LocalDate d = list.get(k);
            for (ClaimInput.Cost c : in.costs()) {
                if (c.date().equals(d)) {
                    run.costs = run.costs.add(c.amount());
                    run.basis.add(Statutes.PAYMENT_ALLOCATION);
                    run.line(d, "实现债权的费用：" + (c.text() == null ? "" : c.text()), c.amount(), zero(), zero(), zero(), zero(), zero());
                }
            }
            for (ClaimInput.Paid p : in.payments()) {
                if (p.date().equals(d)) pay(run, d, p.amount());
            }
            if (d.isBefore(asOf)) {
                for (Inst i : run.insts) {
                    if (i.due.equals(d) && i.left.signum() > 0) oneOffCharges(run, i, d);
                }
            }
            if (k + 1 < list.size()) accrue(run, d, list.get(k + 1));
        }

        BigDecimal daily = dailyAccrual(run);
        BigDecimal total = run.principalLeft().add(run.interest).add(run.charges).add(run.costs);
        if (in.allocation() == ClaimInput.Allocation.STATUTORY) run.basis.add(Statutes.PAYMENT_ALLOCATION);
        return new Result(asOf, run.principalLeft(), run.interest, run.charges, run.costs, total, run.overpaid, daily, run.unagreed,
                List.copyOf(run.ledger), List.copyOf(run.method), List.copyOf(run.warnings), List.copyOf(run.basis));
    }

    private void decideOverdueCharge(Run run, Inst i) {
        ClaimInput in = run.in;
        LocalDate breach = i.due.plusDays(1);
        if (in.overdueRate() != null) {
            i.overdueAnnual = in.overdueRate();
            i.overdueIsInterest = true;
            i.overdueText = "约定逾期利率 年 " + plain(in.overdueRate()) + "%";
            run.method.add("逾期利息：合同约定逾期年利率 " + plain(in.overdueRate()) + "%");
            if (in.kind() == ClaimInput.Kind.PRIVATE_LOAN) run.basis.add(Statutes.LOAN_OVERDUE_RATE);
        }
        if (in.penaltyKind() == ClaimInput.PenaltyKind.DAILY_RATE) {
            i.dailyPenalty = in.penaltyValue();
            i.overdueText += (i.overdueText.isEmpty() ? "" : "；") + "约定违约金 日 " + plain(in.penaltyValue()) + "%";
            run.method.add("违约金：合同约定按逾期金额每日 " + plain(in.penaltyValue()) + "% 计算");
            run.basis.add(Statutes.PENALTY_CLAUSE);
        } else if (in.penaltyKind() != ClaimInput.PenaltyKind.NONE) {
            run.basis.add(Statutes.PENALTY_CLAUSE);
            run.method.add(in.penaltyKind() == ClaimInput.PenaltyKind.FIXED ? "违约金：合同约定固定金额 " + plain(in.penaltyValue()) + " 元（计一次）"
                    : "违约金：合同约定按逾期金额的 " + plain(in.penaltyValue()) + "% 计算（每期计一次）");
        }
        if (in.overdueRate() != null || in.penaltyKind() != ClaimInput.PenaltyKind.NONE) return;
        // nothing agreed for late payment
        run.unagreed = true;
        i.overdueIsInterest = false;
        switch (in.kind()) {
            case SALE -> {
                BigDecimal base;
                String baseText;
                if (breach.isBefore(LprTable.FIRST)) {
                    base = benchmark.inForceOn(breach).oneYear();
                    baseText = "违约时中国人民银行一年期贷款基准利率 " + plain(base) + "%";
                } else {
                    LprTable.Row row = lpr.inForceOn(breach);
                    base = row.oneYear();
                    baseText = "违约时（" + breach + "）一年期 LPR " + plain(base) + "%（" + row.published() + " 发布）";
                }
                i.overdueAnnual = base.multiply(in.saleMarkup()).setScale(4, RoundingMode.HALF_UP);
                i.overdueText = "逾期付款损失 " + baseText + " × " + plain(in.saleMarkup()) + " = 年 " + plain(i.overdueAnnual) + "%";
                run.method.add("合同未约定逾期付款违约金：按" + baseText + "加计 " + in.saleMarkup().subtract(BigDecimal.ONE).multiply(HUNDRED)
                        .stripTrailingZeros().toPlainString() + "% 计算逾期付款损失（法院可在 30%–50% 之间确定）");
                run.basis.add(Statutes.SALE_LATE_PAYMENT_LOSS);
            }
            case PRIVATE_LOAN -> {
                if (in.interestRate() != null && in.interestRate().signum() > 0) {
                    i.overdueAnnual = in.interestRate();
                    i.overdueIsInterest = true;
                    i.overdueText = "未约定逾期利率，按借期内利率 年 " + plain(in.interestRate()) + "%";
                    run.method.add("未约定逾期利率：自逾期之日起按借期内利率计算资金占用期间利息");
                } else {
                    LprTable.Row row = lpr.inForceOn(breach);
                    i.overdueAnnual = row.oneYear();
                    i.overdueIsInterest = true;
                    i.overdueText = "未约定利率，参照逾期时一年期 LPR 年 " + plain(row.oneYear()) + "%";
                    run.method.add("借期内利率和逾期利率均未约定：自逾期还款之日起参照当时一年期 LPR 计算");
                }
                run.basis.add(Statutes.LOAN_OVERDUE_RATE);
            }
            default -> {
                LprTable.Row row = lpr.inForceOn(breach);
                i.overdueAnnual = row.oneYear();
                i.overdueText = "资金占用损失，参照违约时一年期 LPR 年 " + plain(row.oneYear()) + "%";
                run.method.add("合同未约定违约责任：参照违约时一年期 LPR 计算资金占用损失（司法实践的常用标准）");
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
        return lpr.inForceOn(run.asOf).oneYear().multiply(BigDecimal.valueOf(4));
    }

    private void accrue(Run run, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        if (days <= 0) return;
        ClaimInput in = run.in;
        BigDecimal cap = loanCap(run, from);
        BigDecimal perDay = BigDecimal.valueOf(in.dayCount());
        List<String> parts = new ArrayList<>();
        BigDecimal addInterest = BigDecimal.ZERO;
        BigDecimal addCharges = BigDecimal.ZERO;
        BigDecimal rate = in.interestRate();
        if (rate != null && rate.signum() > 0 && !from.isBefore(in.interestFrom())) {
            if (cap != null && rate.compareTo(cap) > 0) {
                warnOnce(run, "约定利率 年 " + plain(rate) + "% 超过上限 年 " + plain(cap) + "%，超出部分不予支持，按上限计算");
                rate = cap;
            }
            BigDecimal notDue = run.insts.stream().filter(i -> from.isBefore(i.due)).map(i -> i.left).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (notDue.signum() > 0) {
                BigDecimal a = round(notDue.multiply(rate).multiply(BigDecimal.valueOf(days)).divide(HUNDRED.multiply(perDay), 10, RoundingMode.HALF_UP));
                addInterest = addInterest.add(a);
                parts.add("未到期本金 " + plain(notDue) + " × 年 " + plain(rate) + "% × " + days + "/" + in.dayCount() + " = " + plain(a));
            }
        }
        for (Inst i : run.insts) {
            if (from.isBefore(i.due) || i.left.signum() <= 0) continue;
            BigDecimal annual = i.overdueAnnual;
            BigDecimal daily = i.dailyPenalty;
            if (cap != null) {
                if (annual != null && annual.compareTo(cap) > 0) {
                    warnOnce(run, "逾期利率 年 " + plain(annual) + "% 超过上限 年 " + plain(cap) + "%，按上限计算（民间借贷规定第二十八条）");
                    annual = cap;
                }
                if (daily != null) {
                    BigDecimal room = cap.subtract(annual == null ? BigDecimal.ZERO : annual).max(BigDecimal.ZERO).divide(perDay, 10, RoundingMode.HALF_UP);
                    if (daily.compareTo(room) > 0) {
                        warnOnce(run, "逾期利息与违约金合计超过 年 " + plain(cap) + "% 的上限，违约金按剩余额度计算（民间借贷规定第二十九条）");
                        daily = room;
                        run.basis.add(Statutes.LOAN_COMBINED_CAP);
                    }
                }
            }
            if (annual != null && annual.signum() > 0) {
                BigDecimal a = round(i.left.multiply(annual).multiply(BigDecimal.valueOf(days)).divide(HUNDRED.multiply(perDay), 10, RoundingMode.HALF_UP));
                if (i.overdueIsInterest) addInterest = addInterest.add(a);
                else addCharges = addCharges.add(a);
                parts.add(i.due + " 到期未付 " + plain(i.left) + " × 年 " + plain(annual) + "% × " + days + "/" + in.dayCount() + " = " + plain(a)
                        + "（" + i.overdueText + "）");
            }
            if (daily != null && daily.signum() > 0) {
                BigDecimal a = round(i.left.multiply(daily).multiply(BigDecimal.valueOf(days)).divide(HUNDRED, 10, RoundingMode.HALF_UP));
                addCharges = addCharges.add(a);
                parts.add(i.due + " 到期未付 " + plain(i.left) + " × 日 " + plain(daily) + "% × " + days + " 天 = " + plain(a) + "（违约金）");
            }
        }
        if (parts.isEmpty()) return;
        run.interest = run.interest.add(addInterest);
        run.charges = run.charges.add(addCharges);
        run.line(from, from + " 至 " + to + "（" + days + " 天）：" + String.join("；", parts), addInterest.add(addCharges),
                zero(), zero(), zero(), zero(), zero());
    }

    private void oneOffCharges(Run run, Inst i, LocalDate due) {
        ClaimInput in = run.in;
        BigDecimal a = null;
        String text = null;
        if (in.penaltyKind() == ClaimInput.PenaltyKind.PERCENTAGE) {
            a = round(i.left.multiply(in.penaltyValue()).divide(HUNDRED, 10, RoundingMode.HALF_UP));
            text = due + " 到期未付 " + plain(i.left) + " × " + plain(in.penaltyValue()) + "% = " + plain(a) + "（违约金，计一次）";
        } else if (in.penaltyKind() == ClaimInput.PenaltyKind.FIXED && !run.fixedCharged) {
            run.fixedCharged = true;
            a = in.penaltyValue();
            text = due + " 起逾期：约定固定违约金 " + plain(a) + " 元";
        }
        if (a == null) return;
        if (in.kind() == ClaimInput.Kind.PRIVATE_LOAN) {
            warnOnce(run, "民间借贷的违约金与逾期利息合计不得超过合同成立时一年期 LPR 的四倍（民间借贷规定第二十九条），请核对");
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
                    for (Inst i : run.insts) {
                        if (left.signum() <= 0) break;
                        BigDecimal x = left.min(i.left);
                        i.left = i.left.subtract(x);
                        toPrincipal = toPrincipal.add(x);
                        left = left.subtract(x);
                    }
                }
            }
        }
        if (left.signum() > 0) {
            run.overpaid = run.overpaid.add(left);
            run.warnings.add(d + " 还款多出 " + plain(left) + " 元（已超过全部欠款）");
        }
        String how = run.in.allocation() == ClaimInput.Allocation.STATUTORY ? "按费用、利息、本金、违约金/损失的顺序抵充" : "按约定先抵本金";
        run.line(d, "还款 " + plain(amount) + " 元，" + how, zero(), amount, toCosts, toInterest, toPrincipal, toCharges);
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

    private static void warnOnce(Run run, String w) {
        if (!run.warnings.contains(w)) run.warnings.add(w);
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
