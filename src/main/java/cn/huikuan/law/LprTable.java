package cn.huikuan.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Loan Prime Rate publications (one-year and five-year-plus, percent a year), published around the 20th
 * of each month since 2019-08-20. A rate applies from its publication until the next. The table ends
 * somewhere; a date after the next expected publication cannot be answered and says so instead of
 * guessing (the user adds the month).
 */
public final class LprTable {
    public record Row(LocalDate published, BigDecimal oneYear, BigDecimal fiveYear) {
    }

    public static final LocalDate FIRST = LocalDate.of(2019, 8, 20);
    private final List<Row> rows;

    public LprTable(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::published));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).published().equals(sorted.get(i - 1).published())) {
                throw new IllegalArgumentException("two LPR rows for " + sorted.get(i).published());
            }
        }
        this.rows = List.copyOf(sorted);
    }

    public List<Row> rows() {
        return rows;
    }

    /** The last publication in the table ("as of"). */
    public LocalDate asOf() {
        return rows.get(rows.size() - 1).published();
    }

    /** The first day whose rate the table cannot know: the 20th of the month after its last row. */
    public LocalDate knownUntilExclusive() {
        return asOf().plusMonths(1).withDayOfMonth(20);
    }

    /** The publication in force on {@code date}. */
    public Row inForceOn(LocalDate date) {
        if (date.isBefore(FIRST)) {
            throw new RateUnavailableException("LPR 自 2019-08-20 起发布；" + date + " 之前适用中国人民银行贷款基准利率",
                    "The LPR is published from 2019-08-20; before that, on " + date + ", the PBOC benchmark lending rate applies", date, asOf());
        }
        if (!date.isBefore(knownUntilExclusive())) {
            String month = knownUntilExclusive().withDayOfMonth(1).toString().substring(0, 7);
            throw new RateUnavailableException("LPR 表只到 " + asOf() + "，" + date + " 适用的利率未知：请在“利率表”中补充 " + month + " 起的 LPR",
                    "The LPR table ends at " + asOf() + ", so the rate for " + date + " is unknown: add the LPR from " + month
                            + " on under \"Rates & holidays\"", date, asOf());
        }
        Row found = null;
        for (Row r : rows) {
            if (r.published().isAfter(date)) break;
            found = r;
        }
        return found;
    }

    /** A table with one more publication (the user adding a month); the original is unchanged. */
    public LprTable with(Row row) {
        List<Row> list = new ArrayList<>(rows);
        list.removeIf(r -> r.published().equals(row.published()));
        list.add(row);
        return new LprTable(list);
    }

    /** A rate the table does not have; the message is Chinese, {@link #english()} the same in English (issue 21). */
    public static final class RateUnavailableException extends RuntimeException {
        private final LocalDate date;
        private final LocalDate tableEnds;
        private final String english;

        public RateUnavailableException(String message, String english, LocalDate date, LocalDate tableEnds) {
            super(message);
            this.english = english;
            this.date = date;
            this.tableEnds = tableEnds;
        }

        /** The message in the app's language ("en" or "zh"). */
        public String message(String language) {
            return "en".equals(language) ? english : getMessage();
        }

        public String english() { return english; }


        public LocalDate date() { return date; }
        public LocalDate tableEnds() { return tableEnds; }
    }
}
