package cn.huikuan.application;

import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.AuditChain;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Text;
import cn.huikuan.domain.StoredFile;
import cn.huikuan.statements.MatchKind;
import cn.huikuan.statements.OpenReceivable;
import cn.huikuan.statements.Proposal;
import cn.huikuan.statements.Statement;
import cn.huikuan.statements.StatementFormat;
import cn.huikuan.statements.StatementLine;
import cn.huikuan.statements.StatementMatcher;
import cn.huikuan.statements.StatementReader;
import cn.huikuan.statements.StatementRefused;
import cn.huikuan.statements.TextTable;
import cn.huikuan.pdf.PdfLines;
import cn.huikuan.pdf.PdfText;
import cn.huikuan.persistence.EvidenceStore;
import cn.huikuan.storage.Sha256;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Payments from bank statements, WeChat Pay and Alipay bills (issue 23). {@link #preview} reads the file (through the
 * receivables import's reader: encodings, caps and hostile files as there) and proposes a receivable for each line of
 * money received; it writes nothing. {@link #apply} records the lines the user confirmed (or changed): each as a
 * payment, the row {@link ReceivableService#addPayment} writes (journalled, the kept figures and month totals refreshed;
 * the claim allocates it by 民法典 §561 and the limitation restarts from it as from any part payment), with the line kept
 * as its evidence (a small extract in the evidence store, under its SHA-256, the row {@link EvidenceService#attach}
 * writes) and the line's key recorded, in one transaction per {@link #CHUNK} lines or so, so that
 * the same line imported again is recognised. The payer of a confirmed line is remembered for the next statement.
 */
public final class StatementImportService {
    /** A statement file larger than this is refused before it is read (a year of a busy account is a few MB). */
    public static final long MAX_FILE_BYTES = 64L << 20;
    /** Lines recorded per transaction. */
    static final int CHUNK = 1_000;

    /** A line of the preview: what the matcher proposes, whether the line was recorded before, whether it is dated after today. */
    public record Line(StatementLine line, Proposal proposal, boolean duplicate, boolean future) {
        /** Money received that this import may record (not recorded before, not dated in the future). */
        public boolean open() {
            return line.received() && !duplicate && !future;
        }
    }

    /** What a statement holds and what is proposed; nothing has been written. {@code sha256}: the file's, checked again when recording. */
    public record Preview(Path file, String sha256, StatementFormat format, int headerRow, List<String> header, List<Line> lines,
                          List<Statement.Problem> problems) {
        public long received() {
            return lines.stream().filter(l -> l.line().received()).count();
        }

        public long proposed() {
            return lines.stream().filter(l -> l.proposal().matched()).count();
        }

        public long duplicates() {
            return lines.stream().filter(Line::duplicate).count();
        }

        /** The line of a row, or null. */
        public Line row(int row) {
            return lines.stream().filter(l -> l.line().row() == row).findFirst().orElse(null);
        }
    }

    /** What {@link #apply} recorded. */
    public record Result(int recorded, int skipped, int alreadyRecorded, List<Long> paymentIds) {
    }

    /** A choice the books cannot take (a receivable of another book, more than is open, a changed file); nothing was written. */
    public static final class ApplyRefused extends RuntimeException {
        public ApplyRefused(String message) {
            super(message);
        }
    }

    private final BookContext ctx;
    private final EvidenceStore store;

    StatementImportService(BookContext ctx, EvidenceStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /** Reads the statement and proposes a receivable for each line of money received. Writes nothing. */
    public Preview preview(Path file) {
        String sha = checkedHash(file);
        StatementReader reader = new StatementReader();
        if (isPdf(file)) {
            pdf(file, reader);
        } else {
            try {
                SpreadsheetRows.read(file, reader::accept, true);
            } catch (SpreadsheetRows.NotASpreadsheet e) {
                throw new StatementRefused(e.getMessage());
            }
        }
        Statement st = reader.finish();
        LocalDate today = ctx.today();
        Set<String> recorded = recordedKeys(st.lines().stream().map(StatementLine::key).toList());
        List<StatementLine> toMatch = new ArrayList<>();
        for (StatementLine l : st.lines()) {
            if (l.received() && !recorded.contains(l.key()) && !l.date().isAfter(today)) toMatch.add(l);
        }
        Map<StatementLine, Proposal> proposals = new HashMap<>();
        if (!toMatch.isEmpty()) {
            Candidates c = candidatesFor(toMatch);
            List<Proposal> ps = new StatementMatcher(c.open, c.memory).match(toMatch);
            for (Proposal p : ps) proposals.put(p.line(), p);
        }
        List<Line> lines = new ArrayList<>(st.lines().size());
        for (StatementLine l : st.lines()) {
            lines.add(new Line(l, proposals.getOrDefault(l, Proposal.none(l)), recorded.contains(l.key()), l.date().isAfter(today)));
        }
        return new Preview(file, sha, st.format(), st.headerRow(), st.header(), List.copyOf(lines), st.problems());
    }

    /** Records every proposal of the preview as proposed (the command line's {@code --apply}). */
    public Result applyProposals(Preview p) {
        Map<Integer, Long> choices = new LinkedHashMap<>();
        for (Line l : p.lines()) {
            if (l.open() && l.proposal().matched()) choices.put(l.line().row(), l.proposal().receivable().id());
        }
        return apply(p, choices);
    }

    /**
     * Records the lines the user confirmed: {@code choices} maps a line's row to the receivable it pays (the proposal or
     * another one); lines not in it are skipped. Everything is checked before anything is written: the file is the one
     * previewed, each row is a line of money received that was not recorded before, each receivable is this book's and
     * open on the line's date, and no receivable gets more than it has open. Then the lines are recorded {@link #CHUNK}
     * per transaction, each with its payment, evidence and key together.
     */
    public Result apply(Preview p, Map<Integer, Long> choices) {
        String now = checkedHash(p.file());
        if (!now.equals(p.sha256())) {
            throw new ApplyRefused("文件在检查之后被改动过，请重新检查后再导入 / the file changed after it was checked: check it again before recording");
        }
        Map<Integer, Line> byRow = new HashMap<>();
        for (Line l : p.lines()) byRow.put(l.line().row(), l);
        List<Line> chosen = new ArrayList<>();
        for (Map.Entry<Integer, Long> e : choices.entrySet()) {
            Line l = byRow.get(e.getKey());
            if (l == null || !l.line().received()) {
                throw new ApplyRefused("第 " + e.getKey() + " 行不是收到的款项 / row " + e.getKey() + " is not money received");
            }
            if (l.future()) throw new ApplyRefused("第 " + e.getKey() + " 行的日期在今天之后 / row " + e.getKey() + " is dated after today");
            if (l.duplicate()) continue;
            chosen.add(l);
        }
        chosen.sort((a, b) -> a.line().date().compareTo(b.line().date()) != 0 ? a.line().date().compareTo(b.line().date())
                : Integer.compare(a.line().row(), b.line().row()));
        Map<Long, Target> targets = targets(new HashSet<>(choices.values()));
        Map<Long, BigDecimal> left = new HashMap<>();
        for (Line l : chosen) {
            long id = choices.get(l.line().row());
            Target t = targets.get(id);
            if (t == null) throw new ApplyRefused("第 " + l.line().row() + " 行：找不到应收款 " + id + " / row " + l.line().row() + ": no receivable " + id + " in this book");
            if (l.line().date().isBefore(t.contractDate)) {
                throw new ApplyRefused("第 " + l.line().row() + " 行的日期早于应收款的日期 / row " + l.line().row() + " is dated before the receivable");
            }
            BigDecimal open = left.getOrDefault(id, t.outstanding).subtract(l.line().amount());
            if (open.signum() < 0) {
                throw new ApplyRefused("第 " + l.line().row() + " 行的金额超过应收款未收的余额 / row " + l.line().row()
                        + ": the amount is more than the receivable has open");
            }
            left.put(id, open);
        }
        Set<String> again = recordedKeys(chosen.stream().map(l -> l.line().key()).toList());
        chosen.removeIf(l -> again.contains(l.line().key()));
        // each receivable's lines go together (one extract of them is their evidence), CHUNK lines or so per transaction
        Map<Long, List<Line>> byReceivable = new LinkedHashMap<>();
        for (Line l : chosen) byReceivable.computeIfAbsent(choices.get(l.line().row()), k -> new ArrayList<>()).add(l);
        List<Map<Long, List<Line>>> chunks = new ArrayList<>();
        Map<Long, List<Line>> chunk = new LinkedHashMap<>();
        int inChunk = 0;
        for (Map.Entry<Long, List<Line>> e : byReceivable.entrySet()) {
            chunk.put(e.getKey(), e.getValue());
            inChunk += e.getValue().size();
            if (inChunk >= CHUNK) {
                chunks.add(chunk);
                chunk = new LinkedHashMap<>();
                inChunk = 0;
            }
        }
        if (!chunk.isEmpty()) chunks.add(chunk);
        // one connection, a transaction per chunk, with H2's write delay while they run (as the receivables import):
        // with WRITE_DELAY=0 each commit writes the changed index pages. Each chunk is whole (payments, evidence, line
        // keys together), so a recording cut off half-way leaves whole lines, recognised when the file is imported again.
        List<Long> payments = ctx.db().inBulkConnection(c -> {
            List<Long> ids = new ArrayList<>();
            for (Map<Long, List<Line>> ch : chunks) {
                ids.addAll(record(c, p, ch, targets));
                c.commit();
            }
            return ids;
        });
        long received = p.lines().stream().filter(Line::open).count();
        return new Result(payments.size(), (int) (received - payments.size()), (int) p.duplicates() + again.size(), List.copyOf(payments));
    }

    /** Open receivables a user may choose for a line instead of the proposal: customer name, title or contract number containing {@code text}. */
    public List<OpenReceivable> candidates(String text, int limit) {
        String like = "%" + (text == null ? "" : text.strip()).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return ctx.db().withConnection(c -> {
            List<Long> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id FROM receivable r JOIN customer u ON u.id = r.customer_id"
                    + " WHERE r.creditor_id = ? AND r.outstanding > 0 AND (u.name LIKE ? ESCAPE '\\' OR r.title LIKE ? ESCAPE '\\'"
                    + " OR r.contract_number LIKE ? ESCAPE '\\') ORDER BY u.name, r.first_unpaid_due, r.id LIMIT ?")) {
                ps.setLong(1, ctx.creditorId());
                ps.setString(2, like);
                ps.setString(3, like);
                ps.setString(4, like);
                ps.setInt(5, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) ids.add(rs.getLong(1));
                }
            }
            return openReceivables(c, ids, "r.id");
        });
    }

    // ---- reading

    /** Pages of a PDF statement read at most (a year of a busy account at some 40 lines a page is under 3,000). */
    public static final int MAX_PDF_PAGES = 3_000;

    private static boolean isPdf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(5), StandardCharsets.ISO_8859_1).equals("%PDF-");
        } catch (IOException e) {
            throw new StatementRefused("无法读取文件 / cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    /**
     * A statement printed as a PDF (交易明细): its text read by the pdf layer, each line of text one row, the words put
     * under the header by where they stand ({@link TextTable}), a wrapped 对方户名 or 摘要 joined to its row. Text-based PDFs; a scan has
     * no text and is refused, saying to export CSV or Excel from the bank.
     */
    private static void pdf(Path file, StatementReader reader) {
        PdfLines.Text text;
        try {
            text = PdfLines.of(file, MAX_PDF_PAGES);
        } catch (PdfLines.TooManyPages e) {
            throw new StatementRefused("PDF 对账单超过 " + MAX_PDF_PAGES + " 页（共 " + e.pages + " 页），请按月导出 / the PDF statement has more than "
                    + String.format(Locale.ROOT, "%,d", MAX_PDF_PAGES) + " pages (" + e.pages + "): export it month by month");
        } catch (PdfText.Unreadable e) {
            throw new StatementRefused(e.getMessage());
        }
        if (!text.hasText()) {
            throw new StatementRefused("这个 PDF 没有文字（扫描件或图片），无法读取交易明细；请在网上银行导出 CSV 或 Excel 格式的明细后再导入 / the PDF has no"
                    + " text (a scan or images), so its lines cannot be read: export the statement as CSV or Excel from the bank instead");
        }
        TextTable table = new TextTable(reader);
        for (PdfLines.Line l : text.lines()) {
            table.line(l.words().stream().map(w -> new TextTable.Word(w.x0(), w.x1(), w.text())).toList(), l.page(), l.top(), l.bottom());
        }
        table.finish();
    }

    private static String checkedHash(Path file) {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new StatementRefused("找不到文件，或不是普通文件 / no such file, or not a regular file: " + file.getFileName());
        }
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new StatementRefused("文件过大（" + (size >> 20) + " MB，对账单最多 " + (MAX_FILE_BYTES >> 20) + " MB），请按月分成几个文件 / the file is too large ("
                        + (size >> 20) + " MiB; a statement is at most " + (MAX_FILE_BYTES >> 20) + " MiB): split it by month");
            }
            return Sha256.ofFile(file);
        } catch (IOException e) {
            throw new StatementRefused("无法读取文件 / cannot read " + file.getFileName() + ": " + e.getMessage());
        }
    }

    private Set<String> recordedKeys(List<String> keys) {
        if (keys.isEmpty()) return Set.of();
        return ctx.db().withConnection(c -> {
            Set<String> found = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT line_key FROM statement_line WHERE creditor_id = ? AND line_key = ANY(?)")) {
                ps.setLong(1, ctx.creditorId());
                ps.setObject(2, keys.toArray(new String[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) found.add(rs.getString(1));
                }
            }
            return found;
        });
    }

    private record Candidates(List<OpenReceivable> open, Map<String, Long> memory) {
    }

    /**
     * The receivables the lines could pay, read for the lines' payers only (a book of a million receivables is not read
     * whole): the customers remembered for their names and accounts, the customers of their names, and for a masked name
     * (王*明) those it fits.
     */
    private Candidates candidatesFor(List<StatementLine> lines) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        Set<String> masked = new LinkedHashSet<>();
        for (StatementLine l : lines) {
            String a = StatementMatcher.accountKey(l.account()), n = StatementMatcher.nameKey(l.payer());
            if (a != null) keys.add(a);
            if (n != null) keys.add(n);
            if (l.payer() != null && !l.payer().isBlank()) {
                names.add(l.payer().strip());
                names.add(l.payer().replaceAll("[\\s\u3000]", ""));
                if (l.payer().contains("*")) masked.add(l.payer().replaceAll("[\\s\u3000]", ""));
            }
        }
        return ctx.db().withConnection(c -> {
            Map<String, Long> memory = new HashMap<>();
            Set<Long> customers = new LinkedHashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT payer_key, customer_id FROM statement_payer WHERE creditor_id = ? AND payer_key = ANY(?)")) {
                ps.setLong(1, ctx.creditorId());
                ps.setObject(2, keys.toArray(new String[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        memory.put(rs.getString(1), rs.getLong(2));
                        customers.add(rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM customer WHERE creditor_id = ? AND name = ANY(?)")) {
                ps.setLong(1, ctx.creditorId());
                ps.setObject(2, names.toArray(new String[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) customers.add(rs.getLong(1));
                }
            }
            int leadingStars = 0;
            for (String m : masked) {
                if (m.startsWith("*") && ++leadingStars > 20) continue;   // no prefix for the index: a scan of the book's customers each
                try (PreparedStatement ps = c.prepareStatement("SELECT id FROM customer WHERE creditor_id = ? AND name LIKE ? ESCAPE '\\' LIMIT 3")) {
                    ps.setLong(1, ctx.creditorId());
                    ps.setString(2, m.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '_'));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) customers.add(rs.getLong(1));
                    }
                }
            }
            return new Candidates(openReceivables(c, new ArrayList<>(customers), "r.customer_id"), memory);
        });
    }

    /**
     * The open receivables whose {@code column} (r.id or r.customer_id) is one of {@code ids}, with the amounts of their
     * unpaid instalments: the schedule's not covered by what was paid, and the latest repayment plan's not covered by
     * what was paid since it was agreed (the first partly paid instalment by what is left of it).
     */
    private List<OpenReceivable> openReceivables(Connection c, List<Long> ids, String column) throws SQLException {
        if (ids.isEmpty()) return List.of();
        record Row(long id, long customer, String name, String label, LocalDate contract, LocalDate due, BigDecimal outstanding, BigDecimal paid) {
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.customer_id, u.name, r.title, r.contract_number, r.contract_date,"
                + " r.first_unpaid_due, r.outstanding, r.paid FROM receivable r JOIN customer u ON u.id = r.customer_id"
                + " WHERE r.creditor_id = ? AND " + column + " = ANY(?) AND r.outstanding > 0")) {
            ps.setLong(1, ctx.creditorId());
            ps.setObject(2, ids.toArray(new Long[0]));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String label = rs.getString(4) + (rs.getString(5) == null ? "" : "（" + rs.getString(5) + "）");
                    rows.put(rs.getLong(1), new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), label, rs.getDate(6).toLocalDate(),
                            rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getBigDecimal(8), rs.getBigDecimal(9)));
                }
            }
        }
        if (rows.isEmpty()) return List.of();
        Long[] open = rows.keySet().toArray(new Long[0]);
        Map<Long, List<BigDecimal>> unpaid = new HashMap<>();
        Map<Long, BigDecimal> covered = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT receivable_id, amount FROM instalment WHERE receivable_id = ANY(?) ORDER BY receivable_id, seq")) {
            ps.setObject(1, open);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) due(unpaid, covered, rs.getLong(1), rs.getBigDecimal(2), rows.get(rs.getLong(1)).paid());
            }
        }
        Map<Long, Long> latestPlan = new HashMap<>();
        Map<Long, BigDecimal> paidSince = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT p.receivable_id, p.id, (SELECT COALESCE(SUM(x.amount), 0) FROM payment x"
                + " WHERE x.receivable_id = p.receivable_id AND x.paid_on >= p.agreed_on) FROM repayment_plan p WHERE p.receivable_id = ANY(?)"
                + " ORDER BY p.receivable_id, p.id")) {
            ps.setObject(1, open);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    latestPlan.put(rs.getLong(1), rs.getLong(2));
                    paidSince.put(rs.getLong(1), rs.getBigDecimal(3));
                }
            }
        }
        if (!latestPlan.isEmpty()) {
            Map<Long, Long> receivableOf = new HashMap<>();
            latestPlan.forEach((r, plan) -> receivableOf.put(plan, r));
            Map<Long, BigDecimal> planCovered = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT plan_id, amount FROM plan_instalment WHERE plan_id = ANY(?) ORDER BY plan_id, seq")) {
                ps.setObject(1, latestPlan.values().toArray(new Long[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long r = receivableOf.get(rs.getLong(1));
                        due(unpaid, planCovered, r, rs.getBigDecimal(2), paidSince.get(r));
                    }
                }
            }
        }
        List<OpenReceivable> out = new ArrayList<>();
        for (Row r : rows.values()) {
            out.add(new OpenReceivable(r.id, r.customer, r.name, r.label, r.contract, r.due, r.outstanding, unpaid.getOrDefault(r.id, List.of())));
        }
        return out;
    }

    /** Adds what is still due of one instalment, given what was paid in all and how much the earlier instalments took. */
    private static void due(Map<Long, List<BigDecimal>> unpaid, Map<Long, BigDecimal> covered, long r, BigDecimal amount, BigDecimal paid) {
        BigDecimal before = covered.getOrDefault(r, BigDecimal.ZERO);
        BigDecimal after = before.add(amount);
        covered.put(r, after);
        BigDecimal p = paid == null ? BigDecimal.ZERO : paid;
        if (after.compareTo(p) <= 0) return;                            // paid in full
        BigDecimal left = p.compareTo(before) > 0 ? after.subtract(p) : amount;
        unpaid.computeIfAbsent(r, k -> new ArrayList<>()).add(left.setScale(2));
    }

    // ---- recording

    private record Target(long id, long customerId, LocalDate contractDate, BigDecimal outstanding) {
    }

    private Map<Long, Target> targets(Set<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return ctx.db().withConnection(c -> {
            Map<Long, Target> m = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, customer_id, contract_date, outstanding FROM receivable WHERE creditor_id = ? AND id = ANY(?)")) {
                ps.setLong(1, ctx.creditorId());
                ps.setObject(2, ids.toArray(new Long[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) m.put(rs.getLong(1), new Target(rs.getLong(1), rs.getLong(2), rs.getDate(3).toLocalDate(), rs.getBigDecimal(4)));
                }
            }
            return m;
        });
    }

    /** Records the lines of some receivables: per receivable, its lines' payments and one extract of them as their evidence. */
    private List<Long> record(Connection c, Preview p, Map<Long, List<Line>> chunk, Map<Long, Target> targets) throws SQLException {
        // the extracts go into the evidence store first, forced to disk together (content-addressed: one left by a failed
        // transaction is harmless)
        List<Long> receivableIds = new ArrayList<>(chunk.keySet());
        List<StoredFile> stored;
        List<Path> named = new ArrayList<>(chunk.size());
        Path tmpDir;
        try {
            tmpDir = Files.createTempDirectory("huikuan-statement");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a temporary file: " + e.getMessage(), e);
        }
        try {
            for (long rid : receivableIds) {
                List<StatementLine> lines = chunk.get(rid).stream().map(Line::line).toList();
                Path f = tmpDir.resolve(rid + "-" + extractName(lines));
                try (OutputStream out = Files.newOutputStream(f)) {
                    writeExtract(out, p, lines);
                }
                named.add(f);
            }
            stored = store.putAll(named);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a temporary file: " + e.getMessage(), e);
        } finally {
            try (var files = Files.list(tmpDir)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
                Files.deleteIfExists(tmpDir);
            } catch (IOException ignored) {
                // the system's temporary folder
            }
        }
        Timestamp at = Timestamp.from(ctx.clock().instant().truncatedTo(ChronoUnit.MICROS));
        long book = ctx.creditorId();
        List<Line> all = chunk.values().stream().flatMap(List::stream).toList();
        // The rows ReceivableService.addPayment and EvidenceService.attach write, written in batches (as the receivables
        // import writes its payments): through Hibernate each line cost some 40 ms here, 5 minutes for 8,000 lines. The
        // domain's checks ran in apply (amount against what is open, dates); texts are cleaned as the entities clean them,
        // and each record's journal entry is its entity's canonical text (verify reads them back from the rows).
        {
            List<Long> ids = new ArrayList<>(all.size());
            List<Long> evidenceIds = new ArrayList<>(chunk.size());
            try (JournalWriter journal = new JournalWriter(c, book, at);   // locks the book: one writer at a time
                 PreparedStatement pay = c.prepareStatement("INSERT INTO payment (receivable_id, paid_on, amount, channel, reference, note, created_at)"
                         + " VALUES (?, ?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS);
                 PreparedStatement ev = c.prepareStatement("INSERT INTO evidence (receivable_id, type, title, evidence_date, source, purpose, original,"
                         + " sha256, size_bytes, original_file_name, media_type, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                         java.sql.Statement.RETURN_GENERATED_KEYS)) {
                for (long rid : receivableIds) {
                    for (Line l : chunk.get(rid)) {
                        StatementLine line = l.line();
                        pay.setLong(1, rid);
                        pay.setDate(2, java.sql.Date.valueOf(line.date()));
                        pay.setBigDecimal(3, line.amount());
                        pay.setString(4, channel(p.format()).name());
                        pay.setString(5, Text.clean(line.transactionId()));
                        pay.setString(6, Text.clean(note(p, line)));
                        pay.setTimestamp(7, at);
                        pay.addBatch();
                    }
                }
                for (int i = 0; i < receivableIds.size(); i++) {
                    long rid = receivableIds.get(i);
                    List<StatementLine> lines = chunk.get(rid).stream().map(Line::line).toList();
                    StoredFile f = stored.get(i);
                    ev.setLong(1, rid);
                    ev.setString(2, EvidenceType.TRANSFER_VOUCHER.name());
                    ev.setString(3, Text.clean(title(p, lines)));
                    ev.setDate(4, java.sql.Date.valueOf(lastDate(lines)));
                    ev.setString(5, Text.clean(source(p)));
                    ev.setString(6, Text.clean(purpose(lines)));
                    ev.setBoolean(7, false);
                    ev.setString(8, f.sha256());
                    ev.setLong(9, f.sizeBytes());
                    ev.setString(10, f.originalFileName());
                    ev.setString(11, f.mediaType());
                    ev.setTimestamp(12, Timestamp.from(f.importedAt()));
                    ev.addBatch();
                }
                pay.executeBatch();
                keys(pay, ids);
                ev.executeBatch();
                keys(ev, evidenceIds);
                ReceivableSummary.Totals months = new ReceivableSummary.Totals();
                int n = 0;
                for (int i = 0; i < receivableIds.size(); i++) {
                    long rid = receivableIds.get(i);
                    List<StatementLine> lines = chunk.get(rid).stream().map(Line::line).toList();
                    for (StatementLine line : lines) {
                        journal.add("payment", ids.get(n++), AuditChain.canonicalPayment(rid, line.date(), line.amount(), channel(p.format()),
                                Text.clean(line.transactionId()), Text.clean(note(p, line))));
                        months.collected(book, line.date(), line.amount());
                    }
                    StoredFile f = stored.get(i);
                    journal.add("evidence", evidenceIds.get(i), AuditChain.canonicalEvidence(rid, EvidenceType.TRANSFER_VOUCHER, Text.clean(title(p, lines)),
                            lastDate(lines), Text.clean(source(p)), Text.clean(purpose(lines)), false, f.sha256(), f.sizeBytes(), f.originalFileName(),
                            f.importedAt()));
                    ReceivableSummary.refresh(c, rid);
                }
                months.apply(c);
            }
            Map<String, Long> payers = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO statement_line (creditor_id, line_key, payment_id, imported_at) VALUES (?, ?, ?, ?)")) {
                int k = 0;
                for (long rid : receivableIds) for (Line l : chunk.get(rid)) {
                    StatementLine line = l.line();
                    ps.setLong(1, book);
                    ps.setString(2, line.key());
                    ps.setLong(3, ids.get(k++));
                    ps.setTimestamp(4, at);
                    ps.addBatch();
                    long customer = targets.get(rid).customerId();
                    String a = StatementMatcher.accountKey(line.account()), n = StatementMatcher.nameKey(line.payer());
                    if (a != null) payers.put(a, customer);
                    if (n != null && n.length() <= 220) payers.put(n, customer);
                }
                ps.executeBatch();
            }
            // the payers remembered: new keys inserted, keys now confirmed for another customer updated (H2's MERGE … KEY
            // took seconds per batch here)
            Map<String, Long> known = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT payer_key, customer_id FROM statement_payer WHERE creditor_id = ? AND payer_key = ANY(?)")) {
                ps.setLong(1, book);
                ps.setObject(2, payers.keySet().toArray(new String[0]));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) known.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO statement_payer (creditor_id, payer_key, customer_id, confirmed_at) VALUES (?, ?, ?, ?)");
                 PreparedStatement update = c.prepareStatement("UPDATE statement_payer SET customer_id = ?, confirmed_at = ? WHERE creditor_id = ? AND payer_key = ?")) {
                for (Map.Entry<String, Long> e : payers.entrySet()) {
                    Long was = known.get(e.getKey());
                    if (was == null) {
                        insert.setLong(1, book);
                        insert.setString(2, e.getKey());
                        insert.setLong(3, e.getValue());
                        insert.setTimestamp(4, at);
                        insert.addBatch();
                    } else if (!was.equals(e.getValue())) {
                        update.setLong(1, e.getValue());
                        update.setTimestamp(2, at);
                        update.setLong(3, book);
                        update.setString(4, e.getKey());
                        update.addBatch();
                    }
                }
                insert.executeBatch();
                update.executeBatch();
            }
            return ids;
        }
    }

    private static void keys(PreparedStatement ps, List<Long> into) throws SQLException {
        try (ResultSet k = ps.getGeneratedKeys()) {
            while (k.next()) into.add(k.getLong(1));
        }
    }

    static Payment.Channel channel(StatementFormat f) {
        return switch (f) {
            case BANK -> Payment.Channel.BANK_TRANSFER;
            case WECHAT -> Payment.Channel.WECHAT_PAY;
            case ALIPAY -> Payment.Channel.ALIPAY;
        };
    }

    /** The format as the evidence and notes name it (Chinese: the books' records are read in court). */
    static String formatName(StatementFormat f) {
        return switch (f) {
            case BANK -> "银行流水";
            case WECHAT -> "微信支付账单";
            case ALIPAY -> "支付宝账单";
        };
    }

    private static String fileName(Preview p) {
        String n = p.file().getFileName() == null ? "statement" : p.file().getFileName().toString();
        return n.replaceAll("[\\p{Cc}\\p{Cf}]", "_");
    }

    private static String note(Preview p, StatementLine l) {
        String n = "从" + formatName(p.format()) + "导入：" + fileName(p) + " 第 " + l.row() + " 行" + (l.summary() == null ? "" : "，" + l.summary());
        return n.length() > 2000 ? n.substring(0, 2000) : n;
    }

    private static LocalDate lastDate(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::date).max(LocalDate::compareTo).orElseThrow();
    }

    private static BigDecimal total(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private static String rows(List<StatementLine> lines) {
        StringBuilder b = new StringBuilder();
        for (StatementLine l : lines) b.append(b.length() == 0 ? "" : "、").append(l.row());
        return b.toString();
    }

    private static String title(Preview p, List<StatementLine> lines) {
        StatementLine first = lines.get(0);
        String t = lines.size() == 1
                ? formatName(p.format()) + " " + first.date() + " " + first.amount().toPlainString() + " 元" + (first.payer() == null ? "" : "（" + first.payer() + "）")
                : formatName(p.format()) + " " + first.date() + " 至 " + lastDate(lines) + " 共 " + lines.size() + " 笔 " + total(lines).toPlainString() + " 元"
                + (first.payer() == null ? "" : "（" + first.payer() + "）");
        return t.length() > 200 ? t.substring(0, 200) : t;
    }

    private static String source(Preview p) {
        String s = formatName(p.format()) + "导出：" + fileName(p);
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    private static String purpose(List<StatementLine> lines) {
        String s = lines.size() == 1
                ? "证明债务人于 " + lines.get(0).date() + " 还款 " + lines.get(0).amount().toPlainString() + " 元（第 " + lines.get(0).row()
                + " 行；部分履行，诉讼时效自此重新计算）"
                : "证明债务人还款 " + lines.size() + " 笔共 " + total(lines).toPlainString() + " 元（第 " + rows(lines)
                + " 行；部分履行，诉讼时效自最后一笔 " + lastDate(lines) + " 起重新计算）";
        return s.length() > 2000 ? s.substring(0, 2000) : s;
    }

    private static String extractName(List<StatementLine> lines) {
        return lines.size() == 1 ? "对账单行-" + lines.get(0).date() + "-第" + lines.get(0).row() + "行.csv"
                : "对账单行-" + lines.get(0).date() + "-" + lines.size() + "笔.csv";
    }

    /**
     * A receivable's lines as their evidence: where they come from (file name, the file's SHA-256, format), what was read
     * from each (row, date, payer, account, amount, summary, transaction number), then the header and the rows as the
     * file holds them. Only this debtor's lines: a court sees no one else's. CSV in UTF-8 with a byte order mark, so
     * Excel and WPS read the Chinese; the bundle shows it as text. Cells that start like formulas were refused when the
     * file was read.
     */
    static void writeExtract(OutputStream out, Preview p, List<StatementLine> lines) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("对账单行 Statement lines", ""));
        rows.add(List.of("来源文件 Source file", fileName(p)));
        rows.add(List.of("文件 SHA-256", p.sha256()));
        rows.add(List.of("格式 Format", formatName(p.format())));
        rows.add(List.of());
        rows.add(List.of("行号 Row", "日期 Date", "对方 Payer", "对方账号 Account", "金额 Amount", "摘要 Summary", "交易单号 Transaction"));
        for (StatementLine l : lines) {
            rows.add(List.of(Integer.toString(l.row()), l.date().toString(), nz(l.payer()), nz(l.account()), l.amount().toPlainString(),
                    nz(l.summary()), nz(l.transactionId())));
        }
        rows.add(List.of());
        rows.add(List.of("原始行 As in the file"));
        rows.add(p.header());
        for (StatementLine l : lines) rows.add(l.cells());
        SpreadsheetRows.writeCsv(out, rows);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** The kind of a user's choice for a line (for showing it): how its amount fits the receivable, or null if it does not. */
    public static MatchKind kindOf(StatementLine line, OpenReceivable r) {
        return StatementMatcher.kind(line.amount(), r.outstanding(), r.unpaidInstalments());
    }
}
