package cn.huikuan.tools;

import cn.huikuan.TestClock;
import cn.huikuan.application.AuditService;
import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.TeamAdmin;
import cn.huikuan.cli.Cli;
import cn.huikuan.persistence.PostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code bench generate} and {@code bench lists} on an office book (issue 22: the 1,000,000-receivable figures on
 * PostgreSQL), against a real server, with tiny sizes: the generated book verifies, its ids continue after the generated
 * ones, the lists run; a book that holds records is refused, and so is a bookkeeper (only owners may set the book's id
 * sequences), before anything is written. Timings are never checked.
 */
class BenchOfficeTest {
    @TempDir
    Path pc;

    @Test
    void generatesAnOfficeBookThatVerifiesAndTimesItsLists() {
        String url = PostgresServer.get().createDatabase("bench_lists");
        TeamAdmin admin = TeamAdmin.connect(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray());
        admin.init();
        admin.addUser("lin", TeamAdmin.Role.OWNER, "lin-pw-12345".toCharArray());
        TeamAdmin lin = TeamAdmin.connect(url, "lin", "lin-pw-12345".toCharArray());
        String schema = lin.addBook("测试大账本").schema();
        lin.addUser("qiu", TeamAdmin.Role.BOOKKEEPER, "qiu-pw-12345".toCharArray());
        lin.grant("qiu", schema);
        BenchCommand asBookkeeper = new BenchCommand(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                Map.of("HUIKUAN_DB_PASSWORD", "qiu-pw-12345")::get);
        assertThatThrownBy(() -> asBookkeeper.run(new String[]{"generate", "--db", url, "--book", schema, "--login", "qiu",
                "--customers", "2", "--receivables", "2", "--payments", "0"})).as("an owner's, refused before anything is written")
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("owners");
        Map<String, String> env = Map.of("HUIKUAN_DB_PASSWORD", "lin-pw-12345");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchCommand bench = new BenchCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8), env::get);

        assertThat(bench.run(new String[]{"generate", "--db", url, "--book", "测试大账本", "--login", "lin",
                "--customers", "20", "--receivables", "300", "--payments", "500"})).isEqualTo(Cli.OK);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("generated 20 customers, 300 receivables, 500 payments", schema + " (lin)");
        try (Books b = Books.openOffice(pc, url, "lin", "lin-pw-12345".toCharArray(), schema, TestClock.fixed())) {
            AuditService.Report r = b.audit().verify();
            assertThat(r.problems()).isEmpty();
            assertThat(r.entries()).isEqualTo(20 + 300 + 500);
            assertThat(b.lists().receivables(b.creditorId(), b.today(), ListQuery.first(50)).total()).isEqualTo(300);
            // the identity sequences continue after the generated ids: the app's next customer is 21
            long next = b.db().withConnection(c -> {
                try (var s = c.createStatement(); var rs = s.executeQuery("SELECT nextval(pg_get_serial_sequence('customer', 'id'))")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(next).isEqualTo(21L);
        }
        bytes.reset();
        assertThat(bench.run(new String[]{"lists", "--db", url, "--book", schema, "--login", "lin", "--runs", "1"})).isEqualTo(Cli.OK);
        String lists = bytes.toString(StandardCharsets.UTF_8);
        assertThat(lists).contains(schema + " (lin)", "receivables, search text", "dashboard (aging totals)", "aging by customer").contains("median");

        assertThatThrownBy(() -> bench.run(new String[]{"generate", "--db", url, "--book", schema, "--login", "lin", "--customers", "1",
                "--receivables", "1", "--payments", "0"})).as("never into a book that holds records")
                .isInstanceOf(Cli.UsageException.class).hasMessageContaining("refusing to add generated data");
    }
}
