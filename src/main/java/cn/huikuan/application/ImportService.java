package cn.huikuan.application;

import cn.huikuan.persistence.Dialect;

import cn.huikuan.domain.ContactMethod;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.IdentityNumbers;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.persistence.AmountIndexes;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import cn.huikuan.domain.AuditChain;
import cn.huikuan.storage.Sha256;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.TreeMap;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.LoggerFactory;

/**
 * Imports receivables (with their customers and an optional payment) from .xlsx or .csv: columns are
 * matched by common Chinese and English names (the mapping can be changed), a dry run checks every row and
 * lists each rejected one with its reason, and the import is all or nothing: it refuses while any row is
 * rejected and writes everything in one transaction. Or, asked to (issue 21), it imports the valid rows only, all
 * or nothing as well, and {@link #writeRefused} gives back the others with their reasons. A paid row without a
 * payment date is refused unless the user chose a default ({@link PaidOnDefault}), which the report states; an ID
 * number's check character decides person or organisation. {@link #writeTemplate} writes the template.
 */
public final class ImportService {
    /** At most this many data rows per file (a bigger sheet is refused before anything is written). */
    public static final int MAX_ROWS = 200_000;

    public enum Column {
        CUSTOMER("客户名称", "客户", "姓名", "名称", "单位名称", "customer", "name"),
        CUSTOMER_KIND("客户类型", "类型", "customer type", "kind"),
        ID_NUMBER("证件号码", "身份证号", "身份证号码", "统一社会信用代码", "信用代码", "id number", "registration number", "credit code"),
        PHONE("电话", "手机", "手机号", "联系电话", "phone", "mobile"),
        ADDRESS("地址", "住所", "住址", "address"),
        // issue 21: a ledger's 业务内容 (or 品名 …) is what the receivable is for
        TITLE("业务内容", "事由", "摘要", "项目", "合同名称", "内容", "业务摘要", "品名", "商品名称", "货物名称", "项目名称", "title", "description"),
        DEBT_KIND("欠款类型", "类别", "业务类型", "receivable type", "debt type"),
        CONTRACT_NUMBER("合同编号", "单号", "contract number", "contract no"),
        CONTRACT_DATE("合同日期", "日期", "发生日期", "开单日期", "contract date", "date"),
        AMOUNT("金额", "本金", "应收金额", "欠款金额", "合同金额", "amount", "principal"),
        DUE_DATE("到期日", "到期日期", "付款期限", "应付日期", "due date", "due"),
        PAID("已收金额", "已付", "已收", "已付金额", "回款金额", "paid", "paid amount"),
        PAID_ON("付款日期", "收款日期", "回款日期", "到账日期", "paid on", "payment date");

        final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        public boolean required() {
            return this == CUSTOMER || this == AMOUNT || this == CONTRACT_DATE;
        }
    }

    /** One rejected row: its number in the file (as the spreadsheet shows it; the header's when a column is missing) and why. */
    public record Rejection(int row, String reason) {
    }

    /** Something the import decided for a row that the user should know (it is not a rejection). */
    public record Notice(int row, String text) {
    }

    /**
     * The payment date given to a row that has a paid amount but no payment date (issue 21): none (the row is
     * refused, as before), the day of the import, or the row's due date (its date when it has no due date).
     * Whatever is chosen is stated in the report and in the payment's note, never silently.
     */
    public enum PaidOnDefault {
        NONE, IMPORT_DATE, DUE_DATE
    }

    /**
     * How to import: the payment-date default, and whether the valid rows go in while others are refused
     * ({@code partial}) or the import is all or nothing (the default).
     */
    public record Options(PaidOnDefault paidOn, boolean partial) {
        public static final Options ALL_OR_NOTHING = new Options(PaidOnDefault.NONE, false);

        public Options {
            if (paidOn == null) paidOn = PaidOnDefault.NONE;
        }
    }

    /**
     * A dry run's (or an import's) findings. {@code paidOnMissing}: rows with a paid amount and no payment date;
     * {@code paidOnDefaulted}: accepted rows whose payment date is the chosen default ({@code paidOnDefault},
     * {@code importDate} being the import's day). {@code notices}: rows the import decided something for, such as
     * a customer's kind taken from the ID number against the name. {@code sourceHash}: the file's SHA-256, so
     * that the refused rows are copied only from the file the report was made of.
     */
    public record Report(int rows, int accepted, List<Rejection> rejected, int newCustomers, int existingCustomers,
                         Map<Column, Integer> mapping, List<String> header, List<List<String>> preview,
                         PaidOnDefault paidOnDefault, LocalDate importDate, int paidOnMissing, int paidOnDefaulted,
                         List<Notice> notices, String sourceHash) {
        public boolean ok() {
            return rejected.isEmpty() && rows > 0;
        }

        /** Whether a partial import (the valid rows only) has anything to import. */
        public boolean anyAccepted() {
            return accepted > 0;
        }
    }

    /** The import was refused: the report says which rows and why. Nothing was written. */
    public static final class ImportRefused extends RuntimeException {
        private final Report report;

        public ImportRefused(Report report) {
            super(report.rows() == 0 ? "没有数据行 / no data rows"
                    : report.accepted() == 0 ? "没有一行可以导入，未导入任何数据 / no row can be imported, nothing imported"
                    : report.rejected().size() + " 行有误，未导入任何数据 / rows rejected, nothing imported");
            this.report = report;
        }

        public Report report() {
            return report;
        }
    }

