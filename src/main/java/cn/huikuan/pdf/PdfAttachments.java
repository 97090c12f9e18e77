package cn.huikuan.pdf;

import cn.huikuan.invoices.PdfReading;
import cn.huikuan.invoices.SafeXml;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.InflaterInputStream;

/**
 * The files a PDF from outside carries as attachments (the document's EmbeddedFiles name tree), read with bounds as
 * {@code SafeZip} reads a ZIP (issue 23: a 数电票 PDF may carry its invoice XML): a file's bytes are inflated here and
 * counted as they come (the declared size is not trusted), at most {@link #MAX_FILE_BYTES} each (SafeXml's cap: only XML is
 * read from them), {@link #MAX_TOTAL_BYTES} in all, {@link #MAX_FILES} files; the name tree is walked at most
 * {@link #MAX_DEPTH} deep and each node once (a tree whose kids lead back to itself ends). Beyond a cap the PDF is refused
 * with a sentence. A file stored with a filter other than none or Flate (without a predictor) is passed over: an invoice
 * XML is stored plainly or deflated. An encrypted PDF gives none (its text is refused as encrypted anyway).
 */
public final class PdfAttachments {
    public static final int MAX_FILE_BYTES = SafeXml.MAX_BYTES;
    public static final long MAX_TOTAL_BYTES = 32L << 20;
    public static final int MAX_FILES = 100;
    static final int MAX_DEPTH = 16;

    /** How the invoice reader reads a PDF: these attachments, and {@link PdfText}'s text. */
    public static final PdfReading FOR_INVOICES = new PdfReading() {
        @Override
        public Map<String, byte[]> attachments(byte[] pdf) {
            return of(pdf);
        }

        @Override
        public String text(byte[] pdf) {
            return PdfText.of(pdf);
        }
    };

    private PdfAttachments() {
    }

    public static Map<String, byte[]> of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) return Map.of();
            PDDocumentNameDictionary names = doc.getDocumentCatalog().getNames();
            if (names == null || names.getEmbeddedFiles() == null) return Map.of();
            Walk w = new Walk();
            w.node(names.getEmbeddedFiles(), 0);
            return w.files;
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            return Map.of();   // the text is refused as encrypted
        } catch (IOException | RuntimeException e) {
            if (e instanceof PdfText.Unreadable u) throw u;
            throw new PdfText.Unreadable("PDF 文件已损坏，无法读取其附件 / the PDF is damaged: its attachments cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static final class Walk {
        final Map<String, byte[]> files = new LinkedHashMap<>();
        final Set<COSDictionary> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        long total;

        void node(PDNameTreeNode<PDComplexFileSpecification> node, int depth) throws IOException {
            if (depth > MAX_DEPTH) throw refused("附件目录嵌套超过 " + MAX_DEPTH + " 层", "its attachments are nested more than " + MAX_DEPTH + " deep");
            if (!seen.add(node.getCOSObject())) return;
            Map<String, PDComplexFileSpecification> here = node.getNames();
            if (here != null) {
                for (Map.Entry<String, PDComplexFileSpecification> e : here.entrySet()) file(e.getKey(), e.getValue());
            }
            List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
            if (kids != null) {
                for (PDNameTreeNode<PDComplexFileSpecification> k : kids) node(k, depth + 1);
            }
        }

        void file(String key, PDComplexFileSpecification spec) throws IOException {
            if (spec == null) return;
            if (files.size() >= MAX_FILES) throw refused("附件超过 " + MAX_FILES + " 个", "it has more than " + MAX_FILES + " attachments");
            PDEmbeddedFile ef = spec.getEmbeddedFileUnicode() != null ? spec.getEmbeddedFileUnicode() : spec.getEmbeddedFile();
            if (ef == null) return;
            String name = shown(spec.getFileUnicode() != null ? spec.getFileUnicode() : spec.getFilename() != null ? spec.getFilename() : key);
            byte[] b = bytes(ef.getCOSObject(), name);
            if (b == null) return;
            total += b.length;
            if (total > MAX_TOTAL_BYTES) {
                throw refused("附件合计超过 " + (MAX_TOTAL_BYTES >> 20) + " MB", "its attachments add up to more than " + (MAX_TOTAL_BYTES >> 20) + " MB");
            }
            String unique = name;
            for (int i = 2; files.containsKey(unique); i++) unique = name + " (" + i + ")";
            files.put(unique, b);
        }

        /** The stream's bytes, inflated and counted here; null for a filter other than none or Flate. */
        static byte[] bytes(COSStream s, String name) throws IOException {
            COSBase filter = s.getDictionaryObject(COSName.FILTER);
            if (filter instanceof COSArray a && a.size() == 1) filter = a.getObject(0);
            if (filter instanceof COSArray a && a.size() == 0) filter = null;
            COSBase parms = s.getDictionaryObject(COSName.DECODE_PARMS);
            if (parms instanceof COSArray a && a.size() == 1) parms = a.getObject(0);
            boolean flate = COSName.FLATE_DECODE.equals(filter) || COSName.FLATE_DECODE_ABBREVIATION.equals(filter);
            if (filter != null && !flate) return null;
            if (parms instanceof COSDictionary d && d.getInt(COSName.PREDICTOR, 1) > 1) return null;
            try (InputStream raw = s.createRawInputStream(); InputStream in = flate ? new InflaterInputStream(raw) : raw) {
                byte[] b = in.readNBytes(MAX_FILE_BYTES + 1);
                if (b.length > MAX_FILE_BYTES) {
                    throw refused("附件 " + name + " 超过 " + (MAX_FILE_BYTES >> 20) + " MB", "the attachment " + name.replaceAll("\\P{ASCII}", "?")
                            + " is larger than " + (MAX_FILE_BYTES >> 20) + " MB");
                }
                return b;
            } catch (java.util.zip.ZipException e) {
                throw refused("附件 " + name + " 的压缩数据已损坏", "the attachment " + name.replaceAll("\\P{ASCII}", "?") + " is damaged");
            }
        }

        static PdfText.Unreadable refused(String zh, String en) {
            return new PdfText.Unreadable("PDF " + zh + "，为安全起见拒绝读取 / the PDF is refused for safety: " + en, null);
        }

        /** A name as a message shows it: at most 60 characters, control and direction characters as '?'. */
        static String shown(String name) {
            String n = name.length() > 60 ? name.substring(0, 60) + "…" : name;
            return n.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
        }
    }
}
