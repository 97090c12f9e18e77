package cn.huikuan.application;

import cn.huikuan.persistence.Database;
import cn.huikuan.persistence.OfficeServer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Staff and books of an office on one PostgreSQL server (team mode, issue 22, decision 0014), enforced by the
 * database itself: each staff member is a login role in one of three group roles, each book a schema, and what a
 * staff member may do with a book is what PostgreSQL grants them on its schema — so their own SQL client can do no
 * more than the app.
 * <ul>
 *   <li>{@link Role#OWNER} ({@code huikuan_owner}): manages staff and books; owns every book's tables.</li>
 *   <li>{@link Role#BOOKKEEPER} ({@code huikuan_bookkeeper}): reads and writes the books granted to them; the journal
 *       ({@code audit_entry}) only grows: no update or delete on it.</li>
 *   <li>{@link Role#READ_ONLY} ({@code huikuan_readonly}): reads the books granted to them.</li>
 * </ul>
 * The office's list of books ({@code huikuan.book}) is the owners'; other staff see only the books they may open
 * ({@code huikuan.my_books}). Grants are recorded ({@code huikuan.book_grant}) and given again on tables a later
 * migration adds ({@link #regrant}).
 */
public final class TeamAdmin {
    /** A staff member's kind, as the group role they belong to. */
    public enum Role {
        OWNER("huikuan_owner", "负责人", "owner"),
        BOOKKEEPER("huikuan_bookkeeper", "记账员", "bookkeeper"),
        READ_ONLY("huikuan_readonly", "只读", "read-only");

        private final String group;
        private final String zh;
        private final String en;

        Role(String group, String zh, String en) {
            this.group = group;
            this.zh = zh;
            this.en = en;
        }

        public String group() {
            return group;
        }

        public String zh() {
            return zh;
        }

        public String en() {
            return en;
        }

        /** {@code owner}, {@code bookkeeper}, {@code read-only} (or {@code readonly}, {@code reader}). */
        public static Role of(String id) {
            return switch (id.toLowerCase(Locale.ROOT)) {
                case "owner" -> OWNER;
                case "bookkeeper" -> BOOKKEEPER;
                case "read-only", "readonly", "reader" -> READ_ONLY;
                default -> throw new IllegalArgumentException("role must be owner, bookkeeper or reader (read-only) / 角色应为 owner（负责人）、"
                        + "bookkeeper（记账员）或 reader（只读，也可写 read-only）: " + id);
            };
        }
    }

    /** One office book: its schema and its name. */
    public record Book(String schema, String name) {
    }

    /** One staff member: login, role, and the schemas of the books granted to them. */
    public record StaffMember(String login, Role role, List<String> books) {
    }

    private static final Pattern LOGIN = Pattern.compile("[a-z][a-z0-9_]{1,62}");
    private static final Pattern SCHEMA = Pattern.compile("book_\\d{1,9}");

    private final DataSource asSelf;
    private final DataSource asOwnerGroup;

    private TeamAdmin(DataSource asSelf, DataSource asOwnerGroup) {
        this.asSelf = asSelf;
        this.asOwnerGroup = asOwnerGroup;
    }

    /** Acting as {@code login} on the server at {@code url} (jdbc:postgresql://HOST:PORT/DB). */
    public static TeamAdmin connect(String url, String login, char[] password) {
        return new TeamAdmin(OfficeServer.dataSource(url, login, password, null),
                OfficeServer.dataSource(url, login, password, Role.OWNER.group()));
    }

    /**
     * Sets up an office database once (again: nothing changes): the three group roles and the list of books. Run by
     * the server's administrator (a role that may create roles), who then adds the first owner.
     */
    public void init() {
        sql(asSelf, c -> {
            try (Statement s = c.createStatement()) {
                for (Role r : Role.values()) {
                    try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                        q.setString(1, r.group());
                        try (ResultSet rs = q.executeQuery()) {
                            if (!rs.next()) s.execute("CREATE ROLE " + r.group() + " NOLOGIN");
                        }
                    }
                }
                String db;
                try (ResultSet rs = s.executeQuery("SELECT current_database()")) {
                    rs.next();
                    db = rs.getString(1);
                }
                s.execute("GRANT CREATE ON DATABASE " + ident(db) + " TO huikuan_owner");
                s.execute("CREATE SCHEMA IF NOT EXISTS huikuan AUTHORIZATION huikuan_owner");
                s.execute("SET ROLE huikuan_owner");
                s.execute("CREATE SEQUENCE IF NOT EXISTS huikuan.book_number");
                s.execute("CREATE TABLE IF NOT EXISTS huikuan.book (schema_name VARCHAR(63) PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                        + " created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), created_by VARCHAR(63) NOT NULL DEFAULT session_user)");
                s.execute("CREATE TABLE IF NOT EXISTS huikuan.book_grant (schema_name VARCHAR(63) NOT NULL REFERENCES huikuan.book ON DELETE CASCADE,"
                        + " login VARCHAR(63) NOT NULL, PRIMARY KEY (schema_name, login))");
                uniqueBookNames(c);
                s.execute("CREATE OR REPLACE VIEW huikuan.my_books AS SELECT schema_name, name FROM huikuan.book"
                        + " WHERE has_schema_privilege(schema_name, 'USAGE')");
                s.execute("GRANT USAGE ON SCHEMA huikuan TO huikuan_bookkeeper, huikuan_readonly");
                s.execute("GRANT SELECT ON huikuan.my_books TO huikuan_bookkeeper, huikuan_readonly");
                s.execute("RESET ROLE");
            }
            return null;
        });
    }

    /** Adds a staff member: a login role in {@code role}'s group, with {@code password} (hashed before it is sent). */
    public void addUser(String login, Role role, char[] password) {
        checkLogin(login);
        checkPassword(password);
        sql(asSelf, c -> {
            try (Statement s = c.createStatement()) {
                // an owner manages staff: they may create roles (never superusers) and grant the groups
                s.execute("CREATE ROLE " + ident(login) + " LOGIN" + (role == Role.OWNER ? " CREATEROLE" : ""));
                s.execute("GRANT " + role.group() + " TO " + ident(login) + (role == Role.OWNER ? " WITH ADMIN OPTION" : ""));
                if (role == Role.OWNER) {
                    for (Role r : Role.values()) if (r != Role.OWNER) s.execute("GRANT " + r.group() + " TO " + ident(login) + " WITH ADMIN OPTION");
                }
            }
            OfficeServer.setPassword(c, login, password);
            return null;
        });
    }

    /**
     * A new book: its schema made by the same migrations as an H2 book, owned by the owners' group. Its name must differ
     * from every other book's (ignoring case and surrounding spaces): two books of one name could be opened by mistake.
     */
    public Book addBook(String name) {
        String wanted = checkBookName(name);
        sql(asOwnerGroup, c -> {
            refuseTakenName(c, wanted, null);
            return null;
        });
        String schema = sql(asOwnerGroup, c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT nextval('huikuan.book_number')")) {
                rs.next();
                return "book_" + rs.getLong(1);
            }
        });
        Database.migratePostgresqlBook(asOwnerGroup, schema);
        try {
            transaction(asOwnerGroup, c -> {
                lockBooks(c);
                refuseTakenName(c, wanted, null);   // again, under the lock: another owner may have added it meanwhile
                try (PreparedStatement p = c.prepareStatement("INSERT INTO huikuan.book (schema_name, name) VALUES (?, ?)")) {
                    p.setString(1, schema);
                    p.setString(2, wanted);
                    p.executeUpdate();
                }
                return null;
            });
        } catch (RuntimeException e) {
            removeBook(schema);
            throw e;
        }
        return new Book(schema, wanted);
    }

    /** Gives the book in {@code schema} a new name (unique as {@link #addBook}'s). For owners; the book's records are untouched. */
    public Book renameBook(String schema, String newName) {
        checkSchema(schema);
        String wanted = checkBookName(newName);
        transaction(asOwnerGroup, c -> {
            lockBooks(c);
            refuseTakenName(c, wanted, schema);
            try (PreparedStatement p = c.prepareStatement("UPDATE huikuan.book SET name = ? WHERE schema_name = ?")) {
                p.setString(1, wanted);
                p.setString(2, schema);
                if (p.executeUpdate() == 0) throw new IllegalArgumentException("no such book on the server / 服务器上没有这个账本: " + schema);
            }
            return null;
        });
        return new Book(schema, wanted);
    }

    /**
     * Removes a staff member: first every book's grants to them are revoked (so none of their sessions reads a book
     * from then on), then their login role is dropped and they can no longer log in. The journal keeps their name in
     * the entries they wrote (entries are never changed). For owners: the server refuses anyone else.
     */
    public void removeUser(String login) {
        checkLogin(login);
        roleOf(login);
        transaction(asSelf, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL ROLE huikuan_owner");   // the server refuses this to all but owners
                if (login.equals(sessionUser(c))) {
                    throw new IllegalArgumentException("nobody removes themselves: another owner does / 不能删除自己，请由另一位负责人操作");
                }
                for (String schema : allBooks(c)) revokeOn(s, schema, login);
                try (PreparedStatement p = c.prepareStatement("DELETE FROM huikuan.book_grant WHERE login = ?")) {
                    p.setString(1, login);
                    p.executeUpdate();
                }
                s.execute("RESET ROLE");   // dropping a role is the login's own right (CREATEROLE), not the group's
                s.execute("DROP ROLE " + ident(login));
            }
            return null;
        });
    }

    /**
     * Makes {@code login} a member of {@code role}'s group instead of their present one, and gives the books granted to
     * them again as the new role may use them (a read-only member: read only). For owners; an owner does not take
     * their own owner role away (the office could be left without one).
     */
    public void setRole(String login, Role role) {
        checkLogin(login);
        Role old = roleOf(login);
        transaction(asSelf, c -> {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL ROLE huikuan_owner");   // the server refuses this to all but owners
                if (old == role) return null;
                if (old == Role.OWNER && login.equals(sessionUser(c))) {
                    throw new IllegalArgumentException("an owner does not take away their own owner role: another owner does / "
                            + "负责人不能取消自己的负责人角色，请由另一位负责人操作");
                }
                List<String> granted = new ArrayList<>();
                try (PreparedStatement p = c.prepareStatement("SELECT schema_name FROM huikuan.book_grant WHERE login = ? ORDER BY schema_name")) {
                    p.setString(1, login);
                    try (ResultSet rs = p.executeQuery()) {
                        while (rs.next()) granted.add(rs.getString(1));
                    }
                }
                // group memberships are granted with the owner's own admin option, as at addUser
                s.execute("RESET ROLE");
                for (Role r : Role.values()) {
                    if (isMember(c, login, r)) s.execute("REVOKE " + r.group() + " FROM " + ident(login));
                }
                s.execute("ALTER ROLE " + ident(login) + (role == Role.OWNER ? " CREATEROLE" : " NOCREATEROLE"));
                s.execute("GRANT " + role.group() + " TO " + ident(login) + (role == Role.OWNER ? " WITH ADMIN OPTION" : ""));
                if (role == Role.OWNER) {
                    for (Role r : Role.values()) if (r != Role.OWNER) s.execute("GRANT " + r.group() + " TO " + ident(login) + " WITH ADMIN OPTION");
                }
                s.execute("SET LOCAL ROLE huikuan_owner");
                for (String schema : granted) {
                    revokeOn(s, schema, login);
                    grantOn(c, login, role, schema);
                }
                s.execute("RESET ROLE");
            }
            return null;
        });
    }

    /**
     * Gives {@code login} a new password (hashed before it is sent). For owners; a staff member may also change their
     * own (PostgreSQL lets every login do that).
     */
    public void setPassword(String login, char[] password) {
        checkLogin(login);
        checkPassword(password);
        roleOf(login);
        transaction(asSelf, c -> {
            if (!login.equals(sessionUser(c))) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL ROLE huikuan_owner");   // the server refuses this to all but owners
                    s.execute("RESET ROLE");
                }
            }
            OfficeServer.setPassword(c, login, password);
            return null;
        });
    }

    /**
     * Removes a book and everything in it: only for a book a failed {@code team push} has just made (the office's
     * owners, who own the books' schemas, may; nobody else can).
     */
    void removeBook(String schema) {
        checkSchema(schema);
        transaction(asOwnerGroup, c -> {
            try (Statement s = c.createStatement(); PreparedStatement p = c.prepareStatement("DELETE FROM huikuan.book WHERE schema_name = ?")) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
                p.setString(1, schema);
                p.executeUpdate();
            }
            return null;
        });
    }

    /** Lets {@code login} open the book in {@code schema}: read and write, or read only for a read-only member. */
    public void grant(String login, String schema) {
        checkLogin(login);
        checkSchema(schema);
        Role role = roleOf(login);
        transaction(asOwnerGroup, c -> {
            try (PreparedStatement p = c.prepareStatement("INSERT INTO huikuan.book_grant (schema_name, login) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
                p.setString(1, schema);
                p.setString(2, login);
                p.executeUpdate();
                grantOn(c, login, role, schema);
            }
            return null;
        });
    }

    /** Takes the book in {@code schema} away from {@code login}: from then on the server refuses every read of it. */
    public void revoke(String login, String schema) {
        checkLogin(login);
        checkSchema(schema);
        transaction(asOwnerGroup, c -> {
            try (Statement s = c.createStatement();
                 PreparedStatement p = c.prepareStatement("DELETE FROM huikuan.book_grant WHERE schema_name = ? AND login = ?")) {
                revokeOn(s, schema, login);
                p.setString(1, schema);
                p.setString(2, login);
                p.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Brings every book of the office to this version of the app's schema (the same migrations as an H2 book) and gives
     * their recorded grants again, on every table they now have (a migration may add tables, which the grants given
     * before did not cover). For the office's owners, after installing a new version; books already current only get
     * their grants again. Returns the books.
     */
    public List<Book> upgradeBooks() {
        List<Book> books = sql(asOwnerGroup, c -> {
            List<Book> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT schema_name, name FROM huikuan.book ORDER BY schema_name")) {
                while (rs.next()) out.add(new Book(rs.getString(1), rs.getString(2)));
            }
            return out;
        });
        sql(asOwnerGroup, c -> {
            uniqueBookNames(c);   // an office set up before the index: given it now, if its names allow
            return null;
        });
        for (Book b : books) {
            Database.migratePostgresqlBook(asOwnerGroup, b.schema());
            regrant(b.schema());
        }
        return books;
    }

    /** Gives the recorded grants of {@code schema} again, on every table it now has (after a migration added some). */
    public void regrant(String schema) {
        checkSchema(schema);
        List<String> logins = sql(asOwnerGroup, c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement p = c.prepareStatement("SELECT login FROM huikuan.book_grant WHERE schema_name = ? ORDER BY login")) {
                p.setString(1, schema);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) out.add(rs.getString(1));
                }
            }
            return out;
        });
        for (String login : logins) grant(login, schema);
    }

    /** The books the acting staff member may open (an owner: every book). */
    public List<Book> myBooks() {
        return sql(asSelf, c -> {
            List<Book> out = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT schema_name, name FROM huikuan.my_books ORDER BY name, schema_name")) {
                while (rs.next()) out.add(new Book(rs.getString(1), rs.getString(2)));
            }
            return out;
        });
    }

    /** Who may do what: every staff member, their role and the books granted to them. For owners. */
    public List<StaffMember> staff() {
        return sql(asOwnerGroup, c -> {
            Map<String, StaffMember> out = new LinkedHashMap<>();
            try (PreparedStatement p = c.prepareStatement(MEMBERSHIPS + " ORDER BY u.rolname"); ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    Role r = groupRole(rs.getString(2));
                    StaffMember old = out.get(rs.getString(1));
                    if (old == null || r.ordinal() < old.role().ordinal()) out.put(rs.getString(1), new StaffMember(rs.getString(1), r, new ArrayList<>()));
                }
            }
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT login, schema_name FROM huikuan.book_grant ORDER BY schema_name")) {
                while (rs.next()) {
                    StaffMember m = out.get(rs.getString(1));
                    if (m != null) m.books().add(rs.getString(2));
                }
            }
            return List.copyOf(out.values());
        });
    }

    // ------------------------------------------------------------------

    private static void revokeOn(Statement s, String schema, String login) throws SQLException {
        s.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + schema + " FROM " + ident(login));
        s.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + schema + " FROM " + ident(login));
        s.execute("REVOKE ALL ON SCHEMA " + schema + " FROM " + ident(login));
    }

    private static List<String> allBooks(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT schema_name FROM huikuan.book ORDER BY schema_name")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private static String sessionUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT session_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean isMember(Connection c, String login, Role r) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(MEMBERSHIPS + " AND u.rolname = ? AND g.rolname = ?")) {
            p.setString(1, login);
            p.setString(2, r.group());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The server's own guard on book names (beside {@link #refuseTakenName}, which compares them here, whatever the
     * server's locale): a unique index on {@code lower(name)}, so an owner's own SQL client cannot add a second book of
     * a name either. Made at {@code init} and {@code upgrade}; not while the office still has two books of one name
     * (made before the check): they are renamed first.
     */
    private static void uniqueBookNames(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM huikuan.book GROUP BY lower(name) HAVING count(*) > 1 LIMIT 1")) {
            if (rs.next()) return;
            s.execute("CREATE UNIQUE INDEX IF NOT EXISTS book_name_unique ON huikuan.book (lower(name))");
        }
    }

    /** Other owners' {@code addBook} and {@code renameBook} wait until this transaction ends: two cannot take one name at once. */
    private static void lockBooks(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE huikuan.book IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    /** Refuses {@code name} when a book other than {@code except} has it, ignoring case (compared here, whatever the server's locale). */
    private static void refuseTakenName(Connection c, String name, String except) throws SQLException {
        String key = name.toLowerCase(Locale.ROOT);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT schema_name, name FROM huikuan.book")) {
            while (rs.next()) {
                if (!rs.getString(1).equals(except) && rs.getString(2).strip().toLowerCase(Locale.ROOT).equals(key)) {
                    throw new IllegalArgumentException("a book of that name already exists (" + rs.getString(1) + "): choose another name"
                            + " / 已有同名账本（" + rs.getString(1) + "「" + rs.getString(2) + "」），请换一个名称: " + name);
                }
            }
        }
    }

    private static String checkBookName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("a book needs a name of at most 200 characters / 账本名称不能为空，且不超过 200 个字");
        }
        return name.strip();
    }

    private static void checkPassword(char[] password) {
        if (password == null || password.length < 8) {
            throw new IllegalArgumentException("the password needs at least 8 characters / 密码至少 8 个字符");
        }
    }

    private static void grantOn(Connection c, String login, Role role, String schema) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + ident(login));
            if (role == Role.READ_ONLY) {
                s.execute("GRANT SELECT ON ALL TABLES IN SCHEMA " + schema + " TO " + ident(login));
                return;
            }
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + schema + " TO " + ident(login));
            s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + schema + " TO " + ident(login));
            // the tamper-evident journal only grows, and the schema's history is the migrations'
            s.execute("REVOKE UPDATE, DELETE ON " + schema + ".audit_entry FROM " + ident(login));
            s.execute("REVOKE INSERT, UPDATE, DELETE ON " + schema + ".flyway_schema_history FROM " + ident(login));
        }
    }

    /**
     * Each login's group roles. An owner is also a member of the other two groups (with the right to grant them), so a
     * staff member's role is the first of {@link Role} among their groups.
     */
    private static final String MEMBERSHIPS = "SELECT u.rolname, g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
            + " JOIN pg_roles u ON u.oid = m.member WHERE u.rolcanlogin AND g.rolname IN ('huikuan_owner', 'huikuan_bookkeeper', 'huikuan_readonly')";

    /** {@code login}'s role, read for that login alone. */
    private Role roleOf(String login) {
        Role role = sql(asSelf, c -> {
            Role best = null;
            try (PreparedStatement p = c.prepareStatement(MEMBERSHIPS + " AND u.rolname = ?")) {
                p.setString(1, login);
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        Role r = groupRole(rs.getString(2));
                        if (best == null || r.ordinal() < best.ordinal()) best = r;
                    }
                }
            }
            return best;
        });
        if (role == null) throw new IllegalArgumentException("no such staff member / 没有这位员工: " + login);
        return role;
    }

    private static Role groupRole(String group) {
        for (Role r : Role.values()) if (r.group().equals(group)) return r;
        throw new IllegalStateException(group);
    }

    private static void checkLogin(String login) {
        if (login == null || !LOGIN.matcher(login).matches() || login.startsWith("huikuan_") || login.startsWith("pg_")) {
            throw new IllegalArgumentException("a login is 2–63 lower-case letters, digits or _, starting with a letter / 登录名应为 2–63 个小写字母、"
                    + "数字或下划线，以字母开头: " + login);
        }
    }

    private static void checkSchema(String schema) {
        if (schema == null || !SCHEMA.matcher(schema).matches()) {
            throw new IllegalArgumentException("a book is named by its schema, book_N / 账本以 book_N 表示: " + schema);
        }
    }

    /** A name checked by {@link #checkLogin} or read from the server, quoted. */
    private static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static <T> T sql(DataSource ds, Work<T> work) {
        try (Connection c = ds.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new TeamException(e);
        }
    }

    /** {@code work} in one transaction: committed when it returns, rolled back if it throws. */
    private static void transaction(DataSource ds, Work<?> work) {
        sql(ds, c -> {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            return null;
        });
    }

    /** The server refused or failed: its SQL state says which ({@code 42501}: not permitted; {@code 28P01}: wrong password). */
    public static final class TeamException extends RuntimeException {
        private final String sqlState;

        TeamException(SQLException e) {
            super(message(e), e);
            this.sqlState = e.getSQLState();
        }

        public String sqlState() {
            return sqlState;
        }

        private static String message(SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (String.valueOf(e.getMessage()).contains("set role \"huikuan_owner\"")) {
                return "only the office's owners may do this / 只有负责人可以这样操作";
            }
            return switch (state) {
                case "42501" -> "the server does not permit this to your login / 服务器不允许您的账号这样操作: " + e.getMessage();
                case "23503" -> "no such book on the server / 服务器上没有这个账本";
                case "28P01", "28000" -> "the server refused the login (user name or password) / 服务器拒绝登录（用户名或密码不对）";
                case "42710" -> "already exists / 已存在: " + e.getMessage();
                case "23505" -> "a book of that name already exists: choose another name / 已有同名账本，请换一个名称";
                default -> state.startsWith("08") ? "cannot reach the office server / 无法连接办公室服务器: " + e.getMessage()
                        : "the office server refused / 办公室服务器拒绝了操作: " + e.getMessage();
            };
        }
    }
}
