package cn.huikuan.application;

import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.persistence.Database;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * What every service of one open set of books shares (issue 25): the database, the clock and which book (creditor
 * profile) is open. {@link Books} makes one and hands it, with the other services each one needs, to every service's
 * constructor, so a service's collaborators are its constructor's parameters.
 */
final class BookContext {
    private final Database db;
    private final Clock clock;
    private volatile long creditorId;

    BookContext(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Database db() { return db; }
    Clock clock() { return clock; }
    LocalDate today() { return LocalDate.now(clock); }
    LocalDateTime now() { return LocalDateTime.now(clock); }

    /** The open book; every query filters by it. */
    long creditorId() { return creditorId; }

    void open(long id) { creditorId = id; }

    CreditorProfile creditor() {
        long id = creditorId;
        return db.inTransaction(s -> s.get(CreditorProfile.class, id));
    }
}
