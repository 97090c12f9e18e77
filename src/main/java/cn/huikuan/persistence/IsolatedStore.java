package cn.huikuan.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Consumer;
import java.util.Collections;

/**
 * Reads a database file that came from outside (a backup to restore, books in a folder the user points at) through
 * {@link cn.huikuan.persistence.isolated.StoreReader}, loaded by a class loader of its own that sees the JDK and
 * H2's classes only. The storage layer resolves data-type names recorded in the file with {@code Class.forName};
 * here such a name cannot reach a class of the app or of its other libraries (whose static initialisers would run).
 * No SQL of the file is ever executed: see {@link BackupLoader}.
 */
final class IsolatedStore {
    private static final String READER = "cn.huikuan.persistence.isolated.StoreReader";

    /** One schema row of the file: H2's object id, its kind ({@link Kind}) and the SQL that would create it. */
    record MetaRow(int id, int type, String sql) {
    }

    /** H2's kinds of schema object (org.h2.engine.DbObject), as stored in its schema table. */
    static final class Kind {
        static final int TABLE_OR_VIEW = 0, INDEX = 1, USER = 2, SEQUENCE = 3, TRIGGER = 4, CONSTRAINT = 5, SETTING = 6,
                ROLE = 7, RIGHT = 8, FUNCTION_ALIAS = 9, SCHEMA = 10, CONSTANT = 11, DOMAIN = 12, COMMENT = 13, AGGREGATE = 14,
                SYNONYM = 15;

        private Kind() {
        }

        static String name(int type) {
            return switch (type) {
                case TABLE_OR_VIEW -> "table/view";
                case INDEX -> "index";
                case USER -> "user";
                case SEQUENCE -> "sequence";
                case TRIGGER -> "trigger";
                case CONSTRAINT -> "constraint";
                case SETTING -> "setting";
                case ROLE -> "role";
                case RIGHT -> "right";
                case FUNCTION_ALIAS -> "function alias";
                case SCHEMA -> "schema";
                case CONSTANT -> "constant";
                case DOMAIN -> "domain";
                case COMMENT -> "comment";
                case AGGREGATE -> "aggregate";
                case SYNONYM -> "synonym";
                default -> "object of kind " + type;
            };
        }
    }

    private static volatile Loader loader;

    private IsolatedStore() {
    }

    static List<MetaRow> meta(Path file, char[] fileKey) {
        try {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = (List<Object[]>) handle("meta", MethodType.methodType(List.class, String.class, char[].class))
                    .invoke(file.toString(), fileKey);
            return rows.stream().map(r -> new MetaRow((Integer) r[0], (Integer) r[1], (String) r[2])).toList();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static long rows(Path file, char[] fileKey, int tableId, Consumer<Object[]> sink) {
        try {
            return (long) handle("rows", MethodType.methodType(long.class, String.class, char[].class, int.class, Consumer.class))
                    .invoke(file.toString(), fileKey, tableId, sink);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    static boolean hasTable(Path file, char[] fileKey, int tableId) {
        try {
            return (boolean) handle("hasTable", MethodType.methodType(boolean.class, String.class, char[].class, int.class))
                    .invoke(file.toString(), fileKey, tableId);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** The reader's class as the isolated loader defines it; for tests. */
    static Class<?> readerClass() throws ClassNotFoundException {
        return Class.forName(READER, true, loader());
    }

    private static MethodHandle handle(String name, MethodType type) throws ReflectiveOperationException {
        return MethodHandles.publicLookup().findStatic(readerClass(), name, type);
    }

    private static Loader loader() {
        Loader l = loader;
        if (l == null) {
            synchronized (IsolatedStore.class) {
                if (loader == null) loader = new Loader(IsolatedStore.class.getClassLoader());
                l = loader;
            }
        }
        return l;
    }

    /**
     * Defines H2's classes and the reader from the app's own class path, refuses every other class that is not the
     * JDK's ({@link ClassLoader#getPlatformClassLoader()} is the parent).
     */
    static final class Loader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        private final ClassLoader source;

        Loader(ClassLoader source) {
            super("huikuan-isolated-h2", ClassLoader.getPlatformClassLoader());
            this.source = source;
        }

        static boolean visible(String className) {
            return className.startsWith("org.h2.") || className.equals(READER) || className.startsWith(READER + "$");
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            if (!visible(name)) throw new ClassNotFoundException(name + " is not visible to the isolated H2 reader");
            String resource = name.replace('.', '/') + ".class";
            try (InputStream in = source.getResourceAsStream(resource)) {
                if (in == null) throw new ClassNotFoundException(name);
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        @Override
        protected URL findResource(String name) {
            return name.startsWith("org/h2/") ? source.getResource(name) : null;
        }

        @Override
        protected Enumeration<URL> findResources(String name) throws IOException {
            return name.startsWith("org/h2/") ? source.getResources(name) : Collections.emptyEnumeration();
        }
    }
}
