package cn.huikuan.pdf;

import cn.huikuan.invoices.Ofd;
import com.itextpdf.io.image.ImageData;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.colors.DeviceRgb;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;

/**
 * An OFD's pages as PDF pages (issue 23): each page at its own size, everything {@link Ofd} read of it drawn in order at its
 * place: template pages, paths (table lines, a seal drawn as paths) with their colours, widths and fill rules, pictures (a QR
 * code, a seal picture from the page or from an electronic signature) and each text object's text in the bundled font at its
 * position, size and colour, character by character where the OFD gives each one's place ({@code DeltaX}). The OFD's own fonts, clipping, shadings and composite objects are not drawn, and a signature
 * is not verified: the line under the page says so, and the original file is in the evidence store with its SHA-256.
 */
public final class OfdPages {
    private static final double PT_PER_MM = 72 / 25.4;
    /** The largest picture drawn (pixels): an OFD's seal or QR code has well under a million. */
    static final long MAX_PICTURE_PIXELS = 16_000_000L;
    static final int MAX_PICTURE_BYTES = 8 << 20;

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
                c.saveState().setLineWidth(0.5f).setStrokeColorGray(0.6f).rectangle(2, 2, w - 4, h - 4).stroke().restoreState();
                int notDrawn = p.missingPictures();
                boolean sealFromSignature = false;
                for (Ofd.Mark m : p.marks()) {
                    if (m instanceof Ofd.Text t) text(c, font, t, h);
                    else if (m instanceof Ofd.Shape s) shape(c, s, h);
                    else if (m instanceof Ofd.Picture pic) {
                        if (picture(c, pic, h)) sealFromSignature |= pic.seal();
                        else notDrawn++;
                    }
                }
                StringBuilder zh = new StringBuilder("由 OFD 文件按原位置呈现：文字（本程序字体）、线条和图片");
                StringBuilder en = new StringBuilder("drawn from the OFD: text (in Huikuan's font), lines and pictures at their places");
                if (sealFromSignature) {
                    zh.append("；电子签章的印章图像已呈现，签名未验证");
                    en.append("; the electronic seal's picture is shown, its signature not verified");
                }
                if (notDrawn > 0) {
                    zh.append("；").append(notDrawn).append(" 张图片无法呈现");
                    en.append("; ").append(notDrawn).append(" picture(s) could not be drawn");
                }
                zh.append("。原件见证据文件及其 SHA-256");
                c.beginText().setFontAndSize(note, 5.5f).moveText(6, 9).showText(zh.toString()).endText();
                c.beginText().setFontAndSize(note, 5.5f).moveText(6, 3.5).showText(en.toString()).endText();
                c.release();
            }
        }
        return new Rendered(out.toByteArray(), ofd.pages().size());
    }

    private static void text(PdfCanvas c, PdfFont font, Ofd.Text t, float h) {
        float size = (float) Math.max(2, Math.min(72, t.size() * PT_PER_MM));
        c.saveState().setFillColor(rgb(t.rgb()));
        if (t.at() == null) {
            c.beginText().setFontAndSize(font, size).moveText(t.x() * PT_PER_MM, h - t.y() * PT_PER_MM).showText(t.text()).endText();
        } else {
            // each character where the OFD's DeltaX puts it, so the bundled font's widths do not shift the line
            int i = 0;
            for (int off = 0; off < t.text().length(); i++) {
                int cp = t.text().codePointAt(off);
                String ch = new String(Character.toChars(cp));
                off += Character.charCount(cp);
                if (Character.isWhitespace(cp)) continue;
                c.beginText().setFontAndSize(font, size).moveText((t.x() + t.at()[i]) * PT_PER_MM, h - t.y() * PT_PER_MM).showText(ch).endText();
            }
        }
        c.restoreState();
    }

    private static void shape(PdfCanvas c, Ofd.Shape s, float h) {
        double[] m = s.m();
        double scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
        c.saveState().setLineWidth((float) Math.max(0.1, s.lineWidth() * scale * PT_PER_MM))
                .setStrokeColor(rgb(s.strokeRgb())).setFillColor(rgb(s.fillRgb()));
        for (Ofd.Segment g : s.segments()) {
            double[] p = g.p();
            switch (g.op()) {
                case 'M' -> c.moveTo(x(m, p[0], p[1]), y(m, p[0], p[1], h));
                case 'L' -> c.lineTo(x(m, p[0], p[1]), y(m, p[0], p[1], h));
                case 'C' -> c.curveTo(x(m, p[0], p[1]), y(m, p[0], p[1], h), x(m, p[2], p[3]), y(m, p[2], p[3], h),
                        x(m, p[4], p[5]), y(m, p[4], p[5], h));
                default -> c.closePath();
            }
        }
        if (s.fill() && s.stroke()) {
            if (s.evenOdd()) c.eoFillStroke();
            else c.fillStroke();
        } else if (s.fill()) {
            if (s.evenOdd()) c.eoFill();
            else c.fill();
        } else c.stroke();
        c.restoreState();
    }

    /** Draws the picture; false when it is not a picture this can draw safely (not PNG/JPEG/GIF/BMP, damaged, too large). */
    private static boolean picture(PdfCanvas c, Ofd.Picture pic, float h) {
        if (pic.data().length > MAX_PICTURE_BYTES || !sane(pic.data())) return false;
        ImageData img;
        try {
            img = ImageDataFactory.create(pic.data());
        } catch (RuntimeException e) {
            return false;
        }
        double[] m = pic.m();
        // the PDF draws an image in the unit square with y up; the OFD's unit square has y down: (u, v) → (u, 1 − v)
        double ox = x(m, 0, 1), oy = y(m, 0, 1, h);
        double ax = x(m, 1, 1) - ox, ay = y(m, 1, 1, h) - oy;
        double bx = x(m, 0, 0) - ox, by = y(m, 0, 0, h) - oy;
        try {
            c.addImageWithTransformationMatrix(img, (float) ax, (float) ay, (float) bx, (float) by, (float) ox, (float) oy);
        } catch (RuntimeException e) {
            return false;
        }
        return true;
    }

    /** A PNG, JPEG, GIF or BMP whose header says a plausible size (read without decoding the pixels). */
    static boolean sane(byte[] data) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            if (in == null) return false;
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) return false;
            ImageReader r = readers.next();
            try {
                String f = r.getFormatName().toLowerCase(java.util.Locale.ROOT);
                if (!(f.equals("png") || f.equals("jpeg") || f.equals("gif") || f.equals("bmp"))) return false;
                r.setInput(in, true, true);
                long w = r.getWidth(0), hh = r.getHeight(0);
                return w > 0 && hh > 0 && w * hh <= MAX_PICTURE_PIXELS;
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static double x(double[] m, double px, double py) {
        return (m[0] * px + m[2] * py + m[4]) * PT_PER_MM;
    }

    private static double y(double[] m, double px, double py, float h) {
        return h - (m[1] * px + m[3] * py + m[5]) * PT_PER_MM;
    }

    private static DeviceRgb rgb(int v) {
        return new DeviceRgb(v >> 16 & 0xff, v >> 8 & 0xff, v & 0xff);
    }
}
