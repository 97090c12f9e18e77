package cn.huikuan.ui;

import cn.huikuan.application.Books;
import cn.huikuan.application.ReceivablePage;
import cn.huikuan.application.WizardPage;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Receivable;
import cn.huikuan.i18n.I18n;
import cn.huikuan.law.ProceduralDeadlines;
import cn.huikuan.storage.FileIntegrity;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A receivable's tab (issue 25): its page and its wizard, read in one query per refresh ({@code WizardService.screen}), the
 * integrity of each evidence file (re-hashed only when new to the page or when the user asks), the next court deadline,
 * and the evidence files found damaged, said once. The wizard's own state is the {@link WizardModel} this model feeds.
 * {@link ReceivableDetailView} builds the tabs and binds them; {@code ReceivableDetailModelTest} runs this without a
 * robot or the FX toolkit.
 */
public final class ReceivableDetailModel {
    private final Books books;
    private final I18n i18n;
    private final Background background;
    private final long id;
    private final WizardModel wizard;
    private final ReadOnlyObjectWrapper<ReceivablePage> page = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Optional<ProceduralDeadlines.Deadline>> nextDeadline = new ReadOnlyObjectWrapper<>(Optional.empty());
    private final ReadOnlyIntegerWrapper damagedFiles = new ReadOnlyIntegerWrapper(0);
    /** Each evidence file's integrity as last checked: kept between refreshes so a file is hashed once. */
    private final Map<Long, FileIntegrity> integrity = new HashMap<>();
    private boolean damageSaid;

    /** {@code changed}: told after a write made from the tab (every view showing the books then reloads). */
    public ReceivableDetailModel(Books books, I18n i18n, Background background, long receivableId, Runnable changed) {
        this.books = books;
        this.i18n = i18n;
        this.background = background;
        this.id = receivableId;
        this.wizard = new WizardModel(books, i18n, background, receivableId, changed);
    }

    /** Reads the tab again; evidence files are re-hashed only when new, or when {@code recheckFiles}. */
    public void reload(boolean recheckFiles) {
        Map<Long, FileIntegrity> known = recheckFiles ? Map.of() : Map.copyOf(integrity);
        background.run(i18n.t("task.loading"), p -> books.wizard().screen(id, known, new ReceivablePage.Progress() {
            @Override
            public void update(int done, int of) {
                p.update(done, of);
            }

            @Override
            public boolean cancelled() {
                return p.cancelled();
            }
        }), this::show);
    }

    private void show(WizardPage.Screen screen) {
        ReceivablePage p = screen.page();
        integrity.clear();
        integrity.putAll(p.integrity());
        nextDeadline.set(ProceduralDeadlines.next(p.deadlines(), books.today()));
        page.set(p);
        wizard.show(screen.wizard());
        int bad = (int) p.integrity().values().stream().filter(i -> i != FileIntegrity.OK).count();
        if (bad > 0 && !damageSaid) {
            damageSaid = true;
            damagedFiles.set(bad);
        }
    }

    public long receivableId() { return id; }

    /** The receivable page as last read; null before. */
    public ReadOnlyObjectProperty<ReceivablePage> page() { return page.getReadOnlyProperty(); }

    /** The wizard's state, fed by this tab's reads. */
    public WizardModel wizard() { return wizard; }

    /** The first court deadline from today on, if any. */
    public ReadOnlyObjectProperty<Optional<ProceduralDeadlines.Deadline>> nextDeadline() { return nextDeadline.getReadOnlyProperty(); }

    /** How many evidence files were found missing or altered, set once (the first time any is), to be said in a dialog. */
    public ReadOnlyIntegerProperty damagedFiles() { return damagedFiles.getReadOnlyProperty(); }

    /** The evidence file's integrity as last checked (OK when not checked yet). */
    public FileIntegrity integrity(EvidenceItem item) {
        return integrity.getOrDefault(item.getId(), FileIntegrity.OK);
    }

    /** The receivable as last read; null before. */
    public Receivable receivable() {
        ReceivablePage p = page.get();
        return p == null ? null : p.receivable();
    }

    /** The evidence as last read, for the dialogs that link it. */
    public List<EvidenceItem> evidence() {
        ReceivablePage p = page.get();
        return p == null ? List.of() : p.evidence();
    }

    /** The outgoing contacts' times, the earlier messages the conduct guard counts. */
    public List<LocalDateTime> earlierOutgoing() {
        ReceivablePage p = page.get();
        return p == null ? List.of() : p.timeline().stream().filter(c -> c.getDirection() == ContactEntry.Direction.OUTGOING)
                .map(ContactEntry::getOccurredAt).toList();
    }

    /** The receivable read afresh (with everything its editor needs), then handed to {@code edit}. */
    public void editing(Consumer<Receivable> edit) {
        if (page.get() == null) return;
        background.run(i18n.t("task.loading"), p -> books.receivables().get(id), edit);
    }
}
