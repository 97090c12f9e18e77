package cn.huikuan.persistence;

import cn.huikuan.storage.EvidenceImportException;
import cn.huikuan.TestClock;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.StoredFile;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.util.Comparator;

/** Generated hostile files and amounts: each is stored safely or refused with a reason, never a crash. */
class HostileInputFuzzTest {
    static Path dir;
    static EvidenceStore store;

    @BeforeContainer
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("hostile");
        store = new EvidenceStore(dir.resolve("store"), 4096, TestClock.fixed());
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                p.toFile().setWritable(true);
                p.toFile().delete();
            });
        }
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.of("..", "...", "..pdf", "con.pdf", ".hidden", "a\u202Egnp.exe", "借条😀.jpg", "\u0007bell.txt", "tab\tname.png",
                        "x".repeat(250) + ".pdf", "new\nline.pdf", "<script>.html", "'; DROP TABLE evidence; --.pdf", "%00.pdf"),
                Arbitraries.strings().withCharRange('\u0001', '\uFFFD').ofMinLength(1).ofMaxLength(60)
                        .filter(s -> !s.contains("/") && !s.equals(".") && !s.equals("..") && s.getBytes(StandardCharsets.UTF_8).length < 250)
                        .filter(s -> s.chars().noneMatch(c -> Character.isSurrogate((char) c))));
    }

    @Provide
    Arbitrary<byte[]> contents() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMaxSize(5000),
                Arbitraries.of(new byte[0], "%PDF-1.4\n/JS (app.alert(1))".getBytes(), new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
    }

    @Property(tries = 1000)
    void everyFileIsStoredInsideTheStoreOrRefusedWithAReason(@ForAll("names") String name, @ForAll("contents") byte[] content) throws IOException {
        Path src;
        try {
            src = Files.write(dir.resolve("in").resolve(name), content);
        } catch (IOException | InvalidPathException e) {
            Files.createDirectories(dir.resolve("in"));
            try {
                src = Files.write(dir.resolve("in").resolve(name), content);
            } catch (IOException | InvalidPathException again) {
                return; // a name the file system itself refuses never reaches the app
            }
        }
        try {
            StoredFile s = store.put(src);
            Path stored = store.pathOf(s.sha256());
            assertThat(stored.normalize()).startsWith(dir.resolve("store"));
            assertThat(Files.readAllBytes(stored)).isEqualTo(content);
            assertThat(s.originalFileName()).doesNotContain("/").doesNotContain("\\").doesNotContainPattern("\\p{Cntrl}");
            assertThat(s.sizeBytes()).isEqualTo(content.length).isPositive();
        } catch (EvidenceImportException e) {
            assertThat(e.reason()).isIn(EvidenceImportException.Reason.EMPTY, EvidenceImportException.Reason.TOO_LARGE);
            assertThat(content.length == 0 || content.length > 4096).isTrue();
        } finally {
            Files.deleteIfExists(src);
        }
    }

    @Property(tries = 2000)
    void anyTypedAmountIsParsedOrRefusedWithAKey(@ForAll String typed) {
        Money.Parsed p = Money.parsePositive("amount", typed);
        if (p.ok()) {
            assertThat(p.value().signum()).isPositive();
            assertThat(p.value().scale()).isEqualTo(2);
        } else {
            assertThat(p.error().messageKey()).startsWith("validation.");
        }
    }
}
