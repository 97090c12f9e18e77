package cn.huikuan.invoices;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The 数电票 (全面数字化的电子发票) XML read by its structure: {@code EInvoice} / {@code EInvoiceData} with
 * {@code SellerInformation} ({@code SellerIdNum}, {@code SellerName}), {@code BuyerInformation} ({@code BuyerIdNum},
 * {@code BuyerName}), {@code BasicInformation} ({@code TotalAmWithoutTax}, {@code TotalTaxAm},
 * {@code TotalTax-includedAmount}), every {@code IssuItemInformation} ({@code ItemName}, {@code Amount}, {@code ComTaxAm}),
 * and {@code TaxSupervisionInfo} ({@code InvoiceNumber}, {@code IssueTime}). A credit invoice's original is read from the
 * remark the platform writes (被红冲蓝字数电发票号码：…) in {@code AdditionalInformation}.
 */
public final class EInvoiceXml {
    private EInvoiceXml() {
    }

    /** Whether {@code doc} is an EInvoice (its root's local name). */
    public static boolean isEInvoice(Document doc) {
        return doc.getDocumentElement() != null && "EInvoice".equals(doc.getDocumentElement().getLocalName());
    }

    public static Invoice parse(byte[] xml, String what, Invoice.Format format, String readBy) {
        Document doc = SafeXml.parse(xml, what);
        if (!isEInvoice(doc)) {
            throw new InvoiceUnreadable(what + " 不是数电票 XML（根元素不是 EInvoice）/ " + what + " is not a 数电票 XML (its root is not EInvoice)");
        }
        return parse(doc, format, readBy);
    }

    static Invoice parse(Document doc, Invoice.Format format, String readBy) {
        Element root = doc.getDocumentElement();
        Element data = Fields.require(SafeXml.find(root, "EInvoiceData"), "EInvoiceData");
        Element supervision = Fields.require(SafeXml.find(root, "TaxSupervisionInfo"), "TaxSupervisionInfo");
        String number = Fields.require(SafeXml.text(supervision, "InvoiceNumber"), "发票号码");
        if (!number.matches("\\d{8,20}")) throw new InvoiceUnreadable("发票号码不对：" + number + " / invalid invoice number");
        LocalDate issued = Fields.require(Fields.date(SafeXml.text(supervision, "IssueTime"), "开票日期"), "开票日期");
        Invoice.Party seller = new Invoice.Party(Fields.require(SafeXml.text(data, "SellerInformation", "SellerName"), "销售方名称"),
                Fields.id(SafeXml.text(data, "SellerInformation", "SellerIdNum")));
        Invoice.Party buyer = new Invoice.Party(Fields.require(SafeXml.text(data, "BuyerInformation", "BuyerName"), "购买方名称"),
                Fields.id(SafeXml.text(data, "BuyerInformation", "BuyerIdNum")));
        Element basic = Fields.require(SafeXml.find(data, "BasicInformation"), "BasicInformation");
        BigDecimal net = Fields.amount(SafeXml.text(basic, "TotalAmWithoutTax"), "合计金额");
        BigDecimal tax = Fields.amount(SafeXml.text(basic, "TotalTaxAm"), "合计税额");
        BigDecimal gross = Fields.require(Fields.amount(SafeXml.text(basic, "TotalTax-includedAmount"), "价税合计"), "价税合计");
        if (net != null && tax != null && net.add(tax).compareTo(gross) != 0) {
            throw new InvoiceUnreadable("金额与税额之和（" + net.add(tax) + "）不等于价税合计（" + gross + "）/ amount plus tax does not equal the total");
        }
        if (gross.signum() == 0) throw new InvoiceUnreadable("价税合计为零 / the tax-included total is zero");
        List<Invoice.Item> items = new ArrayList<>();
        for (Element it : SafeXml.all(data, "IssuItemInformation")) {
            String name = SafeXml.text(it, "ItemName");
            if (name == null) continue;
            items.add(new Invoice.Item(name, Fields.amount(SafeXml.text(it, "Amount"), "项目金额"), Fields.amount(SafeXml.text(it, "ComTaxAm"), "项目税额")));
        }
        String creditOf = null;
        if (gross.signum() < 0) {
            Element extra = SafeXml.find(data, "AdditionalInformation");
            creditOf = Fields.creditOf(extra == null ? null : extra.getTextContent());
            if (creditOf == null) creditOf = Fields.creditOf(root.getTextContent());
        }
        return new Invoice(number, issued, seller, buyer, net, tax, gross, items, creditOf, format, readBy);
    }
}
