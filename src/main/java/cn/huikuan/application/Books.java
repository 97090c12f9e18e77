package cn.huikuan.application;

import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.persistence.DataFolder;
import cn.huikuan.persistence.Database;
import cn.huikuan.persistence.EvidenceStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import cn.huikuan.domain.DomainException;
import cn.huikuan.domain.FieldError;
import cn.huikuan.domain.FieldErrors;
import cn.huikuan.domain.Text;
import cn.huikuan.storage.DatabaseKey;
import cn.huikuan.storage.EvidenceImportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * One open set of books: the database, the evidence store and the services over them. The UI and the
 * command line hold one of these; tests open one on a temporary folder with a fixed clock.
 */
public final class Books implements AutoCloseable {
    private final Database db;
    private final Clock clock;
    private final Settings settings;
    private final EvidenceStore store;
    private final ListQueries lists;
    private final CustomerService customers;
    private final ReceivableService receivables;
    private final EvidenceService evidence;
    private final ContactLogService contacts;
    private final LegalStatusService legal;
    private final CourtEventService court;
    private final AuditService audit;
    private final BackupService backups;
    private final ExportService exports;
    private final WizardService wizard;
    private final TodayService todo;
    private final PrivacyService privacy;
    private final ImportService imports;
    private final StatementImportService statements;
    private final InvoiceImportService invoices;
    private final SearchService search;
    private final CourtImageStore courtImages;
    private final BookContext ctx;

    private Books(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.settings = new Settings(db.folder().settingsFile());
        this.store = new EvidenceStore(db.folder().evidenceDir(), settings.maxAttachmentMiB() * 1024 * 1024, clock,
                db.evidenceServer().orElse(null));
        store.removeLeftovers(); // copies a crash cut off; the folder lock guarantees none is in progress
        this.lists = new ListQueries(db);
        // every service gets what it uses in its constructor (issue 25), in dependency order
        this.ctx = new BookContext(db, clock);
        this.audit = new AuditService(ctx, store);
        this.courtImages = new CourtImageStore(ctx, store);
        this.customers = new CustomerService(ctx, audit, lists);
        this.receivables = new ReceivableService(ctx, audit, lists);
        this.evidence = new EvidenceService(ctx, audit, store, receivables, courtImages);
        this.contacts = new ContactLogService(ctx, audit, receivables);
        this.court = new CourtEventService(ctx, audit, receivables);
        this.legal = new LegalStatusService(ctx, receivables, evidence, contacts, court);
        this.wizard = new WizardService(ctx, receivables, evidence, legal);
        this.backups = new BackupService(db, clock);
        this.exports = new ExportService(ctx, audit, lists, settings, customers, receivables, evidence, courtImages, legal, wizard);
        this.todo = new TodayService(ctx, receivables, wizard);
        this.privacy = new PrivacyService(ctx, audit, store, customers, evidence, courtImages, legal);
        this.imports = new ImportService(ctx);
        this.statements = new StatementImportService(ctx, store);
        this.invoices = new InvoiceImportService(ctx, store);
        this.search = new SearchService(ctx, lists);
        cn.huikuan.StartupTiming.mark("books: services built");
        int undone = imports.undoUnfinished();   // before anything reads the books (decision 0010)
        if (undone > 0) LoggerFactory.getLogger(Books.class).warn("{} spreadsheet import(s) cut off before they finished were undone", undone);
        // an import cut off while it had the amount indexes dropped (decision 0012): built before anything reads the books
        int built = db.inJdbcTransaction(c -> db.amountIndexes().build(c));
        if (built > 0) LoggerFactory.getLogger(Books.class).warn("{} amount index(es) missing after an import was cut off: built again", built);
        ctx.open(ensureCreditor());
        audit.sealIfEmpty();
        audit.sealClaimRecords();
        cn.huikuan.StartupTiming.mark("books: open");
    }

    public static Books open(Path root, Clock clock) {
        return open(root, clock, null);
    }

    /** Opens password-protected books; {@code key} is ignored for books without a password. */
    public static Books open(Path root, Clock clock, DatabaseKey key) {
        return open(root, clock, key, null);
    }

