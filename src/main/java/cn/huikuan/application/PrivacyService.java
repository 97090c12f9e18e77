package cn.huikuan.application;

import cn.huikuan.persistence.EvidenceStore;
import cn.huikuan.domain.AuditEntry;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.ContactMethod;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.KnownAsset;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hibernate.Session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import cn.huikuan.domain.RepaymentPlan;

/**
 * A debtor's rights over their personal data (个人信息保护法 §45 access and copy, §47 deletion): export
 * everything the books hold about one customer, and erase it. Erasure deletes the customer, their
 * receivables and every record of them, blanks the text of their journal entries (the chain stays linked
 * and verifiable), journals the erasure itself without personal data, deletes evidence files no other
 * record uses (also from the backup pool), and asks the database to compact when it closes so deleted rows
 * do not linger in the file. Database backups taken before keep the data until they rotate out.
 */
public final class PrivacyService {
    private final BookContext ctx;
    private final AuditService audit;
    private final EvidenceStore store;
    private final CustomerService customers;
    private final EvidenceService evidence;
    private final CourtImageStore courtImages;
    private final LegalStatusService legal;

    PrivacyService(BookContext ctx, AuditService audit, EvidenceStore store, CustomerService customers, EvidenceService evidence, CourtImageStore courtImages, LegalStatusService legal) {
        this.ctx = ctx;
        this.audit = audit;
        this.store = store;
        this.customers = customers;
        this.evidence = evidence;
        this.courtImages = courtImages;
        this.legal = legal;
    }

    /** What an erasure removed (counts only: the erasure's own journal entry holds no personal data). */
    public record Erasure(long customerId, int receivables, int records, int journalEntries, int files) {
    }

    /** Ids listed in an erasure entry's content ("…|entries=1,2,3|…"). */
    static List<Long> erasedEntryIds(String content) {
        for (String part : content.split("\\|")) {
            if (part.startsWith("entries=") && part.length() > "entries=".length()) {
                return Arrays.stream(part.substring("entries=".length()).split(",")).map(Long::valueOf).toList();
            }
        }
        return List.of();
    }

