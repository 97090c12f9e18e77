package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.cli.Cli;
import cn.huikuan.domain.EvidenceItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.domain.AuditChain;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;

/** The journal detects what is changed around the app: in the database file or in the evidence store. */
class AuditChainTest {
    @TempDir
    Path dir;
    Books books;

    @BeforeEach
    void open() {
        books = Books.open(dir, TestClock.fixed());
        SampleData.loadInto(books);
    }

    @AfterEach
    void close() {
        if (books != null) books.close();
    }

    private void sql(String statement) {
        books.db().withConnection(c -> {
            c.setReadOnly(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate(statement);
            }
            return null;
        });
    }

    @Test
    void theSampleBookIsIntactAndEveryRecordIsJournalled() {
        AuditService.Report r = books.audit().verify();
        assertThat(r.problems()).isEmpty();
        // 6 evidence items, 3 payments, 6 contacts, and (issue 24) 3 customers and 3 receivables
        assertThat(r.entries()).isEqualTo(21);
        assertThat(r.evidenceFiles()).isEqualTo(6);
        assertThat(r.head()).hasSize(64);
    }

    @Test
    void theJournalsHeadIsReadFromTheEndOfItsIndexNotFromEveryEntry() {
        // V14: at every journalled write; before it H2 read the book's whole journal (scanCount = entries + 1)
        String plan = books.db().withConnection(c -> {
            try (var ps = c.prepareStatement("EXPLAIN ANALYZE " + AuditService.headSql(cn.huikuan.persistence.Dialect.H2))) {
                ps.setLong(1, books.creditorId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(plan).contains("AUDIT_ENTRY_BOOK_ID").contains("scanCount: 1 */").contains("index sorted");
        String head = books.db().withConnection(c -> {
            try (var ps = c.prepareStatement(AuditService.headSql(cn.huikuan.persistence.Dialect.H2))) {
                ps.setLong(1, books.creditorId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            }
        });
        assertThat(head).isEqualTo(books.audit().verify().head());
    }

    @Test
    void anEditedContactIsNamed() {
        sql("UPDATE contact_entry SET summary = '从未催款' WHERE id = (SELECT MIN(id) FROM contact_entry)");
        AuditService.Report r = books.audit().verify();
        assertThat(r.intact()).isFalse();
        assertThat(r.first().kind()).isEqualTo(AuditService.ProblemKind.RECORD_ALTERED);
        assertThat(r.first().entity()).isEqualTo("contact");
        assertThat(r.problems()).hasSize(1);
    }

    @Test
    void aDeletedPaymentIsNamed() {
        sql("DELETE FROM payment WHERE amount = 200000");
        AuditService.Report r = books.audit().verify();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditService.ProblemKind.RECORD_REMOVED);
            assertThat(p.entity()).isEqualTo("payment");
        });
    }

    @Test
    void editingOrRemovingJournalEntriesBreaksTheChainThere() {
        sql("UPDATE audit_entry SET content = REPLACE(content, '200000.00', '300000.00') WHERE entity = 'payment'");
        assertThat(books.audit().verify().problems()).extracting(AuditService.Problem::kind)
                .contains(AuditService.ProblemKind.ENTRY_ALTERED, AuditService.ProblemKind.RECORD_ALTERED);
    }

    @Test
    void removingAJournalEntryIsFoundAtTheNextOne() {
        long removed = books.db().withConnection(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT MIN(id) + 3 FROM audit_entry")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        sql("DELETE FROM audit_entry WHERE id = " + removed);
        AuditService.Report r = books.audit().verify();
        assertThat(r.first().kind()).isEqualTo(AuditService.ProblemKind.CHAIN_BROKEN);
        assertThat(r.first().entryId()).isEqualTo(removed + 1);
        assertThat(r.problems()).extracting(AuditService.Problem::kind).contains(AuditService.ProblemKind.RECORD_UNLOGGED);
    }

    @Test
    void aRecordWrittenAroundTheAppIsReported() {
        sql("INSERT INTO payment (receivable_id, paid_on, amount, channel, created_at) "
                + "SELECT MIN(id), DATE '2026-11-01', 1, 'CASH', CURRENT_TIMESTAMP FROM receivable");
        assertThat(books.audit().verify().problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(AuditService.ProblemKind.RECORD_UNLOGGED));
    }

    @Test
    void anAlteredEvidenceFileIsReported() throws Exception {
        long sale = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
        EvidenceItem first = books.evidence().list(sale).get(0);
        Path stored = books.evidence().file(first);
        stored.toFile().setWritable(true);
        Files.write(stored, new byte[]{1, 2, 3});
        AuditService.Report r = books.audit().verify();
        assertThat(r.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditService.ProblemKind.FILE_ALTERED);
            assertThat(p.detail()).contains(first.getSha256());
        });
    }

    @Test
    void aBookWithoutAJournalIsSealedOnceOnOpening() {
        sql("DELETE FROM audit_entry");
        sql("DELETE FROM journal_scope");
        books.close();
        books = Books.open(dir, TestClock.fixed());
        AuditService.Report r = books.audit().verify();
        assertThat(r.intact()).isTrue();
        assertThat(r.entries()).isEqualTo(21);
    }

    @Test
    void aBookJournalledBeforeReceivablesAndCustomersWereHasThemJournalledOnceOnOpening(@TempDir Path old) throws Exception {
        // as schema V14 left a book: a payment journalled, its receivable and customer not, no journal_scope
        Files.createDirectories(old.resolve("db"));
        String url = "jdbc:h2:file:" + old.resolve("db/huikuan") + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "huikuan", "").locations(cn.huikuan.persistence.Database.H2_MIGRATIONS).target("14").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "huikuan", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO creditor (version, kind, name, created_at) VALUES (0, 'ORGANISATION', '老账本', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO customer (version, creditor_id, kind, name, situation, created_at) VALUES (0, 1, 'PERSON', '老客户', 'UNKNOWN', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO receivable (version, customer_id, kind, title, contract_date, principal, currency, penalty_kind, created_at) "
                    + "VALUES (0, 1, 'OTHER', '旧账', DATE '2025-01-01', 1234.56, 'CNY', 'NONE', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO instalment (receivable_id, seq, due_date, amount) VALUES (1, 0, DATE '2025-02-01', 1234.56)");
            st.execute("INSERT INTO payment (receivable_id, paid_on, amount, channel, created_at) VALUES (1, DATE '2025-03-01', 100, 'CASH', CURRENT_TIMESTAMP)");
            String content = AuditChain.canonicalPayment(1, LocalDate.of(2025, 3, 1), new BigDecimal("100"),
                    Payment.Channel.CASH, null, null);
            String hash = AuditChain.hash(AuditChain.GENESIS, "payment", 1, content);
            st.execute("INSERT INTO audit_entry (creditor_id, recorded_at, entity, entity_id, content, prev_hash, hash) VALUES (1, CURRENT_TIMESTAMP, "
                    + "'payment', 1, '" + content + "', '" + AuditChain.GENESIS + "', '" + hash + "')");
            st.execute("SHUTDOWN");
        }
        try (Books b = Books.open(old, TestClock.fixed())) {
            AuditService.Report r = b.audit().verify();
            assertThat(r.problems()).isEmpty();
            assertThat(r.entries()).as("the payment, then the customer and the receivable").isEqualTo(3);
        }
        try (Books b = Books.open(old, TestClock.fixed())) {
            assertThat(b.audit().verify().entries()).as("sealed once, not at every opening").isEqualTo(3);
        }
    }

