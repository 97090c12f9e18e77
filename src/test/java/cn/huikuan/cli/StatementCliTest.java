package cn.huikuan.cli;

import cn.huikuan.application.Books;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.statements.StatementFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code huikuan import statement} (issue 23): a dry run (text and JSON), {@code --apply}, duplicates, hostile files, exit codes. */
class StatementCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path tmp;
    Path book;
    long li, builder;

    int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                LocalDate::now).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @BeforeEach
    void books() {
        book = tmp.resolve("book");
        try (Books books = Books.open(book, Clock.systemDefaultZone())) {
            li = receivable(books, StatementFiles.LI, PartyKind.PERSON, "5000");
            builder = receivable(books, StatementFiles.BUILDER, PartyKind.ORGANISATION, "12500");
        }
    }

    static long receivable(Books books, String name, PartyKind kind, String amount) {
        Customer c = books.customers().save(books.customers().newCustomer(kind, name));
        Receivable r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "货款", LocalDate.of(2026, 6, 1), Money.of(amount));
        r.dueOn(LocalDate.of(2026, 9, 1));
        return books.receivables().save(r, false).getId();
    }

    List<Payment> payments(long id) {
        try (Books books = Books.open(book, Clock.systemDefaultZone())) {
            return books.receivables().payments(id);
        }
    }

    @Test
    void aDryRunInJsonListsEveryLineWithItsMatchAndWritesNothing() throws Exception {
        Path f = StatementFiles.wechatCsv(tmp);
        assertThat(run("import", "statement", "--file", f.toString(), "--book", book.toString(), "--json")).as(err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.get("format").asText()).isEqualTo("wechat");
        JsonNode lines = json.get("lines");
        assertThat(lines).hasSize(4);
        JsonNode first = lines.get(0);
        assertThat(first.get("date").asText()).isEqualTo("2026-11-02");
        assertThat(first.get("payer").asText()).isEqualTo("李某");
        assertThat(first.get("amount").asText()).isEqualTo("5000.00");
        assertThat(first.get("direction").asText()).isEqualTo("in");
        assertThat(first.get("match").get("receivable").asLong()).isEqualTo(li);
        assertThat(first.get("match").get("kind").asText()).isEqualTo("exact");
        assertThat(lines.get(1).get("direction").asText()).isEqualTo("out");
        assertThat(lines.get(1).get("match").isNull()).isTrue();
        assertThat(lines.get(2).get("status").asText()).isEqualTo("not-received");
        assertThat(payments(li)).as("a dry run writes nothing").isEmpty();

        assertThat(run("import", "statement", "--file", f.toString(), "--book", book.toString())).as(err()).isZero();
        assertThat(out()).contains("微信支付账单 WeChat Pay bill", "第 18 行 row  2026-11-02  李某  5000.00", "全额 exact", "试运行，未写入 Dry run");
    }

    @Test
    void applyRecordsTheProposalsOnceAndTheSameFileAgainIsRecognised() throws Exception {
        Path f = StatementFiles.bankCsv(tmp);
        assertThat(run("import", "statement", "--file", f.toString(), "--book", book.toString(), "--apply")).as(err()).isZero();
        assertThat(out()).contains("已记录收款 Recorded: 1 payments");
        assertThat(payments(builder)).extracting(Payment::getAmount).containsExactly(Money.of("12500"));
        assertThat(run("import", "statement", "--file", f.toString(), "--book", book.toString(), "--apply", "--json")).as(err()).isZero();
        JsonNode json = new ObjectMapper().readTree(out());
        assertThat(json.get("lines").get(0).get("status").asText()).isEqualTo("duplicate");
        assertThat(json.get("recorded").get("payments").asInt()).isZero();
        assertThat(payments(builder)).hasSize(1);
    }

    @Test
    void theUserSkipsAndChangesLinesOnTheCommandLine() throws Exception {
        Path f = StatementFiles.bankCsv(tmp);
        assertThat(run("import", "statement", "--file", f.toString(), "--book", book.toString(), "--apply", "--skip", "6", "--match", "8=" + li))
                .as(err()).isZero();
        assertThat(payments(builder)).as("skipped").isEmpty();
        assertThat(payments(li)).extracting(Payment::getAmount).containsExactly(Money.of("800"));
        assertThat(run("import", "statement", "--file", f.toString(), "--book", book.toString(), "--apply", "--match", "7=" + li)).isEqualTo(2);
        assertThat(err()).contains("row 7 is not money received");
    }

    @Test
    void badInputExitsTwoWithOneSentenceAndWritesNothing() throws Exception {
        Path hostile = StatementFiles.write(tmp, "hostile.csv", """
                交易日期,贷方金额,对方户名,摘要
                2026-11-09,12500.00,某某建筑工程有限公司,"=HYPERLINK(""http://example.invalid"",""点击"")"
                """, StandardCharsets.UTF_8);
        assertThat(run("import", "statement", "--file", hostile.toString(), "--book", book.toString(), "--apply")).isEqualTo(2);
        assertThat(err()).startsWith("huikuan: 第 2 行有一个单元格以公式开头").contains("/ row 2 has a cell that starts like a spreadsheet formula")
                .doesNotContain("Exception").hasLineCount(1);
        assertThat(payments(builder)).isEmpty();

        Path ledger = StatementFiles.write(tmp, "ledger.csv", "客户名称,日期,金额\n李某,2026-01-01,100\n", StandardCharsets.UTF_8);
        assertThat(run("import", "statement", "--file", ledger.toString(), "--book", book.toString())).isEqualTo(2);
        assertThat(err()).contains("没有找到对账单的表头", "no statement header found");
        assertThat(run("import", "statement", "--file", ledger.toString(), "--book", book.toString(), "--apply", "--dry-run")).isEqualTo(2);
        assertThat(run("import", "statement", "--file", ledger.toString(), "--book", book.toString(), "--skip", "3")).isEqualTo(2);
        assertThat(run("import", "statement", "--file", tmp.resolve("none.csv").toString(), "--book", book.toString())).isEqualTo(2);
        assertThat(err()).contains("no such file");
    }
}
