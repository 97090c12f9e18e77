package cn.huikuan.law;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The PBOC one-year benchmark lending rate before LPR (in force until 2019-08-19), percent a year. */
public final class BenchmarkTable {
    public record Row(LocalDate effective, BigDecimal oneYear) {
    }

    private final List<Row> rows;

    public BenchmarkTable(List<Row> rows) {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparing(Row::effective));
        this.rows = List.copyOf(sorted);
    }

    public Row inForceOn(LocalDate date) {
        if (!date.isBefore(LprTable.FIRST)) {
            throw new IllegalArgumentException("from 2019-08-20 the LPR applies, not the benchmark rate / 2019-08-20 起适用 LPR 而非贷款基准利率: " + date);
        }
        Row found = null;
        for (Row r : rows) {
            if (r.effective().isAfter(date)) break;
            found = r;
        }
        if (found == null) {
            throw new LprTable.RateUnavailableException("基准利率表从 " + rows.get(0).effective() + " 开始，" + date + " 的利率未收录",
                    "The benchmark rate table starts at " + rows.get(0).effective() + ": the rate for " + date + " is not in it", date,
                    rows.get(rows.size() - 1).effective());

        }
        return found;
    }
}
