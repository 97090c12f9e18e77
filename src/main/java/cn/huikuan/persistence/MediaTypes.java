package cn.huikuan.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Tells a file's type from its first bytes, falling back to its extension; the extension alone is not trusted. */
final class MediaTypes {
    private MediaTypes() {
    }

    static String sniff(Path stored, String fileName) {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(stored)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            return "application/octet-stream";
        }
        if (starts(head, n, 0x25, 0x50, 0x44, 0x46)) return "application/pdf";
        if (starts(head, n, 0xFF, 0xD8, 0xFF)) return "image/jpeg";
        if (starts(head, n, 0x89, 0x50, 0x4E, 0x47)) return "image/png";
        if (starts(head, n, 0x47, 0x49, 0x46, 0x38)) return "image/gif";
        if (n >= 12 && starts(head, n, 0x52, 0x49, 0x46, 0x46) && head[8] == 'W' && head[9] == 'E' && head[10] == 'B') return "image/webp";
        if (n >= 12 && starts(head, n, 0x52, 0x49, 0x46, 0x46) && head[8] == 'W' && head[9] == 'A' && head[10] == 'V') return "audio/wav";
        if (starts(head, n, 0x49, 0x44, 0x33) || starts(head, n, 0xFF, 0xFB)) return "audio/mpeg";
        if (n >= 8 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p') {
            return lower(fileName).endsWith(".m4a") ? "audio/mp4" : "video/mp4";
        }
        if (starts(head, n, 0x23, 0x21, 0x41, 0x4D, 0x52)) return "audio/amr";
        if (starts(head, n, 0x50, 0x4B, 0x03, 0x04)) {
            String f = lower(fileName);
            if (f.endsWith(".docx")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (f.endsWith(".xlsx")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            if (f.endsWith(".ofd")) return "application/ofd";   // GB/T 33190, an electronic invoice's format (issue 23)
            return "application/zip";
        }
        if (starts(head, n, 0xD0, 0xCF, 0x11, 0xE0)) return "application/msword";
        String f = lower(fileName);
        if (f.endsWith(".xml") && n > 0 && (head[0] == '<' || (head[0] & 0xFF) == 0xEF)) return "application/xml";
        if (f.endsWith(".txt") || f.endsWith(".csv") || f.endsWith(".html") || f.endsWith(".htm") || f.endsWith(".json")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static boolean starts(byte[] head, int n, int... magic) {
        if (n < magic.length) return false;
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) return false;
        }
        return true;
    }
}
