package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.SampleData;
import cn.huikuan.documents.DocKind;
import cn.huikuan.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: the export screen's view model without a robot or the FX toolkit. Its work runs when the test says
 * ({@link QueuedBackground}), so the test sees it pending, cancels it, and asks for a preview while it runs.
 */
class ExportModelTest {
    @TempDir
    Path dir;
    @TempDir
    Path out;

    private static long seedCase(Books books) {
        return books.receivables().page(ListQuery.first(10).withText("李某")).rows().get(0).id();
    }

    @Test
    void aDocumentIsPreviewedWithItsCourtProposedThenExportedAndReplacedOnlyWhenTheUserSays() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            QueuedBackground work = new QueuedBackground();
            ExportModel model = new ExportModel(books, I18n.forLanguage("zh"), work, seedCase(books));
            assertThat(model.payBy().get()).isAfterOrEqualTo(TestClock.TODAY);

            model.selected().set(model.choice(DocKind.DEMAND));
            assertThat(work.next()).isEqualTo("正在生成预览：催收通知书");
            assertThat(model.status().get()).isEqualTo("正在生成预览：催收通知书");
            assertThat(model.busy().get()).isTrue();
            assertThat(model.running().get()).isTrue();
            assertThat(model.progress().get()).isEqualTo(-1);
            work.runNext();
            assertThat(model.busy().get()).isFalse();
            assertThat(model.progress().get()).isEqualTo(1);
            assertThat(model.status().get()).startsWith("催收通知书：共 ").contains("完全相同");
            assertThat(model.image().get().getWidth()).isGreaterThan(500);
            assertThat(model.pageText().get()).startsWith("第 1 页 / 共 ");

            // the complaint is addressed to a court: the one proposed shows until the user types another, with why in the notes
            model.selected().set(model.choice(DocKind.COMPLAINT));
            work.runAll();
            assertThat(model.status().get()).startsWith("民事起诉状：共 ");
            String proposed = model.court().get();
            assertThat(proposed).contains("人民法院");
            assertThat(model.notes().get()).isNotBlank();
            model.court().set("杭州市拱墅区人民法院");
            model.selected().set(model.choice(DocKind.PRESERVATION));
            work.runAll();
            assertThat(model.court().get()).isEqualTo("杭州市拱墅区人民法院");

            // exported where the user chose; asked with the file it would write, which is not there yet
            model.selected().set(model.choice(DocKind.DEMAND));
            work.runAll();
            List<List<Path>> asked = new ArrayList<>();
            model.exportOne(out, files -> {
                asked.add(files);
                return Overwrite.existing(files).isEmpty();
            });
            assertThat(model.folder().get()).isNull();
            work.runAll();
            Path notice = out.resolve("催收通知书-李某-2026-11-28.pdf");
            assertThat(asked).containsExactly(List.of(notice));
            assertThat(notice).isRegularFile();
            assertThat(model.folder().get()).isEqualTo(out);
            assertThat(model.status().get()).isEqualTo("已导出到 " + out);
            byte[] first = Files.readAllBytes(notice);

            // again: the user keeps the file; nothing is written and the status names it
            Files.write(notice, new byte[]{1, 2, 3});
            model.exportOne(out, files -> false);
            work.runAll();
            assertThat(model.status().get()).startsWith("没有导出").contains("催收通知书-李某-2026-11-28.pdf");
            assertThat(Files.readAllBytes(notice)).containsExactly(1, 2, 3);
            assertThat(model.folder().get()).isNull();

            model.exportOne(out, files -> true);
            work.runAll();
            assertThat(new String(Files.readAllBytes(notice), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            assertThat(first).startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            model.close();
        }
    }

    @Test
    void aCancelledPacketWritesNoFileAndAPreviewAskedMeanwhileIsMadeAfterwards() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            QueuedBackground work = new QueuedBackground();
            ExportModel model = new ExportModel(books, I18n.forLanguage("zh"), work, seedCase(books));
            model.selected().set(model.choice(DocKind.DEMAND));
            work.runAll();

