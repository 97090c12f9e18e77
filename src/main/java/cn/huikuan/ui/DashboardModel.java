package cn.huikuan.ui;

import cn.huikuan.application.Books;
import cn.huikuan.application.Dashboard;
import cn.huikuan.application.ListQueries;
import cn.huikuan.application.TodayService;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.time.LocalDate;
import java.util.List;

/**
 * The dashboard's state (issue 25: a view model per screen): the book's totals, today's to-do list and the 12-month
 * recovery figures, each read in the background and published as a property the view shows as it arrives (the
 * figures first; the to-do list reads each case and takes longer). No JavaFX controls: tested without a robot
 * ({@code DashboardModelTest}) with {@link Background#now()}.
 */
public final class DashboardModel {
    /** Cases the today list reads at most (each takes a few queries); more are reported, not read. */
    static final int TODAY_MAX_CASES = 300;

    private final Books books;
    private final Background background;
    private final String loading;
    private final String loadingToday;
    private final ReadOnlyObjectWrapper<Dashboard> figures = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TodayService.Today> today = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<ListQueries.RecoveryMonth>> recovery = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<LocalDate> asOf = new ReadOnlyObjectWrapper<>();
    /** Counts reloads: a slower earlier reload's result never replaces a later one's (two workers run them side by side). */
    private long generation;
    /** The books' modification level the shown to-do list was read at ({@link #reloadIfChanged}); -1: not read yet. */
    private volatile long loadedLevel = -1;

    /** {@code loading}, {@code loadingToday}: the status bar's texts while the figures and the to-do list are read. */
    public DashboardModel(Books books, Background background, String loading, String loadingToday) {
        this.books = books;
        this.background = background;
        this.loading = loading;
        this.loadingToday = loadingToday;
    }

    /** Reads everything again. The to-do list is null while it is being read. */
    public void reload() {
        long g = ++generation;
        today.set(null);
        background.run(loading, p -> books.lists().dashboard(books.creditorId(), books.today()), d -> {
            if (g == generation) {
                asOf.set(books.today());
                figures.set(d);
            }
        });
        background.run(loadingToday, p -> {
            long level = books.modificationLevel();      // read first: a write while the list is read shows as a change
            TodayService.Today t = books.todo().items(TODAY_MAX_CASES);
            loadedLevel = level;
            return t;
        }, t -> {
            if (g == generation) today.set(t);
        });
        background.run(loading, p -> books.lists().recovery(books.creditorId(), books.today(), 12), months -> {
            if (g == generation) recovery.set(months);
        });
    }

    /**
     * Reloads when anything was written since the to-do list was read (any dialog, in any tab, the import included):
     * the main window calls it when the dashboard is shown again.
     */
    public void reloadIfChanged() {
        long shownAt = loadedLevel;
        if (shownAt < 0) return;                                      // the first load is still running
        background.run(loading, p -> books.modificationLevel(), level -> {
            if (level != shownAt && loadedLevel == shownAt) reload();
        });
    }

    public ReadOnlyObjectProperty<Dashboard> figures() { return figures.getReadOnlyProperty(); }

    /** Today's to-do list; null while it is being read. */
    public ReadOnlyObjectProperty<TodayService.Today> today() { return today.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<List<ListQueries.RecoveryMonth>> recovery() { return recovery.getReadOnlyProperty(); }

    /** The day the figures were read for. */
    public ReadOnlyObjectProperty<LocalDate> asOf() { return asOf.getReadOnlyProperty(); }

    /** Today in the books' clock (overdue to-do items are those before it). */
    public LocalDate todayDate() { return books.today(); }
}
