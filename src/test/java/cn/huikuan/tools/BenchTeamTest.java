package cn.huikuan.tools;

import cn.huikuan.application.TeamAdmin;
import cn.huikuan.cli.Args;
import cn.huikuan.cli.Cli;
import cn.huikuan.persistence.PostgresServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench team} briefly against a real PostgreSQL (issue 22, "Load and faults"): three staff members writing to
 * one shared book for a few seconds, every acknowledged write counted on the server. Its verdict lines are checked,
 * never its timings.
 */
class BenchTeamTest {
    @Test
    void threeClientsForAFewSecondsLoseNothingAndDuplicateNothing() {
        String url = PostgresServer.get().createDatabase("bench_team");
        TeamAdmin admin = TeamAdmin.connect(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray());
        admin.init();
        admin.addUser("tess", TeamAdmin.Role.OWNER, "tess-pw-1234".toCharArray());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = new BenchTeam(out, name -> name.equals(BenchTeam.PASSWORD_ENV) ? "tess-pw-1234" : null)
                .run(new Args(new String[]{"--db", url, "--login", "tess", "--clients", "3", "--seconds", "3"},
                        Set.of("db", "login", "clients", "seconds", "books"), Set.of()));
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(status).as(text).isEqualTo(Cli.OK);
        assertThat(lines.get(lines.size() - 1)).as(text)
                .matches("clients 3, writes [1-9]\\d*, lost 0, duplicated 0, conflicts \\d+, verify intact");
        assertThat(text).containsPattern("payments +[1-9][\\d,]* acknowledged.*lost 0, duplicated 0")
                .contains("contact entries").contains("evidence files").contains("errors 0");
    }
}
