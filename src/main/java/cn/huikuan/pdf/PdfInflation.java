package cn.huikuan.pdf;

import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * A cap on what a PDF from outside unpacks to before its text is read (issue 23, security.md): a small file whose
 * content stream inflates to gigabytes must be refused, not read for minutes or until memory runs out (PDFBox decodes a
 * stream whole when asked for it). Every stream the text reader would decode on the pages it reads is unpacked here
 * first, through PDFBox's own filters into a counter that stops at the limit: the pages' content streams, the form
 * XObjects they draw and the fonts they use (font files, ToUnicode and encoding CMaps, Type 3 glyph procedures), walked
 * through the pages' resources (each object once, {@link #MAX_DEPTH} deep, at most {@link #MAX_OBJECTS} objects).
 * Pictures are not unpacked (the text reader does not draw them): their filters stop the count where they begin.
 */
final class PdfInflation {
    /** What one stream and all of them may unpack to, in bytes. */
    record Limits(long perStream, long total) {
    }

    /** An invoice (its first pages): a 数电票's content is a few hundred KB unpacked. */
    static final Limits INVOICE = new Limits(32L << 20, 128L << 20);
    /** A statement of up to 3,000 pages: some tens of KB a page, plus fonts. */
    static final Limits STATEMENT = new Limits(64L << 20, 1L << 30);
    static final int MAX_DEPTH = 32;
    static final int MAX_OBJECTS = 2_000_000;

    private static final Set<String> PICTURE_FILTERS = Set.of("DCTDecode", "DCT", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "CCF");

    private PdfInflation() {
    }

    /** Refuses ({@link PdfText.Unreadable}) when the first {@code pages} pages' streams unpack to more than the limits. */
    static void check(PDDocument doc, int pages, Limits limits) throws IOException {
        Walk w = new Walk(limits);
        int n = Math.min(pages, doc.getNumberOfPages());
        for (int i = 0; i < n; i++) {
            PDPage page = doc.getPage(i);
            w.visit(page.getCOSObject().getDictionaryObject(COSName.CONTENTS), 0);
            if (page.getResources() != null) w.visit(page.getResources().getCOSObject(), 0);
        }
    }

    private static final class Walk {
        final Limits limits;
        final Set<COSBase> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long total;
        int objects;

        Walk(Limits limits) {
            this.limits = limits;
        }

        void visit(COSBase base, int depth) throws IOException {
            COSBase b = base instanceof COSObject o ? o.getObject() : base;
            if (b == null || depth > MAX_DEPTH || !(b instanceof COSDictionary || b instanceof COSArray) || !seen.add(b)) return;
            if (++objects > MAX_OBJECTS) throw tooLarge("对象数", "objects", String.format(java.util.Locale.ROOT, "%,d", MAX_OBJECTS));
            if (b instanceof COSArray a) {
                for (COSBase e : a) visit(e, depth + 1);
                return;
            }
            COSDictionary d = (COSDictionary) b;
            if (COSName.IMAGE.equals(d.getCOSName(COSName.SUBTYPE))) return;     // a picture: not unpacked to read text
            if (d instanceof COSStream s) count(s);
            for (var e : d.entrySet()) {
                COSName key = e.getKey();
                if (COSName.PARENT.equals(key) || COSName.P.equals(key) || COSName.ANNOTS.equals(key)) continue;
                visit(e.getValue(), depth + 1);
            }
        }

        /** Unpacks the stream through its filters (up to the first picture filter) into a counter; refuses past the limits. */
        void count(COSStream s) throws IOException {
            List<COSName> filters = new ArrayList<>();
            COSBase f = s.getFilters();
            if (f instanceof COSName name) filters.add(name);
            else if (f instanceof COSArray arr) {
                for (COSBase x : arr) if (x instanceof COSName name) filters.add(name);
            }
            long size;
            try (InputStream raw = s.createRawInputStream()) {
                InputStream in = raw;
                size = 0;
                int decoded = 0;
                for (int i = 0; i < filters.size() && !PICTURE_FILTERS.contains(filters.get(i).getName()); i++) {
                    Filter filter = FilterFactory.INSTANCE.getFilter(filters.get(i));
                    boolean last = i + 1 == filters.size() || PICTURE_FILTERS.contains(filters.get(i + 1).getName());
                    Counter out = new Counter(last ? null : new ByteArrayOutputStream());
                    try {
                        filter.decode(in, out, s, i);
                    } catch (IOException damaged) {
                        // a damaged stream: what came out is counted; the text reader copes with it as it can
                        size = out.n;
                        break;
                    }
                    size = out.n;
                    decoded++;
                    if (!last) in = new ByteArrayInputStream(((ByteArrayOutputStream) out.keep).toByteArray());
                }
                if (decoded == 0) size = s.getLength();
            } catch (TooLarge e) {
                throw tooLarge("单个内容流", "one content stream", (limits.perStream() >> 20) + " MB");
            }
            total += size;
            if (total > limits.total()) throw tooLarge("全部内容", "all its content", (limits.total() >> 20) + " MB");
        }

        /** Counts what a filter writes, keeping it only when another filter reads it next; stops past the per-stream limit. */
        private final class Counter extends OutputStream {
            final OutputStream keep;
            long n;

            Counter(OutputStream keep) {
                this.keep = keep;
            }

            @Override
            public void write(int b) throws IOException {
                add(1);
                if (keep != null) keep.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                add(len);
                if (keep != null) keep.write(b, off, len);
            }

            private void add(long k) {
                n += k;
                if (n > limits.perStream() || total + n > limits.total()) throw new TooLarge();
            }
        }
    }

    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private static PdfText.Unreadable tooLarge(String zh, String en, String amount) {
        return new PdfText.Unreadable("PDF 文件解压后过大（" + zh + "超过 " + amount + "，可能是压缩炸弹），拒绝读取 / the PDF unpacks to too much ("
                + en + " over " + amount + ": a compression bomb?): refused", null);
    }
}
