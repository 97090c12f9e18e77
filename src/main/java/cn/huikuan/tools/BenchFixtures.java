package cn.huikuan.tools;

import com.itextpdf.io.font.constants.StandardFonts;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.font.PdfFontFactory;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Inputs for the bundle benchmark (bench bundle): phone-like photos, text PDFs, and photos wrapped as PDFs for qpdf. */
public final class BenchFixtures {
    private BenchFixtures() {
    }

    /**
     * A 4000×3000 JPEG of about 3 MB (a 12 MP phone photo's size): a gradient with noise, so it compresses like a
     * photo, not like a flat test card. {@code rotated} adds EXIF orientation 6 (held sideways) with the pixels
     * stored 4000 wide, as phones do.
     */
    public static void photo(Path file, long seed, boolean rotated) {
        int w = 4000, h = 3000;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int base = (x * 255 / w + y * 255 / h) / 2;
                int n = r.nextInt(40);
                int red = clamp(base + n - 20), green = clamp(255 - base + (n >> 1)), blue = (x ^ y ^ (int) seed) & 255;
                row[x] = red << 16 | green << 8 | blue;
            }
            img.setRGB(0, y, w, 1, row, 0, w);
        }
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ImageWriter wr = ImageIO.getImageWritersByFormatName("jpeg").next();
            ImageWriteParam p = wr.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.85f);
            try (ImageOutputStream o = ImageIO.createImageOutputStream(bytes)) {
                wr.setOutput(o);
                wr.write(null, new IIOImage(img, null, null), p);
            } finally {
                wr.dispose();
            }
            byte[] jpeg = bytes.toByteArray();
            Files.write(file, rotated ? withOrientation(jpeg, 6) : jpeg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Inserts an EXIF APP1 segment with only the orientation tag right after the JPEG's SOI marker. */
    public static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        byte[] exif = new byte[6 + tiff.length];
        System.arraycopy(new byte[]{'E', 'x', 'i', 'f', 0, 0}, 0, exif, 0, 6);
        System.arraycopy(tiff, 0, exif, 6, tiff.length);
        int len = exif.length + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream(jpeg.length + len + 2);
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.write(exif, 0, exif.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    /** A PDF of {@code pages} A4 text pages, like a scanned-and-OCRed statement or an exported e-receipt. */
    public static void textPdf(Path file, int pages, String label) {
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(file.toString()))) {
            var font = PdfFontFactory.createFont(StandardFonts.HELVETICA);
            for (int i = 1; i <= pages; i++) {
                PdfPage page = pdf.addNewPage(PageSize.A4);
                PdfCanvas c = new PdfCanvas(page);
                c.beginText().setFontAndSize(font, 11);
                for (int line = 0; line < 50; line++) {
                    c.setTextMatrix(60, 780 - line * 14).showText(label + " page " + i + " line " + line + "  0123456789 account statement entry");
                }
                c.endText();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The photo as a one-page PDF, the JPEG embedded unchanged: what qpdf merges in the comparison. */
    public static void photoAsPdf(Path jpeg, Path file) {
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(file.toString()))) {
            var data = ImageDataFactory.create(jpeg.toString());
            PdfPage page = pdf.addNewPage(PageSize.A4.rotate());
            new PdfCanvas(page).addImageFittedIntoRectangle(data, new Rectangle(36, 36, 770, 523), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
