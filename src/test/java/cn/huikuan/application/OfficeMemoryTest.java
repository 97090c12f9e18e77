package cn.huikuan.application;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The office book remembered for the next start (issue 22): its place, never a password; a damaged file is ignored. */
class OfficeMemoryTest {
    @TempDir
    Path folder;

    @Test
    void theOfficeBookIsRememberedWithoutAPasswordForgottenAndADamagedFileIsIgnored() throws Exception {
        assertThat(BookFolders.rememberedOffice(folder)).isEmpty();
        var place = new BookFolders.OfficePlace("jdbc:postgresql://192.168.1.5/huikuan_office", "zhao", "book_3", "王氏建材", "en");
        BookFolders.rememberOffice(folder, place);
        assertThat(BookFolders.rememberedOffice(folder)).contains(place);
        Path file = folder.resolve(BookFolders.OFFICE_FILE);
        java.util.Properties stored = new java.util.Properties();
        try (var in = Files.newBufferedReader(file)) {
            stored.load(in);
        }
        assertThat(stored.stringPropertyNames()).containsExactlyInAnyOrder("url", "login", "book", "name", "language");
        assertThat(BookFolders.holdsBooks(folder)).as("no books of this computer are made by it").isFalse();
        BookFolders.forgetOffice(folder);
        assertThat(BookFolders.rememberedOffice(folder)).isEmpty();
        Files.writeString(file, "url=jdbc:postgresql://host/db\n");   // no login, no book: as if cut short
        assertThat(BookFolders.rememberedOffice(folder)).isEmpty();
    }
}
