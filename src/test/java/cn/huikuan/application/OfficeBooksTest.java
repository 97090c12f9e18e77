package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.application.TeamAdmin.Role;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.Payment;
import cn.huikuan.persistence.Dialect;
import cn.huikuan.persistence.PostgresServer;
import cn.huikuan.storage.DataFolderException;
import cn.huikuan.storage.FileIntegrity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An office book opened on a real PostgreSQL server (team mode, issue 22): the same services and repository code as
 * on H2, each staff member with their own login and their own folder on their own PC; what the server's grants refuse
 * stays refused; evidence files are the server's, fetched and checked by SHA-256.
 */
class OfficeBooksTest {
    static String url;
    static TeamAdmin.Book shop;
    static TeamAdmin.Book other;
    /** A book of its own for the test that adds payments (the others count the sample's journal entries). */
    static TeamAdmin.Book busy;

    @TempDir
    Path pcA;
    @TempDir
    Path pcB;

    @BeforeAll
    static void anOfficeWithTwoBookkeepersAndAReaderOnOneBook() {
        url = PostgresServer.get().createDatabase("office_books");
        TeamAdmin admin = TeamAdmin.connect(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray());
        admin.init();
        admin.addUser("owen", Role.OWNER, "owen-pw-123".toCharArray());
        TeamAdmin owner = TeamAdmin.connect(url, "owen", "owen-pw-123".toCharArray());
        owner.addUser("amy", Role.BOOKKEEPER, "amy-pw-1234".toCharArray());
        owner.addUser("ben", Role.BOOKKEEPER, "ben-pw-1234".toCharArray());
        owner.addUser("rita", Role.READ_ONLY, "rita-pw-123".toCharArray());
        shop = owner.addBook("王氏建材");
        other = owner.addBook("李记餐饮");
        busy = owner.addBook("赵氏五金");
        for (String login : List.of("amy", "ben", "rita")) owner.grant(login, shop.schema());
        for (String login : List.of("amy", "ben")) owner.grant(login, busy.schema());
        // the sample case, written once by a bookkeeper through the app's own services
        for (TeamAdmin.Book book : List.of(shop, busy)) {
            try (Books amy = open(Files.createTempDirectory("huikuan-pc"), "amy", "amy-pw-1234", book.schema())) {
                assertThat(amy.onServer()).isTrue();
                assertThat(amy.db().dialect()).isEqualTo(Dialect.POSTGRESQL);
                assertThat(SampleData.loadInto(amy)).isTrue();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static Books open(Path pc, String login, String password, String schema) {
        return Books.openOffice(pc, url, login, password.toCharArray(), schema, TestClock.fixed());
    }

    @Test
    void anotherBookkeeperOnAnotherPcSeesTheSameBookAndItsJournalIsIntact() {
        try (Books ben = open(pcB, "ben", "ben-pw-1234", shop.schema())) {
            AuditService.Report r = ben.audit().verify();
            assertThat(r.problems()).isEmpty();
            assertThat(r.entries()).isEqualTo(21);          // as the same sample on H2 (AuditChainTest)
            assertThat(r.evidenceFiles()).isEqualTo(6);
            var page = ben.lists().receivables(ben.creditorId(), ben.today(), ListQuery.first(50));
            assertThat(page.total()).isEqualTo(3);
            assertThat(ben.search().search("装饰", 10)).isNotEmpty();   // through the search's index-served queries
        }
    }

    @Test
    void evidenceFilesComeFromTheServerCheckedByTheirHash() throws Exception {
        try (Books ben = open(pcB, "ben", "ben-pw-1234", shop.schema())) {
            long first = ben.lists().receivables(ben.creditorId(), ben.today(), ListQuery.first(50)).rows().get(0).id();
            EvidenceItem item = ben.evidence().list(first).get(0);
            Path file = ben.evidence().file(item);
            // fetched into ben's own folder: nothing of amy's PC is involved
            assertThat(file).startsWith(pcB);
            assertThat(cn.huikuan.persistence.EvidenceStore.hash(file)).isEqualTo(item.getSha256());
        }
        // a file changed on the server behind the app's back: verify says so, on any PC
        String sha;
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT sha256 FROM " + shop.schema() + ".evidence_content ORDER BY sha256 LIMIT 1");
            rs.next();
            sha = rs.getString(1);
            s.executeUpdate("UPDATE " + shop.schema() + ".evidence_content SET content = content || '\\x00'::bytea WHERE sha256 = '" + sha + "'");
        }
        try (Books ben = open(pcA, "ben", "ben-pw-1234", shop.schema())) {
            assertThat(ben.store().verify(sha, 1)).isEqualTo(FileIntegrity.ALTERED);
            assertThat(ben.audit().verify().problems()).extracting(AuditService.Problem::kind)
                    .contains(AuditService.ProblemKind.FILE_ALTERED);
        } finally {
            try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD);
                 Statement s = c.createStatement()) {
                s.executeUpdate("UPDATE " + shop.schema() + ".evidence_content SET content = substring(content from 1 for octet_length(content) - 1)"
                        + " WHERE sha256 = '" + sha + "'");
            }
        }
    }