    public Erasure erase(long customerId, String reason) {
        if (!ctx.db().mayChangeJournal()) {
            // an office book (issue 22): the erasure blanks the customer's journal entries, which only the office's owners may
            throw new IllegalStateException("删除客户的个人信息须由负责人操作（要清空记录链中的内容，员工无权修改记录链）"
                    + " / only the office's owner can erase a customer's personal data: it blanks journal entries, which staff may not change");
        }
        Set<String> shas = new LinkedHashSet<>();
        Erasure done = ctx.db().inTransaction(s -> {
            Customer c = customers.load(s, customerId);
            List<Long> receivables = s.createQuery("select r.id from Receivable r where r.customer.id = :c", Long.class)
                    .setParameter("c", customerId).getResultList();
            List<String> keys = new ArrayList<>();
            int records = 0;
            if (!receivables.isEmpty()) {
                for (EvidenceItem e : s.createQuery("select e from EvidenceItem e where e.receivable.id in :r", EvidenceItem.class)
                        .setParameter("r", receivables).getResultList()) {
                    shas.add(e.getSha256());
                    keys.add("evidence:" + e.getId());
                }
                for (Long id : ids(s, "select x.id from ContactEntry x where x.receivable.id in :r", receivables)) keys.add("contact:" + id);
                for (Long id : ids(s, "select x.id from Payment x where x.receivable.id in :r", receivables)) keys.add("payment:" + id);
                for (Long id : ids(s, "select x.id from CourtEvent x where x.receivable.id in :r", receivables)) keys.add("court:" + id);
                records = keys.size();
                for (Long id : receivables) keys.add("receivable:" + id); // their journal entries too (issue 24)
                for (ContactEntry e : s.createQuery("select e from ContactEntry e where e.receivable.id in :r", ContactEntry.class)
                        .setParameter("r", receivables).getResultList()) {
                    s.remove(e);                                   // with its links to evidence
                }
                s.flush();
                for (RepaymentPlan p : s.createQuery("select p from RepaymentPlan p where p.receivable.id in :r",
                        RepaymentPlan.class).setParameter("r", receivables).getResultList()) {
                    s.remove(p);
                }
                s.flush();
                // their payments and principal leave the month totals first, while the rows are still there
                s.doWork(conn -> ReceivableSummary.forgetMonths(conn, ctx.creditorId(), receivables));
                for (String q : List.of("delete from Payment x where x.receivable.id in :r", "delete from CourtEvent x where x.receivable.id in :r",
                        "delete from StepChange x where x.receivable.id in :r", "delete from EvidenceItem x where x.receivable.id in :r")) {
                    s.createMutationQuery(q).setParameter("r", receivables).executeUpdate();
                }
                // take their shares off the kept totals (decision 0009) while their rows still hold them
                s.doWork(conn -> {
                    for (Long id : receivables) ReceivableSummary.forget(conn, id);
                });
                for (Long id : receivables) s.remove(s.get(Receivable.class, id));
            }
            keys.add("customer:" + customerId);
            s.remove(c);
            s.flush();
            s.doWork(conn -> ReceivableSummary.customersAdded(conn, ctx.creditorId(), -1));
            // Blank the journal text of every erased record; list the entries in the erasure's own entry.
            List<Long> entries = new ArrayList<>();
            for (String key : keys) {
                String[] k = key.split(":");
                for (AuditEntry a : s.createQuery("select a from AuditEntry a where a.entity = :e and a.entityId = :i and a.creditorId = :c",
                        AuditEntry.class).setParameter("e", k[0]).setParameter("i", Long.parseLong(k[1]))
                        .setParameter("c", ctx.creditorId()).getResultList()) {
                    a.erase(ctx.clock().instant());
                    entries.add(a.getId());
                }
            }
            String why = reason == null || reason.isBlank() ? "" : "|reason=" + reason.strip().replace("|", "/").replace("\n", " ");
            audit.append(s, AuditService.ERASURE, customerId, "erasure|customer=" + customerId + "|receivables=" + receivables.size()
                    + "|records=" + records + "|entries=" + entries.stream().map(String::valueOf).collect(Collectors.joining(",")) + why);
            return new Erasure(customerId, receivables.size(), records, entries.size(), 0);
        });
        int files = 0;
        for (String sha : shas) {
            boolean stillUsed = ctx.db().inTransaction(s -> !s.createQuery("select e.id from EvidenceItem e where e.sha256 = :h", Long.class)
                    .setParameter("h", sha).setMaxResults(1).getResultList().isEmpty());
            if (stillUsed) continue;
            files += store.delete(sha) ? 1 : 0;   // an office book's: the server's file too
            courtImages.forget(sha);
            deleteIfPresent(BackupService.evidencePool(ctx.db().folder()).resolve(sha.substring(0, 2)).resolve(sha));
        }
        ctx.db().compactOnClose();
        return new Erasure(done.customerId(), done.receivables(), done.records(), done.journalEntries(), files);
    }

    private static List<Long> ids(Session s, String q, List<Long> receivables) {
        return s.createQuery(q, Long.class).setParameter("r", receivables).getResultList();
    }

