package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.cli.Cli;
import cn.huikuan.domain.AuditChain;
import cn.huikuan.persistence.JournalAnchors;
import cn.huikuan.persistence.Restore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.Payment;
import java.time.LocalDate;
import java.util.zip.ZipFile;

/**
 * Issue 24: the journal is a SHA-256 chain inside the database, so whoever can write the database can also recompute it.
 * These attacks are made with plain SQL and the app's own hash function, books closed, as someone with the file and an
 * H2 console would: the chain then agrees with itself and with the records, and only an anchor kept outside the
 * database (the anchor file, a backup's comment, a bundle's printed head) shows the rewrite.
 */
class JournalAnchorsTest {
    @TempDir
    Path dir;

    @BeforeEach
    void sampleBooksClosedOnce() {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
        } // the close records the journal's anchor
    }

    private Connection sql() throws Exception {
        return DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db/huikuan") + ";DB_CLOSE_ON_EXIT=FALSE", "huikuan", "");
    }

    /** Recomputes every entry's hash from {@code fromId} on, as an attacker who changed an entry would. */
    private static void rechain(Connection c) throws Exception {
        List<Object[]> entries = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id, entity, entity_id, content FROM audit_entry ORDER BY id")) {
            while (rs.next()) entries.add(new Object[]{rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4)});
        }
        String prev = AuditChain.GENESIS;
        try (PreparedStatement up = c.prepareStatement("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?")) {
            for (Object[] e : entries) {
                String hash = AuditChain.hash(prev, (String) e[1], (Long) e[2], (String) e[3]);
                up.setString(1, prev);
                up.setString(2, hash);
                up.setLong(3, (Long) e[0]);
                up.executeUpdate();
                prev = hash;
            }
        }
    }

    private String verify(String... extra) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        List<String> args = new ArrayList<>(List.of("verify", "--book", dir.toString()));
        args.addAll(List.of(extra));
        int code = cli.run(args.toArray(String[]::new));
        return code + "\n" + out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void closingTheBooksRecordsTheirAnchorOutsideTheDatabase() throws Exception {
        List<JournalAnchors.Anchor> anchors = JournalAnchors.current(dir);
        assertThat(anchors).singleElement().satisfies(a -> {
            assertThat(a.entries()).isEqualTo(21);
            assertThat(a.head()).hasSize(64);
            assertThat(a.source()).isEqualTo("close");
        });
        assertThat(verify()).startsWith("0\n");
        // a close after only looking adds nothing
        try (Books books = Books.open(dir, TestClock.fixed())) {
            books.receivables().page(ListQuery.first(5));
        }
        assertThat(JournalAnchors.current(dir)).hasSize(1);
    }

    @Test
    void aPaymentEditedAndTheChainRecomputedIsFoundByTheAnchor() throws Exception {
        try (Connection c = sql(); Statement st = c.createStatement()) {
            // the 200,000 payment becomes 20,000, its journal text too, and the whole chain is recomputed
            st.executeUpdate("UPDATE payment SET amount = 20000 WHERE amount = 200000");
            st.executeUpdate("UPDATE audit_entry SET content = REPLACE(content, '|200000.00|', '|20000.00|') WHERE entity = 'payment' AND content LIKE '%|200000.00|%'");
            rechain(c);
            st.execute("UPDATE receivable SET paid = paid - 180000, outstanding = outstanding + 180000 WHERE paid >= 200000");
        }
        String report = verify("--refresh-figures");
        assertThat(report).startsWith("1\n").contains("ANCHOR_CONTRADICTED").contains("close").contains("rewritten")
                .contains("Not recomputed");
        // before the anchors, the same rewrite left verify "intact" once the figures were refreshed
        Files.delete(JournalAnchors.file(dir));
        assertThat(verify("--refresh-figures")).startsWith("0\n");
    }

    @Test
    void theLastPaymentDeletedWithItsLastJournalEntryIsFoundByTheAnchor() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            long sale = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
            books.receivables().addPayment(sale, new Payment(null, LocalDate.of(2026, 11, 20),
                    Money.of("50000"), Payment.Channel.BANK_TRANSFER), false);
        }
        try (Connection c = sql(); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM audit_entry WHERE id = (SELECT MAX(id) FROM audit_entry)");
            st.executeUpdate("DELETE FROM payment WHERE amount = 50000");
        }
        String report = verify("--refresh-figures");
        assertThat(report).startsWith("1\n").contains("ANCHOR_CONTRADICTED").contains("entries were removed");
    }

    @Test
    void aBackupCarriesItsAnchorsAndARestoreStartsAfreshFromThem() throws Exception {
        Path zip;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            zip = books.backups().backupNow("manual");
            long sale = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
            books.receivables().addPayment(sale, new Payment(null, LocalDate.of(2026, 11, 20),
                    Money.of("1000"), Payment.Channel.CASH), false);
        }
        assertThat(JournalAnchors.inZip(zip)).singleElement().satisfies(a -> {
            assertThat(a.entries()).isEqualTo(21);
            assertThat(a.source()).isEqualTo("backup " + zip.getFileName());
        });
        try (var z = new ZipFile(zip.toFile())) {
            assertThat(z.getEntry("huikuan.mv.db")).as("the comment leaves the zip readable").isNotNull();
        }
        assertThat(verify()).startsWith("0\n");
        // going back to the backup: the close's anchor of 22 entries no longer holds, the backup's does
        Restore.restore(dir, zip);
        assertThat(verify()).startsWith("0\n");
        assertThat(JournalAnchors.current(dir)).singleElement().satisfies(a -> assertThat(a.entries()).isEqualTo(21));
        assertThat(Files.readString(JournalAnchors.file(dir))).as("older anchors stay in the file as history").contains("entries=22");
    }

    @Test
    void theAnchorFileEditedAloneDoesNotHideARewriteThatABackupsCommentRecorded() throws Exception {
        Path zip;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            zip = books.backups().backupNow("manual");
        }
        try (Connection c = sql(); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE payment SET amount = 20000 WHERE amount = 200000");
            st.executeUpdate("UPDATE audit_entry SET content = REPLACE(content, '|200000.00|', '|20000.00|') WHERE entity = 'payment' AND content LIKE '%|200000.00|%'");
            rechain(c);
        }
        // the attacker rewrites the heads in the anchor file, but not the backup's comment
        String log = Files.readString(JournalAnchors.file(dir));
        Files.writeString(JournalAnchors.file(dir), log.replaceAll("head=[0-9a-f]{64}", "head=" + "0".repeat(63) + "1"));
        String forged = Files.readString(JournalAnchors.file(dir));
        assertThat(forged).contains(zip.getFileName().toString());
        assertThat(verify()).startsWith("1\n").contains("ANCHOR_CONTRADICTED");
    }

    @Test
    void anAnchorPrintedInABundleIsCheckedFromTheCommandLine() throws Exception {
        String head;
        long entries;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            AuditService.Report r = books.audit().verify(false);
            head = r.head();
            entries = r.entries();
            long sale = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
            books.receivables().addPayment(sale, new Payment(null, LocalDate.of(2026, 11, 20),
                    Money.of("1000"), Payment.Channel.CASH), false);
        }
        assertThat(verify("--anchor", entries + ":" + head)).as("the journal grew: it still extends the anchor").startsWith("0\n");
        assertThat(verify("--anchor", entries + ":" + "a".repeat(64))).startsWith("1\n").contains("the anchor given");
        assertThat(verify("--anchor", "21:nothex")).startsWith("2\n");
    }
}
