package cn.huikuan.cli;

import cn.huikuan.application.Books;
import cn.huikuan.application.SampleData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code verify} with plainly well-formed options runs without picocli's model (issue 25, start-up); every command line
 * must give what picocli's path gives: the same exit code, output and error line.
 */
class VerifyPlainArgumentsTest {
    @TempDir
    static Path dir;
    static String book;

    @BeforeAll
    static void sampleBooks() {
        try (Books b = Books.open(dir.resolve("books"), Clock.systemDefaultZone())) {
            SampleData.loadInto(b);
        }
        book = dir.resolve("books").toString();
    }

    record Outcome(int exit, String out, String err) {
    }

    static Outcome run(boolean plain, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        cli.plainArguments = plain;
        int exit = cli.run(args);
        // an anchor given on the command line is reported with the moment it was given: the one thing that differs
        String time = "\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z";
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8).replaceAll(time, "<now>"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void bothPathsAgree() {
        String none = dir.resolve("nothing-here").toString();
        String anchor = "3:" + "0".repeat(64);
        List<String[]> lines = new ArrayList<>(List.of(
                new String[] {"verify", "--book", book},
                new String[] {"verify", "--book=" + book},
                new String[] {"verify", "--book", book, "--refresh-figures"},
                new String[] {"verify", "--refresh-figures", "--book", book},
                new String[] {"verify", "--book", book, "--anchor", anchor},
                new String[] {"verify", "--anchor=" + anchor, "--book", book},
                new String[] {"verify", "--book", book, "--anchor", "12:abc"},
                new String[] {"verify", "--book", none},
                new String[] {"verify", "--book", book, "--book", book},
                new String[] {"verify", "--book", book, "--refresh-figures", "--refresh-figures"},
                new String[] {"verify", "--book"},
                new String[] {"verify", "--book="},
                new String[] {"verify", "--book", "--refresh-figures"},
                new String[] {"verify", "--book", book, "extra"},
                new String[] {"verify", "--bogus"},
                new String[] {"verify", "--help"},
                new String[] {"verify", "-h"},
                new String[] {"verify", "--book", book, "--help"}));
        for (String[] line : lines) {
            Outcome plain = run(true, line);
            Outcome picocli = run(false, line);
            assertThat(plain).as(String.join(" ", line)).isEqualTo(picocli);
        }
        assertThat(run(true, "verify", "--book", book).out()).contains("完好 intact");
        assertThat(run(true, "verify", "--book", book, "--anchor", anchor).exit()).isEqualTo(1);
        assertThat(run(true, "verify", "--book", none).exit()).isEqualTo(2);
    }

    @Test
    void onlyPlainLinesSkipPicocli() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThat(VerifyCommand.plain(out, new String[] {"verify", "--book", "d", "--anchor=1:a", "--refresh-figures"}))
                .satisfies(v -> {
                    assertThat(v.place.book).isEqualTo("d");
                    assertThat(v.place.onServer()).isFalse();
                    assertThat(v.anchor).isEqualTo("1:a");
                    assertThat(v.refreshFigures).isTrue();
                });
        assertThat(VerifyCommand.plain(out, new String[] {"verify"})).isNotNull();
        for (String[] line : List.of(new String[] {"verify", "--help"}, new String[] {"verify", "--book"}, new String[] {"verify", "--book", "-x"},
                new String[] {"verify", "--book", "a", "--book", "b"}, new String[] {"verify", "x"}, new String[] {"export", "--book", "a"},
                new String[] {"verify", "--book="}, new String[] {"verify", "--anchor", "1:a", "--anchor", "1:a"},
                // an office book (issue 22) goes through picocli
                new String[] {"verify", "--db", "jdbc:postgresql://h/d", "--book", "book_1"}, new String[] {"verify", "--book", "a", "--login", "zhao"})) {
            assertThat(VerifyCommand.plain(out, line)).as(String.join(" ", line)).isNull();
        }
    }
}
