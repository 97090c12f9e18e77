package cn.huikuan.application;

import cn.huikuan.documents.CaseFile;
import cn.huikuan.documents.DocKind;
import cn.huikuan.documents.EvidenceIndex;
import cn.huikuan.documents.Templates;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.pdf.DocPdf;
import cn.huikuan.pdf.EvidenceBundle;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a case's documents, its evidence bundle, court packets and the originals ZIP. Every file is written
 * to a temporary name beside the target and moved into place only when complete: a failure, a full disk or
 * a cancel never leaves a half-written file at the target path.
 */
public final class ExportService {
    public static final String BUNDLE_FILE = "证据材料汇编.pdf";
    /** Room needed beyond the evidence itself (fonts, documents, the manifest). */
    static final long HEADROOM = 32L * 1024 * 1024;

    private final Books books;

    ExportService(Books books) {
        this.books = books;
    }

    /** Thrown for problems the user can fix (no space, a folder that cannot be written): one clear sentence. */
    public static final class ExportException extends RuntimeException {
        public ExportException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A document would carry words of the user's that the conduct guard blocks (issue 20): the receivable's title or
     * notes, the court or the law firm typed at export. Nothing was written.
     */
    public static final class ConductBlockedException extends RuntimeException {
        private final transient cn.huikuan.law.ConductGuard.Result result;
        private final String text;

        ConductBlockedException(String text, cn.huikuan.law.ConductGuard.Result result) {
            super("文书中您填写的文字未通过合法催收检查，未导出 / words you wrote for this document did not pass the conduct check, nothing was"
                    + " exported: " + String.join("；", result.findings().stream().filter(f -> !f.policyOnly())
                    .map(f -> f.category().id() + "「" + f.matched() + "」").toList()));
            this.text = text;
            this.result = result;
        }

        /** The words checked, one field a line ("备注：…"); the findings' spans are in it. */
        public String text() {
            return text;
        }

        public cn.huikuan.law.ConductGuard.Result result() {
            return result;
        }
    }

    /**
     * The user's own words that the documents print, one field a line: the receivable's title and notes (the facts of
     * the demand, the lawyer's letter and the court filings), the court and the law firm typed at export.
     */
    public static String freeText(CaseFile c) {
        StringBuilder sb = new StringBuilder();
        line(sb, "合同事由", c.receivable().getTitle());
        line(sb, "备注", c.receivable().getNotes());
        line(sb, "受理法院", c.options().court());
        line(sb, "律师事务所", c.options().lawFirm());
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, String value) {
        if (value == null || value.isBlank()) return;
        if (sb.length() > 0) sb.append('\n');
        sb.append(label).append("：").append(value.strip());
    }

    /** The conduct guard on {@link #freeText}, for this debtor. */
    public cn.huikuan.law.ConductGuard.Result checkFreeText(CaseFile c) {
        cn.huikuan.law.ConductGuard.DebtorKind kind = c.debtor().getKind() == cn.huikuan.domain.PartyKind.ORGANISATION
                ? cn.huikuan.law.ConductGuard.DebtorKind.COMPANY : cn.huikuan.law.ConductGuard.DebtorKind.PERSON;
        return new cn.huikuan.law.ConductGuard(books.settings().contactPolicy(), books.legal().lpr())
                .check(freeText(c), new cn.huikuan.law.ConductGuard.Context(kind, null, List.of(), cn.huikuan.law.ConductGuard.Tone.FIRM));
    }

    private void requireLawfulFreeText(CaseFile c) {
        String text = freeText(c);
        if (text.isEmpty()) return;
        cn.huikuan.law.ConductGuard.Result r = checkFreeText(c);
        if (r.blocked()) throw new ConductBlockedException(text, r);
    }

    /** The case as the documents see it, as of today; options null means the defaults. */
    public CaseFile caseFile(long receivableId, CaseFile.Options options) {
        LegalStatusService.CaseRecords r = books.legal().records(receivableId);
        List<EvidenceItem> evidence = books.evidence().list(receivableId);
        CaseFile.Options o = options == null ? CaseFile.Options.defaults(books.today()) : options;
        return new CaseFile(books.creditor(), r.receivable().getCustomer(), r.receivable(), r.payments(), evidence, r.contacts(),
                r.courtEvents(), books.legal().claim(r), books.legal().limitation(r), books.today(), o, agreedPlan(receivableId));
    }

