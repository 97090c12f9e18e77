package cn.huikuan.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.concurrent.atomic.AtomicLong;

/** The amount indexes a large import drops and builds again (decision 0012) are the ones the migrations made. */
class AmountIndexesTest {
    @TempDir
    Path dir;

    /** Each index's name, table, columns in order and uniqueness, as INFORMATION_SCHEMA describes them. */
    private static List<String> described(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery("SELECT i.INDEX_NAME, i.TABLE_NAME, i.INDEX_TYPE_NAME, k.COLUMN_NAME, k.ORDINAL_POSITION, "
                + "k.ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEXES i JOIN INFORMATION_SCHEMA.INDEX_COLUMNS k ON k.INDEX_SCHEMA = i.INDEX_SCHEMA "
                + "AND k.INDEX_NAME = i.INDEX_NAME WHERE i.TABLE_SCHEMA = 'PUBLIC' AND i.INDEX_NAME LIKE 'RECEIVABLE_BOOK_%' "
                + "ORDER BY i.INDEX_NAME, k.ORDINAL_POSITION")) {
            while (r.next()) {
                out.add(r.getString(1) + " " + r.getString(2) + " " + r.getString(3) + " " + r.getString(4) + " " + r.getInt(5) + " " + r.getString(6));
            }
        }
        return out;
    }

    @Test
    void droppedAndBuiltAgainTheyAreExactlyAsTheMigrationsMadeThem() {
        try (Database db = Database.open(dir)) {
            List<String> migrated = db.withConnection(AmountIndexesTest::described);
            assertThat(migrated).as("V13's amount indexes are among them")
                    .anyMatch(s -> s.startsWith("RECEIVABLE_BOOK_PRINCIPAL RECEIVABLE INDEX PRINCIPAL_CENTS 2"))
                    .anyMatch(s -> s.startsWith("RECEIVABLE_BOOK_OUTSTANDING RECEIVABLE INDEX OUTSTANDING_CENTS 2"));
            AmountIndexes amounts = db.amountIndexes();
            assertThat(db.inJdbcTransaction(amounts::build)).as("nothing to build").isZero();

            db.inJdbcTransaction(c -> {
                amounts.drop(c);
                return null;
            });
            assertThat(amounts.present()).isFalse();
            assertThat(db.withConnection(AmountIndexes::missing)).containsExactlyInAnyOrder("RECEIVABLE_BOOK_PRINCIPAL", "RECEIVABLE_BOOK_OUTSTANDING");
            assertThat(db.withConnection(AmountIndexesTest::described)).as("the other indexes stay").isNotEmpty()
                    .noneMatch(s -> s.contains("_CENTS"));

            assertThat(db.inJdbcTransaction(amounts::build)).isEqualTo(2);
            assertThat(amounts.present()).isTrue();
            assertThat(db.withConnection(AmountIndexesTest::described)).isEqualTo(migrated);
        }
    }

    @Test
    void theyAreNotDroppedUnderAQueryThatNamesThem() throws Exception {
        try (Database db = Database.open(dir)) {
            AmountIndexes amounts = db.amountIndexes();
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicBoolean sawThem = new AtomicBoolean();
            AtomicLong counted = new AtomicLong(-1);
            Thread query = new Thread(() -> {
                try {
                    counted.set(amounts.reading(present -> {
                        sawThem.set(present);
                        reading.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            throw new SQLException(e);
                        }
                        // still there: the drop waits for this
                        return db.withConnection(c -> {
                            try (ResultSet r = c.createStatement().executeQuery(
                                    "SELECT COUNT(*) FROM receivable USE INDEX (receivable_book_principal) WHERE creditor_id = 1")) {
                                r.next();
                                return r.getLong(1);
                            }
                        });
                    }));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            query.start();
            assertThat(reading.await(180, TimeUnit.SECONDS)).isTrue();
            Thread drop = new Thread(() -> db.inJdbcTransaction(c -> {
                amounts.drop(c);
                return null;
            }));
            drop.start();
            drop.join(300);
            assertThat(drop.isAlive()).as("the drop waits for the query").isTrue();
            release.countDown();
            query.join(10_000);
            drop.join(10_000);
            assertThat(sawThem).isTrue();
            assertThat(counted.get()).as("the query that named the index ran").isZero();
            assertThat(amounts.present()).isFalse();
            boolean seen = amounts.reading(present -> present);
            assertThat(seen).isFalse();
        }
    }
}
