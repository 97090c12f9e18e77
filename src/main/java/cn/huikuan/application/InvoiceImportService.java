package cn.huikuan.application;

import cn.huikuan.persistence.Dialect;

import cn.huikuan.domain.AuditChain;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.IdentityNumbers;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.StoredFile;
import cn.huikuan.invoices.Invoice;
import cn.huikuan.invoices.InvoiceReader;
import cn.huikuan.invoices.InvoiceUnreadable;
import cn.huikuan.invoices.SafeZip;
import cn.huikuan.pdf.PdfAttachments;
import cn.huikuan.pdf.PdfText;
import cn.huikuan.persistence.EvidenceStore;
import cn.huikuan.storage.EvidenceImportException;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Invoices in (issue 23): 数电票 XML, OFD and PDF files, alone, in a folder or in a .zip. A dry run reads every file and
 * says, one line per file, what the import will do and why; the import does it all or nothing. An invoice whose seller
 * is the book's business becomes a receivable of its buyer (matched to a customer by 统一社会信用代码 / ID number, else by
 * name, else a new customer) for its tax-included total, dated and due on its issue date, its number as the contract
 * number (so the same invoice is recognised when imported again) and its items as the title; its file is stored as
 * evidence. Another seller's invoice is listed and not imported. A 红字 (credit) invoice reduces the receivable of the
 * invoice it reverses. A file that cannot be read, or is refused for safety, stops the import: nothing is written.
 */
public final class InvoiceImportService {
    /** What the import does with one file. */
    public enum Action {
        NEW_RECEIVABLE("new-receivable"), EXISTING_CUSTOMER("existing-customer"), DUPLICATE("duplicate"), NOT_OURS("not-ours"),
        CREDIT_NOTE("credit-note"), UNREADABLE("unreadable");

        public final String code;

        Action(String code) {
            this.code = code;
        }
    }

    /** One file's verdict: the invoice read from it (null when unreadable), what will happen and why (Chinese / English). */
    public record Line(String file, Invoice invoice, Action action, String reason, boolean writes) {
    }

    /** A dry run's (or an import's) lines, in file order, and how many files in archives were not invoice files (skipped). */
    public record Plan(List<Line> lines, int skipped) {
        public long count(Action a) {
            return lines.stream().filter(l -> l.action() == a).count();
        }

        /** Whether the import may run: no unreadable file, and something to write. */
        public boolean ok() {
            return count(Action.UNREADABLE) == 0 && lines.stream().anyMatch(Line::writes);
        }

        public long receivables() {
            return count(Action.NEW_RECEIVABLE) + count(Action.EXISTING_CUSTOMER);
        }
    }

    /** The import was refused (a file unreadable, or nothing to import): nothing was written; the plan says why. */
    public static final class Refused extends RuntimeException {
        private final Plan plan;

        Refused(Plan plan) {
            super(plan.count(Action.UNREADABLE) > 0
                    ? plan.count(Action.UNREADABLE) + " 个文件无法读取或被拒绝，未导入任何发票 / files unreadable or refused: nothing imported"
                    : "没有可导入的发票（均为重复、非本企业开具或无法冲减）/ no invoice to import (duplicates, other sellers' or credit notes not applicable)");
            this.plan = plan;
        }

        public Plan plan() {
            return plan;
        }
    }

