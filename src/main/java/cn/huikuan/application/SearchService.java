package cn.huikuan.application;

import cn.huikuan.domain.IdentityNumbers;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.math.RoundingMode;

/**
 * One search box across the open book (issue 7): customers by name, ID number or phone; receivables by
 * their customer, title, contract number or amount (principal or outstanding, "300000" or "300,000.00"), as
 * the receivables list finds them ({@link ListQueries#textMatches}: in books over 20,000 receivables titles and
 * contract numbers match from their start); evidence by title or file name. Each hit says what it is and which receivable (or customer) it opens. Text is bound, never
 * spliced into SQL; at most {@code limit} hits per kind.
 */
public final class SearchService {
    public enum Kind { CUSTOMER, RECEIVABLE, EVIDENCE }

    /** A hit: what matched, the line to show, and the receivable to open (null for a customer without one). */
    public record Hit(Kind kind, long id, Long receivableId, String title, String detail) {
    }

    private final BookContext ctx;
    private final ListQueries lists;

    SearchService(BookContext ctx, ListQueries lists) {
        this.ctx = ctx;
        this.lists = lists;
    }

    public List<Hit> search(String text, int limit) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) return List.of();
        String like = "%" + ListQueries.escapeLike(t.toLowerCase(Locale.ROOT)) + "%";
        long book = ctx.creditorId();
        return ctx.db().withConnection(c -> {
            List<Hit> hits = new ArrayList<>();
            // customers and receivables are found as the lists find them: through indexes, never a pass per row (issue 7)
            String customerSql = """
                    SELECT cu.id, cu.name, cu.registration_number,
                           (SELECT MIN(cc."value") FROM customer_contact cc WHERE cc.customer_id = cu.id AND cc.kind = 'PHONE'),
                           (SELECT MIN(r.id) FROM receivable r WHERE r.customer_id = cu.id)
                    FROM customer cu WHERE cu.creditor_id = ? AND cu.id = ANY(?) ORDER BY cu.name, cu.id LIMIT ?""";
            List<Object> params = List.of(book, lists.matchingCustomers(c, t, book), limit);
            try (PreparedStatement ps = c.prepareStatement(customerSql)) {
                for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long rid = rs.getLong(5);
                        hits.add(new Hit(Kind.CUSTOMER, rs.getLong(1), rs.wasNull() ? null : rid, rs.getString(2),
                                join(rs.getString(3) == null ? null : IdentityNumbers.mask(rs.getString(3)), ListQueries.maskPhone(rs.getString(4)))));
                    }
                }
            }
            String receivableSql = """
                    SELECT r.id, cu.name, r.title, r.contract_number, r.principal, r.outstanding
                    FROM receivable r JOIN customer cu ON cu.id = r.customer_id WHERE r.creditor_id = ? AND r.id = ANY(?)
                    ORDER BY r.contract_date DESC, r.id DESC LIMIT ?""";
            params = List.of(book, lists.matchingReceivables(c, t, book), limit);
            try (PreparedStatement ps = c.prepareStatement(receivableSql)) {
                for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new Hit(Kind.RECEIVABLE, rs.getLong(1), rs.getLong(1), rs.getString(2) + " — " + rs.getString(3),
                                join(rs.getString(4), "¥" + String.format("%,.2f", rs.getBigDecimal(5)),
                                        "未收 ¥" + String.format("%,.2f", rs.getBigDecimal(6).max(BigDecimal.ZERO)))));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT e.id, e.receivable_id, e.title, e.original_file_name, cu.name
                    FROM evidence e JOIN receivable r ON r.id = e.receivable_id JOIN customer cu ON cu.id = r.customer_id
                    WHERE cu.creditor_id = ? AND (LOWER(e.title) LIKE ? ESCAPE '\\' OR LOWER(e.original_file_name) LIKE ? ESCAPE '\\')
                    ORDER BY e.id LIMIT ?""")) {
                ps.setLong(1, book);
                ps.setString(2, like);
                ps.setString(3, like);
                ps.setInt(4, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        hits.add(new Hit(Kind.EVIDENCE, rs.getLong(1), rs.getLong(2), rs.getString(3), join(rs.getString(5), rs.getString(4))));
                    }
                }
            }
            return hits;
        });
    }

    /** "300000", "300,000.00", "¥300,000", "30万" → 300000.00; anything else null. */
    static BigDecimal amount(String t) {
        String s = t.replace("¥", "").replace("￥", "").replace(",", "").replace("，", "").replace("元", "").strip();
        BigDecimal factor = BigDecimal.ONE;
        if (s.endsWith("万")) {
            factor = BigDecimal.valueOf(10_000);
            s = s.substring(0, s.length() - 1);
        }
        try {
            return new BigDecimal(s).multiply(factor).setScale(2, RoundingMode.HALF_UP);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p == null || p.isBlank()) continue;
            if (!sb.isEmpty()) sb.append(" · ");
            sb.append(p);
        }
        return sb.toString();
    }
}
