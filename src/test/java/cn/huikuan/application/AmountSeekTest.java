package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, V21: a deep page of the list sorted by amount or by outstanding starts at the bucket of amount keys the kept
 * counts ({@code book_amount_total}) place it in. Every page, both directions, is compared with a plain
 * {@code ORDER BY … , id LIMIT … OFFSET …} over the book's rows, on a generated book (amounts over eight powers of ten, many
 * equal ones, keys below 1,000 cents, settled and overpaid receivables) and again after new receivables, an edited amount, payments and
 * an erased customer; the kept counts are compared with the rows each time.
 */
class AmountSeekTest {
    @TempDir
    Path dir;
    Books books;
    final Random rnd = new Random(25);
    final List<Customer> customers = new ArrayList<>();

    @BeforeEach
    void open() {
        books = Books.open(dir, TestClock.fixed());
        books.lists().amountSeekFrom = 1; // every page after the first seeks
        for (int i = 0; i < 6; i++) {
            customers.add(books.customers().save(books.customers().newCustomer(PartyKind.ORGANISATION, "客户" + i)));
        }
        for (int i = 0; i < 160; i++) add();
    }

    @AfterEach
    void close() {
        books.close();
    }

    /** A receivable of an amount from 0.01 to ~10^8 yuan (a fifth of them one of three equal amounts), some paid. */
    private Receivable add() {
        BigDecimal principal = switch (rnd.nextInt(5)) {
            case 0 -> Money.of(List.of("1000", "2500.50", "9.99").get(rnd.nextInt(3)));
            case 1 -> BigDecimal.valueOf(1 + rnd.nextInt(999), 2);   // under 10 yuan: keys below 1,000 cents
            default -> BigDecimal.valueOf((long) Math.pow(10, 2 + rnd.nextInt(9)) + rnd.nextInt(1_000_000), 2);
        };
        LocalDate today = books.today();
        Receivable r = new Receivable(customers.get(rnd.nextInt(customers.size())), ReceivableKind.SALE_ON_CREDIT, "货款" + rnd.nextInt(1000),
                today.minusDays(400), principal);
        r.dueOn(today.minusDays(rnd.nextInt(300)));
        r = books.receivables().save(r, true);
        int paid = rnd.nextInt(4);
        if (paid == 0) pay(r, principal);                                                   // settled
        else if (paid == 1) pay(r, principal.divide(BigDecimal.valueOf(3), 2, java.math.RoundingMode.DOWN).max(Money.of("0.01")));
        else if (paid == 2 && rnd.nextBoolean()) pay(r, principal.add(BigDecimal.valueOf(1 + rnd.nextInt(100_000), 2))); // overpaid: negative keys
        return r;
    }

    private void pay(Receivable r, BigDecimal amount) {
        books.receivables().addPayment(r.getId(), new Payment(r, books.today().minusDays(1), amount, Payment.Channel.BANK_TRANSFER), true);
    }

    @Test
    void pagesAgreeWithAPlainOrderByBeforeAndAfterWrites() {
        everyPageAgrees("generated");

        for (int i = 0; i < 25; i++) add();
        everyPageAgrees("after new receivables");

        // the largest amount without payments becomes one of the smallest
        Receivable edited = books.receivables().get(books.receivables().page(ListQuery.first(50).withSort("principal", false)).rows().stream()
                .filter(row -> row.paid().signum() == 0).findFirst().orElseThrow().id());
        edited.setPrincipal(Money.of("3.21"));
        edited.dueOn(books.today().minusDays(10)); // one instalment of the new amount
        books.receivables().save(edited, true);
        Receivable other = books.receivables().get(books.receivables().page(ListQuery.first(1).withSort("principal", true)).rows().get(0).id());
        pay(other, other.getPrincipal());
        everyPageAgrees("after an edited amount and a payment");

        books.privacy().erase(customers.get(2).getId(), "本人要求删除");
        everyPageAgrees("after erasing a customer");
    }

    private void everyPageAgrees(String when) {
        assertThat(books.receivables().keptTotalsDiffer()).as(when).isEmpty();
        long n = count();
        for (String key : List.of("principal", "outstanding")) {
            String column = key.equals("principal") ? "principal_cents" : "outstanding_cents";
            for (boolean ascending : new boolean[]{true, false}) {
                for (int size : new int[]{7, 50}) {
                    ListQuery q = ListQuery.first(size).withSort(key, ascending);
                    for (int p = 0; (long) p * size < n; p++) {
                        List<Long> got = books.receivables().page(q.withPage(p)).rows().stream().map(ReceivableRow::id).toList();
                        assertThat(got).as(when + ": " + key + (ascending ? " ascending" : " descending") + ", page " + p + " of " + size)
                                .containsExactlyElementsOf(plain(column, ascending, size, (long) p * size));
                    }
                }
            }
        }
    }

    private long count() {
        return books.db().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM receivable WHERE creditor_id = ?")) {
                ps.setLong(1, books.creditorId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private List<Long> plain(String column, boolean ascending, int limit, long offset) {
        String dir = ascending ? "" : " DESC";
        return books.db().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM receivable WHERE creditor_id = ? ORDER BY " + column + dir + ", id" + dir
                    + " LIMIT ? OFFSET ?")) {
                ps.setLong(1, books.creditorId());
                ps.setInt(2, limit);
                ps.setLong(3, offset);
                List<Long> ids = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getLong(1));
                }
                return ids;
            }
        });
    }

    /** The bucket as Java computes it (the writes) equals the SQL's (V21, verify, rebuilding the totals), and keeps the keys' order. */
    @Test
    void bucketsAreTheSameInJavaAndSqlAndKeepTheOrder() {
        List<Long> keys = new ArrayList<>(List.of(Long.MIN_VALUE / 200, -123456L, -1L, 0L, 1L, 999L, 1000L, 1001L, 9999L, 99_999L, 100_000L,
                123_456_789L, 999_999_999_999L, 1_000_000_000_000L, Long.MAX_VALUE / 100));
        for (int i = 0; i < 300; i++) keys.add((long) (Math.pow(10, rnd.nextInt(16)) * rnd.nextDouble()));
        long previous = Long.MIN_VALUE;
        keys.sort(null);
        for (long key : keys) {
            long bucket = ReceivableSummary.amountBucket(key);
            assertThat(bucket).as("bucket of " + key).isLessThanOrEqualTo(key).isGreaterThanOrEqualTo(previous);
            assertThat(ReceivableSummary.amountBucketLast(bucket)).as("last of the bucket of " + key).isGreaterThanOrEqualTo(key);
            assertThat(ReceivableSummary.amountBucket(ReceivableSummary.amountBucketLast(bucket))).isEqualTo(bucket);
            previous = bucket;
            long sql = books.db().withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT " + ReceivableSummary.amountBucketSql("t.v") + " FROM (VALUES (CAST(? AS BIGINT))) t(v)")) {
                    ps.setLong(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            assertThat(sql).as("SQL bucket of " + key).isEqualTo(bucket);
        }
        assertThat(ReceivableSummary.amountBucket(-5)).isEqualTo(ReceivableSummary.amountBucket(Long.MIN_VALUE / 200)).isLessThan(-1_000_000_000_000_000L * 100);
        assertThat(ReceivableSummary.amountBucket(123_456_789L)).isEqualTo(123_000_000L);
        assertThat(ReceivableSummary.amountBucketLast(123_000_000L)).isEqualTo(123_999_999L);
    }
}
