package cn.huikuan.pdf;

import com.itextpdf.io.font.PdfEncodings;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.font.PdfFontFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The fonts of every document, shipped in the jar with their licences (resources cn/huikuan/fonts): AR PL UMing CN (face 0
 * of uming.ttc), a 宋体-style serif for the body, and WenQuanYi Micro Hei (face 0 of wqy-microhei.ttc), a 黑体-style sans
 * for titles and headings, as courts' templates set them (issue 18). Embedded as subsets, so a court's reader needs no
 * Chinese fonts; their text extracts as the same characters (decision 0006). Never read from the system.
 */
public final class PdfFonts {
    static final String RESOURCE = "/cn/huikuan/fonts/uming.ttc";
    static final String SANS_RESOURCE = "/cn/huikuan/fonts/wqy-microhei.ttc";
    private static volatile byte[] ttc;
    private static volatile byte[] sansTtc;

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

    private static byte[] sansBytes() {
        byte[] b = sansTtc;
        if (b == null) {
            synchronized (PdfFonts.class) {
                if (sansTtc == null) {
                    try (InputStream in = PdfFonts.class.getResourceAsStream(SANS_RESOURCE)) {
                        if (in == null) throw new IllegalStateException("font missing from the application: " + SANS_RESOURCE);
                        sansTtc = in.readAllBytes();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                b = sansTtc;
            }
        }
        return b;
    }

    /** The 黑体-style sans of titles and headings, a new font object for one PDF document. */
    public static PdfFont sans() {
        try {
            return PdfFontFactory.createTtcFont(sansBytes(), 0, PdfEncodings.IDENTITY_H, PdfFontFactory.EmbeddingStrategy.FORCE_EMBEDDED, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
