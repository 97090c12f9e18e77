package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.ImportService;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.SampleData;
import cn.huikuan.application.SpreadsheetRows;
import cn.huikuan.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: the spreadsheet import screen's view model without a robot or the FX toolkit; its checks and the import run
 * when the test says ({@link QueuedBackground}).
 */
class ImportModelTest {
    @TempDir
    Path dir;
    @TempDir
    Path tmp;

    private Path ledger() throws Exception {
        Path ledger = tmp.resolve("台账.csv");
        Files.write(ledger, """
                客户名称,证件号码,业务内容,开单日期,金额,已收金额
                王五,,钢材货款,2026-03-01,1000,400
                厦门某某工程队,91350200776049653A,砂石货款,2026-03-02,2000,
                赵六,,水泥货款,2026-03-03,待定,
                """.getBytes(Charset.forName("GB18030")));
        return ledger;
    }

    @Test
    void theLatestCheckIsShownTheRefusedRowIsSavedAndTheValidRowsGoInWhenAskedFor() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            Path file = ledger();
            QueuedBackground work = new QueuedBackground();
            ImportModel model = new ImportModel(books, I18n.forLanguage("zh"), work, file, books.imports().dryRun(file, null));
            assertThat(model.header()).startsWith("客户名称", "证件号码");
            assertThat(model.column(ImportService.Column.CUSTOMER).get()).isZero();
            assertThat(model.report().get()).contains("1 行有已收金额但没有付款日期", "第 2 行：有已付金额但没有付款日期", "第 4 行：金额不是数字：待定",
                    "第 3 行：证件号码是有效的统一社会信用代码，按单位导入");
            assertThat(model.importable().get()).isFalse();
            assertThat(model.refusedSavable().get()).isTrue();

            // two checks asked for: the first one's report, arriving while the second runs, is not shown
            String before = model.report().get();
            model.paidOn().set(ImportService.PaidOnDefault.DUE_DATE);
            model.paidOn().set(ImportService.PaidOnDefault.IMPORT_DATE);
            assertThat(work.pending()).isEqualTo(2);
            assertThat(model.running().get()).isEqualTo(2);
            work.runNext();
            assertThat(model.report().get()).isEqualTo(before);
            work.runNext();
            assertThat(model.running().get()).isZero();
            assertThat(model.report().get()).contains("付款日期：1 行表格中没有付款日期，按导入日期 2026-11-28 记录").doesNotContain("第 2 行：");
            assertThat(model.importable().get()).as("all or nothing while row 4 is wrong").isFalse();
            model.runImport();
            assertThat(work.pending()).isZero();

            // the wrong row, saved with its reason; a second save never replaces the first
            Path out = Files.createDirectories(tmp.resolve("out"));
            model.saveRefused(out);
            work.runAll();
            Path refused = out.resolve("台账_有误的行.xlsx");
            assertThat(model.message().get()).isEqualTo(new ImportModel.Message(false, "已保存 1 行有误的行及拒绝原因：" + refused));
            List<List<String>> back = new ArrayList<>();
            SpreadsheetRows.read(refused, back::add);
            assertThat(back).hasSize(2);
            assertThat(back.get(1)).startsWith("赵六", "", "水泥货款", "2026-03-03", "待定");
            model.saveRefused(out);
            work.runAll();
            assertThat(out.resolve("台账_有误的行 (2).xlsx")).isRegularFile();

            // the valid rows only: imported; the screen stays to say what was refused, and checks no more
            model.partial().set(true);
            assertThat(model.report().get()).contains("将导入正确的 2 行，有误的 1 行不导入");
            assertThat(model.importable().get()).isTrue();
            model.runImport();
            assertThat(model.importable().get()).isFalse();
            work.runNext();
            assertThat(model.imported().get()).isEqualTo(2);
            assertThat(model.done().get()).isFalse();
            assertThat(model.report().get()).startsWith("已导入 2 行；1 行有误，没有导入");
            assertThat(model.importable().get()).isFalse();
            model.check();
            model.runImport();
            assertThat(work.pending()).isZero();
            assertThat(books.receivables().page(ListQuery.first(20)).rows()).hasSize(5);
        }
    }

    @Test
    void aCleanFileGoesInWholeAndAFileGoneMeanwhileIsSaid() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            Path file = tmp.resolve("clean.csv");
            Files.writeString(file, "客户名称,业务内容,开单日期,金额\n王五,钢材货款,2026-03-01,1000\n赵六,水泥货款,2026-03-03,2500\n");
            ImportModel model = new ImportModel(books, I18n.forLanguage("zh"), Background.now(), file, books.imports().dryRun(file, null));
            assertThat(model.report().get()).contains("全部正确，可以导入。");
            assertThat(model.importable().get()).isTrue();
            assertThat(model.refusedSavable().get()).isFalse();
            model.runImport();
            assertThat(model.done().get()).isTrue();
            assertThat(model.imported().get()).isEqualTo(2);
            assertThat(books.receivables().page(ListQuery.first(20)).rows()).hasSize(5);

            Path gone = tmp.resolve("gone.csv");
            Files.writeString(gone, "客户名称,业务内容,开单日期,金额\n王五,钢材货款,2026-03-01,1000\n");
            ImportModel later = new ImportModel(books, I18n.forLanguage("zh"), Background.now(), gone, books.imports().dryRun(gone, null));
            Files.delete(gone);
            later.check();
            assertThat(later.report().get()).isNotBlank().doesNotContain("全部正确");
            assertThat(later.importable().get()).isFalse();
        }
    }

    @Test
    void anImportStoppedFromTheStatusBarIsNotOfferedAgain() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            Path file = ledger();
            QueuedBackground work = new QueuedBackground();
            ImportModel model = new ImportModel(books, I18n.forLanguage("zh"), work, file, books.imports().dryRun(file, null));
            model.partial().set(true);
            assertThat(model.importable().get()).isTrue();
            model.runImport();
            work.cancelAll();
            assertThat(model.running().get()).isZero();
            assertThat(model.importable().get()).isFalse();
            model.partial().set(false);
            model.partial().set(true);
            assertThat(model.importable().get()).as("the stopped import may still finish on its worker").isFalse();
            model.runImport();
            assertThat(work.pending()).isEqualTo(1);
        }
    }
}
