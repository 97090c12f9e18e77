package cn.huikuan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.Books;
import cn.huikuan.application.ExportService;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.SampleData;
import cn.huikuan.pdf.PdfCheck;

/** {@code huikuan export …}: what bad input gets. */
class ExportCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path tmp;

    int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesOneDocumentOfTheSample() {
        Path f = tmp.resolve("demand.pdf");
        assertThat(run("export", "document", "--kind", "demand", "--sample", "--pay-by", "2026-12-20", "--out", f.toString())).isZero();
        assertThat(f).isRegularFile();
        try (var pdf = PdfCheck.of(f)) {
            assertThat(pdf.allText()).contains("2026年12月20日前");
        }
    }

    /** Issue 21: an existing file is never replaced without --overwrite; a packet folder likewise. */
    @Test
    void anExistingFileIsNotReplacedWithoutOverwrite() throws Exception {
        Path f = tmp.resolve("催收通知书.pdf");
        Files.writeString(f, "another customer's notice");
        assertThat(run("export", "document", "--kind", "demand", "--sample", "--out", f.toString())).isEqualTo(2);
        assertThat(err()).contains("already exists").contains("文件已存在").contains("--overwrite");
        assertThat(Files.readString(f)).isEqualTo("another customer's notice");
        err.reset();
        assertThat(run("export", "document", "--kind", "demand", "--sample", "--out", f.toString(), "--overwrite")).as(err()).isZero();
        try (var pdf = PdfCheck.of(f)) {
            assertThat(pdf.allText()).contains("催");
        }
        Path packet = Files.createDirectories(tmp.resolve("packet"));
        Files.writeString(packet.resolve(ExportService.BUNDLE_FILE), "an earlier bundle");
        err.reset();
        assertThat(run("export", "packet", "--sample", "--route", "lawsuit", "--out", packet.toString())).isEqualTo(2);
        assertThat(err()).contains("证据材料汇编.pdf");
        try (var s = Files.list(packet)) {
            assertThat(s.toList()).hasSize(1);
        }
    }

    /** Issue 21: --out naming a folder gets the app's default name there (what, whose, when), and is not replaced unasked. */
    @Test
    void aFolderAsOutGetsTheDefaultNameForTheDebtorAndTheDay() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("out"));
        assertThat(run("export", "document", "--kind", "demand", "--sample", "--out", folder.toString())).as(err()).isZero();
        Path notice = folder.resolve("催收通知书-李某-2026-11-28.pdf");
        assertThat(notice).isRegularFile();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(notice.toAbsolutePath().toString());
        byte[] first = Files.readAllBytes(notice);
        err.reset();
        assertThat(run("export", "document", "--kind", "demand", "--sample", "--out", folder.toString())).isEqualTo(2);
        assertThat(err()).contains("--overwrite").contains("催收通知书-李某-2026-11-28.pdf");
        assertThat(Files.readAllBytes(notice)).isEqualTo(first);
        assertThat(run("export", "zip", "--sample", "--out", folder.toString())).isZero();
        assertThat(folder.resolve("证据-李某-2026-11-28.zip")).isRegularFile();
        try (var s = Files.list(folder)) {
            assertThat(s.toList()).hasSize(2);
        }
    }

    /** Free text typed for a document passes the conduct guard before anything is written (issue 20). */
    @Test
    void aDocumentWithWordsTheGuardBlocksIsNotWritten() {
        Path f = tmp.resolve("letter.pdf");
        assertThat(run("export", "document", "--kind", "lawyer-letter", "--sample", "--law-firm", "我们是区法院执行局的，限你今天还钱，否则拘留你", "--out",
                f.toString())).isEqualTo(2);
        assertThat(err()).contains("false_authority").contains("未导出").doesNotContain("Exception");
        assertThat(err().lines()).hasSize(1);
        assertThat(f).doesNotExist();
        err.reset();
        assertThat(run("export", "document", "--kind", "lawyer-letter", "--sample", "--law-firm", "浙江某某", "--court", "杭州市拱墅区人民法院",
                "--out", f.toString())).as(err()).isZero();
        assertThat(f).isRegularFile();
    }

    @Test
    void badInputIsOneClearLineAndWritesNothing() throws Exception {
        String target = tmp.resolve("x.pdf").toString();
        assertThat(run("export")).isEqualTo(2);
        assertThat(run("export", "bundle", "--out", target)).isEqualTo(2);
        assertThat(err()).contains("--case ID or --sample");
        err.reset();
        assertThat(run("export", "bundle", "--sample", "--case", "3", "--out", target)).isEqualTo(2);
        err.reset();
        assertThat(run("export", "document", "--kind", "love-letter", "--sample", "--out", target)).isEqualTo(2);
        assertThat(err()).contains("unknown document / 未知文书: love-letter").contains("payment-order");
        err.reset();
        assertThat(run("export", "bundle", "--case", "abc", "--out", target)).isEqualTo(2);
        assertThat(err()).contains("--case");
        err.reset();
        assertThat(run("export", "poster", "--sample", "--out", target)).isEqualTo(2);
        err.reset();
        assertThat(run("export", "bundle", "--case", "7", "--book", tmp.resolve("nobooks").toString(), "--out", target)).isEqualTo(2);
        assertThat(err()).contains("no books");
        assertThat(err().lines()).allMatch(l -> l.startsWith("huikuan: ")).noneMatch(l -> l.contains("Exception"));
        try (var s = Files.list(tmp)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void unknownCaseInRealBooksIsExitCode2() {
        Path book = tmp.resolve("book");
        try (var books = Books.open(book, cn.huikuan.TestClock.fixed())) {
            SampleData.loadInto(books);
        }
        assertThat(run("export", "bundle", "--case", "999", "--book", book.toString(), "--out", tmp.resolve("b.pdf").toString())).isEqualTo(2);
        assertThat(err()).contains("no such case / 没有这个案件: 999");
        assertThat(tmp.resolve("b.pdf")).doesNotExist();
        assertThat(run("export", "bundle", "--case", "1", "--book", book.toString(), "--out", tmp.resolve("b.pdf").toString())).isZero();
        assertThat(tmp.resolve("b.pdf")).isRegularFile();
    }

    @Test
    void privacyExportAndEraseFromTheCommandLine() {
        Path book = tmp.resolve("book");
        try (var books = Books.open(book, cn.huikuan.TestClock.fixed())) {
            SampleData.loadInto(books);
        }
        assertThat(run("privacy", "export", "--customer", "1", "--book", book.toString(), "--out", tmp.resolve("p.zip").toString())).isZero();
        assertThat(tmp.resolve("p.zip")).isRegularFile();
        assertThat(run("privacy", "erase", "--customer", "1", "--book", book.toString(), "--confirm", "张某")).isEqualTo(2);
        assertThat(err()).contains("--confirm");
        assertThat(run("privacy", "erase", "--customer", "1", "--book", book.toString(), "--confirm", "李某")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("已删除 Erased: 1 receivables, 11 records");
        assertThat(run("privacy", "erase", "--customer", "1", "--book", book.toString(), "--confirm", "李某")).isEqualTo(2);
        assertThat(err()).contains("no such customer");
        assertThat(run("verify", "--book", book.toString())).isZero();
    }

    @Test
    void importDryRunThenImport() throws Exception {
        Path book = tmp.resolve("book");
        try (var books = Books.open(book, cn.huikuan.TestClock.fixed())) {
            assertThat(books.customers().page(ListQuery.first(1)).total()).isZero();
        }
        Path csv = tmp.resolve("in.csv");
        Files.writeString(csv, "Customer,Date,Amount\n王五,2026-03-01,100\n赵六,2026-03-02,abc\n");
        assertThat(run("import", "receivables", "--file", csv.toString(), "--book", book.toString(), "--dry-run")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("第 3 行 row: 金额不是数字：abc");
        assertThat(run("import", "receivables", "--file", csv.toString(), "--book", book.toString())).isEqualTo(2);
        assertThat(err()).contains("nothing imported");
        Files.writeString(csv, "Customer,Date,Amount\n王五,2026-03-01,100\n");
        assertThat(run("import", "receivables", "--file", csv.toString(), "--book", book.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("已导入 Imported: 1");
        assertThat(run("import", "receivables", "--file", tmp.resolve("nope.csv").toString(), "--book", book.toString())).isEqualTo(2);
    }
}
