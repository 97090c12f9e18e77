package cn.huikuan.tools;

import cn.huikuan.pdf.PdfFonts;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Fictional 数电票 invoices in the three formats, for the tests and {@code bench invoices} (issue 23): the XML with the
 * platform's element names, an OFD package (the invoice XML attached, or CustomTags, or text objects only) and a PDF
 * whose text is laid out as the printed invoice (购买方 left, 销售方 right). Names and numbers are made up.
 */
public final class InvoiceSamples {
    private InvoiceSamples() {
    }

    /** One line of goods: name as printed (*类别*名称), amount without tax, tax rate (0.13). */
    public record Line(String name, BigDecimal amount, BigDecimal rate) {
        BigDecimal tax() {
            return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
        }
    }

    /** An invoice to write; {@code creditOf}: the number a 红字 invoice reverses (its lines' amounts then negative). */
    public record Spec(String number, LocalDate issued, String sellerName, String sellerId, String buyerName, String buyerId,
                       List<Line> lines, String creditOf) {
        public BigDecimal net() {
            return lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        }

        public BigDecimal tax() {
            return lines.stream().map(Line::tax).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        }

        public BigDecimal gross() {
            return net().add(tax());
        }

        public Spec credit(String number, LocalDate issued, BigDecimal netAmount) {
            return new Spec(number, issued, sellerName, sellerId, buyerName, buyerId,
                    List.of(new Line(lines.get(0).name(), netAmount.negate(), lines.get(0).rate())), this.number);
        }
    }

    /** A sale of 100,000.00 + 13% = 113,000.00. */
    public static Spec sale(String number, LocalDate issued, String seller, String sellerId, String buyer, String buyerId) {
        return new Spec(number, issued, seller, sellerId, buyer, buyerId, List.of(new Line("*钢材*螺纹钢", new BigDecimal("100000.00"),
                new BigDecimal("0.13"))), null);
    }

    private static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String xml(Spec s) {
        StringBuilder items = new StringBuilder();
        for (Line l : s.lines()) {
            items.append("<IssuItemInformation><ItemName>").append(esc(l.name())).append("</ItemName><MeaUnits>吨</MeaUnits>")
                    .append("<Amount>").append(l.amount().toPlainString()).append("</Amount><TaxRate>").append(l.rate().toPlainString())
                    .append("</TaxRate><ComTaxAm>").append(l.tax().toPlainString()).append("</ComTaxAm><TotaltaxIncludedAmount>")
                    .append(l.amount().add(l.tax()).toPlainString()).append("</TotaltaxIncludedAmount></IssuItemInformation>");
        }
        String remark = s.creditOf() == null ? "" : "被红冲蓝字数电发票号码：" + s.creditOf() + " 红字发票信息确认单编号：" + s.number().substring(0, 15);
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EInvoice><Header><EIid>" + s.number() + "</EIid><EInvoiceTag>SWEI3200</EInvoiceTag>"
                + "<Version>0.1</Version><InherentLabel><EInvoiceType><LabelCode>01</LabelCode><LabelName>增值税专用发票</LabelName>"
                + "</EInvoiceType></InherentLabel></Header><EInvoiceData>"
                + "<SellerInformation><SellerIdNum>" + esc(s.sellerId()) + "</SellerIdNum><SellerName>" + esc(s.sellerName()) + "</SellerName></SellerInformation>"
                + "<BuyerInformation><BuyerIdNum>" + esc(s.buyerId()) + "</BuyerIdNum><BuyerName>" + esc(s.buyerName()) + "</BuyerName></BuyerInformation>"
                + "<BasicInformation><TotalAmWithoutTax>" + s.net().toPlainString() + "</TotalAmWithoutTax><TotalTaxAm>" + s.tax().toPlainString()
                + "</TotalTaxAm><TotalTax-includedAmount>" + s.gross().toPlainString() + "</TotalTax-includedAmount>"
                + "<Drawer>张某</Drawer><RequestTime>" + s.issued() + " 09:30:00</RequestTime></BasicInformation>"
                + items + "<AdditionalInformation><Remark>" + remark + "</Remark></AdditionalInformation></EInvoiceData>"
                + "<TaxSupervisionInfo><InvoiceNumber>" + s.number() + "</InvoiceNumber><IssueTime>" + s.issued() + " 10:15:00</IssueTime>"
                + "<TaxBureauCode>13200000000</TaxBureauCode><TaxBureauName>国家税务总局某省税务局</TaxBureauName></TaxSupervisionInfo></EInvoice>\n";
    }