    /** {@code onUpgrade}: told when the database is about to be upgraded (a backup, then the migrations: can take minutes). */
    public static Books open(Path root, Clock clock, DatabaseKey key, Runnable onUpgrade) {
        Database db = Database.open(root, key, onUpgrade);
        try {
            return new Books(db, clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens a book on an office's PostgreSQL server (team mode, issue 22) as the staff member {@code user}: the same
     * services over the book's schema; {@code local} is this computer's folder for the book (settings, anchors, copies
     * of evidence files; never its records).
     */
    public static Books openOffice(Path local, String url, String user, char[] password, String schema, Clock clock) {
        Database db = Database.openOffice(local, url, user, password, schema);
        try {
            return new Books(db, clock);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** As above, in this computer's own folder for that book and login ({@link DataFolder#officeLocation}). */
    public static Books openOffice(String url, String user, char[] password, String schema, Clock clock) {
        return openOffice(DataFolder.officeLocation(url, schema, user), url, user, password, schema, clock);
    }

    /** The book to open: the one used last if it still exists, else the first; a new data folder gets one. */
    private long ensureCreditor() {
        // plain JDBC first: at start Hibernate is still booting in the background (Database), and the window need not wait
        long last = settings.currentBook();
        Long found = db.withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT (SELECT id FROM creditor WHERE id = ?), (SELECT MIN(id) FROM creditor)")) {
                ps.setLong(1, last);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    long exact = rs.getLong(1);
                    if (!rs.wasNull() && last > 0) return exact;
                    long first = rs.getLong(2);
                    return rs.wasNull() ? null : first;
                }
            }
        });
        if (found != null) return found;
        return db.inTransaction(s -> {
            if (last > 0 && s.get(CreditorProfile.class, last) != null) return last;
            Long id = s.createQuery("select min(c.id) from CreditorProfile c", Long.class).getSingleResult();
            if (id != null) return id;
            CreditorProfile p = new CreditorProfile(PartyKind.ORGANISATION, "我的企业");
            s.persist(p);
            return p.getId();
        });
    }

    /**
     * Several books (issue 7): a bookkeeper keeps one book per business, each a creditor profile with its
     * own customers, receivables, evidence and journal. Every query filters by {@link #creditorId()}.
     */
    public List<CreditorProfile> allBooks() {
        return db.inTransaction(s -> s.createQuery("select c from CreditorProfile c order by c.id", CreditorProfile.class).getResultList());
    }

    /** Adds a book for another business and returns its id (not switched to). */
    public long createBook(String name) {
        List<FieldError> errors = new ArrayList<>();
        if (name == null || name.isBlank()) errors.add(FieldError.error("name", "validation.required"));
        Text.checkLength(errors, "name", name, 200);
        if (!errors.isEmpty()) throw new DomainException(errors);
        return db.inTransaction(s -> {
            CreditorProfile p = new CreditorProfile(PartyKind.ORGANISATION, name.strip());
            s.persist(p);
            return p.getId();
        });
    }

    /**
     * {@code work} on every book of these books in turn (each made the open one while it runs), then the book that was
     * open before is open again. For what goes over all of them: {@code team push} verifying each, the office view.
     */
    public <T> java.util.Map<CreditorProfile, T> eachBook(java.util.function.Function<Books, T> work) {
        java.util.Map<CreditorProfile, T> out = new java.util.LinkedHashMap<>();
        long current = creditorId();
        try {
            for (CreditorProfile p : allBooks()) {
                if (p.getId() != creditorId()) switchTo(p.getId());
                out.put(p, work.apply(this));
            }
        } finally {
            if (creditorId() != current) switchTo(current);
        }
        return out;
    }

    /** Makes {@code id} the open book; remembered for the next start. */
    public void switchTo(long id) {
        boolean exists = db.inTransaction(s -> s.get(CreditorProfile.class, id) != null);
        if (!exists) throw new NotFoundException("book", id);
        ctx.open(id);
        settings.setCurrentBook(id);
        audit.sealIfEmpty();
        audit.sealClaimRecords();
    }

    public CreditorProfile creditor() {
        return ctx.creditor();
    }

    /**
     * Saves the book's own details (我的企业信息). Someone else's save since {@code p} was read (two staff on an office
     * book, issue 22) refuses this one with {@link ChangedElsewhereException} and what the details are now.
     */
    public CreditorProfile saveCreditor(CreditorProfile p) {
        FieldErrors.requireValid(p.problems(today()), false);
        try {
            return db.inTransaction(s -> {
                CreditorProfile merged = s.merge(p);
                s.flush();
                return merged;
            });
        } catch (jakarta.persistence.OptimisticLockException | org.hibernate.StaleStateException e) {
            throw db.inTransaction(s -> {
                CreditorProfile now = s.get(CreditorProfile.class, p.getId());
                java.util.Map<String, String> current = new java.util.LinkedHashMap<>();
                current.put("名称", now.getName());
                current.put("统一社会信用代码", dash(now.getRegistrationNumber()));
                current.put("地址", dash(now.getAddress()));
                current.put("电话", dash(now.getContactPhone()));
                current.put("开户行", dash(now.getBankName()));
                current.put("账号", dash(now.getBankAccountNumber()));
                // the book's details are not journalled: who saved them is not known
                return new ChangedElsewhereException("账本 #" + now.getId() + " " + now.getName(), null, null, current, e);
            });
        }
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
    }

    public long creditorId() { return ctx.creditorId(); }
    public Database db() { return db; }

    /** Whether these books are on an office server (team mode) rather than in a folder of this computer. */
    public boolean onServer() { return db.onServer(); }

    /** The data folder these books are kept in (for an office book: this computer's folder for it). */
    public Path folder() { return db.folder().root(); }

    /** The backup taken before this opening's schema upgrade, if one ran (the window says where it is). */
    public Optional<Path> preMigrationBackup() { return db.preMigrationBackup(); }

    /** A number that grows with every write while the books are open (the dashboard reloads when it moved). */
    public long modificationLevel() { return db.modificationLevel(); }

    /** Starts booting the ORM in the background (the window calls it once it shows, for the editors' first use). */
    public void warmUp() { db.warmUp(); }

    /** The most an evidence file may weigh, in bytes. */
    public long maxEvidenceBytes() { return store.maxBytes(); }

    /** Why {@code source} would be refused as evidence before it is copied (too large, not a file, unreadable), if it would. */
    public Optional<EvidenceImportException.Reason> precheckEvidence(Path source) { return store.precheck(source); }
    public Clock clock() { return clock; }
    public LocalDate today() { return LocalDate.now(clock); }
    public LocalDateTime now() { return LocalDateTime.now(clock); }
    public Settings settings() { return settings; }
    public EvidenceStore store() { return store; }
    public ListQueries lists() { return lists; }
    public CustomerService customers() { return customers; }
    public ReceivableService receivables() { return receivables; }
    public EvidenceService evidence() { return evidence; }
    public ContactLogService contacts() { return contacts; }
    public LegalStatusService legal() { return legal; }
    public CourtEventService court() { return court; }
    public AuditService audit() { return audit; }
    public BackupService backups() { return backups; }
    public ExportService exports() { return exports; }
    public WizardService wizard() { return wizard; }
    public TodayService todo() { return todo; }
    public PrivacyService privacy() { return privacy; }
    public ImportService imports() { return imports; }
    public StatementImportService statements() { return statements; }
    /** Invoices in (issue 23). */
    public InvoiceImportService invoices() { return invoices; }
    public SearchService search() { return search; }

    /** Photos made ready for the court bundle (issue 4). */
    public CourtImageStore courtImages() {
        return courtImages;
    }

    @Override
    public void close() {
        try {
            audit.anchorIfChanged("close");   // the journal's anchor outside the database (issue 24)
        } catch (RuntimeException e) {
            LoggerFactory.getLogger(Books.class).warn("Could not record the journal's anchor: {}", e.toString());
        }
        db.close();
    }
}
