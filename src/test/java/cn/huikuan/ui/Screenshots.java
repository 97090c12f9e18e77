package cn.huikuan.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.TimeoutException;

/**
 * Writes PNG snapshots of scenes to {@code target/screenshots} so that a person can look at what the
 * tests clicked through (the current ones are copied to {@code docs/screenshots}).
 */
final class Screenshots {
    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    static void take(Scene scene, String name) {
        AtomicReference<WritableImage> ref = new AtomicReference<>();
        WaitForAsyncUtils.waitForFxEvents();
        try {
            FxToolkit.setupFixture(() -> ref.set(scene.snapshot(null)));
        } catch (TimeoutException e) {
            throw new IllegalStateException(e);
        }
        write(ref.get(), name);
    }

    static void take(Node node, String name) {
        take(node.getScene(), name);
    }

    private static void write(WritableImage img, String name) {
        int w = (int) img.getWidth();
        int h = (int) img.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader r = img.getPixelReader();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) out.setRGB(x, y, r.getArgb(x, y));
        }
        try {
            Files.createDirectories(DIR);
            ImageIO.write(out, "png", DIR.resolve(name + ".png").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
