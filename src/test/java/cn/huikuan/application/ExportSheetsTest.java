package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.i18n.I18n;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.documents.DocKind;
import cn.huikuan.pdf.PdfCheck;
import java.nio.file.Files;

/**
 * Issue 21, the bookkeeper's Excel files read back: headers in the user's language, labels instead of codes, real dates and
 * numbers with formats, the contract number and the customer's ID and phone (masked unless asked for), text that looks like
 * a formula kept as text, and the aging report headed with the book's name.
 */
class ExportSheetsTest {
    static final ExportService.SheetOptions ZH = new ExportService.SheetOptions(I18n.forLanguage("zh"), false);
    static final ExportService.SheetOptions EN = new ExportService.SheetOptions(I18n.forLanguage("en"), false);
    static final ExportService.SheetOptions ZH_FULL = new ExportService.SheetOptions(I18n.forLanguage("zh"), true);
    @TempDir
    Path dir;
    Books books;

    @BeforeEach
    void open() {
        books = Books.open(dir.resolve("b"), TestClock.fixed());
        SampleData.loadInto(books);
    }

    @AfterEach
    void close() {
        books.close();
    }

    static List<Row> rows(Path xlsx, int sheet) throws Exception {
        try (ReadableWorkbook wb = new ReadableWorkbook(xlsx.toFile(), new ReadingOptions(true, false));
             var s = wb.getSheet(sheet).orElseThrow().openStream()) {
            return s.toList();
        }
    }

    static Row byText(List<Row> rows, int column, String text) {
        return rows.stream().filter(r -> text.equals(r.getCellText(column))).findFirst().orElseThrow(() -> new AssertionError(text));
    }

    static List<String> texts(Row r) {
        return r.stream().map(c -> c == null ? "" : c.getText()).collect(Collectors.toList());
    }

    @Test
    void receivablesInChineseWithLabelsDatesAmountsAndMaskedNumbers() throws Exception {
        Path f = dir.resolve("r.xlsx");
        assertThat(books.exports().receivablesXlsx(ListQuery.first(50), f, ZH)).isEqualTo(3);
        List<Row> rows = rows(f, 0);
        assertThat(rows).hasSize(4);
        assertThat(texts(rows.get(0))).containsExactly("客户", "客户类型", "证件号码（身份证号/统一社会信用代码）", "电话", "合同编号", "合同日期", "名称",
                "类型", "本金（元）", "已收（元）", "未收（元）", "到期日", "逾期起始日", "逾期天数", "账龄", "催收阶段");
        Row li = byText(rows, 0, "李某");
        assertThat(li.getCellText(1)).isEqualTo("自然人");
        assertThat(li.getCellText(2)).matches("330106\\*{8}\\d{3}[0-9X]");
        assertThat(li.getCellText(3)).isEqualTo("138****1234");
        assertThat(li.getCellText(4)).isEqualTo("JC-2025-1218");
        assertThat(li.getCellText(7)).isEqualTo("买卖合同");
        assertThat(li.getCellText(14)).isEqualTo("181–365 天");
        assertThat(li.getCellText(15)).isNotBlank().doesNotContain("FACTS", "DEMAND", "wizard.step");
        // dates are dates: numbers formatted as dates, reading back as the day
        Cell contract = li.getCell(5);
        assertThat(contract.getType()).isEqualTo(CellType.NUMBER);
        assertThat(contract.getDataFormatString()).isEqualTo("yyyy-mm-dd");
        assertThat(contract.asDate().toLocalDate()).isEqualTo(LocalDate.of(2025, 12, 18));
        assertThat(li.getCell(11).asDate().toLocalDate()).isEqualTo(LocalDate.of(2026, 5, 28));
        assertThat(li.getCell(12).getDataFormatString()).isEqualTo("yyyy-mm-dd");
        // amounts are numbers with a thousands format
        for (int c : new int[]{8, 9, 10}) {
            assertThat(li.getCell(c).getType()).as("column " + c).isEqualTo(CellType.NUMBER);
            assertThat(li.getCell(c).getDataFormatString()).as("column " + c).isEqualTo("#,##0.00");
        }
        assertThat(li.getCell(8).asNumber()).isEqualByComparingTo("500000");
        assertThat(li.getCell(10).asNumber()).isEqualByComparingTo("300000");
        assertThat(li.getCell(13).getType()).isEqualTo(CellType.NUMBER);
        assertThat(li.getCell(13).asNumber()).isEqualByComparingTo("184");
        // no code anywhere in the sheet
        String all = rows.stream().flatMap(r -> texts(r).stream()).collect(Collectors.joining("|"));
        assertThat(all).doesNotContain("SALE_ON_CREDIT", "PRIVATE_LOAN", "D181_365", "D91_180", "D0_30", "PERSON", "ORGANISATION");
        assertThat(all).doesNotContain("13800001234", "13900005678");
    }

