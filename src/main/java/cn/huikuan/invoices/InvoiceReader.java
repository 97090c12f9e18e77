package cn.huikuan.invoices;

import org.w3c.dom.Document;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One invoice file to an {@link Invoice}, by what the file is (its first bytes, not its name): a 数电票 XML by its
 * structure; an OFD by the invoice XML it carries as an attachment, else by its CustomTags, else by its text objects; a
 * PDF by its text ({@code pdfText}, given by the caller: PDF reading belongs to the pdf layer).
 */
public final class InvoiceReader {
    /** The largest invoice file read (a 数电票 PDF or OFD is some tens of kilobytes). */
    public static final int MAX_FILE_BYTES = 20 << 20;

    private InvoiceReader() {
    }

    public enum Kind {
        XML, OFD, PDF, ZIP, OTHER
    }

    /** What {@code content} named {@code name} is: %PDF → PDF; a ZIP named .ofd, or holding OFD.xml, → OFD; another ZIP → ZIP; '<' → XML. */
    public static Kind kind(String name, byte[] content) {
        int i = 0;
        if (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF) i = 3;
        while (i < content.length && Character.isWhitespace(content[i])) i++;
        if (content.length >= 4 && content[0] == '%' && content[1] == 'P' && content[2] == 'D' && content[3] == 'F') return Kind.PDF;
        if (content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4) {
            return name.toLowerCase(Locale.ROOT).endsWith(".ofd") ? Kind.OFD : Kind.ZIP;
        }
        if (i < content.length && content[i] == '<') return Kind.XML;
        return Kind.OTHER;
    }

    /** Reads {@code content} (the file {@code name}), a PDF by its text only; unreadable with one sentence saying why. */
    public static Invoice read(String name, byte[] content, Function<byte[], String> pdfText) {
        return read(name, content, new PdfReading() {
            @Override
            public Map<String, byte[]> attachments(byte[] pdf) {
                return Map.of();
            }

            @Override
            public String text(byte[] pdf) {
                return pdfText.apply(pdf);
            }
        });
    }

    /**
     * Reads {@code content} (the file {@code name}); a PDF by the 数电票 XML it carries as an attachment when it has one (its
     * structure, as an XML file is read), else by its text. Unreadable with one sentence saying why; an attached XML that
     * is hostile (a DOCTYPE, beyond the caps) makes the whole file unreadable, as an OFD's does.
     */
    public static Invoice read(String name, byte[] content, PdfReading pdf) {
        if (content.length > MAX_FILE_BYTES) {
            throw new InvoiceUnreadable("文件超过 " + (MAX_FILE_BYTES >> 20) + " MB，不像发票 / larger than " + (MAX_FILE_BYTES >> 20) + " MB: not an invoice");
        }
        Invoice i = switch (kind(name, content)) {
            case XML -> EInvoiceXml.parse(content, name, Invoice.Format.XML, "XML 结构 / XML structure");
            case PDF -> pdf(name, content, pdf);
            case OFD -> ofd(name, content);
            case ZIP -> throw new InvoiceUnreadable("压缩包中不能再套压缩包 / a ZIP inside the ZIP is not read");
            case OTHER -> throw new InvoiceUnreadable("不是数电票 XML、OFD 或 PDF / not a 数电票 XML, OFD or PDF");
        };
        check(i.seller(), "销售方", "seller");
        check(i.buyer(), "购买方", "buyer");
        if (!i.number().matches("\\d{8,20}")) throw new InvoiceUnreadable("发票号码不对：" + i.number() + " / invalid invoice number");
        return i;
    }

    /** The limits of the books' columns (a name of 200 characters, a number of 32): longer is no invoice, not truncated. */
    private static void check(Invoice.Party p, String zh, String en) {
        if (p.name().length() > 200) throw new InvoiceUnreadable(zh + "名称超过 200 字 / the " + en + "'s name is longer than 200 characters");
        if (p.id() != null && !p.id().matches("[0-9A-Z]{1,32}")) {
            throw new InvoiceUnreadable(zh + "纳税人识别号不对：" + p.id() + " / the " + en + "'s number is invalid");
        }
    }

    private static Invoice pdf(String name, byte[] content, PdfReading pdf) {
        for (Map.Entry<String, byte[]> a : pdf.attachments(content).entrySet()) {
            if (kind(a.getKey(), a.getValue()) != Kind.XML) continue;
            Document doc = SafeXml.parse(a.getValue(), name + " 的附件 " + a.getKey());
            if (EInvoiceXml.isEInvoice(doc)) return EInvoiceXml.parse(doc, Invoice.Format.PDF, "PDF 内附 XML / the PDF's attached XML");
        }
        return InvoiceText.parse(pdf.text(content), Invoice.Format.PDF, "PDF 文字 / PDF text");
    }

    private static Invoice ofd(String name, byte[] content) {
        Ofd.Package p = Ofd.read(content, name);
        for (Map.Entry<String, byte[]> a : p.attachments().entrySet()) {
            if (kind(a.getKey(), a.getValue()) != Kind.XML) continue;
            Document doc = SafeXml.parse(a.getValue(), name + " 的 " + a.getKey());
            if (EInvoiceXml.isEInvoice(doc)) return EInvoiceXml.parse(doc, Invoice.Format.OFD, "OFD 内附 XML / the OFD's attached XML");
        }
        Map<String, String> t = p.tags();
        if (t.containsKey("InvoiceNo") && t.containsKey("TaxInclusiveTotalAmount")) {
            Invoice.Party seller = new Invoice.Party(Fields.require(t.get("SellerName"), "销售方名称"), Fields.id(t.get("SellerTaxID")));
            Invoice.Party buyer = new Invoice.Party(Fields.require(t.get("BuyerName"), "购买方名称"), Fields.id(t.get("BuyerTaxID")));
            var gross = Fields.amount(t.get("TaxInclusiveTotalAmount"), "价税合计");
            if (gross.signum() == 0) throw new InvoiceUnreadable("价税合计为零 / the tax-included total is zero");
            String text = p.text();
            return new Invoice(t.get("InvoiceNo").strip(), Fields.require(Fields.date(t.get("IssueDate"), "开票日期"), "开票日期"), seller, buyer,
                    Fields.amount(t.get("TaxExclusiveTotalAmount"), "合计金额"), Fields.amount(t.get("TaxTotalAmount"), "合计税额"), gross,
                    InvoiceText.items(text), gross.signum() < 0 ? Fields.creditOf(text) : null, Invoice.Format.OFD,
                    "OFD 自定义标签 / the OFD's CustomTags");
        }
        return InvoiceText.parse(p.text(), Invoice.Format.OFD, "OFD 文字对象 / the OFD's text objects");
    }
}
