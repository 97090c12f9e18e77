package cn.huikuan.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a claim is computed from: the contract's terms, the schedule, costs and payments. Rates are percent
 * a year; a daily penalty is percent a day (0.05 = 日万分之五); a percentage penalty is percent of the
 * overdue amount, charged once per instalment; a fixed penalty is yuan, charged once.
 */
public record ClaimInput(Kind kind, LocalDate contractDate, LocalDate interestFrom, BigDecimal principal, List<Due> schedule,
                         BigDecimal interestRate, BigDecimal overdueRate, PenaltyKind penaltyKind, BigDecimal penaltyValue,
                         List<Cost> costs, List<Paid> payments, int dayCount, Allocation allocation, BigDecimal saleMarkup,
                         boolean naturalPersons) {

    public enum Kind { SALE, PRIVATE_LOAN, SERVICE, OTHER }

    public enum PenaltyKind { NONE, FIXED, DAILY_RATE, PERCENTAGE }

    /** 民法典 §561 (costs, interest, principal) unless the parties agreed to pay principal first. */
    public enum Allocation { STATUTORY, PRINCIPAL_FIRST }

    public record Due(LocalDate date, BigDecimal amount) {
    }

    public record Cost(LocalDate date, BigDecimal amount, String text) {
    }

    public record Paid(LocalDate date, BigDecimal amount) {
    }

    public ClaimInput {
        if (kind == null || contractDate == null || principal == null || schedule == null || schedule.isEmpty()) {
            throw new IllegalArgumentException("kind, contract date, principal and at least one due date are required / 种类、合同日期、本金和至少一个到期日必须提供");
        }
        if (principal.signum() <= 0) throw new IllegalArgumentException("the principal must be more than 0 / 本金必须大于 0");
        BigDecimal sum = schedule.stream().map(Due::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(principal) != 0) throw new IllegalArgumentException("the schedule adds up to " + sum + ", not the principal " + principal + " / 各期金额合计 " + sum + "，与本金 " + principal + " 不符");
        for (Due d : schedule) {
            if (d.amount().signum() <= 0) throw new IllegalArgumentException("an instalment must be more than 0 / 每期金额必须大于 0");
            if (d.date().isBefore(contractDate)) throw new IllegalArgumentException("a due date is before the contract date / 到期日早于合同日期: " + d.date());
        }
        if (dayCount != 360 && dayCount != 365) throw new IllegalArgumentException("dayCount must be 365 or 360 / 计息天数应为 365 或 360");
        if (interestFrom == null) interestFrom = contractDate;
        if (penaltyKind == null) penaltyKind = PenaltyKind.NONE;
        if (penaltyKind != PenaltyKind.NONE && (penaltyValue == null || penaltyValue.signum() <= 0)) {
            throw new IllegalArgumentException("the penalty needs a value more than 0 / 违约金标准必须大于 0");
        }
        if (interestRate != null && interestRate.signum() < 0) throw new IllegalArgumentException("interest rate must not be negative / 利率不能为负");
        if (overdueRate != null && overdueRate.signum() < 0) throw new IllegalArgumentException("overdue rate must not be negative / 逾期利率不能为负");
        if (saleMarkup == null) saleMarkup = new BigDecimal("1.3");
        if (saleMarkup.compareTo(new BigDecimal("1.3")) < 0 || saleMarkup.compareTo(new BigDecimal("1.5")) > 0) {
            throw new IllegalArgumentException("saleMarkup must be between 1.3 and 1.5 (LPR plus 30–50 %) / 加计比例应在 1.3 到 1.5 之间（买卖合同解释 §18）");
        }
        for (Paid p : payments == null ? List.<Paid>of() : payments) {
            if (p.amount().signum() <= 0) throw new IllegalArgumentException("a payment must be more than 0 / 还款金额必须大于 0");
        }
        for (Cost c : costs == null ? List.<Cost>of() : costs) {
            if (c.amount().signum() <= 0) throw new IllegalArgumentException("a cost must be more than 0 / 费用金额必须大于 0");
        }
        costs = costs == null ? List.of() : List.copyOf(costs);
        payments = payments == null ? List.of() : List.copyOf(payments);
        schedule = List.copyOf(schedule);
        if (allocation == null) allocation = Allocation.STATUTORY;
    }
}
