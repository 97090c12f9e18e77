package cn.huikuan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.SpreadsheetRows;
import java.time.Clock;

/** {@code huikuan import template} and {@code import receivables --paid-on --partial --refused-out} (issue 21). */
class ImportCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path tmp;

    int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                LocalDate::now).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    Path newBooks() {
        Path book = tmp.resolve("book");
        try (var books = Books.open(book, Clock.systemDefaultZone())) {
            assertThat(books.customers().page(ListQuery.first(1)).total()).isZero();
        }
        return book;
    }

    @Test
    void theTemplateIsWrittenNeverOverAFileAndImportsItsOneRow() throws Exception {
        Path book = newBooks();
        Path t = tmp.resolve("模板.xlsx");
        assertThat(run("import", "template", "--out", t.toString())).as(err()).isZero();
        assertThat(out()).contains("导入模板 Import template");
        byte[] first = Files.readAllBytes(t);
        Files.writeString(t, "someone's own sheet");
        err.reset();
        assertThat(run("import", "template", "--out", t.toString())).isEqualTo(2);
        assertThat(err()).contains("already exists", "--overwrite");
        assertThat(Files.readString(t)).isEqualTo("someone's own sheet");
        assertThat(run("import", "template", "--out", t.toString(), "--overwrite")).isZero();
        assertThat(Files.readAllBytes(t)).startsWith(first[0], first[1], first[2], first[3]).startsWith('P', 'K');
        err.reset();
        assertThat(run("import", "template", "--out", tmp.resolve("模板.csv").toString())).isEqualTo(2);
        assertThat(err()).contains(".xlsx");

        out.reset();
        assertThat(run("import", "receivables", "--file", t.toString(), "--book", book.toString(), "--dry-run")).as(err()).isZero();
        assertThat(out()).contains("可导入 accepted: 1   有误 rejected: 0", "title=业务内容");
        assertThat(run("import", "receivables", "--file", t.toString(), "--book", book.toString())).as(err()).isZero();
        assertThat(out()).contains("已导入 Imported: 1 receivables");
    }

    @Test
    void paidOnPartialAndRefusedOut() throws Exception {
        Path book = newBooks();
        Path csv = tmp.resolve("台账.csv");
        Files.write(csv, """
                客户名称,开单日期,业务内容,金额,已收金额
                王五,2026-03-01,钢材货款,1000,400
                赵六,2026-03-02,水泥货款,待定,
                钱七,2026-03-03,砂石货款,3000,
                """.getBytes(Charset.forName("GB18030")));
        // strict: the paid row lacks a date and the hint names the option
        assertThat(run("import", "receivables", "--file", csv.toString(), "--book", book.toString(), "--dry-run")).isEqualTo(2);
        assertThat(out()).contains("1 行有已收金额但没有付款日期，可加 --paid-on", "第 3 行 row: 金额不是数字：待定");
        out.reset();
        assertThat(run("import", "receivables", "--file", csv.toString(), "--book", book.toString(), "--dry-run", "--paid-on", "import-date",
                "--partial")).as(err()).isZero();
        assertThat(out()).contains("1 行没有付款日期，按导入日期 " + LocalDate.now() + " 记录", "可导入 accepted: 2");
        err.reset();
        assertThat(run("import", "receivables", "--file", csv.toString(), "--book", book.toString(), "--paid-on", "yesterday")).isEqualTo(2);
        assertThat(err()).contains("--paid-on");

        // all or nothing: refused, nothing written, but the refused rows are saved when asked
        Path refused = tmp.resolve("拒绝.csv");
        out.reset();
        assertThat(run("import", "receivables", "--file", csv.toString(), "--book", book.toString(), "--paid-on", "import-date",
                "--refused-out", refused.toString())).isEqualTo(2);
        assertThat(err()).contains("nothing imported");
        assertThat(Files.readString(refused, StandardCharsets.UTF_8)).contains("赵六,2026-03-02,水泥货款,待定,,3,金额不是数字：待定");

        // partial: the valid rows go in; the result says how many were imported and refused; an existing refused file is kept
        out.reset();
        err.reset();
        assertThat(run("import", "receivables", "--file", csv.toString(), "--book", book.toString(), "--paid-on", "import-date", "--partial",
                "--refused-out", refused.toString())).isEqualTo(2);
        assertThat(err()).contains("already exists");
        assertThat(run("import", "receivables", "--file", csv.toString(), "--book", book.toString(), "--paid-on", "import-date", "--partial",
                "--refused-out", csv.toString(), "--overwrite")).isEqualTo(2);
        assertThat(err()).contains("输出文件不能是要导入的文件");
        Path xlsx = tmp.resolve("拒绝.xlsx");
        assertThat(run("import", "receivables", "--file", csv.toString(), "--book", book.toString(), "--paid-on", "import-date", "--partial",
                "--refused-out", xlsx.toString())).as(err()).isZero();
        assertThat(out()).contains("已导入 Imported: 2 receivables；未导入 refused: 1 rows", "Refused rows with their reasons (1)");
        List<List<String>> back = new ArrayList<>();
        SpreadsheetRows.read(xlsx, back::add);
        assertThat(back).hasSize(2);
        assertThat(back.get(0)).endsWith("原行号", "拒绝原因");
        assertThat(back.get(1).get(1)).isEqualTo("2026-03-02");
        assertThat(run("verify", "--book", book.toString())).as(out()).isZero();
        try (var books = Books.open(book, Clock.systemDefaultZone())) {
            assertThat(books.receivables().page(ListQuery.first(10)).total()).isEqualTo(2);
        }
    }
}