    @Test
    void receivablesInEnglishAndWithFullNumbersWhenAsked() throws Exception {
        Path en = dir.resolve("en.xlsx");
        books.exports().receivablesXlsx(ListQuery.first(50), en, EN);
        List<Row> rows = rows(en, 0);
        assertThat(texts(rows.get(0))).startsWith("Customer", "Customer type", "ID number (resident ID / credit code)", "Phone", "Contract no.");
        Row li = byText(rows, 0, "李某");
        assertThat(li.getCellText(1)).isEqualTo("Person");
        assertThat(li.getCellText(7)).isEqualTo("Sale on credit");
        assertThat(li.getCellText(14)).isEqualTo("181–365 days");
        assertThat(byText(rows, 0, "张某").getCellText(7)).isEqualTo("Private loan");

        Path full = dir.resolve("full.xlsx");
        books.exports().receivablesXlsx(ListQuery.first(50), full, ZH_FULL);
        Row liFull = byText(rows(full, 0), 0, "李某");
        assertThat(liFull.getCellText(3)).isEqualTo("13800001234");
        assertThat(liFull.getCellText(2)).matches("33010619850315123[0-9X]");
        assertThat(byText(rows(full, 0), 0, "某装饰工程有限公司").getCellText(2)).startsWith("91330105MA28N4QJ").hasSize(18);
    }

