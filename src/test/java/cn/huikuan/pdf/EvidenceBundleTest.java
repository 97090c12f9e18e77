package cn.huikuan.pdf;

import cn.huikuan.TestClock;
import cn.huikuan.application.AuditService;
import cn.huikuan.application.Books;
import cn.huikuan.application.EvidenceService;
import cn.huikuan.application.ExportService;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.SampleData;
import cn.huikuan.documents.CaseFile;
import cn.huikuan.documents.DocKind;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.persistence.EvidenceStore;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfNumber;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.action.PdfAction;
import com.itextpdf.kernel.pdf.annot.PdfLinkAnnotation;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import cn.huikuan.documents.DocumentRefused;
import cn.huikuan.domain.Text;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Every generated PDF read back: text in Chinese, embedded fonts, page count, bookmarks, stamped pages = index ranges, hashes. */
class EvidenceBundleTest {
    @TempDir
    Path dir;
    @TempDir
    Path out;
    Books books;
    long saleId;

    @BeforeEach
    void open() {
        books = Books.open(dir, TestClock.fixed());
        SampleData.loadInto(books);
        saleId = books.receivables().page(ListQuery.first(10)).rows().stream().filter(r -> r.customerName().equals("李某"))
                .findFirst().orElseThrow().id();
    }

    @AfterEach
    void close() {
        books.close();
    }

    CaseFile sale() {
        return books.exports().caseFile(saleId, null);
    }

    @Test
    void everyDocumentReadsBackInChineseWithEmbeddedFontsAndPageStamps() {
        CaseFile c = sale();
        for (DocKind k : DocKind.values()) {
            if (k == DocKind.ARBITRATION) continue; // the sample records no arbitration clause: refused (TemplatesTest)
            byte[] bytes = books.exports().documentPdf(k, c);
            try (PdfCheck pdf = PdfCheck.of(bytes)) {
                String all = pdf.allText();
                assertThat(pdf.fontsNotEmbedded()).as(k.name()).isEmpty();
                // titles and headings in the 黑体-style sans, the body in the 宋体-style serif (issue 18)
                assertThat(pdf.fontNames()).as(k.name()).anyMatch(f -> f.contains("WenQuanYi")).anyMatch(f -> f.contains("UMing"));
                assertThat(all).as(k.name()).contains(k.zh().substring(0, 1), "某建材有限公司");
                assertThat(pdf.title()).isEqualTo(k == DocKind.LAWYER_LETTER ? "律师函" : k.zh());
                if (k == DocKind.COMPLAINT) continue; // numbered per part: below
                for (int i = 1; i <= pdf.pages(); i++) {
                    assertThat(pdf.text(i)).as(k + " page " + i).contains("第 " + i + " 页 / 共 " + pdf.pages() + " 页");
                }
            }
        }
        try (PdfCheck complaint = PdfCheck.of(books.exports().documentPdf(DocKind.COMPLAINT, c))) {
            // Exact extraction of characters that Noto CJK would have mapped to Kangxi radicals (民→⺠, 支→⽀, 金→⾦).
            assertThat(complaint.allText()).contains("民事起诉状".replace("", " ").strip(), "违约金", "标的总额", "人民币327,600.00元",
                    "支付", "副本（送被告李某）").doesNotContain("⺠", "⽀", "⾦");
            // the defendant's copy has its own title and its own page numbers (issue 18)
            int copy = 0;
            for (int i = 1; i <= complaint.pages(); i++) if (complaint.squeezed(i).contains("民事起诉状（副本）")) copy = i;
            assertThat(copy).isGreaterThan(1);
            int first = copy - 1, second = complaint.pages() - copy + 1;
            assertThat(first).isEqualTo(second);
            for (int i = 1; i <= complaint.pages(); i++) {
                String expected = i < copy ? "第 " + i + " 页 / 共 " + first + " 页" : "第 " + (i - copy + 1) + " 页 / 共 " + second + " 页";
                assertThat(complaint.text(i)).as("complaint page " + i).contains(expected);
            }
        }
    }

