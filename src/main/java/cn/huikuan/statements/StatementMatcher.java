package cn.huikuan.statements;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes a receivable for each line of money received (issue 23). Plain Java: the open receivables and the payer
 * memory are handed in.
 *
 * <p>The payer is found by what the user confirmed before (the account, then the name, remembered in the book), else
 * by the customer's name: equal, or equal but for the characters WeChat and Alipay mask (李*明). Among that
 * customer's receivables open on the line's date (made on or before it), the amount decides: all that is still open
 * ({@link MatchKind#EXACT}), an unpaid instalment of the schedule or the repayment plan ({@link MatchKind#INSTALMENT}),
 * or less than what is open ({@link MatchKind#PART}); the best fit wins, and between equal fits the oldest debt
 * (earliest unpaid due date, then contract date). More than is open is no match. Lines are matched in date order and
 * each proposal takes its amount off what is open, so two lines never propose more than a receivable's balance. A line
 * whose payer is unknown gets no proposal: the user picks one or skips it.
 */
public final class StatementMatcher {
    private final Map<Long, List<OpenReceivable>> byCustomer = new HashMap<>();
    private final Map<String, List<Long>> byName = new HashMap<>();
    /** Customers by name length and first character, and by length and last character, for masked names. */
    private final Map<String, List<Long>> byNameEnds = new HashMap<>();
    private final Map<Long, String> names = new HashMap<>();
    private final Map<String, Long> memory;
    private final Map<Long, BigDecimal> open = new HashMap<>();
    private final Map<Long, List<BigDecimal>> instalments = new HashMap<>();

    /**
     * @param receivables the book's open receivables
     * @param memory      customer ids by {@link #nameKey} and {@link #accountKey} of payers the user confirmed before
     */
    public StatementMatcher(List<OpenReceivable> receivables, Map<String, Long> memory) {
        this.memory = Map.copyOf(memory);
        for (OpenReceivable r : receivables) {
            byCustomer.computeIfAbsent(r.customerId(), k -> new ArrayList<>()).add(r);
            open.put(r.id(), r.outstanding());
            instalments.put(r.id(), new ArrayList<>(r.unpaidInstalments()));
            if (names.put(r.customerId(), r.customerName()) == null) {
                String n = normName(r.customerName());
                byName.computeIfAbsent(n, k -> new ArrayList<>()).add(r.customerId());
                if (!n.isEmpty()) {
                    byNameEnds.computeIfAbsent(n.length() + "<" + n.charAt(0), k -> new ArrayList<>()).add(r.customerId());
                    byNameEnds.computeIfAbsent(n.length() + ">" + n.charAt(n.length() - 1), k -> new ArrayList<>()).add(r.customerId());
                }
            }
        }
        Comparator<OpenReceivable> oldestFirst = Comparator.comparing(OpenReceivable::firstUnpaidDue, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(OpenReceivable::contractDate).thenComparingLong(OpenReceivable::id);
        byCustomer.values().forEach(l -> l.sort(oldestFirst));
    }

    /** The memory key of a payer's name: without spaces, full-width letters as half-width, lower case. */
    public static String nameKey(String payer) {
        return payer == null || normName(payer).isEmpty() ? null : "n:" + normName(payer);
    }

    /** The memory key of a payer's account: its letters and digits, upper case (spaces and dashes as banks print them aside). */
    public static String accountKey(String account) {
        if (account == null) return null;
        String a = account.replaceAll("[^0-9A-Za-z*]", "").toUpperCase(Locale.ROOT);
        // a masked account (6222****1234) is not one account: several people's look alike
        return a.length() < 4 || a.contains("*") ? null : "a:" + a;
    }

    static String normName(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.strip().toCharArray()) {
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char) (c - 0xFEE0);   // full-width ASCII
            if (Character.isWhitespace(c) || c == '\u3000') continue;
            b.append(Character.toLowerCase(c));
        }
        return b.toString().replace('（', '(').replace('）', ')');
    }

    /** Proposals for {@code lines}, in their order; lines that are not money received get none. */
    public List<Proposal> match(List<StatementLine> lines) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) order.add(i);
        order.sort(Comparator.comparing((Integer i) -> lines.get(i).date()).thenComparingInt(i -> i));
        Proposal[] out = new Proposal[lines.size()];
        for (int i : order) out[i] = propose(lines.get(i));
        return List.of(out);
    }

    private Proposal propose(StatementLine line) {
        if (!line.received()) return Proposal.none(line);
        boolean[] remembered = {false};
        Set<Long> customers = customersOf(line, remembered);
        OpenReceivable best = null;
        MatchKind bestKind = null;
        for (long c : customers) {
            for (OpenReceivable r : byCustomer.getOrDefault(c, List.of())) {
                if (r.contractDate() != null && r.contractDate().isAfter(line.date())) continue;
                MatchKind k = kind(line.amount(), open.get(r.id()), instalments.get(r.id()));
                if (k != null && (bestKind == null || k.ordinal() < bestKind.ordinal())) {
                    best = r;
                    bestKind = k;
                }
            }
        }
        if (best == null) return Proposal.none(line);
        take(best.id(), line.amount(), bestKind);
        return new Proposal(line, best, bestKind, remembered[0]);
    }

    /** Takes a line's amount off what the receivable has open (a proposal, or the user's choice in its place). */
    public void take(long receivableId, BigDecimal amount, MatchKind kind) {
        BigDecimal left = open.get(receivableId);
        if (left != null) open.put(receivableId, left.subtract(amount));
        List<BigDecimal> due = instalments.get(receivableId);
        if (due != null && kind == MatchKind.INSTALMENT) {
            for (int i = 0; i < due.size(); i++) {
                if (due.get(i).compareTo(amount) == 0) {
                    due.remove(i);
                    break;
                }
            }
        }
    }

    /**
     * How {@code amount} fits a receivable with {@code outstanding} open and those unpaid instalments; null when it is
     * more than is open (or nothing is open).
     */
    public static MatchKind kind(BigDecimal amount, BigDecimal outstanding, List<BigDecimal> unpaidInstalments) {
        if (outstanding == null || outstanding.signum() <= 0 || amount.compareTo(outstanding) > 0) return null;
        if (amount.compareTo(outstanding) == 0) return MatchKind.EXACT;
        if (unpaidInstalments != null && unpaidInstalments.stream().anyMatch(x -> x.compareTo(amount) == 0)) return MatchKind.INSTALMENT;
        return MatchKind.PART;
    }

    /** The customers a line's payer is: by memory (account, then name), else by name. */
    private Set<Long> customersOf(StatementLine line, boolean[] remembered) {
        Set<Long> found = new LinkedHashSet<>();
        for (String key : new String[]{accountKey(line.account()), nameKey(line.payer())}) {
            Long c = key == null ? null : memory.get(key);
            if (c != null && names.containsKey(c)) {
                remembered[0] = true;
                found.add(c);
                return found;
            }
        }
        if (line.payer() == null) return found;
        String n = normName(line.payer());
        if (n.isEmpty()) return found;
        found.addAll(byName.getOrDefault(n, List.of()));
        if (found.isEmpty() && n.indexOf('*') >= 0) {
            List<Long> pool = n.charAt(0) != '*' ? byNameEnds.getOrDefault(n.length() + "<" + n.charAt(0), List.of())
                    : n.charAt(n.length() - 1) != '*' ? byNameEnds.getOrDefault(n.length() + ">" + n.charAt(n.length() - 1), List.of()) : List.of();
            List<Long> fits = pool.stream().filter(c -> masked(n, normName(names.get(c)))).toList();
            if (fits.size() == 1) found.addAll(fits);   // 李*明 that fits two customers is neither
        }
        return found;
    }

    private static boolean masked(String pattern, String name) {
        if (pattern.length() != name.length()) return false;
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) != '*' && pattern.charAt(i) != name.charAt(i)) return false;
        }
        return true;
    }
}
