package cn.huikuan.application;

import cn.huikuan.invoices.Invoice;
import cn.huikuan.tools.InvoiceSamples;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.filespec.PdfFileSpec;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static cn.huikuan.application.InvoiceImportService.Action.NEW_RECEIVABLE;
import static cn.huikuan.application.InvoiceImportService.Action.UNREADABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 23: a 数电票 PDF that carries its invoice XML as an embedded file is read by the XML's structure, preferred over
 * the PDF's printed text; an attached XML that is hostile (a DOCTYPE, a deflated stream that unpacks beyond SafeXml's
 * 8 MB) makes the file unreadable: the import is refused and nothing is written. The PDFs are written by the test (iText).
 */
class PdfAttachedInvoiceTest extends InvoiceBooksTestBase {
    static final String OURS = InvoiceImportTest.OURS;
    static final String OUR_NAME = InvoiceImportTest.OUR_NAME;

    /** {@code pdf} with {@code file} embedded as the attachment {@code name} (iText deflates the stream). */
    static byte[] attach(byte[] pdf, String name, byte[] file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PdfDocument doc = new PdfDocument(new PdfReader(new ByteArrayInputStream(pdf)), new PdfWriter(out))) {
            PdfFileSpec fs = PdfFileSpec.createEmbeddedFileSpec(doc, file, "数电票 XML", name, new PdfName("application/xml"), null, PdfName.Data);
            doc.addFileAttachment(name, fs);
        }
        return out.toByteArray();
    }

    Path write(String name, byte[] b) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, b);
        return f;
    }

    long storedFiles() throws IOException {
        Path ev = books.folder().resolve("evidence");
        if (!Files.exists(ev)) return 0;
        try (Stream<Path> s = Files.walk(ev)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void theAttachedXmlIsReadByItsStructureInsteadOfThePrintedText() throws Exception {
        InvoiceSamples.Spec a = InvoiceSamples.sale("24112000000000000031", InvoiceImportTest.MARCH, OUR_NAME, OURS, "厦门某某工程有限公司",
                InvoiceImportTest.BUYER);
        // the printed text says another buyer: the XML, which the tax platform signs the data of, is what is read
        InvoiceSamples.Spec printed = InvoiceSamples.sale(a.number(), a.issued(), OUR_NAME, OURS, "印错的名称有限公司", InvoiceImportTest.BUYER);
        Path f = write("发票.pdf", attach(InvoiceSamples.pdf(printed), "24112000000000000031.xml", InvoiceSamples.xmlBytes(a)));
        InvoiceImportService.Plan plan = books.invoices().dryRun(List.of(f));
        assertThat(plan.lines()).singleElement().satisfies(l -> {
            assertThat(l.action()).isEqualTo(NEW_RECEIVABLE);
            Invoice i = l.invoice();
            assertThat(i.readBy()).contains("PDF 内附 XML", "the PDF's attached XML");
            assertThat(i.format()).isEqualTo(Invoice.Format.PDF);
            assertThat(i.buyer().name()).isEqualTo("厦门某某工程有限公司");
            assertThat(i.buyer().id()).isEqualTo(InvoiceImportTest.BUYER);
            assertThat(i.gross()).isEqualByComparingTo("113000.00");
            assertThat(i.net()).isEqualByComparingTo("100000.00");
            assertThat(i.items()).singleElement().satisfies(it -> assertThat(it.amount()).as("the XML has item amounts; the text has none")
                    .isEqualByComparingTo("100000.00"));
        });
        books.invoices().importFiles(List.of(f));
        assertThat(books.receivables().page(ListQuery.first(5)).total()).isEqualTo(1);
        assertThat(storedFiles()).as("the PDF itself is the evidence").isEqualTo(1);

        // a PDF whose attachment is some other XML is read by its text, as before
        InvoiceSamples.Spec b = InvoiceSamples.sale("24112000000000000032", InvoiceImportTest.MARCH, OUR_NAME, OURS, "厦门某某工程有限公司",
                InvoiceImportTest.BUYER);
        Path other = write("b.pdf", attach(InvoiceSamples.pdf(b), "metadata.xml", "<?xml version=\"1.0\"?><Other><x>1</x></Other>".getBytes(StandardCharsets.UTF_8)));
        assertThat(books.invoices().dryRun(List.of(other)).lines()).singleElement()
                .satisfies(l -> assertThat(l.invoice().readBy()).contains("PDF 文字"));
    }

    @Test
    void aHostileAttachedXmlIsRefusedAndNothingIsWritten() throws Exception {
        InvoiceSamples.Spec a = InvoiceSamples.sale("24112000000000000041", InvoiceImportTest.MARCH, OUR_NAME, OURS, "厦门某某工程有限公司",
                InvoiceImportTest.BUYER);
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE EInvoice [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
                + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><EInvoice>&c;</EInvoice>";
        Path xxe = write("xxe.pdf", attach(InvoiceSamples.pdf(a), "invoice.xml", laughs.getBytes(StandardCharsets.UTF_8)));
        // 9 MB of XML deflated to some kilobytes: over SafeXml's 8 MB once unpacked
        StringBuilder big = new StringBuilder(InvoiceSamples.xml(a));
        big.append("<!--").append(" ".repeat(9 << 20)).append("-->");
        byte[] bomb = attach(InvoiceSamples.pdf(a), "invoice.xml", big.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(bomb.length).as("deflated in the PDF").isLessThan(1 << 20);
        Path bombed = write("bomb.pdf", bomb);

        InvoiceImportService.Plan plan = books.invoices().dryRun(List.of(xxe, bombed));
        assertThat(plan.lines()).extracting(InvoiceImportService.Line::action).containsExactly(UNREADABLE, UNREADABLE);
        assertThat(plan.lines().get(0).reason()).contains("DOCTYPE", "refused for safety");
        assertThat(plan.lines().get(1).reason()).contains("超过 8 MB", "larger than 8 MB", "refused for safety");
        for (Path f : List.of(xxe, bombed)) {
            assertThatThrownBy(() -> books.invoices().importFiles(List.of(f))).isInstanceOf(InvoiceImportService.Refused.class)
                    .hasMessageContaining("nothing imported");
        }
        assertThat(books.receivables().page(ListQuery.first(5)).total()).isZero();
        assertThat(storedFiles()).as("no evidence file copied").isZero();
    }
}