    public static byte[] xmlBytes(Spec s) {
        return xml(s).getBytes(StandardCharsets.UTF_8);
    }

    /** A text of the printed invoice at (x, baseline y) in millimetres from the top left, size in millimetres. */
    public record Placed(double x, double y, double size, String text) {
    }

    private static final DateTimeFormatter CN = DateTimeFormatter.ofPattern("yyyy年MM月dd日");

    /** The printed invoice's texts, as the 数电票 layout places them (210 × 140 mm). */
    public static List<Placed> layout(Spec s) {
        List<Placed> out = new ArrayList<>();
        out.add(new Placed(70, 12, 5, "电子发票（增值税专用发票）"));
        out.add(new Placed(150, 12, 3, "发票号码：" + s.number()));
        out.add(new Placed(150, 18, 3, "开票日期：" + CN.format(s.issued())));
        out.add(new Placed(8, 30, 3, "购买方信息"));
        out.add(new Placed(108, 30, 3, "销售方信息"));
        out.add(new Placed(12, 36, 3, "名称：" + s.buyerName()));
        out.add(new Placed(112, 36, 3, "名称：" + s.sellerName()));
        if (s.buyerId() != null) out.add(new Placed(12, 42, 3, "统一社会信用代码/纳税人识别号：" + s.buyerId()));
        if (s.sellerId() != null) out.add(new Placed(112, 42, 3, "统一社会信用代码/纳税人识别号：" + s.sellerId()));
        out.add(new Placed(12, 52, 3, "项目名称"));
        out.add(new Placed(130, 52, 3, "金额"));
        out.add(new Placed(160, 52, 3, "税率/征收率"));
        out.add(new Placed(185, 52, 3, "税额"));
        double y = 58;
        for (Line l : s.lines()) {
            out.add(new Placed(12, y, 3, l.name()));
            out.add(new Placed(130, y, 3, l.amount().toPlainString()));
            out.add(new Placed(160, y, 3, l.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%"));
            out.add(new Placed(185, y, 3, l.tax().toPlainString()));
            y += 6;
        }
        out.add(new Placed(12, 100, 3, "合计"));
        out.add(new Placed(130, 100, 3, "¥" + s.net().toPlainString()));
        out.add(new Placed(185, 100, 3, "¥" + s.tax().toPlainString()));
        out.add(new Placed(12, 108, 3, "价税合计（大写）"));
        out.add(new Placed(140, 108, 3, "（小写）¥" + s.gross().toPlainString()));
        if (s.creditOf() != null) out.add(new Placed(12, 118, 3, "备注：被红冲蓝字数电发票号码：" + s.creditOf()));
        out.add(new Placed(12, 132, 3, "开票人：张某"));
        return out;
    }

    /** The invoice as a PDF whose text layer holds the layout's texts (the bundled serif font). */
    public static byte[] pdf(Spec s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        double k = 72 / 25.4;
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(out))) {
            PageSize size = new PageSize((float) (210 * k), (float) (140 * k));
            PdfCanvas c = new PdfCanvas(pdf.addNewPage(size));
            PdfFont font = PdfFonts.serif();
            for (Placed p : layout(s)) {
                c.beginText().setFontAndSize(font, (float) (p.size() * k)).moveText(p.x() * k, size.getHeight() - p.y() * k).showText(p.text()).endText();
            }
        }
        return out.toByteArray();
    }

    /** How an OFD carries the invoice's fields. */
    public enum OfdStyle {
        /** The invoice's XML attached (Attachments), besides the text objects. */
        ATTACHED_XML,
        /** CustomTags naming the text objects that hold the fields. */
        TAGS,
        /** Text objects only. */
        TEXT
    }

    private static final String NS = "http://www.ofdspec.org/2016";

    /** The invoice as an OFD package. */
    public static byte[] ofd(Spec s, OfdStyle style) {
        return ofd(s, style, false);
    }

