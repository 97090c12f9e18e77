package cn.huikuan.application;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A save refused because someone else saved the same record since it was read (optimistic locking, issue 22: two
 * staff editing one receivable on the office server). Carries what the record holds now and who wrote it last (from
 * the journal; empty on a PC), so the user sees what changed before deciding; nothing of their edit is written.
 */
public final class ChangedElsewhereException extends RuntimeException {
    private final String record;
    private final String by;
    private final Instant at;
    private final Map<String, String> current;

    public ChangedElsewhereException(String record, String by, Instant at, Map<String, String> current, Throwable cause) {
        super(message(record, by, at, current), cause);
        this.record = record;
        this.by = by;
        this.at = at;
        this.current = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(current));   // keeps the order shown (Map.copyOf does not)
    }

    /** What was being saved ("应收款 #12 货款" ). */
    public String record() { return record; }

    /** The staff member who saved it last, if known (an office book's journal names them). */
    public String by() { return by; }

    /** When it was saved last, if known. */
    public Instant at() { return at; }

    /** The record's fields as they are now, by their Chinese labels, in the order shown. */
    public Map<String, String> current() { return current; }

    private static String message(String record, String by, Instant at, Map<String, String> current) {
        StringBuilder s = new StringBuilder(record).append(" 已被").append(by == null ? "别人" : " " + by + " ").append("修改");
        if (at != null) s.append("（").append(at).append("）");
        s.append("，您的修改没有保存。现在的内容：");
        current.forEach((k, v) -> s.append(k).append("：").append(v).append("；"));
        s.append(" / ").append(record).append(" was changed by ").append(by == null ? "someone else" : by)
                .append(" since you opened it; your edit was not saved. Open it again to see the current values.");
        return s.toString();
    }
}
