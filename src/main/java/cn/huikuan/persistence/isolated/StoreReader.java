package cn.huikuan.persistence.isolated;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.tx.Transaction;
import org.h2.mvstore.tx.TransactionMap;
import org.h2.mvstore.tx.TransactionStore;
import org.h2.mvstore.db.ValueDataType;
import org.h2.result.Row;
import org.h2.store.fs.encrypt.FilePathEncrypt;
import org.h2.util.JSR310Utils;
import org.h2.value.Value;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.Arrays;
import java.util.UUID;

/**
 * Reads an H2 database file at the storage level (H2's MVStore and its transaction layer), never through H2's SQL
 * engine: nothing the file defines is created, compiled or run. Opening a file as a database makes H2 execute
 * the DDL kept in it, and a {@code CREATE TRIGGER … AS $$java source$$} there is compiled and run in the opening
 * process (issue 24); reading the stored rows as values does nothing of the kind.
 * <p>
 * This class is loaded by {@code cn.huikuan.persistence.IsolatedStore}'s class loader, which sees the JDK and H2's
 * classes only, so its signatures use JDK types only and it must not use anything of the app (ArchitectureTest).
 * H2's storage layer resolves the names of the data types recorded in the file with {@code Class.forName}; in that
 * loader such a name can reach no class of the app or its other libraries.
 * <p>
 * Only committed rows are read (a new transaction sees no other transaction's uncommitted writes).
 */
public final class StoreReader {
    private StoreReader() {
    }

    /**
     * The rows of the file's schema table (H2's {@code table.0}): {@code {Integer id, Integer type, String sql}}, in
     * id order. {@code fileKey}: the file password H2 is given before its space (null: the file is not encrypted).
     */
    public static List<Object[]> meta(String file, char[] fileKey) {
        List<Object[]> rows = new ArrayList<>();
        read(file, fileKey, 0, values -> {
            if (values.length < 4 || !(values[0] instanceof Number id) || !(values[2] instanceof Number type) || !(values[3] instanceof String sql)) {
                throw new IllegalStateException("schema row of an unexpected form");
            }
            rows.add(new Object[]{id.intValue(), type.intValue(), sql});
        });
        return rows;
    }

    /**
     * Passes every committed row of the table with meta id {@code tableId} to {@code sink} as an array of plain
     * Java values (null, Boolean, Integer, Long, BigDecimal, Double, String, LocalDate, LocalTime, LocalDateTime,
     * OffsetDateTime, byte[], UUID); returns how many. A value of any other kind (LOB, Java object, array, JSON …)
     * is refused with an {@link IllegalStateException}: Huikuan's tables hold none.
     */
    public static long rows(String file, char[] fileKey, int tableId, Consumer<Object[]> sink) {
        return read(file, fileKey, tableId, sink);
    }

    /** Whether the file has a data map for the table with meta id {@code tableId}. */
    public static boolean hasTable(String file, char[] fileKey, int tableId) {
        MVStore store = open(file, fileKey);
        try {
            return store.hasMap("table." + tableId);
        } finally {
            store.closeImmediately();
        }
    }

    private static long read(String file, char[] fileKey, int tableId, Consumer<Object[]> sink) {
        MVStore store = open(file, fileKey);
        try {
            String name = "table." + tableId;
            if (!store.hasMap(name)) throw new IllegalStateException("no data for table " + tableId);
            TransactionStore ts = new TransactionStore(store, new ValueDataType());
            ts.init();
            Transaction t = ts.begin();
            TransactionMap<Object, Object> map = t.openMap(name);
            long n = 0;
            for (Iterator<Object> keys = map.keyIterator(null); keys.hasNext(); ) {
                Object value = map.get(keys.next());
                if (!(value instanceof Row row)) throw new IllegalStateException("a row of table " + tableId + " is not a row");
                Value[] list = row.getValueList();
                Object[] out = new Object[list.length];
                for (int i = 0; i < list.length; i++) out[i] = plain(list[i], tableId, i);
                sink.accept(out);
                n++;
            }
            return n;
        } finally {
            store.closeImmediately();
        }
    }

    private static MVStore open(String file, char[] fileKey) {
        MVStore.Builder b = new MVStore.Builder().fileName(file).readOnly();
        if (fileKey != null) b.encryptionKey(encryptionKey(fileKey));
        return b.open();
    }

    /** As H2 derives the store's key from the file password (ConnectionInfo, then Store.decodePassword). */
    private static char[] encryptionKey(char[] filePassword) {
        byte[] key = FilePathEncrypt.getPasswordBytes(filePassword);
        char[] out = new char[key.length / 2];
        for (int i = 0; i < out.length; i++) out[i] = (char) (((key[i + i] & 255) << 16) | (key[i + i + 1] & 255));
        Arrays.fill(key, (byte) 0);
        return out;
    }

    private static Object plain(Value v, int table, int column) {
        if (v == null) return null;
        switch (v.getValueType()) {
            case Value.NULL:
                return null;
            case Value.BOOLEAN:
                return v.getBoolean();
            case Value.TINYINT:
            case Value.SMALLINT:
            case Value.INTEGER:
                return v.getInt();
            case Value.BIGINT:
                return v.getLong();
            case Value.NUMERIC:
                return v.getBigDecimal();
            case Value.REAL:
            case Value.DOUBLE:
                return v.getDouble();
            case Value.CHAR:
            case Value.VARCHAR:
            case Value.VARCHAR_IGNORECASE:
                return v.getString();
            case Value.BINARY:
            case Value.VARBINARY:
                return v.getBytes();
            case Value.DATE:
                return JSR310Utils.valueToLocalDate(v, null);
            case Value.TIME:
                return JSR310Utils.valueToLocalTime(v, null);
            case Value.TIMESTAMP:
                return JSR310Utils.valueToLocalDateTime(v, null);
            case Value.TIMESTAMP_TZ:
                return JSR310Utils.valueToOffsetDateTime(v, null);
            case Value.UUID:
                return UUID.fromString(v.getString());
            default:
                throw new IllegalStateException("table " + table + ", column " + (column + 1) + ": a value of type "
                        + v.getType().getTraceSQL() + " that Huikuan never stores");
        }
    }
}