    private java.util.List<cn.huikuan.domain.Instalment> agreedPlan(long receivableId) {
        cn.huikuan.domain.RepaymentPlan p = books.wizard().plan(receivableId);
        return p == null ? java.util.List.of() : p.getInstalments();
    }

    public byte[] documentPdf(DocKind kind, CaseFile c) {
        return DocPdf.render(Templates.build(kind, c));
    }

    public Path writeDocument(DocKind kind, CaseFile c, Path target) {
        requireLawfulFreeText(c);
        byte[] pdf = documentPdf(kind, c);
        atomically(target, pdf.length, out -> out.write(pdf));
        return target;
    }

    public EvidenceBundle.Result writeBundle(CaseFile c, Path target, EvidenceBundle.Progress progress) {
        EvidenceBundle.Result[] result = new EvidenceBundle.Result[1];
        EvidenceBundle.Journal journal = journal();
        atomically(target, evidenceBytes(c) + HEADROOM, out -> result[0] = EvidenceBundle.write(c, books.evidence()::file, books.courtImages(), journal,
                books.clock().instant(), out, progress));
        return result[0];
    }

    /**
     * What Huikuan would tell the user about {@code kind} for this case: drafting hints and warnings that are never printed
     * in the document itself (issue 18), and the court proposed for it with the reasons. Shown by the export dialog and on
     * the command line's standard error.
     */
    public List<String> notes(DocKind kind, CaseFile c) {
        List<String> out = new ArrayList<>();
        if (Templates.addressed(kind) && c.options().court().isBlank()) out.add("受理机构 Court: " + Templates.proposal(kind, c).explained());
        out.addAll(Templates.build(kind, c).notes());
        return out;
    }

    /** The court proposed for a route's filing (its first document), with the reasons. */
    public cn.huikuan.law.Jurisdiction.Proposal proposal(DocKind.Route route, CaseFile c) {
        return Templates.proposal(route.documents().get(0), c);
    }

    /** The case file as a route files it: the complaint says 申请诉讼保全 exactly when the packet holds the application. */
    public static CaseFile forRoute(CaseFile c, DocKind.Route route) {
        return c.withOptions(c.options().withPreservation(route.documents().contains(DocKind.PRESERVATION)));
    }

    /**
     * All documents of a route plus the bundle, into {@code dir}; returns the files written, in filing order. What a court
     * would send back is refused before anything is written. The standalone 证据目录 carries the bundle's page ranges, so
     * the packet holds one evidence list, the same in both places (issue 18).
     */
    public List<Path> writePacket(CaseFile c0, DocKind.Route route, Path dir, EvidenceBundle.Progress progress) {
        CaseFile c = forRoute(c0, route);
        for (DocKind k : route.documents()) Templates.build(k, c); // refusals (and a court for each) before any file is written
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ExportException("无法创建文件夹 / cannot create the folder: " + dir + " (" + e.getMessage() + ")", e);
        }
        requireSpace(dir, evidenceBytes(c) + HEADROOM);
        requireLawfulFreeText(c);
        Path bundle = dir.resolve(BUNDLE_FILE);
        EvidenceBundle.Result r = route.documents().contains(DocKind.EVIDENCE_LIST) ? writeBundle(c, bundle, progress) : null;
        List<Path> written = new ArrayList<>();
        for (DocKind k : route.documents()) {
            if (progress.cancelled()) throw new EvidenceBundle.CancelledException();
            progress.update(k.zh(), 0, 1);
            Path target = dir.resolve(k.fileName());
            if (k == DocKind.EVIDENCE_LIST && r != null) {
                byte[] pdf = DocPdf.render(Templates.evidenceList(c, r.ranges()));
                atomically(target, pdf.length, out -> out.write(pdf));
                written.add(target);
            } else {
                written.add(writeDocument(k, c, target));
            }
        }
        if (r == null) writeBundle(c, bundle, progress);
        written.add(bundle);
        return written;
    }

