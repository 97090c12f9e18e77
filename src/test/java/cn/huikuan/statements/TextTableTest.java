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

    @Test
    void wrappedLinesJoinTheRowTheyChainToAndARunBetweenTwoRowsIsCutAtItsWidestGap() {
        StatementReader r = new StatementReader();
        TextTable t = new TextTable(r);
        List<TextTable.Word> head = List.of(w(10, 42, "交易日期"), w(200, 232, "贷方金额"), w(300, 332, "对方户名"), w(400, 416, "摘要"));
        t.line(head, 1, 96, 100);
        // row 1 (baseline 120), its payer continued at 130 and 140 (Latin words: a space); 152 chains on (12 apart) but belongs
        // to row 2 at 156, centred on its two summary lines: the widest gap (140 → 152) divides the rows
        t.line(List.of(w(10, 50, "2026-11-09"), w(196, 232, "100.00"), w(300, 350, "Quick"), w(400, 416, "货款")), 1, 116, 120);
        t.line(List.of(w(300, 350, "Logistics")), 1, 126, 130);
        t.line(List.of(w(300, 340, "Co Ltd")), 1, 136, 140);
        t.line(List.of(w(400, 430, "十一月")), 1, 148, 152);
        t.line(List.of(w(10, 50, "2026-11-10"), w(196, 232, "200.00"), w(300, 310, "李"), w(400, 416, "还款")), 1, 152, 156);
        // far below: a page footer under 对方户名, not joined
        t.line(List.of(w(300, 360, "第 1 页")), 1, 556, 560);
        // a line without a position is never joined
        t.line(List.of(w(300, 350, "附注")));
        t.finish();
        Statement s = r.finish();
        assertThat(s.lines()).hasSize(2);
        assertThat(s.lines().get(0).cells()).containsExactly("2026-11-09", "100.00", "Quick Logistics Co Ltd", "货款");
        assertThat(s.lines().get(1).cells()).containsExactly("2026-11-10", "200.00", "李", "十一月还款");
        assertThat(s.lines().get(1).row()).as("rows still count the lines of text").isEqualTo(6);
    }
}
