package cn.huikuan.pdf;

import cn.huikuan.tools.BenchFixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Phone photos come out upright and court-sized; the EXIF reader survives any bytes. */
public class ImagePrepTest {
    @TempDir
    Path dir;

    /** A 400×200 picture: left half red, right half blue, top-left corner green (so mirrors are caught too). */
    static byte[] halves() throws Exception {
        BufferedImage img = new BufferedImage(400, 200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 200, 200);
        g.setColor(Color.BLUE);
        g.fillRect(200, 0, 200, 200);
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 60, 60);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", out);
        return out.toByteArray();
    }

    /** The named colour at (x, y) of a marked picture (also read by CourtImagesTest), or the colour itself. */
    public static String colour(BufferedImage img, int x, int y) {
        Color c = new Color(img.getRGB(x, y));
        if (c.getRed() > 180 && c.getGreen() < 90 && c.getBlue() < 90) return "red";
        if (c.getBlue() > 180 && c.getRed() < 90 && c.getGreen() < 90) return "blue";
        if (c.getGreen() > 180 && c.getRed() < 90 && c.getBlue() < 90) return "green";
        return c.toString();
    }

    /**
     * Where the stored picture's parts end up for each EXIF orientation (JEITA CP-3451): 6 = rotate 90° clockwise
     * (the left edge goes to the top), 8 = 90° counter-clockwise, 3 = 180°, 2 = mirrored.
     */
    @ParameterizedTest
    @CsvSource({
            "1, 400, 200, top-left green, left red, right blue",
            "2, 400, 200, top-right green, left blue, right red",
            "3, 400, 200, bottom-right green, left blue, right red",
            "6, 200, 400, top-right green, top red, bottom blue",
            "8, 200, 400, bottom-left green, top blue, bottom red",
    })
    void turnsPhotosUpright(int orientation, int w, int h, String corner, String first, String second) throws Exception {
        Path f = dir.resolve("o" + orientation + ".jpg");
        Files.write(f, BenchFixtures.withOrientation(halves(), orientation));
        assertThat(ImagePrep.Exif.orientation(f)).isEqualTo(orientation);
        ImagePrep.Prepared p = ImagePrep.prepare(f, "image/jpeg");
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(p.bytes()));
        assertThat(img.getWidth()).isEqualTo(w);
        assertThat(img.getHeight()).isEqualTo(h);
        int cx = corner.contains("left") ? 15 : w - 15, cy = corner.contains("top") ? 15 : h - 15;
        assertThat(colour(img, cx, cy)).as("corner").isEqualTo(corner.split(" ")[1]);
        if (w > h) {
            assertThat(colour(img, w / 4, h - 20)).isEqualTo(first.split(" ")[1]);
            assertThat(colour(img, 3 * w / 4, h - 20)).isEqualTo(second.split(" ")[1]);
        } else {
            assertThat(colour(img, w - 20, h / 4 + 30)).isEqualTo(first.split(" ")[1]);
            assertThat(colour(img, w - 20, 3 * h / 4)).isEqualTo(second.split(" ")[1]);
        }
    }

    @Test
    void aTwelveMegapixelPhotoIsScaledToThePageAtAFractionOfItsSize() throws Exception {
        Path f = dir.resolve("photo.jpg");
        BenchFixtures.photo(f, 1, true);          // 4000×3000 stored, held sideways
        long in = Files.size(f);
        assertThat(in).isGreaterThan(2_000_000);
        ImagePrep.Prepared p = ImagePrep.prepare(f, "image/jpeg");
        assertThat(p.width()).isLessThanOrEqualTo(ImagePrep.BOX_SHORT);
        assertThat(p.height()).isLessThanOrEqualTo(ImagePrep.BOX_LONG);
        assertThat(p.height()).isGreaterThan(p.width());            // upright: portrait
        assertThat(Math.max(p.width(), p.height())).isGreaterThan(1300); // still ≥ ~130 dpi across A4
        assertThat((long) p.bytes().length).isLessThan(in / 4);
    }

    @Test
    void aSmallUprightScreenshotIsKeptByteForByte() throws Exception {
        Path f = dir.resolve("small.jpg");
        byte[] b = halves();
        Files.write(f, b);
        ImagePrep.Prepared p = ImagePrep.prepare(f, "image/jpeg");
        assertThat(p.reencoded()).isFalse();
        assertThat(p.bytes()).isEqualTo(b);
    }

    @Test
    void exifReaderNeverThrowsOnGarbage() {
        Random r = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[r.nextInt(200)];
            r.nextBytes(b);
            if (b.length > 3 && r.nextBoolean()) {
                b[0] = (byte) 0xFF; b[1] = (byte) 0xD8; b[2] = (byte) 0xFF; b[3] = (byte) 0xE1;
            }
            int o = ImagePrep.Exif.orientation(b);
            assertThat(o).isBetween(1, 8);
        }
    }
}
