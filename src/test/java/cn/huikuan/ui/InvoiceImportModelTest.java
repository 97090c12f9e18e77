package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.i18n.I18n;
import cn.huikuan.tools.InvoiceSamples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The invoice import screen's state without a robot or the FX toolkit (issue 23). */
class InvoiceImportModelTest {
    @TempDir
    Path dir;
    Books books;
    InvoiceImportModel model;

    @BeforeEach
    void open() {
        books = Books.open(dir.resolve("books"), TestClock.fixed());
        var me = books.creditor();
        me.setName("北京某某钢材有限公司");
        books.saveCreditor(me);
        model = new InvoiceImportModel(books, Background.now(), I18n.forLanguage("zh"));
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void aFolderIsCheckedLineByLineThenImportedAndTheButtonFollowsTheVerdict() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("发票"));
        var sale = InvoiceSamples.sale("24112000000000000041", LocalDate.of(2026, 3, 1), "北京某某钢材有限公司", null, "厦门某某工程有限公司", null);
        Files.write(folder.resolve("a.xml"), InvoiceSamples.xmlBytes(sale));
        Files.write(folder.resolve("b.pdf"), InvoiceSamples.pdf(InvoiceSamples.sale("24112000000000000042", LocalDate.of(2026, 3, 2), "别家公司", null, "某某", null)));
        assertThat(model.canImport().get()).isFalse();
        model.add(List.of(folder));
        assertThat(model.lines().get()).hasSize(2);
        assertThat(model.lines().get().get(0)).startsWith("【新建应收款（新客户）】 a.xml  24112000000000000041").contains("¥113,000.00");
        assertThat(model.lines().get().get(1)).startsWith("【非本企业开具】 b.pdf");
        assertThat(model.summary().get()).contains("共 2 个文件：新建应收款 1 笔", "可以导入");
        assertThat(model.canImport().get()).isTrue();
        assertThat(model.imported().get()).isNull();

        model.importNow();
        assertThat(model.imported().get()).isEqualTo(1);
        assertThat(model.summary().get()).startsWith("已导入 1 笔应收款。");
        assertThat(model.canImport().get()).isFalse();
        assertThat(books.receivables().page(ListQuery.first(5)).total()).isEqualTo(1);

        // the same folder again: a duplicate, nothing to import
        model.add(List.of(folder));
        assertThat(model.lines().get().get(0)).startsWith("【重复】");
        assertThat(model.canImport().get()).isFalse();
    }

    @Test
    void aHostileArchiveIsRefusedWithItsReasonAndNothingCanBeImported() throws Exception {
        Path z = dir.resolve("x.zip");
        Files.write(z, InvoiceSamples.zip(Map.of("../a.xml", "<EInvoice/>".getBytes(StandardCharsets.UTF_8))));
        model.add(List.of(z));
        assertThat(model.summary().get()).startsWith("未导入：").contains("outside the archive");
        assertThat(model.canImport().get()).isFalse();
        assertThat(model.lines().get()).isEmpty();
    }
}
