package cn.huikuan.cli;

import cn.huikuan.persistence.PostgresServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code huikuan team …} (issue 22) against a real PostgreSQL server: an office set up from the command line. */
class TeamCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();

    int team(String... args) {
        return new TeamCommand(new PrintStream(out, true, StandardCharsets.UTF_8), env::get).run(args);
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anOfficeIsSetUpStaffedAndGrantedFromTheCommandLine() throws SQLException {
        String url = PostgresServer.get().createDatabase("cli_office");
        env.put("HUIKUAN_DB_PASSWORD", PostgresServer.SUPERUSER_PASSWORD);
        assertThat(team("init", "--db", url, "--login", "postgres")).isZero();
        env.put("HUIKUAN_NEW_PASSWORD", "owner-pass-1");
        assertThat(team("add-user", "--db", url, "--login", "postgres", "--user", "wang", "--role", "owner")).isZero();
        env.put("HUIKUAN_DB_PASSWORD", "owner-pass-1");
        env.put("HUIKUAN_NEW_PASSWORD", "clerk-pass-1");
        assertThat(team("add-user", "--db", url, "--login", "wang", "--user", "zhao", "--role", "bookkeeper")).isZero();
        assertThat(team("add-book", "--db", url, "--login", "wang", "--name", "王氏建材")).isZero();
        String schema = printed().lines().filter(l -> l.startsWith("已建账本")).findFirst().orElseThrow().split(":\\s+")[1].split("\\s+")[0];
        assertThat(team("grant", "--db", url, "--login", "wang", "--user", "zhao", "--book", schema)).isZero();
        assertThat(team("list", "--db", url, "--login", "wang")).isZero();
        assertThat(printed()).contains("zhao\t记账员 bookkeeper\t" + schema, "wang\t负责人 owner");
        // the grant is the server's: zhao's own connection reads the book
        try (var c = DriverManager.getConnection(url, "zhao", "clerk-pass-1"); var s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM " + schema + ".receivable").close();
        }
    }

    @Test
    void aPcsBooksArePushedToTheServerAndPulledBackFromTheCommandLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path work) {
        String url = PostgresServer.get().createDatabase("cli_move");
        env.put("HUIKUAN_DB_PASSWORD", PostgresServer.SUPERUSER_PASSWORD);
        assertThat(team("init", "--db", url, "--login", "postgres")).isZero();
        env.put("HUIKUAN_NEW_PASSWORD", "mover-pass-1");
        assertThat(team("add-user", "--db", url, "--login", "postgres", "--user", "mover", "--role", "owner")).isZero();
        java.nio.file.Path pc = work.resolve("pc");
        try (var b = cn.huikuan.application.Books.open(pc, cn.huikuan.TestClock.fixed())) {
            cn.huikuan.application.SampleData.loadInto(b);
        }
        env.put("HUIKUAN_DB_PASSWORD", "mover-pass-1");
        assertThat(team("push", "--book", pc.toString(), "--db", url, "--login", "mover", "--name", "示例账本")).isZero();
        assertThat(printed()).contains("已上传到服务器 Pushed to the server", "证据文件 Evidence files: 6", "21 条 entries", "两边一致 intact on both sides");
        // a second push under the same name (any case) is refused before anything is made
        assertThatThrownBy(() -> team("push", "--book", pc.toString(), "--db", url, "--login", "mover", "--name", "示例账本"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("已有同名账本");
        assertThat(team("pull", "--db", url, "--login", "mover", "--from", "示例账本", "--book", work.resolve("back").toString())).isZero();
        assertThat(printed()).contains("已下载到本机 Pulled to this PC");
        assertThatThrownBy(() -> team("pull", "--db", url, "--login", "mover", "--from", "示例账本", "--book", pc.toString()))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("never merges");
    }

    @Test
    void badInputIsAUsageErrorWithExitCode2() {
        env.put("HUIKUAN_DB_PASSWORD", "whatever");
        assertThatThrownBy(() -> team()).isInstanceOf(Cli.UsageException.class);
        assertThatThrownBy(() -> team("grant", "--user", "zhao", "--book", "book_1")).isInstanceOf(Cli.UsageException.class).hasMessageContaining("--db");
        assertThatThrownBy(() -> team("list", "--db", "jdbc:h2:/tmp/x")).isInstanceOf(Cli.UsageException.class).hasMessageContaining("PostgreSQL");
        env.remove("HUIKUAN_DB_PASSWORD");
        assertThatThrownBy(() -> team("list", "--db", "jdbc:postgresql://127.0.0.1:1/x")).isInstanceOf(Cli.UsageException.class)
                .hasMessageContaining("HUIKUAN_DB_PASSWORD");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(cli.run("team", "frobnicate")).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("huikuan: ").contains("team");
    }

    static java.sql.Connection as(String url, String login, String password) throws SQLException {
        return DriverManager.getConnection(url, login, password);
    }

    static String insertCreditor(String schema) {
        return "INSERT INTO " + schema + ".creditor (version, kind, name, created_at) VALUES (0, 'COMPANY', '某某公司', now())";
    }

    static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable sql, String state) {
        assertThatThrownBy(sql).isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo(state));
    }

    /** An office with an owner, two bookkeepers and a book, each staff member's own journal entries in it. */
    String lifeOffice(String db, java.nio.file.Path pc) {
        String url = PostgresServer.get().createDatabase(db);
        env.put("HUIKUAN_DB_PASSWORD", PostgresServer.SUPERUSER_PASSWORD);
        assertThat(team("init", "--db", url, "--login", "postgres")).isZero();
        env.put("HUIKUAN_NEW_PASSWORD", "boss-pass-1");
        assertThat(team("add-user", "--db", url, "--login", "postgres", "--user", db + "_boss", "--role", "owner")).isZero();
        env.put("HUIKUAN_DB_PASSWORD", "boss-pass-1");
        env.put("HUIKUAN_NEW_PASSWORD", "clerk-pass-1");
        assertThat(team("add-user", "--db", url, "--login", db + "_boss", "--user", db + "_clerk", "--role", "bookkeeper")).isZero();
        env.put("HUIKUAN_NEW_PASSWORD", "temp-pass-1");
        assertThat(team("add-user", "--db", url, "--login", db + "_boss", "--user", db + "_temp", "--role", "bookkeeper")).isZero();
        env.remove("HUIKUAN_NEW_PASSWORD");
        assertThat(team("add-book", "--db", url, "--login", db + "_boss", "--name", "王氏建材")).isZero();
        assertThat(team("grant", "--db", url, "--login", db + "_boss", "--user", db + "_clerk", "--book", "book_1")).isZero();
        assertThat(team("grant", "--db", url, "--login", db + "_boss", "--user", db + "_temp", "--book", "book_1")).isZero();
        try (var b = cn.huikuan.application.Books.openOffice(pc, url, db + "_temp", "temp-pass-1".toCharArray(), "book_1", cn.huikuan.TestClock.fixed())) {
            cn.huikuan.application.SampleData.loadInto(b);
        }
        return url;
    }

    @Test
    void anOwnerRemovesAStaffMemberWhoThenCannotLogInAndTheJournalKeepsTheirName(@org.junit.jupiter.api.io.TempDir java.nio.file.Path pc) throws SQLException {
        String url = lifeOffice("life_rm", pc);
        assertThat(team("remove-user", "life_rm_temp", "--db", url, "--login", "life_rm_boss")).isZero();
        assertThat(printed()).contains("已删除员工 Staff member removed: life_rm_temp");
        assertRefused(() -> as(url, "life_rm_temp", "temp-pass-1").close(), "28P01");
        assertThat(team("list", "--db", url, "--login", "life_rm_boss")).isZero();
        assertThat(printed()).contains("life_rm_clerk\t").doesNotContain("life_rm_temp\t");
        try (var c = as(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); var s = c.createStatement();
             var rs = s.executeQuery("SELECT (SELECT count(*) FROM book_1.audit_entry WHERE staff = 'life_rm_temp'),"
                     + " (SELECT count(*) FROM huikuan.book_grant WHERE login = 'life_rm_temp'), (SELECT count(*) FROM pg_roles WHERE rolname = 'life_rm_temp')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(21);   // the sample case's entries, written by the removed member, unchanged
            assertThat(rs.getInt(2)).isZero();
            assertThat(rs.getInt(3)).isZero();
        }
        VerifyCommand v = new VerifyCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        v.env = env::get;
        new picocli.CommandLine(v).parseArgs("--db", url, "--book", "book_1", "--login", "life_rm_boss");
        assertThat(v.call()).isZero();
        // the office's other staff and the server's administrator are not staff to remove here, nor is oneself
        assertThatThrownBy(() -> team("remove-user", "postgres", "--db", url, "--login", "life_rm_boss"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("没有这位员工");
        assertThatThrownBy(() -> team("remove-user", "life_rm_boss", "--db", url, "--login", "life_rm_boss"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("不能删除自己");
    }

    @Test
    void aBookkeeperIsRefusedEveryStaffAndBookChangeByTheServer(@org.junit.jupiter.api.io.TempDir java.nio.file.Path pc) throws SQLException {
        String url = lifeOffice("life_no", pc);
        env.put("HUIKUAN_DB_PASSWORD", "clerk-pass-1");
        env.put("HUIKUAN_NEW_PASSWORD", "stolen-pass-1");
        for (String[] cmd : new String[][] {{"remove-user", "life_no_temp"}, {"set-role", "life_no_clerk", "owner"}, {"set-role", "life_no_temp", "reader"},
                {"set-password", "life_no_temp"}, {"rename-book", "book_1", "别的名字"}, {"add-book", "--name", "另一个账本"}}) {
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(cmd), java.util.stream.Stream.of("--db", url, "--login", "life_no_clerk"))
                    .toArray(String[]::new);
            // refused by the server (Cli: exit 1, one line)
            assertThatThrownBy(() -> team(args)).as(String.join(" ", cmd)).isInstanceOf(cn.huikuan.application.TeamAdmin.TeamException.class)
                    .hasMessageContaining("只有负责人可以这样操作");
        }
        // nothing changed: the other bookkeeper still logs in with their password and writes, the book keeps its name
        try (var c = as(url, "life_no_temp", "temp-pass-1"); var s = c.createStatement()) {
            s.execute(insertCreditor("book_1"));
        }
        try (var c = as(url, "life_no_clerk", "clerk-pass-1"); var s = c.createStatement(); var rs = s.executeQuery("SELECT name FROM huikuan.my_books")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("王氏建材");
        }
        // a bookkeeper may change their own password (PostgreSQL lets every login), asked when not in the environment
        env.remove("HUIKUAN_NEW_PASSWORD");
        assertThat(new TeamCommand(new PrintStream(out, true, StandardCharsets.UTF_8), env::get, prompt -> "clerk-pass-2".toCharArray())
                .run(new String[] {"set-password", "life_no_clerk", "--db", url, "--login", "life_no_clerk"})).isZero();
        as(url, "life_no_clerk", "clerk-pass-2").close();
    }

    @Test
    void anOwnerChangesRolesAndTheServerFollows(@org.junit.jupiter.api.io.TempDir java.nio.file.Path pc) throws SQLException {
        String url = lifeOffice("life_role", pc);
        assertThat(team("set-role", "life_role_clerk", "reader", "--db", url, "--login", "life_role_boss")).isZero();
        assertThat(printed()).contains("已更改角色 Role changed: life_role_clerk → 只读 read-only");
        try (var c = as(url, "life_role_clerk", "clerk-pass-1"); var s = c.createStatement()) {
            s.executeQuery("SELECT count(*) FROM book_1.receivable").close();   // the book is still theirs to read
            assertRefused(() -> s.execute(insertCreditor("book_1")), "42501");
        }
        assertThat(team("list", "--db", url, "--login", "life_role_boss")).isZero();
        assertThat(printed()).contains("life_role_clerk\t只读 read-only\tbook_1");
        // back to bookkeeper: writes again; made an owner: adds staff, and the previous owner's demotion works
        assertThat(team("set-role", "--user", "life_role_clerk", "--role", "bookkeeper", "--db", url, "--login", "life_role_boss")).isZero();
        try (var c = as(url, "life_role_clerk", "clerk-pass-1"); var s = c.createStatement()) {
            s.execute(insertCreditor("book_1"));
        }
        assertThat(team("set-role", "life_role_clerk", "owner", "--db", url, "--login", "life_role_boss")).isZero();
        env.put("HUIKUAN_DB_PASSWORD", "clerk-pass-1");
        env.put("HUIKUAN_NEW_PASSWORD", "new-pass-12");
        assertThat(team("add-user", "--db", url, "--login", "life_role_clerk", "--user", "life_role_new", "--role", "reader")).isZero();
        assertThat(team("set-role", "life_role_boss", "bookkeeper", "--db", url, "--login", "life_role_clerk")).isZero();
        env.put("HUIKUAN_DB_PASSWORD", "boss-pass-1");
        assertThatThrownBy(() -> team("add-user", "--db", url, "--login", "life_role_boss", "--user", "life_role_x", "--role", "reader"))
                .isInstanceOf(cn.huikuan.application.TeamAdmin.TeamException.class);
        // an owner cannot demote themselves (the office could be left without one); bad roles are bad input
        env.put("HUIKUAN_DB_PASSWORD", "clerk-pass-1");
        assertThatThrownBy(() -> team("set-role", "life_role_clerk", "reader", "--db", url, "--login", "life_role_clerk"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("负责人不能取消自己的负责人角色");
        assertThatThrownBy(() -> team("set-role", "life_role_new", "boss", "--db", url, "--login", "life_role_clerk"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("role must be");
    }

    @Test
    void anOwnerResetsAPasswordFromTheEnvironmentOrAsked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path pc) throws SQLException {
        String url = lifeOffice("life_pw", pc);
        env.put("HUIKUAN_NEW_PASSWORD", "reset-pass-1");
        assertThat(team("set-password", "life_pw_clerk", "--db", url, "--login", "life_pw_boss")).isZero();
        assertThat(printed()).contains("已重设密码 Password set: life_pw_clerk").doesNotContain("reset-pass-1");
        assertRefused(() -> as(url, "life_pw_clerk", "clerk-pass-1").close(), "28P01");
        as(url, "life_pw_clerk", "reset-pass-1").close();
        env.remove("HUIKUAN_NEW_PASSWORD");
        assertThat(new TeamCommand(new PrintStream(out, true, StandardCharsets.UTF_8), env::get, prompt -> "asked-pass-1".toCharArray())
                .run(new String[] {"set-password", "life_pw_temp", "--db", url, "--login", "life_pw_boss"})).isZero();
        as(url, "life_pw_temp", "asked-pass-1").close();
        // nobody to ask (no console) and nothing in the environment: bad input, nothing changed; too short likewise
        assertThatThrownBy(() -> new TeamCommand(new PrintStream(out, true, StandardCharsets.UTF_8), env::get, prompt -> null)
                .run(new String[] {"set-password", "life_pw_temp", "--db", url, "--login", "life_pw_boss"}))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("HUIKUAN_NEW_PASSWORD");
        env.put("HUIKUAN_NEW_PASSWORD", "short");
        assertThatThrownBy(() -> team("set-password", "life_pw_temp", "--db", url, "--login", "life_pw_boss"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("8");
        as(url, "life_pw_temp", "asked-pass-1").close();
    }

    @Test
    void booksAreRenamedAndNoTwoShareANameIgnoringCase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path pc) throws SQLException {
        String url = lifeOffice("life_name", pc);
        assertThatThrownBy(() -> team("add-book", "--db", url, "--login", "life_name_boss", "--name", " 王氏建材 "))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("已有同名账本（book_1「王氏建材」）");
        assertThat(team("add-book", "--db", url, "--login", "life_name_boss", "--name", "ABC Trading")).isZero();
        assertThatThrownBy(() -> team("add-book", "--db", url, "--login", "life_name_boss", "--name", "abc trading"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("already exists");
        assertThat(team("rename-book", "王氏建材", "王氏建材（城东店）", "--db", url, "--login", "life_name_boss")).isZero();
        assertThat(printed()).contains("已改名 Book renamed: book_1  王氏建材（城东店）");
        assertThatThrownBy(() -> team("rename-book", "book_1", "abc TRADING", "--db", url, "--login", "life_name_boss"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("已有同名账本");
        // a book keeps its own name in another case
        assertThat(team("rename-book", "--book", "book_2", "--name", "Abc Trading", "--db", url, "--login", "life_name_boss")).isZero();
        try (var c = as(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); var s = c.createStatement();
             var rs = s.executeQuery("SELECT string_agg(schema_name || '=' || name, ',' ORDER BY schema_name) FROM huikuan.book")) {
            rs.next();
            // no schema was left behind by the refused add-book
            assertThat(rs.getString(1)).isEqualTo("book_1=王氏建材（城东店）,book_2=Abc Trading");
        }
        try (var c = as(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(*) FROM pg_namespace WHERE nspname LIKE 'book\\_%'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
        }
        // the server guards the names too: an owner's own SQL client cannot add a second book of a name
        try (var c = as(url, "life_name_boss", "boss-pass-1"); var s = c.createStatement()) {
            s.execute("SET ROLE huikuan_owner");
            assertRefused(() -> s.execute("INSERT INTO huikuan.book (schema_name, name) VALUES ('book_99', 'abc trading')"), "23505");
        }
        // an office set up before that guard is given it at team upgrade, once its names are unique
        try (var c = as(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); var s = c.createStatement()) {
            s.execute("DROP INDEX huikuan.book_name_unique");
            s.execute("UPDATE huikuan.book SET name = 'abc trading' WHERE schema_name = 'book_1'");   // two books of one name
            assertThat(team("upgrade", "--db", url, "--login", "life_name_boss")).isZero();
            assertThat(nameIndexes(s)).isZero();
            s.execute("UPDATE huikuan.book SET name = '王氏建材' WHERE schema_name = 'book_1'");
        }
        assertThat(team("upgrade", "--db", url, "--login", "life_name_boss")).isZero();
        try (var c = as(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); var s = c.createStatement()) {
            assertThat(nameIndexes(s)).isEqualTo(1);
        }
    }

    static int nameIndexes(java.sql.Statement s) throws SQLException {
        try (var rs = s.executeQuery("SELECT count(*) FROM pg_indexes WHERE schemaname = 'huikuan' AND indexname = 'book_name_unique'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
