package cn.huikuan.tools;

import cn.huikuan.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench statements} stays runnable (tiny sizes here; the 10,000-line run is in docs/benchmarks.md). */
class BenchStatementsTest {
    @TempDir
    Path dir;

    @Test
    void generatesABookAndAStatementAndRecordsEveryProposalOnce() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = Tools.cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(cli.run("bench", "statements", "--data", dir.toString(), "--lines", "400", "--customers", "30")).isZero();
        String o = out.toString(StandardCharsets.UTF_8);
        Matcher dry = Pattern.compile("dry run: [\\d,]+ ms \\(400 lines, (\\d+) received, (\\d+) proposed\\)").matcher(o);
        assertThat(dry.find()).as(o).isTrue();
        int proposed = Integer.parseInt(dry.group(2));
        assertThat(proposed).as("80 % of the lines are part payments of known debtors").isBetween(280, 360);
        assertThat(o).contains("record the proposals: ").contains("(" + proposed + " payments")
                .contains("(" + proposed + " lines recognised as recorded)").contains("heap used at most");
    }
}
