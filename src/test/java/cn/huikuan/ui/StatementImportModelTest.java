package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.statements.MatchKind;
import cn.huikuan.statements.StatementFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 23: the statement import screen's view model, without a robot or the FX toolkit (its work runs at once). */
class StatementImportModelTest {
    @TempDir
    Path dir;
    Books books;
    long li, builder, other;
    final AtomicInteger published = new AtomicInteger();
    StatementImportModel model;

    @BeforeEach
    void open() {
        books = Books.open(dir.resolve("books"), TestClock.fixed());
        li = receivable(StatementFiles.LI, "5000");
        builder = receivable(StatementFiles.BUILDER, "12500");
        other = receivable("张某", "900");
        model = new StatementImportModel(books, Background.now(), "reading", "recording", published::incrementAndGet);
    }

    @AfterEach
    void close() {
        books.close();
    }

    long receivable(String name, String amount) {
        Customer c = books.customers().save(books.customers().newCustomer(PartyKind.PERSON, name));
        Receivable r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "货款", LocalDate.of(2026, 6, 1), Money.of(amount));
        r.dueOn(LocalDate.of(2026, 9, 1));
        return books.receivables().save(r, false).getId();
    }

    StatementImportModel.Row row(int n) {
        return model.rows().stream().filter(r -> r.line().line().row() == n).findFirst().orElseThrow();
    }

    @Test
    void linesAreProposedConfirmedChangedSkippedAndOnlyTheConfirmedRecorded() throws Exception {
        model.load(StatementFiles.bankCsv(dir));
        assertThat(model.refused().get()).isNull();
        assertThat(model.rows()).hasSize(3);
        assertThat(model.actionable()).extracting(r -> r.line().line().row()).containsExactly(6, 8);
        assertThat(row(6).target().get().id()).isEqualTo(builder);
        assertThat(row(6).record().get()).as("a proposal is confirmed until the user says otherwise").isTrue();
        assertThat(row(6).kind()).isEqualTo(MatchKind.EXACT);
        assertThat(row(8).target().get()).as("陌生人: no proposal").isNull();
        assertThat(model.toRecord().get()).isEqualTo(1);

        // the stranger's 800.00: the user finds 李某's debt by name and changes the line to it
        model.search("李某");
        assertThat(model.candidates()).extracting(o -> o.id()).containsExactly(li);
        assertThat(model.change(row(8), model.candidates().get(0))).isTrue();
        assertThat(row(8).kind()).isEqualTo(MatchKind.PART);
        assertThat(row(8).proposed()).isFalse();
        assertThat(model.toRecord().get()).isEqualTo(2);
        // a receivable with less open than the line is refused; the choice stays
        model.search("张某");
        assertThat(model.change(row(6), model.candidates().get(0))).isFalse();
        assertThat(row(6).target().get().id()).isEqualTo(builder);

        // the builder's line skipped: only the stranger's is recorded
        model.skip(row(6));
        assertThat(model.toRecord().get()).isEqualTo(1);
        assertThat(books.receivables().payments(li)).as("nothing before record()").isEmpty();
        model.record();
        assertThat(model.result().get().recorded()).isEqualTo(1);
        assertThat(published.get()).isEqualTo(1);
        assertThat(books.receivables().payments(li)).extracting(Payment::getAmount).containsExactly(Money.of("800"));
        assertThat(books.receivables().payments(builder)).isEmpty();

        // confirmed again after a skip: the same model records it on the next record()
        model.load(StatementFiles.bankCsv(dir));
        assertThat(row(8).line().duplicate()).isTrue();
        assertThat(row(8).actionable()).isFalse();
        model.skip(row(6));
        model.confirm(row(6));
        model.record();
        assertThat(books.receivables().payments(builder)).hasSize(1);
    }

    @Test
    void aRefusedFileLeavesItsSentenceAndNoRows() throws Exception {
        Path hostile = StatementFiles.write(dir, "x.csv", "交易日期,贷方金额,对方户名\n2026-11-01,1.00,=cmd|' /C calc'!A0\n", StandardCharsets.UTF_8);
        model.load(hostile);
        assertThat(model.refused().get()).contains("公式", "formula");
        assertThat(model.rows()).isEmpty();
        assertThat(model.busy().get()).isFalse();
        model.record();
        assertThat(model.result().get()).isNull();
    }

    @Test
    void aChoiceTheBooksRefuseIsSaidAndNothingIsRecorded() throws Exception {
        model.load(StatementFiles.bankCsv(dir));
        model.search("张某");
        // 张某 has 900.00 open: the stranger's 800.00 fits, but so would nothing more
        assertThat(model.change(row(8), model.candidates().get(0))).isTrue();
        books.receivables().addPayment(other, new Payment(null, LocalDate.of(2026, 11, 1), Money.of("500"), Payment.Channel.CASH), false);
        model.record();
        assertThat(model.refused().get()).contains("more than the receivable has open");
        assertThat(model.result().get()).isNull();
        assertThat(books.receivables().payments(builder)).as("all or nothing").isEmpty();
    }
}
