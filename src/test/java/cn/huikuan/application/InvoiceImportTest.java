package cn.huikuan.application;

import cn.huikuan.domain.Customer;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.IdentityNumbers;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.tools.InvoiceSamples;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static cn.huikuan.application.InvoiceImportService.Action.CREDIT_NOTE;
import static cn.huikuan.application.InvoiceImportService.Action.DUPLICATE;
import static cn.huikuan.application.InvoiceImportService.Action.EXISTING_CUSTOMER;
import static cn.huikuan.application.InvoiceImportService.Action.NEW_RECEIVABLE;
import static cn.huikuan.application.InvoiceImportService.Action.NOT_OURS;
import static cn.huikuan.application.InvoiceImportService.Action.UNREADABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 23: invoices become receivables of the book whose business issued them, with the file as evidence; all or nothing. */
class InvoiceImportTest extends InvoiceBooksTestBase {
    static final String OURS = code("91110105MA01R8XK2");
    static final String OUR_NAME = "北京某某钢材有限公司";
    static final String BUYER = "91350200776049653A";
    static final String BUYER2 = code("91320100MA1N2P3Q4");
    static final LocalDate MARCH = LocalDate.of(2026, 3, 1);

    static String code(String base) {
        return base + IdentityNumbers.creditCodeCheckChar(base);
    }

    static InvoiceSamples.Spec sale(String number, String buyer, String buyerId) {
        return InvoiceSamples.sale(number, MARCH, OUR_NAME, OURS, buyer, buyerId);
    }

    Path zip(String name, Map<String, byte[]> files) throws IOException {
        Path z = dir.resolve(name);
        Files.write(z, InvoiceSamples.zip(files));
        return z;
    }

    long receivables() {
        return books.receivables().page(ListQuery.first(1)).total();
    }

    void intact() {
        assertThat(books.audit().verify().problems()).isEmpty();
        assertThat(books.receivables().keptTotalsDiffer()).isEmpty();
        assertThat(books.receivables().staleListFigures(10)).isEmpty();
    }

