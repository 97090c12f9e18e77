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
import cn.huikuan.documents.Reports;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.IdentityNumbers;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.RepaymentPlan;
import cn.huikuan.i18n.I18n;
import cn.huikuan.law.ConductGuard;
import cn.huikuan.law.Jurisdiction;
import cn.huikuan.persistence.JournalAnchors;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.math.BigDecimal;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.LoggerFactory;

/**
 * Writes a case's documents, its evidence bundle, court packets and the originals ZIP. Every file is written
 * to a temporary name beside the target and moved into place only when complete: a failure, a full disk or
 * a cancel never leaves a half-written file at the target path.
 */
public final class ExportService {
    public static final String BUNDLE_FILE = "证据材料汇编.pdf";
    /** Room needed beyond the evidence itself (fonts, documents, the manifest). */
    static final long HEADROOM = 32L * 1024 * 1024;

    private final BookContext ctx;
    private final AuditService audit;
    private final ListQueries lists;
    private final Settings settings;
    private final CustomerService customers;
    private final ReceivableService receivables;
    private final EvidenceService evidence;
    private final CourtImageStore courtImages;
    private final LegalStatusService legal;
    private final WizardService wizard;

    ExportService(BookContext ctx, AuditService audit, ListQueries lists, Settings settings, CustomerService customers, ReceivableService receivables, EvidenceService evidence, CourtImageStore courtImages, LegalStatusService legal, WizardService wizard) {
        this.ctx = ctx;
        this.audit = audit;
        this.lists = lists;
        this.settings = settings;
        this.customers = customers;
        this.receivables = receivables;
        this.evidence = evidence;
        this.courtImages = courtImages;
        this.legal = legal;
        this.wizard = wizard;
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
        private final transient ConductGuard.Result result;
        private final String text;

        ConductBlockedException(String text, ConductGuard.Result result) {
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

        public ConductGuard.Result result() {
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
    public ConductGuard.Result checkFreeText(CaseFile c) {
        ConductGuard.DebtorKind kind = c.debtor().getKind() == PartyKind.ORGANISATION
                ? ConductGuard.DebtorKind.COMPANY : ConductGuard.DebtorKind.PERSON;
        return new ConductGuard(settings.contactPolicy(), legal.lpr())
                .check(freeText(c), new ConductGuard.Context(kind, null, List.of(), ConductGuard.Tone.FIRM));
    }

    private void requireLawfulFreeText(CaseFile c) {
        String text = freeText(c);
        if (text.isEmpty()) return;
        ConductGuard.Result r = checkFreeText(c);
        if (r.blocked()) throw new ConductBlockedException(text, r);
    }

    /** The case as the documents see it, as of today; options null means the defaults. */
    public CaseFile caseFile(long receivableId, CaseFile.Options options) {
        LegalStatusService.CaseRecords r = legal.records(receivableId);
        List<EvidenceItem> evidence = this.evidence.list(receivableId);
        CaseFile.Options o = options == null ? CaseFile.Options.defaults(ctx.today()) : options;
        return new CaseFile(ctx.creditor(), r.receivable().getCustomer(), r.receivable(), r.payments(), evidence, r.contacts(),
                r.courtEvents(), legal.claim(r), legal.limitation(r), ctx.today(), o, agreedPlan(receivableId));
    }

    private List<Instalment> agreedPlan(long receivableId) {
        RepaymentPlan p = wizard.plan(receivableId);
        return p == null ? List.of() : p.getInstalments();
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
        atomically(target, evidenceBytes(c) + HEADROOM, out -> result[0] = EvidenceBundle.write(c, evidence::file, courtImages, journal,
                ctx.clock().instant(), out, progress));
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
    public Jurisdiction.Proposal proposal(DocKind.Route route, CaseFile c) {
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
                    Files.copy(evidence.file(e.item()), zip);
                    zip.closeEntry();
                    manifest.append(e.item().getSha256()).append("  ").append(name).append('\n');
                }
                zip.putNextEntry(new ZipEntry(BUNDLE_FILE));
                MessageDigest sha = sha256();
                try (var digesting = new DigestOutputStream(new NonClosing(zip), sha)) {
                    EvidenceBundle.write(c, evidence::file, courtImages, journal(), ctx.clock().instant(), digesting, progress);
                }
                zip.closeEntry();
                manifest.append(HexFormat.of().formatHex(sha.digest())).append("  ").append(BUNDLE_FILE).append('\n');
                zip.putNextEntry(new ZipEntry("SHA256SUMS.txt"));
                zip.write(manifest.toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        });
        try {
            ZipHosts.madeOnUnix(target);
        } catch (IOException e) {
            LoggerFactory.getLogger(ExportService.class).warn("Could not mark {} as made on Unix: {}", target, e.toString());
        }
        return target;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ default names (issue 21)

    /** Longest part of a default name taken from a customer's or a book's name. */
    static final int NAME_PART_MAX = 60;

    /**
     * The name a file or folder gets unless the user picks another: what it is, whose it is (the customer, or the book for a
     * book-wide report) and the day, e.g. {@code 催收通知书-张三五金店-2026-12-07.pdf}, safe on Windows and Linux. Before
     * issue 21 names said only what ({@code 催收通知书.pdf}), and one customer's notice silently replaced another's.
     */
    public static String defaultName(String what, String whose, String when, String extension) {
        String who = safeName(whose);
        if (who.length() > NAME_PART_MAX) who = who.substring(0, NAME_PART_MAX).strip();
        return safeName(safeName(what) + "-" + who + "-" + safeName(when) + (extension == null ? "" : extension));
    }

    /** {@code 催收通知书-李某-2026-11-28.pdf}: one document of a case, named for the debtor and the case file's day. */
    public static String documentName(DocKind kind, CaseFile c) {
        String stem = kind.fileName().endsWith(".pdf") ? kind.fileName().substring(0, kind.fileName().length() - 4) : kind.fileName();
        return defaultName(stem, c.debtor().getName(), c.asOf().toString(), ".pdf");
    }

    /** {@code 证据材料汇编-李某-2026-11-28.pdf}: the bundle exported on its own (inside a packet it keeps {@link #BUNDLE_FILE}). */
    public static String bundleName(CaseFile c) {
        return defaultName(BUNDLE_FILE.substring(0, BUNDLE_FILE.length() - 4), c.debtor().getName(), c.asOf().toString(), ".pdf");
    }

    /** {@code 诉讼材料-李某-2026-11-28}: the folder a route's packet goes into. */
    public static String packetFolderName(CaseFile c, DocKind.Route route) {
        return defaultName(route.zh() + "材料", c.debtor().getName(), c.asOf().toString(), "");
    }

    /** {@code 证据-李某-2026-11-28.zip}: the originals, the bundle and the checksums. */
    public static String zipName(CaseFile c) {
        return defaultName("证据", c.debtor().getName(), c.asOf().toString(), ".zip");
    }

    /** {@code 对账单-李某-2026-01-01至2026-11-28.pdf}. */
    public static String statementName(String customer, LocalDate from, LocalDate to) {
        return defaultName("对账单", customer, from + "至" + to, ".pdf");
    }

    /** The files a route's packet writes into its folder, in filing order, the bundle last. */
    public static List<String> packetFiles(DocKind.Route route) {
        List<String> names = new ArrayList<>();
        for (DocKind k : route.documents()) names.add(k.fileName());
        names.add(BUNDLE_FILE);
        return names;
    }

    /** The name of the book this service exports from (the creditor's name): book-wide reports and lists carry it. */
    public String bookName() {
        return ctx.creditor().getName();
    }

    // ------------------------------------------------------------------ lists and reports as Excel (issues 7 and 21)

    /**
     * How a list goes to Excel: headers and labels in the user's language (the app's current one), and ID and phone numbers
     * in full only when the user asks for them; by default they are masked as on screen (138****5678, 110105********002X).
     */
    public record SheetOptions(I18n i18n, boolean fullNumbers) {
        public SheetOptions {
            Objects.requireNonNull(i18n, "i18n");
        }

        /** Chinese, masked: what the app does unless told otherwise. */
        public static SheetOptions defaults() {
            return new SheetOptions(I18n.forLanguage("zh"), false);
        }
    }

    static final String MONEY_FORMAT = "#,##0.00";
    static final String DATE_FORMAT = "yyyy-mm-dd";
    static final String COUNT_FORMAT = "0";
    private static final String HEADER_FILL = "DDEBF7";

    /** An ID or credit code as written: in full when asked for, else the first six and the last four characters. */
    static String idNumber(String raw, boolean full) {
        if (raw == null || raw.isBlank()) return "";
        return full ? raw.strip() : IdentityNumbers.mask(raw);
    }

    /** A phone number as written: in full when asked for, else 138****5678. */
    static String phone(String raw, boolean full) {
        if (raw == null || raw.isBlank()) return "";
        return full ? raw.strip() : ListQueries.maskPhone(raw);
    }

    private static void header(Worksheet ws, int row, List<String> head) {
        for (int i = 0; i < head.size(); i++) ws.value(row, i, head.get(i));
        ws.range(row, 0, row, head.size() - 1).style().bold().fillColor(HEADER_FILL).wrapText(true).set();
        ws.freezePane(0, row + 1);
    }

    /** Applies a number format to the cells of a column from {@code first} to {@code last} (nothing when the range is empty). */
    private static void format(Worksheet ws, int first, int last, int column, String format) {
        if (last >= first) ws.range(first, column, last, column).style().format(format).set();
    }

    private static void date(Worksheet ws, int r, int c, LocalDate d) {
        if (d != null) ws.value(r, c, d);
    }

    private static void text(Worksheet ws, int r, int c, String s) {
        // a string cell is written as text, never as a formula: "=HYPERLINK(…)" or "+86…" typed by anyone stays text
        if (s != null && !s.isEmpty()) ws.value(r, c, s);
    }

    /** What the receivables sheet shows beside the list's own row: the contract, the customer's numbers, the wizard's step. */
    private record ReceivableExtra(String contractNumber, LocalDate contractDate, PartyKind customerKind,
                                   String number, String phone, CollectionStep step) {
    }

    private Map<Long, ReceivableExtra> receivableExtras(List<ReceivableRow> rows) {
        if (rows.isEmpty()) return Map.of();
        Long[] ids = rows.stream().map(ReceivableRow::id).toArray(Long[]::new);
        return ctx.db().withConnection(c -> {
            Map<Long, ReceivableExtra> m = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.id, r.contract_number, r.contract_date, cu.kind, cu.registration_number,"
                    + " (SELECT MIN(cc.\"value\") FROM customer_contact cc WHERE cc.customer_id = cu.id AND cc.kind = 'PHONE') AS phone,"
                    + " (SELECT sc.step FROM step_change sc WHERE sc.receivable_id = r.id ORDER BY sc.id DESC LIMIT 1) AS step"
                    + " FROM receivable r JOIN customer cu ON cu.id = r.customer_id WHERE r.id = ANY(?)")) {
                ps.setObject(1, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Date d = rs.getDate(3);
                        String step = rs.getString(7);
                        m.put(rs.getLong(1), new ReceivableExtra(rs.getString(2), d == null ? null : d.toLocalDate(),
                                PartyKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
                                step == null ? CollectionStep.FACTS : CollectionStep.valueOf(step)));
                    }
                }
            }
            return m;
        });
    }

