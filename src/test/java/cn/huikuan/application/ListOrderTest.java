package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.Balance;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.Instalment;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 7, decision 0009: the receivables list reads pages in index order across parts (with / without a first
 * unpaid due date), takes its counts from the kept totals, and reads pages in the second half from the other end.
 * Every sort key, both directions, every bucket filter and every page (of an odd size, so pages straddle the
 * parts) is compared with the order and the buckets worked out here from the domain's {@link Balance}.
 */
class ListOrderTest {
    @TempDir
    Path dir;
    Books books;
    /** What the test expects of each receivable, worked out from the domain objects, by id. */
    final Map<Long, Expected> expected = new HashMap<>();

    record Expected(long id, String customer, long customerId, String title, BigDecimal principal, BigDecimal paid, BigDecimal outstanding,
                    LocalDate finalDue, LocalDate firstUnpaidDue, AgingBucket bucket) {
    }

    @BeforeEach
    void open() {
        books = Books.open(dir, TestClock.fixed());
        Random rnd = new Random(11);
        List<Customer> customers = new ArrayList<>();
        for (String name : List.of("乙公司", "甲公司", "丙商行", "甲公司", "丁某")) { // two customers with the same name
            customers.add(books.customers().save(books.customers().newCustomer(PartyKind.ORGANISATION, name)));
        }
        LocalDate today = books.today();
        for (int i = 1; i <= 61; i++) {
            Customer c = customers.get(rnd.nextInt(customers.size()));
            // many equal amounts (ties), some with cents (the sort keys are whole cents, V13)
            BigDecimal principal = Money.of(1000 * (1 + rnd.nextInt(6)) + (rnd.nextBoolean() ? ".50" : ""));
            Receivable r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "货款 " + (char) ('A' + rnd.nextInt(5)) + i, today.minusDays(900),
                    principal);
            int kind = i % 4;
            if (kind == 0) { // two instalments, some not yet due
                BigDecimal half = principal.divide(BigDecimal.valueOf(2));
                r.setSchedule(List.of(new Instalment(today.minusDays(40L * rnd.nextInt(20) - 100), half),
                        new Instalment(today.plusDays(10 + 30L * rnd.nextInt(3)), half)));
            } else {
                // from 60 days ahead to 840 days ago, on few distinct dates: a page often starts inside one date
                r.dueOn(today.minusDays(30L * rnd.nextInt(31) - 60));
            }
            r = books.receivables().save(r, false);
            if (i % 5 == 0) { // paid in full
                books.receivables().addPayment(r.getId(), new Payment(r, today.minusDays(1), principal, Payment.Channel.CASH), false);
            } else if (i % 3 == 0) {
                books.receivables().addPayment(r.getId(), new Payment(r, today.minusDays(1), Money.of("500"), Payment.Channel.CASH), false);
            }
        }
        for (ReceivableRow row : allRows()) {
            Receivable r = books.receivables().get(row.id());
            Balance b = books.receivables().balance(row.id());
            expected.put(row.id(), new Expected(row.id(), row.customerName(), row.customerId(), r.getTitle(), r.getPrincipal(), b.paid(),
                    b.outstanding(), r.finalDueDate(), firstUnpaid(r, b.paid()), b.bucket()));
        }
        assertThat(expected).hasSize(61);
        assertThat(expected.values()).extracting(Expected::bucket).contains(AgingBucket.SETTLED, AgingBucket.NOT_DUE, AgingBucket.D0_30,
                AgingBucket.OVER_365);
    }

    private List<ReceivableRow> allRows() {
        return books.receivables().page(ListQuery.first(1000)).rows();
    }

    /** The due date of the first instalment the payments do not cover, none once settled (as the kept figure). */
    private static LocalDate firstUnpaid(Receivable r, BigDecimal paid) {
        if (r.getPrincipal().compareTo(paid) <= 0) return null;
        BigDecimal sum = BigDecimal.ZERO;
        for (Instalment i : r.getSchedule().stream().sorted(Comparator.comparing(Instalment::getDueDate)).toList()) {
            sum = sum.add(i.getAmount());
            if (sum.compareTo(paid) > 0) return i.getDueDate();
        }
        return null;
    }

    @AfterEach
    void close() {
        books.close();
    }

    private static final Comparator<Expected> BY_ID = Comparator.comparingLong(Expected::id);

    /** The order the list promises for a sort key, in its first-click direction. */
    private static Comparator<Expected> order(String key) {
        return switch (key) {
            // most overdue first: by first unpaid due date, those without one last, each in id order
            case "daysOverdue" -> Comparator.comparing((Expected e) -> e.firstUnpaidDue() == null)
                    .thenComparing(Expected::firstUnpaidDue, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(BY_ID);
            case "principal" -> Comparator.comparing(Expected::principal).thenComparing(BY_ID);
            case "outstanding" -> Comparator.comparing((Expected e) -> e.principal().subtract(e.paid())).thenComparing(BY_ID);
            case "due" -> Comparator.comparing(Expected::finalDue).thenComparing(BY_ID);
            case "title" -> Comparator.comparing(Expected::title).thenComparing(BY_ID);
            default -> throw new IllegalArgumentException(key);
        };
    }

    @Test
    void everySortDirectionBucketAndPageMatchesTheDomain() {
        everySortDirectionBucketAndPage();
    }

    @Test
    void pagesThatSeekToTheirDueDateMatchTheDomainToo() {
        books.lists().seekFrom = 1; // every page after the first starts at the due date the kept totals place it in
        books.lists().amountSeekFrom = 1; // or, by amount or outstanding, at the bucket of amounts the kept counts place it in (V21)
        everySortDirectionBucketAndPage();
        assertThat(readAllPages(ListQuery.first(5), "default, seeking")).containsExactlyElementsOf(
                expected.values().stream().sorted(order("daysOverdue")).map(Expected::id).toList());
    }

    private void everySortDirectionBucketAndPage() {
        List<AgingBucket> filters = new ArrayList<>(List.of(AgingBucket.values()));
        filters.add(null);
        for (String key : List.of("daysOverdue", "principal", "outstanding", "due", "title")) {
            for (boolean natural : new boolean[]{true, false}) {
                for (AgingBucket bucket : filters) {
                    Comparator<Expected> cmp = natural ? order(key) : order(key).reversed();
                    List<Long> want = expected.values().stream().filter(e -> bucket == null || e.bucket() == bucket).sorted(cmp)
                            .map(Expected::id).toList();
                    // daysOverdue's first click is "most overdue first" (descending days); the others start ascending
                    boolean ascending = key.equals("daysOverdue") != natural;
                    ListQuery q = ListQuery.first(7).withSort(key, ascending).withBucket(bucket);
                    String what = key + (natural ? " natural" : " reversed") + ", bucket " + bucket;
                    assertThat(readAllPages(q, what)).as(what).containsExactlyElementsOf(want);
                }
            }
        }
    }

    @Test
    void theDefaultOrderIsMostOverdueFirst() {
        List<Long> want = expected.values().stream().sorted(order("daysOverdue")).map(Expected::id).toList();
        assertThat(readAllPages(ListQuery.first(9), "default")).containsExactlyElementsOf(want);
    }

    @Test
    void sortingByCustomerKeepsEachCustomersReceivablesTogether() {
        for (boolean asc : new boolean[]{true, false}) {
            Comparator<Expected> byName = Comparator.comparing(Expected::customer).thenComparingLong(Expected::customerId).thenComparing(BY_ID);
            Comparator<Expected> cmp = asc ? byName : byName.reversed();
            List<Long> want = expected.values().stream().sorted(cmp).map(Expected::id).toList();
            assertThat(readAllPages(ListQuery.first(7).withSort("customer", asc), "customer " + asc)).containsExactlyElementsOf(want);
            // the same order when the rows are found by a search instead of read through the index
            List<Long> found = readAllPages(ListQuery.first(7).withSort("customer", asc).withText("公司"), "customer search " + asc);
            assertThat(found).containsExactlyElementsOf(want.stream().filter(id -> expected.get(id).customer().contains("公司")).toList());
        }
    }

    /** Reads every page, checks each page's total and bucket against the domain, and returns the ids in order. */
    private List<Long> readAllPages(ListQuery q, String what) {
        List<Long> ids = new ArrayList<>();
        Page<ReceivableRow> first = books.receivables().page(q);
        for (int p = 0; p < first.pageCount(); p++) {
            Page<ReceivableRow> page = books.receivables().page(q.withPage(p));
            assertThat(page.total()).as(what + " total").isEqualTo(first.total());
            for (ReceivableRow row : page.rows()) {
                Expected e = expected.get(row.id());
                assertThat(row.bucket()).as(what + " bucket of " + row.id()).isEqualTo(e.bucket());
                assertThat(row.outstanding()).as(what).isEqualByComparingTo(e.outstanding());
                ids.add(row.id());
            }
        }
        assertThat(ids).as(what + ": pages hold total rows").hasSize((int) first.total());
        return ids;
    }

    @Test
    void searchFindsTheSameInSmallAndLargeBooksByNameNumberAndAmount() {
        searchesFindTheSame();
    }

    @Test
    void whileALargeImportHasTheAmountIndexesDroppedListsAndSearchesAreTheSame() {
        // decision 0012: the sorts and the amount search name these indexes; without them H2 sorts and scans instead
        books.db().inJdbcTransaction(c -> {
            books.db().amountIndexes().drop(c);
            return null;
        });
        assertThat(books.db().amountIndexes().present()).isFalse();
        everySortDirectionBucketAndPage();
        searchesFindTheSame();
    }

    private void searchesFindTheSame() {
        long anyId = expected.keySet().iterator().next();
        Expected e = expected.get(anyId);
        for (long limit : new long[]{ListQueries.SUBSTRING_SEARCH_UP_TO, 0}) {
            books.lists().substringSearchUpTo = limit;
            String mode = limit == 0 ? "large-book search" : "small-book search";
            // the customer's name, anywhere in it
            assertThat(ids(ListQuery.first(100).withText("甲"))).as(mode).containsExactlyInAnyOrderElementsOf(
                    expected.values().stream().filter(x -> x.customer().contains("甲")).map(Expected::id).toList());
            // an amount, written as people write it
            String amount = String.format("%,.0f", e.principal());
            assertThat(ids(ListQuery.first(100).withText(amount))).as(mode + " " + amount).contains(anyId)
                    .allMatch(id -> expected.get(id).principal().compareTo(e.principal()) == 0
                            || expected.get(id).principal().subtract(expected.get(id).paid()).compareTo(e.principal()) == 0);
            // the start of a title
            assertThat(ids(ListQuery.first(100).withText(e.title()))).as(mode).contains(anyId);
            // with a bucket filter and a sort, the count is of the matches in the bucket
            Page<ReceivableRow> p = books.receivables().page(ListQuery.first(3).withText("公司").withBucket(e.bucket()).withSort("principal", false));
            assertThat(p.total()).as(mode).isEqualTo(expected.values().stream().filter(x -> x.customer().contains("公司") && x.bucket() == e.bucket()).count());
        }
        // only small books look inside titles ("A12" is inside "货款 A12"); a large book matches titles from their start
        String inside = e.title().substring(3);
        books.lists().substringSearchUpTo = ListQueries.SUBSTRING_SEARCH_UP_TO;
        assertThat(ids(ListQuery.first(100).withText(inside))).contains(anyId);
        books.lists().substringSearchUpTo = 0;
        assertThat(ids(ListQuery.first(100).withText(inside))).doesNotContain(anyId);
    }

    private List<Long> ids(ListQuery q) {
        return books.receivables().page(q).rows().stream().map(ReceivableRow::id).toList();
    }
}
