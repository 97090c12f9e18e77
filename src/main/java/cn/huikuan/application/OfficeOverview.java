package cn.huikuan.application;

import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.storage.DataFolderException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The office view (issue 22): for every book on the server the staff member may open, its figures (outstanding,
 * overdue, aging, from the kept totals) and today's tasks, as the book's own dashboard and 今日待办 show them. Each book
 * is opened in turn with the member's own login, so the server shows them only what they may see.
 */
public final class OfficeOverview {
    /** The problem of a book open in the app on this computer under the same login (its folder here is in use). */
    public static final String OPEN_HERE = "本机正以同一用户打开这个账本 / open in Huikuan on this computer as the same login";

    private OfficeOverview() {
    }

    /** One business's figures: {@code problem} set (and the rest empty) when its book could not be opened. */
    public record Line(String schema, String bookName, String business, Dashboard dashboard, TodayService.Today today, String problem) {
    }

    /**
     * Follows the reading (the window's office view): progress, cancellation, and what to say of a book that fails. By
     * default: nothing said, never cancelled, a failing book ends the reading (as {@code team overview} has it).
     */
    public interface Listener {
        /**
         * Called before book {@code done + 1} of {@code total} ({@code next}) is opened, and with {@code done == total}
         * at the end; {@code read}: the lines of the books read so far.
         */
        default void progress(int done, int total, String next, List<Line> read) {
        }

        /** True: stop before the next book (the lines read so far are returned). */
        default boolean cancelled() {
            return false;
        }

        /** What to show for a book that could not be read because of {@code e}; null lets {@code e} end the whole reading. */
        default String problem(RuntimeException e) {
            return null;
        }
    }

    private static final Listener NONE = new Listener() {
    };

    /** Every business in every book {@code login} may open; today's tasks read from at most {@code casesPerBook} cases each. */
    public static List<Line> of(String url, String login, char[] password, Clock clock, int casesPerBook) {
        return of(url, login, password, clock, casesPerBook, NONE);
    }

    /**
     * As {@link #of(String, String, char[], Clock, int)}, telling {@code listener} of each book; a book whose reading
     * fails with an error the listener names is listed with that problem and the next book read.
     */
    public static List<Line> of(String url, String login, char[] password, Clock clock, int casesPerBook, Listener listener) {
        List<Line> out = new ArrayList<>();
        List<TeamAdmin.Book> books = TeamAdmin.connect(url, login, password).myBooks();
        int done = 0;
        for (TeamAdmin.Book book : books) {
            if (listener.cancelled()) return out;
            listener.progress(done++, books.size(), book.name(), List.copyOf(out));
            try (Books b = Books.openOffice(url, login, password, book.schema(), clock)) {
                b.eachBook(one -> {
                    CreditorProfile p = one.creditor();
                    return out.add(new Line(book.schema(), book.name(), p.getName(), one.lists().dashboard(p.getId(), one.today()),
                            one.todo().items(casesPerBook), null));
                });
            } catch (DataFolderException e) {
                out.add(new Line(book.schema(), book.name(), null, null, null,
                        e.reason() == DataFolderException.Reason.IN_USE ? OPEN_HERE : e.detail()));
            } catch (RuntimeException e) {
                String problem = listener.problem(e);
                if (problem == null) throw e;
                out.add(new Line(book.schema(), book.name(), null, null, null, problem));
            }
        }
        listener.progress(done, books.size(), "", List.copyOf(out));
        return out;
    }
}
