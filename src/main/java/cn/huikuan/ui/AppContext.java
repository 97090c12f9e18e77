package cn.huikuan.ui;

import cn.huikuan.application.Books;
import cn.huikuan.i18n.I18n;

/** What every view needs: the open books, the language, background work and the desktop dialogs. */
public record AppContext(Books books, I18n i18n, TaskRunner tasks, DialogService dialogs) {
    public String t(String key, Object... args) {
        return i18n.t(key, args);
    }
}
