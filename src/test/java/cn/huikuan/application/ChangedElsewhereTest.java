package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.Instalment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Optimistic locking of the records that can be changed besides receivables and customers (issue 22), on this
 * computer's H2 book: a court step corrected from an older reading and the book's own details saved from an older
 * reading are refused with what they hold now, and nothing of the older reading is written. Contacts and plans are only
 * ever added: each save lands as a row of its own. {@code OfficeBooksTest} does the same with two staff on PostgreSQL.
 */
class ChangedElsewhereTest extends SampleBooksTestBase {
    @Test
    void aCourtStepCorrectedFromAnOlderReadingIsRefusedWithWhatItHoldsNow() {
        CourtEvent logged = books.court().log(sale, CourtEvent.Kind.PAYMENT_ORDER_FILED, LocalDate.of(2026, 11, 20), "杭州市西湖区人民法院", null, null);
        CourtEvent first = step(logged.getId());    // two readings of the same step, as two open dialogs
        CourtEvent second = step(logged.getId());
        books.court().edit(first.getId(), first.getVersion(), CourtEvent.Kind.PAYMENT_ORDER_FILED, LocalDate.of(2026, 11, 21),
                "杭州市西湖区人民法院", "（2026）浙0106民督88号", null);
        long journal = books.audit().verify().entries();
        assertThatThrownBy(() -> books.court().edit(second.getId(), second.getVersion(), CourtEvent.Kind.PAYMENT_ORDER_FILED,
                LocalDate.of(2026, 11, 20), "杭州市西湖区人民法院", null, "旧的读数"))
                .isInstanceOfSatisfying(ChangedElsewhereException.class, e -> {
                    assertThat(e.record()).startsWith("法院程序 #" + logged.getId()).contains("申请支付令");
                    assertThat(e.current()).containsEntry("日期", "2026-11-21").containsEntry("案号", "（2026）浙0106民督88号")
                            .containsEntry("备注", "—");
                    assertThat(e.current().keySet()).containsExactly("程序", "日期", "法院或仲裁机构", "案号", "备注");
                    assertThat(e.by()).isNull();   // a PC's journal names no staff member
                    assertThat(e.getMessage()).contains("没有保存", "was not saved");
                });
        CourtEvent stored = step(logged.getId());
        assertThat(stored.getEventDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        assertThat(stored.getNote()).isNull();
        assertThat(books.audit().verify().entries()).isEqualTo(journal);   // the refused edit journalled nothing
        // read again, the correction goes through, and the version moves on with each save
        books.court().edit(stored.getId(), stored.getVersion(), CourtEvent.Kind.PAYMENT_ORDER_FILED, LocalDate.of(2026, 11, 21),
                "杭州市西湖区人民法院", "（2026）浙0106民督88号", "已补正");
        CourtEvent after = step(logged.getId());
        assertThat(after.getNote()).isEqualTo("已补正");
        assertThat(after.getVersion()).isEqualTo(stored.getVersion() + 1);
        assertThat(books.audit().verify().problems()).isEmpty();
    }

    @Test
    void aStepSavedUnchangedFromAnOlderReadingIsRefusedTooRatherThanPuttingBackTheOldFields() {
        CourtEvent logged = books.court().log(sale, CourtEvent.Kind.SUIT_FILED, LocalDate.of(2026, 11, 2), null, null, null);
        books.court().edit(logged.getId(), logged.getVersion(), CourtEvent.Kind.SUIT_FILED, LocalDate.of(2026, 11, 3), null, null, null);
        // the older dialog saved as it was read: its fields are the old ones, and would undo the correction
        assertThatThrownBy(() -> books.court().edit(logged.getId(), logged.getVersion(), CourtEvent.Kind.SUIT_FILED, LocalDate.of(2026, 11, 2), null, null, null))
                .isInstanceOf(ChangedElsewhereException.class);
        assertThat(step(logged.getId()).getEventDate()).isEqualTo(LocalDate.of(2026, 11, 3));
    }

    private CourtEvent step(long id) {
        return books.court().list(sale).stream().filter(e -> e.getId() == id).findFirst().orElseThrow();
    }

    @Test
    void theBooksOwnDetailsSavedFromAnOlderReadingAreRefused() {
        CreditorProfile mine = books.creditor();
        CreditorProfile older = books.creditor();
        mine.setAddress("杭州市西湖区文三路 1 号");
        books.saveCreditor(mine);
        older.setAddress("旧地址");
        assertThatThrownBy(() -> books.saveCreditor(older))
                .isInstanceOfSatisfying(ChangedElsewhereException.class, e -> {
                    assertThat(e.record()).startsWith("账本 #" + mine.getId());
                    assertThat(e.current()).containsEntry("地址", "杭州市西湖区文三路 1 号");
                });
        assertThat(books.creditor().getAddress()).isEqualTo("杭州市西湖区文三路 1 号");
    }

    @Test
    void contactsAndPlansAreOnlyAddedSoEachSaveIsARowOfItsOwn() {
        int contacts = books.contacts().timeline(sale).size();
        for (String summary : List.of("电话催收一", "电话催收二")) {
            books.contacts().log(sale, new ContactEntry(null, LocalDateTime.of(2026, 11, 27, 9, 0), ContactEntry.Channel.PHONE,
                    ContactEntry.Direction.OUTGOING, summary, ContactEntry.Outcome.NO_ANSWER), List.of());
        }
        assertThat(books.contacts().timeline(sale)).hasSize(contacts + 2);
        List<Instalment> plan = List.of(new Instalment(LocalDate.of(2026, 12, 15), new BigDecimal("1000.00")));
        var a = books.wizard().savePlan(sale, LocalDate.of(2026, 11, 27), plan, "甲");
        var b = books.wizard().savePlan(sale, LocalDate.of(2026, 11, 27), plan, "乙");
        assertThat(b.getId()).isGreaterThan(a.getId());
        assertThat(books.wizard().plan(sale).getNote()).isEqualTo("乙");   // the latest agreement counts; the earlier one stays on record
    }
}