    /**
     * The invoice as an OFD package; {@code drawn}: also what a tax bureau's OFD draws besides text: the table's frame as
     * paths in a template page, a QR code picture (the document's resources), a red seal drawn as paths (an elliptical
     * outline of arcs and a filled star) in a stamp annotation, and an electronic signature whose SignedValue carries a seal
     * picture (a red ring, PNG) in a small DER structure shaped as an SES signature's picture info.
     */
    public static byte[] ofd(Spec s, OfdStyle style, boolean drawn) {
        List<Placed> texts = layout(s);
        StringBuilder content = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page xmlns:ofd=\"" + NS + "\">"
                + (drawn ? "<ofd:Template TemplateID=\"2\" ZOrder=\"Background\"/>" : "") + "<ofd:Content>"
                + "<ofd:Layer ID=\"2\">");
        int id = 10;
        java.util.Map<String, Integer> ids = new java.util.HashMap<>();
        for (Placed p : texts) {
            // the fields' own text objects (values without their labels), as tax-bureau OFDs have them
            String label = p.text().contains("：") ? p.text().substring(0, p.text().indexOf('：') + 1) : null;
            if (label != null && !label.startsWith("备注")) {
                content.append(text(id++, p.x(), p.y(), p.size(), label));
                String value = p.text().substring(label.length());
                double vx = p.x() + label.length() * p.size();
                ids.put(ids.containsKey(label) ? label + "2" : label, id);   // the second 名称： is the seller's
                content.append(text(id++, vx, p.y(), p.size(), value));
            } else {
                if (p.text().startsWith("（小写）")) {
                    ids.put("gross", id + 1);
                    content.append(text(id++, p.x(), p.y(), p.size(), "（小写）"));
                    content.append(text(id++, p.x() + 12, p.y(), p.size(), p.text().substring(4)));
                } else content.append(text(id++, p.x(), p.y(), p.size(), p.text()));
            }
        }
        if (drawn) {
            content.append("<ofd:ImageObject ID=\"").append(id++).append("\" Boundary=\"8 4 20 20\" CTM=\"20 0 0 20 0 0\" ResourceID=\"900\"/>");
        }
        content.append("</ofd:Layer></ofd:Content></ofd:Page>");
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document xmlns:ofd=\"" + NS + "\"><ofd:CommonData><ofd:MaxUnitID>" + id
                + "</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 140</ofd:PhysicalBox></ofd:PageArea>"
                + (drawn ? "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes><ofd:TemplatePage ID=\"2\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/>" : "")
                + "</ofd:CommonData>"
                + "<ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages>"
                + (drawn ? "<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>" : "")
                + (style == OfdStyle.ATTACHED_XML ? "<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>" : "")
                + (style == OfdStyle.TAGS ? "<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>" : "")
                + "</ofd:Document>";
        String root = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"" + NS + "\" Version=\"1.1\" DocType=\"OFD\"><ofd:DocBody>"
                + "<ofd:DocInfo><ofd:DocID>" + s.number() + "</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                + (drawn ? "<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>" : "") + "</ofd:DocBody></ofd:OFD>";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            put(z, "OFD.xml", root);
            put(z, "Doc_0/Document.xml", document);
            put(z, "Doc_0/Pages/Page_0/Content.xml", content.toString());
            if (style == OfdStyle.ATTACHED_XML) {
                put(z, "Doc_0/Attachs/Attachments.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Attachments xmlns:ofd=\"" + NS + "\">"
                        + "<ofd:Attachment ID=\"1\" Name=\"original_invoice\" Format=\"xml\"><ofd:FileLoc>original_invoice.xml</ofd:FileLoc>"
                        + "</ofd:Attachment></ofd:Attachments>");
                put(z, "Doc_0/Attachs/original_invoice.xml", xml(s));
            }
            if (style == OfdStyle.TAGS) {
                put(z, "Doc_0/Tags/CustomTags.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:CustomTags xmlns:ofd=\"" + NS + "\">"
                        + "<ofd:CustomTag TypeID=\"invoice\"><ofd:FileLoc>CustomTag.xml</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>");
                put(z, "Doc_0/Tags/CustomTag.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><fp:eInvoice xmlns:fp=\"http://www.edrm.org.cn/schema/e-invoice/2019\">"
                        + ref("InvoiceNo", ids.get("发票号码：")) + ref("IssueDate", ids.get("开票日期："))
                        + ref("BuyerName", ids.get("名称：")) + ref("BuyerTaxID", ids.get("统一社会信用代码/纳税人识别号："))
                        + ref("SellerName", ids.get("名称：2")) + ref("SellerTaxID", ids.get("统一社会信用代码/纳税人识别号：2"))
                        + ref("TaxInclusiveTotalAmount", ids.get("gross")) + "</fp:eInvoice>");
            }
            if (drawn) drawing(z);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void drawing(ZipOutputStream z) throws IOException {
        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
        // the table's frame: an outer box, a rule under the parties and one above the totals (their width and colour from a
        // DrawParam of the public resources), in the template page
        put(z, "Doc_0/Tpls/Tpl_0/Content.xml", head + "<ofd:Page xmlns:ofd=\"" + NS + "\"><ofd:Content><ofd:Layer ID=\"3\">"
                + "<ofd:PathObject ID=\"3\" Boundary=\"5 24 200 102\" LineWidth=\"0.5\"><ofd:StrokeColor Value=\"128 64 0\"/>"
                + "<ofd:AbbreviatedData>M 0 0 L 200 0 L 200 102 L 0 102 C</ofd:AbbreviatedData></ofd:PathObject>"
                + "<ofd:PathObject ID=\"4\" Boundary=\"5 46 200 1\" DrawParam=\"8\">"
                + "<ofd:AbbreviatedData>M 0 0 L 200 0</ofd:AbbreviatedData></ofd:PathObject>"
                + "<ofd:PathObject ID=\"5\" Boundary=\"5 96 200 1\" DrawParam=\"8\">"
                + "<ofd:AbbreviatedData>M 0 0 L 200 0</ofd:AbbreviatedData></ofd:PathObject>"
                + "</ofd:Layer></ofd:Content></ofd:Page>");
        put(z, "Doc_0/PublicRes.xml", head + "<ofd:Res xmlns:ofd=\"" + NS + "\" BaseLoc=\"Res\"><ofd:Fonts>"
                + "<ofd:Font ID=\"3\" FontName=\"宋体\" FamilyName=\"宋体\"/></ofd:Fonts>"
                + "<ofd:DrawParams><ofd:DrawParam ID=\"8\" LineWidth=\"0.25\"><ofd:StrokeColor Value=\"128 64 0\"/></ofd:DrawParam></ofd:DrawParams>"
                + "</ofd:Res>");
        put(z, "Doc_0/DocumentRes.xml", head + "<ofd:Res xmlns:ofd=\"" + NS + "\" BaseLoc=\"Res\"><ofd:MultiMedias>"
                + "<ofd:MultiMedia ID=\"900\" Type=\"Image\" Format=\"PNG\"><ofd:MediaFile>qr.png</ofd:MediaFile></ofd:MultiMedia>"
                + "</ofd:MultiMedias></ofd:Res>");
        z.putNextEntry(new ZipEntry("Doc_0/Res/qr.png"));
        z.write(picture(21, false));
        z.closeEntry();
        // the invoice seal as paths: an ellipse of two arcs and a filled five-pointed star, red, in a stamp annotation
        StringBuilder star = new StringBuilder();
        for (int k = 0; k < 10; k++) {
            double r = k % 2 == 0 ? 5 : 2, a = Math.toRadians(-90 + 36 * k);
            star.append(k == 0 ? "M " : " L ").append(String.format(java.util.Locale.ROOT, "%.3f %.3f", 20 + r * Math.cos(a), 13 + r * Math.sin(a)));
        }
        put(z, "Doc_0/Annots/Annotations.xml", head + "<ofd:Annotations xmlns:ofd=\"" + NS + "\"><ofd:Page PageID=\"1\">"
                + "<ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page></ofd:Annotations>");
        put(z, "Doc_0/Annots/Page_0/Annotation.xml", head + "<ofd:PageAnnot xmlns:ofd=\"" + NS + "\"><ofd:Annot ID=\"1\" Type=\"Stamp\">"
                + "<ofd:Appearance Boundary=\"85 2 40 26\">"
                + "<ofd:PathObject ID=\"6\" Boundary=\"0 0 40 26\" LineWidth=\"0.8\"><ofd:StrokeColor Value=\"255 0 0\"/>"
                + "<ofd:AbbreviatedData>M 1 13 A 19 12 0 1 0 39 13 A 19 12 0 1 0 1 13 C</ofd:AbbreviatedData></ofd:PathObject>"
                + "<ofd:PathObject ID=\"7\" Boundary=\"0 0 40 26\" Stroke=\"false\" Fill=\"true\"><ofd:FillColor Value=\"255 0 0\"/>"
                + "<ofd:AbbreviatedData>" + star + " C</ofd:AbbreviatedData></ofd:PathObject>"
                + "</ofd:Appearance></ofd:Annot></ofd:PageAnnot>");
        // an electronic signature: its stamp on page 1, its SignedValue a DER SEQUENCE { SEQUENCE { "png", picture, 40, 40 } }
        put(z, "Doc_0/Signs/Signatures.xml", head + "<ofd:Signatures xmlns:ofd=\"" + NS + "\"><ofd:MaxSignId>1</ofd:MaxSignId>"
                + "<ofd:Signature ID=\"1\" Type=\"Seal\" BaseLoc=\"Sign_0/Signature.xml\"/></ofd:Signatures>");
        put(z, "Doc_0/Signs/Sign_0/Signature.xml", head + "<ofd:Signature xmlns:ofd=\"" + NS + "\"><ofd:SignedInfo>"
                + "<ofd:Provider ProviderName=\"test\"/><ofd:SignatureMethod>1.2.156.10197.1.501</ofd:SignatureMethod>"
                + "<ofd:StampAnnot ID=\"1\" PageRef=\"1\" Boundary=\"150 105 40 30\"/></ofd:SignedInfo>"
                + "<ofd:SignedValue>SignedValue.dat</ofd:SignedValue></ofd:Signature>");
        byte[] png = picture(40, true);
        byte[] info = der(0x30, concat(der(0x16, "png".getBytes(StandardCharsets.US_ASCII)), der(0x04, png),
                der(0x02, new byte[]{40}), der(0x02, new byte[]{40})));
        z.putNextEntry(new ZipEntry("Doc_0/Signs/Sign_0/SignedValue.dat"));
        z.write(der(0x30, concat(der(0x02, new byte[]{4}), info)));
        z.closeEntry();
    }

