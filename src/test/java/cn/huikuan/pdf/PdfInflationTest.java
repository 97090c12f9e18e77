package cn.huikuan.pdf;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A small PDF whose content inflates to a gigabyte is refused before its text is read, as invoice and as statement (issue 23). */
class PdfInflationTest {
    static byte[] gigabyte;

    @BeforeAll
    static void bomb() {
        gigabyte = HostilePdf.bomb(1L << 30, false);
    }

    @Test
    void aContentStreamThatInflatesToAGigabyteIsRefusedAsInvoiceAndAsStatement(@TempDir Path dir) throws Exception {
        assertThat(gigabyte.length).as("a gigabyte in about a megabyte").isLessThan(1_200_000);
        assertThatThrownBy(() -> PdfText.of(gigabyte)).isInstanceOf(PdfText.Unreadable.class)
                .hasMessageContaining("压缩炸弹").hasMessageContaining("over 32 MB").hasMessageContaining("refused");
        Path f = dir.resolve("bomb.pdf");
        Files.write(f, gigabyte);
        assertThatThrownBy(() -> PdfLines.of(f, 3_000)).isInstanceOf(PdfText.Unreadable.class)
                .hasMessageContaining("压缩炸弹").hasMessageContaining("over 64 MB");
    }

    @Test
    void aFontFileThatInflatesTooFarIsRefusedToo() {
        assertThatThrownBy(() -> PdfText.of(HostilePdf.bomb(100L << 20, true))).isInstanceOf(PdfText.Unreadable.class)
                .hasMessageContaining("compression bomb");
    }

    @Test
    void anOrdinaryPdfWithinTheLimitsIsRead() {
        assertThat(PdfText.of(HostilePdf.bomb(1L << 20, false))).contains("Statement");
    }

    @Test
    void aPdfWithOnlyAnOwnerPasswordIsCheckedAndRead(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream c = new PDPageContentStream(doc, page)) {
                c.beginText();
                c.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                c.newLineAtOffset(72, 700);
                c.showText("Owner password only");
                c.endText();
            }
            AccessPermission ap = new AccessPermission();
            ap.setCanModify(false);
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", ap);
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
        }
        Path f = dir.resolve("owner.pdf");
        Files.write(f, out.toByteArray());
        assertThat(PdfLines.of(f, 10).lines()).singleElement()
                .satisfies(l -> assertThat(l.words()).extracting(PdfLines.Word::text).containsExactly("Owner password only"));
    }
}
