package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.IdentityNumbers;
import cn.huikuan.domain.PartyKind;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.dhatim.fastexcel.Workbook;

/**
 * Issue 21: a real ledger goes in. Payment-date default, person or organisation from the number, 业务内容 as the title,
 * the template, and the partial import with the refused rows saved with their reasons.
 */
class LedgerImportTest {
    static final Charset GBK = Charset.forName("GB18030");
    static final ImportService.Options IMPORT_DATE = new ImportService.Options(ImportService.PaidOnDefault.IMPORT_DATE, false);
    static final ImportService.Options DUE_DATE = new ImportService.Options(ImportService.PaidOnDefault.DUE_DATE, false);
    /** A unified social credit code from FACTS.md §9.2 that passes the check. */
    static final String CREDIT_CODE = "91350200776049653A";
    /** A resident ID number from FACTS.md §9.1 that passes the check. */
    static final String RESIDENT_ID = "11010519491231002X";

    @TempDir
    Path dir;
    Books books;

    @BeforeEach
    void open() {
        books = Books.open(dir.resolve("books"), TestClock.fixed());
    }

    @AfterEach
    void close() {
        books.close();
    }

    Path file(String name, String text, Charset cs) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(cs));
        return f;
    }

    /** Rows of a table, with the given columns, as text. */
    List<String> query(String sql) {
        return books.db().withConnection(c -> {
            List<String> out = new ArrayList<>();
            try (var st = c.createStatement(); var r = st.executeQuery(sql)) {
                int n = r.getMetaData().getColumnCount();
                while (r.next()) {
                    StringBuilder sb = new StringBuilder();
                    for (int i = 1; i <= n; i++) sb.append(i > 1 ? "|" : "").append(r.getString(i));
                    out.add(sb.toString());
                }
            }
            return out;
        });
    }

    static final String PAID_NO_DATE = """
            客户名称,日期,金额,到期日,已收金额
            王五,2026-03-01,1000,2026-04-01,400
            赵六,2026-03-05,2000,,500
            钱七,2026-03-09,3000,2026-04-09,
            孙八,2026-10-01,800,2026-12-31,100
            """;

    @Test
    void aPaidAmountWithoutAPaymentDateIsRefusedUnlessADefaultIsChosenAndTheReportSaysWhich() throws Exception {
        Path f = file("paid.csv", PAID_NO_DATE, StandardCharsets.UTF_8);
        ImportService.Report none = books.imports().dryRun(f, null);
        assertThat(none.paidOnMissing()).isEqualTo(3);
        assertThat(none.paidOnDefaulted()).isZero();
        assertThat(none.rejected()).extracting(ImportService.Rejection::row).containsExactly(2, 3, 5);
        assertThat(none.rejected().get(0).reason()).contains("没有付款日期", "导入日期或到期日");

        ImportService.Report byDue = books.imports().dryRun(f, null, DUE_DATE);
        assertThat(byDue.paidOnDefault()).isEqualTo(ImportService.PaidOnDefault.DUE_DATE);
        // 孙八's due date (2026-12-31) is after today (2026-11-28): a payment cannot be dated in the future
        assertThat(byDue.rejected()).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(5);
            assertThat(r.reason()).contains("默认付款日期（到期日 2026-12-31）在今天之后");
        });
        assertThat(byDue.paidOnDefaulted()).isEqualTo(2);

        ImportService.Report byImport = books.imports().dryRun(f, null, IMPORT_DATE);
        assertThat(byImport.ok()).isTrue();
        assertThat(byImport.paidOnDefaulted()).isEqualTo(3);
        assertThat(byImport.importDate()).isEqualTo(TestClock.TODAY);
        assertThat(books.customers().page(ListQuery.first(10)).total()).as("dry runs write nothing").isZero();

        books.imports().importFile(f, null, new ImportService.Options(ImportService.PaidOnDefault.DUE_DATE, true));
        // 王五 paid on its due date, 赵六 (no due date) on its date; the note says the date was the default
        assertThat(query("SELECT c.name, p.paid_on, p.amount, p.note FROM payment p JOIN receivable r ON r.id = p.receivable_id"
                + " JOIN customer c ON c.id = r.customer_id ORDER BY c.name")).containsExactlyInAnyOrder(
                "王五|2026-04-01|400.00|导入 / imported；表格中没有付款日期，按到期日记录 / no payment date in the file: the due date",
                "赵六|2026-03-05|500.00|导入 / imported；表格中没有付款日期，按到期日记录 / no payment date in the file: the due date");
        assertThat(books.audit().verify().problems()).isEmpty();
    }

    @Test
    void theImportDateDefaultDatesThePaymentsTodayAndJournalsThem() throws Exception {
        Path f = file("paid.csv", PAID_NO_DATE, StandardCharsets.UTF_8);
        long before = books.audit().verify().entries();
        ImportService.Report r = books.imports().importFile(f, null, IMPORT_DATE);
        assertThat(r.accepted()).isEqualTo(4);
        assertThat(query("SELECT paid_on FROM payment")).containsOnly("2026-11-28").hasSize(3);
        assertThat(query("SELECT note FROM payment")).allMatch(n -> n.contains("按导入日期记录"));
        var audit = books.audit().verify();
        assertThat(audit.problems()).isEmpty();
        // four customers, four receivables, three payments
        assertThat(audit.entries() - before).isEqualTo(11);
    }

    @Test
    void theNumberDecidesPersonOrOrganisationNotTheName() throws Exception {
        Path f = file("kinds.csv", "客户名称,证件号码,日期,金额\n"
                + "厦门某某工程队," + CREDIT_CODE + ",2026-03-01,1000\n"
                + "某某建材有限公司," + RESIDENT_ID + ",2026-03-02,2000\n"
                + "张三," + RESIDENT_ID + ",2026-03-03,3000\n"
                + "李四,110105194912310021,2026-03-04,4000\n"
                + "某某商行,913502000728319548,2026-03-05,5000\n", StandardCharsets.UTF_8);
        ImportService.Report r = books.imports().dryRun(f, null);
        assertThat(r.rejected()).extracting(ImportService.Rejection::row).containsExactly(5, 6);
        assertThat(r.rejected().get(0).reason()).contains("身份证号校验不通过，也不是有效的统一社会信用代码");
        assertThat(r.rejected().get(1).reason()).contains("统一社会信用代码校验不通过");
        assertThat(r.notices()).extracting(ImportService.Notice::row).containsExactly(2, 3);
        assertThat(r.notices().get(0).text()).contains("有效的统一社会信用代码，按单位导入（名称看似个人）");
        assertThat(r.notices().get(1).text()).contains("有效的身份证号，按个人导入（名称看似单位）");

        // an explicit type column that disagrees: the number still wins, and the report says the type was overruled
        Path typed = file("typed.csv", "客户名称,客户类型,证件号码,日期,金额\n厦门某某工程队,个人," + CREDIT_CODE + ",2026-03-01,1000\n",
                StandardCharsets.UTF_8);
        ImportService.Report t = books.imports().importFile(typed, null);
        assertThat(t.notices()).singleElement().satisfies(n -> assertThat(n.text()).contains("客户类型看似个人"));
        assertThat(books.customers().page(ListQuery.first(10)).rows()).singleElement().satisfies(c -> {
            assertThat(c.name()).isEqualTo("厦门某某工程队");
            assertThat(c.kind()).isEqualTo(PartyKind.ORGANISATION);
        });
    }

    @Test
    void businessContentAndItsKinIsTheTitle() throws Exception {
        for (String name : new String[]{"业务内容", "摘要", "事由", "品名", "商品名称"}) {
            assertThat(ImportService.guessMapping(List.of("客户名称", "开单日期", name, "金额")))
                    .as(name).containsEntry(ImportService.Column.TITLE, 2).containsEntry(ImportService.Column.CONTRACT_DATE, 1);
        }
        Path f = file("content.csv", "客户名称,开单日期,业务内容,金额\n王五,2026-03-01,螺纹钢 20 吨,1000\n", GBK);
        books.imports().importFile(f, null);
        assertThat(books.receivables().page(ListQuery.first(10)).rows()).extracting(ReceivableRow::title).containsExactly("螺纹钢 20 吨");
    }

    @Test
    void theTemplateReadsBackAndImportsItsExampleRowCleanly() throws Exception {
        Path t = dir.resolve("模板.xlsx");
        ImportService.writeTemplate(t, books.today());
        List<String> header = new ArrayList<>();
        List<String> example = new ArrayList<>();
        try (var wb = new ReadableWorkbook(t.toFile()); var rows = wb.getFirstSheet().openStream()) {
            var all = rows.toList();
            assertThat(all).hasSize(2);
            for (int i = 0; i < all.get(0).getCellCount(); i++) header.add(all.get(0).getCellText(i));
            for (int i = 0; i < all.get(1).getCellCount(); i++) example.add(all.get(1).getCellText(i));
        }
        assertThat(header).hasSize(ImportService.Column.values().length)
                .contains("客户名称（必填）", "金额（必填）", "合同日期（必填）", "业务内容", "已收金额", "付款日期", "证件号码")
                .filteredOn(h -> h.contains("必填")).hasSize(3);
        assertThat(example).contains("钢材货款");
        assertThat(ImportService.guessMapping(header)).hasSize(ImportService.Column.values().length);

        ImportService.Report dry = books.imports().dryRun(t, null);
        assertThat(dry.rejected()).isEmpty();
        assertThat(dry.notices()).isEmpty();
        assertThat(dry.accepted()).isEqualTo(1);
        books.imports().importFile(t, null);
        ReceivableRow row = books.receivables().page(ListQuery.first(10)).rows().get(0);
        assertThat(row.title()).isEqualTo("钢材货款");
        assertThat(row.principal()).isEqualByComparingTo("12500");
        assertThat(row.paid()).isEqualByComparingTo("2500");
        assertThat(books.customers().page(ListQuery.first(10)).rows().get(0).kind()).isEqualTo(PartyKind.ORGANISATION);
        assertThat(IdentityNumbers.checkCreditCode(example.get(2))).isEqualTo(IdentityNumbers.Result.VALID);
    }

    /**
     * The issue's ledger: 52 rows in GBK, 17 with 已收金额 and no payment-date column, one 工程队 with a valid credit code,
     * 业务内容 for the title, and seven rows that are really wrong.
     */
    static String ledger() {
        StringBuilder sb = new StringBuilder("序号,客户名称,证件号码,业务内容,开单日期,金额,到期日,已收金额,备注\n");
        int n = 0;
        for (int i = 0; i < 27; i++) sb.append(++n).append(",客户").append(n).append(",,钢材货款,2026-03-").append(10 + i % 15)
                .append(',').append(1000 + n).append(",2026-05-01,,\n");
        for (int i = 0; i < 17; i++) sb.append(++n).append(",客户").append(n).append(",,水泥货款,2026-04-").append(10 + i % 15)
                .append(',').append(2000 + n).append(",2026-06-01,").append(500 + n).append(",部分付款\n");
        sb.append(++n).append(",厦门某某工程队,").append(CREDIT_CODE).append(",砂石货款,2026-05-01,30000,2026-06-01,,\n");
        sb.append(++n).append(",客户").append(n).append(",,钢材货款,2026-05-01,待定,2026-06-01,,\n");
        sb.append(++n).append(",客户").append(n).append(",,钢材货款,2026-02-30,100,2026-06-01,,\n");
        sb.append(++n).append(",,,钢材货款,2026-05-01,100,2026-06-01,,没有名字\n");
        sb.append(++n).append(",客户").append(n).append(",,钢材货款,2026-05-01,0,2026-06-01,,\n");
        sb.append(++n).append(",客户").append(n).append(",,钢材货款,2026-05-01,100,2026-04-01,,\n");
        sb.append(++n).append(",客户").append(n).append(",110105194912310021,钢材货款,2026-05-01,100,2026-06-01,,\n");
        sb.append(++n).append(",客户").append(n).append(",,钢材货款,2027-01-05,100,2027-02-01,,\n");
        assertThat(n).isEqualTo(52);
        return sb.toString();
    }

    @Test
    void theIssuesLedgerGoesInWithADefaultAndTheRefusedRowsComeBackWithTheirReasons() throws Exception {
        Path f = file("台账.csv", ledger(), GBK);
        ImportService.Report strict = books.imports().dryRun(f, null);
        assertThat(strict.rows()).isEqualTo(52);
        assertThat(strict.mapping()).containsEntry(ImportService.Column.TITLE, 3).containsEntry(ImportService.Column.CONTRACT_DATE, 4);
        assertThat(strict.rejected()).hasSize(24);
        assertThat(strict.paidOnMissing()).isEqualTo(17);
        assertThat(strict.notices()).singleElement().satisfies(n -> assertThat(n.row()).isEqualTo(46));

        ImportService.Options partial = new ImportService.Options(ImportService.PaidOnDefault.IMPORT_DATE, true);
        ImportService.Report dry = books.imports().dryRun(f, null, partial);
        assertThat(dry.accepted()).isEqualTo(45);
        assertThat(dry.rejected()).extracting(ImportService.Rejection::row).containsExactly(47, 48, 49, 50, 51, 52, 53);
        assertThat(dry.paidOnDefaulted()).isEqualTo(17);
        // all or nothing (the default) still refuses while a row is wrong, and writes nothing
        assertThatThrownBy(() -> books.imports().importFile(f, null, IMPORT_DATE)).isInstanceOf(ImportService.ImportRefused.class);
        assertThat(books.receivables().page(ListQuery.first(10)).total()).isZero();

        ImportService.Report done = books.imports().importFile(f, null, partial);
        assertThat(done.accepted()).isEqualTo(45);
        assertThat(done.rejected()).hasSize(7);
        assertThat(books.receivables().page(ListQuery.first(10)).total()).isEqualTo(45);
        assertThat(query("SELECT COUNT(*) FROM payment")).containsExactly("17");
        assertThat(query("SELECT title FROM receivable WHERE contract_date = DATE '2026-05-01'")).containsExactly("砂石货款");
        assertThat(books.audit().verify().problems()).isEmpty();

        // the refused rows, as .xlsx and as .csv: the original cells, the row number and the reason
        Path xlsx = dir.resolve("refused.xlsx");
        assertThat(ImportService.writeRefused(f, done, xlsx)).isEqualTo(7);
        List<List<String>> back = new ArrayList<>();
        SpreadsheetRows.read(xlsx, back::add);
        assertThat(back).hasSize(8);
        assertThat(back.get(0)).containsExactly("序号", "客户名称", "证件号码", "业务内容", "开单日期", "金额", "到期日", "已收金额", "备注",
                ImportService.REFUSED_ROW, ImportService.REFUSED_REASON);
        assertThat(back.get(1).subList(0, 9)).containsExactly("46", "客户46", "", "钢材货款", "2026-05-01", "待定", "2026-06-01", "", "");
        assertThat(back.get(1).get(9)).isEqualTo("47");
        assertThat(back.get(1).get(10)).contains("金额不是数字：待定");
        assertThat(back.get(3).get(8)).isEqualTo("没有名字");
        assertThat(back.get(3).get(10)).contains("客户名称为空");
        Path csv = dir.resolve("refused.csv");
        assertThat(ImportService.writeRefused(f, done, csv)).isEqualTo(7);
        List<List<String>> fromCsv = new ArrayList<>();
        SpreadsheetRows.read(csv, fromCsv::add);
        assertThat(fromCsv).isEqualTo(back);
        assertThat(Files.readAllBytes(csv)).startsWith(0xEF, 0xBB, 0xBF);

        // the refused file, corrected, goes in too (its two added columns are no ledger columns)
        assertThat(ImportService.guessMapping(back.get(0))).doesNotContainValue(9).doesNotContainValue(10);

        // a file changed since its report is not copied from
        Files.writeString(f, "客户名称,日期,金额\n");
        assertThatThrownBy(() -> ImportService.writeRefused(f, done, xlsx)).hasMessageContaining("重新检查");
    }

    @Test
    void aSheetWithoutItsRequiredColumnsRefusesEveryRowWithThatReason() throws Exception {
        Path f = file("cols.csv", "客户名称,日期\n张三,2026-03-01\n李四,2026-03-02\n", StandardCharsets.UTF_8);
        ImportService.Options partial = new ImportService.Options(ImportService.PaidOnDefault.NONE, true);
        ImportService.Report r = books.imports().dryRun(f, null, partial);
        assertThatThrownBy(() -> books.imports().importFile(f, null, partial)).isInstanceOf(ImportService.ImportRefused.class)
                .hasMessageContaining("没有一行可以导入");
        Path out = dir.resolve("refused.csv");
        assertThat(ImportService.writeRefused(f, r, out)).isEqualTo(2);
        List<List<String>> back = new ArrayList<>();
        SpreadsheetRows.read(out, back::add);
        assertThat(back.get(1)).containsExactly("张三", "2026-03-01", "2", "缺少必需的列：金额 / required columns missing");
    }
    /**
     * An .xlsx does not hold its empty rows: the rows after a blank one were named one row too early (第 3 行 for Excel's
     * row 4), and a title above the header made the title the header. Rows keep Excel's numbers now.
     */
    @Test
    void rowsOfAnXlsxKeepExcelsNumbersAcrossEmptyRows() throws Exception {
        Path f = dir.resolve("gaps.xlsx");
        try (var out = Files.newOutputStream(f); var wb = new Workbook(out, "test", "1.0")) {
            var ws = wb.newWorksheet("台账");
            ws.value(1, 0, "客户名称");                     // row 2 (row 1 empty)
            ws.value(1, 1, "日期");
            ws.value(1, 2, "金额");
            ws.value(2, 0, "王五");                          // row 3
            ws.value(2, 1, "2026-03-01");
            ws.value(2, 2, 100);
            ws.value(4, 0, "赵六");                          // row 5 (row 4 empty)
            ws.value(4, 1, "2026-03-02");
            ws.value(4, 2, "待定");
        }
        ImportService.Report r = books.imports().dryRun(f, null);
        assertThat(r.rows()).isEqualTo(2);
        assertThat(r.accepted()).isEqualTo(1);
        assertThat(r.rejected()).singleElement().satisfies(x -> assertThat(x.row()).isEqualTo(5));
        Path out = dir.resolve("refused.xlsx");
        ImportService.writeRefused(f, r, out);
        List<List<String>> back = new ArrayList<>();
        SpreadsheetRows.read(out, back::add);
        assertThat(back.get(1)).containsExactly("赵六", "2026-03-02", "待定", "5", "金额不是数字：待定 / not a number");
    }
}
