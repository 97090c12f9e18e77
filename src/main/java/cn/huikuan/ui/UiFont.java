package cn.huikuan.ui;

import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.text.Font;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/**
 * The font of every screen (issue 21). JavaFX takes only the first family a stylesheet names and falls back from its
 * "System" font to whatever the machine offers for Chinese; on a Debian or Ubuntu desktop that is Noto CJK, whose
 * OpenType/CFF faces JavaFX draws as empty boxes, so every Chinese character was a box. The app therefore decides:
 * Windows' own 微软雅黑 (Microsoft YaHei UI) and macOS's 苹方 (PingFang SC) where the system has them, else the TrueType
 * 文泉驿微米黑 (WenQuanYi Micro Hei) it ships, registered with JavaFX at the start; and it names that one family in a
 * stylesheet every window and dialog carries ({@link #stylesheet()}).
 */
public final class UiFont {
    /** The family of the shipped font (fonts/README.txt). */
    public static final String BUNDLED = "WenQuanYi Micro Hei";
    static final String BUNDLED_RESOURCE = "/cn/huikuan/fonts/wqy-microhei.ttc";

    private static volatile String family;
    private static volatile String css;

    private UiFont() {
    }

    /**
     * The family the screens use, decided once: {@code -Dhuikuan.uiFont=bundled} forces the shipped font (tests, a
     * machine whose own font misbehaves); a family name forces that one.
     */
    public static String family() {
        String f = family;
        if (f == null) {
            synchronized (UiFont.class) {
                if (family == null) family = choose();
                f = family;
            }
        }
        return f;
    }

    private static String choose() {
        String forced = System.getProperty("huikuan.uiFont", "");
        if (!forced.isBlank() && !forced.equals("bundled") && present(forced)) return forced;
        if (forced.isBlank()) {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            String system = os.contains("win") ? "Microsoft YaHei UI" : os.contains("mac") ? "PingFang SC" : null;
            if (system != null && present(system)) return system;
        }
        return loadBundled() ? BUNDLED : Font.getDefault().getFamily();
    }

    /** Whether JavaFX knows {@code name} as an installed family (asking for a missing one gives the default). */
    private static boolean present(String name) {
        return Font.font(name, 13).getFamily().equalsIgnoreCase(name);
    }

    /** Registers the shipped TrueType collection with JavaFX (about 5 MB, read once). */
    static boolean loadBundled() {
        try (InputStream in = UiFont.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) return false;
            Font[] fonts = Font.loadFonts(in, 13);
            return fonts != null && fonts.length > 0;
        } catch (IOException | RuntimeException e) {
            LoggerFactory.getLogger(UiFont.class).warn("Could not load the shipped Chinese font: {}", e.toString());
            return false;
        }
    }

    /** A stylesheet (a data URI) that names {@link #family()} for everything in a scene. */
    public static String stylesheet() {
        String c = css;
        if (c == null) {
            String f = family().replace("\"", "");
            // chart axes set their tick labels' font themselves (Axis.tickLabelFont), not by inheritance
            String rule = ".root { -fx-font-family: \"" + f + "\"; } .axis { -fx-tick-label-font-family: \"" + f + "\"; }";
            c = "data:text/css," + URLEncoder.encode(rule, StandardCharsets.UTF_8).replace("+", "%20");
            css = c;
        }
        return c;
    }

    /** Gives {@code scene} the screens' font (it survives a change of the scene's root). */
    public static void apply(Scene scene) {
        if (scene != null && !scene.getStylesheets().contains(stylesheet())) scene.getStylesheets().add(stylesheet());
    }

    /** Gives a dialog (which has a scene of its own) the screens' font. */
    public static void apply(Dialog<?> dialog) {
        if (!dialog.getDialogPane().getStylesheets().contains(stylesheet())) dialog.getDialogPane().getStylesheets().add(stylesheet());
    }
}
