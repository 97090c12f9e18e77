package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.tools.BenchFixtures;
import cn.huikuan.pdf.CourtImages;
import cn.huikuan.pdf.EvidenceBundle;
import cn.huikuan.persistence.Restore;
import cn.huikuan.storage.Sha256;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import cn.huikuan.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.huikuan.pdf.ImagePrepTest.colour;
import static org.assertj.core.api.Assertions.assertThat;
import java.awt.Color;
import java.awt.Graphics2D;
import java.util.Arrays;

/**
 * Issue 4: a photo is made ready for the court when it is imported and the bundle embeds that kept image
 * instead of decoding the 12 MP original again; a kept image that no longer matches its recorded SHA-256 is
 * never used; erasing the debtor's data deletes the kept images too.
 */
class CourtImagesTest {
    @TempDir
    Path dir;

    long receivable(Books books) {
        Customer c = books.customers().save(books.customers().newCustomer(PartyKind.PERSON, "拍照客户"));
        Receivable r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "货款", LocalDate.of(2026, 1, 10), Money.of("5000"));
        r.dueOn(LocalDate.of(2026, 3, 10));
        return books.receivables().save(r, false).getId();
    }

    EvidenceItem attachPhoto(Books books, long id, Path photo) {
        return books.evidence().attach(id, photo, new EvidenceService.Details(EvidenceType.DELIVERY_NOTE, "送货照片", LocalDate.of(2026, 2, 1),
                "手机拍摄", "货物已送达", true));
    }

    /** The raw (still JPEG-encoded) bytes of every image on the bundle's pages. */
    static List<byte[]> embeddedJpegs(Path pdf) throws Exception {
        List<byte[]> out = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : d.getPages()) {
                for (COSName n : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(n) instanceof PDImageXObject img) {
                        try (InputStream in = img.getCOSObject().createRawInputStream()) {
                            out.add(in.readAllBytes());
                        }
                    }
                }
            }
        }
        return out;
    }

    static byte[] redJpeg(int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        var g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, w, h);
        g.dispose();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", b);
        return b.toByteArray();
    }

    @Test
    void theBundleEmbedsTheImageMadeAtImportAndNeverOneThatWasChanged() throws Exception {
        Path photo = dir.resolve("photo.jpg");
        BenchFixtures.photo(photo, 7, true); // 4000 × 3000, held sideways (EXIF 6)
        Path books = dir.resolve("books");
        try (Books b = Books.open(books, TestClock.fixed())) {
            long id = receivable(b);
            EvidenceItem item = attachPhoto(b, id, photo);
            CourtImages.Image kept = b.courtImages().find(item.getSha256());
            assertThat(kept).as("made when the photo was imported").isNotNull();
            assertThat(kept.width()).isLessThan(kept.height()).as("turned upright: portrait");
            assertThat(Math.max(kept.width(), kept.height())).isLessThanOrEqualTo(1540);
            Path keptFile = b.courtImages().pathOf(item.getSha256());
            assertThat(keptFile).exists().startsWith(books.resolve("derived"));

            Path bundle = dir.resolve("bundle.pdf");
            b.exports().writeBundle(b.exports().caseFile(id, null), bundle, EvidenceBundle.Progress.NONE);
            assertThat(embeddedJpegs(bundle)).anySatisfy(j -> assertThat(j).isEqualTo(kept.jpeg()));

            // a kept image replaced behind the app's back (a doctored picture) is not used: made again from the original
            byte[] doctored = redJpeg(kept.width(), kept.height());
            Files.write(keptFile, doctored);
            assertThat(b.courtImages().find(item.getSha256())).isNull();
            Path second = dir.resolve("bundle2.pdf");
            b.exports().writeBundle(b.exports().caseFile(id, null), second, EvidenceBundle.Progress.NONE);
            List<byte[]> images = embeddedJpegs(second);
            assertThat(images).noneSatisfy(j -> assertThat(j).isEqualTo(doctored));
            assertThat(images).anySatisfy(j -> assertThat(j).isEqualTo(kept.jpeg()));
            assertThat(Files.readAllBytes(keptFile)).as("and kept again").isEqualTo(kept.jpeg());

            // what the bundle embeds is what the store holds: a kept image the app recorded is the one used
            b.courtImages().keep(item.getSha256(), new CourtImages.Image(doctored, kept.width(), kept.height()));
            Path third = dir.resolve("bundle3.pdf");
            b.exports().writeBundle(b.exports().caseFile(id, null), third, EvidenceBundle.Progress.NONE);
            assertThat(embeddedJpegs(third)).anySatisfy(j -> assertThat(j).isEqualTo(doctored));

            long customer = b.customers().page(ListQuery.first(5)).rows().get(0).id();
            b.privacy().erase(customer, "本人要求删除");
            assertThat(keptFile).as("erased with the debtor's data").doesNotExist();
            assertThat(b.courtImages().find(item.getSha256())).isNull();
        }
    }

    @Test
    void aPhotoThatIsAlreadySmallIsNotCopiedAndADamagedOneDoesNotFailTheImport() throws Exception {
        Path small = dir.resolve("small.jpg");
        Files.write(small, redJpeg(800, 600));
        Path damaged = dir.resolve("damaged.jpg");
        byte[] head = Files.readAllBytes(small);
        Files.write(damaged, Arrays.copyOf(head, head.length / 3));
        try (Books b = Books.open(dir.resolve("books"), TestClock.fixed())) {
            long id = receivable(b);
            EvidenceItem s = attachPhoto(b, id, small);
            assertThat(b.courtImages().find(s.getSha256())).as("goes into bundles byte for byte").isNull();
            EvidenceItem d = b.evidence().attach(id, damaged, new EvidenceService.Details(EvidenceType.CHAT_RECORD, "截图", LocalDate.of(2026, 2, 2),
                    "微信", "催款记录", false));
            assertThat(d.getId()).isPositive();
            assertThat(b.courtImages().find(d.getSha256())).isNull();
        }
    }

    @Test
    void missingCourtImagesAreMadeInTheBackgroundAndOnlyOnce() throws Exception {
        Path photo = dir.resolve("photo.jpg");
        BenchFixtures.photo(photo, 11, false);
        Path small = dir.resolve("small.jpg");
        Files.write(small, redJpeg(640, 480));
        try (Books b = Books.open(dir.resolve("books"), TestClock.fixed())) {
            long id = receivable(b);
            EvidenceItem big = attachPhoto(b, id, photo);
            attachPhoto(b, id, small);
            // as in books from before V8, or restored from a backup: no court images at all
            b.db().inTransactionDo(s -> s.createNativeMutationQuery("DELETE FROM court_image").executeUpdate());
            assertThat(b.courtImages().find(big.getSha256())).isNull();
            assertThat(b.courtImages().prepareMissing(() -> true)).as("stops when told").isZero();
            assertThat(b.courtImages().prepareMissing(() -> false)).isEqualTo(2);
            assertThat(b.courtImages().find(big.getSha256())).isNotNull();
            assertThat(b.courtImages().prepareMissing(() -> false)).as("the small one is remembered as needing none").isZero();
        }
    }

    /**
     * A phone-sized photo (4000 × 3000) whose parts show which way it came out: left half red, right half blue, a
     * green square in the top-left corner. Stored as phones store a photo taken sideways when {@code orientation} is 6.
     */
    static byte[] markedPhoto(int orientation) throws Exception {
        BufferedImage img = new BufferedImage(4000, 3000, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 2000, 3000);
        g.setColor(Color.BLUE);
        g.fillRect(2000, 0, 2000, 3000);
        g.setColor(Color.GREEN);
        g.fillRect(0, 0, 600, 600);
        g.dispose();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(img, "jpeg", b);
        return orientation == 1 ? b.toByteArray() : BenchFixtures.withOrientation(b.toByteArray(), orientation);
    }

    /** The pictures on the bundle's pages, decoded, in page order. */
    static List<BufferedImage> pagePictures(Path pdf) throws Exception {
        List<BufferedImage> out = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            for (PDPage page : d.getPages()) {
                for (COSName n : page.getResources().getXObjectNames()) {
                    if (page.getResources().getXObject(n) instanceof PDImageXObject img) out.add(img.getImage());
                }
            }
        }
        return out;
    }

    /**
     * Issue 25: a bundle made while the court images are missing (books restored on another computer: the rows came
     * back, the derived files did not) decodes the photos itself. Its pages hold pictures of the same pixel size as a
     * bundle of prepared photos, turned upright by EXIF, and what it prepared is kept for the next bundle; the stored
     * original is not touched.
     */
    @Test
    void aBundleWithoutCourtImagesHasTheSamePicturesUprightAndKeepsThemForTheNextOne() throws Exception {
        Path upright = dir.resolve("upright.jpg"), sideways = dir.resolve("sideways.jpg");
        Files.write(upright, markedPhoto(1));
        Files.write(sideways, markedPhoto(6));
        Path books = dir.resolve("books");
        try (Books b = Books.open(books, TestClock.fixed())) {
            long id = receivable(b);
            EvidenceItem u = attachPhoto(b, id, upright);
            EvidenceItem s = attachPhoto(b, id, sideways);
            Path prepared = dir.resolve("prepared.pdf");
            b.exports().writeBundle(b.exports().caseFile(id, null), prepared, EvidenceBundle.Progress.NONE);

            Cli.deleteTree(books.resolve("derived"));
            assertThat(b.courtImages().find(u.getSha256())).isNull();
            assertThat(b.courtImages().find(s.getSha256())).isNull();
            Path unprepared = dir.resolve("unprepared.pdf");
            b.exports().writeBundle(b.exports().caseFile(id, null), unprepared, EvidenceBundle.Progress.NONE);

            List<BufferedImage> before = pagePictures(prepared), after = pagePictures(unprepared);
            assertThat(after).hasSameSizeAs(before).hasSize(2);
            for (int i = 0; i < 2; i++) {
                BufferedImage p = before.get(i), q = after.get(i);
                assertThat(new int[]{q.getWidth(), q.getHeight()}).as("picture %d", i).containsExactly(p.getWidth(), p.getHeight());
                // the A4 box at 150 dpi: 1540 × 1060 at most, and not a thumbnail
                assertThat(Math.max(q.getWidth(), q.getHeight())).isBetween(1300, 1540);
            }
            BufferedImage landscape = after.stream().filter(i -> i.getWidth() > i.getHeight()).findFirst().orElseThrow();
            assertThat(colour(landscape, 40, 40)).isEqualTo("green");
            assertThat(colour(landscape, landscape.getWidth() / 4, landscape.getHeight() - 40)).isEqualTo("red");
            assertThat(colour(landscape, 3 * landscape.getWidth() / 4, landscape.getHeight() - 40)).isEqualTo("blue");
            // EXIF 6: turned 90° clockwise, so the stored left edge is on top and the green corner top right
            BufferedImage portrait = after.stream().filter(i -> i.getHeight() > i.getWidth()).findFirst().orElseThrow();
            int w = portrait.getWidth(), h = portrait.getHeight();
            assertThat(colour(portrait, w - 40, 40)).isEqualTo("green");
            assertThat(colour(portrait, 40, 40)).isEqualTo("red");
            assertThat(colour(portrait, 40, h / 4 + 200)).isEqualTo("red");
            assertThat(colour(portrait, w / 2, 3 * h / 4)).isEqualTo("blue");

            assertThat(b.courtImages().find(s.getSha256())).as("kept by that bundle: the next one is fast").isNotNull();
            assertThat(b.courtImages().find(u.getSha256())).isNotNull();
            Path stored = b.evidence().file(s);
            assertThat(Sha256.ofFile(stored)).isEqualTo(s.getSha256());
            assertThat(Files.readAllBytes(stored)).isEqualTo(Files.readAllBytes(sideways));
        }
    }

    /**
     * Issue 25: a backup holds the court_image rows but not the derived files, so books restored into another folder
     * had rows for images that were not there. The background preparation looked only for missing rows and so made
     * none of them: the first bundle decoded every photo.
     */
    @Test
    void booksRestoredIntoAnotherFolderGetTheirCourtImagesBackInTheBackground() throws Exception {
        Path photo = dir.resolve("photo.jpg");
        Files.write(photo, markedPhoto(6));
        Path zip;
        String sha;
        try (Books b = Books.open(dir.resolve("old-pc"), TestClock.fixed())) {
            EvidenceItem item = attachPhoto(b, receivable(b), photo);
            sha = item.getSha256();
            assertThat(b.courtImages().find(sha)).isNotNull();
            zip = b.backups().backupNow("manual");
        }
        Path fresh = dir.resolve("new-pc");   // the evidence comes from the pool beside the zip (backups/evidence)
        Restore.restore(fresh, zip);
        try (Books b = Books.open(fresh, TestClock.fixed())) {
            assertThat(b.courtImages().find(sha)).as("the file did not come back").isNull();
            assertThat(b.courtImages().prepareMissing(() -> false)).isEqualTo(1);
            CourtImages.Image made = b.courtImages().find(sha);
            assertThat(made).isNotNull();
            assertThat(made.height()).isGreaterThan(made.width());
            assertThat(b.courtImages().prepareMissing(() -> false)).as("and only once").isZero();
        }
    }
}