    @Test
    void ourInvoicesBecomeReceivablesWithTheirFilesAsEvidenceAndOthersAreListedOnly() throws Exception {
        Customer known = books.customers().newCustomer(PartyKind.ORGANISATION, "南京某某贸易有限公司");
        known.setRegistrationNumber(BUYER2);
        books.customers().save(known);
        InvoiceSamples.Spec a = sale("24112000000000000001", "厦门某某工程有限公司", BUYER);
        InvoiceSamples.Spec b = sale("24112000000000000002", "厦门某某工程有限公司", BUYER);
        InvoiceSamples.Spec c = sale("24112000000000000003", "南京某某贸易（集团）公司", BUYER2);   // another name, the known number
        InvoiceSamples.Spec other = InvoiceSamples.sale("24112000000000000004", MARCH, "别家公司", code("91110000MA0000000"), "某某", null);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.xml", InvoiceSamples.xmlBytes(a));
        files.put("a.pdf", InvoiceSamples.pdf(a));
        files.put("a.ofd", InvoiceSamples.ofd(a, InvoiceSamples.OfdStyle.TEXT));
        files.put("b.ofd", InvoiceSamples.ofd(b, InvoiceSamples.OfdStyle.ATTACHED_XML));
        files.put("c.pdf", InvoiceSamples.pdf(c));
        files.put("other.xml", InvoiceSamples.xmlBytes(other));
        files.put("说明.txt", "readme".getBytes(StandardCharsets.UTF_8));
        Path z = zip("发票.zip", files);

        InvoiceImportService.Plan dry = books.invoices().dryRun(List.of(z));
        assertThat(dry.lines()).extracting(InvoiceImportService.Line::action)
                .containsExactly(NEW_RECEIVABLE, DUPLICATE, DUPLICATE, NEW_RECEIVABLE, EXISTING_CUSTOMER, NOT_OURS);
        assertThat(dry.lines().get(0).file()).isEqualTo("发票.zip!a.xml");
        assertThat(dry.lines().get(0).reason()).contains("新客户「厦门某某工程有限公司」", "113000.00");
        assertThat(dry.lines().get(1).reason()).contains("kept as evidence too");
        assertThat(dry.lines().get(3).reason()).contains("customer new in this import");
        assertThat(dry.lines().get(4).reason()).contains("按证件号码");
        assertThat(dry.lines().get(5).reason()).contains("别家公司", "not imported");
        assertThat(dry.skipped()).isEqualTo(1);
        assertThat(receivables()).as("a dry run writes nothing").isZero();

        books.invoices().importFiles(List.of(z));
        assertThat(receivables()).isEqualTo(3);
        var rows = books.receivables().page(ListQuery.first(10)).rows();
        ReceivableRow ra = rows.stream().filter(r -> r.principal().compareTo(new BigDecimal("113000")) == 0 && r.customerName().startsWith("厦门"))
                .findFirst().orElseThrow();
        var r = books.receivables().get(ra.id());
        assertThat(r.getContractNumber()).isIn("24112000000000000001", "24112000000000000002");
        assertThat(r.getTitle()).isEqualTo("螺纹钢");
        assertThat(r.getContractDate()).isEqualTo(MARCH);
        assertThat(r.getPrincipal().scale()).isEqualTo(2);
        assertThat(r.getCustomer().getRegistrationNumber()).isEqualTo(BUYER);
        assertThat(r.getCustomer().getKind()).isEqualTo(PartyKind.ORGANISATION);
        long first = rows.stream().filter(x -> x.customerName().startsWith("厦门")).map(ReceivableRow::id)
                .filter(id -> books.receivables().get(id).getContractNumber().endsWith("1")).findFirst().orElseThrow();
        List<EvidenceItem> ev = books.evidence().list(first);
        assertThat(ev).hasSize(3).allMatch(e -> e.getType() == EvidenceType.INVOICE && e.getTitle().equals("发票 24112000000000000001"));
        assertThat(ev).extracting(EvidenceItem::getMediaType).containsExactlyInAnyOrder("application/xml", "application/pdf", "application/ofd");
        for (EvidenceItem e : ev) {
            assertThat(e.getSha256()).isEqualTo(cn.huikuan.storage.Sha256.ofFile(books.evidence().file(e)));
            assertThat(books.evidence().verify(e)).isEqualTo(cn.huikuan.storage.FileIntegrity.OK);
        }
        assertThat(books.customers().page(ListQuery.first(10)).total()).as("one new customer, one existing").isEqualTo(2);
        intact();

        // the same files again: every invoice is recognised by its number, nothing is written
        InvoiceImportService.Plan again = books.invoices().dryRun(List.of(z));
        assertThat(again.lines()).extracting(InvoiceImportService.Line::action).containsExactly(DUPLICATE, DUPLICATE, DUPLICATE, DUPLICATE, DUPLICATE, NOT_OURS);
        assertThat(again.lines().get(0).reason()).contains("already in the books");
        assertThatThrownBy(() -> books.invoices().importFiles(List.of(z))).isInstanceOf(InvoiceImportService.Refused.class)
                .hasMessageContaining("no invoice to import");
        assertThat(receivables()).isEqualTo(3);
    }

    @Test
    void aCreditInvoiceReducesTheReceivableItReversesOnce() throws Exception {
        InvoiceSamples.Spec a = sale("24112000000000000011", "厦门某某工程有限公司", BUYER);
        Path blue = dir.resolve("blue.xml");
        Files.write(blue, InvoiceSamples.xmlBytes(a));
        books.invoices().importFiles(List.of(blue));
        Path red = dir.resolve("red.pdf");
        Files.write(red, InvoiceSamples.pdf(a.credit("24112000000000000012", LocalDate.of(2026, 4, 1), new BigDecimal("20000.00"))));
        InvoiceImportService.Plan plan = books.invoices().dryRun(List.of(red));
        assertThat(plan.lines()).singleElement().satisfies(l -> {
            assertThat(l.action()).isEqualTo(CREDIT_NOTE);
            assertThat(l.reason()).contains("冲减账本中发票 24112000000000000011", "22600.00");
        });
        books.invoices().importFiles(List.of(red));
        ReceivableRow row = books.receivables().page(ListQuery.first(10)).rows().get(0);
        assertThat(row.principal()).isEqualByComparingTo("90400.00");
        assertThat(books.evidence().list(row.id())).extracting(EvidenceItem::getTitle)
                .containsExactlyInAnyOrder("发票 24112000000000000011", "红字发票 24112000000000000012");
        intact();
        assertThat(books.invoices().dryRun(List.of(red)).lines().get(0).action()).isEqualTo(DUPLICATE);

        // a blue invoice and its full reversal in one import: neither becomes a receivable
        InvoiceSamples.Spec b = sale("24112000000000000013", "厦门某某工程有限公司", BUYER);
        Path both = zip("both.zip", Map.of("b.xml", InvoiceSamples.xmlBytes(b),
                "rb.xml", InvoiceSamples.xmlBytes(b.credit("24112000000000000014", LocalDate.of(2026, 4, 2), new BigDecimal("100000.00")))));
        assertThat(books.invoices().dryRun(List.of(both)).lines()).allMatch(l -> l.action() == CREDIT_NOTE && !l.writes());
    }

