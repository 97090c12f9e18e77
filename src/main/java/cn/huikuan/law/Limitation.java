package cn.huikuan.law;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The limitation period (诉讼时效) of a money claim.
 * <ul>
 *   <li>民法典 §188: three years from when the creditor knew or should have known of the damage and the
 *   debtor — for a sum due on a date, from that date; §189: for instalments of one debt, from the last
 *   instalment's due date.</li>
 *   <li>§195: interrupted, and counted anew, by a demand to the debtor (诉讼时效规定 §8: when it reaches
 *   the debtor), by the debtor's agreement to perform (§14: part payment, instalment plan, request for
 *   extension, acknowledgement), by suit or arbitration, and by a 支付令 application (§11).</li>
 *   <li>§201–§203: the start day is not counted; the period ends on the corresponding day; a last day on a
 *   rest day moves to the day after the rest.</li>
 *   <li>§188 ¶2: whatever the interruptions, a right is not protected more than twenty years after the day it was harmed
 *   (for a debt, its due date; for instalments, each instalment's own due date): the twenty years are never interrupted
 *   (issue 19). The result says which of the two ends first, and which rule decided.</li>
 * </ul>
 * An event after expiry does not revive the period; it is listed with a note (a debtor who agrees to pay
 * after expiry cannot then plead it, §192 and 诉讼时效规定 §19, which a court decides).
 */
public final class Limitation {
    public static final int YEARS = 3;

    public enum EventKind {
        DEMAND_DELIVERED, ACKNOWLEDGED, PART_PAYMENT, INSTALMENT_AGREEMENT, SUIT_FILED, PAYMENT_ORDER_APPLIED, ARBITRATION_APPLIED,
        /** An interruption whose kind was not given (the command line's --interrupt DATE). */
        INTERRUPTION;

        public String zh() {
            return switch (this) {
                case DEMAND_DELIVERED -> "催告送达债务人";
                case ACKNOWLEDGED -> "债务人认可欠款";
                case PART_PAYMENT -> "部分还款";
                case INSTALMENT_AGREEMENT -> "达成分期/延期还款";
                case SUIT_FILED -> "提起诉讼";
                case PAYMENT_ORDER_APPLIED -> "申请支付令";
                case ARBITRATION_APPLIED -> "申请仲裁";
                case INTERRUPTION -> "时效中断事由";
            };
        }

        /** The event in English (the English window, issue 21). */
        public String en() {
            return switch (this) {
                case DEMAND_DELIVERED -> "Demand delivered to the debtor";
                case ACKNOWLEDGED -> "The debtor acknowledged the debt";
                case PART_PAYMENT -> "Part payment";
                case INSTALMENT_AGREEMENT -> "Instalments or an extension agreed";
                case SUIT_FILED -> "Lawsuit filed";
                case PAYMENT_ORDER_APPLIED -> "Payment order applied for";
                case ARBITRATION_APPLIED -> "Arbitration applied for";
                case INTERRUPTION -> "Ground interrupting limitation";
            };
        }

        public Citation basis() {
            return switch (this) {
                case DEMAND_DELIVERED -> Statutes.DEMAND_REACHES_DEBTOR;
                case ACKNOWLEDGED, PART_PAYMENT, INSTALMENT_AGREEMENT -> Statutes.PART_PAYMENT_IS_CONSENT;
                case SUIT_FILED, ARBITRATION_APPLIED, INTERRUPTION -> Statutes.LIMITATION_INTERRUPTION;
                case PAYMENT_ORDER_APPLIED -> Statutes.PAYMENT_ORDER_INTERRUPTS;
            };
        }
    }

    public record Event(LocalDate date, EventKind kind, String note) {
    }

    public enum Warning { NONE, DAYS_90, DAYS_30, DAYS_7, EXPIRED }

    /** Which rule ended the protection first. */
    public enum DecidedBy {
        /** Three years, counted anew at each interruption (§188 ¶1, §195). */
        THREE_YEARS,
        /** Twenty years from the day the right was harmed, never interrupted (§188 ¶2). */
        TWENTY_YEARS;

        public String zh() {
            return this == THREE_YEARS ? "三年诉讼时效" : "自权利受到损害之日起二十年（最长保护期间）";
        }

        /** {@link #zh()} in English. */
        public String en() {
            return this == THREE_YEARS ? "the three-year limitation period" : "twenty years from the day the right was harmed (the longest protection)";
        }

        public Citation basis() {
            return this == THREE_YEARS ? Statutes.LIMITATION_THREE_YEARS : Statutes.LIMITATION_TWENTY_YEARS;
        }
    }

    /**
     * {@code expires} is the earlier of {@code threeYears} (with its interruptions) and {@code twentyYears}; {@code decidedBy}
     * says which. {@code firstPartBarred}: with instalments, the day the earliest one passes its own twenty years, when that
     * comes before {@code expires} (that part alone is then no longer protected); else null. {@code table} is Chinese (the
     * documents and the command line print it), {@code tableEn} the same lines in English for the English window (issue 21).
     */
    public record Result(LocalDate start, LocalDate expires, boolean moved, Event lastInterruption, long daysLeft, Warning warning,
                         List<String> table, List<Event> ignored, List<Citation> basis, List<Integer> uncertainYears,
                         LocalDate threeYears, LocalDate twentyYears, DecidedBy decidedBy, LocalDate firstPartBarred, List<String> tableEn) {
        /** The table in the app's language ("en" or "zh"): the same lines, in the same order. */
        public List<String> table(String language) {
            return "en".equals(language) ? tableEn : table;
        }
    }

    /** The protection ends at the latest twenty years after the right was harmed (民法典 §188 ¶2). */
    public static final int MAXIMUM_YEARS = 20;

    private final Deadlines deadlines;

    public Limitation(HolidayCalendar calendar) {
        this.deadlines = new Deadlines(calendar);
    }

    /**
     * @param start  the day the period starts (due date, or last instalment's due date)
     * @param events interruptions, in any order
     * @param asOf   the day to measure the time left from
     */
    public Result compute(LocalDate start, List<Event> events, LocalDate asOf) {
        return compute(start, start, events, asOf);
    }

    /**
     * @param start        the day the three years start (due date, or the last instalment's due date, §189)
     * @param firstHarmed  the day the right was first harmed (the first instalment's due date; the due date of a single sum)
     */
    public Result compute(LocalDate start, LocalDate firstHarmed, List<Event> events, LocalDate asOf) {
        List<String> table = new ArrayList<>();
        List<String> tableEn = new ArrayList<>();
        List<Event> ignored = new ArrayList<>();
        TreeSet<Integer> uncertain = new TreeSet<>();
        Deadlines.Result period = deadlines.substantiveYears(start, YEARS, Statutes.LIMITATION_THREE_YEARS);
        uncertain.addAll(period.uncertainYears());
        table.add("起算日 " + start + "，三年届满 " + period.deadline() + (period.moved() ? "（" + period.reason() + "）" : ""));
        tableEn.add("Starts " + start + "; the three years end " + period.deadline() + (period.moved() ? " (" + period.reasonEn() + ")" : ""));
        Event last = null;
        for (Event e : events.stream().sorted(Comparator.comparing(Event::date)).toList()) {
            if (e.date().isBefore(start)) {
                ignored.add(e);
                table.add(e.date() + " " + e.kind().zh() + "：早于起算日，不影响时效");
                tableEn.add(e.date() + " " + e.kind().en() + ": before the start, it does not affect limitation");
            } else if (e.date().isAfter(period.deadline())) {
                ignored.add(e);
                table.add(e.date() + " " + e.kind().zh() + "：发生在时效届满之后，不能使时效重新计算（对方同意履行的，可能不得再以时效抗辩，由法院认定）");
                tableEn.add(e.date() + " " + e.kind().en() + ": after the period ended, it cannot make it run again (a debtor who agreed to"
                        + " perform may no longer be able to plead limitation; the court decides)");
            } else {
                period = deadlines.substantiveYears(e.date(), YEARS, e.kind().basis());
                uncertain.addAll(period.uncertainYears());
                last = e;
                table.add(e.date() + " " + e.kind().zh() + "：时效中断，" + e.kind().basis().zh() + "，重新计算三年至 " + period.deadline()
                        + (period.moved() ? "（" + period.reason() + "）" : ""));
                tableEn.add(e.date() + " " + e.kind().en() + ": limitation interrupted (" + e.kind().basis().en() + "); three years run again to "
                        + period.deadline() + (period.moved() ? " (" + period.reasonEn() + ")" : ""));
            }
        }
        // the twenty years: from the (last) instalment's own day for the whole claim, never interrupted
        Deadlines.Result twenty = deadlines.substantiveYears(start, MAXIMUM_YEARS, Statutes.LIMITATION_TWENTY_YEARS);
        boolean twentyFirst = twenty.deadline().isBefore(period.deadline());
        if (twentyFirst) uncertain.addAll(twenty.uncertainYears()); // a year's calendar matters only for the date that decides
        LocalDate expires = twentyFirst ? twenty.deadline() : period.deadline();
        table.add("自权利受到损害之日 " + start + " 起二十年届满 " + twenty.deadline() + (twenty.moved() ? "（" + twenty.reason() + "）" : "")
                + "，不因中断而延长（" + Statutes.LIMITATION_TWENTY_YEARS.zh() + "）" + (twentyFirst ? "：早于三年诉讼时效，以此为准" : ""));
        tableEn.add("Twenty years from the day the right was harmed, " + start + ", end " + twenty.deadline()
                + (twenty.moved() ? " (" + twenty.reasonEn() + ")" : "") + "; no interruption extends them (" + Statutes.LIMITATION_TWENTY_YEARS.en()
                + ")" + (twentyFirst ? ": earlier than the three-year limitation, so this decides" : ""));
        LocalDate firstPart = null;
        if (firstHarmed != null && firstHarmed.isBefore(start)) {
            Deadlines.Result first = deadlines.substantiveYears(firstHarmed, MAXIMUM_YEARS, Statutes.LIMITATION_TWENTY_YEARS);
            if (first.deadline().isBefore(expires)) {
                uncertain.addAll(first.uncertainYears());
                firstPart = first.deadline();
                table.add("最早一期 " + firstHarmed + " 到期的款项自其到期之日起二十年届满 " + first.deadline() + "，此后该期不再受保护");
                tableEn.add("The earliest instalment, due " + firstHarmed + ": twenty years from its due date end " + first.deadline()
                        + "; after that it is no longer protected");
            }
        }
        long daysLeft = ChronoUnit.DAYS.between(asOf, expires);
        Warning w = daysLeft < 0 ? Warning.EXPIRED : daysLeft <= 7 ? Warning.DAYS_7 : daysLeft <= 30 ? Warning.DAYS_30
                : daysLeft <= 90 ? Warning.DAYS_90 : Warning.NONE;
        List<Citation> basis = List.of(Statutes.LIMITATION_THREE_YEARS, Statutes.LIMITATION_TWENTY_YEARS, Statutes.LIMITATION_INSTALMENTS,
                Statutes.LIMITATION_INTERRUPTION, Statutes.PERIOD_REST_DAY);
        return new Result(start, expires, twentyFirst ? twenty.moved() : period.moved(), last, daysLeft, w, table, ignored, basis,
                List.copyOf(uncertain), period.deadline(), twenty.deadline(), twentyFirst ? DecidedBy.TWENTY_YEARS : DecidedBy.THREE_YEARS, firstPart,
                List.copyOf(tableEn));

    }
}