    @Test
    void aReaderReadsTheBookAndTheServerRefusesTheirWrites() {
        try (Books rita = open(pcA, "rita", "rita-pw-123", shop.schema())) {
            assertThat(rita.lists().receivables(rita.creditorId(), rita.today(), ListQuery.first(50)).total()).isEqualTo(3);
            assertThatThrownBy(() -> rita.createBook("另一家"))
                    .hasStackTraceContaining("permission denied");
            assertThat(rita.allBooks()).hasSize(1);
        }
    }

    @Test
    void aBookNotGrantedOrAWrongPasswordIsRefusedSayingWhy() {
        assertThatThrownBy(() -> open(pcA, "amy", "amy-pw-1234", other.schema()))
                .isInstanceOfSatisfying(DataFolderException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DataFolderException.Reason.SERVER_BOOK);
                    assertThat(e.detail()).contains(other.schema()).contains("未授权");
                });
        assertThatThrownBy(() -> open(pcA, "amy", "wrong-password", shop.schema()))
                .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.SERVER_LOGIN));
        String nowhere = url.replaceFirst(":\\d+/", ":1/");
        assertThatThrownBy(() -> Books.openOffice(pcA, nowhere, "amy", "amy-pw-1234".toCharArray(), shop.schema(), TestClock.fixed()))
                .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.SERVER_UNREACHABLE));
        // the PC's folder is free again after each refusal
        try (Books amy = open(pcA, "amy", "amy-pw-1234", shop.schema())) {
            assertThat(amy.backups().dailyIfDue()).isNull();   // the server's backup covers an office book
        }
    }

    @Test
    void paymentsTwoStaffRecordAtOnceBothLand() throws Exception {
        try (Books amy = open(pcA, "amy", "amy-pw-1234", busy.schema());
             Books ben = open(pcB, "ben", "ben-pw-1234", busy.schema())) {
            long id = amy.lists().receivables(amy.creditorId(), amy.today(), ListQuery.first(50)).rows().get(0).id();
            int before = amy.receivables().payments(id).size();
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                var a = pool.submit(() -> {
                    start.await();
                    amy.receivables().addPayment(id, new Payment(null, amy.today(), Money.of("10.00"), Payment.Channel.CASH), true);
                    return null;
                });
                var b = pool.submit(() -> {
                    start.await();
                    ben.receivables().addPayment(id, new Payment(null, ben.today(), Money.of("20.00"), Payment.Channel.BANK_TRANSFER), true);
                    return null;
                });
                start.countDown();
                a.get();
                b.get();
            } finally {
                pool.shutdown();
            }
            assertThat(ben.receivables().payments(id)).hasSize(before + 2);
            assertThat(amy.audit().verify().problems()).isEmpty();
        }
        // each journalled write names who made it
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD);
             Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT staff, COUNT(*) FROM " + busy.schema() + ".audit_entry WHERE entity = 'payment'"
                     + " AND (content LIKE '%|10.00|%' OR content LIKE '%|20.00|%') GROUP BY staff ORDER BY staff")) {
            List<String> who = new java.util.ArrayList<>();
            while (rs.next()) who.add(rs.getString(1) + "=" + rs.getLong(2));
            assertThat(who).containsExactly("amy=1", "ben=1");
        }
    }

    @Test
    void theSecondOfTwoEditsOfOneReceivableIsRefusedWithTheCurrentValuesAndWhoMadeThem() {
        try (Books amy = open(pcA, "amy", "amy-pw-1234", busy.schema());
             Books ben = open(pcB, "ben", "ben-pw-1234", busy.schema())) {
            long id = amy.lists().receivables(amy.creditorId(), amy.today(), ListQuery.first(50)).rows().get(1).id();
            cn.huikuan.domain.Receivable mine = amy.receivables().get(id);
            cn.huikuan.domain.Receivable his = ben.receivables().get(id);
            mine.setNotes("客户同意月底前付清");
            amy.receivables().save(mine, true);
            his.setNotes("已寄催款函");
            assertThatThrownBy(() -> ben.receivables().save(his, true))
                    .isInstanceOfSatisfying(ChangedElsewhereException.class, e -> {
                        assertThat(e.by()).isEqualTo("amy");
                        assertThat(e.current()).containsEntry("备注", "客户同意月底前付清");
                        assertThat(e.getMessage()).contains("amy", "客户同意月底前付清", "没有保存");
                    });
            assertThat(ben.receivables().get(id).getNotes()).isEqualTo("客户同意月底前付清");   // nothing of ben's edit written
            // read again, ben's edit goes through
            cn.huikuan.domain.Receivable fresh = ben.receivables().get(id);
            fresh.setNotes("客户同意月底前付清；已寄催款函");
            ben.receivables().save(fresh, true);
            assertThat(amy.receivables().get(id).getNotes()).isEqualTo("客户同意月底前付清；已寄催款函");
            assertThat(amy.audit().verify().problems()).isEmpty();
            // a customer likewise
            long customer = mine.getCustomer().getId();
            cn.huikuan.domain.Customer hers = amy.customers().get(customer);
            cn.huikuan.domain.Customer theirs = ben.customers().get(customer);
            hers.setName(hers.getName() + "（新址）");
            amy.customers().save(hers);
            theirs.setName(theirs.getName() + "（旧址）");
            assertThatThrownBy(() -> ben.customers().save(theirs))
                    .isInstanceOfSatisfying(ChangedElsewhereException.class, e -> {
                        assertThat(e.by()).isEqualTo("amy");
                        assertThat(e.current().get("名称")).endsWith("（新址）");
                    });
        }
    }

    /** The id of a receivable of the busy book with a court step of its own, logged by amy, for one test. */
    private static long[] courtStep(Books amy, int row, String court) {
        long id = amy.lists().receivables(amy.creditorId(), amy.today(), ListQuery.first(50)).rows().get(row).id();
        cn.huikuan.domain.CourtEvent e = amy.court().log(id, cn.huikuan.domain.CourtEvent.Kind.SUIT_FILED, amy.today().minusDays(3), court, null, null);
        return new long[]{id, e.getId()};
    }

    private static cn.huikuan.domain.CourtEvent step(Books b, long receivable, long step) {
        return b.court().list(receivable).stream().filter(e -> e.getId() == step).findFirst().orElseThrow();
    }

    @Test
    void theSecondOfTwoCorrectionsOfOneCourtStepIsRefusedWithTheCurrentValuesAndWhoMadeThem() {
        try (Books amy = open(pcA, "amy", "amy-pw-1234", busy.schema());
             Books ben = open(pcB, "ben", "ben-pw-1234", busy.schema())) {
            long[] ids = courtStep(amy, 0, "杭州市上城区人民法院");
            cn.huikuan.domain.CourtEvent hers = step(amy, ids[0], ids[1]);
            cn.huikuan.domain.CourtEvent his = step(ben, ids[0], ids[1]);
            amy.court().edit(ids[1], hers.getVersion(), hers.getKind(), hers.getEventDate(), hers.getCourt(), "（2026）浙0102民初501号", null);
            assertThatThrownBy(() -> ben.court().edit(ids[1], his.getVersion(), his.getKind(), his.getEventDate(), his.getCourt(), null, "已立案"))
                    .isInstanceOfSatisfying(ChangedElsewhereException.class, e -> {
                        assertThat(e.by()).isEqualTo("amy");
                        assertThat(e.at()).isNotNull();
                        assertThat(e.current()).containsEntry("案号", "（2026）浙0102民初501号").containsEntry("备注", "—");
                        assertThat(e.getMessage()).contains("amy", "（2026）浙0102民初501号", "没有保存");
                    });
            cn.huikuan.domain.CourtEvent now = step(ben, ids[0], ids[1]);
            assertThat(now.getCaseNumber()).isEqualTo("（2026）浙0102民初501号");   // nothing of ben's edit written
            assertThat(now.getNote()).isNull();
            // read again, ben's correction goes through and names him
            ben.court().edit(ids[1], now.getVersion(), now.getKind(), now.getEventDate(), now.getCourt(), now.getCaseNumber(), "已立案");
            assertThat(step(amy, ids[0], ids[1]).getNote()).isEqualTo("已立案");
            assertThat(amy.audit().verify().problems()).isEmpty();
        }
    }

    /**
     * The race the reading's version cannot see: ben reads the step while someone else's correction is written but not
     * yet committed; his save waits for that row, and when it commits the server finds the version moved on: refused.
     */
    @Test
    void aCorrectionRacingAnotherOnTheServerIsRefusedWhenTheOtherCommitsFirst() throws Exception {
        try (Books amy = open(pcA, "amy", "amy-pw-1234", busy.schema());
             Books ben = open(pcB, "ben", "ben-pw-1234", busy.schema());
             Connection other = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD)) {
            long[] ids = courtStep(amy, 1, "杭州市拱墅区人民法院");
            cn.huikuan.domain.CourtEvent read = step(ben, ids[0], ids[1]);
            other.setAutoCommit(false);
            try (Statement s = other.createStatement()) {
                s.executeUpdate("UPDATE " + busy.schema() + ".court_event SET case_number = '（2026）浙0105民初77号', version = version + 1 WHERE id = " + ids[1]);
            }
            var pool = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var save = pool.submit(() -> ben.court().edit(ids[1], read.getVersion(), read.getKind(), read.getEventDate(), read.getCourt(), null, "本人更正"));
                // ben's UPDATE is waiting on the uncommitted row (the server says so), not merely not started
                try (Statement watch = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD).createStatement()) {
                    try {
                        while (true) {
                            try (var rs = watch.executeQuery("SELECT COUNT(*) FROM pg_stat_activity WHERE usename = 'ben' AND wait_event_type = 'Lock'"
                                    + " AND query LIKE 'update%court_event%'")) {
                                rs.next();
                                if (rs.getInt(1) > 0) break;
                            }
                            assertThat(save.isDone()).as("ben's save ended before it waited: %s", save.isDone() ? save : "").isFalse();
                        }
                    } finally {
                        watch.getConnection().close();
                    }
                }
                other.commit();
                assertThatThrownBy(save::get).hasCauseInstanceOf(ChangedElsewhereException.class)
                        .satisfies(x -> assertThat(((ChangedElsewhereException) x.getCause()).current()).containsEntry("案号", "（2026）浙0105民初77号"));
            } finally {
                pool.shutdown();
            }
            cn.huikuan.domain.CourtEvent now = step(amy, ids[0], ids[1]);
            assertThat(now.getNote()).isNull();
            assertThat(now.getCaseNumber()).isEqualTo("（2026）浙0105民初77号");
        }
    }

    @Test
    void twoContactsAndTwoPlansRecordedAtOnceByTwoStaffAllLand() throws Exception {
        try (Books amy = open(pcA, "amy", "amy-pw-1234", busy.schema());
             Books ben = open(pcB, "ben", "ben-pw-1234", busy.schema())) {
            long id = amy.lists().receivables(amy.creditorId(), amy.today(), ListQuery.first(50)).rows().get(2).id();
            int contacts = amy.contacts().timeline(id).size();
            var start = new java.util.concurrent.CountDownLatch(1);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
                for (Books who : List.of(amy, ben)) {
                    done.add(pool.submit(() -> {
                        start.await();
                        who.contacts().log(id, new cn.huikuan.domain.ContactEntry(null, who.today().atTime(9, 30), cn.huikuan.domain.ContactEntry.Channel.PHONE,
                                cn.huikuan.domain.ContactEntry.Direction.OUTGOING, "电话催收（" + (who == amy ? "amy" : "ben") + "）",
                                cn.huikuan.domain.ContactEntry.Outcome.NO_ANSWER), List.of());
                        who.wizard().savePlan(id, who.today(), List.of(new cn.huikuan.domain.Instalment(who.today().plusMonths(1), Money.of("500.00"))),
                                who == amy ? "amy 的方案" : "ben 的方案");
                        return null;
                    }));
                }
                start.countDown();
                for (var f : done) f.get();
            } finally {
                pool.shutdown();
            }
            assertThat(ben.contacts().timeline(id)).hasSize(contacts + 2)
                    .extracting(cn.huikuan.domain.ContactEntry::getSummary).contains("电话催收（amy）", "电话催收（ben）");
            try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT note FROM " + busy.schema() + ".repayment_plan WHERE receivable_id = " + id + " ORDER BY id")) {
                List<String> notes = new java.util.ArrayList<>();
                while (rs.next()) notes.add(rs.getString(1));
                assertThat(notes).contains("amy 的方案", "ben 的方案");
            }
            assertThat(amy.audit().verify().problems()).isEmpty();
        }
    }

    @Test
    void theBooksDetailsSavedTwiceFromOneReadingRefuseTheSecond() {
        // only an owner may change a book's details (the server refuses bookkeepers): the owner at two PCs at once
        try (Books amy = open(pcA, "owen", "owen-pw-123", busy.schema());
             Books ben = open(pcB, "owen", "owen-pw-123", busy.schema())) {
            cn.huikuan.domain.CreditorProfile hers = amy.creditor();
            cn.huikuan.domain.CreditorProfile his = ben.creditor();
            hers.setContactPhone("0571-86861234");
            amy.saveCreditor(hers);
            his.setContactPhone("0571-11112222");
            assertThatThrownBy(() -> ben.saveCreditor(his))
                    .isInstanceOfSatisfying(ChangedElsewhereException.class, e -> assertThat(e.current()).containsEntry("电话", "0571-86861234"));
            assertThat(ben.creditor().getContactPhone()).isEqualTo("0571-86861234");
        }
    }

    @Test
    void theServerRefusesAJournalEntryNamingSomeoneElseAndVerifySeesANameChanged() throws SQLException {
        try (Connection ben = DriverManager.getConnection(url, "ben", "ben-pw-1234"); Statement s = ben.createStatement()) {
            String insert = "INSERT INTO " + shop.schema() + ".audit_entry (creditor_id, recorded_at, entity, entity_id, content, prev_hash, hash, staff)"
                    + " SELECT MIN(id), now(), 'note', 1, 'x', 'p', 'h', %s FROM " + shop.schema() + ".creditor";
            assertThatThrownBy(() -> s.execute(String.format(insert, "'amy'")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> s.execute(String.format(insert, "NULL")))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD);
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + busy.schema() + ".audit_entry SET staff = 'ben' WHERE id = (SELECT MIN(id) FROM "
                    + busy.schema() + ".audit_entry WHERE staff = 'amy')");
            try (Books ben = open(pcB, "ben", "ben-pw-1234", busy.schema())) {
                assertThat(ben.audit().verify().problems()).extracting(AuditService.Problem::kind).contains(AuditService.ProblemKind.ENTRY_ALTERED);
            } finally {
                s.executeUpdate("UPDATE " + busy.schema() + ".audit_entry SET staff = 'amy' WHERE id = (SELECT MIN(id) FROM "
                        + busy.schema() + ".audit_entry WHERE staff = 'ben')");
            }
        }
    }

    /**
     * The app's reads and exports on an office book, each through the same code as on a PC: every list sort both ways
     * and every filter, the searches, the dashboard and aging, today's tasks, the wizard's page, the Excel and PDF
     * exports and a case's court bundle, a customer's data export. What works on H2 only fails here.
     */
    @Test
    void everyListReportAndExportRunsOnTheServer(@TempDir Path out) {
        try (Books ben = open(pcB, "ben", "ben-pw-1234", shop.schema())) {
            long book = ben.creditorId();
            for (String sort : List.of("customer", "title", "principal", "outstanding", "due", "daysOverdue")) {
                for (boolean asc : List.of(true, false)) {
                    assertThat(ben.lists().receivables(book, ben.today(), ListQuery.first(2).withSort(sort, asc)).total()).as(sort).isEqualTo(3);
                    assertThat(ben.lists().receivables(book, ben.today(), ListQuery.first(2).withSort(sort, asc).withPage(1)).rows()).as(sort).hasSize(1);
                }
            }
            for (cn.huikuan.domain.AgingBucket bucket : cn.huikuan.domain.AgingBucket.values()) {
                ben.lists().receivables(book, ben.today(), ListQuery.first(10).withBucket(bucket));
            }
            assertThat(ben.lists().receivables(book, ben.today(), ListQuery.first(10).withText("张某")).total()).isEqualTo(1);
            for (String sort : List.of("name", "receivables", "outstanding", "created")) {
                assertThat(ben.customers().page(ListQuery.first(10).withSort(sort, false)).total()).as(sort).isEqualTo(3);
            }
            assertThat(ben.customers().page(ListQuery.first(10).withText("装饰")).total()).isEqualTo(1);
            assertThat(ben.lists().dashboard(book, ben.today())).isNotNull();
            assertThat(ben.lists().agingByCustomer(book, ben.today())).isNotEmpty();
            assertThat(ben.todo().items(10)).isNotNull();
            long id = ben.lists().receivables(book, ben.today(), ListQuery.first(10)).rows().get(0).id();
            assertThat(ben.wizard().page(id)).isNotNull();
            assertThat(ben.legal().limitation(id)).isNotNull();
            assertThat(ben.exports().agingXlsx(out.resolve("aging.xlsx"))).isGreaterThan(0);
            assertThat(ben.exports().agingPdf(out.resolve("aging.pdf"))).exists();
            Path bundle = out.resolve("bundle.pdf");
            ben.exports().writeBundle(ben.exports().caseFile(id, null), bundle, cn.huikuan.pdf.EvidenceBundle.Progress.NONE);
            assertThat(bundle).exists();
            long customer = ben.customers().page(ListQuery.first(10)).rows().get(0).id();
            assertThat(ben.privacy().export(customer, out.resolve("personal.zip"))).exists();
        }
    }

    @Test
    void theOfficeViewShowsEveryBookAStaffMemberMaySeeAndNoOther() {
        List<OfficeOverview.Line> amy = OfficeOverview.of(url, "amy", "amy-pw-1234".toCharArray(), TestClock.fixed(), 50);
        assertThat(amy).extracting(OfficeOverview.Line::schema).containsExactlyInAnyOrder(shop.schema(), busy.schema());
        List<OfficeOverview.Line> rita = OfficeOverview.of(url, "rita", "rita-pw-123".toCharArray(), TestClock.fixed(), 50);
        assertThat(rita).extracting(OfficeOverview.Line::schema).containsExactly(shop.schema());
        OfficeOverview.Line line = rita.get(0);
        try (Books ben = open(pcB, "ben", "ben-pw-1234", shop.schema())) {
            // the same figures and tasks as the book's own dashboard and 今日待办
            assertThat(line.dashboard()).isEqualTo(ben.lists().dashboard(ben.creditorId(), ben.today()));
            assertThat(line.today().items()).isEqualTo(ben.todo().items(50).items());
        }
        assertThat(line.dashboard().overdue().signum()).isPositive();
        assertThat(line.today().items()).isNotEmpty();
    }

    @Test
    void aBookLeftAtAnOlderVersionIsRefusedUntilTheOwnerUpgradesTheBooksAndGrantsCoverTheNewTables() throws Exception {
        TeamAdmin owner = TeamAdmin.connect(url, "owen", "owen-pw-123".toCharArray());
        TeamAdmin.Book old = owner.addBook("老账本");
        owner.grant("amy", old.schema());
        // as a book made before V22 (court steps' versions): without that column and its history row
        String newest = "22";
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE " + old.schema() + ".court_event DROP COLUMN version");
            s.execute("DELETE FROM " + old.schema() + ".flyway_schema_history WHERE version = '" + newest + "'");
        }
        assertThatThrownBy(() -> open(pcA, "amy", "amy-pw-1234", old.schema()))
                .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.detail()).contains("team upgrade"));
        assertThat(owner.upgradeBooks()).extracting(TeamAdmin.Book::schema).contains(old.schema(), shop.schema());
        try (Books amy = open(pcA, "amy", "amy-pw-1234", old.schema())) {
            assertThat(SampleData.loadInto(amy)).isTrue();   // writes the upgraded tables (a new table is granted again by the upgrade)
            assertThat(amy.audit().verify().problems()).isEmpty();
        }
    }

    @Test
    void aCustomersPersonalDataIsErasedByAnOwnerNotByStaffAndTheJournalStaysIntact() {
        TeamAdmin owner = TeamAdmin.connect(url, "owen", "owen-pw-123".toCharArray());
        TeamAdmin.Book privacy = owner.addBook("隐私");
        owner.grant("ben", privacy.schema());
        long customer;
        try (Books ben = open(pcB, "ben", "ben-pw-1234", privacy.schema())) {
            SampleData.loadInto(ben);
            customer = ben.customers().page(ListQuery.first(10).withText("张某")).rows().get(0).id();
            assertThatThrownBy(() -> ben.privacy().erase(customer, "本人要求"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("负责人");
            assertThat(ben.customers().page(ListQuery.first(10)).total()).isEqualTo(3);
        }
        try (Books owen = open(pcA, "owen", "owen-pw-123", privacy.schema())) {
            int filesBefore = serverFiles(privacy.schema());
            var erased = owen.privacy().erase(customer, "本人要求");
            assertThat(erased.journalEntries()).isPositive();
            assertThat(erased.files()).isPositive();
            assertThat(serverFiles(privacy.schema())).isEqualTo(filesBefore - erased.files());   // gone from the server too
            assertThat(owen.customers().page(ListQuery.first(10)).total()).isEqualTo(2);
            assertThat(owen.audit().verify().problems()).isEmpty();
        }
    }

    /** A spreadsheet import on an office book (found by a newcomer following docs/team.md: it failed on PostgreSQL). */
    @Test
    void aSpreadsheetImportWritesAnOfficeBookAndNamesItsStaffMember(@TempDir Path in) throws Exception {
        TeamAdmin owner = TeamAdmin.connect(url, "owen", "owen-pw-123".toCharArray());
        TeamAdmin.Book imported = owner.addBook("导入");
        owner.grant("ben", imported.schema());
        Path csv = in.resolve("ar.csv");
        Files.writeString(csv, ImportServiceTest.GOOD);
        try (Books ben = open(pcB, "ben", "ben-pw-1234", imported.schema())) {
            ImportService.Report r = ben.imports().importFile(csv, null);
            assertThat(r.accepted()).isEqualTo(3);
            assertThat(ben.lists().receivables(ben.creditorId(), ben.today(), ListQuery.first(10)).total()).isEqualTo(3);
            assertThat(ben.audit().verify().problems()).isEmpty();
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT DISTINCT staff FROM " + imported.schema() + ".audit_entry")) {
            List<String> who = new java.util.ArrayList<>();
            while (rs.next()) who.add(rs.getString(1));
            assertThat(who).containsExactly("ben");
        }
    }

    private static int serverFiles(String schema) {
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM " + schema + ".evidence_content")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theServersDialectIsReadFromTheConnection() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "amy", "amy-pw-1234")) {
            assertThat(Dialect.of(c)).isEqualTo(Dialect.POSTGRESQL);
        }
    }
}
