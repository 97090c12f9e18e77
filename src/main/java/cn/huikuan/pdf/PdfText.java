package cn.huikuan.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.io.IOException;

/**
 * The text layer of a PDF from outside (an invoice), read with PDFBox sorted by position: the first {@link #MAX_PAGES}
 * pages only, after {@link PdfInflation} has checked what they unpack to (a compression bomb is refused); an encrypted or
 * damaged file is refused with a sentence, never a stack trace. Scripts and forms are not
 * run (PDFBox does not run them).
 */
public final class PdfText {
    public static final int MAX_PAGES = 10;

    private PdfText() {
    }

    /** A PDF that cannot be read for its text. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public static String of(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            if (doc.isEncrypted()) throw new Unreadable("PDF 文件已加密，无法读取文字 / the PDF is encrypted: its text cannot be read", null);
            PdfInflation.check(doc, MAX_PAGES, PdfInflation.INVOICE);
            PDFTextStripper s = new PDFTextStripper();
            s.setSortByPosition(true);
            s.setStartPage(1);
            s.setEndPage(Math.min(MAX_PAGES, doc.getNumberOfPages()));
            return s.getText(doc);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new Unreadable("PDF 文件已加密，无法读取文字 / the PDF is encrypted: its text cannot be read", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Unreadable u) throw u;
            throw new Unreadable("PDF 文件已损坏，无法读取文字 / the PDF is damaged: its text cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
