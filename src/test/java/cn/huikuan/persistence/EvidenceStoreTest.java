package cn.huikuan.persistence;

import cn.huikuan.storage.EvidenceImportException;
import cn.huikuan.TestClock;
import cn.huikuan.domain.StoredFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import cn.huikuan.storage.FileIntegrity;
import java.nio.file.attribute.PosixFilePermission;

class EvidenceStoreTest {
    @TempDir
    Path dir;
    Path storeRoot;
    EvidenceStore store;

    @BeforeEach
    void setUp() {
        storeRoot = dir.resolve("store");
        store = new EvidenceStore(storeRoot, 1024, TestClock.fixed());
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void storesACopyUnderItsSha256AndLeavesTheOriginal() throws Exception {
        Path f = file("送货单.txt", "abc");
        StoredFile s = store.put(f);
        // SHA-256("abc") from FIPS 180-2, appendix B.1
        assertThat(s.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(s.sizeBytes()).isEqualTo(3);
        assertThat(s.originalFileName()).isEqualTo("送货单.txt");
        assertThat(s.importedAt()).isEqualTo(TestClock.fixed().instant());
        Path stored = store.pathOf(s.sha256());
        assertThat(stored).hasContent("abc").startsWith(storeRoot.resolve("ba"));
        if (Files.getFileStore(stored).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(stored)).as("stored copies are read-only")
                    .doesNotContain(PosixFilePermission.OWNER_WRITE);
        }
        assertThat(f).exists();
        assertThat(store.verify(s.sha256(), 3)).isEqualTo(FileIntegrity.OK);
        try (var tmp = Files.list(storeRoot.resolve("tmp"))) {
            assertThat(tmp).as("no half-written files left behind").isEmpty();
        }
    }

    @Test
    void sameContentUnderAnotherNameIsStoredOnce() throws Exception {
        StoredFile a = store.put(file("a.jpg", "same bytes"));
        StoredFile b = store.put(file("b.jpg", "same bytes"));
        assertThat(b.sha256()).isEqualTo(a.sha256());
        try (var files = Files.list(storeRoot.resolve(a.sha256().substring(0, 2)))) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void alteredAndMissingFilesAreReported() throws Exception {
        StoredFile s = store.put(file("a.txt", "original"));
        Path stored = store.pathOf(s.sha256());
        stored.toFile().setWritable(true);
        Files.writeString(stored, "originaX");
        assertThat(store.verify(s.sha256(), s.sizeBytes())).isEqualTo(FileIntegrity.ALTERED);
        Files.writeString(stored, "original but longer");
        assertThat(store.verify(s.sha256(), s.sizeBytes())).isEqualTo(FileIntegrity.ALTERED);
        Files.delete(stored);
        assertThat(store.verify(s.sha256(), s.sizeBytes())).isEqualTo(FileIntegrity.MISSING);
    }

    @Test
    void reimportingTheOriginalRepairsADamagedCopy() throws Exception {
        Path f = file("a.txt", "original");
        StoredFile s = store.put(f);
        Path stored = store.pathOf(s.sha256());
        stored.toFile().setWritable(true);
        Files.writeString(stored, "damaged!");
        store.put(f);
        assertThat(store.verify(s.sha256(), s.sizeBytes())).isEqualTo(FileIntegrity.OK);
    }

    @Test
    void refusesEmptyMissingLargeLinkedAndDirectoryInputs() throws Exception {
        assertReason(Files.createFile(dir.resolve("empty.pdf")), EvidenceImportException.Reason.EMPTY);
        assertReason(dir.resolve("nope.pdf"), EvidenceImportException.Reason.NOT_FOUND);
        assertReason(file("big.bin", "x".repeat(1025)), EvidenceImportException.Reason.TOO_LARGE);
        Path target = file("real.txt", "real");
        assertReason(Files.createSymbolicLink(dir.resolve("link.txt"), target), EvidenceImportException.Reason.LINK);
        assertReason(Files.createDirectory(dir.resolve("folder")), EvidenceImportException.Reason.NOT_A_FILE);
        assertThat(Files.exists(storeRoot.resolve("tmp")) ? Files.list(storeRoot.resolve("tmp")).count() : 0).isZero();
    }

    @Test
    void typeIsSniffedFromContentNotTheName() throws Exception {
        Path fakePdf = Files.write(dir.resolve("photo.pdf"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        assertThat(store.put(fakePdf).mediaType()).isEqualTo("image/png");
        Path realPdf = file("x.bin", "%PDF-1.7 ...");
        assertThat(store.put(realPdf).mediaType()).isEqualTo("application/pdf");
    }

    @Test
    void copiesCutOffByACrashAreRemoved() throws Exception {
        Files.createDirectories(storeRoot.resolve("tmp"));
        Files.writeString(storeRoot.resolve("tmp/abc.part"), "half");
        assertThat(store.removeLeftovers()).isEqualTo(1);
        assertThat(storeRoot.resolve("tmp/abc.part")).doesNotExist();
    }

    @Test
    void storedNameKeepsNoPathOrControlCharacters() {
        assertThat(EvidenceStore.safeFileName(Path.of("a\u0007b.txt"))).isEqualTo("a_b.txt");
    }

    private void assertReason(Path p, EvidenceImportException.Reason reason) {
        assertThatThrownBy(() -> store.put(p)).isInstanceOfSatisfying(EvidenceImportException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
