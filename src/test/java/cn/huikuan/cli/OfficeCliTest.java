package cn.huikuan.cli;

import cn.huikuan.application.Books;
import cn.huikuan.application.SampleData;
import cn.huikuan.application.TeamAdmin;
import cn.huikuan.application.TeamAdmin.Role;
import cn.huikuan.persistence.PostgresServer;
import cn.huikuan.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code verify --db URL --book NAME --login NAME} (issue 22): a command on an office book, against a real server. */
class OfficeCliTest {
    static String url;
    static String schema;

    @TempDir
    static Path pc;

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();

    @BeforeAll
    static void anOfficeBookWithTheSampleCase() {
        url = PostgresServer.get().createDatabase("cli_books");
        TeamAdmin admin = TeamAdmin.connect(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray());
        admin.init();
        admin.addUser("sun", Role.OWNER, "sun-pw-1234".toCharArray());
        TeamAdmin owner = TeamAdmin.connect(url, "sun", "sun-pw-1234".toCharArray());
        owner.addUser("zhou", Role.BOOKKEEPER, "zhou-pw-123".toCharArray());
        schema = owner.addBook("王氏建材").schema();
        owner.addBook("李记餐饮");
        owner.grant("zhou", schema);
        try (Books b = Books.openOffice(pc, url, "zhou", "zhou-pw-123".toCharArray(), schema, TestClock.fixed())) {
            SampleData.loadInto(b);
        }
    }

    int verify(String... args) {
        VerifyCommand v = new VerifyCommand(new PrintStream(out, true, StandardCharsets.UTF_8));
        v.env = env::get;
        new CommandLine(v).parseArgs(args);
        return v.call();
    }

