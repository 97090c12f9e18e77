package cn.huikuan.statements;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a statement from its rows (as {@code SpreadsheetRows} hands them: cell texts, dates of .xlsx date cells as
 * ISO dates), one row at a time, keeping only the lines. Plain Java: no file, no database.
 *
 * <p>The rows above the header are the export's preamble (WeChat's 微信支付账单明细 and its ~16 lines, Alipay's
 * account and period lines, a bank's account and title rows); the header is the first row that names a date column,
 * an amount column (credit, or an amount with a direction) and the other party (name or account), each by one of the
 * names banks, WeChat and Alipay give it. The format is WeChat or Alipay when the preamble or the header says so,
 * else a bank's.
 *
 * <p>Each line gets a key that recognises it when it is imported again: its transaction number (with its date and
 * amount) where the file has one, else the hash of date, payer, amount and summary together with how many equal
 * lines came before it in the file (two equal payments on one day are two lines; an overlapping statement holds
 * them in the same order, so they get the same keys again).
 *
 * <p>Refused at once, naming the row: a cell that starts like a spreadsheet formula ({@code =…}, {@code +cmd…},
 * {@code @SUM…}: the line would be kept as evidence and could be opened in Excel), more than {@link #MAX_LINES}
 * lines, no header within the first {@link #MAX_PREAMBLE} rows.
 */
public final class StatementReader {
    /** Lines in one statement at most (a year of a busy shop's bank account is some tens of thousands). */
    public static final int MAX_LINES = 100_000;
    /** Rows before the header at most (WeChat's preamble is 16, Alipay's some 20, a bank's a handful). */
    public static final int MAX_PREAMBLE = 60;

    /** What a column holds. */
    enum Field {
        DATE, PAYER, ACCOUNT, CREDIT, DEBIT, AMOUNT, DIRECTION, SUMMARY, TXID, STATUS
    }

    /** Each field's header names, normalised ({@link #norm}), preferred first. */
    private static final Map<Field, List<String>> NAMES = new EnumMap<>(Field.class);

    static {
        NAMES.put(Field.DATE, List.of("交易时间", "交易日期", "记账日期", "入账日期", "付款时间", "交易创建时间", "入账时间", "记账时间",
                "交易日", "日期", "时间"));
        NAMES.put(Field.PAYER, List.of("对方户名", "对方账户名称", "对方账户名", "对方账户户名", "对方名称", "对方户名称", "交易对方", "对方单位",
                "付款人名称", "付款人", "付款方名称", "收/付款人", "对方"));
        NAMES.put(Field.ACCOUNT, List.of("对方账号", "对方帐号", "对方账户", "对方卡号", "对方账号/卡号", "对方账户账号", "付款人账号", "付款方账号"));
        NAMES.put(Field.CREDIT, List.of("贷方金额", "收入金额", "贷方发生额", "存入金额", "收入", "贷方", "存入"));
        NAMES.put(Field.DEBIT, List.of("借方金额", "支出金额", "借方发生额", "取出金额", "支取金额", "支出", "借方", "取出"));
        NAMES.put(Field.AMOUNT, List.of("金额", "交易金额", "发生额"));
        NAMES.put(Field.DIRECTION, List.of("收/支", "借贷标志", "收支标志", "借贷方向", "收/付", "借贷", "收支类型", "资金流向", "收支"));
        NAMES.put(Field.SUMMARY, List.of("摘要", "用途", "附言", "交易摘要", "交易用途", "交易附言", "摘要/用途", "商品", "商品说明", "商品名称", "备注"));
        NAMES.put(Field.TXID, List.of("交易单号", "交易订单号", "交易号", "流水号", "交易流水号", "银行流水号", "交易流水", "业务流水号", "交易参考号", "凭证号"));
        NAMES.put(Field.STATUS, List.of("当前状态", "交易状态"));
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})");
    private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:\\D.*)?");
    private static final Pattern AMOUNT = Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?|\\.\\d+)");
    /** An incoming line whose status says the money did not arrive or went back. */
    private static final Pattern NOT_RECEIVED = Pattern.compile(".*(关闭|失败|退款|已退|撤销|冲正|待支付|等待|未到账).*");

    private final List<String> preamble = new ArrayList<>();
    private final List<StatementLine> lines = new ArrayList<>();
    private final List<Statement.Problem> problems = new ArrayList<>();
    private final Map<String, Integer> seenHashes = new HashMap<>();
    private final Set<String> seenKeys = new HashSet<>();
    private final MessageDigest sha;
    private int row;
    private int headerRow;
    private List<String> header;
    private Map<Field, Integer> columns;
    private List<Integer> summaryColumns;
    /** Every column named as a date, preferred first: a bank's 交易时间 may hold the time of day only, beside 记账日期. */
    private List<Integer> dateColumns;
    private StatementFormat format;

    public StatementReader() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a whole statement from its rows. */
    public static Statement read(List<List<String>> rows) {
        StatementReader r = new StatementReader();
        rows.forEach(r::accept);
        return r.finish();
    }

    /** The next row of the file (the n-th call is row n). */
    public void accept(List<String> cells) {
        row++;
        for (String c : cells) refuseFormula(c);
        boolean blank = cells.stream().allMatch(c -> c == null || c.isBlank());
        if (header == null) {
            if (blank) return;
            Map<Field, Integer> found = columnsOf(cells);
            if (found.containsKey(Field.DATE) && (found.containsKey(Field.CREDIT) || found.containsKey(Field.AMOUNT))
                    && (found.containsKey(Field.PAYER) || found.containsKey(Field.ACCOUNT))) {
                header = cells.stream().map(c -> c == null ? "" : clean(c)).toList();
                headerRow = row;
                columns = found;
                summaryColumns = new ArrayList<>();
                dateColumns = new ArrayList<>();
                List<String> normed = cells.stream().map(StatementReader::norm).toList();
                for (int i = 0; i < cells.size(); i++) {
                    if (NAMES.get(Field.SUMMARY).contains(normed.get(i))) summaryColumns.add(i);
                }
                for (String name : NAMES.get(Field.DATE)) {
                    for (int i = 0; i < normed.size(); i++) if (normed.get(i).equals(name)) dateColumns.add(i);
                }
                format = formatOf(preamble, found.keySet(), header);
                return;
            }
            if (row > MAX_PREAMBLE) throw noHeader();
            preamble.add(String.join(" ", cells));
            return;
        }
        if (blank) return;
        line(cells);
    }

    /** Whether the header has been found (the rows after it are lines). */
    public boolean hasHeader() {
        return header != null;
    }

    /**
     * Whether {@code cells} (a row after the header) can only be the rest of a neighbouring row's wrapped cells: nothing
     * in any date, amount, direction, status or transaction-number column, and text only in the payer, account and summary
     * columns (a PDF statement's 对方户名 or 摘要 on a second line). A footer (合计, 共 N 笔, a page number) has text elsewhere
     * or stands far from the rows; the caller decides by where the line stands.
     */
    public boolean continuation(List<String> cells) {
        if (header == null) return false;
        Set<Integer> text = new HashSet<>(summaryColumns);
        for (Field f : List.of(Field.PAYER, Field.ACCOUNT, Field.SUMMARY)) if (columns.containsKey(f)) text.add(columns.get(f));
        boolean any = false;
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (c == null || c.isBlank()) continue;
            if (!text.contains(i)) return false;
            any = true;
        }
        return any;
    }

    /** How many rows have been handed in. */
    public int rowsRead() {
        return row;
    }

    /** The statement read so far; refused if no header was found. */
    public Statement finish() {
        if (header == null) throw noHeader();
        return new Statement(format, headerRow, header, List.copyOf(lines), List.copyOf(problems));
    }

    private static StatementRefused noHeader() {
        return new StatementRefused("没有找到对账单的表头（需要交易日期、对方户名或对方账号、贷方金额或金额等列），请确认这是银行流水、微信支付账单或支付宝账单"
                + " / no statement header found (a date, the other party's name or account, and a credit or amount column):"
                + " is this a bank statement, a WeChat Pay bill or an Alipay bill?");
    }

    private static StatementFormat formatOf(List<String> preamble, Set<Field> fields, List<String> header) {
        String before = String.join(" ", preamble);
        Set<String> names = new HashSet<>();
        for (String h : header) names.add(norm(h));
        if (before.contains("微信") || names.contains("商户单号") && names.contains("支付方式")) return StatementFormat.WECHAT;
        if (before.contains("支付宝") || names.contains("商家订单号") || names.contains("收/付款方式") || names.contains("交易分类")) return StatementFormat.ALIPAY;
        return StatementFormat.BANK;
    }

    static Map<Field, Integer> columnsOf(List<String> cells) {
        Map<Field, Integer> m = new EnumMap<>(Field.class);
        List<String> normed = cells.stream().map(StatementReader::norm).toList();
        Set<Integer> taken = new HashSet<>();
        for (Field f : Field.values()) {
            for (String name : NAMES.get(f)) {
                int i = normed.indexOf(name);
                if (i >= 0 && !taken.contains(i)) {
                    m.put(f, i);
                    taken.add(i);
                    break;
                }
            }
        }
        return m;
    }

    /** A header name without spaces, units or brackets: 「金额（元）」 and 「 金额(元) 」 are 「金额」. */
    static String norm(String s) {
        if (s == null) return "";
        return s.strip().replace('（', '(').replace('）', ')').replaceAll("\\((元|人民币|RMB|CNY)\\)|[\\s\u3000:：*]", "")
                .toLowerCase(Locale.ROOT);
    }

    /** A cell's text without the tab WeChat and Alipay put after numbers (to keep Excel from reading them as numbers) and without outer spaces. */
    static String clean(String s) {
        return s == null ? "" : s.replace('\t', ' ').strip();
    }

    private String cell(List<String> cells, Field f) {
        Integer i = columns.get(f);
        if (i == null || i >= cells.size()) return null;
        String v = clean(cells.get(i));
        return v.isEmpty() || v.equals("/") || v.equals("-") || v.equals("--") ? null : v;
    }

    private void line(List<String> cells) {
        String dateText = null;
        LocalDate date = null;
        for (int i : dateColumns) {
            String t = i < cells.size() ? clean(cells.get(i)) : "";
            if (t.isEmpty()) continue;
            if (dateText == null) dateText = t;
            date = date(t);
            if (date != null) break;
        }
        String credit = cell(cells, Field.CREDIT), debit = cell(cells, Field.DEBIT), amountText = cell(cells, Field.AMOUNT);
        if (dateText == null && credit == null && debit == null && amountText == null) return;  // a footer: totals, dashes, notes
        if (date == null) {
            // Alipay's and banks' footers (「共 12 笔记录」, 「合计」) have no date and are no lines
            if (dateText == null || !dateText.matches(".*\\d{4}.*")) return;
            problem("日期无法识别：" + shown(dateText) + " / the date cannot be read");
            return;
        }
        if (lines.size() >= MAX_LINES) {
            throw new StatementRefused("对账单超过 " + MAX_LINES + " 行，请按月分成几个文件导入 / more than "
                    + String.format(Locale.ROOT, "%,d", MAX_LINES) + " lines: split the statement by month");
        }
        BigDecimal amount;
        StatementLine.Direction direction;
        try {
            if (columns.containsKey(Field.CREDIT)) {
                BigDecimal in = credit == null ? null : amount(credit);
                BigDecimal out = debit == null ? null : amount(debit);
                if (in != null && in.signum() != 0) {
                    amount = in.abs();
                    direction = in.signum() > 0 ? StatementLine.Direction.IN : StatementLine.Direction.OUT;
                } else if (out != null && out.signum() != 0) {
                    amount = out.abs();
                    direction = StatementLine.Direction.OUT;
                } else if (amountText != null) {
                    BigDecimal a = amount(amountText);
                    amount = a.abs();
                    direction = a.signum() < 0 ? StatementLine.Direction.OUT : StatementLine.Direction.IN;
                } else {
                    return;   // neither credit nor debit: a balance line
                }
            } else {
                if (amountText == null) {
                    problem("没有金额 / no amount");
                    return;
                }
                BigDecimal a = amount(amountText);
                amount = a.abs();
                direction = directionOf(cell(cells, Field.DIRECTION), a, columns.containsKey(Field.DIRECTION));
            }
        } catch (NumberFormatException e) {
            problem(e.getMessage());
            return;
        }
        if (amount.signum() == 0) return;
        String payer = limit(cell(cells, Field.PAYER), 200);
        String account = limit(cell(cells, Field.ACCOUNT), 64);
        String txid = limit(cell(cells, Field.TXID), 100);
        String status = limit(cell(cells, Field.STATUS), 100);
        List<String> summaries = new ArrayList<>();
        for (int i : summaryColumns) {
            if (i < cells.size()) {
                String v = clean(cells.get(i));
                if (!v.isEmpty() && !v.equals("/") && !summaries.contains(v)) summaries.add(v);
            }
        }
        String summary = limit(summaries.isEmpty() ? null : String.join(" / ", summaries), 500);
        boolean received = direction == StatementLine.Direction.IN && (status == null || !NOT_RECEIVED.matcher(status).matches());
        String key;
        if (txid != null) {
            key = hash("t|" + txid + "|" + date + "|" + amount.toPlainString());
        } else {
            String h = hash("h|" + date + "|" + nz(payer) + "|" + nz(account) + "|" + amount.toPlainString() + "|" + direction + "|" + nz(summary));
            int n = seenHashes.merge(h, 1, Integer::sum) - 1;
            key = hash(h + "#" + n);
        }
        if (!seenKeys.add(key)) {
            problem("与本文件前面的一行重复（同一交易单号）/ the same transaction as an earlier line of this file");
            return;
        }
        lines.add(new StatementLine(row, date, payer, account, amount, direction, summary, txid, status, received, key,
                cells.size() > header.size() + 5 ? cells.subList(0, header.size() + 5) : cells));
    }

    private static StatementLine.Direction directionOf(String text, BigDecimal signed, boolean hasColumn) {
        if (!hasColumn) return signed.signum() < 0 ? StatementLine.Direction.OUT : StatementLine.Direction.IN;
        if (text == null) return StatementLine.Direction.NEITHER;
        if (text.contains("不计")) return StatementLine.Direction.NEITHER;
        if (text.contains("收") || text.contains("贷") || text.contains("入")) return StatementLine.Direction.IN;
        if (text.contains("支") || text.contains("借") || text.contains("出") || text.contains("付")) return StatementLine.Direction.OUT;
        return StatementLine.Direction.NEITHER;
    }

    private void problem(String reason) {
        problems.add(new Statement.Problem(row, reason));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String limit(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    private String hash(String text) {
        sha.reset();
        return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A date as exports write it: 2026-03-05, 2026/3/5 10:23, 2026年3月5日, 20260305, or an Excel serial day; null if none. */
    static LocalDate date(String text) {
        if (text == null) return null;
        try {
            Matcher m = DATE.matcher(text);
            if (m.find()) return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            m = COMPACT_DATE.matcher(text);
            if (m.matches()) return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (text.matches("\\d{5}(\\.\\d+)?")) {
                long serial = (long) Double.parseDouble(text);
                if (serial > 20_000 && serial < 80_000) return LocalDate.of(1899, 12, 30).plusDays(serial);
            }
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
        return null;
    }

    /**
     * An amount as exports write it: ¥1,234.50, ￥100.00, 1234.5, -200.00, 100元, (200.00) for a debit; two decimals.
     * More than two decimals is refused unless it is a spreadsheet's binary rounding (1234.5600000000001).
     */
    static BigDecimal amount(String text) {
        String t = text.replaceAll("[\\s,，¥￥]|元|RMB|CNY|人民币", "");
        boolean bracketed = t.startsWith("(") && t.endsWith(")");
        if (bracketed) t = t.substring(1, t.length() - 1);
        Matcher m = AMOUNT.matcher(t);
        if (!m.matches()) throw new NumberFormatException("金额无法识别：" + shown(text) + " / the amount cannot be read");
        BigDecimal v = new BigDecimal(m.group(2));
        if (v.compareTo(new BigDecimal("1000000000000")) >= 0) throw new NumberFormatException("金额过大：" + shown(text) + " / the amount is too large");
        BigDecimal two = v.setScale(2, RoundingMode.HALF_UP);
        if (v.compareTo(two) != 0 && v.subtract(two).abs().compareTo(new BigDecimal("0.000001")) > 0) {
            throw new NumberFormatException("金额超过两位小数：" + shown(text) + " / the amount has more than two decimals");
        }
        return m.group(1).equals("-") || bracketed ? two.negate() : two;
    }

    /** A cell's text as a message shows it: at most 20 characters, control and direction characters as '?'. */
    static String shown(String text) {
        String t = text.length() > 20 ? text.substring(0, 20) + "…" : text;
        return t.replaceAll("[\\p{Cc}\\p{Cf}]", "?");
    }

    /**
     * Refuses a cell that a spreadsheet program would run as a formula when the kept line is opened in it: one that
     * starts with '=' (a row of '=' as a rule line aside), or with '@', '+' or '-' followed by a letter, a bracket,
     * a quote, '|' or another of these (+cmd|' /C calc'!A0, -HYPERLINK(…), @SUM(…)), or by a number that goes on
     * with more than a number (-2+3+cmd|…). Signed amounts (-200.00), phone numbers (+86 138…) and rule lines of
     * dashes pass.
     */
    private void refuseFormula(String cell) {
        if (cell == null) return;
        String t = cell.strip();
        if (t.length() < 2) return;
        char first = t.charAt(0);
        int run = 0;
        while (run < t.length() && t.charAt(run) == first) run++;
        boolean formula = switch (first) {
            case '=' -> run < t.length();
            // a rule line (「-----交易记录明细列表-----」) starts with three or more
            case '@', '+', '-' -> run < 3 && run < t.length()
                    && (t.charAt(run) < 128 && Character.isLetter(t.charAt(run)) || "([{\"'|=@+-".indexOf(t.charAt(run)) >= 0
                    // a number (-200.00, +86-138-0000-0000) passes; one that goes on to a name or a command (-2+3+cmd|…) does not
                    || Character.isDigit(t.charAt(run)) && t.substring(run).matches(".*[A-Za-z|!(=@\"'].*"));
            default -> false;
        };
        if (formula) {
            throw new StatementRefused("第 " + row + " 行有一个单元格以公式开头（" + shown(t) + "），在 Excel 中打开时可能执行命令；文件被拒绝，未导入任何内容"
                    + " / row " + row + " has a cell that starts like a spreadsheet formula (" + shown(t)
                    + "), which could run a command when opened in Excel: the file is refused, nothing was imported");
        }
    }
}
