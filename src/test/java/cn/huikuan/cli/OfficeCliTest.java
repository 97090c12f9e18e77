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
}