            model.route().set(DocKind.Route.PAYMENT_ORDER);
            model.exportPacket(out, files -> true);
            assertThat(model.status().get()).isEqualTo("正在导出：支付令");
            work.runNext();                                    // the case is read and the files named: now the writing waits
            assertThat(work.pending()).isEqualTo(1);
            assertThat(model.running().get()).isTrue();

            model.selected().set(model.choice(DocKind.BALANCE_CONFIRMATION));   // while busy: no second piece of work
            assertThat(work.pending()).isEqualTo(1);
            model.exportZip(out, files -> true);
            assertThat(work.pending()).isEqualTo(1);

            model.cancel();
            // the preview asked for meanwhile starts at once after the cancel
            assertThat(model.status().get()).isEqualTo("正在生成预览：对账确认函");
            assertThat(work.pending()).isEqualTo(2);
            assertThat(work.labels).last().isEqualTo("正在生成预览：对账确认函");
            work.runNext();                                    // the cancelled writing stops at its first check
            try (Stream<Path> files = Files.walk(out)) {
                assertThat(files.filter(Files::isRegularFile).toList()).isEmpty();
            }
            work.runNext();
            assertThat(model.status().get()).startsWith("对账确认函：共 ");
            assertThat(model.folder().get()).isNull();

            // nothing asked for meanwhile: the cancel is said and the screen is free again
            model.refreshPreview();
            model.cancel();
            assertThat(model.status().get()).isEqualTo("已取消，未写入任何文件。");
            assertThat(model.running().get()).isFalse();
            assertThat(model.busy().get()).isFalse();
            assertThat(model.progress().get()).isZero();
            work.runAll();
            assertThat(model.pageText().get()).startsWith("第 1 页");
            model.close();
        }
    }

    @Test
    void badOptionsAreRefusedWithTheirReasonBeforeAnyWorkStarts() {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            QueuedBackground work = new QueuedBackground();
            ExportModel model = new ExportModel(books, I18n.forLanguage("zh"), work, seedCase(books));
            model.payBy().set(LocalDate.of(2026, 1, 1));
            model.selected().set(model.choice(DocKind.DEMAND));
            assertThat(model.exportable()).isFalse();
            assertThat(model.status().get()).contains("今天或以后");
            model.exportOne(out, files -> true);
            assertThat(work.labels).isEmpty();

            model.payBy().set(LocalDate.of(2026, 12, 20));
            model.instalments().set("abc");
            model.refreshPreview();
            assertThat(model.status().get()).contains("abc");
            assertThat(work.labels).isEmpty();
            model.instalments().set("６");                      // full-width digits count
            assertThat(model.exportable()).isTrue();
            model.refreshPreview();
            assertThat(work.labels).containsExactly("正在生成预览：催收通知书");
        }
    }

    @Test
    void aFailedExportIsSaidForADialogAndWordsTheGuardRefusesAreShownWithItsFindings() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            ExportModel model = new ExportModel(books, I18n.forLanguage("zh"), Background.now(), seedCase(books));
            model.selected().set(model.choice(DocKind.DEMAND));
            Path notAFolder = Files.writeString(out.resolve("a-file"), "x");
            model.route().set(DocKind.Route.PAYMENT_ORDER);
            model.exportPacket(notAFolder, files -> true);
            assertThat(model.status().get()).isEqualTo("导出失败");
            assertThat(model.failure().get()).isNotBlank();
            assertThat(model.busy().get()).isFalse();

            model.lawFirm().set("不还钱就打死你律师事务所");
            model.exportPacket(out, files -> true);
            assertThat(model.failure().get()).isNull();
            assertThat(model.status().get()).startsWith("没有导出").contains("合法催收检查");
            assertThat(model.blocked().get().text()).contains("不还钱就打死你");
            assertThat(model.blocked().get().result().blocked()).isTrue();
        }
    }
}
