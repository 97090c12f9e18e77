package cn.huikuan.pdf;

import cn.huikuan.documents.CaseFile;
import cn.huikuan.documents.Doc;
import cn.huikuan.documents.DocKind;
import cn.huikuan.documents.EvidenceIndex;
import cn.huikuan.documents.Templates;
import cn.huikuan.domain.EvidenceItem;
import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfOutline;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.kernel.pdf.annot.PdfAnnotation;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import com.itextpdf.kernel.pdf.navigation.PdfExplicitDestination;
import com.itextpdf.layout.Canvas;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.properties.TextAlignment;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.storage.Sha256;
import com.itextpdf.kernel.exceptions.BadPasswordException;
import com.itextpdf.kernel.pdf.xobject.PdfFormXObject;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;

/**
 * The 证据材料汇编: cover, 证据目录 with page ranges, every item (photos upright and downsampled, PDFs merged,
 * chat exports as readable pages, a placeholder page with SHA-256 for anything else), and a final manifest
 * of every file's SHA-256 and import time with the journal's chain head. Every page is stamped
 * "第 N 页 / 共 M 页"; the index's ranges are computed from the same page counts the stamps use.
 *
 * <p>Two passes: items are prepared first (in parallel, to temporary files) so every page count is known,
 * then the bundle is written page by page, each page flushed as soon as it is stamped, so memory does not
 * grow with the bundle.
 */