    /** The input as a whole cannot be read (missing, a hostile archive, too many files): nothing was written. */
    public static final class BadInput extends RuntimeException {
        BadInput(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Files of a folder read at most (a folder of invoices, not a disk). */
    public static final int MAX_FILES = 50_000;

    private final BookContext ctx;
    private final EvidenceStore store;

    InvoiceImportService(BookContext ctx, EvidenceStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    // ------------------------------------------------------------------ reading the files

    /** One invoice file: its name as shown, its content's SHA-256, and the invoice (or why not). */
    private record Read(String file, String sha256, Invoice invoice, String unreadable) {
    }

    @FunctionalInterface
    private interface FileSink {
        void accept(String file, byte[] content, boolean inArchive);
    }

    /** Every file of {@code inputs} in order: a file, each file of a folder (by name), each entry of a .zip. */
    private static int scan(List<Path> inputs, FileSink sink) {
        int[] skipped = {0};
        List<Path> files = new ArrayList<>();
        for (Path in : inputs) {
            if (Files.isSymbolicLink(in)) throw new BadInput("不读取符号链接 / a symbolic link is not read: " + in, null);
            if (Files.isDirectory(in, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> s = Files.list(in)) {
                    List<Path> some = s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().limit(MAX_FILES + 1L).toList();
                    for (Path p : some) {
                        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        if (n.endsWith(".xml") || n.endsWith(".ofd") || n.endsWith(".pdf") || n.endsWith(".zip")) files.add(p);
                        else skipped[0]++;
                    }
                } catch (IOException e) {
                    throw new BadInput("无法读取文件夹 / cannot read the folder " + in + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(in, LinkOption.NOFOLLOW_LINKS)) {
                files.add(in);
            } else {
                throw new BadInput("找不到文件 / no such file: " + in, null);
            }
        }
        if (files.size() > MAX_FILES) throw new BadInput("文件超过 " + MAX_FILES + " 个，请分批导入 / more than " + MAX_FILES + " files: import them in parts", null);
        for (Path f : files) {
            String name = f.getFileName().toString();
            byte[] head;
            try (InputStream in = Files.newInputStream(f)) {
                head = in.readNBytes(8);
            } catch (IOException e) {
                throw new BadInput("无法读取 / cannot read " + f + ": " + e.getMessage(), e);
            }
            if (InvoiceReader.kind(name, head) == InvoiceReader.Kind.ZIP) {
                try {
                    SafeZip.read(f, SafeZip.INVOICE_ZIP, (entry, content) -> {
                        String n = entry.toLowerCase(Locale.ROOT);
                        if (n.endsWith(".xml") || n.endsWith(".ofd") || n.endsWith(".pdf") || n.endsWith(".zip")) {
                            sink.accept(name + "!" + entry, content, true);
                        } else skipped[0]++;
                    });
                } catch (InvoiceUnreadable e) {
                    throw new BadInput(e.getMessage(), e);
                }
                continue;
            }
            try {
                long size = Files.size(f);
                if (size > InvoiceReader.MAX_FILE_BYTES) {
                    sink.accept(name, null, false);
                    continue;
                }
                sink.accept(name, Files.readAllBytes(f), false);
            } catch (IOException e) {
                throw new BadInput("无法读取 / cannot read " + f + ": " + e.getMessage(), e);
            }
        }
        return skipped[0];
    }

    private static Read read(String file, byte[] content) {
        if (content == null) {
            return new Read(file, null, null, "文件超过 " + (InvoiceReader.MAX_FILE_BYTES >> 20) + " MB，不像发票 / larger than "
                    + (InvoiceReader.MAX_FILE_BYTES >> 20) + " MB: not an invoice");
        }
        String sha = sha256(content);
        try {
            return new Read(file, sha, InvoiceReader.read(file, content, PdfAttachments.FOR_INVOICES), null);
        } catch (InvoiceUnreadable | PdfText.Unreadable e) {
            return new Read(file, sha, null, e.getMessage());
        }
    }

    // ------------------------------------------------------------------ deciding

    /** Where a receivable-to-be stands: its customer (existing id, or the key of a new one) and its amount after credits. */
    private static final class Target {
        final Read read;
        final List<Read> files = new ArrayList<>();        // the invoice's files: the one read, and the same invoice's others
        Long customerId;                                   // an existing customer
        String newCustomerKey;                             // or a new one
        BigDecimal amount;
        final List<Read> credits = new ArrayList<>();
        long receivableId;

        Target(Read read) {
            this.read = read;
            this.amount = read.invoice().gross();
            files.add(read);
        }
    }

    /** A credit note on a receivable already in the books. */
    private record BookCredit(long receivableId, Read read) {
    }

    private record Decided(Plan plan, List<Target> targets, List<BookCredit> credits, Map<String, Invoice.Party> newCustomers) {
    }

    /** Reads every file and decides; writes nothing. */
    public Plan dryRun(List<Path> inputs) {
        return decide(inputs).plan();
    }

    private Decided decide(List<Path> inputs) {
        long t0 = System.nanoTime();
        String fingerprint = fingerprint(inputs);
        Reading last = lastReading;
        List<Read> reads;
        int skipped;
        if (last != null && fingerprint != null && last.fingerprint().equals(fingerprint)) {
            reads = last.reads();            // the dry run's reading of the same, unchanged files (each is hashed again when stored)
            skipped = last.skipped();
        } else {
            List<Read> fresh = new ArrayList<>();
            skipped = scan(inputs, (file, content, inArchive) -> fresh.add(read(file, content)));
            reads = List.copyOf(fresh);
            lastReading = fingerprint == null ? null : new Reading(fingerprint, reads, skipped);
        }
        long t1 = System.nanoTime();
        Decided d = decide(reads, skipped);
        if (Boolean.getBoolean("huikuan.invoices.timing")) {
            System.err.printf("invoice check: read %.0f ms, decide %.0f ms%n", (t1 - t0) / 1e6, (System.nanoTime() - t1) / 1e6);
        }
        return d;
    }

    /** The last reading of some inputs, by their fingerprint: the import of the files a dry run has just read does not parse them again. */
    private record Reading(String fingerprint, List<Read> reads, int skipped) {
    }

    private volatile Reading lastReading;

    /** Each input file's path, size and modification time (a folder's files'); null when one cannot be read (reading says why). */
    private static String fingerprint(List<Path> inputs) {
        StringBuilder b = new StringBuilder();
        try {
            for (Path in : inputs) {
                List<Path> files;
                if (Files.isDirectory(in, LinkOption.NOFOLLOW_LINKS)) {
                    try (Stream<Path> s = Files.list(in)) {
                        files = s.sorted().limit(MAX_FILES + 1L).toList();
                    }
                } else files = List.of(in);
                for (Path f : files) {
                    b.append(f.toAbsolutePath()).append('|').append(Files.size(f)).append('|')
                            .append(Files.getLastModifiedTime(f, LinkOption.NOFOLLOW_LINKS).toMillis()).append('\n');
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return b.toString();
    }

    private Decided decide(List<Read> reads, int skipped) {
        CreditorProfile me = ctx.creditor();
        long book = ctx.creditorId();
        Set<String> numbers = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        Set<String> creditNumbers = new HashSet<>();
        for (Read r : reads) {
            if (r.invoice() == null) continue;
            numbers.add(r.invoice().number());
            if (r.invoice().creditOf() != null) numbers.add(r.invoice().creditOf());
            if (r.invoice().credit()) creditNumbers.add(r.invoice().number());
            if (r.invoice().buyer().id() != null) ids.add(r.invoice().buyer().id());
            names.add(r.invoice().buyer().name());
        }
        Map<String, Long> inBooks = new HashMap<>();           // invoice number → receivable id
        Map<String, Long> outstanding = new HashMap<>();
        Set<String> creditsInBooks = new HashSet<>();
        Map<String, Long> byId = new HashMap<>();
        Map<String, Long> byName = new HashMap<>();
        ctx.db().withConnection(c -> {
            for (List<String> chunk : chunks(numbers)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT r.contract_number, r.id, r.principal - r.paid FROM TABLE(n VARCHAR = ?) t"
                        + " JOIN receivable r ON r.creditor_id = ? AND r.contract_number = t.n ORDER BY r.id")) {
                    values(c, ps, chunk);
                    ps.setLong(2, book);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            inBooks.putIfAbsent(rs.getString(1), rs.getLong(2));
                            outstanding.putIfAbsent(rs.getString(1), rs.getBigDecimal(3).movePointRight(2).longValueExact());
                        }
                    }
                }
            }
            for (List<String> chunk : chunks(creditNumbers)) {   // credit notes applied before: their evidence's title
                List<String> titles = chunk.stream().map(InvoiceImportService::creditTitle).toList();
                try (PreparedStatement ps = c.prepareStatement("SELECT e.title FROM evidence e JOIN receivable r ON r.id = e.receivable_id"
                        + " WHERE r.creditor_id = ? AND e.title IN (" + marks(titles.size()) + ")")) {   // credit notes only: a few
                    ps.setLong(1, book);
                    bind(ps, 2, titles);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) creditsInBooks.add(rs.getString(1));
                    }
                }
            }
            for (List<String> chunk : chunks(ids)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT u.registration_number, u.id FROM TABLE(n VARCHAR = ?) t"
                        + " JOIN customer u ON u.registration_number = t.n AND u.creditor_id = ? ORDER BY u.id")) {
                    values(c, ps, chunk);
                    ps.setLong(2, book);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) byId.putIfAbsent(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            for (List<String> chunk : chunks(names)) {
                try (PreparedStatement ps = c.prepareStatement("SELECT u.name, u.id FROM TABLE(n VARCHAR = ?) t"
                        + " JOIN customer u ON u.creditor_id = ? AND u.name = t.n ORDER BY u.id")) {
                    values(c, ps, chunk);
                    ps.setLong(2, book);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) byName.putIfAbsent(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            return null;
        });

        Map<String, Target> targets = new LinkedHashMap<>();    // this import's new receivables by invoice number
        Map<String, Invoice.Party> newCustomers = new LinkedHashMap<>();
        Map<Read, Line> lines = new LinkedHashMap<>();
        List<Read> credits = new ArrayList<>();
        Map<String, String> firstFile = new HashMap<>();
        LocalDate today = ctx.today();
        for (Read r : reads) {
            Invoice inv = r.invoice();
            if (inv == null) {
                lines.put(r, new Line(r.file(), null, Action.UNREADABLE, r.unreadable(), false));
                continue;
            }
            if (!ours(inv.seller(), me)) {
                lines.put(r, new Line(r.file(), inv, Action.NOT_OURS, "销售方是「" + inv.seller().name() + "」" + (inv.seller().id() == null ? "" : "（"
                        + inv.seller().id() + "）") + "，不是本账本的「" + me.getName() + "」，未导入 / the seller is not this book's business: not imported", false));
                continue;
            }
            if (inv.issued().isAfter(today)) {
                lines.put(r, new Line(r.file(), inv, Action.UNREADABLE, "开票日期 " + inv.issued() + " 在今天之后 / the issue date is in the future", false));
                continue;
            }
            String earlier = firstFile.putIfAbsent(inv.number(), r.file());
            if (earlier != null) {
                Target t = targets.get(inv.number());
                if (t != null) t.files.add(r);
                lines.put(r, new Line(r.file(), inv, Action.DUPLICATE, "与本次导入的 " + earlier + " 是同一张发票（号码 " + inv.number() + "）"
                        + (t != null ? "，此文件一并存为证据 / the same invoice as " + earlier + ": this file is kept as evidence too"
                        : " / the same invoice as " + earlier), t != null));
                continue;
            }
            if (inv.credit()) {
                credits.add(r);
                continue;
            }
            Long existing = inBooks.get(inv.number());
            if (existing != null) {
                lines.put(r, new Line(r.file(), inv, Action.DUPLICATE, "账本中已有发票号码 " + inv.number() + " 的应收款（编号 " + existing
                        + "），未重复导入 / already in the books: not imported again", false));
                continue;
            }
            Target t = new Target(r);
            Invoice.Party buyer = inv.buyer();
            Long byNumber = buyer.id() == null ? null : byId.get(buyer.id());
            Long named = byName.get(buyer.name());
            if (byNumber != null) {
                t.customerId = byNumber;
                lines.put(r, new Line(r.file(), inv, Action.EXISTING_CUSTOMER, "购买方按证件号码 " + buyer.id() + " 对应已有客户（编号 " + byNumber
                        + "），新建应收款 " + inv.gross() + " 元 / a new receivable of the customer with the buyer's number", true));
            } else if (named != null) {
                t.customerId = named;
                lines.put(r, new Line(r.file(), inv, Action.EXISTING_CUSTOMER, "购买方按名称「" + buyer.name() + "」对应已有客户（编号 " + named
                        + "），新建应收款 " + inv.gross() + " 元 / a new receivable of the customer with the buyer's name", true));
            } else {
                String key = customerKey(buyer);
                boolean first = !newCustomers.containsKey(key);
                newCustomers.putIfAbsent(key, buyer);
                t.newCustomerKey = key;
                lines.put(r, new Line(r.file(), inv, Action.NEW_RECEIVABLE, (first ? "新客户「" : "本次导入的新客户「") + buyer.name() + "」，新建应收款 "
                        + inv.gross() + " 元 / a new receivable" + (first ? " of a new customer" : " of a customer new in this import"), true));
            }
            targets.put(inv.number(), t);
        }
        // credit notes, after every receivable they may reduce is known
        List<BookCredit> bookCredits = new ArrayList<>();
        Map<String, BigDecimal> bookLeft = new HashMap<>();
        for (Read r : credits) {
            Invoice inv = r.invoice();
            BigDecimal minus = inv.gross().negate();
            Line line;
            if (creditsInBooks.contains(creditTitle(inv.number()))) {
                line = new Line(r.file(), inv, Action.DUPLICATE, "红字发票 " + inv.number() + " 已经冲减过，未重复冲减 / this credit note was applied before", false);
            } else if (inv.creditOf() == null) {
                line = new Line(r.file(), inv, Action.CREDIT_NOTE, "红字发票没有写明被冲红的蓝字发票号码，未冲减 / the credit note names no invoice: not applied", false);
            } else if (targets.containsKey(inv.creditOf())) {
                Target t = targets.get(inv.creditOf());
                t.amount = t.amount.subtract(minus);
                t.credits.add(r);
                line = new Line(r.file(), inv, Action.CREDIT_NOTE, "冲减本次导入的发票 " + inv.creditOf() + " " + minus + " 元 / reduces invoice "
                        + inv.creditOf() + " of this import", true);
            } else if (inBooks.containsKey(inv.creditOf())) {
                long rid = inBooks.get(inv.creditOf());
                BigDecimal left = bookLeft.computeIfAbsent(inv.creditOf(), n -> BigDecimal.valueOf(outstanding.get(n), 2)).subtract(minus);
                if (left.signum() <= 0) {
                    line = new Line(r.file(), inv, Action.CREDIT_NOTE, "冲减 " + minus + " 元后发票 " + inv.creditOf() + " 的应收款（编号 " + rid
                            + "）将不大于零：全额冲红或已收款，请在应收款页面处理，未冲减 / the receivable would be fully reversed or overpaid:"
                            + " handle it on its page; not applied", false);
                } else {
                    bookLeft.put(inv.creditOf(), left);
                    bookCredits.add(new BookCredit(rid, r));
                    line = new Line(r.file(), inv, Action.CREDIT_NOTE, "冲减账本中发票 " + inv.creditOf() + " 的应收款（编号 " + rid + "）" + minus
                            + " 元 / reduces the receivable of invoice " + inv.creditOf(), true);
                }
            } else {
                line = new Line(r.file(), inv, Action.CREDIT_NOTE, "被冲红的发票 " + inv.creditOf() + " 不在账本中，也不在本次导入中，未冲减"
                        + " / the invoice it reverses is neither in the books nor in this import: not applied", false);
            }
            lines.put(r, line);
        }
        // a receivable of this import reversed in full is not made; its credit notes say so
        List<Target> kept = new ArrayList<>();
        for (Target t : targets.values()) {
            if (t.amount.signum() > 0) {
                kept.add(t);
                continue;
            }
            Invoice inv = t.read.invoice();
            for (Read f : t.files) {
                lines.put(f, new Line(f.file(), inv, Action.CREDIT_NOTE, "发票 " + inv.number() + " 被本次导入的红字发票全额冲红，不建应收款"
                        + " / fully reversed by a credit note of this import: no receivable", false));
            }
            for (Read c : t.credits) {
                lines.put(c, new Line(c.file(), c.invoice(), Action.CREDIT_NOTE, "全额冲红本次导入的发票 " + inv.number() + "，两张都不导入"
                        + " / fully reverses an invoice of this import: neither is imported", false));
            }
        }
        Set<String> keys = new HashSet<>();
        kept.forEach(t -> keys.add(t.newCustomerKey));
        newCustomers.keySet().retainAll(keys);
        List<Line> ordered = new ArrayList<>();
        for (Read r : reads) ordered.add(lines.get(r));
        return new Decided(new Plan(List.copyOf(ordered), skipped), kept, bookCredits, newCustomers);
    }

    /** The title a credit note's evidence gets: also how a credit note applied before is recognised. */
    static String creditTitle(String number) {
        return "红字发票 " + number;
    }

    private static String customerKey(Invoice.Party p) {
        return p.id() != null ? "id:" + p.id() : "name:" + p.name();
    }

    /** The seller is the book's business: the same 统一社会信用代码 when both have one, else the same name. */
    static boolean ours(Invoice.Party seller, CreditorProfile me) {
        String mine = me.getRegistrationNumber() == null ? null : me.getRegistrationNumber().replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (mine != null && !mine.isEmpty() && seller.id() != null) return mine.equals(seller.id());
        return normName(seller.name()).equals(normName(me.getName()));
    }

    private static String normName(String s) {
        return s == null ? "" : s.replaceAll("\\s+", "").replace('（', '(').replace('）', ')');
    }

    /** {@code n} parameter marks for an IN list (bound one by one, so that H2 looks each up in the index). */
    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    /**
     * {@code values} as the table {@code t(n)} the query joins to its index: H2 used only the first column of a two-column
     * index for {@code IN (…)} or {@code = ANY(?)} and compared every row of the book with every value (2.5 s for 10,000
     * numbers against 9,000 receivables; a join on the table function looks each one up).
     */
    private static void values(Connection c, PreparedStatement ps, List<String> values) throws SQLException {
        ps.setArray(1, c.createArrayOf("VARCHAR", values.toArray()));
    }

    private static void bind(PreparedStatement ps, int from, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) ps.setString(from + i, values.get(i));
    }

    private static List<List<String>> chunks(Set<String> values) {
        List<String> all = new ArrayList<>(values);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) out.add(all.subList(i, Math.min(all.size(), i + 1000)));
        return out;
    }

    // ------------------------------------------------------------------ writing

    /**
     * Imports what the dry run of the same files shows, or refuses ({@link Refused}) and writes nothing. The files are
     * read again and each must still have the SHA-256 it had when read; the invoice files are copied into the evidence
     * store first (content-addressed: a copy nothing refers to is harmless), then everything else is written in one
     * transaction: customers, receivables with their one instalment, evidence records, credit notes, the journal
     * entries and the kept totals.
     */
    public Plan importFiles(List<Path> inputs) {
        long t0 = System.nanoTime();
        Decided d = decide(inputs);
        long t1 = System.nanoTime();
        if (!d.plan().ok()) throw new Refused(d.plan());
        // which file contents the writes need, by file name
        Map<String, String> wanted = new HashMap<>();
        for (Target t : d.targets()) {
            for (Read f : t.files) wanted.put(f.file(), f.sha256());
            for (Read c : t.credits) wanted.put(c.file(), c.sha256());
        }
        for (BookCredit b : d.credits()) wanted.put(b.read().file(), b.read().sha256());
        Map<String, StoredFile> stored = new java.util.concurrent.ConcurrentHashMap<>();
        storeAll(inputs, wanted, stored);
        long t2 = System.nanoTime();
        ctx.db().inBulkConnection(c -> {
            write(c, d, stored);
            c.commit();
            return null;
        });
        if (Boolean.getBoolean("huikuan.invoices.timing")) {
            System.err.printf("invoice import: read and decide %.0f ms, store files %.0f ms, write %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6,
                    (System.nanoTime() - t2) / 1e6);
        }
        return d.plan();
    }

    /** Threads copying invoice files into the evidence store: each copy waits for its fsync (5 ms here), not for the CPU. */
    static final int STORE_THREADS = 8;

    /**
     * Reads the inputs again and copies each file the import writes into the evidence store, checking that it still has
     * the SHA-256 it was read with. The copies run on {@link #STORE_THREADS} threads, at most 64 files' contents held at once.
     */
    private void storeAll(List<Path> inputs, Map<String, String> wanted, Map<String, StoredFile> stored) {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(STORE_THREADS, r -> {
            Thread t = new Thread(r, "invoice-store");
            t.setDaemon(true);
            return t;
        });
        java.util.concurrent.Semaphore room = new java.util.concurrent.Semaphore(64);
        List<java.util.concurrent.Future<?>> copies = new ArrayList<>();
        try {
            scan(inputs, (file, content, inArchive) -> {
                String sha = wanted.get(file);
                if (sha == null) return;
                if (content == null || !sha.equals(sha256(content))) {
                    throw new BadInput("文件在检查之后被改动过，请重新检查 / the file changed since it was checked: " + file, null);
                }
                room.acquireUninterruptibly();
                copies.add(pool.submit(() -> {
                    try {
                        stored.put(file, store.put(content, file.substring(file.lastIndexOf('!') + 1)));
                    } catch (EvidenceImportException e) {
                        throw new BadInput(file + ": " + e.getMessage(), e);
                    } finally {
                        room.release();
                    }
                }));
            });
            for (java.util.concurrent.Future<?> f : copies) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException re) throw re;
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void write(Connection c, Decided d, Map<String, StoredFile> stored) throws SQLException {
        long book = ctx.creditorId();
        Timestamp now = Timestamp.from(ctx.clock().instant().truncatedTo(ChronoUnit.MICROS));
        ReceivableSummary.Totals totals = new ReceivableSummary.Totals();
        Lap lap = new Lap();
        // 1. new customers with their kept figures
        Map<String, Long> customerIds = new HashMap<>();
        Map<String, long[]> counts = new HashMap<>();
        Map<String, BigDecimal> owed = new HashMap<>();
        for (Target t : d.targets()) {
            if (t.newCustomerKey == null) continue;
            counts.computeIfAbsent(t.newCustomerKey, k -> new long[1])[0]++;
            owed.merge(t.newCustomerKey, t.amount, BigDecimal::add);
        }
        List<String> keys = new ArrayList<>(d.newCustomers().keySet());
        List<Long> newIds = new ArrayList<>();
        LocalDate today = ctx.today();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer (version, creditor_id, kind, name, registration_number, "
                + "situation, notes, created_at, receivable_count, outstanding) VALUES (0, ?, ?, ?, ?, 'UNKNOWN', ?, ?, ?, ?)", Dialect.of(c).idColumn())) {
            for (int i = 0; i < keys.size(); i += CHUNK) {
                List<String> chunk = keys.subList(i, Math.min(keys.size(), i + CHUNK));
                for (String k : chunk) {
                    Invoice.Party p = d.newCustomers().get(k);
                    ps.setLong(1, book);
                    ps.setString(2, kind(p, today).name());
                    ps.setString(3, p.name());
                    ps.setString(4, validNumber(p.id(), today));
                    ps.setString(5, p.id() != null && validNumber(p.id(), today) == null
                            ? "发票上的纳税人识别号：" + p.id() + "（校验位不符，未作为证件号码）/ the number on the invoice (check digit does not match)" : null);
                    ps.setTimestamp(6, now);
                    ps.setLong(7, counts.get(k)[0]);
                    ps.setBigDecimal(8, owed.get(k));
                    ps.addBatch();
                }
                ps.executeBatch();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    for (String k : chunk) {
                        if (!rs.next()) throw new SQLException("missing generated key");
                        customerIds.put(k, rs.getLong(1));
                        newIds.add(rs.getLong(1));
                    }
                }
            }
        }
        lap.at("customers");
        // 2. receivables with their instalment
        List<Target> targets = d.targets();
        try (PreparedStatement pr = c.prepareStatement("INSERT INTO receivable (version, customer_id, kind, title, contract_number, contract_date,"
                + " principal, currency, penalty_kind, notes, created_at, creditor_id, paid, final_due, first_unpaid_due, outstanding)"
                + " VALUES (0, ?, 'SALE_ON_CREDIT', ?, ?, ?, ?, 'CNY', 'NONE', ?, ?, ?, 0, ?, ?, ?)", Dialect.of(c).idColumn());
             PreparedStatement pi = c.prepareStatement("INSERT INTO instalment (receivable_id, seq, due_date, amount) VALUES (?, 0, ?, ?)")) {
            for (int i = 0; i < targets.size(); i += CHUNK) {
                List<Target> chunk = targets.subList(i, Math.min(targets.size(), i + CHUNK));
                for (Target t : chunk) {
                    Invoice inv = t.read.invoice();
                    long customer = t.customerId != null ? t.customerId : customerIds.get(t.newCustomerKey);
                    Date issued = Date.valueOf(inv.issued());
                    pr.setLong(1, customer);
                    pr.setString(2, title(inv));
                    pr.setString(3, inv.number());
                    pr.setDate(4, issued);
                    pr.setBigDecimal(5, t.amount);
                    pr.setString(6, notes(t));
                    pr.setTimestamp(7, now);
                    pr.setLong(8, book);
                    pr.setDate(9, issued);
                    pr.setDate(10, issued);
                    pr.setBigDecimal(11, t.amount);
                    pr.addBatch();
                    totals.add(new ReceivableSummary.Share(book, customer, t.amount, BigDecimal.ZERO.setScale(2), t.amount, inv.issued()));
                    totals.lent(book, inv.issued(), t.amount);
                }
                pr.executeBatch();
                try (ResultSet rs = pr.getGeneratedKeys()) {
                    for (Target t : chunk) {
                        if (!rs.next()) throw new SQLException("missing generated key");
                        t.receivableId = rs.getLong(1);
                        pi.setLong(1, t.receivableId);
                        pi.setDate(2, Date.valueOf(t.read.invoice().issued()));
                        pi.setBigDecimal(3, t.amount);
                        pi.addBatch();
                    }
                }
                pi.executeBatch();
            }
        }
        lap.at("receivables");
        // 3. credit notes on receivables already in the books: the principal and the schedule reduced from the last instalment
        List<long[]> edited = new ArrayList<>();
        for (BookCredit b : d.credits()) {
            BigDecimal minus = b.read().invoice().gross().negate();
            ReceivableSummary.unlend(c, book, b.receivableId(), totals);
            // its share of the kept totals as it was: the principal is part of it (the counts per amount, V21)
            ReceivableSummary.Share before = ReceivableSummary.share(c, b.receivableId());
            reduce(c, b.receivableId(), minus);
            try (PreparedStatement ps = c.prepareStatement("SELECT contract_date, principal FROM receivable WHERE id = ?")) {
                ps.setLong(1, b.receivableId());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    totals.lent(book, rs.getDate(1).toLocalDate(), rs.getBigDecimal(2));
                }
            }
            ReceivableSummary.refresh(c, b.receivableId(), before);
            edited.add(new long[]{b.receivableId()});
        }
        lap.at("credits");
        // 4. evidence records: each invoice's files, and each credit note's file on the receivable it reduced
        record Ev(long receivableId, Read read, EvidenceType type, String title) {
        }
        List<Ev> evidence = new ArrayList<>();
        for (Target t : targets) {
            for (Read f : t.files) evidence.add(new Ev(t.receivableId, f, EvidenceType.INVOICE, "发票 " + t.read.invoice().number()));
            for (Read cr : t.credits) evidence.add(new Ev(t.receivableId, cr, EvidenceType.INVOICE, creditTitle(cr.invoice().number())));
        }
        for (BookCredit b : d.credits()) evidence.add(new Ev(b.receivableId(), b.read(), EvidenceType.INVOICE, creditTitle(b.read().invoice().number())));
        Set<String> once = new HashSet<>();
        evidence.removeIf(e -> !once.add(e.receivableId() + "|" + stored.get(e.read().file()).sha256()));   // the same file twice: once
        long[] evidenceIds = new long[evidence.size()];
        try (PreparedStatement pe = c.prepareStatement("INSERT INTO evidence (receivable_id, type, title, evidence_date, source, purpose, original,"
                + " sha256, size_bytes, original_file_name, media_type, imported_at) VALUES (?, ?, ?, ?, ?, ?, TRUE, ?, ?, ?, ?, ?)", Dialect.of(c).idColumn())) {
            for (int i = 0; i < evidence.size(); i += CHUNK) {
                List<Ev> chunk = evidence.subList(i, Math.min(evidence.size(), i + CHUNK));
                for (Ev e : chunk) {
                    StoredFile f = stored.get(e.read().file());
                    Invoice inv = e.read().invoice();
                    pe.setLong(1, e.receivableId());
                    pe.setString(2, e.type().name());
                    pe.setString(3, e.title());
                    pe.setDate(4, Date.valueOf(inv.issued()));
                    pe.setString(5, source(inv));
                    pe.setString(6, purpose(inv));
                    pe.setString(7, f.sha256());
                    pe.setLong(8, f.sizeBytes());
                    pe.setString(9, f.originalFileName());
                    pe.setString(10, f.mediaType());
                    pe.setTimestamp(11, Timestamp.from(f.importedAt()));
                    pe.addBatch();
                }
                pe.executeBatch();
                try (ResultSet rs = pe.getGeneratedKeys()) {
                    for (int j = 0; j < chunk.size(); j++) {
                        if (!rs.next()) throw new SQLException("missing generated key");
                        evidenceIds[i + j] = rs.getLong(1);
                    }
                }
            }
        }
        lap.at("evidence");
        // 5. the journal: new customers, new receivables, edited receivables, evidence
        try (JournalWriter journal = new JournalWriter(c, book, now)) {
            for (int j = 0; j < keys.size(); j++) {
                Invoice.Party p = d.newCustomers().get(keys.get(j));
                journal.add("customer", newIds.get(j), AuditChain.canonicalCustomer(book, kind(p, today).name(), p.name(), validNumber(p.id(), today),
                        null, null, null, List.of()));
                if (journal.pending() >= CHUNK) journal.flush();
            }
            for (Target t : targets) {
                Invoice inv = t.read.invoice();
                long customer = t.customerId != null ? t.customerId : customerIds.get(t.newCustomerKey);
                journal.add("receivable", t.receivableId, AuditChain.canonicalReceivable(customer, "SALE_ON_CREDIT", title(inv), inv.number(),
                        inv.issued(), t.amount, "CNY", null, null, "NONE", null, null, null, null, List.of(new AuditChain.Due(inv.issued(), t.amount))));
                if (journal.pending() >= CHUNK) journal.flush();
            }
            for (long[] e : edited) journal.add("receivable", e[0], canonicalReceivable(c, e[0]));
            for (int j = 0; j < evidence.size(); j++) {
                Ev e = evidence.get(j);
                StoredFile f = stored.get(e.read().file());
                Invoice inv = e.read().invoice();
                journal.add("evidence", evidenceIds[j], AuditChain.canonicalEvidence(e.receivableId(), e.type(), e.title(), inv.issued(), source(inv),
                        purpose(inv), true, f.sha256(), f.sizeBytes(), f.originalFileName(), f.importedAt()));
                if (journal.pending() >= CHUNK) journal.flush();
            }
        }
        lap.at("journal");
        ReceivableSummary.customersAdded(c, book, keys.size());
        totals.writtenWith(newIds);
        totals.apply(c);
        lap.at("totals");
    }

