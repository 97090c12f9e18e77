package cn.huikuan.cli;

import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.domain.IdentityNumbers;
import cn.huikuan.tools.InvoiceSamples;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code huikuan import invoices} end to end (issue 23): dry run, JSON, import, duplicates, hostile input, the OFD in the bundle. */
class InvoiceImportCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    @TempDir
    Path tmp;

    int run(String... args) {
        out.reset();
        err.reset();
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), LocalDate::now).run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    static final String OURS = "91110105MA01R8XK2" + IdentityNumbers.creditCodeCheckChar("91110105MA01R8XK2");

    @Test
    void aZipOfInvoicesIsCheckedThenImportedOnce() throws Exception {
        Path book = tmp.resolve("book");
        try (Books books = Books.open(book, Clock.systemDefaultZone())) {
            var me = books.creditor();
            me.setName("北京某某钢材有限公司");
            me.setRegistrationNumber(OURS);
            books.saveCreditor(me);
        }
        LocalDate d = LocalDate.of(2026, 3, 1);
        var a = InvoiceSamples.sale("24112000000000000031", d, "北京某某钢材有限公司", OURS, "厦门某某工程有限公司", "91350200776049653A");
        var other = InvoiceSamples.sale("24112000000000000032", d, "别家公司", null, "厦门某某工程有限公司", null);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("a.ofd", InvoiceSamples.ofd(a, InvoiceSamples.OfdStyle.TAGS, true));
        files.put("other.pdf", InvoiceSamples.pdf(other));
        Path zip = tmp.resolve("invoices.zip");
        Files.write(zip, InvoiceSamples.zip(files));

        assertThat(run("import", "invoices", "--file", zip.toString(), "--book", book.toString(), "--dry-run", "--json")).as(err.toString()).isZero();
        JsonNode json = new ObjectMapper().readTree(out());
        JsonNode first = json.get("invoices").get(0);
        assertThat(first.get("file").asText()).isEqualTo("invoices.zip!a.ofd");
        assertThat(first.get("number").asText()).isEqualTo("24112000000000000031");
        assertThat(first.get("issued").asText()).isEqualTo(d.toString());
        assertThat(first.get("seller").get("id").asText()).isEqualTo(OURS);
        assertThat(first.get("buyer").get("name").asText()).isEqualTo("厦门某某工程有限公司");
        assertThat(first.get("gross").asText()).isEqualTo("113000.00");
        assertThat(first.get("action").asText()).isEqualTo("new-receivable");
        assertThat(json.get("invoices").get(1).get("action").asText()).isEqualTo("not-ours");
        assertThat(json.get("written").asBoolean()).isFalse();

        assertThat(run("import", "invoices", "--file", zip.toString(), "--book", book.toString())).as(err.toString()).isZero();
        assertThat(out()).contains("new-receivable  invoices.zip!a.ofd  24112000000000000031", "not-ours  invoices.zip!other.pdf", "已导入 Imported: 1");
        long id;
        try (Books books = Books.open(book, Clock.systemDefaultZone())) {
            assertThat(books.receivables().page(ListQuery.first(5)).total()).isEqualTo(1);
            id = books.receivables().page(ListQuery.first(5)).rows().get(0).id();
        }
        assertThat(run("import", "invoices", "--file", zip.toString(), "--book", book.toString())).isZero();
        assertThat(out()).contains("duplicate  invoices.zip!a.ofd", "没有可导入的发票");

        // the OFD appears in the evidence bundle as its page, drawn with its lines, pictures and seal (OfdPagesTest checks where)
        Path pdf = tmp.resolve("bundle.pdf");
        assertThat(run("export", "bundle", "--case", Long.toString(id), "--book", book.toString(), "--out", pdf.toString())).as(err.toString()).isZero();
        try (var doc = Loader.loadPDF(pdf.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("发票号码：", "24112000000000000031", "drawn from the OFD", "signature not verified").doesNotContain("此类文件无法以纸面呈现");
        }

        // hostile input: exit 2, one bilingual sentence, nothing written
        Path escape = tmp.resolve("escape.zip");
        Files.write(escape, InvoiceSamples.zip(Map.of("../x.xml", InvoiceSamples.xmlBytes(a))));
        assertThat(run("import", "invoices", "--file", escape.toString(), "--book", book.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("指向包外", "outside the archive");
        Path xxe = tmp.resolve("xxe.xml");
        Files.writeString(xxe, "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><EInvoice>&x;</EInvoice>");
        assertThat(run("import", "invoices", "--file", xxe.toString(), "--book", book.toString())).isEqualTo(2);
        assertThat(out()).contains("unreadable  xxe.xml", "DOCTYPE");
        assertThat(run("import", "invoices", "--file", tmp.resolve("missing.xml").toString(), "--book", book.toString())).isEqualTo(2);
        try (Books books = Books.open(book, Clock.systemDefaultZone())) {
            assertThat(books.receivables().page(ListQuery.first(5)).total()).isEqualTo(1);
        }
    }
}
