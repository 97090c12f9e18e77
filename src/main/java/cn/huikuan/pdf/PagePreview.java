package cn.huikuan.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Renders pages of a generated PDF as images for the preview before export (PDFBox: iText writes PDFs but
 * cannot draw them). The preview shows exactly the bytes that will be written.
 */
public final class PagePreview implements AutoCloseable {
    private final PDDocument doc;
    private final PDFRenderer renderer;

    public PagePreview(byte[] pdf) {
        try {
            this.doc = Loader.loadPDF(pdf);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.renderer = new PDFRenderer(doc);
    }

    public int pages() {
        return doc.getNumberOfPages();
    }

    /** Page {@code n} (1-based) at {@code dpi}. */
    public synchronized BufferedImage render(int n, float dpi) {
        try {
            return renderer.renderImageWithDPI(n - 1, dpi, ImageType.RGB);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            doc.close();
        } catch (IOException ignored) {
            // in-memory document
        }
    }
}