    @Test
    void aHostileOrBrokenFileStopsTheImportAndNothingIsWritten() throws Exception {
        InvoiceSamples.Spec a = sale("24112000000000000021", "厦门某某工程有限公司", BUYER);
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE EInvoice [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><EInvoice>&x;</EInvoice>";
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("good.xml", InvoiceSamples.xmlBytes(a));
        files.put("xxe.xml", xxe.getBytes(StandardCharsets.UTF_8));
        files.put("broken.ofd", InvoiceSamples.zip(Map.of("OFD.xml", "<OFD/>".getBytes(StandardCharsets.UTF_8))));
        files.put("nested.zip", InvoiceSamples.zip(Map.of("x.xml", InvoiceSamples.xmlBytes(a))));
        Path z = zip("mixed.zip", files);
        InvoiceImportService.Plan plan = books.invoices().dryRun(List.of(z));
        assertThat(plan.lines()).extracting(InvoiceImportService.Line::action).containsExactly(NEW_RECEIVABLE, UNREADABLE, UNREADABLE, UNREADABLE);
        assertThat(plan.lines().get(1).reason()).contains("DOCTYPE", "refused for safety");
        assertThat(plan.lines().get(2).reason()).contains("broken OFD");
        assertThat(plan.lines().get(3).reason()).contains("ZIP inside the ZIP");
        assertThatThrownBy(() -> books.invoices().importFiles(List.of(z))).isInstanceOf(InvoiceImportService.Refused.class)
                .hasMessageContaining("nothing imported");
        assertThat(receivables()).isZero();
        assertThat(storedFiles()).as("no evidence file copied").isZero();

        // an entry named to escape the archive, and a bomb: the whole input is refused
        Path escape = zip("escape.zip", Map.of("../../evil.xml", InvoiceSamples.xmlBytes(a)));
        assertThatThrownBy(() -> books.invoices().dryRun(List.of(escape))).isInstanceOf(InvoiceImportService.BadInput.class)
                .hasMessageContaining("outside the archive");
        Path bomb = dir.resolve("bomb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bomb))) {
            out.putNextEntry(new ZipEntry("big.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 64; i++) out.write(zeros);   // 64 MB of zeros, some 64 KB zipped
            out.closeEntry();
        }
        assertThat(Files.size(bomb)).isLessThan(1 << 20);
        assertThatThrownBy(() -> books.invoices().importFiles(List.of(bomb))).isInstanceOf(InvoiceImportService.BadInput.class)
                .hasMessageContaining("ZIP bomb");
        assertThat(receivables()).isZero();
        assertThat(storedFiles()).isZero();

        // a PDF of about a megabyte whose page content inflates to a gigabyte: unreadable, the import refused
        Path pdfBomb = dir.resolve("bomb.pdf");
        Files.write(pdfBomb, cn.huikuan.pdf.HostilePdf.bomb(1L << 30, false));
        Path good = dir.resolve("good.xml");
        Files.write(good, InvoiceSamples.xmlBytes(a));
        InvoiceImportService.Plan bombPlan = books.invoices().dryRun(List.of(good, pdfBomb));
        assertThat(bombPlan.lines()).extracting(InvoiceImportService.Line::action).containsExactly(NEW_RECEIVABLE, UNREADABLE);
        assertThat(bombPlan.lines().get(1).reason()).contains("压缩炸弹", "compression bomb");
        assertThatThrownBy(() -> books.invoices().importFiles(List.of(good, pdfBomb))).isInstanceOf(InvoiceImportService.Refused.class);
        assertThat(receivables()).isZero();
        assertThat(storedFiles()).isZero();
    }

    long storedFiles() throws IOException {
        Path ev = books.folder().resolve("evidence");
        if (!Files.exists(ev)) return 0;
        try (Stream<Path> s = Files.walk(ev)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
