package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.AuditChain;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.function.Function;
import org.h2.util.DateTimeUtils;

/**
 * verify reads the records by plain JDBC (issue 25): every record must read back as exactly the text its entity gives
 * ({@link AuditChain#canonical}), in the JVM's time zone as a user in China, in Europe or in America has it (Hibernate
 * writes times through the JDBC time zone, UTC).
 */
class JournalRecordsTest {
    @TempDir
    Path dir;
    private final TimeZone before = TimeZone.getDefault();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(before);
        DateTimeUtils.resetCalendar();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTC", "Asia/Shanghai", "America/New_York", "Pacific/Kiritimati"})
    void everyRecordReadsBackAsItsEntitysJournalText(String zone) throws Exception {
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        DateTimeUtils.resetCalendar(); // H2 keeps the zone it first saw; a user's JVM has one zone from its start
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            long r = books.receivables().page(ListQuery.first(1)).rows().get(0).id();
            books.court().log(r, CourtEvent.Kind.values()[0], SampleData.DUE_DATE.plusDays(3), "杭州市西湖区人民法院", "（2027）浙0106民初1号", "立案|备注\n第二行");
            // a demand by post with its EMS tracking number and delivery date (V17); its time as a clock gives it, to the
            // nanosecond (the books keep microseconds: the journal's text must be the stored row's)
            ContactEntry letter = new ContactEntry(null, SampleData.DUE_DATE.plusDays(5).atTime(15, 45, 12, 123_456_789), ContactEntry.Channel.LETTER,
                    ContactEntry.Direction.OUTGOING, "催收通知书 by EMS", ContactEntry.Outcome.OTHER);
            letter.setTrackingNumber("EA123456789CN");
            letter.setDeliveredOn(SampleData.DUE_DATE.plusDays(7));
            books.contacts().log(r, letter, List.of());

            Map<String, Map<Long, String>> byEntity = new HashMap<>();
            books.db().inTransactionDo(s -> {
                put(byEntity, "evidence", s.createQuery("from EvidenceItem", EvidenceItem.class).getResultList(), e -> e.getId(), AuditChain::canonical);
                put(byEntity, "payment", s.createQuery("from Payment", Payment.class).getResultList(), p -> p.getId(), AuditChain::canonical);
                put(byEntity, "contact", s.createQuery("from ContactEntry", ContactEntry.class).getResultList(), c -> c.getId(), AuditChain::canonical);
                put(byEntity, "court", s.createQuery("from CourtEvent", CourtEvent.class).getResultList(), c -> c.getId(), AuditChain::canonical);
                put(byEntity, "receivable", s.createQuery("from Receivable", Receivable.class).getResultList(), x -> x.getId(), AuditChain::canonical);
                put(byEntity, "customer", s.createQuery("from Customer", Customer.class).getResultList(), c -> c.getId(), AuditChain::canonical);
            });
            Map<String, Map<Long, String>> read = new HashMap<>();
            books.db().withConnection(c -> {
                JournalRecords records = new JournalRecords(c, books.creditorId(), 2); // pages of two: collections cross pages
                for (String entity : JournalRecords.ENTITIES) {
                    Map<Long, String> m = new HashMap<>();
                    records.forEach(entity, m::put);
                    read.put(entity, m);
                }
                return null;
            });
            for (String entity : JournalRecords.ENTITIES) {
                assertThat(byEntity.get(entity)).as(entity).isNotEmpty();
                assertThat(read.get(entity)).as(entity + " in " + zone).isEqualTo(byEntity.get(entity));
            }
            // the sample's contacts carry times of day and evidence; its receivables schedules; its customers contact methods
            assertThat(read.get("contact").values()).anyMatch(t -> t.matches(".*\\|\\d+(,\\d+)*(\\|.*)?$"))
                    .anyMatch(t -> t.contains("|tracking=EA123456789CN|deliveredOn="));
            assertThat(books.audit().verify().problems()).isEmpty();
        }
    }

    private static <T> void put(Map<String, Map<Long, String>> into, String entity, List<T> records, Function<T, Long> id,
                                Function<T, String> text) {
        Map<Long, String> m = into.computeIfAbsent(entity, k -> new HashMap<>());
        for (T x : records) m.put(id.apply(x), text.apply(x));
    }
}
