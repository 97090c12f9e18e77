package cn.huikuan;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, written into {@code version.properties} by Maven resource filtering. */
public final class Version {
    private Version() {
    }

    public static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/cn/huikuan/version.properties")) {
            if (in != null) p.load(in);
        } catch (IOException ignored) {
            // fall through to "unknown"
        }
        String v = p.getProperty("version", "");
        return v.isEmpty() || v.startsWith("${") ? "unknown" : v;
    }
}
