package cn.huikuan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Hostile files built the way an attacker would, with the libraries' own APIs (issue 24). */
public final class HostileFiles {
    private HostileFiles() {
    }

    /** A trigger in Java source that writes {@code marker} when H2 compiles and runs it (on opening the database). */
    public static String trigger(Path marker) {
        return "CREATE TRIGGER PLANTED BEFORE INSERT ON CUSTOMER AS $$org.h2.api.Trigger create() {"
                + " try { java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker.toString().replace("\\", "\\\\") + "\"), \"ran\"); }"
                + " catch (Exception e) { }"
                + " return new org.h2.api.Trigger() { public void fire(java.sql.Connection c, Object[] o, Object[] n) { } }; } $$";
    }

    /**
     * The database of backup {@code goodZip} with {@code sql} run on it (opened by the test, as an attacker would), zipped
     * again as {@code target}; {@code marker} is deleted afterwards (creating a trigger runs its code once, here).
     */
    public static Path tampered(Path goodZip, Path work, Path target, Path marker, String... sql) throws Exception {
        Path db = Files.createTempDirectory(work, "tamper");
        try (ZipFile z = new ZipFile(goodZip.toFile()); var in = z.getInputStream(z.getEntry("huikuan.mv.db"))) {
            Files.copy(in, db.resolve("huikuan.mv.db"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + db.resolve("huikuan"), "huikuan", ""); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
        Files.deleteIfExists(marker);
        return zip(db.resolve("huikuan.mv.db"), target);
    }

    /** {@code file} as the only entry {@code huikuan.mv.db} of a new zip {@code zip}. */
    public static Path zip(Path file, Path zip) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("huikuan.mv.db"));
            Files.copy(file, out);
            out.closeEntry();
        }
        return zip;
    }
}
