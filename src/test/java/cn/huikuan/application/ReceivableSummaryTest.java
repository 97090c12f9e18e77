package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.Balance;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.cli.Cli;
import cn.huikuan.domain.AgingBucket;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Issue 7: the list figures kept on each receivable row (V9) agree with the domain's {@link Balance} after every
 * kind of write: sample data, a new receivable, a payment, a changed schedule, a spreadsheet import, erasure,
 * and the migration's own backfill; and so do the totals kept since V10 (per due date, per customer, the book's
 * number of customers). A write path that forgot {@code ReceivableSummary} fails here.
 */
class ReceivableSummaryTest {
    @TempDir
    Path dir;

    static void assertListsAgree(Books books) {
        List<ReceivableRow> rows = books.receivables().page(ListQuery.first(500)).rows();
        assertThat(rows).isNotEmpty();
        for (ReceivableRow row : rows) {
            Balance b = books.receivables().balance(row.id());
            assertThat(row.paid()).as(row.title()).isEqualByComparingTo(b.paid());
            assertThat(row.outstanding()).as(row.title()).isEqualByComparingTo(b.outstanding());
            assertThat(row.bucket()).as(row.title()).isEqualTo(b.bucket());
            assertThat(row.overdueSince()).as(row.title()).isEqualTo(b.overdueSince());
        }
        Dashboard d = books.lists().dashboard(books.creditorId(), books.today());
        assertThat(d.outstanding()).isEqualByComparingTo(rows.stream().map(ReceivableRow::outstanding).reduce(Money.ZERO, BigDecimal::add));
        // the kept totals (V10, decision 0009) agree with the rows: per bucket, per customer, the book's counts
        assertThat(books.receivables().keptTotalsDiffer()).isEmpty();
        for (AgingBucket b : AgingBucket.values()) {
            List<ReceivableRow> in = rows.stream().filter(r -> r.bucket() == b).toList();
            Dashboard.BucketTotal t = d.buckets().get(b);
            assertThat(t == null ? 0 : t.count()).as("count of " + b).isEqualTo(in.size());
            assertThat(books.receivables().page(ListQuery.first(1).withBucket(b)).total()).as("filter " + b).isEqualTo(in.size());
        }
        assertThat(books.receivables().page(ListQuery.first(1)).total()).isEqualTo(rows.size());
        List<CustomerRow> customers = books.customers().page(ListQuery.first(500)).rows();
        assertThat(books.customers().page(ListQuery.first(1)).total()).isEqualTo(customers.size()).isEqualTo(d.customers());
        // the amount sort keys (whole cents, V13) follow the amounts through every kind of write
        long[] drifted = books.db().withConnection(c -> {
            try (Statement s = c.createStatement();
                 ResultSet r = s.executeQuery("SELECT (SELECT COUNT(*) FROM receivable WHERE principal_cents IS DISTINCT FROM principal * 100"
                         + " OR outstanding_cents IS DISTINCT FROM outstanding * 100), (SELECT COUNT(*) FROM customer"
                         + " WHERE outstanding_cents IS DISTINCT FROM outstanding * 100)")) {
                r.next();
                return new long[]{r.getLong(1), r.getLong(2)};
            }
        });
        assertThat(drifted[0]).as("receivables whose cent keys differ from their amounts").isZero();
        assertThat(drifted[1]).as("customers whose cent key differs from their outstanding").isZero();
        for (CustomerRow c : customers) {
            List<ReceivableRow> theirs = rows.stream().filter(r -> r.customerId() == c.id()).toList();
            assertThat(c.receivableCount()).as(c.name()).isEqualTo(theirs.size());
            assertThat(c.outstanding()).as(c.name()).isEqualByComparingTo(theirs.stream().map(r -> r.principal().subtract(r.paid()))
                    .reduce(Money.ZERO, BigDecimal::add));
        }
    }

    @Test
    void everyWriteKeepsTheListFiguresRight() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            assertListsAgree(books);

