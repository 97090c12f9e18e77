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
    private OfficeOverview() {
    }

    /** One business's figures: {@code problem} set (and the rest empty) when its book could not be opened. */
    public record Line(String schema, String bookName, String business, Dashboard dashboard, TodayService.Today today, String problem) {
    }

    /** Every business in every book {@code login} may open; today's tasks read from at most {@code casesPerBook} cases each. */
    public static List<Line> of(String url, String login, char[] password, Clock clock, int casesPerBook) {
        List<Line> out = new ArrayList<>();
        for (TeamAdmin.Book book : TeamAdmin.connect(url, login, password).myBooks()) {
            try (Books b = Books.openOffice(url, login, password, book.schema(), clock)) {
                b.eachBook(one -> {
                    CreditorProfile p = one.creditor();
                    return out.add(new Line(book.schema(), book.name(), p.getName(), one.lists().dashboard(p.getId(), one.today()),
                            one.todo().items(casesPerBook), null));
                });
            } catch (DataFolderException e) {
                out.add(new Line(book.schema(), book.name(), null, null, null, e.reason() == DataFolderException.Reason.IN_USE
                        ? "本机正以同一用户打开这个账本 / open in Huikuan on this computer as the same login" : e.detail()));
            }
        }
        return out;
    }
}
