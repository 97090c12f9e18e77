package cn.huikuan.ui;

import cn.huikuan.application.Books;
import cn.huikuan.i18n.I18n;

/**
 * What every view needs: the open books, the language, background work, the desktop dialogs, and the "books changed"
 * event that makes the lists and open views reload after a write.
 */
public record AppContext(Books books, I18n i18n, TaskRunner tasks, DialogService dialogs, BooksChanged changes) {
    public AppContext(Books books, I18n i18n, TaskRunner tasks, DialogService dialogs) {
        this(books, i18n, tasks, dialogs, new BooksChanged());
    }

    public String t(String key, Object... args) {
        return i18n.t(key, args);
    }
}