public final class EvidenceBundle {
    static final long MAX_TEXT_BYTES = 512 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.of("Asia/Shanghai"));

    /** Progress and cancel, from the caller's task. */
    public interface Progress {
        void update(String message, long done, long total);

        boolean cancelled();

        Progress NONE = new Progress() {
            @Override
            public void update(String message, long done, long total) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }

    public static final class CancelledException extends RuntimeException {
        public CancelledException() {
            super("已取消 / cancelled");
        }
    }

    /** The journal check printed on the manifest (#8): entries, chain head, intact or not. */
    public record Journal(long entries, String head, boolean intact, int problems) {
    }

    /** What was written: pages, the index's ranges by evidence number, and the bookmark titles in order. */
    public record Result(int pages, Map<String, String> ranges, List<String> bookmarks) {
    }

    private sealed interface Part permits Rendered, ImagePart, SourcePdf {
        int pages();
    }

    private record Rendered(byte[] pdf, int pages) implements Part {
    }

    private record ImagePart(ImagePrep.Prepared image) implements Part {
        public int pages() {
            return 1;
        }
    }

    private record SourcePdf(Path file, int pages) implements Part {
    }

    /** {@code intact}: the file read for this bundle still has the SHA-256 recorded at import. */
    private record Item(EvidenceIndex.Entry entry, Part part, String note, boolean intact) {
    }

    private EvidenceBundle() {
    }

    public static Result write(CaseFile c, Function<EvidenceItem, Path> files, Journal journal, Instant now, OutputStream out,
                               Progress progress) throws IOException {
        return write(c, files, CourtImages.NONE, journal, now, out, progress);
    }

    /** {@code images}: photos already made ready for the court, and where to keep the ones prepared here. */
    public static Result write(CaseFile c, Function<EvidenceItem, Path> files, CourtImages images, Journal journal, Instant now,
                               OutputStream out, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        List<EvidenceIndex.Entry> entries = EvidenceIndex.of(c.evidence());
        List<Item> items = prepare(entries, files, images, progress);
        long t1 = System.nanoTime();

        Rendered manifest = rendered(manifest(c, entries, items, journal, now));
        // The front matter's length does not depend on the numbers printed in it; render, count, render again.
        int frontPages = rendered(front(c, entries, items, placeholderRanges(entries), 9999)).pages();
        Map<String, String> ranges = new LinkedHashMap<>();
        int page = frontPages;
        for (Item it : items) {
            int first = page + 1;
            page += it.part().pages();
            ranges.put(it.entry().number(), first == page ? String.valueOf(first) : first + "–" + page);
        }
        int total = page + manifest.pages();
        Rendered front = rendered(front(c, entries, items, ranges, total));
        if (front.pages() != frontPages) {
            throw new IllegalStateException("front matter changed length: " + frontPages + " → " + front.pages());
        }

        long t2 = System.nanoTime();
        List<String> bookmarks = new ArrayList<>();
        PdfDocument pdf = new PdfDocument(new PdfWriter(out, new WriterProperties().setFullCompressionMode(true)));
        DocPdf.describe(pdf.getDocumentInfo(), "证据材料汇编 — " + c.creditor().getName() + "与" + c.debtor().getName(), "Evidence bundle");
        PdfFont font = PdfFonts.serif();
        Stamper stamper = new Stamper(pdf, font, total);
        PdfOutline root = pdf.getOutlines(false);
        copy(front.pdf(), pdf, stamper, null);
        bookmark(root, "封面", pdf.getPage(1), bookmarks);
        bookmark(root, "证据目录", pdf.getPage(2), bookmarks);
        pdf.getPage(1).flush();
        int done = 0;
        for (Item it : items) {
            if (progress.cancelled()) throw new CancelledException();
            String label = "证据 " + it.entry().number();
            String title = label + "  " + it.entry().item().getTitle();
            int first = pdf.getNumberOfPages() + 1;
            if (it.part() instanceof ImagePart img) {
                imagePage(pdf, font, img.image(), title);
            } else if (it.part() instanceof SourcePdf src) {
                try (PdfDocument in = new PdfDocument(new PdfReader(src.file().toFile()).setUnethicalReading(true))) {
                    for (int i = 1; i <= in.getNumberOfPages(); i++) framed(in.getPage(i), pdf);
                }
            } else if (it.part() instanceof Rendered r) {
                copyPagesOnly(r.pdf(), pdf);
            }
            PdfPage firstPage = pdf.getPage(first);
            bookmark(root, title, firstPage, bookmarks);
            for (int n = first; n <= pdf.getNumberOfPages(); n++) {
                PdfPage p = pdf.getPage(n);
                defuse(p);
                stamper.stamp(p, n, label);
            }
            for (int n = Math.max(2, first - 1); n <= pdf.getNumberOfPages(); n++) {
                if (!pdf.getPage(n).isFlushed()) pdf.getPage(n).flush();
            }
            progress.update(title, ++done, items.size() + 1L);
        }
        int manifestFirst = pdf.getNumberOfPages() + 1;
        copyPagesOnly(manifest.pdf(), pdf);
        bookmark(root, "文件校验清单（SHA-256）", pdf.getPage(manifestFirst), bookmarks);
        for (int n = manifestFirst; n <= pdf.getNumberOfPages(); n++) stamper.stamp(pdf.getPage(n), n, null);
        if (pdf.getNumberOfPages() != total) {
            throw new IllegalStateException("bundle has " + pdf.getNumberOfPages() + " pages, index computed for " + total);
        }
        pdf.close();
        if (Boolean.getBoolean("huikuan.bundle.timing")) {
            System.err.printf("bundle timing: prepare %.0f ms, front matter and manifest %.0f ms, writing %.0f ms%n",
                    (t1 - t0) / 1e6, (t2 - t1) / 1e6, (System.nanoTime() - t2) / 1e6);
        }
        progress.update("完成 / done", items.size() + 1L, items.size() + 1L);
        return new Result(total, ranges, bookmarks);
    }

    // ------------------------------------------------------------------ preparation (pass 1)

    private static List<Item> prepare(List<EvidenceIndex.Entry> entries, Function<EvidenceItem, Path> files, CourtImages images,
                                      Progress progress) throws IOException {
        int threads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bundle-prepare");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Item>> futures = new ArrayList<>();
            for (EvidenceIndex.Entry e : entries) {
                futures.add(pool.submit(() -> {
                    if (progress.cancelled()) throw new CancelledException();
                    return prepareOne(e, files.apply(e.item()), images);
                }));
            }
            List<Item> items = new ArrayList<>();
            int n = 0;
            for (Future<Item> f : futures) {
                if (progress.cancelled()) throw new CancelledException();
                try {
                    items.add(f.get());
                } catch (ExecutionException ex) {
                    if (ex.getCause() instanceof CancelledException ce) throw ce;
                    if (ex.getCause() instanceof IOException io) throw io;
                    if (ex.getCause() instanceof RuntimeException re) throw re;
                    throw new IOException(ex.getCause());
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    throw new CancelledException();
                }
                progress.update("准备 " + entries.get(n).number(), ++n, entries.size() * 2L);
            }
            return items;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Item prepareOne(EvidenceIndex.Entry e, Path file, CourtImages images) throws IOException {
        EvidenceItem it = e.item();
        String type = it.getMediaType() == null ? "" : it.getMediaType();
        if (file == null || !Files.isRegularFile(file)) {
            return placeholder(e, null, "原始文件缺失，无法呈现（请运行\"校验\"检查证据文件）/ the stored file is missing", false);
        }
        if (!Sha256.ofFile(file).equals(it.getSha256())) {
            // Never present a changed file as the evidence that was imported.
            return placeholder(e, null, "文件已被改动，与导入时的 SHA-256 不一致，未编入汇编（请运行\"校验\"）/ the stored file was altered", false);
        }
        if (type.startsWith("image/")) {
            CourtImages.Image kept = images.find(it.getSha256());
            if (kept != null) {
                return new Item(e, new ImagePart(new ImagePrep.Prepared(kept.jpeg(), kept.width(), kept.height(), true)), null, true);
            }
            try {
                ImagePrep.Prepared p = ImagePrep.prepare(file, type);
                if (p.reencoded()) images.keep(it.getSha256(), new CourtImages.Image(p.bytes(), p.width(), p.height()));
                return new Item(e, new ImagePart(p), null, true);
            } catch (ImagePrep.Unreadable bad) {
                return placeholder(e, file, bad.getMessage());
            }
        }
        if (type.equals("application/pdf")) {
            try (PdfDocument in = new PdfDocument(new PdfReader(file.toFile()).setUnethicalReading(true))) {
                int pages = in.getNumberOfPages();
                if (pages > 0) return new Item(e, new SourcePdf(file, pages), null, true);
                return placeholder(e, file, "PDF 文件没有页面 / the PDF has no pages");
            } catch (BadPasswordException bad) {
                return placeholder(e, file, "PDF 文件已加密，无法合并；请提交未加密的版本 / the PDF is password-protected");
            } catch (IOException | RuntimeException bad) {
                return placeholder(e, file, "PDF 文件已损坏，无法合并 / the PDF is damaged: " + bad.getClass().getSimpleName());
            }
        }
        if (type.equals("application/ofd")) {
            // issue 23: an OFD invoice's pages drawn (text, paths, pictures, seals: OfdPages), not a placeholder
            try {
                cn.huikuan.invoices.Ofd.Package ofd = cn.huikuan.invoices.Ofd.read(Files.readAllBytes(file), it.getOriginalFileName());
                OfdPages.Rendered r = OfdPages.render(ofd);
                return new Item(e, new Rendered(r.pdf(), r.pages()), null, true);
            } catch (cn.huikuan.invoices.InvoiceUnreadable bad) {
                return placeholder(e, file, "OFD 文件无法呈现 / the OFD cannot be drawn: " + bad.getMessage());
            } catch (RuntimeException bad) {
                // whatever a hostile drawing makes iText throw: the bundle goes on with a placeholder, the original is kept
                return placeholder(e, file, "OFD 文件无法呈现 / the OFD cannot be drawn (" + bad.getClass().getSimpleName() + ")");
            }
        }
        if (type.startsWith("text/") || type.equals("application/xml")) {
            return new Item(e, rendered(textDoc(e, file)), null, true);
        }
        return placeholder(e, file, type.startsWith("audio/") || type.startsWith("video/")
                ? "音视频证据无法以纸面呈现，请当庭播放原始文件；文字整理稿可另行作为证据提交"
                : "此类文件无法以纸面呈现，请查看原始文件");
    }

    private static Item placeholder(EvidenceIndex.Entry e, Path file, String why) {
        return placeholder(e, file, why, true);
    }

    private static Item placeholder(EvidenceIndex.Entry e, Path file, String why, boolean intact) {
        EvidenceItem it = e.item();
        Doc.Builder b = new Doc.Builder(DocKind.EVIDENCE_LIST, "证据 " + e.number() + "  " + it.getTitle());
        List<Doc.Field> f = new ArrayList<>();
        f.add(new Doc.Field("原始文件名", it.getOriginalFileName()));
        f.add(new Doc.Field("文件类型", it.getMediaType()));
        f.add(new Doc.Field("文件大小", String.format("%,d 字节", it.getSizeBytes())));
        String duration = AudioInfo.duration(it.getMediaType(), file);
        if (duration != null) f.add(new Doc.Field("时长", duration));
        f.add(new Doc.Field("SHA-256", it.getSha256()));
        f.add(new Doc.Field("导入时间", it.getImportedAt() == null ? "" : TIME.format(it.getImportedAt())));
        f.add(new Doc.Field("证据来源", it.getSource() == null ? "" : it.getSource()));
        f.add(new Doc.Field("证明目的", it.getPurpose() == null ? "" : it.getPurpose()));
        f.add(new Doc.Field("原件保存", "原始文件由提交人保存，并随附于证据压缩包的 originals 目录；可用 SHA-256 核对其未被改动。"));
        b.fields(f);
        b.para("说明：" + why, Doc.Style.BODY);
        return new Item(e, rendered(b.build()), why, intact);
    }

    /** A chat export or other text as readable pages: UTF-8, else GB18030; at most {@link #MAX_TEXT_BYTES}. */
    static Doc textDoc(EvidenceIndex.Entry e, Path file) throws IOException {
        byte[] bytes;
        long size = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) Math.min(size, MAX_TEXT_BYTES));
        }
        String text = decode(bytes);
        Doc.Builder b = new Doc.Builder(DocKind.EVIDENCE_LIST, "证据 " + e.number() + "  " + e.item().getTitle());
        b.para("原始文件：" + e.item().getOriginalFileName() + "    SHA-256：" + e.item().getSha256(), Doc.Style.NOTE);
        for (String line : text.split("\\R", -1)) {
            b.para(line.isEmpty() ? " " : line.replace('\t', ' '), Doc.Style.BODY);
        }
        if (size > MAX_TEXT_BYTES) {
            b.para("（文件共 " + String.format("%,d", size) + " 字节，此处仅显示前 " + String.format("%,d", MAX_TEXT_BYTES)
                    + " 字节；完整内容见原始文件）", Doc.Style.NOTE);
        }
        return b.build();
    }

    static String decode(byte[] bytes) {
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                return s.startsWith("\uFEFF") ? s.substring(1) : s;
            } catch (CharacterCodingException ignored) {
                // a cut-off multi-byte sequence at the cap, or another encoding: try the next
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // ------------------------------------------------------------------ front matter and manifest

    private static Map<String, String> placeholderRanges(List<EvidenceIndex.Entry> entries) {
        Map<String, String> m = new LinkedHashMap<>();
        for (EvidenceIndex.Entry e : entries) m.put(e.number(), "9999–9999");
        return m;
    }

    private static Doc front(CaseFile c, List<EvidenceIndex.Entry> entries, List<Item> items, Map<String, String> ranges, int total) {
        Doc.Builder b = new Doc.Builder(DocKind.EVIDENCE_LIST, "证 据 材 料 汇 编");
        b.para(" ", Doc.Style.BODY);
        b.fields(List.of(
                new Doc.Field("案由", c.receivable().getKind() == ReceivableKind.PRIVATE_LOAN ? "民间借贷纠纷" : "买卖合同纠纷"),
                new Doc.Field("提交人", c.creditor().getName()),
                new Doc.Field("对方当事人", c.debtor().getName()),
                new Doc.Field("证据", entries.size() + " 项"),
                new Doc.Field("页数", "共 " + total + " 页（每页下方标注页码，与证据目录的页码一致）"),
                new Doc.Field("编制日期", c.asOf().getYear() + "年" + c.asOf().getMonthValue() + "月" + c.asOf().getDayOfMonth() + "日")));
        b.para("本汇编中的照片已按拍摄方向转正并压缩至适合打印的分辨率；原始文件及其 SHA-256 校验值见最后的文件校验清单和随附的证据压缩包。",
                Doc.Style.NOTE);
        b.signature("提交人：" + c.creditor().getName() + "（签字／盖章）");
        b.pageBreak();
        Doc index = Templates.evidenceList(c, ranges);
        b.heading("证据目录");
        index.blocks().forEach(b::block);
        long notes = items.stream().filter(i -> i.note() != null).count();
        if (notes > 0) {
            b.para("其中 " + notes + " 项无法以纸面呈现，以说明页代替（文件名、SHA-256 及原件保存情况）。", Doc.Style.NOTE);
        }
        return b.build();
    }

    private static Doc manifest(CaseFile c, List<EvidenceIndex.Entry> entries, List<Item> items, Journal j, Instant now) {
        long damaged = items.stream().filter(i -> !i.intact()).count();
        Doc.Builder b = new Doc.Builder(DocKind.EVIDENCE_LIST, "文件校验清单");
        b.para("下表列出每项证据原始文件的 SHA-256 校验值和导入回款助手的时间。核对方法：对原始文件计算 SHA-256（Windows：certutil -hashfile 文件名 SHA256；"
                + "macOS/Linux：shasum -a 256 文件名），与下表一致即说明文件自导入以来未被改动。", Doc.Style.BODY);
        List<List<String>> rows = new ArrayList<>();
        for (EvidenceIndex.Entry e : entries) {
            EvidenceItem it = e.item();
            String h = it.getSha256();
            rows.add(List.of(e.number(), it.getOriginalFileName() + "\n" + String.format("%,d 字节", it.getSizeBytes()),
                    it.getImportedAt() == null ? "" : TIME.format(it.getImportedAt()), h));
        }
        // The hash stays on one line in a small size, so a reader (or a court's text extraction) gets it whole.
        b.block(new Doc.Table(List.of("序号", "原始文件", "导入时间", "SHA-256"), new float[]{0.9f, 2.9f, 2.2f, 6.4f}, rows,
                new boolean[]{false, false, false, false}, new float[]{9f, 9f, 9f, 7f}));
        b.heading("账本记录链");
        b.fields(List.of(
                new Doc.Field("记录条数", String.valueOf(j.entries())),
                new Doc.Field("链头（SHA-256）", j.head() == null ? "（空）" : j.head()),
                new Doc.Field("校验结果", j.intact() && damaged == 0 ? "完好：每条记录与记录链一致，本汇编的每个证据文件与其 SHA-256 一致"
                        : "发现 " + (j.problems() + damaged) + " 处问题：请先在回款助手中运行\"校验\"并处理后再提交"),
                new Doc.Field("生成时间", TIME.format(now) + "（北京时间）")));
        return b.build();
    }

    // ------------------------------------------------------------------ writing (pass 2)

    private static Rendered rendered(Doc d) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int pages = DocPdf.render(d, bytes, false);
        return new Rendered(bytes.toByteArray(), pages);
    }

    private static void copy(byte[] src, PdfDocument pdf, Stamper stamper, String label) throws IOException {
        int first = pdf.getNumberOfPages() + 1;
        copyPagesOnly(src, pdf);
        for (int n = first; n <= pdf.getNumberOfPages(); n++) stamper.stamp(pdf.getPage(n), n, label);
    }

    private static void copyPagesOnly(byte[] src, PdfDocument pdf) throws IOException {
        try (PdfDocument in = new PdfDocument(new PdfReader(new ByteArrayInputStream(src)))) {
            in.copyPagesTo(1, in.getNumberOfPages(), pdf);
        }
    }

    private static void imagePage(PdfDocument pdf, PdfFont font, ImagePrep.Prepared img, String title) {
        PageSize size = img.landscape() ? PageSize.A4.rotate() : PageSize.A4;
        PdfPage page = pdf.addNewPage(size);
        float margin = 36f, top = 44f, bottom = 40f;
        Rectangle box = new Rectangle(margin, bottom, size.getWidth() - 2 * margin, size.getHeight() - top - bottom - 8);
        ImageData data = ImageDataFactory.create(img.bytes());
        PdfCanvas canvas = new PdfCanvas(page);
        float scale = Math.min(box.getWidth() / img.width(), box.getHeight() / img.height());
        scale = Math.min(scale, 72f / ImagePrep.DPI * 2.2f);     // never blow a tiny picture up past ~2× print size
        float w = img.width() * scale, h = img.height() * scale;
        float x = box.getX() + (box.getWidth() - w) / 2, y = box.getY() + (box.getHeight() - h);
        canvas.addImageFittedIntoRectangle(data, new Rectangle(x, y, w, h), false);
        try (Canvas text = new Canvas(canvas, new Rectangle(margin, size.getHeight() - top + 4, size.getWidth() - 2 * margin - 70, 22))) {
            text.add(new Paragraph(title).setFont(font).setFontSize(10).setMargin(0));
        }
    }

    /** Bands around a merged page kept for the stamps: the page number below, the evidence label above (issue 18). */
    static final float BAND_BOTTOM = 34f, BAND_TOP = 40f, BAND_SIDE = 18f;

    /**
     * A page of a source PDF, drawn as shown (its /Rotate applied) and scaled into a frame that leaves the stamp bands
     * free, so the page number and the 「证据 X-Y」 label never cover anything of the source (a bank statement's footer
     * 22 pt from the bottom stays readable; issue 18). The page's content becomes a form XObject: its text stays
     * extractable; its links, page actions and scripts are not carried over.
     */
    static void framed(PdfPage src, PdfDocument pdf) throws IOException {
        Rectangle crop = src.getCropBox();
        int rot = ((src.getRotation() % 360) + 360) % 360;
        float w = crop.getWidth(), h = crop.getHeight();
        float vw = rot % 180 == 0 ? w : h, vh = rot % 180 == 0 ? h : w;
        PdfPage page = pdf.addNewPage(new PageSize(vw, vh));
        PdfFormXObject form = src.copyAsFormXObject(pdf);
        float scale = Math.min((vw - 2 * BAND_SIDE) / vw, (vh - BAND_TOP - BAND_BOTTOM) / vh);
        float ox = (vw - vw * scale) / 2, oy = BAND_BOTTOM + (vh - BAND_TOP - BAND_BOTTOM - vh * scale) / 2;
        PdfCanvas canvas = new PdfCanvas(page);
        canvas.saveState();
        canvas.concatMatrix(scale, 0, 0, scale, ox, oy);
        // page space → the upright space a viewer shows (the inverse of the stamp's mapping for rotated pages)
        switch (rot) {
            case 90 -> canvas.concatMatrix(0, -1, 1, 0, 0, w);
            case 180 -> canvas.concatMatrix(-1, 0, 0, -1, w, h);
            case 270 -> canvas.concatMatrix(0, 1, -1, 0, h, 0);
            default -> { }
        }
        canvas.concatMatrix(1, 0, 0, 1, -crop.getX(), -crop.getY());
        canvas.addXObjectAt(form, 0, 0);
        canvas.restoreState();
        canvas.release();
    }

    /** Removes page actions and JavaScript links from a merged page: a court copy must not run code. */
    static void defuse(PdfPage page) {
        PdfDictionary d = page.getPdfObject();
        d.remove(PdfName.AA);
        for (PdfAnnotation a : new ArrayList<>(page.getAnnotations())) {
            PdfDictionary action = a.getPdfObject().getAsDictionary(PdfName.A);
            boolean script = action != null && PdfName.JavaScript.equals(action.getAsName(PdfName.S));
            if (script || a.getPdfObject().containsKey(PdfName.AA)) page.removeAnnotation(a);
        }
    }

    private static void bookmark(PdfOutline root, String title, PdfPage page, List<String> titles) {
        root.addOutline(title).addDestination(PdfExplicitDestination.createFit(page));
        titles.add(title);
    }

    /** Draws the page stamp and, on evidence pages, the evidence number in the top margin. */
    private static final class Stamper {
        private final PdfDocument pdf;
        private final PdfFont font;
        private final int total;

        Stamper(PdfDocument pdf, PdfFont font, int total) {
            this.pdf = pdf;
            this.font = font;
            this.total = total;
        }

        void stamp(PdfPage page, int n, String label) {
            Rectangle box = page.getCropBox();
            int rotation = page.getRotation();
            PdfCanvas canvas = new PdfCanvas(page.newContentStreamAfter(), page.getResources(), pdf);
            canvas.saveState();
            if (rotation % 360 != 0) {
                // A source page with /Rotate is shown turned; draw in the viewer's upright space so the stamp
                // sits at the foot of the page as the reader sees it. (u, v) viewer → (x, y) page space.
                float w = box.getWidth(), h = box.getHeight();
                canvas.concatMatrix(1, 0, 0, 1, box.getX(), box.getY());
                switch (((rotation % 360) + 360) % 360) {
                    case 90 -> canvas.concatMatrix(0, 1, -1, 0, w, 0);
                    case 180 -> canvas.concatMatrix(-1, 0, 0, -1, w, h);
                    case 270 -> canvas.concatMatrix(0, -1, 1, 0, 0, h);
                    default -> { }
                }
                box = rotation % 180 != 0 ? new Rectangle(0, 0, h, w) : new Rectangle(0, 0, w, h);
            }
            try (Canvas c = new Canvas(canvas, box)) {
                c.setFont(font).setFontColor(ColorConstants.DARK_GRAY);
                c.showTextAligned(new Paragraph("第 " + n + " 页 / 共 " + total + " 页").setFontSize(9),
                        box.getX() + box.getWidth() / 2, box.getY() + 16, TextAlignment.CENTER);
                if (label != null) {
                    c.showTextAligned(new Paragraph(label).setFontSize(10), box.getX() + box.getWidth() - 30, box.getY() + box.getHeight() - 26,
                            TextAlignment.RIGHT);
                }
            }
            canvas.restoreState();
        }
    }
}
