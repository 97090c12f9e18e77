package cn.huikuan.invoices;

import cn.huikuan.pdf.PdfText;
import cn.huikuan.tools.InvoiceSamples;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 23: the same invoice read from its XML, its OFD (three ways) and its PDF gives the same fields; hostile parts are refused. */
class InvoiceReaderTest {
    static final String OURS = "91110105MA01R8XK2W";
    static final InvoiceSamples.Spec SALE = InvoiceSamples.sale("24112000000000012345", LocalDate.of(2026, 3, 1),
            "北京某某钢材有限公司", OURS, "厦门某某工程有限公司", "91350200776049653A");

    static Invoice read(String name, byte[] content) {
        return InvoiceReader.read(name, content, PdfText::of);
    }

    static void assertSale(Invoice i) {
        assertThat(i.number()).isEqualTo("24112000000000012345");
        assertThat(i.issued()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(i.seller()).isEqualTo(new Invoice.Party("北京某某钢材有限公司", OURS));
        assertThat(i.buyer()).isEqualTo(new Invoice.Party("厦门某某工程有限公司", "91350200776049653A"));
        assertThat(i.gross()).isEqualTo(new BigDecimal("113000.00"));
        assertThat(i.gross().scale()).isEqualTo(2);
        assertThat(i.credit()).isFalse();
        assertThat(i.itemNames()).isEqualTo("螺纹钢");
    }

    @Test
    void theXmlIsReadByItsStructure() {
        Invoice i = read("a.xml", InvoiceSamples.xmlBytes(SALE));
        assertSale(i);
        assertThat(i.net()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(i.tax()).isEqualTo(new BigDecimal("13000.00"));
        assertThat(i.format()).isEqualTo(Invoice.Format.XML);
        assertThat(i.readBy()).contains("XML");
    }

    @Test
    void anOfdIsReadFromItsAttachedXmlItsTagsOrItsText() {
        Invoice attached = read("a.ofd", InvoiceSamples.ofd(SALE, InvoiceSamples.OfdStyle.ATTACHED_XML));
        assertSale(attached);
        assertThat(attached.readBy()).contains("attached XML");
        Invoice tags = read("a.ofd", InvoiceSamples.ofd(SALE, InvoiceSamples.OfdStyle.TAGS));
        assertSale(tags);
        assertThat(tags.readBy()).contains("CustomTags");
        Invoice text = read("a.ofd", InvoiceSamples.ofd(SALE, InvoiceSamples.OfdStyle.TEXT));
        assertSale(text);
        assertThat(text.readBy()).contains("text objects");
        assertThat(Ofd.read(InvoiceSamples.ofd(SALE, InvoiceSamples.OfdStyle.TEXT), "a.ofd").pages()).singleElement()
                .satisfies(p -> assertThat(p.width()).isEqualTo(210.0));
    }

    @Test
    void aPdfIsReadFromItsText() {
        Invoice i = read("a.pdf", InvoiceSamples.pdf(SALE));
        assertSale(i);
        assertThat(i.net()).isEqualTo(new BigDecimal("100000.00"));
        assertThat(i.format()).isEqualTo(Invoice.Format.PDF);
    }

    @Test
    void aCreditInvoiceNamesTheInvoiceItReverses() {
        InvoiceSamples.Spec red = SALE.credit("24112000000000099999", LocalDate.of(2026, 4, 1), new BigDecimal("20000.00"));
        for (Invoice i : new Invoice[]{read("r.xml", InvoiceSamples.xmlBytes(red)), read("r.pdf", InvoiceSamples.pdf(red)),
                read("r.ofd", InvoiceSamples.ofd(red, InvoiceSamples.OfdStyle.TEXT))}) {
            assertThat(i.credit()).as(i.readBy()).isTrue();
            assertThat(i.gross()).isEqualTo(new BigDecimal("-22600.00"));
            assertThat(i.creditOf()).isEqualTo("24112000000000012345");
        }
    }

    @Test
    void aDoctypeIsRefusedWhateverItDeclares() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE EInvoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><EInvoice>&x;</EInvoice>";
        assertThatThrownBy(() -> read("x.xml", xxe.getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvoiceUnreadable.class)
                .hasMessageContaining("DOCTYPE").hasMessageContaining("refused for safety");
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">");
        for (int k = 1; k < 10; k++) lol.append("<!ENTITY ").append((char) ('a' + k)).append(" \"").append(("&" + (char) ('a' + k - 1) + ";").repeat(10)).append("\">");
        lol.append("]><EInvoice>&j;</EInvoice>");
        assertThatThrownBy(() -> read("lol.xml", lol.toString().getBytes(StandardCharsets.UTF_8))).isInstanceOf(InvoiceUnreadable.class)
                .hasMessageContaining("DOCTYPE");
        // the same DOCTYPE inside an OFD's part is refused too
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("OFD.xml", xxe.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read("x.ofd", InvoiceSamples.zip(parts))).isInstanceOf(InvoiceUnreadable.class).hasMessageContaining("DOCTYPE");
    }

    @Test
    void brokenOfdPartsAreNamed() {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("OFD.xml", ("<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                + "</ofd:DocBody></ofd:OFD>").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read("b.ofd", InvoiceSamples.zip(parts))).isInstanceOf(InvoiceUnreadable.class)
                .hasMessageContaining("Doc_0/Document.xml").hasMessageContaining("broken OFD");
        parts.put("Doc_0/Document.xml", "<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"../../etc/x.xml\"/></ofd:Pages></ofd:Document>"
                .getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> read("b.ofd", InvoiceSamples.zip(parts))).isInstanceOf(InvoiceUnreadable.class).hasMessageContaining("broken OFD");
        assertThatThrownBy(() -> read("c.ofd", "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1))).isInstanceOf(InvoiceUnreadable.class);
        Map<String, byte[]> escape = new LinkedHashMap<>();
        escape.put("../OFD.xml", new byte[]{'<'});
        assertThatThrownBy(() -> read("e.ofd", InvoiceSamples.zip(escape))).isInstanceOf(InvoiceUnreadable.class).hasMessageContaining("outside");
    }

    @Test
    void aDamagedOrEncryptedPdfIsUnreadableWithASentence() throws Exception {
        assertThatThrownBy(() -> read("d.pdf", "%PDF-1.7\n garbage".getBytes(StandardCharsets.ISO_8859_1)))
                .isInstanceOf(PdfText.Unreadable.class).hasMessageContaining("the PDF is damaged");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var doc = new org.apache.pdfbox.pdmodel.PDDocument()) {   // a user password, as a protected invoice would have
            doc.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            var policy = new org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy("owner", "secret",
                    new org.apache.pdfbox.pdmodel.encryption.AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            doc.save(out);
        }
        assertThatThrownBy(() -> read("e.pdf", out.toByteArray())).isInstanceOf(PdfText.Unreadable.class).hasMessageContaining("encrypted");
        // a PDF without text (a scan) names that
        java.io.ByteArrayOutputStream blank = new java.io.ByteArrayOutputStream();
        try (var pdf = new com.itextpdf.kernel.pdf.PdfDocument(new com.itextpdf.kernel.pdf.PdfWriter(blank))) {
            pdf.addNewPage();
        }
        assertThatThrownBy(() -> read("s.pdf", blank.toByteArray())).isInstanceOf(InvoiceUnreadable.class).hasMessageContaining("a scan?");
    }

    @Test
    void notAnInvoiceIsSaidSo() {
        assertThatThrownBy(() -> read("n.xml", "<Other/>".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("is not a 数电票 XML");
        assertThatThrownBy(() -> read("n.txt", "hello".getBytes(StandardCharsets.UTF_8))).hasMessageContaining("not a 数电票 XML, OFD or PDF");
        String noTotal = InvoiceSamples.xml(SALE).replaceAll("<TotalTax-includedAmount>[^<]*</TotalTax-includedAmount>", "");
        assertThatThrownBy(() -> read("t.xml", noTotal.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("tax-included total");
        String longName = InvoiceSamples.xml(SALE).replace("<BuyerName>厦门某某工程有限公司", "<BuyerName>" + "某".repeat(201));
        assertThatThrownBy(() -> read("l.xml", longName.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("longer than 200");
        String badId = InvoiceSamples.xml(SALE).replace("<BuyerIdNum>91350200776049653A", "<BuyerIdNum>9135'; DROP TABLE x;--");
        assertThatThrownBy(() -> read("i.xml", badId.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("number is invalid");
        String badSum = InvoiceSamples.xml(SALE).replace("<TotalTaxAm>13000.00", "<TotalTaxAm>13000.01");
        assertThatThrownBy(() -> read("s.xml", badSum.getBytes(StandardCharsets.UTF_8))).hasMessageContaining("does not equal");
    }
}