    /** A customer's full registration number and first phone, for the rows of one page. */
    private Map<Long, String[]> customerNumbers(List<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        return ctx.db().withConnection(c -> {
            Map<Long, String[]> m = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT cu.id, cu.registration_number,"
                    + " (SELECT MIN(cc.\"value\") FROM customer_contact cc WHERE cc.customer_id = cu.id AND cc.kind = 'PHONE')"
                    + " FROM customer cu WHERE cu.id = ANY(?)")) {
                ps.setObject(1, ids.toArray(Long[]::new));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) m.put(rs.getLong(1), new String[]{rs.getString(2), rs.getString(3)});
                }
            }
            return m;
        });
    }

    /** The receivables list as .xlsx in Chinese, numbers masked. */
    public int receivablesXlsx(ListQuery query, Path target) {
        return receivablesXlsx(query, target, SheetOptions.defaults());
    }

    /**
     * The receivables list as .xlsx, with the filter and sort the user sees, every page, written a page at a time (issue 7). Issue 21: headers and
     * labels (kind, bucket, step) in the user's language, dates as Excel dates, amounts as numbers formatted
     * {@value #MONEY_FORMAT}, and the columns a bookkeeper filters on: contract number and date, the customer's kind,
     * ID or credit code and phone (masked unless {@link SheetOptions#fullNumbers()}). The header row has filters.
     */
    public int receivablesXlsx(ListQuery query, Path target, SheetOptions o) {
        I18n t = o.i18n();
        int[] rows = {0};
        atomically(target, HEADROOM, out -> {
            try (Workbook wb = new Workbook(out, "Huikuan", "1.0")) {
                Worksheet ws = wb.newWorksheet(sheetName(t.t("xlsx.sheet.receivables")));
                List<String> head = List.of(t.t("xlsx.col.customer"), t.t("xlsx.col.customerKind"), t.t("xlsx.col.idNumber"), t.t("xlsx.col.phone"),
                        t.t("xlsx.col.contractNumber"), t.t("xlsx.col.contractDate"), t.t("xlsx.col.title"), t.t("xlsx.col.kind"),
                        t.t("xlsx.col.principal"), t.t("xlsx.col.paid"), t.t("xlsx.col.outstanding"), t.t("xlsx.col.finalDue"),
                        t.t("xlsx.col.overdueSince"), t.t("xlsx.col.daysOverdue"), t.t("xlsx.col.bucket"), t.t("xlsx.col.step"));
                header(ws, 0, head);
                int[] widths = {18, 10, 22, 15, 16, 12, 28, 12, 14, 14, 14, 12, 12, 10, 12, 12};
                for (int i = 0; i < widths.length; i++) ws.width(i, widths[i]);
                int r = 1;
                ListQuery q = query.withPage(0);
                for (int page = 0; ; page++) {
                    Page<ReceivableRow> p = receivables.page(new ListQuery(q.text(), q.bucket(), q.sortKey(), q.ascending(), page, 1000));
                    Map<Long, ReceivableExtra> extras = receivableExtras(p.rows());
                    int first = r;
                    for (ReceivableRow x : p.rows()) {
                        ReceivableExtra e = extras.get(x.id());
                        text(ws, r, 0, x.customerName());
                        if (e != null) {
                            text(ws, r, 1, t.e(e.customerKind()));
                            text(ws, r, 2, idNumber(e.number(), o.fullNumbers()));
                            text(ws, r, 3, phone(e.phone(), o.fullNumbers()));
                            text(ws, r, 4, e.contractNumber());
                            date(ws, r, 5, e.contractDate());
                            text(ws, r, 15, t.t("wizard.step." + e.step().name()));
                        }
                        text(ws, r, 6, x.title());
                        text(ws, r, 7, t.e(x.kind()));
                        ws.value(r, 8, x.principal());
                        ws.value(r, 9, x.paid());
                        ws.value(r, 10, x.outstanding());
                        date(ws, r, 11, x.finalDueDate());
                        date(ws, r, 12, x.overdueSince());
                        if (x.daysOverdue() != null) ws.value(r, 13, x.daysOverdue());
                        text(ws, r, 14, t.e(x.bucket()));
                        r++;
                    }
                    for (int c : new int[]{8, 9, 10}) format(ws, first, r - 1, c, MONEY_FORMAT);
                    for (int c : new int[]{5, 11, 12}) format(ws, first, r - 1, c, DATE_FORMAT);
                    format(ws, first, r - 1, 13, COUNT_FORMAT);
                    ws.flush(); // a page at a time: a million rows are not held in memory
                    if (p.rows().size() < 1000 || (long) (page + 1) * 1000 >= p.total()) break;
                }
                ws.setAutoFilter(0, 0, Math.max(1, r - 1), head.size() - 1);
                rows[0] = r - 1;
            }
        });
        return rows[0];
    }

    /** The customer list as .xlsx in Chinese, numbers masked. */
    public int customersXlsx(ListQuery query, Path target) {
        return customersXlsx(query, target, SheetOptions.defaults());
    }

    /**
     * The customer list as .xlsx, with the filter and sort the user sees, every page (issue 7: "Excel export of any list").
     * ID and phone numbers are masked as on screen unless {@link SheetOptions#fullNumbers()}; the totals row sums the rows.
     */
    public int customersXlsx(ListQuery query, Path target, SheetOptions o) {
        I18n t = o.i18n();
        int[] rows = {0};
        atomically(target, HEADROOM, out -> {
            try (Workbook wb = new Workbook(out, "Huikuan", "1.0")) {
                Worksheet ws = wb.newWorksheet(sheetName(t.t("xlsx.sheet.customers")));
                List<String> head = List.of(t.t("xlsx.col.customer"), t.t("xlsx.col.customerKind"), t.t("xlsx.col.idNumber"), t.t("xlsx.col.phone"),
                        t.t("xlsx.col.receivableCount"), t.t("xlsx.col.outstanding"));
                header(ws, 0, head);
                int[] widths = {24, 12, 22, 15, 12, 16};
                for (int i = 0; i < widths.length; i++) ws.width(i, widths[i]);
                int r = 1;
                long count = 0;
                BigDecimal outstanding = BigDecimal.ZERO;
                for (int page = 0; ; page++) {
                    Page<CustomerRow> p = customers.page(new ListQuery(query.text(), null, query.sortKey(), query.ascending(), page, 1000));
                    Map<Long, String[]> numbers = customerNumbers(p.rows().stream().map(CustomerRow::id).toList());
                    int first = r;
                    for (CustomerRow x : p.rows()) {
                        String[] n = numbers.getOrDefault(x.id(), new String[2]);
                        text(ws, r, 0, x.name());
                        text(ws, r, 1, t.e(x.kind()));
                        text(ws, r, 2, idNumber(n[0], o.fullNumbers()));
                        text(ws, r, 3, phone(n[1], o.fullNumbers()));
                        ws.value(r, 4, x.receivableCount());
                        ws.value(r, 5, x.outstanding());
                        count += x.receivableCount();
                        outstanding = outstanding.add(x.outstanding());
                        r++;
                    }
                    format(ws, first, r - 1, 4, COUNT_FORMAT);
                    format(ws, first, r - 1, 5, MONEY_FORMAT);
                    ws.flush();
                    if (p.rows().size() < 1000 || (long) (page + 1) * 1000 >= p.total()) break;
                }
                rows[0] = r - 1;
                if (r > 1) ws.setAutoFilter(0, 0, r - 1, head.size() - 1); // the filters cover the customers, not the totals
                ws.value(r, 0, t.t("xlsx.total"));
                ws.value(r, 4, count);
                ws.value(r, 5, outstanding);
                ws.range(r, 0, r, head.size() - 1).style().bold().set();
                format(ws, r, r, 4, COUNT_FORMAT);
                format(ws, r, r, 5, MONEY_FORMAT);
            }
        });
        return rows[0];
    }

    /** A sheet name Excel accepts: at most 31 characters, none of {@code : \ / ? * [ ]}. */
    static String sheetName(String s) {
        String n = s.replaceAll("[:\\\\/?*\\[\\]]", "_");
        return n.length() > 31 ? n.substring(0, 31) : n;
    }

    private List<Reports.AgingLine> agingLines() {
        return lists.agingByCustomer(ctx.creditorId(), ctx.today()).stream()
                .map(r -> new Reports.AgingLine(r.customer(), r.buckets())).toList();
    }

    /** 账龄分析表 by customer as PDF (issue 7), headed with the book's name (issue 21). */
    public Path agingPdf(Path target) {
        byte[] pdf = DocPdf.render(Reports.aging(ctx.creditor().getName(), ctx.today(), agingLines()));
        atomically(target, pdf.length, out -> out.write(pdf));
        return target;
    }

    /** 账龄分析表 as .xlsx in Chinese. */
    public int agingXlsx(Path target) {
        return agingXlsx(target, SheetOptions.defaults());
    }

    /**
     * 账龄分析表 by customer as .xlsx: a heading row with the book's name and the day (issue 21: one book's report replaced
     * another's and nothing inside said whose it was), the header, one row per customer, and a totals row that sums the rows.
     * Returns the number of customers.
     */
    public int agingXlsx(Path target, SheetOptions o) {
        I18n t = o.i18n();
        List<Reports.AgingLine> lines = agingLines();
        String book = ctx.creditor().getName();
        LocalDate asOf = ctx.today();
        atomically(target, HEADROOM, out -> {
            try (Workbook wb = new Workbook(out, "Huikuan", "1.0")) {
                Worksheet ws = wb.newWorksheet(sheetName(t.t("xlsx.sheet.aging")));
                int totalCol = Reports.BUCKETS.size() + 1;
                ws.value(0, 0, t.t("xlsx.aging.heading", book, asOf.toString(), lines.size()));
                ws.range(0, 0, 0, totalCol).style().bold().fontSize(13).set();
                List<String> head = new ArrayList<>();
                head.add(t.t("xlsx.col.customer"));
                for (AgingBucket b : Reports.BUCKETS) head.add(t.e(b));
                head.add(t.t("xlsx.total"));
                header(ws, 1, head);
                ws.width(0, 24);
                for (int i = 1; i <= totalCol; i++) ws.width(i, 15);
                int r = 2;
                BigDecimal[] sums = new BigDecimal[totalCol + 1];
                Arrays.fill(sums, BigDecimal.ZERO);
                for (var l : lines) {
                    text(ws, r, 0, l.customer());
                    BigDecimal sum = BigDecimal.ZERO;
                    for (int i = 0; i < Reports.BUCKETS.size(); i++) {
                        BigDecimal v = l.amounts().getOrDefault(Reports.BUCKETS.get(i), BigDecimal.ZERO);
                        ws.value(r, i + 1, v);
                        sums[i + 1] = sums[i + 1].add(v);
                        sum = sum.add(v);
                    }
                    ws.value(r, totalCol, sum);
                    sums[totalCol] = sums[totalCol].add(sum);
                    r++;
                }
                ws.value(r, 0, t.t("xlsx.total"));
                for (int i = 1; i <= totalCol; i++) ws.value(r, i, sums[i]);
                ws.range(r, 0, r, totalCol).style().bold().set();
                for (int i = 1; i <= totalCol; i++) format(ws, 2, r, i, MONEY_FORMAT);
                // Second sheet: 回款分析, the last twelve months; the month is a date (its first day) shown as yyyy-mm.
                Worksheet rec = wb.newWorksheet(sheetName(t.t("xlsx.sheet.recovery")));
                header(rec, 0, List.of(t.t("xlsx.col.month"), t.t("xlsx.col.collected"), t.t("xlsx.col.monthEndOutstanding")));
                rec.width(0, 12);
                rec.width(1, 16);
                rec.width(2, 20);
                int m = 1;
                for (ListQueries.RecoveryMonth x : lists.recovery(ctx.creditorId(), asOf, 12)) {
                    rec.value(m, 0, x.month().atDay(1));
                    rec.value(m, 1, x.collected());
                    rec.value(m, 2, x.outstanding());
                    m++;
                }
                format(rec, 1, m - 1, 0, "yyyy-mm");
                format(rec, 1, m - 1, 1, MONEY_FORMAT);
                format(rec, 1, m - 1, 2, MONEY_FORMAT);
            }
        });
        return lines.size();
    }

    /** 对账单 of one customer for a period, every receivable and payment of theirs in this book. */
    public Path statementPdf(long customerId, LocalDate from, LocalDate to, Path target) {
        if (to.isBefore(from)) throw new IllegalArgumentException("the period ends before it starts / 结束日期早于开始日期");
        Customer c = customers.get(customerId);
        List<Long> ids = ctx.db().inTransaction(s -> s.createQuery("select r.id from Receivable r where r.customer.id = :c order by r.id",
                Long.class).setParameter("c", customerId).getResultList());
        List<Receivable> rs = new ArrayList<>();
        List<Payment> ps = new ArrayList<>();
        for (Long id : ids) {
            rs.add(receivables.get(id));
            ps.addAll(receivables.payments(id));
        }
        byte[] pdf = DocPdf.render(Reports.statement(ctx.creditor().getName(), c.getName(), from, to, rs, ps));
        atomically(target, pdf.length, out -> out.write(pdf));
        return target;
    }

    /** The journal checked against the records; the bundle checks its own files' hashes as it reads them. */
    private EvidenceBundle.Journal journal() {
        AuditService.Report report = audit.verify(false);
        if (report.intact() && report.entries() > 0) { // the bundle prints this anchor; the anchor file keeps it too (issue 24)
            try {
                JournalAnchors.record(ctx.db().folder().root(), List.of(new JournalAnchors.Anchor(
                        ctx.clock().instant(), ctx.creditorId(), report.entries(), report.head(), "bundle")));
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ExportService.class).warn("Could not record the journal's anchor: {}", e.toString());
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
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
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
    private static final class NonClosing extends FilterOutputStream {
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
