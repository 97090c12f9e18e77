package cn.huikuan.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code check message} (issue 20): the guard on the command line, its JSON, its file mode and its exit codes. */
class CheckCliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    final ObjectMapper json = new ObjectMapper();

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void blockedMessageInJsonHasFindingsWithSpanBasisReasonAndARewrite() throws Exception {
        assertThat(cli.run("check", "message", "--text", "再不还钱就带人去你家砸东西", "--json")).isZero();
        JsonNode r = json.readTree(out());
        assertThat(r.get("verdict").asText()).isEqualTo("blocked");
        JsonNode f = r.get("findings").get(0);
        assertThat(f.get("category").asText()).isEqualTo("violence");
        assertThat(f.get("span").asText()).isNotBlank();
        assertThat(f.get("basis").get(0).asText()).startsWith("《");
        assertThat(f.get("reason").asText()).isNotBlank();
        assertThat(r.get("rewrite").asText()).contains("依法");
    }

    @Test
    void theDebtorsKindAndTheTimeChangeTheVerdict() throws Exception {
        cli.run("check", "message", "--text", "请联系你的公司财务", "--debtor", "company", "--json");
        assertThat(json.readTree(out()).get("verdict").asText()).isEqualTo("ok");
        out.reset();
        cli.run("check", "message", "--text", "请联系你的公司财务，告诉他们你欠钱", "--debtor", "person", "--json");
        assertThat(json.readTree(out()).get("verdict").asText()).isEqualTo("blocked");
        out.reset();
        cli.run("check", "message", "--text", "您好，请问明天能安排付款吗？", "--at", "2026-12-07T23:30", "--json");
        JsonNode r = json.readTree(out());
        assertThat(r.get("verdict").asText()).isEqualTo("warn");
        assertThat(r.get("findings").get(0).get("policy").asBoolean()).isTrue();
        assertThat(r.get("rewrite").isNull()).isTrue();
    }

    @Test
    void aFileGivesOneResultPerLineInOrder(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("m.txt");
        Files.writeString(f, "弄 死 你\n请于本月底前付款。\n\n你全家都别想好过\n", StandardCharsets.UTF_8);
        assertThat(cli.run("check", "message", "--file", f.toString(), "--json")).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.stream().map(l -> {
            try {
                return json.readTree(l).get("verdict").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).containsExactly("blocked", "ok", "ok", "blocked");
        out.reset();
        assertThat(cli.run("check", "message", "--file", f.toString())).isZero();
        assertThat(out().lines()).hasSize(4).first().asString().startsWith("blocked\tviolence");
    }

    @Test
    void plainOutputNamesTheArticleAndTheRewrite() {
        assertThat(cli.run("check", "message", "--text", "你这个无赖", "--tone", "polite")).isZero();
        assertThat(out()).contains("blocked", "insult", "「无赖」", "《民法典》第一千零二十四条", "改写 rewrite:");
    }

    @Test
    void badInputExitsWithTwoAndOneLine(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, new byte[] {(byte) 0xC4, (byte) 0xE3, '\n'});
        for (String[] args : List.of(new String[] {"check"}, new String[] {"check", "message"}, new String[] {"check", "message", "--text", " "},
                new String[] {"check", "message", "--text", "x", "--file", "y"}, new String[] {"check", "message", "--file", dir.resolve("none").toString()},
                new String[] {"check", "message", "--file", latin1.toString()}, new String[] {"check", "message", "--text", "x", "--debtor", "bank"},
                new String[] {"check", "message", "--text", "x", "--at", "tonight"}, new String[] {"check", "message", "--text", "x", "--tone", "rude"})) {
            err.reset();
            assertThat(cli.run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8).lines()).as(String.join(" ", args)).hasSize(1);
        }
    }
}
