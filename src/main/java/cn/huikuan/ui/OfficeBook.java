package cn.huikuan.ui;

import cn.huikuan.i18n.I18n;

import java.util.Locale;

/**
 * A book on an office's PostgreSQL server as the window shows it (team mode, issue 22): which server, which book,
 * which login. Holds no password.
 */
record OfficeBook(String url, String login, String schema, String name) {

    /** 「服务器 192.168.1.5 · 王氏建材（zhao）」: for the title and the status bar. */
    String label(I18n i18n) {
        return i18n.t("office.place", host(url), name == null || name.isBlank() ? schema : name, login);
    }

    /**
     * The JDBC address of what a user typed: {@code jdbc:postgresql://HOST:PORT/DB}, {@code postgresql://HOST:PORT/DB},
     * {@code HOST:PORT/DB} or {@code HOST/DB} (surrounding spaces ignored); null when it names no host or no database.
     */
    static String toUrl(String typed) {
        if (typed == null) return null;
        String s = typed.strip();
        String lower = s.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql://")) s = s.substring("jdbc:postgresql://".length());
        else if (lower.startsWith("postgresql://")) s = s.substring("postgresql://".length());
        else if (lower.startsWith("postgres://")) s = s.substring("postgres://".length());
        int slash = s.indexOf('/');
        if (slash <= 0) return null;
        String host = s.substring(0, slash);
        String rest = s.substring(slash + 1);
        String db = rest.replaceFirst("[?].*$", "");
        if (db.isEmpty() || db.contains("/") || host.contains(" ") || db.contains(" ")) return null;
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && !host.endsWith("]")) {
            String port = host.substring(colon + 1);
            if (colon == 0 || !port.matches("[0-9]{1,5}")) return null;
        }
        return "jdbc:postgresql://" + host + "/" + rest;
    }

    /** The server's host as a person would say it ("192.168.1.5"), from a JDBC address. */
    static String host(String url) {
        String s = url.replaceFirst("^jdbc:postgresql://", "");
        int slash = s.indexOf('/');
        if (slash >= 0) s = s.substring(0, slash);
        if (s.startsWith("[")) {
            int end = s.indexOf(']');
            return end > 0 ? s.substring(0, end + 1) : s;
        }
        int colon = s.lastIndexOf(':');
        return colon > 0 ? s.substring(0, colon) : s;
    }
}