    /** A PNG: a QR-code-like black and white grid, or a red ring on transparent (the seal). */
    private static byte[] picture(int size, boolean seal) throws IOException {
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(size, size, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int argb;
                if (seal) {
                    double d = Math.hypot(x - size / 2.0 + 0.5, y - size / 2.0 + 0.5);
                    argb = d < size / 2.0 - 1 && d > size / 2.0 - 5 ? 0xffe00000 : 0x00ffffff;
                } else argb = ((x * 7 + y * 13) % 5 < 2 || (x < 7 && y < 7)) ? 0xff000000 : 0xffffffff;
                img.setRGB(x, y, argb);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) out.write(n);
        else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    private static String ref(String tag, Integer id) {
        return id == null ? "" : "<fp:" + tag + "><fp:ObjectRef PageRef=\"1\">" + id + "</fp:ObjectRef></fp:" + tag + ">";
    }

    private static String text(int id, double x, double y, double size, String s) {
        // Boundary is the object's box; TextCode's X/Y the baseline start inside it
        return String.format(java.util.Locale.ROOT, "<ofd:TextObject ID=\"%d\" Boundary=\"%.2f %.2f %.2f %.2f\" Font=\"3\" Size=\"%.2f\">"
                + "<ofd:TextCode X=\"0\" Y=\"%.2f\">%s</ofd:TextCode></ofd:TextObject>", id, x, y - size, s.length() * size + 1, size + 1, size, size, esc(s));
    }

    private static void put(ZipOutputStream z, String name, String content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(content.getBytes(StandardCharsets.UTF_8));
        z.closeEntry();
    }

    /** A ZIP of named files. */
    public static byte[] zip(java.util.Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
