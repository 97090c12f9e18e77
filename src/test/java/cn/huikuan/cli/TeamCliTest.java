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
}
