package cn.huikuan.pdf;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.awt.Color;
import java.awt.Graphics2D;
import javax.imageio.IIOException;

/**
 * Makes a phone photo or screenshot court-friendly: turned upright by its EXIF orientation, scaled down to
 * fit an A4 page at {@link #DPI} dpi and stored as a JPEG. Decoding subsamples in the reader, so a 12 MP
 * photo never sits in memory at full size. An image already small enough, upright and in a format PDF takes
 * directly is kept byte for byte.
 */
final class ImagePrep {
    static final int DPI = 150;
    /** The printable box of an A4 page at 150 dpi, portrait: about 180 × 260 mm. */
    static final int BOX_SHORT = 1060;
    static final int BOX_LONG = 1540;
    static final long MAX_PIXELS = 150_000_000L;
    static final float QUALITY = 0.78f;

    /** A prepared image: encoded bytes and pixel size after orientation. */
    record Prepared(byte[] bytes, int width, int height, boolean reencoded) {
        boolean landscape() {
            return width > height;
        }
    }

    /** Why an image cannot go into the bundle as a picture. */
    static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    private ImagePrep() {
    }

    static Prepared prepare(Path file, String mediaType) throws IOException, Unreadable {
        int orientation = "image/jpeg".equals(mediaType) ? Exif.orientation(file) : 1;
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            if (in == null) throw new Unreadable("无法读取图片 / cannot read the image");
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) throw new Unreadable("不是可识别的图片格式 / not an image format Huikuan can read");
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0), h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || (long) w * h > MAX_PIXELS) {
                    throw new Unreadable("图片尺寸异常（" + w + "×" + h + "）/ implausible image size");
                }
                boolean turned = orientation >= 5;            // 5–8 swap width and height
                int ow = turned ? h : w, oh = turned ? w : h;
                double scale = fitScale(ow, oh);
                boolean direct = scale >= 1.0 && orientation == 1 && ("image/jpeg".equals(mediaType) || "image/png".equals(mediaType));
                if (direct) {
                    return new Prepared(Files.readAllBytes(file), w, h, false);
                }
                int sub = Math.max(1, (int) Math.floor(1.0 / scale));       // decode coarsely (never below the box), finish smoothly
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(sub, sub, 0, 0);
                BufferedImage img = reader.read(0, param);
                BufferedImage out = orientAndScale(img, orientation);
                int tw = out.getWidth(), th = out.getHeight();
                return new Prepared(jpeg(out), tw, th, true);
            } catch (IIOException | IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw new Unreadable("图片已损坏或格式异常 / damaged image: " + e.getMessage());
            } finally {
                reader.dispose();
            }
        }
    }

    /** Scale that fits (w, h) into the page box in its own orientation; ≥ 1 means it already fits. */
    static double fitScale(int w, int h) {
        int bw = w > h ? BOX_LONG : BOX_SHORT, bh = w > h ? BOX_SHORT : BOX_LONG;
        return Math.min((double) bw / w, (double) bh / h);
    }

    /**
     * Turns the decoded image upright and scales it into the page box in one pass (no full-size intermediate).
     * JPEG pixels go straight into a 3-byte BGR raster; images with transparency are flattened onto white.
     */
    static BufferedImage orientAndScale(BufferedImage img, int o) {
        int w = img.getWidth(), h = img.getHeight();
        boolean swap = o >= 5 && o <= 8;
        int ow = swap ? h : w, oh = swap ? w : h;
        double s = Math.min(1.0, fitScale(ow, oh));
        int tw = Math.max(1, (int) Math.round(ow * s)), th = Math.max(1, (int) Math.round(oh * s));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        if (img.getColorModel().hasAlpha()) {
            g.setColor(Color.WHITE);                   // transparent PNG areas print white
            g.fillRect(0, 0, tw, th);
        }
        AffineTransform t = new AffineTransform();
        t.scale((double) tw / ow, (double) th / oh);
        t.concatenate(orientation(o, w, h));
        g.drawImage(img, t, null);
        g.dispose();
        return out;
    }

    /** Maps stored pixels to upright pixels for EXIF orientation {@code o} of a {@code w}×{@code h} image. */
    static AffineTransform orientation(int o, int w, int h) {
        AffineTransform t = new AffineTransform();
        switch (o) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            case 8 -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { }
        }
        return t;
    }

    /** The upright image at full size (tests compare it with {@link #orientAndScale}). */
    static BufferedImage orient(BufferedImage img, int o) {
        if (o <= 1 || o > 8) return img;
        int w = img.getWidth(), h = img.getHeight();
        boolean swap = o >= 5;
        BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.drawImage(img, orientation(o, w, h), null);
        g.dispose();
        return out;
    }

    static byte[] jpeg(BufferedImage img) throws IOException {
        ImageWriter w = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            w.setOutput(out);
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(QUALITY);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return bytes.toByteArray();
    }

    /** Reads the EXIF orientation tag (0x0112) of a JPEG without a library: 1 (upright) when absent or unreadable. */
    static final class Exif {
        private Exif() {
        }

        static int orientation(Path file) {
            try (InputStream in = Files.newInputStream(file)) {
                byte[] head = in.readNBytes(128 * 1024);
                return orientation(head);
            } catch (IOException e) {
                return 1;
            }
        }

        static int orientation(byte[] b) {
            if (b.length < 4 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xFF) != 0xD8) return 1;
            int i = 2;
            while (i + 4 <= b.length) {
                if ((b[i] & 0xFF) != 0xFF) return 1;
                int marker = b[i + 1] & 0xFF;
                if (marker == 0xDA || marker == 0xD9) return 1;           // image data starts: no EXIF before it
                int len = ((b[i + 2] & 0xFF) << 8) | (b[i + 3] & 0xFF);
                if (len < 2) return 1;
                int seg = i + 4;
                if (marker == 0xE1 && seg + 6 <= b.length && b[seg] == 'E' && b[seg + 1] == 'x' && b[seg + 2] == 'i' && b[seg + 3] == 'f') {
                    return tiff(b, seg + 6, Math.min(b.length, i + 2 + len));
                }
                i += 2 + len;
            }
            return 1;
        }

        private static int tiff(byte[] b, int t, int end) {
            if (t + 8 > end) return 1;
            boolean le = b[t] == 'I' && b[t + 1] == 'I';
            if (!le && !(b[t] == 'M' && b[t + 1] == 'M')) return 1;
            long ifd = u32(b, t + 4, le);
            if (ifd < 8 || t + ifd + 2 > end) return 1;
            int p = (int) (t + ifd);
            int n = u16(b, p, le);
            for (int k = 0; k < n; k++) {
                int e = p + 2 + 12 * k;
                if (e + 12 > end) return 1;
                if (u16(b, e, le) == 0x0112) {
                    int v = u16(b, e + 8, le);
                    return v >= 1 && v <= 8 ? v : 1;
                }
            }
            return 1;
        }

        private static int u16(byte[] b, int i, boolean le) {
            return le ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 : (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
        }

        private static long u32(byte[] b, int i, boolean le) {
            return le ? (u16(b, i, true) | (long) u16(b, i + 2, true) << 16) : ((long) u16(b, i, false) << 16 | u16(b, i + 2, false));
        }
    }
}