    String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void verifyChecksAnOfficeBookNamedByItsNameAsAStaffMember() throws Exception {
        env.put("HUIKUAN_DB_PASSWORD", "zhou-pw-123");
        assertThat(verify("--db", url, "--book", "王氏建材", "--login", "zhou")).isZero();
        assertThat(printed()).contains(url + " · " + schema + " (zhou)", "Journal entries: 21", "Evidence files checked: 6");
        // an entry changed on the server: verify fails (exit 1), as for a book on a PC
        try (var c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); var s = c.createStatement()) {
            s.executeUpdate("UPDATE " + schema + ".audit_entry SET content = content || ' ' WHERE id = (SELECT MIN(id) FROM " + schema + ".audit_entry)");
            try {
                assertThat(verify("--db", url, "--book", schema, "--login", "zhou")).isEqualTo(Cli.FAILED);
            } finally {
                s.executeUpdate("UPDATE " + schema + ".audit_entry SET content = rtrim(content) WHERE id = (SELECT MIN(id) FROM " + schema + ".audit_entry)");
            }
        }
        assertThat(verify("--db", url, "--book", schema, "--login", "zhou")).isZero();
    }

    @Test
    void theOfficeViewListsTheBooksOfTheLoginWithTheirFiguresAndTasks() {
        env.put("HUIKUAN_DB_PASSWORD", "zhou-pw-123");
        assertThat(new TeamCommand(new PrintStream(out, true, StandardCharsets.UTF_8), env::get).run(
                new String[]{"overview", "--db", url, "--login", "zhou"})).isZero();
        assertThat(printed()).contains("应收余额 Outstanding", schema + " 王氏建材", "合计 Total").doesNotContain("李记餐饮");
    }

    @Test
    void refusalsSayWhyInOneLine() {
        env.put("HUIKUAN_DB_PASSWORD", "zhou-pw-123");
        assertThatThrownBy(() -> verify("--db", url, "--book", "李记餐饮", "--login", "zhou"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("李记餐饮");
        assertThatThrownBy(() -> verify("--db", url, "--login", "zhou"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("--book");
        assertThatThrownBy(() -> verify("--book", "/nowhere", "--login", "zhou"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("--db");
        env.put("HUIKUAN_DB_PASSWORD", "wrong");
        assertThatThrownBy(() -> verify("--db", url, "--book", schema, "--login", "zhou"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("zhou");
        env.remove("HUIKUAN_DB_PASSWORD");
        assertThatThrownBy(() -> verify("--db", url, "--book", schema, "--login", "zhou"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("HUIKUAN_DB_PASSWORD");
        env.put("HUIKUAN_DB_PASSWORD", "zhou-pw-123");
        assertThatThrownBy(() -> verify("--db", url.replaceFirst(":\\d+/", ":1/"), "--book", schema, "--login", "zhou"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("连接不上");
    }

    /** A picocli command of {@link BookCommands} run as the command line would, with this test's environment. */
    @SuppressWarnings("unchecked")
    int run(Object command, String... args) throws Exception {
        new CommandLine(command).parseArgs(args);
        return ((java.util.concurrent.Callable<Integer>) command).call();
    }

    @Test
    void privacyExportAndEraseTakeAnOfficeBookAndOnlyAnOwnerErases(@TempDir Path work) throws Exception {
        TeamAdmin owner = TeamAdmin.connect(url, "sun", "sun-pw-1234".toCharArray());
        String book = owner.addBook("隐私请求").schema();
        owner.grant("zhou", book);
        try (Books b = Books.openOffice(work.resolve("zhou"), url, "zhou", "zhou-pw-123".toCharArray(), book, TestClock.fixed())) {
            SampleData.loadInto(b);
        }
        long id;
        String name;
        try (var c = DriverManager.getConnection(url, "postgres", cn.huikuan.persistence.PostgresServer.SUPERUSER_PASSWORD); var s = c.createStatement();
             var rs = s.executeQuery("SELECT id, name FROM " + book + ".customer ORDER BY id LIMIT 1")) {
            rs.next();
            id = rs.getLong(1);
            name = rs.getString(2);
        }
        BookCommands commands = new BookCommands(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        // a bookkeeper exports the customer's data from the office book, named by its name
        env.put("HUIKUAN_DB_PASSWORD", "zhou-pw-123");
        BookCommands.PrivacyExport export = commands.new PrivacyExport();
        export.env = env::get;
        Path zip = work.resolve("个人信息.zip");
        assertThat(run(export, "--customer", String.valueOf(id), "--out", zip.toString(), "--db", url, "--book", "隐私请求", "--login", "zhou")).isZero();
        assertThat(zip).isNotEmptyFile();
        // but may not erase it: refused by the services (exit 1), nothing erased
        BookCommands.PrivacyErase erase = commands.new PrivacyErase();
        erase.env = env::get;
        assertThatThrownBy(() -> run(erase, "--customer", String.valueOf(id), "--confirm", name, "--db", url, "--book", book, "--login", "zhou"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("删除客户的个人信息须由负责人操作");
        assertThat(customers(book, id)).isEqualTo(1);
        // the owner erases it; the journal still verifies
        env.put("HUIKUAN_DB_PASSWORD", "sun-pw-1234");
        BookCommands.PrivacyErase byOwner = commands.new PrivacyErase();
        byOwner.env = env::get;
        assertThat(run(byOwner, "--customer", String.valueOf(id), "--confirm", name, "--reason", "本人要求", "--db", url, "--book", book, "--login", "sun")).isZero();
        assertThat(printed()).contains("已删除 Erased:", "on the server");
        assertThat(customers(book, id)).isZero();
        assertThat(verify("--db", url, "--book", book, "--login", "sun")).isZero();
    }

    static int customers(String book, long id) throws java.sql.SQLException {
        try (var c = DriverManager.getConnection(url, "postgres", cn.huikuan.persistence.PostgresServer.SUPERUSER_PASSWORD);
             var s = c.createStatement(); var rs = s.executeQuery("SELECT count(*) FROM " + book + ".customer WHERE id = " + id)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void backupOfAnOfficeBookSaysTheServersBackupCoversItAndWritesNothing() throws Exception {
        BookCommands.Backup backup = new BookCommands(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream())).new Backup();
        assertThatThrownBy(() -> run(backup, "--db", url, "--book", schema, "--login", "zhou"))
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("pg_dump").hasMessageContaining("服务器自己的备份");
        // through the command line: one line on stderr, exit 2
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(cli.run("backup", "--db", url, "--book", schema)).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("huikuan: an office book is backed up").doesNotContain("\n");
    }
}