    /**
     * Issue 18: Chinese line-breaking rules (禁则) in every document: no line begins with closing punctuation and none ends
     * with an opening bracket (34 lines of the sample's documents began with closing punctuation).
     */
    @Test
    void noLineBeginsWithClosingPunctuationOrEndsWithAnOpeningBracket() {
        String closing = "，。、；：？！）》」』】”’";
        String opening = "（《「『【“‘";
        List<String> bad = new ArrayList<>();
        for (CaseFile c : List.of(sale(), books.exports().caseFile(books.receivables().page(ListQuery.first(10)).rows().stream()
                .filter(r -> r.customerName().equals("张某")).findFirst().orElseThrow().id(), null))) {
            for (DocKind k : DocKind.values()) {
                if (k == DocKind.ARBITRATION) continue;
                try (PdfCheck pdf = PdfCheck.of(books.exports().documentPdf(k, c))) {
                    for (int i = 1; i <= pdf.pages(); i++) {
                        for (String line : pdf.text(i).split("\n")) {
                            for (String part : line.strip().split("\\s{2,}| ")) {
                                if (part.isEmpty()) continue;
                                if (closing.indexOf(part.charAt(0)) >= 0 || opening.indexOf(part.charAt(part.length() - 1)) >= 0) {
                                    bad.add(k + " p" + i + ": " + line);
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(bad).isEmpty();
    }

    /**
     * Issue 24: a file named with a right-to-left override ({@code 合同\u202Efdp.exe} displays as {@code 合同exe.pdf}) is
     * printed with the control shown, never obeyed, and the originals ZIP names carry no control at all.
     */
    @Test
    void directionControlsInAFileNameAreShownNotObeyed() throws Exception {
        Path odd = Files.writeString(out.resolve("合同\u202Efdp.txt"), "借条内容");
        books.evidence().attach(saleId, odd, new EvidenceService.Details(EvidenceType.CONTRACT,
                "补充协议\u202E（伪装）", LocalDate.of(2026, 1, 5), null, null, true));
        Path bundle = out.resolve("bundle.pdf");
        books.exports().writeBundle(sale(), bundle, EvidenceBundle.Progress.NONE);
        try (PdfCheck pdf = PdfCheck.of(bundle)) {
            assertThat(pdf.allText()).contains("[U+202E]").doesNotContain("\u202E");
        }
        Path zip = out.resolve("originals.zip");
        books.exports().writeZip(sale(), zip, EvidenceBundle.Progress.NONE);
        try (var z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).noneMatch(n -> n.contains("\u202E")).anyMatch(n -> n.contains("合同_fdp"));
        }
        assertThat(Text.visible("a\u2066b\u200Fc")).isEqualTo("a[U+2066]b[U+200F]c");
    }

    @Test
    void bundleIndexRangesMatchTheStampedPagesBookmarksAndManifestHashes() throws IOException {
        Path file = out.resolve("bundle.pdf");
        EvidenceBundle.Result r = books.exports().writeBundle(sale(), file, EvidenceBundle.Progress.NONE);
        List<EvidenceItem> items = books.evidence().list(saleId);
        assertThat(r.ranges()).containsOnlyKeys("1-1", "2-1", "2-2", "3-1", "4-1");
        try (PdfCheck pdf = PdfCheck.of(file)) {
            assertThat(pdf.pages()).isEqualTo(r.pages());
            assertThat(pdf.fontsNotEmbedded()).isEmpty();
            for (int i = 1; i <= pdf.pages(); i++) {
                assertThat(pdf.text(i)).as("page " + i).contains("第 " + i + " 页 / 共 " + r.pages() + " 页");
            }
            assertThat(pdf.bookmarks()).containsExactlyElementsOf(r.bookmarks());
            assertThat(pdf.bookmarks()).startsWith("封面", "证据目录").endsWith("文件校验清单（SHA-256）")
                    .contains("证据 1-1  建材购销合同 JC-2025-1218", "证据 4-1  微信聊天记录（2026-05-31 至 2026-10-26）");
            String index = pdf.squeezed(2);
            int b = 2;
            for (var e : r.ranges().entrySet()) {
                String[] range = e.getValue().split("–");
                int first = Integer.parseInt(range[0]), last = Integer.parseInt(range[range.length - 1]);
                assertThat(pdf.bookmarkPage(b++)).as("bookmark of " + e.getKey()).isEqualTo(first);
                for (int p = first; p <= last; p++) assertThat(pdf.text(p)).contains("证据 " + e.getKey());
                assertThat(index).contains(e.getKey());
            }
            // The index prints the same ranges (one row per item, ranges in the 页码 column).
            assertThat(index).contains("3", "7");
            String manifest = pdf.squeezed(pdf.pages());
            for (EvidenceItem it : items) {
                String onDisk = EvidenceStore.hash(books.evidence().file(it));
                assertThat(manifest).contains(onDisk);
                assertThat(onDisk).isEqualTo(it.getSha256());
            }
            AuditService.Report report = books.audit().verify();
            assertThat(manifest).contains(report.head(), "完好");
            // The chat export became readable pages in Chinese.
            String chat = pdf.allText();
            assertThat(chat).contains("李某");
        }
        assertThat(out).isDirectoryContaining(p -> p.getFileName().toString().equals("bundle.pdf"));
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void packetOfEachRouteHoldsItsDocumentsAndTheBundle() {
        for (DocKind.Route route : DocKind.Route.values()) {
            Path d = out.resolve(route.cliName());
            if (route == DocKind.Route.ARBITRATION) {
                // no arbitration clause on record: refused before any file is written (仲裁法 §4, §16)
                Assertions.assertThatThrownBy(() -> books.exports().writePacket(sale(), route, d, EvidenceBundle.Progress.NONE))
                        .isInstanceOf(DocumentRefused.class);
                assertThat(d).doesNotExist();
                continue;
            }
            List<Path> files = books.exports().writePacket(sale(), route, d, EvidenceBundle.Progress.NONE);
            assertThat(files).extracting(p -> p.getFileName().toString())
                    .containsExactlyElementsOf(Stream.concat(route.documents().stream().map(DocKind::fileName), Stream.of(ExportService.BUNDLE_FILE)).toList());
            for (Path f : files) {
                try (PdfCheck pdf = PdfCheck.of(f)) {
                    assertThat(pdf.pages()).isPositive();
                }
            }
        }
    }

    /**
     * Issue 18: the complaint's answer on preservation follows the route, and the packet holds one evidence list: the
     * standalone 证据目录 shows the same page ranges as the bundle's index.
     */
    @Test
    void aPacketsAnswersFollowItsRouteAndItsEvidenceListHasTheBundlesPages() {
        Path with = out.resolve("with");
        Path without = out.resolve("without");
        books.exports().writePacket(sale(), DocKind.Route.LAWSUIT, with, EvidenceBundle.Progress.NONE);
        books.exports().writePacket(sale(), DocKind.Route.LAWSUIT_NO_PRESERVATION, without, EvidenceBundle.Progress.NONE);
        try (PdfCheck c = PdfCheck.of(with.resolve(DocKind.COMPLAINT.fileName()))) {
            assertThat(c.allText().replaceAll("\\s+", "")).contains("3.是否申请诉讼保全是（见财产保全申请书");
        }
        try (PdfCheck c = PdfCheck.of(without.resolve(DocKind.COMPLAINT.fileName()))) {
            String t = c.allText().replaceAll("\\s+", "");
            assertThat(t).contains("3.是否申请诉讼保全否").doesNotContain("见财产保全申请书");
        }
        EvidenceBundle.Result r = books.exports().writeBundle(sale(), out.resolve("b.pdf"), EvidenceBundle.Progress.NONE);
        try (PdfCheck list = PdfCheck.of(with.resolve(DocKind.EVIDENCE_LIST.fileName()))) {
            String t = list.allText();
            for (var e : r.ranges().entrySet()) {
                assertThat(t).as("evidence " + e.getKey()).containsPattern(Pattern.quote(e.getKey()) + "[^\\n]*\\s" + Pattern.quote(e.getValue()) + "\\s");
            }
        }
    }

    @Test
    void hostileAndBrokenAttachmentsBecomePlaceholderPagesNeverACrash(@TempDir Path src) throws Exception {
        // A "photo" with a JPEG signature and garbage after it.
        Path broken = src.resolve("broken.jpg");
        byte[] junk = new byte[5000];
        new Random(7).nextBytes(junk);
        junk[0] = (byte) 0xFF; junk[1] = (byte) 0xD8; junk[2] = (byte) 0xFF;
        Files.write(broken, junk);
        // A PDF that tries to run JavaScript on open, on a link and on page open; its page is rotated.
        Path scripted = src.resolve("scripted.pdf");
        try (PdfDocument d = new PdfDocument(new PdfWriter(scripted.toString()))) {
            PdfPage p = d.addNewPage(PageSize.A4);
            p.setRotation(90);
            new PdfCanvas(p).beginText().setFontAndSize(PdfFontFactory.createFont(StandardFonts.HELVETICA), 14).moveText(60, 700)
                    .showText("SCRIPTED PAGE").endText();
            PdfLinkAnnotation link = new PdfLinkAnnotation(new Rectangle(50, 50, 100, 40));
            link.setAction(PdfAction.createJavaScript("app.alert('link')"));
            p.addAnnotation(link);
            PdfDictionary aa = new PdfDictionary();
            aa.put(PdfName.O, PdfAction.createJavaScript("app.alert('page')").getPdfObject());
            p.getPdfObject().put(PdfName.AA, aa);
            d.getCatalog().setOpenAction(PdfAction.createJavaScript("app.alert('open')"));
        }
        // A chat export in GB18030, as older Windows tools write it.
        Path gbk = src.resolve("chat-gbk.txt");
        Files.writeString(gbk, "2026-07-02 李某：送货单没问题，钱我认。\n", Charset.forName("GB18030"));
        // A two-second WAV recording.
        Path wav = src.resolve("call.wav");
        AudioFormat fmt = new AudioFormat(8000, 16, 1, true, false);
        AudioSystem.write(new AudioInputStream(new ByteArrayInputStream(new byte[32000]), fmt, 16000), AudioFileFormat.Type.WAVE, wav.toFile());

        EvidenceService ev = books.evidence();
        ev.attach(saleId, broken, details(EvidenceType.OTHER, "损坏的照片"));
        ev.attach(saleId, scripted, details(EvidenceType.STATEMENT, "对账单（PDF）"));
        ev.attach(saleId, gbk, details(EvidenceType.CHAT_RECORD, "聊天记录（GBK 导出）"));
        EvidenceItem rec = ev.attach(saleId, wav, details(EvidenceType.CALL_RECORDING, "通话录音"));
        // One stored file goes missing behind Huikuan's back.
        EvidenceItem gone = ev.list(saleId).stream().filter(e -> e.getTitle().startsWith("银行电子回单")).findFirst().orElseThrow();
        Files.delete(books.evidence().file(gone));
        // And one is changed: it must not be presented as the evidence that was imported.
        EvidenceItem changed = ev.list(saleId).stream().filter(e -> e.getTitle().startsWith("送货单 SH-2026-0413")).findFirst().orElseThrow();
        Path changedFile = books.evidence().file(changed);
        changedFile.toFile().setWritable(true);
        Files.write(changedFile, new byte[]{1, 2, 3}, StandardOpenOption.APPEND);

        Path file = out.resolve("hostile.pdf");
        EvidenceBundle.Result r = books.exports().writeBundle(sale(), file, EvidenceBundle.Progress.NONE);
        keep(file);
        try (PdfCheck pdf = PdfCheck.of(file)) {
            assertThat(pdf.pages()).isEqualTo(r.pages());
            assertThat(pdf.hasJavaScript()).isFalse();
            String all = pdf.allText();
            assertThat(all).contains("图片已损坏", "原始文件缺失", "文件已被改动", "SCRIPTED PAGE", "钱我认", "时长", "0分2秒", rec.getSha256().substring(0, 16));
            for (int i = 1; i <= pdf.pages(); i++) assertThat(pdf.text(i)).contains("第 " + i + " 页 / 共 " + r.pages() + " 页");
            assertThat(pdf.squeezed(pdf.pages())).contains("发现2处问题");      // the manifest reports the missing and the changed file
            // The rotated source page (shown turned 90° clockwise) is drawn as shown, on a landscape page of its own, its
            // stamp level at the foot in the band kept free (issue 18).
            int rotated = IntStream.rangeClosed(1, pdf.pages()).filter(i -> pdf.text(i).contains("SCRIPTED PAGE"))
                    .findFirst().orElseThrow();
            assertThat(pdf.rotation(rotated)).isZero();
            assertThat(pdf.size(rotated).getWidth()).isGreaterThan(pdf.size(rotated).getHeight());
            float[] stamp = pdf.baselines(rotated, "第").get(0);
            assertThat(Math.abs(stamp[3] - stamp[1])).isLessThan(1f);
            assertThat(stamp[1]).isLessThan(EvidenceBundle.BAND_BOTTOM);
        }
    }

    /**
     * Issue 18: a source page whose footer sits 22 pt from the bottom (a bank statement) and whose header sits at the top
     * keeps both readable: the page is scaled into a frame, and the page number and 「证据 X-Y」 label go in the bands left
     * free, never over the source.
     */
    @Test
    void stampsNeverCoverTheSourcePage(@TempDir Path src) throws Exception {
        Path statement = src.resolve("statement.pdf");
        try (PdfDocument d = new PdfDocument(new PdfWriter(statement.toString()))) {
            PdfPage p = d.addNewPage(PageSize.A4);
            var font = PdfFontFactory.createFont(StandardFonts.HELVETICA);
            new PdfCanvas(p).beginText().setFontAndSize(font, 9).moveText(300, 22).showText("FOOTER-22PT page 1 of 1").endText();
            new PdfCanvas(p).beginText().setFontAndSize(font, 9).moveText(480, PageSize.A4.getHeight() - 20).showText("HEADER-TOP-RIGHT").endText();
        }
        books.evidence().attach(saleId, statement, details(EvidenceType.STATEMENT, "银行流水（PDF）"));
        Path file = out.resolve("stamps.pdf");
        books.exports().writeBundle(sale(), file, EvidenceBundle.Progress.NONE);
        try (PdfCheck pdf = PdfCheck.of(file)) {
            int page = IntStream.rangeClosed(1, pdf.pages()).filter(i -> pdf.text(i).contains("FOOTER-22PT")).findFirst().orElseThrow();
            float[] footer = pdf.baselines(page, "FOOTER").get(0);
            float[] header = pdf.baselines(page, "HEADER").get(0);
            float[] number = pdf.baselines(page, "第").get(0);
            float[] label = pdf.baselines(page, "证据").get(0);
            // the page number's line (9 pt) lies below the source's lowest text, the label above its highest
            assertThat(number[1] + 9).as("page number clear of the footer").isLessThan(footer[1]);
            assertThat(label[1]).as("label clear of the header").isGreaterThan(header[1] + 9);
            assertThat(footer[1]).isGreaterThanOrEqualTo(EvidenceBundle.BAND_BOTTOM);
        }
    }

    /**
     * Issue 18: the evidence ZIP unpacks with its Chinese names intact in Info-ZIP's unzip, and {@code sha256sum -c
     * SHA256SUMS.txt} passes in the unpacked folder, the bundle itself listed. (Skipped where unzip or sha256sum is missing.)
     */
    @Test
    void theEvidenceZipUnpacksWithChineseNamesAndItsChecksumsPass(@TempDir Path unpacked) throws Exception {
        Path zip = out.resolve("证据.zip");
        books.exports().writeZip(sale(), zip, EvidenceBundle.Progress.NONE);
        try (var z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).contains("证据材料汇编.pdf", "SHA256SUMS.txt");
        }
        // made on Unix (host 3), every entry, with permissions 0644
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int unix = 0, entries = 0;
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (b.getInt(i) == 0x02014b50) {
                entries++;
                if ((b.getShort(i + 4) >> 8) == 3 && (b.getInt(i + 38) >>> 16) == 0100644) unix++;
            }
        }
        assertThat(unix).isEqualTo(entries).isPositive();
        Assumptions.assumeTrue(DiskTools.has("unzip") && DiskTools.has("sha256sum"), "needs Info-ZIP unzip and sha256sum");
        assertThat(DiskTools.run(unpacked, "unzip", "-q", zip.toString())).isZero();
        assertThat(unpacked.resolve("证据材料汇编.pdf")).exists();
        try (var files = Files.list(unpacked.resolve("originals"))) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("4-1_wechat-chat.txt");
        }
        assertThat(Files.readString(unpacked.resolve("SHA256SUMS.txt"))).contains("  证据材料汇编.pdf");
        assertThat(DiskTools.run(unpacked, "sha256sum", "-c", "SHA256SUMS.txt")).isZero();
    }

    /** Runs a command of the machine's own, if it has it. */
    static final class DiskTools {
        static boolean has(String command) {
            try {
                return run(Path.of("."), "sh", "-c", "command -v " + command) == 0;
            } catch (Exception e) {
                return false;
            }
        }

        static int run(Path dir, String... cmd) throws Exception {
            Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().transferTo(System.out);
            return p.waitFor();
        }
    }

    /** Keeps a copy under target/pdf-samples for looking at (scripts/render-pdfs.sh turns them into PNGs for docs/). */
    static void keep(Path pdf) throws IOException {
        Path d = Files.createDirectories(Path.of("target", "pdf-samples"));
        Files.copy(pdf, d.resolve(pdf.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    static EvidenceService.Details details(EvidenceType t, String title) {
        return new EvidenceService.Details(t, title, LocalDate.of(2026, 7, 2), "测试", "测试", false);
    }

    @Test
    void cancelLeavesNothingAtTheTarget() throws IOException {
        Path file = out.resolve("cancelled.pdf");
        EvidenceBundle.Progress cancelAfterFirst = new EvidenceBundle.Progress() {
            int calls;

            @Override
            public void update(String message, long done, long total) {
                calls++;
            }

            @Override
            public boolean cancelled() {
                return calls >= 2;
            }
        };
        assertThatThrownBy(() -> books.exports().writeBundle(sale(), file, cancelAfterFirst)).isInstanceOf(EvidenceBundle.CancelledException.class);
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void anExistingFileIsReplacedOnlyWhenTheNewOneIsComplete() throws IOException {
        Path file = out.resolve("bundle.pdf");
        Files.writeString(file, "the previous bundle");
        EvidenceBundle.Progress cancelAtOnce = new EvidenceBundle.Progress() {
            @Override
            public void update(String message, long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return true;
            }
        };
        assertThatThrownBy(() -> books.exports().writeBundle(sale(), file, cancelAtOnce)).isInstanceOf(EvidenceBundle.CancelledException.class);
        assertThat(Files.readString(file)).isEqualTo("the previous bundle");
        assertThatThrownBy(() -> books.exports().writeBundle(sale(), out.resolve("no/such/folder/b.pdf"), EvidenceBundle.Progress.NONE))
                .isInstanceOf(ExportService.ExportException.class).hasMessageContaining("文件夹不存在");
    }

    @Test
    void zipHoldsTheOriginalsTheBundleAndAChecksumList() throws Exception {
        Path zip = out.resolve("case.zip");
        books.exports().writeZip(sale(), zip, EvidenceBundle.Progress.NONE);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (var in = new ZipInputStream(Files.newInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) entries.put(e.getName(), in.readAllBytes());
        }
        assertThat(entries.keySet()).contains("originals/1-1_contract.png", "originals/4-1_wechat-chat.txt", ExportService.BUNDLE_FILE, "SHA256SUMS.txt");
        String sums = new String(entries.get("SHA256SUMS.txt"), StandardCharsets.UTF_8);
        for (var e : entries.entrySet()) {
            if (!e.getKey().startsWith("originals/")) continue;
            String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue()));
            assertThat(sums).contains(hex + "  " + e.getKey());
        }
        try (PdfCheck pdf = PdfCheck.of(entries.get(ExportService.BUNDLE_FILE))) {
            assertThat(pdf.pages()).isGreaterThan(5);
        }
    }

}