    static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super("表格超过 " + MAX_ROWS + " 行，请分成几个文件导入 / more than " + MAX_ROWS + " rows: split the file");
        }
    }

    private record Parsed(int row, String customer, PartyKind kind, String idNumber, String phone, String address, String title,
                          ReceivableKind debtKind, String contractNumber, LocalDate contractDate, BigDecimal amount, LocalDate due,
                          BigDecimal paid, LocalDate paidOn, PaidOnDefault paidOnFrom) {
        /** Whether the payment date is the chosen default rather than the file's. */
        boolean paidOnDefaulted() {
            return paidOnFrom != PaidOnDefault.NONE;
        }

        String customerKey() {
            return customer + "\u0000" + (idNumber == null ? "" : idNumber);
        }

        /** What the row says was paid, zero if nothing. */
        BigDecimal paidSoFar() {
            return paid != null && paid.signum() > 0 ? paid : BigDecimal.ZERO;
        }
    }

    private final BookContext ctx;

    ImportService(BookContext ctx) {
        this.ctx = ctx;
    }

    /** The mapping Huikuan proposes for a header row: each column it recognises, by name. */
    public static Map<Column, Integer> guessMapping(List<String> header) {
        Map<Column, Integer> m = new EnumMap<>(Column.class);
        for (Column c : Column.values()) {
            for (int i = 0; i < header.size(); i++) {
                String h = norm(header.get(i));
                if (c.names.stream().anyMatch(n -> norm(n).equals(h)) && !m.containsValue(i)) {
                    m.put(c, i);
                    break;
                }
            }
        }
        return m;
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().replace("（", "(").replace("）", ")").replaceAll("\\(.*\\)|\\s+|[*：:]", "").toLowerCase(Locale.ROOT);
    }

    /** Checks every row; writes nothing. {@code mapping} null means the guessed one. */
    public Report dryRun(Path file, Map<Column, Integer> mapping) {
        return dryRun(file, mapping, Options.ALL_OR_NOTHING);
    }

    /** Checks every row as an import with {@code options} would; writes nothing. */
    public Report dryRun(Path file, Map<Column, Integer> mapping, Options options) {
        return check(file, mapping, options).report;
    }

    /** All or nothing, no payment-date default: {@link #importFile(Path, Map, Options)}. */
    public Report importFile(Path file, Map<Column, Integer> mapping) {
        return importFile(file, mapping, Options.ALL_OR_NOTHING);
    }

    /**
     * Imports all rows, or refuses (ImportRefused) and writes nothing. All or nothing (decision 0010): the rows
     * are written 1,000 receivables per transaction under an {@code import_run} record that is marked finished
     * in the last transaction, with the journal entries and the kept totals; if anything fails before that, the
     * rows written so far are deleted again before this throws (and, should that fail too or the app be cut
     * off, when the books next open: {@link #undoUnfinished}). With {@code options.partial()} the valid rows are
     * imported that way (all of them or none) and the rejected ones are left out; the report says which and why.
     */
    public Report importFile(Path file, Map<Column, Integer> mapping, Options options) {
        Checked c = check(file, mapping, options);
        lastRead = null;   // a second import of the file reads it again (and finds its rows already in the books)
        // partial (issue 21): the valid rows go in and the report lists the others; else any rejected row refuses all
        if (options.partial() ? !c.report.anyAccepted() : !c.report.ok()) throw new ImportRefused(c.report);
        ctx.db().inBulkConnection(conn -> {
            write(conn, c.rows, c.existing);
            return null;
        });
        return c.report;
    }

    /** The template's header text of a column: its first name, 「（必填）」 for a required one (guessMapping reads it back). */
    public static String templateHeader(Column c) {
        return c.names.get(0) + (c.required() ? "（必填）" : "");
    }

    /** What each column of the template takes, for its 说明 sheet. */
    private static String templateHelp(Column c) {
        return switch (c) {
            case CUSTOMER -> "个人姓名或单位全称 / the person's or organisation's name";
            case CUSTOMER_KIND -> "个人 或 单位；有证件号码时按号码判定 / person or organisation; an ID number decides";
            case ID_NUMBER -> "18 位身份证号或统一社会信用代码，可空 / resident ID or unified social credit code, optional";
            case PHONE -> "手机或座机 / phone";
            case ADDRESS -> "住所或经营地址 / address";
            case TITLE -> "业务内容，如 钢材货款；空则为 货款 / what it is for; empty: 货款";
            case DEBT_KIND -> "买卖、借款、服务 或 其他；空则为 买卖 / sale, loan, service or other; empty: sale";
            case CONTRACT_NUMBER -> "合同编号或单号 / contract or order number";
            case CONTRACT_DATE -> "合同或开单日期，如 2026-05-28 或 2026年5月28日 / contract date";
            case AMOUNT -> "应收金额（元），最多两位小数 / amount in yuan";
            case DUE_DATE -> "到期日；空则为日期 / due date; empty: the date";
            case PAID -> "已收金额（元），可空 / paid so far, optional";
            case PAID_ON -> "付款日期；有已收金额时应填，否则导入时选择默认值 / payment date; else a default is chosen at import";
        };
    }

    /**
     * Writes the import template (issue 21): sheet 应收款 with the header row in Chinese (required columns marked
     * 「（必填）」) and one fictional example row dated before {@code today}, which imports cleanly; sheet 说明 says what
     * each column takes. Written beside {@code target} and moved into place: the caller decides about an existing file.
     */
    public static void writeTemplate(Path target, LocalDate today) throws IOException {
        Column[] cols = Column.values();
        LocalDate date = today.minusDays(60);
        String creditBase = "91110105MA0000000";   // fictional: an organisation's code whose check character is computed
        Map<Column, Object> example = new EnumMap<>(Column.class);
        example.put(Column.CUSTOMER, "（示例）某某建筑工程队");
        example.put(Column.CUSTOMER_KIND, "单位");
        example.put(Column.ID_NUMBER, creditBase + IdentityNumbers.creditCodeCheckChar(creditBase));
        example.put(Column.PHONE, "13800000000");
        example.put(Column.ADDRESS, "某省某市某区某路 1 号");
        example.put(Column.TITLE, "钢材货款");
        example.put(Column.DEBT_KIND, "买卖");
        example.put(Column.CONTRACT_NUMBER, "HT-" + date.getYear() + "-001");
        example.put(Column.CONTRACT_DATE, date.toString());
        example.put(Column.AMOUNT, new BigDecimal("12500.00"));
        example.put(Column.DUE_DATE, date.plusDays(30).toString());
        example.put(Column.PAID, new BigDecimal("2500.00"));
        example.put(Column.PAID_ON, date.plusDays(40).toString());
        SpreadsheetRows.writeAtomically(target, out -> {
            try (Workbook wb = new Workbook(out, "Huikuan", "1.0")) {
                Worksheet ws = wb.newWorksheet("应收款");
                for (int i = 0; i < cols.length; i++) {
                    ws.value(0, i, templateHeader(cols[i]));
                    ws.width(i, Math.max(12, templateHeader(cols[i]).length() * 2.5));
                    Object v = example.get(cols[i]);
                    if (v instanceof BigDecimal b) {
                        ws.value(1, i, b);
                        ws.style(1, i).format("0.00").set();
                    } else {
                        ws.value(1, i, (String) v);
                    }
                }
                ws.range(0, 0, 0, cols.length - 1).style().bold().fillColor("DDEBF7").set();
                ws.width(0, 24);
                Worksheet help = wb.newWorksheet("说明");
                help.value(0, 0, "列 Column");
                help.value(0, 1, "必填 Required");
                help.value(0, 2, "说明 What it takes");
                for (int i = 0; i < cols.length; i++) {
                    help.value(i + 1, 0, cols[i].names.get(0));
                    help.value(i + 1, 1, cols[i].required() ? "是 yes" : "");
                    help.value(i + 1, 2, templateHelp(cols[i]));
                }
                help.value(cols.length + 2, 0, "第二行是虚构的示例，请改成您的数据或删除 / the second row of 应收款 is a fictional example: replace or delete it");
                help.value(cols.length + 3, 0, "列名也可用：" + String.join("、", Column.TITLE.names.subList(1, 9)) + "（业务内容）等 / other column names are understood too");
                help.range(0, 0, 0, 2).style().bold().set();
                help.width(0, 16);
                help.width(2, 70);
            }
        });
    }

    /** The column a refused-rows file adds after the original cells. */
    public static final String REFUSED_REASON = "拒绝原因";
    /** And the row's number in the original file. */
    public static final String REFUSED_ROW = "原行号";

    /**
     * Copies the rows {@code report} rejected from {@code source} to {@code target} (.csv by its name, else .xlsx):
     * the original header and cells, then 原行号 and 拒绝原因 (issue 21). A rejection of the header's row (required
     * columns missing) applies to every data row. Refuses (IllegalStateException) when the file is no longer the one the
     * report was made of. Returns how many rows were written.
     */
    public static int writeRefused(Path source, Report report, Path target) throws IOException {
        String hash = Sha256.ofFile(source);
        if (report.sourceHash() == null || !report.sourceHash().equals(hash)) {
            throw new IllegalStateException("文件在检查之后被改动过，请重新检查 / the file changed since it was checked: check it again");
        }
        Map<Integer, String> reasons = new HashMap<>();
        for (Rejection r : report.rejected()) reasons.merge(r.row(), r.reason(), (a, b) -> a + "；" + b);
        String[] everyRow = {null};
        List<List<String>> out = new ArrayList<>();
        List<String> head = new ArrayList<>();
        int[] n = {0};
        int[] width = {0};
        boolean[] headerSeen = {false};
        SpreadsheetRows.read(source, cells -> {
            n[0]++;
            boolean blank = cells.stream().allMatch(x -> x == null || x.isBlank());
            if (blank) return;                                // as the check reads it: blank rows are neither header nor data
            width[0] = Math.max(width[0], cells.size());
            if (!headerSeen[0]) {
                headerSeen[0] = true;
                everyRow[0] = reasons.get(n[0]);          // required columns missing: said of the header, true of every row
                head.addAll(cells);
                return;
            }
            String why = everyRow[0] != null ? everyRow[0] : reasons.get(n[0]);
            if (why == null) return;
            List<String> row = new ArrayList<>(cells);
            row.add(Integer.toString(n[0]));
            row.add(why);
            out.add(row);
        });
        // the two columns after the widest row, so that no original cell is taken for a reason
        for (List<String> row : out) {
            while (row.size() < width[0] + 2) row.add(row.size() - 2, "");
        }
        while (head.size() < width[0]) head.add("");
        head.add(REFUSED_ROW);
        head.add(REFUSED_REASON);
        out.add(0, head);
        boolean csv = target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
        SpreadsheetRows.writeAtomically(target, o -> {
            if (csv) SpreadsheetRows.writeCsv(o, out);
            else SpreadsheetRows.writeXlsx(o, "拒绝的行", out);
        });
        return out.size() - 1;
    }

    /** Receivables per transaction while importing. */
    static final int CHUNK = 1000;

    /** Test knob: the import fails after writing this many chunks of receivables (negative: never). */
    static volatile int failAfterChunks = -1;

    /** Test knob: false leaves a failed run's rows for the next start, as a crash would. */
    static volatile boolean undoAtOnce = true;

    /** {@code existing}: the customers of the books the rows name, by {@link Parsed#customerKey}. */
    private record Checked(Report report, List<Parsed> rows, Map<String, Long> existing) {
    }

    /** What reading a file gave (nothing from the books): kept from the dry run for the import of the same file. */
    private record FileCheck(String fingerprint, int dataRows, List<String> header, List<List<String>> preview, List<Parsed> parsed,
                             List<Rejection> rejected, Map<Column, Integer> mapping, PaidOnDefault paidOn, LocalDate importDate,
                             int paidOnMissing, List<Notice> notices) {
    }

    /** The last dry run's reading, reused by an import of the unchanged file with the same mapping. */
    private volatile FileCheck lastRead;

    private Checked check(Path file, Map<Column, Integer> given, Options options) {
        String fingerprint = fingerprint(file, given);
        if (fingerprint != null) fingerprint += "|" + options.paidOn() + "|" + ctx.today();
        FileCheck read = lastRead;
        if (read == null || fingerprint == null || !read.fingerprint().equals(fingerprint)) {
            read = read(file, given, fingerprint, options.paidOn());
            lastRead = read;
        }
        return againstBooks(read);
    }

    /** The file's SHA-256 and the mapping asked for; null if the file cannot be read (reading it then says why). */
    private static String fingerprint(Path file, Map<Column, Integer> given) {
        try {
            return Sha256.ofFile(file) + "|" + (given == null ? "guess" : new TreeMap<>(given).toString());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private FileCheck read(Path file, Map<Column, Integer> given, String fingerprint, PaidOnDefault paidOnDefault) {
        List<List<String>> header = new ArrayList<>(1);
        List<List<String>> preview = new ArrayList<>();
        List<Parsed> parsed = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Map<Column, Integer>[] mapping = new Map[1];
        Set<String> seen = new HashSet<>();
        List<Notice> notices = new ArrayList<>();
        int[] paidOnMissing = {0};
        LocalDate importDate = ctx.today();
        int[] n = {0};
        int[] dataRows = {0};
        int[] headerRow = {0};
        SpreadsheetRows.read(file, cells -> {
            n[0]++;
            boolean blank = cells.stream().allMatch(x -> x == null || x.isBlank());
            if (header.isEmpty()) {
                if (blank) return;                                                    // blank rows above the header
                header.add(cells);
                headerRow[0] = n[0];
                mapping[0] = given == null ? guessMapping(cells) : given;
                return;
            }
            if (blank) return;                                                        // blank lines are not data
            if (++dataRows[0] > MAX_ROWS) throw new TooManyRows();
            if (preview.size() < 20) preview.add(cells);
            List<String> problems = new ArrayList<>();
            List<String> notes = new ArrayList<>();
            Parsed p = parse(n[0], cells, mapping[0], problems, notes, paidOnDefault, importDate, paidOnMissing);
            if (p != null) {
                String dup = p.customerKey() + "|" + p.contractNumber() + "|" + p.contractDate() + "|" + p.amount().toPlainString() + "|" + p.title();
                if (!seen.add(dup)) problems.add("与前面的一行重复 / duplicate of an earlier row");
            }
            if (problems.isEmpty()) {
                parsed.add(p);
                for (String note : notes) notices.add(new Notice(n[0], note));
            } else rejected.add(new Rejection(n[0], String.join("；", problems)));
        });
        if (header.isEmpty()) throw new SpreadsheetRows.NotASpreadsheet("表格没有任何行 / the sheet has no rows");
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.required() && !mapping[0].containsKey(c)) missing.add(c.names.get(0));
        }
        if (!missing.isEmpty()) {
            rejected.clear();
            rejected.add(new Rejection(headerRow[0], "缺少必需的列：" + String.join("、", missing) + " / required columns missing"));
            parsed.clear();
            notices.clear();
            paidOnMissing[0] = 0;
        }
        return new FileCheck(fingerprint, dataRows[0], header.get(0), List.copyOf(preview), List.copyOf(parsed), List.copyOf(rejected), Map.copyOf(mapping[0]),
                paidOnDefault, importDate, paidOnMissing[0], List.copyOf(notices));
    }

    /** The checks that depend on the books (customers already there, rows already imported), done every time. */
    private Checked againstBooks(FileCheck f) {
        List<Parsed> parsed = new ArrayList<>(f.parsed());
        List<Rejection> rejected = new ArrayList<>(f.rejected());
        // Already in the books: the same customer, date, amount and title.
        Map<String, Long> existing = existingCustomers(parsed);
        int existingCount = 0;
        Set<String> newKeys = new HashSet<>();
        for (Parsed p : parsed) {
            if (existing.containsKey(p.customerKey())) existingCount++;
            else newKeys.add(p.customerKey());
        }
        List<Parsed> already = alreadyImported(parsed, existing);
        for (Parsed p : already) rejected.add(new Rejection(p.row(), "账本中已有同一客户、日期、金额和事由的应收款 / already in the books"));
        parsed.removeAll(already);
        rejected.sort(Comparator.comparingInt(Rejection::row));
        int defaulted = (int) parsed.stream().filter(Parsed::paidOnDefaulted).count();
        List<Notice> notices = f.notices();
        if (!already.isEmpty()) {   // only what is said of rows that go in
            Set<Integer> going = new HashSet<>();
            for (Parsed p : parsed) going.add(p.row());
            notices = notices.stream().filter(x -> going.contains(x.row())).toList();
        }
        String hash = f.fingerprint() == null ? null : f.fingerprint().substring(0, f.fingerprint().indexOf('|'));
        Report r = new Report(f.dataRows() == 0 ? 0 : parsed.size() + rejected.size(), parsed.size(), List.copyOf(rejected), newKeys.size(), existingCount,
                f.mapping(), f.header(), f.preview(), f.paidOn(), f.importDate(), f.paidOnMissing(), defaulted, notices, hash);
        return new Checked(r, parsed, existing);
    }

    private static String cell(List<String> cells, Map<Column, Integer> m, Column c) {
        Integer i = m.get(c);
        if (i == null || i >= cells.size()) return null;
        String v = cells.get(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /**
     * One data row, or null with its {@code problems}. {@code notes}: what was decided for it that the user should
     * read (kind from the number, payment date defaulted). {@code paidOnMissing}[0] counts rows with a paid amount
     * and no payment date.
     */
    private Parsed parse(int row, List<String> cells, Map<Column, Integer> m, List<String> problems, List<String> notes,
                         PaidOnDefault paidOnDefault, LocalDate importDate, int[] paidOnMissing) {
        String customer = cell(cells, m, Column.CUSTOMER);
        if (customer == null) problems.add("客户名称为空 / customer missing");
        else if (customer.length() > 200) problems.add("客户名称过长 / customer name too long");
        String kindText = cell(cells, m, Column.CUSTOMER_KIND);
        PartyKind kind = kindText == null ? (customer != null && customer.matches(".*(公司|厂|店|中心|商行|合作社|事务所|部|院|会)$") ? PartyKind.ORGANISATION
                : PartyKind.PERSON) : partyKind(kindText, problems);
        String id = cell(cells, m, Column.ID_NUMBER);
        if (id != null) {
            id = id.replace(" ", "").toUpperCase(Locale.ROOT);
            kind = kindFromNumber(id, kind, kindText != null, importDate, problems, notes);
        }
        String phone = cell(cells, m, Column.PHONE);
        if (phone != null && !phone.replaceAll("[\\s-]", "").matches("\\+?\\d{5,20}")) problems.add("电话号码格式不对 / invalid phone: " + phone);
        if (id != null && id.length() > 32) problems.add("证件号码过长 / ID number too long");
        String address = cell(cells, m, Column.ADDRESS);
        if (address != null && address.length() > 500) problems.add("地址过长（最多 500 字）/ address too long");
        String number = cell(cells, m, Column.CONTRACT_NUMBER);
        if (number != null && number.length() > 100) problems.add("合同编号过长 / contract number too long");
        String title = cell(cells, m, Column.TITLE);
        if (title == null) title = "货款";
        if (title.length() > 200) problems.add("事由过长 / title too long");
        String debtText = cell(cells, m, Column.DEBT_KIND);
        ReceivableKind debtKind = debtText == null ? ReceivableKind.SALE_ON_CREDIT : debtKind(debtText, problems);
        LocalDate contractDate = date(cell(cells, m, Column.CONTRACT_DATE), "日期", true, problems);
        BigDecimal amount = amount(cell(cells, m, Column.AMOUNT), "金额", true, problems);
        LocalDate due = date(cell(cells, m, Column.DUE_DATE), "到期日", false, problems);
        BigDecimal paid = amount(cell(cells, m, Column.PAID), "已付金额", false, problems);
        LocalDate paidOn = date(cell(cells, m, Column.PAID_ON), "付款日期", false, problems);
        LocalDate today = ctx.today();
        if (contractDate != null && contractDate.isAfter(today)) problems.add("日期在今天之后 / date in the future");
        if (due != null && contractDate != null && due.isBefore(contractDate)) problems.add("到期日早于日期 / due before the date");
        boolean defaulted = false;
        if (paid != null && paid.signum() > 0) {
            if (paidOn == null) {
                paidOnMissing[0]++;
                // issue 21: the date the user chose for such rows, stated in the report and the payment's note
                switch (paidOnDefault) {
                    case NONE -> problems.add("有已付金额但没有付款日期（可选默认付款日期：导入日期或到期日）/ paid amount without a payment date"
                            + " (choose a default: the import date or the due date)");
                    case IMPORT_DATE -> paidOn = importDate;
                    case DUE_DATE -> paidOn = due != null ? due : contractDate;
                }
                defaulted = paidOn != null;
            }
            if (amount != null && paid.compareTo(amount) > 0) problems.add("已付金额大于金额 / paid more than the amount");
            if (paidOn != null && paidOn.isAfter(today)) {
                problems.add(defaulted ? "默认付款日期（到期日 " + paidOn + "）在今天之后 / the default payment date (the due date) is in the future"
                        : "付款日期在今天之后 / payment date in the future");
            }
        }
        if (!problems.isEmpty()) return null;
        return new Parsed(row, customer, kind, id, phone, address, title, debtKind, number,
                contractDate, amount, due == null ? contractDate : due, paid, paidOn,
                defaulted ? paidOnDefault : PaidOnDefault.NONE);
    }

    /**
     * Person or organisation from the ID number's check character (issue 21): a valid 统一社会信用代码 (GB 32100) is an
     * organisation, a valid 居民身份证号码 (GB 11643) a person, whatever the name or the type column suggest
     * ({@code kind}); the disagreement is noted. A number valid as both (possible for 18 digits) keeps {@code kind}.
     * A number valid as neither is a problem.
     */
    private static PartyKind kindFromNumber(String id, PartyKind kind, boolean kindGiven, LocalDate today, List<String> problems,
                                            List<String> notes) {
        boolean organisation = IdentityNumbers.checkCreditCode(id) == IdentityNumbers.Result.VALID;
        boolean person = IdentityNumbers.checkResidentId(id, today) == IdentityNumbers.Result.VALID;
        if (organisation == person) {
            if (!organisation) {
                problems.add(kind == PartyKind.PERSON
                        ? "证件号码不对（身份证号校验不通过，也不是有效的统一社会信用代码）/ invalid ID number (neither a resident ID nor a credit code)"
                        : "证件号码不对（统一社会信用代码校验不通过，也不是有效的身份证号）/ invalid ID number (neither a credit code nor a resident ID)");
            }
            return kind;
        }
        PartyKind byNumber = organisation ? PartyKind.ORGANISATION : PartyKind.PERSON;
        if (byNumber != kind) {
            String from = kindGiven ? "客户类型" : "名称";
            String fromEn = kindGiven ? "the customer type" : "the name";
            notes.add(organisation
                    ? "证件号码是有效的统一社会信用代码，按单位导入（" + from + "看似个人）/ the number is a valid unified social credit code:"
                            + " imported as an organisation (" + fromEn + " suggested a person)"
                    : "证件号码是有效的身份证号，按个人导入（" + from + "看似单位）/ the number is a valid resident ID: imported as a person ("
                            + fromEn + " suggested an organisation)");
        }
        return byNumber;
    }

    private static PartyKind partyKind(String t, List<String> problems) {
        String s = t.toLowerCase(Locale.ROOT);
        if (s.matches(".*(个人|自然人|person|individual).*")) return PartyKind.PERSON;
        if (s.matches(".*(单位|公司|企业|组织|法人|organi[sz]ation|company).*")) return PartyKind.ORGANISATION;
        problems.add("客户类型看不懂：" + t + " / unknown customer type");
        return PartyKind.PERSON;
    }

    private static ReceivableKind debtKind(String t, List<String> problems) {
        String s = t.toLowerCase(Locale.ROOT);
        if (s.matches(".*(买卖|货款|销售|sale).*")) return ReceivableKind.SALE_ON_CREDIT;
        if (s.matches(".*(借款|借贷|loan).*")) return ReceivableKind.PRIVATE_LOAN;
        if (s.matches(".*(服务|承揽|工程|service).*")) return ReceivableKind.SERVICE;
        if (s.matches(".*(其他|other).*")) return ReceivableKind.OTHER;
        problems.add("欠款类型看不懂：" + t + " / unknown debt type");
        return ReceivableKind.OTHER;
    }

    private static final Pattern YMD = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:\\s.*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    /** 2026-05-28, 2026/5/28, 2026.5.28, 2026年5月28日, 20260528; anything else is a clear error. */
    static LocalDate date(String text, String what, boolean required, List<String> problems) {
        if (text == null) {
            if (required) problems.add(what + "为空 / " + what + " missing");
            return null;
        }
        Matcher m = YMD.matcher(text.strip());
        Matcher c = COMPACT.matcher(text.strip());
        try {
            if (m.matches()) return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (c.matches()) return LocalDate.of(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)), Integer.parseInt(c.group(3)));
        } catch (DateTimeException e) {
            problems.add(what + "不是有效日期：" + text + " / invalid date");
            return null;
        }
        problems.add(what + "看不懂：" + text + "（应为 2026-05-28 或 2026年5月28日）/ unreadable date");
        return null;
    }

    /** "¥1,234.50", "1234.5元", "1 234.50"; text, negative or more than two decimals is an error. */
    static BigDecimal amount(String text, String what, boolean required, List<String> problems) {
        if (text == null) {
            if (required) problems.add(what + "为空 / " + what + " missing");
            return null;
        }
        String t = text.strip().replace("¥", "").replace("￥", "").replace("元", "").replace(",", "").replace("，", "").replace(" ", "");
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.signum() < 0) {
                problems.add(what + "不能为负数 / negative " + what);
                return null;
            }
            if (v.stripTrailingZeros().scale() > 2) {
                problems.add(what + "最多两位小数：" + text + " / more than two decimals");
                return null;
            }
            if (v.compareTo(Money.MAX_AMOUNT) > 0) {
                problems.add(what + "过大 / " + what + " too large");
                return null;
            }
            if (required && v.signum() == 0) {
                problems.add(what + "不能为零 / zero " + what);
                return null;
            }
            return Money.round(v);
        } catch (NumberFormatException e) {
            problems.add(what + "不是数字：" + text + " / not a number");
            return null;
        }
    }

    private Map<String, Long> existingCustomers(List<Parsed> rows) {
        Set<String> names = new HashSet<>();
        rows.forEach(p -> names.add(p.customer()));
        Map<String, Long> out = new HashMap<>();
        if (names.isEmpty()) return out;
        List<String> list = new ArrayList<>(names);
        for (int i = 0; i < list.size(); i += 1000) {
            List<String> chunk = list.subList(i, Math.min(list.size(), i + 1000));
            ctx.db().inTransactionDo(s -> {
                for (Object[] r : s.createQuery("select c.id, c.name, c.registrationNumber from Customer c where c.creditorId = :b and c.name in :n",
                        Object[].class).setParameter("b", ctx.creditorId()).setParameter("n", chunk).getResultList()) {
                    out.put(r[1] + "\u0000" + (r[2] == null ? "" : r[2]), (Long) r[0]);
                    // a row without an ID number matches an existing customer of that name (the first found)
                    out.putIfAbsent(r[1] + "\u0000", (Long) r[0]);
                }
            });
        }
        return out;
    }

    private List<Parsed> alreadyImported(List<Parsed> rows, Map<String, Long> existing) {
        List<Parsed> out = new ArrayList<>();
        Map<Long, List<Parsed>> byCustomer = new HashMap<>();
        for (Parsed p : rows) {
            Long id = existing.get(p.customerKey());
            if (id != null) byCustomer.computeIfAbsent(id, k -> new ArrayList<>()).add(p);
        }
        if (byCustomer.isEmpty()) return out;
        ctx.db().inTransactionDo(s -> {
            List<Long> ids = new ArrayList<>(byCustomer.keySet());
            for (int i = 0; i < ids.size(); i += 1000) {
                Set<String> have = new HashSet<>();
                for (Object[] r : s.createQuery("select r.customer.id, r.contractDate, r.principal, r.title from Receivable r where r.customer.id in :c",
                        Object[].class).setParameter("c", ids.subList(i, Math.min(ids.size(), i + 1000))).getResultList()) {
                    have.add(r[0] + "|" + r[1] + "|" + ((BigDecimal) r[2]).setScale(2).toPlainString() + "|" + r[3]);
                }
                for (Long id : ids.subList(i, Math.min(ids.size(), i + 1000))) {
                    for (Parsed p : byCustomer.get(id)) {
                        if (have.contains(id + "|" + p.contractDate() + "|" + p.amount().toPlainString() + "|" + p.title())) out.add(p);
                    }
                }
            }
        });
        return out;
    }

    /**
     * Writes every row with batched JDBC (Hibernate's identity inserts took 145 s for 100,000 rows): customers,
     * contacts, receivables with their single instalment and payments, {@link #CHUNK} receivables per
     * transaction; then, in one transaction, the payments' journal entries (chained exactly as
     * {@link AuditService} does, the book's row locked first), the kept totals and the run marked finished.
     */
    private void write(Connection c, List<Parsed> rows, Map<String, Long> existing) throws SQLException {
        long book = ctx.creditorId();
        // every row of the run carries this exact instant (microseconds, as the columns keep it): undo finds them by it
        Timestamp now = Timestamp.from(ctx.clock().instant().truncatedTo(ChronoUnit.MICROS));
        long run;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO import_run (creditor_id, started_at, row_count, customer_id_above, "
                + "receivable_id_above) VALUES (?, ?, ?, (SELECT COALESCE(MAX(id), 0) FROM customer), (SELECT COALESCE(MAX(id), 0) FROM receivable))",
                Dialect.of(c).idColumn())) {
            ps.setLong(1, book);
            ps.setTimestamp(2, now);
            ps.setInt(3, rows.size());
            ps.executeUpdate();
            try (ResultSet k = ps.getGeneratedKeys()) {
                k.next();
                run = k.getLong(1);
            }
        }
        c.commit();
        // a large import into a small table: the amount indexes are built after the rows, not entry by entry (decision 0012)
        AmountIndexes amounts = ctx.db().amountIndexes();
        boolean bulk = rows.size() >= bulkFrom && rows.size() >= receivableRows(c);
        if (bulk) {
            try {
                amounts.drop(c);
            } catch (SQLException e) {
                // e.g. another connection's open transaction on the table outlasted H2's lock timeout: the import goes on
                // with whatever indexes are left, and the build after it makes any dropped one again
                LoggerFactory.getLogger(ImportService.class).warn("Amount indexes not dropped before a large import", e);
            }
        }
        try {
            writeRows(c, book, now, run, rows, existing);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
                if (undoAtOnce) {
                    undo(c, run);
                    c.commit();
                }
            } catch (SQLException | RuntimeException u) {
                e.addSuppressed(u);   // left for the next start (undoUnfinished)
            }
            if (bulk && undoAtOnce) {
                try {
                    amounts.build(c);
                } catch (SQLException | RuntimeException u) {
                    e.addSuppressed(u);   // built when the books next open
                }
            }
            throw e;
        }
        if (bulk) {
            try {
                amounts.build(c);
            } catch (SQLException | RuntimeException e) {
                // the rows are in: lists sorted by amount work without the indexes, only slower, until the next open builds them
                LoggerFactory.getLogger(ImportService.class).warn("Amount indexes not rebuilt after the import; the next open builds them", e);
            }
        }
    }

    /** Imports of at least this many rows, into a table with no more rows than that, drop and rebuild the amount indexes. */
    static final int BULK_FROM = 20_000;

    /** {@link #BULK_FROM}, lowered by tests. */
    int bulkFrom = BULK_FROM;

    /** All receivables in the file, of every book: the amount indexes span them all. */
    private static long receivableRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM receivable")) {
            r.next();
            return r.getLong(1);
        }
    }

    private void writeRows(Connection c, long book, Timestamp now, long run, List<Parsed> rows, Map<String, Long> existing)
            throws SQLException {
        Map<String, Long> ids = new HashMap<>(existing);
        // 1. new customers, in batches, keys read back in order
        List<Parsed> firsts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Parsed p : rows) if (!ids.containsKey(p.customerKey()) && seen.add(p.customerKey())) firsts.add(p);
        // their kept figures (ReceivableSummary) are written with them: receivables and outstanding principal
        record Figures(long receivables, BigDecimal outstanding) {
            Figures plus(Figures o) {
                return new Figures(receivables + o.receivables, outstanding.add(o.outstanding));
            }
        }
        Map<String, Figures> figures = new HashMap<>();
        for (Parsed p : rows) figures.merge(p.customerKey(), new Figures(1, p.amount().subtract(p.paidSoFar())), Figures::plus);
        List<Long> newIds = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer (version, creditor_id, kind, name, registration_number, "
                + "address, situation, created_at, receivable_count, outstanding) VALUES (0, ?, ?, ?, ?, ?, 'UNKNOWN', ?, ?, ?)", Dialect.of(c).idColumn());
             PreparedStatement pc = c.prepareStatement("INSERT INTO customer_contact (customer_id, seq, kind, \"value\") VALUES (?, 0, 'PHONE', ?)")) {
            for (int i = 0; i < firsts.size(); i += CHUNK) {
                List<Parsed> chunk = firsts.subList(i, Math.min(firsts.size(), i + CHUNK));
                for (Parsed p : chunk) {
                    ps.setLong(1, book);
                    ps.setString(2, p.kind().name());
                    ps.setString(3, p.customer());
                    ps.setString(4, p.idNumber());
                    ps.setString(5, p.address());
                    ps.setTimestamp(6, now);
                    ps.setLong(7, figures.get(p.customerKey()).receivables());
                    ps.setBigDecimal(8, figures.get(p.customerKey()).outstanding());
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet k = ps.getGeneratedKeys()) {
                    for (Parsed p : chunk) {
                        if (!k.next()) throw new SQLException("missing generated key");
                        ids.put(p.customerKey(), k.getLong(1));
                        newIds.add(k.getLong(1));
                        if (p.phone() != null) {
                            pc.setLong(1, k.getLong(1));
                            pc.setString(2, p.phone());
                            pc.addBatch();
                        }
                    }
                }
                pc.executeBatch();
                c.commit();
            }
        }
        // 2. receivables with their instalment and payment, a chunk per transaction; the totals gathered
        ReceivableSummary.Totals totals = new ReceivableSummary.Totals();
        List<long[]> payments = new ArrayList<>();   // payment id, receivable id
        List<Parsed> paid = new ArrayList<>();
        long[] receivableIds = new long[rows.size()]; // in the order of rows, for their journal entries
        try (PreparedStatement pr = c.prepareStatement("INSERT INTO receivable (version, customer_id, kind, title, contract_number, "
                + "contract_date, principal, currency, penalty_kind, created_at, creditor_id, paid, final_due, first_unpaid_due, outstanding)"
                + " VALUES (0, ?, ?, ?, ?, ?, ?, 'CNY', 'NONE', ?, ?, ?, ?, ?, ?)", Dialect.of(c).idColumn());
             PreparedStatement pi = c.prepareStatement("INSERT INTO instalment (receivable_id, seq, due_date, amount) VALUES (?, 0, ?, ?)");
             PreparedStatement pp = c.prepareStatement("INSERT INTO payment (receivable_id, paid_on, amount, channel, note, created_at) "
                     + "VALUES (?, ?, ?, 'OTHER', ?, ?)", Dialect.of(c).idColumn())) {
            int chunks = 0;
            for (int i = 0; i < rows.size(); i += CHUNK) {
                if (chunks++ == failAfterChunks) throw new IllegalStateException("test: import cut off after " + failAfterChunks + " chunks");
                List<Parsed> chunk = rows.subList(i, Math.min(rows.size(), i + CHUNK));
                for (Parsed p : chunk) {
                    pr.setLong(1, ids.get(p.customerKey()));
                    pr.setString(2, p.debtKind().name());
                    pr.setString(3, p.title());
                    pr.setString(4, p.contractNumber());
                    pr.setDate(5, Date.valueOf(p.contractDate()));
                    pr.setBigDecimal(6, p.amount());
                    pr.setTimestamp(7, now);
                    // the list figures (ReceivableSummary) of a receivable with one instalment and at most one payment
                    BigDecimal paidSoFar = p.paidSoFar();
                    pr.setLong(8, book);
                    pr.setBigDecimal(9, paidSoFar);
                    pr.setDate(10, Date.valueOf(p.due()));
                    LocalDate firstUnpaid = p.amount().compareTo(paidSoFar) > 0 ? p.due() : null;
                    pr.setDate(11, firstUnpaid == null ? null : Date.valueOf(firstUnpaid));
                    pr.setBigDecimal(12, p.amount().subtract(paidSoFar));
                    pr.addBatch();
                    totals.add(new ReceivableSummary.Share(book, ids.get(p.customerKey()), p.amount(), paidSoFar, p.amount().subtract(paidSoFar), firstUnpaid));
                    totals.lent(book, p.contractDate(), p.amount());
                    if (paidSoFar.signum() > 0) totals.collected(book, p.paidOn(), paidSoFar);
                }
                pr.executeBatch();
                List<long[]> chunkPayments = new ArrayList<>();
                List<Parsed> chunkPaid = new ArrayList<>();
                try (ResultSet k = pr.getGeneratedKeys()) {
                    int at = i;
                    for (Parsed p : chunk) {
                        if (!k.next()) throw new SQLException("missing generated key");
                        long rid = k.getLong(1);
                        receivableIds[at++] = rid;
                        pi.setLong(1, rid);
                        pi.setDate(2, Date.valueOf(p.due()));
                        pi.setBigDecimal(3, p.amount());
                        pi.addBatch();
                        if (p.paidSoFar().signum() > 0) {
                            pp.setLong(1, rid);
                            pp.setDate(2, Date.valueOf(p.paidOn()));
                            pp.setBigDecimal(3, p.paid());
                            pp.setString(4, paymentNote(p));
                            pp.setTimestamp(5, now);
                            pp.addBatch();
                            chunkPayments.add(new long[]{0, rid});
                            chunkPaid.add(p);
                        }
                    }
                }
                pi.executeBatch();
                if (!chunkPaid.isEmpty()) {
                    pp.executeBatch();
                    try (ResultSet k = pp.getGeneratedKeys()) {
                        for (long[] pay : chunkPayments) {
                            if (!k.next()) throw new SQLException("missing generated key");
                            pay[0] = k.getLong(1);
                        }
                    }
                    payments.addAll(chunkPayments);
                    paid.addAll(chunkPaid);
                }
                c.commit();
            }
        }
        // 3. one transaction: the journal entries, the kept totals, the run finished
        try (JournalWriter journal = new JournalWriter(c, book, now)) {
            // the new customers and every receivable with its schedule (issue 24), then the payments
            for (int j = 0; j < firsts.size(); j++) {
                Parsed p = firsts.get(j);
                journal.add("customer", newIds.get(j), AuditChain.canonicalCustomer(book, p.kind().name(), p.customer(),
                        p.idNumber(), null, null, p.address(), p.phone() == null ? List.of() : List.of("PHONE=" + p.phone())));
                if (journal.pending() >= CHUNK) journal.flush();
            }
            for (int j = 0; j < rows.size(); j++) {
                Parsed p = rows.get(j);
                journal.add("receivable", receivableIds[j], AuditChain.canonicalReceivable(ids.get(p.customerKey()),
                        p.debtKind().name(), p.title(), p.contractNumber(), p.contractDate(), p.amount(), "CNY", null, null, "NONE", null,
                        null, null, null, List.of(new AuditChain.Due(p.due(), p.amount()))));
                if (journal.pending() >= CHUNK) journal.flush();
            }
            for (int j = 0; j < paid.size(); j++) {
                Parsed p = paid.get(j);
                journal.add(payments.get(j)[0], payments.get(j)[1], p.paidOn(), p.paid(), Payment.Channel.OTHER, paymentNote(p));
                if ((j + 1) % CHUNK == 0) journal.flush();
            }
        }
        ReceivableSummary.customersAdded(c, book, firsts.size());
        totals.writtenWith(newIds);
        totals.apply(c);
        try (PreparedStatement done = c.prepareStatement("UPDATE import_run SET finished_at = ? WHERE id = ?")) {
            done.setTimestamp(1, Timestamp.from(ctx.clock().instant()));
            done.setLong(2, run);
            done.executeUpdate();
        }
        c.commit();
    }

    /**
     * Deletes what an unfinished import run wrote (its customers and receivables are those of its book created at
     * its start instant with keys above the largest the tables had when it started: identity keys only grow;
     * instalments and payments go with their receivable, contacts with their customer) and the run itself,
     * in the caller's transaction. Nothing else refers to them: the journal entries and kept totals are written
     * only in the run's last transaction.
     */
    /** Receivables (and customers) deleted per transaction when an import is undone. */
    static final int UNDO_CHUNK = 1000;

    private static void undo(Connection c, long run) throws SQLException {
        long book;
        OffsetDateTime started;
        long customersAbove;
        long receivablesAbove;
        try (PreparedStatement ps = c.prepareStatement("SELECT creditor_id, started_at, customer_id_above, receivable_id_above "
                + "FROM import_run WHERE id = ? AND finished_at IS NULL")) {
            ps.setLong(1, run);
            try (ResultSet r = ps.executeQuery()) {
                if (!r.next()) return;
                book = r.getLong(1);
                started = r.getObject(2, OffsetDateTime.class);
                customersAbove = r.getLong(3);
                receivablesAbove = r.getLong(4);
            }
        }
        List<Long> receivables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM receivable WHERE id > ? AND creditor_id = ? AND created_at = ?")) {
            ps.setLong(1, receivablesAbove);
            ps.setLong(2, book);
            ps.setObject(3, started);
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) receivables.add(r.getLong(1));
            }
        }
        // In transactions of 1,000 receivables (the run record stays until the end, so a cut-off undo is taken up again):
        // one transaction for a whole run made H2 write several times the run's size before the commit, and a book whose
        // import had filled the disk then filled it again at its next opening, however much space had been freed.
        for (int i = 0; i < receivables.size(); i += UNDO_CHUNK) {
            Object[] some = receivables.subList(i, Math.min(receivables.size(), i + UNDO_CHUNK)).toArray();
            for (String sql : new String[]{"DELETE FROM payment WHERE receivable_id = ANY(?)", "DELETE FROM receivable WHERE id = ANY(?)"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setArray(1, c.createArrayOf("BIGINT", some));
                    ps.executeUpdate();
                }
            }
            c.commit();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM customer WHERE id > ? AND creditor_id = ? AND created_at = ?"
                + " FETCH FIRST " + UNDO_CHUNK + " ROWS ONLY")) {
            ps.setLong(1, customersAbove);
            ps.setLong(2, book);
            ps.setObject(3, started);
            while (ps.executeUpdate() > 0) c.commit();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM import_run WHERE id = ?")) {
            ps.setLong(1, run);
            ps.executeUpdate();
        }
    }

    /**
     * Undoes the imports that were cut off (the app killed or the disk full mid-import, or their own undo
     * failed): called when the books open, before anything reads them. Returns how many runs were undone.
     */
    int undoUnfinished() {
        // the usual answer (nothing to undo) without changing the write delay
        boolean none = ctx.db().withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1 FROM import_run WHERE finished_at IS NULL LIMIT 1")) {
                return !r.next();
            }
        });
        if (none) return 0;
        return ctx.db().inBulkConnection(c -> {
            List<Long> runs = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT id FROM import_run WHERE finished_at IS NULL")) {
                while (r.next()) runs.add(r.getLong(1));
            }
            for (long run : runs) {
                undo(c, run);
                c.commit();
            }
            return runs.size();
        });
    }

    static final String IMPORTED = "导入 / imported";

    /** The note of an imported payment: says so when its date was the chosen default, not the file's. */
    private static String paymentNote(Parsed p) {
        return switch (p.paidOnFrom()) {
            case NONE -> IMPORTED;
            case IMPORT_DATE -> IMPORTED + "；表格中没有付款日期，按导入日期记录 / no payment date in the file: the import date";
            case DUE_DATE -> IMPORTED + "；表格中没有付款日期，按到期日记录 / no payment date in the file: the due date";
        };
    }
}
