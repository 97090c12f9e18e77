package cn.huikuan.application;

import cn.huikuan.TestClock;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.ArrayList;

/** Excel and CSV in: the mapping, the dry run's per-row reasons, all or nothing, and hostile files. */
class ImportServiceTest {
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

    Path csv(String name, String text, Charset cs) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.getBytes(cs));
        return f;
    }

    static final String GOOD = """
            客户名称,身份证号,电话,事由,合同编号,日期,金额,到期日,已付金额,付款日期
            王五,11010519491231002X,13912345678,钢材货款,HT-001,2026-03-01,"¥12,500.00",2026/4/30,2500,2026年5月10日
            王五,11010519491231002X,13912345678,水泥货款,HT-002,2026.3.15,8000元,20260515,,
            某某建筑工程有限公司,,0571-88886666,砂石货款,HT-003,2026-06-01,30000,2026-07-01,,
            """;

    @Test
    void aGoodCsvImportsCustomersReceivablesAndJournalledPayments() throws Exception {
        Path f = csv("good.csv", GOOD, StandardCharsets.UTF_8);
        ImportService.Report dry = books.imports().dryRun(f, null);
        assertThat(dry.rejected()).isEmpty();
        assertThat(dry.accepted()).isEqualTo(3);
        assertThat(dry.newCustomers()).isEqualTo(2);
        assertThat(dry.mapping()).containsKeys(ImportService.Column.CUSTOMER, ImportService.Column.AMOUNT, ImportService.Column.CONTRACT_DATE,
                ImportService.Column.PAID_ON);
        assertThat(books.customers().page(ListQuery.first(10)).total()).as("a dry run writes nothing").isZero();

        books.imports().importFile(f, null);
        var rows = books.receivables().page(ListQuery.first(10)).rows();
        assertThat(rows).hasSize(3);
        ReceivableRow steel = rows.stream().filter(r -> r.title().equals("钢材货款")).findFirst().orElseThrow();
        assertThat(steel.principal()).isEqualByComparingTo("12500");
        assertThat(steel.paid()).isEqualByComparingTo("2500");
        assertThat(steel.overdueSince()).isEqualTo(LocalDate.of(2026, 4, 30));
        assertThat(books.customers().page(ListQuery.first(10)).rows()).extracting(CustomerRow::name)
                .containsExactlyInAnyOrder("王五", "某某建筑工程有限公司");
        assertThat(books.audit().verify().problems()).isEmpty();

        // The same file again: every row is already in the books, and nothing is imported twice.
        assertThatThrownBy(() -> books.imports().importFile(f, null)).isInstanceOf(ImportService.ImportRefused.class)
                .satisfies(e -> assertThat(((ImportService.ImportRefused) e).report().rejected()).hasSize(3)
                        .allMatch(r -> r.reason().contains("already in the books")));
        assertThat(books.receivables().page(ListQuery.first(10)).total()).isEqualTo(3);
    }

    @Test
    void gbkCsvAndXlsxWithDateCellsBothRead() throws Exception {
        Path gbk = csv("gbk.csv", GOOD, Charset.forName("GB18030"));
        assertThat(books.imports().dryRun(gbk, null).accepted()).isEqualTo(3);

        Path xlsx = dir.resolve("in.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx); Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("应收款");
            String[] head = {"Customer", "Date", "Amount", "Due date", "Title"};
            for (int i = 0; i < head.length; i++) ws.value(0, i, head[i]);
            ws.value(1, 0, "赵六");
            ws.value(1, 1, LocalDate.of(2026, 2, 3));
            ws.style(1, 1).format("yyyy-mm-dd").set();
            ws.value(1, 2, 4321.5);
            ws.value(1, 3, "2026-03-03");
            ws.value(1, 4, "五金");
        }
        assertThat(books.imports().dryRun(xlsx, null).rejected()).isEmpty();
        ImportService.Report r = books.imports().importFile(xlsx, null);
        assertThat(r.accepted()).isEqualTo(1);
        ReceivableRow row = books.receivables().page(ListQuery.first(10)).rows().get(0);
        assertThat(row.principal()).isEqualByComparingTo("4321.50");
        assertThat(row.customerName()).isEqualTo("赵六");
    }

    @Test
    void everyBadRowIsListedWithItsReasonAndNothingIsHalfImported() throws Exception {
        Path f = csv("bad.csv", """
                客户名称,日期,金额,到期日,已付金额,付款日期,身份证号
                张三,2026-03-01,一万元,,,,
                李四,2026-13-01,500,,,,
                王五,2026-03-01,-5,,,,
                赵六,2026-03-01,100.555,,,,
                钱七,2026-03-01,100,2026-02-01,,,
                孙八,2026-03-01,100,,50,,
                周九,2026-03-01,100,,,,110105194912310021
                ,2026-03-01,100,,,,
                吴十,2026-03-01,100,,,,
                吴十,2026-03-01,100,,,,
                郑一,2030-01-01,100,,,,
                """, StandardCharsets.UTF_8);
        ImportService.Report r = books.imports().dryRun(f, null);
        assertThat(r.rejected()).extracting(ImportService.Rejection::row).containsExactly(2, 3, 4, 5, 6, 7, 8, 9, 11, 12);
        assertThat(r.rejected().get(0).reason()).contains("金额不是数字：一万元");
        assertThat(r.rejected().get(1).reason()).contains("不是有效日期");
        assertThat(r.rejected().get(2).reason()).contains("不能为负数");
        assertThat(r.rejected().get(3).reason()).contains("两位小数");
        assertThat(r.rejected().get(4).reason()).contains("到期日早于日期");
        assertThat(r.rejected().get(5).reason()).contains("没有付款日期");
        assertThat(r.rejected().get(6).reason()).contains("身份证号校验不通过");
        assertThat(r.rejected().get(7).reason()).contains("客户名称为空");
        assertThat(r.rejected().get(8).reason()).contains("重复");
        assertThat(r.rejected().get(9).reason()).contains("今天之后");
        assertThatThrownBy(() -> books.imports().importFile(f, null)).isInstanceOf(ImportService.ImportRefused.class);
        assertThat(books.customers().page(ListQuery.first(10)).total()).as("all or nothing").isZero();

        Path noAmount = csv("cols.csv", "客户名称,日期\n张三,2026-03-01\n", StandardCharsets.UTF_8);
        assertThat(books.imports().dryRun(noAmount, null).rejected()).singleElement().satisfies(x -> {
            assertThat(x.row()).isEqualTo(1);
            assertThat(x.reason()).contains("缺少必需的列：金额");
        });
    }

    @Test
    void filesThatAreNotSpreadsheetsGetASentence() throws Exception {
        Path png = dir.resolve("photo.csv");
        Files.write(png, new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 0, 1, 2});
        assertThatThrownBy(() -> books.imports().dryRun(png, null)).isInstanceOf(SpreadsheetRows.NotASpreadsheet.class)
                .hasMessageContaining("不是表格文件");
        Path xls = dir.resolve("old.xls");
        Files.write(xls, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        assertThatThrownBy(() -> books.imports().dryRun(xls, null)).hasMessageContaining(".xls");
        Path empty = Files.createFile(dir.resolve("empty.csv"));
        assertThatThrownBy(() -> books.imports().dryRun(empty, null)).hasMessageContaining("空");
        Path zip = dir.resolve("fake.xlsx");
        Files.write(zip, new byte[]{'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8});
        assertThatThrownBy(() -> books.imports().dryRun(zip, null)).isInstanceOf(SpreadsheetRows.NotASpreadsheet.class)
                .hasMessageContaining("已损坏");
    }

    /** 1,000 generated files per run: every one ends in a report or a clear refusal, never anything else. */
    @Test
    void fuzzedFilesEndInAReportOrASentence() throws Exception {
        Random rnd = new Random(20261128);
        String[] pool = {"客户名称", "金额", "日期", "到期日", "已付金额", "付款日期", "身份证号", "\"", "\"\"", ",", "\n", "\r\n", "\t", "¥", "1,0",
                "2026-02-30", "2026年5月1日", "-1", "1e9", "NaN", "王五", "<script>", "'; DROP TABLE customer;--", "\u202E", "😀", "\u0000", " ", "0.001"};
        for (int i = 0; i < 1000; i++) {
            StringBuilder sb = new StringBuilder(i % 3 == 0 ? "客户名称,日期,金额\n" : "");
            int parts = rnd.nextInt(60);
            for (int k = 0; k < parts; k++) sb.append(pool[rnd.nextInt(pool.length)]);
            Path f = dir.resolve("fuzz" + (i % 7) + ".csv");
            byte[] b = sb.toString().getBytes(rnd.nextBoolean() ? StandardCharsets.UTF_8 : Charset.forName("GB18030"));
            if (i % 50 == 0) {
                b = new byte[rnd.nextInt(300)];
                rnd.nextBytes(b);
            }
            Files.write(f, b);
            try {
                ImportService.Report r = books.imports().dryRun(f, null);
                assertThat(r.accepted() + r.rejected().size()).isGreaterThanOrEqualTo(0);
                if (r.ok()) books.imports().importFile(f, null);
            } catch (SpreadsheetRows.NotASpreadsheet | ImportService.ImportRefused expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        assertThat(books.audit().verify().problems()).isEmpty();
    }

    /** Rows of every table an import writes to, the kept totals' differences and unfinished runs. */
    private String state() {
        return books.db().withConnection(c -> {
            StringBuilder out = new StringBuilder();
            for (String t : new String[]{"customer", "customer_contact", "receivable", "instalment", "payment", "audit_entry", "book_due_total",
                    "book_month_total", "import_run"}) {
                try (var st = c.createStatement(); var r = st.executeQuery("SELECT COUNT(*) FROM " + t)) {
                    r.next();
                    out.append(t).append('=').append(r.getLong(1)).append(' ');
                }
            }
            try (var st = c.createStatement(); var r = st.executeQuery("SELECT customer_count FROM creditor WHERE id = " + books.creditorId())) {
                r.next();
                out.append("customer_count=").append(r.getLong(1)).append(' ');
            }
            out.append("totals differ: ").append(ReceivableSummary.totalsDiffer(c, books.creditorId()));
            out.append(" stale: ").append(ReceivableSummary.stale(c, books.creditorId(), 10));
            return out.toString();
        });
    }

    /** 2,500 receivables of 250 customers, one in four with a payment: three transactions' worth (CHUNK). */
    private Path bigCsv() throws Exception {
        return bigCsv(2500, "HT-");
    }

    private Path bigCsv(int rows, String contractPrefix) throws Exception {
        StringBuilder b = new StringBuilder("客户名称,电话,事由,合同编号,日期,金额,到期日,已付金额,付款日期\n");
        for (int i = 0; i < rows; i++) {
            b.append("客户").append(i / 10).append(",1390000").append(String.format("%04d", i / 10)).append(",货款").append(contractPrefix.equals("HT-") ? "" : contractPrefix).append(',').append(contractPrefix).append(i)
                    .append(",2026-01-").append(String.format("%02d", 1 + i % 28)).append(',').append(100 + i).append(",2026-03-01,")
                    .append(i % 4 == 0 ? "50,2026-02-01" : ",").append('\n');
        }
        return csv(contractPrefix + rows + ".csv", b.toString(), StandardCharsets.UTF_8);
    }

    @Test
    void anImportThatFailsHalfWayLeavesTheBooksAsTheyWere() throws Exception {
        // the book already holds a customer the file also names, a receivable and a journalled payment
        books.imports().importFile(csv("good.csv", GOOD, StandardCharsets.UTF_8), null);
        String before = state();
        Path big = bigCsv();
        books.imports().bulkFrom = 1000;   // 2,500 rows into a table of 3: the amount indexes are dropped and built after (decision 0012)
        ImportService.failAfterChunks = 2;   // two transactions of receivables committed, then an error
        try {
            assertThatThrownBy(() -> books.imports().importFile(big, null)).hasMessageContaining("cut off");
        } finally {
            ImportService.failAfterChunks = -1;
        }
        assertThat(state()).isEqualTo(before);
        assertThat(books.audit().verify().problems()).isEmpty();
        assertThat(books.db().amountIndexes().drops()).isEqualTo(1);
        assertThat(missingAmountIndexes()).as("built again after the failed import").isEmpty();
        assertThat(books.db().amountIndexes().present()).isTrue();

        // and the same file imports in full afterwards
        books.imports().importFile(big, null);
        assertThat(books.receivables().page(ListQuery.first(10)).total()).isEqualTo(2503);
        assertThat(state()).contains("import_run=2 ").contains("totals differ: [] stale: []");
        assertThat(books.audit().verify().problems()).isEmpty();
        assertThat(books.db().amountIndexes().drops()).isEqualTo(2);
        assertThat(missingAmountIndexes()).isEmpty();
        assertThat(books.receivables().page(ListQuery.first(3).withSort("principal", true)).rows())
                .extracting(r -> r.principal().toPlainString()).containsExactly("100.00", "101.00", "102.00");
    }

    @Test
    void onlyAnImportAsLargeAsTheTableDropsTheAmountIndexes() throws Exception {
        books.imports().bulkFrom = 1000;
        books.imports().importFile(bigCsv(), null);   // 2,500 rows into an empty table
        assertThat(books.db().amountIndexes().drops()).isEqualTo(1);
        books.imports().importFile(bigCsv(999, "B-"), null);   // below bulkFrom
        books.imports().importFile(bigCsv(2000, "C-"), null);   // fewer than the 3,499 rows already in the table
        assertThat(books.db().amountIndexes().drops()).isEqualTo(1);
        assertThat(missingAmountIndexes()).isEmpty();
        assertThat(books.receivables().page(ListQuery.first(10)).total()).isEqualTo(5499);
        assertThat(books.receivables().page(ListQuery.first(2).withSort("outstanding", false)).rows())
                .extracting(r -> r.outstanding().toPlainString()).containsExactly("2599.00", "2598.00");
    }

    /** The amount indexes missing from the file (INFORMATION_SCHEMA, not the app's own flag). */
    private List<String> missingAmountIndexes() {
        return books.db().withConnection(c -> {
            List<String> missing = new ArrayList<>(List.of("RECEIVABLE_BOOK_PRINCIPAL", "RECEIVABLE_BOOK_OUTSTANDING"));
            try (var st = c.createStatement(); var r = st.executeQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'RECEIVABLE'")) {
                while (r.next()) missing.remove(r.getString(1));
            }
            return missing;
        });
    }

    @Test
    void anImportCutOffByACrashIsUndoneWhenTheBooksOpenAgain() throws Exception {
        books.imports().importFile(csv("good.csv", GOOD, StandardCharsets.UTF_8), null);
        String before = state();
        Path big = bigCsv();
        books.imports().bulkFrom = 1000;
        ImportService.failAfterChunks = 2;
        ImportService.undoAtOnce = false;   // as if the app were killed: nothing tidies up now
        try {
            assertThatThrownBy(() -> books.imports().importFile(big, null)).hasMessageContaining("cut off");
        } finally {
            ImportService.failAfterChunks = -1;
            ImportService.undoAtOnce = true;
        }
        assertThat(state()).as("two transactions' rows are in the file").isNotEqualTo(before).contains("import_run=2 ");
        assertThat(missingAmountIndexes()).as("cut off with the amount indexes dropped").hasSize(2);
        books.close();
        books = Books.open(dir.resolve("books"), TestClock.fixed());
        assertThat(missingAmountIndexes()).as("built when the books open").isEmpty();
        assertThat(books.db().amountIndexes().present()).isTrue();
        assertThat(state()).isEqualTo(before);
        assertThat(books.receivables().page(ListQuery.first(10)).total()).isEqualTo(3);
        assertThat(books.audit().verify().problems()).isEmpty();
    }

    @Test
    void theImportReadsTheFileAgainWhenItChangedAfterTheDryRun() throws Exception {
        Path f = csv("good.csv", GOOD, StandardCharsets.UTF_8);
        assertThat(books.imports().dryRun(f, null).accepted()).isEqualTo(3);
        Files.writeString(f, GOOD + "赵六,,13800000000,货款,HT-9,2026-05-01,abc,2026-06-01,,\n");
        assertThatThrownBy(() -> books.imports().importFile(f, null)).isInstanceOf(ImportService.ImportRefused.class)
                .satisfies(e -> assertThat(((ImportService.ImportRefused) e).report().rejected()).singleElement()
                        .satisfies(r -> assertThat(r.reason()).contains("不是数字")));
        assertThat(books.receivables().page(ListQuery.first(10)).total()).isZero();
    }
}
