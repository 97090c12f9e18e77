package cn.huikuan.pdf;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Photos made ready for the court (issue 4): turned upright, scaled into an A4 page at 150 dpi and stored as
 * JPEG. Preparing one means decoding a 12 MP photo (about 90 ms of CPU); the app does it once, when the photo
 * is imported, and keeps the result, so a bundle of 200 photos only reads the kept copies. The bundle asks
 * {@link #find} first and {@link #keep}s what it had to prepare itself.
 */
public interface CourtImages {
    /** Names how the images are made; a change of DPI, box or quality gets a new recipe and so new images. */
    String RECIPE = "a4-" + ImagePrep.DPI + "dpi-" + ImagePrep.BOX_SHORT + "x" + ImagePrep.BOX_LONG + "-q" + Math.round(ImagePrep.QUALITY * 100) + "-v1";

    /** A prepared image: JPEG bytes and its size in pixels. */
    record Image(byte[] jpeg, int width, int height) {
    }

    /** The kept image of the original with this SHA-256, or null; an implementation returns only an intact one. */
    Image find(String originalSha256);

    /** Keeps a prepared image; failures are the implementation's to log, never the bundle's to fail on. */
    void keep(String originalSha256, Image image);

    CourtImages NONE = new CourtImages() {
        @Override
        public Image find(String originalSha256) {
            return null;
        }

        @Override
        public void keep(String originalSha256, Image image) {
        }
    };

    /**
     * Prepares the court image of a stored original; null when the file goes into bundles unchanged (small
     * enough and upright) or cannot be read as an image (the bundle then shows a placeholder page).
     */
    static Image prepare(Path file, String mediaType) throws IOException {
        try {
            ImagePrep.Prepared p = ImagePrep.prepare(file, mediaType);
            return p.reencoded() ? new Image(p.bytes(), p.width(), p.height()) : null;
        } catch (ImagePrep.Unreadable e) {
            return null;
        }
    }
}