    @Test
    void customersMaskedByDefaultFullWhenAskedWithATotalsRow() throws Exception {
        Path masked = dir.resolve("c.xlsx");
        assertThat(books.exports().customersXlsx(ListQuery.first(50), masked, ZH)).isEqualTo(3);
        List<Row> rows = rows(masked, 0);
        assertThat(texts(rows.get(0))).containsExactly("客户", "客户类型", "证件号码（身份证号/统一社会信用代码）", "电话", "应收笔数", "未收（元）");
        Row deco = byText(rows, 0, "某装饰工程有限公司");
        assertThat(deco.getCellText(1)).isEqualTo("单位/组织");
        assertThat(deco.getCellText(2)).matches("913301\\*{8}.{4}");          // a credit code masked like an ID
        assertThat(byText(rows, 0, "张某").getCellText(3)).isEqualTo("139****5678");
        Row total = rows.get(rows.size() - 1);
        assertThat(total.getCellText(0)).isEqualTo("合计");
        assertThat(total.getCell(5).getType()).isEqualTo(CellType.NUMBER);
        assertThat(total.getCell(5).getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(total.getCell(5).asNumber()).isEqualByComparingTo("410000");

        Path full = dir.resolve("cf.xlsx");
        books.exports().customersXlsx(ListQuery.first(50), full, ZH_FULL);
        List<Row> f = rows(full, 0);
        assertThat(byText(f, 0, "张某").getCellText(3)).isEqualTo("13900005678");
        assertThat(byText(f, 0, "某装饰工程有限公司").getCellText(2)).startsWith("91330105MA28N4QJ").hasSize(18);
    }

    /** Past the first page of 1,000 (the sheet is written a page at a time): every row there, formatted like the first. */
    @Test
    void aListLongerThanOnePageKeepsItsFormatsOnEveryPage() throws Exception {
        StringBuilder csv = new StringBuilder("客户名称,日期,金额,到期日,合同编号\n");
        for (int i = 0; i < 1_205; i++) csv.append("客户").append(i).append(",2026-03-01,").append(100 + i).append(",2026-04-01,HT-").append(i).append('\n');
        Path in = Files.writeString(dir.resolve("many.csv"), csv);
        var mapping = ImportService.guessMapping(List.of("客户名称", "日期", "金额", "到期日", "合同编号"));
        assertThat(books.imports().importFile(in, mapping).accepted()).isEqualTo(1_205);
        Path f = dir.resolve("many.xlsx");
        assertThat(books.exports().receivablesXlsx(ListQuery.first(50), f, ZH)).isEqualTo(1_208);
        List<Row> rows = rows(f, 0);
        assertThat(rows).hasSize(1_209);
        for (Row r : List.of(rows.get(1), rows.get(1_000), rows.get(1_001), rows.get(1_208))) {
            assertThat(r.getCell(8).getDataFormatString()).as("row " + r.getRowNum()).isEqualTo("#,##0.00");
            assertThat(r.getCell(11).getDataFormatString()).as("row " + r.getRowNum()).isEqualTo("yyyy-mm-dd");
        }
        Row last = byText(rows, 0, "客户1204");
        assertThat(last.getCell(8).asNumber()).isEqualByComparingTo("1304");
        assertThat(last.getCellText(4)).isEqualTo("HT-1204");
        Path c = dir.resolve("many-c.xlsx");
        assertThat(books.exports().customersXlsx(ListQuery.first(50), c, ZH)).isEqualTo(1_208);
        List<Row> cr = rows(c, 0);
        assertThat(cr).hasSize(1_210);
        assertThat(cr.get(1_100).getCell(5).getDataFormatString()).isEqualTo("#,##0.00");
        assertThat(cr.get(1_209).getCell(5).asNumber()).isEqualByComparingTo(new BigDecimal("410000").add(new BigDecimal(1_205 * 100 + 1_204 * 1_205 / 2)));
    }

    /** Text that a spreadsheet would take for a formula stays text (a cell of type string, no formula). */
    @Test
    void textThatLooksLikeAFormulaStaysText() throws Exception {
        List<String> hostile = List.of("=HYPERLINK(\"http://x\",\"y\")", "+86 1", "-2+3", "@SUM(A1)");
        for (String name : hostile) {
            Customer c = books.customers().newCustomer(PartyKind.ORGANISATION, name);
            c = books.customers().save(c);
            Receivable r = new Receivable(c, ReceivableKind.OTHER, name, LocalDate.of(2026, 1, 5), Money.of("10"));
            r.setContractNumber(name);
            r.dueOn(LocalDate.of(2026, 2, 5));
            books.receivables().save(r, true);
        }
        Path f = dir.resolve("h.xlsx");
        books.exports().receivablesXlsx(ListQuery.first(50), f, ZH);
        List<Row> rows = rows(f, 0);
        for (String name : hostile) {
            Row r = byText(rows, 0, name);
            for (int col : new int[]{0, 4, 6}) {
                assertThat(r.getCell(col).getType()).as(name + " column " + col).isEqualTo(CellType.STRING);
                assertThat(r.getCell(col).getFormula()).isNull();
                assertThat(r.getCellText(col)).isEqualTo(name);
            }
        }
        Path cf = dir.resolve("hc.xlsx");
        books.exports().customersXlsx(ListQuery.first(50), cf, ZH);
        Row r = byText(rows(cf, 0), 0, hostile.get(0));
        assertThat(r.getCell(0).getType()).isEqualTo(CellType.STRING);
    }

    @Test
    void agingHeadedWithTheBookInTheUsersLanguage() throws Exception {
        Path f = dir.resolve("a.xlsx");
        assertThat(books.exports().agingXlsx(f, ZH)).isEqualTo(3);
        List<Row> rows = rows(f, 0);
        assertThat(rows.get(0).getCellText(0)).contains("某建材有限公司", "账龄分析表", "2026-11-28");
        assertThat(texts(rows.get(1))).containsExactly("客户", "未到期", "0–30 天", "31–90 天", "91–180 天", "181–365 天", "365 天以上", "合计");
        Row total = rows.get(rows.size() - 1);
        assertThat(total.getCellText(0)).isEqualTo("合计");
        assertThat(total.getCell(7).asNumber()).isEqualByComparingTo("410000");
        assertThat(total.getCell(7).getDataFormatString()).isEqualTo("#,##0.00");
        BigDecimal sum = BigDecimal.ZERO;
        for (Row r : rows.subList(2, rows.size() - 1)) sum = sum.add(r.getCell(7).asNumber());
        assertThat(sum).isEqualByComparingTo("410000");
        List<Row> months = rows(f, 1);
        assertThat(months.get(1).getCell(0).getType()).isEqualTo(CellType.NUMBER);
        assertThat(months.get(1).getCell(0).asDate().toLocalDate()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(months.get(1).getCell(0).getDataFormatString()).isEqualTo("yyyy-mm");

        Path en = dir.resolve("ae.xlsx");
        books.exports().agingXlsx(en, EN);
        List<Row> e = rows(en, 0);
        assertThat(e.get(0).getCellText(0)).contains("某建材有限公司", "aging report", "2026-11-28");
        assertThat(texts(e.get(1))).containsExactly("Customer", "Not due", "0–30 days", "31–90 days", "91–180 days", "181–365 days", "Over 365 days",
                "Total");
        try (PdfCheck p = PdfCheck.of(books.exports().agingPdf(dir.resolve("a.pdf")))) {
            assertThat(p.allText().lines().limit(3).collect(Collectors.joining(" ")).replace(" ", "")).contains("某建材有限公司账龄分析表");
        }
    }

    @Test
    void defaultNamesCarryWhoseAndWhenAndAreSafeEverywhere() {
        assertThat(ExportService.defaultName("催收通知书", "张三五金店", "2026-12-07", ".pdf")).isEqualTo("催收通知书-张三五金店-2026-12-07.pdf");
        assertThat(ExportService.defaultName("账龄分析", "A/B:C*公司?", "2026-12-07", ".xlsx")).isEqualTo("账龄分析-A_B_C_公司_-2026-12-07.xlsx");
        String longName = ExportService.defaultName("对账单", "很".repeat(300), "2026-01-01至2026-11-28", ".pdf");
        assertThat(longName).startsWith("对账单-很").endsWith("-2026-01-01至2026-11-28.pdf").hasSizeLessThanOrEqualTo(120);
        var c = books.exports().caseFile(books.receivables().page(ListQuery.first(10)).rows().stream()
                .filter(r -> r.customerName().equals("李某")).findFirst().orElseThrow().id(), null);
        assertThat(ExportService.documentName(DocKind.DEMAND, c)).isEqualTo("催收通知书-李某-2026-11-28.pdf");
        assertThat(ExportService.packetFolderName(c, DocKind.Route.LAWSUIT)).isEqualTo("诉讼材料-李某-2026-11-28");
        assertThat(ExportService.zipName(c)).isEqualTo("证据-李某-2026-11-28.zip");
        assertThat(ExportService.bundleName(c)).isEqualTo("证据材料汇编-李某-2026-11-28.pdf");
    }
}
