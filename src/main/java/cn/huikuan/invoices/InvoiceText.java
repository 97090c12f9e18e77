package cn.huikuan.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An invoice's fields read from its printed text (a PDF's text layer, an OFD's text objects) by the labels the 数电票
 * layout prints: 发票号码, 开票日期, 名称 and 统一社会信用代码/纳税人识别号 (the 购买方 box is printed left of the 销售方 box,
 * so in reading order the first 名称 is the buyer's and the second the seller's; so for the numbers when both are
 * printed), 合计 (amount and tax), 价税合计（小写）, and the items' *类别*名称 lines. Anything else is not guessed.
 */
public final class InvoiceText {
    private InvoiceText() {
    }

    private static final Pattern NUMBER = Pattern.compile("发票号码\\s*[：:]?\\s*(\\d{8,20})");
    private static final Pattern DATE = Pattern.compile("开票日期\\s*[：:]?\\s*(\\d{4}\\s*[-年./]\\s*\\d{1,2}\\s*[-月./]\\s*\\d{1,2}\\s*日?)");
    private static final Pattern NAME = Pattern.compile("名\\s*称\\s*[：:]\\s*([^\\s：:]+)");
    private static final Pattern ID = Pattern.compile("(?:统一社会信用代码\\s*/\\s*纳税人识别号|纳税人识别号|统一社会信用代码)\\s*[：:]\\s*([0-9A-Za-z]{15,20})");
    private static final Pattern GROSS = Pattern.compile("[（(]\\s*小写\\s*[)）]\\s*[¥￥]?\\s*(-?[¥￥]?[\\d,]+\\.\\d{2})");
    private static final Pattern TOTALS = Pattern.compile("合\\s*计\\s*[¥￥]?\\s*(-?[\\d,]+\\.\\d{2})\\s+[¥￥]?\\s*(-?[\\d,]+\\.\\d{2})");
    private static final Pattern ITEM = Pattern.compile("(\\*[^*\\s]{1,40}\\*[^\\s]{1,100})");

    /** Reads the fields from {@code text}; unreadable when the number, date, the two names or the total are missing. */
    public static Invoice parse(String text, Invoice.Format format, String readBy) {
        if (text == null || text.isBlank()) {
            throw new InvoiceUnreadable("文件中没有可读的文字（可能是扫描件）/ the file has no text to read (a scan?)");
        }
        String number = Fields.require(group(NUMBER, text), "发票号码");
        LocalDate issued = Fields.date(Fields.require(group(DATE, text), "开票日期").replaceAll("\\s+", ""), "开票日期");
        List<String> names = all(NAME, text);
        if (names.size() < 2) {
            throw new InvoiceUnreadable("没有找到购买方和销售方的名称（应有两处「名称：」）/ the buyer's and seller's names were not found");
        }
        List<String> ids = all(ID, text);
        String buyerId = ids.size() >= 2 ? Fields.id(ids.get(0)) : null;
        String sellerId = ids.size() >= 2 ? Fields.id(ids.get(1)) : null;
        BigDecimal gross = Fields.require(Fields.amount(strip(group(GROSS, text)), "价税合计"), "价税合计");
        BigDecimal net = null;
        BigDecimal tax = null;
        Matcher t = TOTALS.matcher(text);
        if (t.find()) {
            net = Fields.amount(t.group(1), "合计金额");
            tax = Fields.amount(t.group(2), "合计税额");
            if (net.add(tax).compareTo(gross) != 0) {
                net = null;   // 合计 read from another line than the totals: not trusted
                tax = null;
            }
        }
        if (gross.signum() == 0) throw new InvoiceUnreadable("价税合计为零 / the tax-included total is zero");
        List<Invoice.Item> items = items(text);
        String creditOf = gross.signum() < 0 ? Fields.creditOf(text) : null;
        return new Invoice(number, issued, new Invoice.Party(names.get(1), sellerId), new Invoice.Party(names.get(0), buyerId),
                net, tax, gross, items, creditOf, format, readBy);
    }

    /** The *类别*名称 lines of the text, each once, in order. */
    static List<Invoice.Item> items(String text) {
        Set<String> itemNames = new LinkedHashSet<>(all(ITEM, text));
        List<Invoice.Item> items = new ArrayList<>();
        for (String n : itemNames) items.add(new Invoice.Item(n, null, null));
        return items;
    }

    private static String strip(String amount) {
        return amount == null ? null : amount.replace("¥", "").replace("￥", "");
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static List<String> all(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}
