package cn.huikuan.invoices;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One invoice as read from its file: number, issue date, the two parties, the amounts (yuan, scale 2; negative on a
 * 红字 credit invoice), the items, and for a credit invoice the number of the invoice it reverses when the file names it.
 * {@code readBy} says how the fields were read (which structure of which format), for the report and the docs.
 */
public record Invoice(String number, LocalDate issued, Party seller, Party buyer, BigDecimal net, BigDecimal tax, BigDecimal gross,
                      List<Item> items, String creditOf, Format format, String readBy) {

    /** 销售方 or 购买方: the name and the 统一社会信用代码 / 纳税人识别号 / ID number (null when the invoice has none). */
    public record Party(String name, String id) {
    }

    /** One line of 项目: the name as printed (*类别*名称), its amount without tax and its tax. */
    public record Item(String name, BigDecimal amount, BigDecimal tax) {
    }

    public enum Format {
        XML, OFD, PDF
    }

    public Invoice {
        items = List.copyOf(items);
    }

    /** A 红字 (credit) invoice: its tax-included total is negative. */
    public boolean credit() {
        return gross.signum() < 0;
    }

    /** The items' names without their *category* prefix, joined by 、 (the receivable's title); 货款 when none were read. */
    public String itemNames() {
        String s = items.stream().map(i -> shortName(i.name())).filter(n -> !n.isBlank()).distinct().collect(Collectors.joining("、"));
        return s.isBlank() ? "货款" : s;
    }

    /** {@code *钢材*螺纹钢} → {@code 螺纹钢}; a name without the prefix as it is. */
    static String shortName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.startsWith("*")) {
            int end = n.indexOf('*', 1);
            if (end > 0 && end < n.length() - 1) return n.substring(end + 1).strip();
        }
        return n;
    }
}
