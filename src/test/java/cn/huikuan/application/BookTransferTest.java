package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.application.TeamAdmin.Role;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.Payment;
import cn.huikuan.persistence.EvidenceStore;
import cn.huikuan.persistence.PostgresServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code team push} and {@code team pull} (issue 22) against a real server: a PC's books moved to the office and back,
 * with every record, evidence file and journal entry, and the journal verified on both sides.
 */
class BookTransferTest {
    static String url;

    @TempDir
    Path work;

    @BeforeAll
    static void anOfficeWithAnOwnerAndABookkeeper() {
        url = PostgresServer.get().createDatabase("transfer");
        TeamAdmin admin = TeamAdmin.connect(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray());
        admin.init();
        admin.addUser("pat", Role.OWNER, "pat-pw-1234".toCharArray());
        TeamAdmin.connect(url, "pat", "pat-pw-1234".toCharArray()).addUser("quinn", Role.BOOKKEEPER, "quinn-pw-123".toCharArray());
    }

    private Path pcBooks(String name) {
        Path dir = work.resolve(name);
        try (Books b = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(b);
            b.createBook("第二家店");   // a folder with two books: both move
        }
        return dir;
    }

    @Test
    void aPcsBooksGoToTheServerWorkThereAndComeBackWithEveryRecordFileAndJournalEntry() throws Exception {
        Path pc = pcBooks("pc");
        BookTransfer.Moved up = BookTransfer.push(pc, null, url, "pat", "pat-pw-1234".toCharArray(), "王氏建材（上传）", TestClock.fixed());
        assertThat(up.files()).isEqualTo(6);
        assertThat(up.rows()).containsEntry("receivable", 3L).containsEntry("creditor", 2L);
        assertThat(up.journals()).hasSize(2).allSatisfy((book, journal) -> assertThat(journal).matches("\\d+:[0-9a-f]{64}"));
        assertThat(up.journals().values()).anyMatch(j -> j.startsWith("21:"));
        // the bookkeeper works on it on the server: a payment, journalled with their name
        TeamAdmin.connect(url, "pat", "pat-pw-1234".toCharArray()).grant("quinn", up.schema());
        long id;
        try (Books quinn = Books.openOffice(work.resolve("quinn-pc"), url, "quinn", "quinn-pw-123".toCharArray(), up.schema(), TestClock.fixed())) {
            var sample = quinn.allBooks().stream().filter(p -> !p.getName().equals("第二家店")).findFirst().orElseThrow();
            if (quinn.creditorId() != sample.getId()) quinn.switchTo(sample.getId());
            var rows = quinn.lists().receivables(quinn.creditorId(), quinn.today(), ListQuery.first(10)).rows();
            assertThat(rows).hasSize(3);
            id = rows.get(0).id();
            var item = quinn.evidence().list(id).get(0);
            assertThat(EvidenceStore.hash(quinn.evidence().file(item))).isEqualTo(item.getSha256());
            quinn.receivables().addPayment(id, new Payment(null, quinn.today(), Money.of("300.00"), Payment.Channel.WECHAT_PAY), true);
        }
        // and the book comes back to a new folder of a PC, the server's payment and its writer's name with it
        Path back = work.resolve("back");
        BookTransfer.Moved down = BookTransfer.pull(url, "quinn", "quinn-pw-123".toCharArray(), up.schema(), back, null, TestClock.fixed());
        assertThat(down.files()).isEqualTo(6);
        assertThat(down.journals().values()).anyMatch(j -> j.startsWith("22:"));
        try (Books pc2 = Books.open(back, TestClock.fixed())) {
            var sample = pc2.allBooks().stream().filter(p -> !p.getName().equals("第二家店")).findFirst().orElseThrow();
            if (pc2.creditorId() != sample.getId()) pc2.switchTo(sample.getId());
            assertThat(pc2.receivables().payments(id)).anyMatch(p -> p.getAmount().compareTo(Money.of("300.00")) == 0);
            assertThat(pc2.audit().verify().problems()).isEmpty();
            var item = pc2.evidence().list(id).get(0);
            assertThat(pc2.evidence().file(item)).startsWith(back);
            // new records continue after the copied ids
            assertThat(pc2.receivables().addPayment(id, new Payment(null, pc2.today(), Money.of("1.00"), Payment.Channel.CASH), true).getId())
                    .isGreaterThan(0);
            assertThat(pc2.audit().verify().problems()).isEmpty();
        }
        // the PC's original books are as they were
        try (Books original = Books.open(pc, TestClock.fixed())) {
            assertThat(original.audit().verify().problems()).isEmpty();
        }
    }

    @Test
    void aMoveIntoBooksOrOfBooksThatDoNotVerifyIsRefusedAndLeavesNothing() throws Exception {
        Path pc = pcBooks("tampered");
        try (Books b = Books.open(pc, TestClock.fixed())) {
            b.db().withConnection(c -> {
                c.setReadOnly(false);
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE payment SET amount = amount + 1 WHERE id = (SELECT MIN(id) FROM payment)");
                }
                return null;
            });
        }
        int booksBefore = officeBooks();
        assertThatThrownBy(() -> BookTransfer.push(pc, null, url, "pat", "pat-pw-1234".toCharArray(), "改过的账本", TestClock.fixed()))
                .isInstanceOf(BookTransfer.TransferRefused.class).hasMessageContaining("verify");
        assertThat(officeBooks()).isEqualTo(booksBefore);
        // a bookkeeper may not push (only the office's owners add books)
        Path clean = pcBooks("clean");
        assertThatThrownBy(() -> BookTransfer.push(clean, null, url, "quinn", "quinn-pw-123".toCharArray(), "员工上传", TestClock.fixed()))
                .isInstanceOf(TeamAdmin.TeamException.class).hasMessageContaining("只有负责人");
        assertThatThrownBy(() -> TeamAdmin.connect(url, "pat", "pat-pw-1234".toCharArray()).grant("quinn", "book_999999"))
                .isInstanceOf(TeamAdmin.TeamException.class).hasMessageContaining("没有这个账本");
        assertThat(officeBooks()).isEqualTo(booksBefore);
        // a pull never merges into a folder that holds books
        BookTransfer.Moved up = BookTransfer.push(clean, null, url, "pat", "pat-pw-1234".toCharArray(), "干净的账本", TestClock.fixed());
        assertThatThrownBy(() -> BookTransfer.pull(url, "pat", "pat-pw-1234".toCharArray(), up.schema(), clean, null, TestClock.fixed()))
                .isInstanceOf(BookTransfer.TransferRefused.class);
        // a pull that fails leaves no half-made books behind
        Path nowhere = work.resolve("not-granted");
        assertThatThrownBy(() -> BookTransfer.pull(url, "quinn", "quinn-pw-123".toCharArray(), up.schema(), nowhere, null, TestClock.fixed()))
                .isInstanceOf(cn.huikuan.storage.DataFolderException.class);
        assertThat(Files.exists(nowhere.resolve("db"))).isFalse();
    }

    private static int officeBooks() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT (SELECT COUNT(*) FROM huikuan.book) + (SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE 'book\\_%')")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