    /** Stage times of a write, printed with -Dhuikuan.invoices.timing=true. */
    private static final class Lap {
        private long at = System.nanoTime();

        void at(String stage) {
            long now = System.nanoTime();
            if (Boolean.getBoolean("huikuan.invoices.timing")) System.err.printf("  %s %.0f ms%n", stage, (now - at) / 1e6);
            at = now;
        }
    }

    /** Rows per batch. */
    static final int CHUNK = 1000;

    /** Takes {@code minus} off the principal and off the schedule, from the last instalment back. */
    private static void reduce(Connection c, long receivableId, BigDecimal minus) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE receivable SET principal = principal - ?, version = version + 1 WHERE id = ?")) {
            ps.setBigDecimal(1, minus);
            ps.setLong(2, receivableId);
            ps.executeUpdate();
        }
        BigDecimal left = minus;
        List<Object[]> schedule = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, amount FROM instalment WHERE receivable_id = ? ORDER BY seq DESC")) {
            ps.setLong(1, receivableId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) schedule.add(new Object[]{rs.getInt(1), rs.getBigDecimal(2)});
            }
        }
        for (Object[] i : schedule) {
            if (left.signum() <= 0) break;
            BigDecimal amount = (BigDecimal) i[1];
            BigDecimal take = amount.min(left);
            left = left.subtract(take);
            String sql = take.compareTo(amount) == 0 ? "DELETE FROM instalment WHERE receivable_id = ? AND seq = ?"
                    : "UPDATE instalment SET amount = amount - " + take.toPlainString() + " WHERE receivable_id = ? AND seq = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, receivableId);
                ps.setInt(2, (Integer) i[0]);
                ps.executeUpdate();
            }
        }
    }

    /** A receivable's canonical journal text read from its row and schedule (after a credit note changed it). */
    private static String canonicalReceivable(Connection c, long id) throws SQLException {
        List<AuditChain.Due> dues = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT due_date, amount FROM instalment WHERE receivable_id = ? ORDER BY seq")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) dues.add(new AuditChain.Due(rs.getDate(1).toLocalDate(), rs.getBigDecimal(2)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, kind, title, contract_number, contract_date, principal, currency,"
                + " interest_rate_percent, overdue_rate_percent, penalty_kind, penalty_value, jurisdiction_clause, arbitration_clause, guarantees"
                + " FROM receivable WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return AuditChain.canonicalReceivable(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getDate(5).toLocalDate(),
                        rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getString(10), rs.getBigDecimal(11),
                        rs.getString(12), rs.getString(13), rs.getString(14), dues);
            }
        }
    }

    private static PartyKind kind(Invoice.Party p, LocalDate today) {
        if (p.id() != null && IdentityNumbers.checkCreditCode(p.id()) == IdentityNumbers.Result.VALID) return PartyKind.ORGANISATION;
        if (p.id() != null && IdentityNumbers.checkResidentId(p.id(), today) == IdentityNumbers.Result.VALID) return PartyKind.PERSON;
        return p.name().matches(".*(公司|厂|店|中心|商行|合作社|事务所|部|院|会|局|所|队)$") || p.name().length() > 4 ? PartyKind.ORGANISATION : PartyKind.PERSON;
    }

    /** The buyer's number as the customer's 证件号码 when its check character is right; else null (kept in the notes). */
    private static String validNumber(String id, LocalDate today) {
        if (id == null || id.length() > 32) return null;
        boolean ok = IdentityNumbers.checkCreditCode(id) == IdentityNumbers.Result.VALID
                || IdentityNumbers.checkResidentId(id, today) == IdentityNumbers.Result.VALID;
        return ok ? id : null;
    }

    /** The receivable's title: the items, at most 200 characters. */
    static String title(Invoice inv) {
        String t = inv.itemNames();
        return t.length() <= 200 ? t : t.substring(0, 199) + "…";
    }

    private static String notes(Target t) {
        Invoice inv = t.read.invoice();
        StringBuilder b = new StringBuilder("由发票导入 / imported from invoice ").append(inv.number()).append("（").append(inv.readBy()).append("）\n");
        b.append("价税合计 ").append(inv.gross());
        if (inv.net() != null) b.append("（金额 ").append(inv.net()).append("，税额 ").append(inv.tax()).append("）");
        b.append('\n');
        for (Invoice.Item i : inv.items()) {
            b.append(i.name());
            if (i.amount() != null) b.append("  ").append(i.amount());
            if (i.tax() != null) b.append(" + ").append(i.tax());
            b.append('\n');
        }
        for (Read cr : t.credits) {
            b.append("红字发票 ").append(cr.invoice().number()).append(" 冲减 ").append(cr.invoice().gross().negate()).append('\n');
        }
        String s = b.toString().strip();
        return s.length() <= 10_000 ? s : s.substring(0, 9_999) + "…";
    }

    private static String source(Invoice inv) {
        return "数电票" + inv.format().name() + "文件，销售方 " + inv.seller().name();
    }

    private static String purpose(Invoice inv) {
        return inv.credit() ? "证明已开具红字发票冲减价款 " + inv.gross().negate() + " 元" : "证明已向购买方开具发票，价税合计 " + inv.gross() + " 元";
    }

    private static String sha256(byte[] content) {
        return java.util.HexFormat.of().formatHex(cn.huikuan.storage.Sha256.digest().digest(content));
    }
}