    private static boolean deleteIfPresent(Path p) {
        try {
            if (!Files.exists(p)) return false;
            p.toFile().setWritable(true);
            return Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Everything the books hold about one customer, as the person may ask for it (个人信息保护法 §45): a ZIP
     * with {@code data.json} (customer, receivables, payments, contacts, court steps, evidence list) and the
     * evidence files. Full values, unmasked: it is their own data.
     */
    public Path export(long customerId, Path target) {
        Customer c = customers.get(customerId);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = json.createObjectNode();
        root.put("exportedAt", ctx.clock().instant().toString());
        root.put("controller", ctx.creditor().getName());
        ObjectNode cust = root.putObject("customer");
        cust.put("kind", c.getKind().name());
        cust.put("name", c.getName());
        cust.put("registrationNumber", c.getRegistrationNumber());
        cust.put("legalRepresentative", c.getLegalRepresentative());
        cust.put("address", c.getAddress());
        ArrayNode contacts = cust.putArray("contacts");
        for (ContactMethod m : c.getContacts()) contacts.addObject().put("kind", m.getKind().name()).put("value", m.getValue());
        cust.put("situation", c.getSituation().name());
        cust.put("situationNotes", c.getSituationNotes());
        ArrayNode assets = cust.putArray("knownAssets");
        for (KnownAsset a : c.getAssets()) assets.addObject().put("kind", a.getKind().name()).put("description", a.getDescription());
        cust.put("notes", c.getNotes());
        List<EvidenceItem> allEvidence = new ArrayList<>();
        ArrayNode recs = root.putArray("receivables");
        List<Long> ids = ctx.db().inTransaction(s -> s.createQuery("select r.id from Receivable r where r.customer.id = :c order by r.id", Long.class)
                .setParameter("c", customerId).getResultList());
        for (Long id : ids) {
            LegalStatusService.CaseRecords r = legal.records(id);
            Receivable rv = r.receivable();
            ObjectNode o = recs.addObject();
            o.put("id", rv.getId());
            o.put("kind", rv.getKind().name());
            o.put("title", rv.getTitle());
            o.put("contractNumber", rv.getContractNumber());
            o.put("contractDate", String.valueOf(rv.getContractDate()));
            o.put("principal", rv.getPrincipal().toPlainString());
            ArrayNode sched = o.putArray("schedule");
            rv.getSchedule().forEach(i -> sched.addObject().put("due", i.getDueDate().toString()).put("amount", i.getAmount().toPlainString()));
            ArrayNode pays = o.putArray("payments");
            for (Payment p : r.payments()) {
                pays.addObject().put("paidOn", p.getPaidOn().toString()).put("amount", p.getAmount().toPlainString())
                        .put("channel", p.getChannel().name()).put("reference", p.getReference()).put("note", p.getNote());
            }
            ArrayNode log = o.putArray("contacts");
            for (ContactEntry e : r.contacts()) {
                log.addObject().put("at", e.getOccurredAt().toString()).put("channel", e.getChannel().name())
                        .put("direction", e.getDirection().name()).put("summary", e.getSummary()).put("outcome", e.getOutcome().name());
            }
            ArrayNode court = o.putArray("courtSteps");
            for (CourtEvent e : r.courtEvents()) {
                court.addObject().put("kind", e.getKind().name()).put("date", e.getEventDate().toString()).put("court", e.getCourt())
                        .put("caseNumber", e.getCaseNumber()).put("note", e.getNote());
            }
            ArrayNode ev = o.putArray("evidence");
            for (EvidenceItem e : evidence.list(id)) {
                allEvidence.add(e);
                ev.addObject().put("title", e.getTitle()).put("type", e.getType().name()).put("file", "evidence/" + e.getSha256() + "_"
                        + ExportService.safeName(e.getOriginalFileName())).put("sha256", e.getSha256());
            }
        }
        ExportService.atomically(target, allEvidence.stream().mapToLong(EvidenceItem::getSizeBytes).sum() + ExportService.HEADROOM, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                zip.putNextEntry(new ZipEntry("data.json"));
                zip.write(json.writeValueAsBytes(root));
                zip.closeEntry();
                Set<String> written = new LinkedHashSet<>();
                for (EvidenceItem e : allEvidence) {
                    String name = "evidence/" + e.getSha256() + "_" + ExportService.safeName(e.getOriginalFileName());
                    if (!written.add(name)) continue;
                    zip.putNextEntry(new ZipEntry(name));
                    Files.copy(evidence.file(e), zip);
                    zip.closeEntry();
                }
            }
        });
        return target;
    }
}