    /**
     * A ZIP with the originals (as imported, named by evidence number), the bundle and a SHA-256 manifest that lists every
     * file, the bundle too, so that {@code sha256sum -c SHA256SUMS.txt} passes after unpacking (issue 18). Names are UTF-8
     * with the zip's UTF-8 flag, and every entry says it was made on Unix with permissions 0644: Info-ZIP's unzip (Debian),
     * macOS Archive Utility and Windows 10's Explorer then keep the Chinese names (made on "MS-DOS", as Java writes by
     * default, some unpackers read them in the local code page).
     */
    public Path writeZip(CaseFile c, Path target, EvidenceBundle.Progress progress) {
        atomically(target, 2 * evidenceBytes(c) + HEADROOM, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                StringBuilder manifest = new StringBuilder("# SHA-256  文件 file — 回款助手 Huikuan; check with: sha256sum -c SHA256SUMS.txt\n");
                for (EvidenceIndex.Entry e : EvidenceIndex.of(c.evidence())) {
                    if (progress.cancelled()) throw new EvidenceBundle.CancelledException();
                    String name = "originals/" + e.number() + "_" + safeName(e.item().getOriginalFileName());
                    zip.putNextEntry(new ZipEntry(name));
                    Files.copy(books.evidence().file(e.item()), zip);
                    zip.closeEntry();
                    manifest.append(e.item().getSha256()).append("  ").append(name).append('\n');
                }
                zip.putNextEntry(new ZipEntry(BUNDLE_FILE));
                java.security.MessageDigest sha = sha256();
                try (var digesting = new java.security.DigestOutputStream(new NonClosing(zip), sha)) {
                    EvidenceBundle.write(c, books.evidence()::file, books.courtImages(), journal(), books.clock().instant(), digesting, progress);
                }
                zip.closeEntry();
                manifest.append(java.util.HexFormat.of().formatHex(sha.digest())).append("  ").append(BUNDLE_FILE).append('\n');
                zip.putNextEntry(new ZipEntry("SHA256SUMS.txt"));
                zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        });
        try {
            ZipHosts.madeOnUnix(target);
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(ExportService.class).warn("Could not mark {} as made on Unix: {}", target, e.toString());
        }
        return target;
    }

    private static java.security.MessageDigest sha256() {
        try {
            return java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The journal checked against the records; the bundle checks its own files' hashes as it reads them. */
    /**
     * The receivables list as .xlsx, with the filter and sort the user sees, every page, streamed (issue 7).
     * Holds customer names and amounts only: no ID or phone numbers.
     */
    public int receivablesXlsx(cn.huikuan.application.ListQuery query, Path target) {
        int[] rows = {0};
        atomically(target, HEADROOM, out -> {
            try (org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "Huikuan", "1.0")) {
                org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("应收款");
                String[] head = {"客户 Customer", "事由 Title", "类型 Kind", "本金 Principal", "已收 Paid", "未收 Outstanding", "最后到期日 Final due",
                        "逾期起始日 Overdue since", "逾期天数 Days overdue", "账龄 Bucket"};
                for (int i = 0; i < head.length; i++) ws.value(0, i, head[i]);
                ws.range(0, 0, 0, head.length - 1).style().bold().fillColor("DDEBF7").set();
                int r = 1;
                ListQuery q = query.withPage(0);
                for (int page = 0; ; page++) {
                    Page<ReceivableRow> p = books.receivables().page(new ListQuery(q.text(), q.bucket(), q.sortKey(), q.ascending(), page, 1000));
                    for (ReceivableRow x : p.rows()) {
                        ws.value(r, 0, x.customerName());
                        ws.value(r, 1, x.title());
                        ws.value(r, 2, x.kind().name());
                        ws.value(r, 3, x.principal());
                        ws.value(r, 4, x.paid());
                        ws.value(r, 5, x.outstanding());
                        if (x.finalDueDate() != null) ws.value(r, 6, x.finalDueDate().toString());
                        if (x.overdueSince() != null) ws.value(r, 7, x.overdueSince().toString());
                        if (x.daysOverdue() != null) ws.value(r, 8, x.daysOverdue());
                        ws.value(r, 9, x.bucket().name());
                        r++;
                    }
                    if (p.rows().size() < 1000 || (long) (page + 1) * 1000 >= p.total()) break;
                }
                ws.range(1, 3, Math.max(1, r - 1), 5).style().format("#,##0.00").set();
                rows[0] = r - 1;
            }
        });
        return rows[0];
    }

    /**
     * The customer list as .xlsx, with the filter and sort the user sees, every page, streamed (issue 7: "Excel
     * export of any list"). ID and phone numbers are masked as on screen; the totals row sums the rows.
     */
    public int customersXlsx(ListQuery query, Path target) {
        int[] rows = {0};
        atomically(target, HEADROOM, out -> {
            try (org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "Huikuan", "1.0")) {
                org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("客户");
                String[] head = {"客户 Customer", "类型 Kind", "证件号 ID number", "电话 Phone", "应收款笔数 Receivables", "未收 Outstanding"};
                for (int i = 0; i < head.length; i++) ws.value(0, i, head[i]);
                ws.range(0, 0, 0, head.length - 1).style().bold().fillColor("DDEBF7").set();
                int r = 1;
                long count = 0;
                java.math.BigDecimal outstanding = java.math.BigDecimal.ZERO;
                for (int page = 0; ; page++) {
                    Page<CustomerRow> p = books.customers().page(new ListQuery(query.text(), null, query.sortKey(), query.ascending(), page, 1000));
                    for (CustomerRow x : p.rows()) {
                        ws.value(r, 0, x.name());
                        ws.value(r, 1, x.kind().name());
                        ws.value(r, 2, x.maskedNumber());
                        ws.value(r, 3, x.phone());
                        ws.value(r, 4, x.receivableCount());
                        ws.value(r, 5, x.outstanding());
                        count += x.receivableCount();
                        outstanding = outstanding.add(x.outstanding());
                        r++;
                    }
                    if (p.rows().size() < 1000 || (long) (page + 1) * 1000 >= p.total()) break;
                }
                rows[0] = r - 1;
                ws.value(r, 0, "合计 Total");
                ws.value(r, 4, count);
                ws.value(r, 5, outstanding);
                ws.range(r, 0, r, head.length - 1).style().bold().set();
                ws.range(1, 5, r, 5).style().format("#,##0.00").set();
            }
        });
        return rows[0];
    }

    private java.util.List<cn.huikuan.documents.Reports.AgingLine> agingLines() {
        return books.lists().agingByCustomer(books.creditorId(), books.today()).stream()
                .map(r -> new cn.huikuan.documents.Reports.AgingLine(r.customer(), r.buckets())).toList();
    }

    /** 账龄分析表 by customer as PDF (issue 7). */
    public Path agingPdf(Path target) {
        byte[] pdf = DocPdf.render(cn.huikuan.documents.Reports.aging(books.creditor().getName(), books.today(), agingLines()));
        atomically(target, pdf.length, out -> out.write(pdf));
        return target;
    }

    /** 账龄分析表 by customer as .xlsx, with a totals row that sums the rows. Returns the number of customers. */
    public int agingXlsx(Path target) {
        java.util.List<cn.huikuan.documents.Reports.AgingLine> lines = agingLines();
        atomically(target, HEADROOM, out -> {
            try (org.dhatim.fastexcel.Workbook wb = new org.dhatim.fastexcel.Workbook(out, "Huikuan", "1.0")) {
                org.dhatim.fastexcel.Worksheet ws = wb.newWorksheet("账龄分析");
                ws.value(0, 0, "客户 Customer");
                for (int i = 0; i < cn.huikuan.documents.Reports.BUCKETS.size(); i++) {
                    ws.value(0, i + 1, cn.huikuan.documents.Reports.BUCKET_TITLES.get(i));
                }
                int totalCol = cn.huikuan.documents.Reports.BUCKETS.size() + 1;
                ws.value(0, totalCol, "合计 Total");
                ws.range(0, 0, 0, totalCol).style().bold().fillColor("DDEBF7").set();
                int r = 1;
                java.math.BigDecimal[] sums = new java.math.BigDecimal[totalCol + 1];
                java.util.Arrays.fill(sums, java.math.BigDecimal.ZERO);
                for (var l : lines) {
                    ws.value(r, 0, l.customer());
                    java.math.BigDecimal t = java.math.BigDecimal.ZERO;
                    for (int i = 0; i < cn.huikuan.documents.Reports.BUCKETS.size(); i++) {
                        java.math.BigDecimal v = l.amounts().getOrDefault(cn.huikuan.documents.Reports.BUCKETS.get(i), java.math.BigDecimal.ZERO);
                        ws.value(r, i + 1, v);
                        sums[i + 1] = sums[i + 1].add(v);
                        t = t.add(v);
                    }
                    ws.value(r, totalCol, t);
                    sums[totalCol] = sums[totalCol].add(t);
                    r++;
                }
                ws.value(r, 0, "合计 Total");
                for (int i = 1; i <= totalCol; i++) ws.value(r, i, sums[i]);
                ws.range(r, 0, r, totalCol).style().bold().set();
                ws.range(1, 1, r, totalCol).style().format("#,##0.00").set();
                // Second sheet: 回款分析, the last twelve months.
                org.dhatim.fastexcel.Worksheet rec = wb.newWorksheet("回款分析");
                rec.value(0, 0, "月份 Month");
                rec.value(0, 1, "当月回款 Collected");
                rec.value(0, 2, "月末未收 Outstanding at month end");
                rec.range(0, 0, 0, 2).style().bold().fillColor("DDEBF7").set();
                int m = 1;
                for (ListQueries.RecoveryMonth x : books.lists().recovery(books.creditorId(), books.today(), 12)) {
                    rec.value(m, 0, x.month().toString());
                    rec.value(m, 1, x.collected());
                    rec.value(m, 2, x.outstanding());
                    m++;
                }
                rec.range(1, 1, m, 2).style().format("#,##0.00").set();
            }
        });
        return lines.size();
    }

    /** 对账单 of one customer for a period, every receivable and payment of theirs in this book. */
    public Path statementPdf(long customerId, java.time.LocalDate from, java.time.LocalDate to, Path target) {
        if (to.isBefore(from)) throw new IllegalArgumentException("the period ends before it starts / 结束日期早于开始日期");
        cn.huikuan.domain.Customer c = books.customers().get(customerId);
        java.util.List<Long> ids = books.db().inTransaction(s -> s.createQuery("select r.id from Receivable r where r.customer.id = :c order by r.id",
                Long.class).setParameter("c", customerId).getResultList());
        java.util.List<cn.huikuan.domain.Receivable> rs = new java.util.ArrayList<>();
        java.util.List<cn.huikuan.domain.Payment> ps = new java.util.ArrayList<>();
        for (Long id : ids) {
            rs.add(books.receivables().get(id));
            ps.addAll(books.receivables().payments(id));
        }
        byte[] pdf = DocPdf.render(cn.huikuan.documents.Reports.statement(books.creditor().getName(), c.getName(), from, to, rs, ps));
        atomically(target, pdf.length, out -> out.write(pdf));
        return target;
    }

    private EvidenceBundle.Journal journal() {
        AuditService.Report report = books.audit().verify(false);
        if (report.intact() && report.entries() > 0) { // the bundle prints this anchor; the anchor file keeps it too (issue 24)
            try {
                cn.huikuan.persistence.JournalAnchors.record(books.db().folder().root(), List.of(new cn.huikuan.persistence.JournalAnchors.Anchor(
                        books.clock().instant(), books.creditorId(), report.entries(), report.head(), "bundle")));
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(ExportService.class).warn("Could not record the journal's anchor: {}", e.toString());
            }
        }
        return new EvidenceBundle.Journal(report.entries(), report.head(), report.intact(), report.problems().size());
    }

    /** A name usable as a file name on every OS: no path separators, reserved or control characters, at most 120 characters. */
    public static String safeName(String name) {
        String n = name == null || name.isBlank() ? "file" : name.strip();
        n = n.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]", "_");
        return n.length() > 120 ? n.substring(n.length() - 120) : n;
    }

    private static long evidenceBytes(CaseFile c) {
        return c.evidence().stream().mapToLong(EvidenceItem::getSizeBytes).sum();
    }

    // ------------------------------------------------------------------ writing safely

    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private static void requireSpace(Path dir, long needed) {
        try {
            long free = Files.getFileStore(dir).getUsableSpace();
            if (free < needed) {
                throw new ExportException(String.format("磁盘空间不足：需要约 %,d MB，只剩 %,d MB / not enough disk space: about %,d MB needed, %,d MB free",
                        needed >> 20, free >> 20, needed >> 20, free >> 20), null);
            }
        } catch (IOException e) {
            // the store cannot say; the write itself will fail clearly if space runs out
        }
    }

    /** Writes to a temporary sibling and moves it over the target when complete; deletes the temporary on any failure. */
    static void atomically(Path target, long expectedBytes, Writer writer) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new ExportException("文件夹不存在 / the folder does not exist: " + dir, null);
        }
        if (Files.isDirectory(abs)) {
            throw new ExportException("目标是一个文件夹，不是文件 / the target is a folder: " + abs, null);
        }
        requireSpace(dir, expectedBytes);
        Path tmp = dir.resolve("." + abs.getFileName() + "." + UUID.randomUUID().toString().substring(0, 8) + ".part");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                writer.write(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(tmp);
            String msg = e.getMessage() != null && e.getMessage().contains("No space left")
                    ? "磁盘空间已满，未写入任何文件 / the disk is full; nothing was written: " + abs
                    : "无法写入 / cannot write " + abs + ": " + e.getMessage();
            throw new ExportException(msg, e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover *.part file is harmless and visible
        }
    }

    /** Lets the bundle writer close "its" stream without closing the ZIP around it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

}
