package cn.huikuan.pdf;

import cn.huikuan.invoices.Ofd;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * An OFD's pages as PDF pages (issue 23): each page at its own size, each text object's text drawn at its position and
 * size with the bundled font. What the OFD draws besides text (lines, the seal's image, the QR code) is not drawn: the
 * bundle says so under the page, and the original file is in the evidence store with its SHA-256.
 */
public final class OfdPages {
    private static final double PT_PER_MM = 72 / 25.4;

    private OfdPages() {
    }

    /** The pages as a PDF, and how many there are. */
    public record Rendered(byte[] pdf, int pages) {
    }

    public static Rendered render(Ofd.Package ofd) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
            PdfFont font = PdfFonts.serif();
            PdfFont note = PdfFonts.sans();
            for (Ofd.Page p : ofd.pages()) {
                float w = (float) (p.width() * PT_PER_MM);
                float h = (float) (p.height() * PT_PER_MM);
                PdfPage page = pdf.addNewPage(new PageSize(w, h));
                PdfCanvas c = new PdfCanvas(page);
                c.setLineWidth(0.5f).rectangle(2, 2, w - 4, h - 4).stroke();
                for (Ofd.Text t : p.texts()) {
                    float size = (float) Math.max(2, Math.min(72, t.size() * PT_PER_MM));
                    c.beginText().setFontAndSize(font, size)
                            .moveText(t.x() * PT_PER_MM, h - t.y() * PT_PER_MM).showText(t.text()).endText();
                }
                c.beginText().setFontAndSize(note, 6).moveText(6, 6)
                        .showText("由 OFD 文件的文字对象按原位置呈现（线条、印章和二维码未呈现，原件见证据文件及其 SHA-256）"
                                + " / drawn from the OFD's text objects at their positions (lines, seal and QR code not drawn)")
                        .endText();
                c.release();
            }
        }
        return new Rendered(out.toByteArray(), ofd.pages().size());
    }
}
