package cn.huikuan.statements;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 23: a table printed as text (a PDF statement) into rows, by where each word stands under the header. */
class TextTableTest {
    static TextTable.Word w(double x0, double x1, String t) {
        return new TextTable.Word(x0, x1, t);
    }

    @Test
    void wordsGoUnderTheHeaderTheyOverlapOrStandNearestAndOneCellsWordsAreJoined() {
        StatementReader r = new StatementReader();
        TextTable t = new TextTable(r);
        t.line(List.of(w(300, 400, "某某银行 交易明细")));
        // the header, words in any order
        t.line(List.of(w(200, 232, "贷方金额"), w(10, 42, "交易日期"), w(300, 332, "对方户名")));
        assertThat(r.hasHeader()).isTrue();
        // a date and its time a space apart (one cell), an amount right-aligned past its header's left edge, a long name in words
        t.line(List.of(w(10, 50, "2026-11-09"), w(52, 84, "10:01:02"), w(196, 232, "12,500.00"),
                w(300, 340, "Quick"), w(342, 390, "Logistics"), w(392, 420, "Co Ltd")));
        // a short value under a centred header, overlapping nothing: the nearest header
        t.line(List.of(w(12, 52, "2026-11-10"), w(236, 250, "8.00"), w(290, 298, "李")));
        Statement s = r.finish();
        assertThat(s.lines()).hasSize(2);
        assertThat(s.lines().get(0).cells()).containsExactly("2026-11-09 10:01:02", "12,500.00", "Quick Logistics Co Ltd");
        assertThat(s.lines().get(0).amount()).isEqualByComparingTo("12500.00");
        assertThat(s.lines().get(1).cells()).containsExactly("2026-11-10", "8.00", "李");
    }

    @Test
    void glyphsThatTouchAreOneWordAndALineOfThousandsOfWordsIsRefused() {
        assertThat(TextTable.phrases(List.of(w(0, 8, "某某"), w(16, 24, "公司"), w(8, 16, "建筑"))))
                .extracting(TextTable.Word::text).containsExactly("某某建筑公司");
        assertThat(TextTable.phrases(List.of(w(0, 16, "交易"), w(40, 56, "日期")))).as("cells apart").hasSize(2);
        List<TextTable.Word> many = new ArrayList<>();
        for (int i = 0; i <= TextTable.MAX_WORDS; i++) many.add(w(i * 10, i * 10 + 5, "x"));
        assertThatThrownBy(() -> new TextTable(new StatementReader()).line(many)).isInstanceOf(StatementRefused.class)
                .hasMessageContaining("第 1 行").hasMessageContaining("not a statement's table");
    }
}
