package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.pdf.PdfCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 账龄分析 by customer and the customer statement on the sample (today 2026-11-28): totals equal the sum of the rows. */
class ReportsTest {
    @TempDir
    Path dir;
    Books books;

    @BeforeEach
    void open() {
        books = Books.open(dir.resolve("b"), TestClock.fixed());
        SampleData.loadInto(books);
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void agingByCustomerMatchesTheDashboardAndEachDebt() {
        List<ListQueries.AgingRow> rows = books.lists().agingByCustomer(books.creditorId(), books.today());
        assertThat(rows).extracting(ListQueries.AgingRow::customer).containsExactly("李某", "某装饰工程有限公司", "张某");
        // 李某: 300,000 overdue since 2026-05-28 (184 days); 张某: 50,000 since 2026-08-01 (119 days);
        // 某装饰: the third instalment of 30,000 due 2026-10-31 (28 days) heads its 60,000.
        assertThat(rows.get(0).buckets()).containsEntry(AgingBucket.D181_365, new BigDecimal("300000.00"));
        assertThat(rows.get(2).buckets()).containsEntry(AgingBucket.D91_180, new BigDecimal("50000.00"));
        assertThat(rows.get(1).buckets()).containsEntry(AgingBucket.D0_30, new BigDecimal("60000.00"));
        BigDecimal sum = rows.stream().map(ListQueries.AgingRow::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(books.lists().dashboard(books.creditorId(), books.today()).outstanding());
    }

    @Test
    void agingPdfAndExcelCarryTheSameTotals() throws Exception {
        Path pdf = books.exports().agingPdf(dir.resolve("aging.pdf"));
        try (PdfCheck p = PdfCheck.of(pdf)) {
            assertThat(p.fontsNotEmbedded()).isEmpty();
            assertThat(p.allText()).contains("某建材有限公司 账龄分析表", "李某", "300,000.00", "合计", "410,000.00");
        }
        Path xlsx = dir.resolve("aging.xlsx");
        assertThat(books.exports().agingXlsx(xlsx)).isEqualTo(3);
        List<List<String>> rows = new ArrayList<>();
        SpreadsheetRows.read(xlsx, rows::add);
        assertThat(rows).hasSize(6); // the heading with the book's name (issue 21), the header, three customers, the totals
        BigDecimal sum = BigDecimal.ZERO;
        for (List<String> r : rows.subList(2, 5)) sum = sum.add(new BigDecimal(r.get(7)));
        assertThat(new BigDecimal(rows.get(5).get(7))).isEqualByComparingTo(sum).isEqualByComparingTo("410000");
    }

    @Test
    void statementForThePeriodStartsFromTheOpeningBalance() {
        long li = books.customers().page(ListQuery.first(10)).rows().stream().filter(r -> r.name().equals("李某")).findFirst().orElseThrow().id();
        Path pdf = books.exports().statementPdf(li, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 11, 28), dir.resolve("st.pdf"));
        try (PdfCheck p = PdfCheck.of(pdf)) {
            // The sale of 2025-12-18 is before the period: opening 500,000; the payment of 2026-05-26 leaves 300,000.
            assertThat(p.allText()).contains("对  账  单", "期初余额", "500,000.00", "200,000.00", "300,000.00", "确  认  栏");
            assertThat(p.allText().replaceAll("\\s+", "")).contains("尚欠某建材有限公司人民币300,000.00元（大写：叁拾万元整）");
        }
    }

    @Test
    void recoveryByMonthAddsUpToTheDashboard() {
        List<ListQueries.RecoveryMonth> months = books.lists().recovery(books.creditorId(), books.today(), 12);
        assertThat(months).hasSize(12);
        assertThat(months.get(0).month()).hasToString("2025-12");
        assertThat(months.get(0).outstanding()).isEqualByComparingTo("500000");          // 李某's sale of 2025-12-18
        var may = months.get(5);                                                          // 2026-05: 李某 paid 200,000
        assertThat(may.collected()).isEqualByComparingTo("200000");
        assertThat(may.outstanding()).isEqualByComparingTo("350000");                    // + 张某's 50,000 loan of February
        assertThat(months.get(8).collected()).isEqualByComparingTo("30000");             // 2026-08
        assertThat(months.get(11).outstanding()).isEqualByComparingTo(books.lists().dashboard(books.creditorId(), books.today()).outstanding())
                .isEqualByComparingTo("410000");
        BigDecimal collected = months.stream().map(ListQueries.RecoveryMonth::collected).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(collected).isEqualByComparingTo("260000");
    }
}
