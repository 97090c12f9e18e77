package cn.huikuan.application;

import cn.huikuan.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.Instant;

/** 个人信息保护法 §45 and §47 on the sample: 李某's data exported, then erased, and gone from the files. */
class PrivacyServiceTest {
    @TempDir
    Path dir;

    static final List<String> MARKERS = List.of("330106198503151238", "13800001234", "lizhu_gongtou", "湖墅南路 100 号", "李某");

    static long liId(Books b) {
        return b.customers().page(ListQuery.first(10)).rows().stream().filter(r -> r.name().equals("李某")).findFirst().orElseThrow().id();
    }

    static String latin1(Path file) throws Exception {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the file holds the text, in UTF-8 or in H2's own string encoding (MVStore writes characters above
     * U+007F as 2 or 3 bytes without UTF-8's continuation bits: WriteBuffer.putStringData).
     */
    static boolean containsUtf8(String bytesAsLatin1, String marker) {
        return bytesAsLatin1.contains(new String(marker.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
                || bytesAsLatin1.contains(h2(marker));
    }

    static String h2(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c < 0x80) {
                b.append(c);
            } else if (c >= 0x800) {
                b.append((char) (0xe0 | (c >> 12))).append((char) ((c >> 6) & 0x3f)).append((char) (c & 0x3f));
            } else {
                b.append((char) (0xc0 | (c >> 6))).append((char) (c & 0x3f));
            }
        }
        return b.toString();
    }

    @Test
    void exportHoldsEverythingAboutTheDebtorWithTheirFiles(@TempDir Path out) throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            Path zip = out.resolve("li.zip"); // inside a temp folder JUnit removes (it holds the sample debtor's data)
            books.privacy().export(liId(books), zip);
            Map<String, byte[]> entries = new HashMap<>();
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
                for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) entries.put(e.getName(), in.readAllBytes());
            }
            String json = new String(entries.get("data.json"), StandardCharsets.UTF_8);
            assertThat(json).contains("330106198503151238", "13800001234", "JC-2025-1218", "2026-05-26", "HK20260526000123", "送货单没问题");
            assertThat(json).doesNotContain("张某");
            assertThat(entries.keySet().stream().filter(n -> n.startsWith("evidence/"))).hasSize(5);
        }
    }

    @Test
    void erasureLeavesNoPersonalDataInTheFilesAndTheJournalStillVerifies() throws Exception {
        Path db = dir.resolve("db").resolve("huikuan.mv.db");
        long li;
        List<Path> liFiles;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            li = liId(books);
            long sale = books.receivables().page(ListQuery.first(10)).rows().stream().filter(r -> r.customerName().equals("李某")).findFirst().orElseThrow().id();
            books.backups().backupNow("manual");           // copies the evidence into the backup pool too
            liFiles = books.evidence().list(sale).stream().map(e -> books.evidence().file(e)).toList();
        }
        String before = latin1(db);
        for (String m : MARKERS) assertThat(containsUtf8(before, m)).as("the test can see " + m + " before erasure").isTrue();

        try (Books books = Books.open(dir, TestClock.fixed())) {
            PrivacyService.Erasure e = books.privacy().erase(li, "本人要求删除");
            assertThat(e.receivables()).isEqualTo(1);
            assertThat(e.records()).isEqualTo(11);             // 5 evidence + 5 contacts + 1 payment
            assertThat(e.journalEntries()).isGreaterThanOrEqualTo(11);
            assertThat(e.files()).isEqualTo(5);
            AuditService.Report r = books.audit().verify();
            assertThat(r.problems()).isEmpty();
            assertThat(r.erased()).isEqualTo(e.journalEntries());
            assertThat(books.customers().page(ListQuery.first(10)).rows()).extracting(CustomerRow::name)
                    .containsExactlyInAnyOrder("张某", "某装饰工程有限公司");
        }
        String after = latin1(db);
        for (String m : MARKERS) assertThat(containsUtf8(after, m)).as(m + " left in the database file after compaction").isFalse();
        for (Path f : liFiles) assertThat(f).doesNotExist();
        try (Stream<Path> pool = Files.walk(dir.resolve("backups").resolve("evidence"))) {
            assertThat(pool.filter(Files::isRegularFile).count()).as("only 张某's IOU stays in the pool").isEqualTo(1);
        }
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(books.audit().verify().problems()).isEmpty();
        }
    }

    @Test
    void blankingAJournalEntryWithoutAnErasureIsReported() {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            books.db().inTransactionDo(s -> s.createMutationQuery(
                    "update AuditEntry a set a.content = '', a.erasedAt = :t where a.id = (select min(b.id) from AuditEntry b)")
                    .setParameter("t", Instant.now()).executeUpdate());
            assertThat(books.audit().verify().problems()).anyMatch(p -> p.detail().contains("without an erasure on record"));
        }
    }
}