    @Test
    void aPrincipalMultipliedByTenIsAnAlteredRecordNotJustStaleFigures() {
        sql("UPDATE receivable SET principal = principal * 10 WHERE title LIKE '建材%'");
        assertThat(books.audit().verify().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditService.ProblemKind.RECORD_ALTERED);
            assertThat(p.entity()).isEqualTo("receivable");
        });
    }

    @Test
    void aChangedScheduleOrPenaltyIsAnAlteredRecord() {
        sql("UPDATE instalment SET amount = amount + 1 WHERE receivable_id = (SELECT MIN(id) FROM receivable WHERE title LIKE '瓷砖%') AND seq = 0");
        sql("UPDATE receivable SET penalty_value = 0.0001 WHERE title LIKE '建材%'");
        assertThat(books.audit().verify().problems()).hasSize(2).allSatisfy(p -> {
            assertThat(p.kind()).isEqualTo(AuditService.ProblemKind.RECORD_ALTERED);
            assertThat(p.entity()).isEqualTo("receivable");
        });
    }

    @Test
    void aDebtorsChangedIdNumberOrAddressIsAnAlteredRecord() {
        sql("UPDATE customer SET registration_number = '110101199003070000', address = '别处' WHERE name LIKE '李%'");
        assertThat(books.audit().verify().problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(AuditService.ProblemKind.RECORD_ALTERED);
            assertThat(p.entity()).isEqualTo("customer");
        });
    }

    @Test
    void savingAnUnchangedReceivableAddsNoEntryAndAChangedOneOneEntry() {
        long sale = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
        long before = books.audit().verify().entries();
        Receivable r = books.receivables().get(sale);
        books.receivables().save(r, true);
        assertThat(books.audit().verify().entries()).isEqualTo(before);
        r = books.receivables().get(sale);
        r.setGuarantees("李某之妻王某连带保证");
        books.receivables().save(r, true);
        AuditService.Report after = books.audit().verify();
        assertThat(after.entries()).isEqualTo(before + 1);
        assertThat(after.problems()).isEmpty();
    }

    @Test
    void aClockWithNanosecondsDoesNotLookLikeTampering(@TempDir Path other) {
        Clock nanos = Clock.fixed(Instant.parse("2026-11-28T02:00:00.123456789Z"), TestClock.CHINA);
        try (Books b = Books.open(other, nanos)) {
            SampleData.loadInto(b);
            assertThat(b.audit().verify().problems()).isEmpty();
        }
    }

    @Test
    void verifyCommandExitsZeroOnlyWhenIntact() {
        long entries = books.audit().verify().entries();
        books.close();
        books = null;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(cli.run("verify", "--book", dir.toString())).isZero();
        // the count the command prints is the journal's (it said "contains 15", which a hash or a path could satisfy)
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("完好 intact").contains("Journal entries: " + entries + " ");

        books = Books.open(dir, TestClock.fixed());
        sql("UPDATE payment SET amount = 1 WHERE amount = 200000");
        assertThat(new Cli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)).run("verify", "--book", dir.toString()))
                .as("the app has the books open").isEqualTo(2);
        books.close();
        books = null;
        out.reset();
        assertThat(cli.run("verify", "--book", dir.toString())).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("RECORD_ALTERED").contains("payment");
        assertThat(cli.run("verify", "--book", dir.resolve("nothing-here").toString())).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("nothing-here"))).as("verify never creates books").isFalse();
    }
}
