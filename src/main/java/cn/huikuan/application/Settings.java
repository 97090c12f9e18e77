package cn.huikuan.application;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import cn.huikuan.law.ConductGuard;
import java.time.LocalTime;

/** User settings kept in the data folder ({@code settings.properties}), so they travel with the books. */
public final class Settings {
    private final Path file;
    private final Properties props = new Properties();

    public Settings(Path file) {
        this.file = file;
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                // unreadable settings fall back to defaults; the books themselves are not affected
                props.clear();
            }
        }
    }

    public String language() {
        return props.getProperty("language", "zh");
    }

    public void setLanguage(String lang) {
        props.setProperty("language", lang);
        save();
    }

    /** The book (creditor profile) open last, or 0 for the first one. */
    public long currentBook() {
        try {
            return Long.parseLong(props.getProperty("currentBook", "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public void setCurrentBook(long id) {
        props.setProperty("currentBook", Long.toString(id));
        save();
    }

    /** Largest evidence file accepted, in MiB (default 200). */
    public long maxAttachmentMiB() {
        try {
            long v = Long.parseLong(props.getProperty("evidenceMaxMiB", "200"));
            return v > 0 ? v : 200;
        } catch (NumberFormatException e) {
            return 200;
        }
    }

    public void setMaxAttachmentMiB(long mib) {
        props.setProperty("evidenceMaxMiB", Long.toString(mib));
        save();
    }

    /** The app's contact policy (not law): hours and contacts per seven days; defaults 08:00–21:00 and 3. */
    public ConductGuard.Policy contactPolicy() {
        ConductGuard.Policy d = ConductGuard.Policy.defaults();
        try {
            return new ConductGuard.Policy(
                    LocalTime.parse(props.getProperty("contactEarliest", d.earliest().toString())),
                    LocalTime.parse(props.getProperty("contactLatest", d.latest().toString())),
                    Integer.parseInt(props.getProperty("contactMaxPerSevenDays", Integer.toString(d.maxPerSevenDays()))));
        } catch (RuntimeException e) {
            return d; // a mistyped setting falls back to the defaults
        }
    }

    private void save() {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                props.store(w, "Huikuan settings");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot save settings to " + file + ": " + e.getMessage(), e);
        }
    }
}
