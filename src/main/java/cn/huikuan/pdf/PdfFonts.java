package cn.huikuan.pdf;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The one font of every document: AR PL UMing CN (face 0 of uming.ttc), shipped in the jar with its licence
 * (resources cn/huikuan/fonts). Embedded as a subset, so a court's reader needs no Chinese fonts; its text
 * extracts as the same characters (decision 0006). Never read from the system.
 */
public final class PdfFonts {
    static final String RESOURCE = "/cn/huikuan/fonts/uming.ttc";
    private static volatile byte[] ttc;

    private PdfFonts() {
    }

    private static byte[] bytes() {
        byte[] b = ttc;
        if (b == null) {
            synchronized (PdfFonts.class) {
                if (ttc == null) {
                    try (InputStream in = PdfFonts.class.getResourceAsStream(RESOURCE)) {
                        if (in == null) throw new IllegalStateException("font missing from the application: " + RESOURCE);
                        ttc = in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                b = ttc;
            }
        }
        return b;
    }

    /** A new font object for one PDF document (font objects cannot be shared between documents). */
    public static PdfFont serif() {
        try {
            return PdfFontFactory.createTtcFont(bytes(), 0, PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