            Customer c = books.customers().save(books.customers().newCustomer(PartyKind.PERSON, "分期客户"));
            Receivable r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "分三期的货款", LocalDate.of(2026, 1, 5), Money.of("9000"));
            r.setSchedule(List.of(new Instalment(LocalDate.of(2026, 3, 1), Money.of("3000")),
                    new Instalment(LocalDate.of(2026, 6, 1), Money.of("3000")), new Instalment(LocalDate.of(2026, 12, 1), Money.of("3000"))));
            r = books.receivables().save(r, false);
            assertListsAgree(books);

            books.receivables().addPayment(r.getId(), new Payment(null, LocalDate.of(2026, 3, 2), Money.of("3500"), Payment.Channel.CASH), false);
            assertListsAgree(books);
            ReceivableRow row = books.receivables().page(ListQuery.first(50).withText("分三期")).rows().get(0);
            assertThat(row.overdueSince()).as("the second instalment is the first not covered").isEqualTo(LocalDate.of(2026, 6, 1));

            Receivable edited = books.receivables().get(r.getId());
            edited.setSchedule(List.of(new Instalment(LocalDate.of(2026, 3, 1), Money.of("4000")),
                    new Instalment(LocalDate.of(2026, 10, 1), Money.of("5000"))));
            books.receivables().save(edited, false);
            assertListsAgree(books);
            row = books.receivables().page(ListQuery.first(50).withText("分三期")).rows().get(0);
            assertThat(row.overdueSince()).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(row.finalDueDate()).isEqualTo(LocalDate.of(2026, 10, 1));

            Path csv = dir.resolve("in.csv");
            Files.writeString(csv, """
                    客户名称,事由,日期,金额,到期日,已付金额,付款日期
                    导入客户,钢材货款,2026-03-01,12500,2026-04-30,2500,2026-05-10
                    导入客户,水泥货款,2026-03-15,8000,2026-12-15,,
                    导入客户,付清的货款,2026-02-01,1000,2026-03-01,1000,2026-03-01
                    """, StandardCharsets.UTF_8);
            books.imports().importFile(csv, null);
            assertListsAgree(books);

            long sample = books.customers().page(ListQuery.first(10).withText("李某")).rows().get(0).id();
            books.privacy().erase(sample, "本人要求删除");
            assertListsAgree(books);
        }
    }

    @Test
    void verifyFindsKeptTotalsChangedAroundTheAppAndRebuildsThemOnRequest() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            assertThat(books.receivables().keptTotalsDiffer()).isEmpty();
            books.db().inTransactionDo(s -> {
                s.createNativeMutationQuery("UPDATE book_due_total SET receivables = receivables + 1 WHERE settled = FALSE").executeUpdate();
                s.createNativeMutationQuery("UPDATE customer SET outstanding = outstanding + 1").executeUpdate();
                s.createNativeMutationQuery("UPDATE creditor SET customer_count = customer_count + 7").executeUpdate();
            });
            assertThat(books.receivables().keptTotalsDiffer()).hasSize(3);
            // the counts per amount (V21) and the month totals: one row each changed is found; the same values written
            // with another scale are not a difference
            books.db().inTransactionDo(s -> {
                s.createNativeMutationQuery("UPDATE book_amount_total SET receivables = receivables + 1 WHERE kind = 'P'"
                        + " AND bucket = (SELECT MIN(bucket) FROM book_amount_total WHERE kind = 'P')").executeUpdate();
                s.createNativeMutationQuery("UPDATE book_month_total SET collected = collected + 0.01"
                        + " WHERE first_day = (SELECT MAX(first_day) FROM book_month_total WHERE collected <> 0)").executeUpdate();
            });
            assertThat(books.receivables().keptTotalsDiffer()).hasSize(5)
                    .anyMatch(d -> d.startsWith("counts per amount (book_amount_total): 2 rows differ"))
                    .anyMatch(d -> d.startsWith("recovery totals per month (book_month_total): 2 rows differ"));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int rc = new Cli(ps, ps).run("verify", "--book", dir.toString());
        assertThat(rc).isEqualTo(Cli.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("合计 Kept totals: 不一致", "book_due_total", "number of customers");
        out.reset();
        rc = new Cli(ps, ps).run("verify", "--book", dir.toString(), "--refresh-figures");
        assertThat(rc).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(Cli.OK);
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertListsAgree(books);
        }
    }

    @Test
    void verifyFindsFiguresChangedAroundTheAppAndRecomputesThemOnRequest() throws Exception {
        long id;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            assertThat(books.receivables().staleListFigures(10)).isEmpty();
            id = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
            books.db().inTransactionDo(s -> s.createNativeMutationQuery("UPDATE receivable SET paid = paid + 1000, first_unpaid_due = NULL WHERE id = :i")
                    .setParameter("i", id).executeUpdate());
            assertThat(books.receivables().staleListFigures(10)).containsExactly(id);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        int rc = new Cli(ps, ps).run("verify", "--book", dir.toString());
        assertThat(rc).isEqualTo(Cli.FAILED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("列表数字过期", "--refresh-figures", "[" + id + "]");
        out.reset();
        rc = new Cli(ps, ps).run("verify", "--book", dir.toString(), "--refresh-figures");
        assertThat(rc).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(Cli.OK);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("已重新计算 1 笔");
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(books.receivables().staleListFigures(10)).isEmpty();
            assertListsAgree(books);
        }
    }
}
