package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.law.Limitation;
import cn.huikuan.statements.MatchKind;
import cn.huikuan.statements.StatementFiles;
import cn.huikuan.statements.StatementFormat;
import cn.huikuan.storage.Sha256;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 23 end to end in the application layer: statements of each kind are previewed (nothing written), the confirmed
 * lines recorded as payments through the one payment path with the line as evidence, the same line recognised when
 * imported again, and a confirmed payer remembered.
 */
class StatementImportTest {
    @TempDir
    Path dir;
    Books books;
    long li, wang, builder;

    @BeforeEach
    void open() {
        books = Books.open(dir.resolve("books"), TestClock.fixed());
        li = receivable(StatementFiles.LI, PartyKind.PERSON, "5000", null);
        wang = receivable(StatementFiles.WANG, PartyKind.PERSON, "6000", Instalment.evenSchedule(Money.of("6000"), 3, LocalDate.of(2026, 10, 1), 1));
        builder = receivable(StatementFiles.BUILDER, PartyKind.ORGANISATION, "12500", null);
    }

    @AfterEach
    void close() {
        books.close();
    }

    long receivable(String name, PartyKind kind, String amount, List<Instalment> schedule) {
        Customer c = books.customers().save(books.customers().newCustomer(kind, name));
        Receivable r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "货款", LocalDate.of(2026, 6, 1), Money.of(amount));
        if (schedule == null) r.dueOn(LocalDate.of(2026, 9, 1));
        else r.setSchedule(schedule);
        return books.receivables().save(r, false).getId();
    }

    @Test
    void aWeChatBillIsPreviewedThenRecordedWithItsLineAsEvidenceAndTheLimitationRestarts() throws Exception {
        Path f = StatementFiles.wechatCsv(dir);
        var p = books.statements().preview(f);
        assertThat(p.format()).isEqualTo(StatementFormat.WECHAT);
        assertThat(p.sha256()).isEqualTo(Sha256.ofFile(f));
        assertThat(p.received()).isEqualTo(1);
        var line = p.row(18);
        assertThat(line.proposal().receivable().id()).isEqualTo(li);
        assertThat(line.proposal().kind()).isEqualTo(MatchKind.EXACT);
        assertThat(p.row(19).proposal().matched()).as("money paid out is never matched").isFalse();
        assertThat(p.row(20).proposal().matched()).as("refunded").isFalse();
        assertThat(books.receivables().payments(li)).as("a preview writes nothing").isEmpty();

        var r = books.statements().apply(p, Map.of(18, li));
        assertThat(r.recorded()).isEqualTo(1);
        List<Payment> paid = books.receivables().payments(li);
        assertThat(paid).hasSize(1);
        assertThat(paid.get(0).getAmount()).isEqualByComparingTo("5000.00");
        assertThat(paid.get(0).getPaidOn()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(paid.get(0).getChannel()).isEqualTo(Payment.Channel.WECHAT_PAY);
        assertThat(paid.get(0).getReference()).isEqualTo("1000050001202611020123456789012");
        assertThat(books.receivables().balance(li).outstanding()).isEqualByComparingTo("0");

        List<EvidenceItem> ev = books.evidence().list(li);
        assertThat(ev).hasSize(1);
        EvidenceItem e = ev.get(0);
        assertThat(e.getType()).isEqualTo(EvidenceType.TRANSFER_VOUCHER);
        assertThat(e.getEvidenceDate()).isEqualTo(LocalDate.of(2026, 11, 2));
        Path kept = books.evidence().file(e);
        assertThat(Sha256.ofFile(kept)).as("kept under its SHA-256").isEqualTo(e.getSha256());
        String extract = Files.readString(kept, StandardCharsets.UTF_8);
        assertThat(extract).contains("李某", "5000.00", "1000050001202611020123456789012", p.sha256(), "交易时间,交易类型,交易对方");

        // the limitation restarts from the part payment, as from any payment (民法典 §195)
        Limitation.Result lim = books.legal().limitation(li);
        assertThat(lim.lastInterruption().date()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(lim.lastInterruption().kind()).isEqualTo(Limitation.EventKind.PART_PAYMENT);
        assertThat(books.audit().verify().problems()).as("payment and evidence journalled").isEmpty();
        assertThat(books.receivables().staleListFigures(10)).as("the kept list figures").isEmpty();
        assertThat(books.receivables().keptTotalsDiffer()).as("the kept totals, the month's collected included").isEmpty();

        // the same file again: its line is recognised and nothing is recorded twice
        var again = books.statements().preview(f);
        assertThat(again.row(18).duplicate()).isTrue();
        assertThat(again.row(18).proposal().matched()).isFalse();
        assertThat(books.statements().applyProposals(again).recorded()).isZero();
        assertThat(books.receivables().payments(li)).hasSize(1);
    }

    @Test
    void anAlipayBillInGbkProposesAnInstalmentToTheMaskedPayer() throws Exception {
        var p = books.statements().preview(StatementFiles.alipayGbkCsv(dir));
        assertThat(p.format()).isEqualTo(StatementFormat.ALIPAY);
        var line = p.lines().get(0);
        assertThat(line.proposal().receivable().id()).isEqualTo(wang);
        assertThat(line.proposal().kind()).as("2,000.00 is one of the three instalments").isEqualTo(MatchKind.INSTALMENT);
        assertThat(books.statements().applyProposals(p).recorded()).isEqualTo(1);
        assertThat(books.receivables().payments(wang)).extracting(Payment::getChannel).containsExactly(Payment.Channel.ALIPAY);
    }

    @Test
    void aBanksCsvAndXlsxAndAConfirmedPayerIsRememberedForTheNextStatement() throws Exception {
        var bank = books.statements().preview(StatementFiles.bankCsv(dir));
        assertThat(bank.row(6).proposal().receivable().id()).isEqualTo(builder);
        assertThat(bank.row(8).proposal().matched()).as("陌生人 is no customer").isFalse();
        // the user confirms the builder's line and says the stranger paid 800.00 of 李某's debt
        var r = books.statements().apply(bank, Map.of(6, builder, 8, li));
        assertThat(r.recorded()).isEqualTo(2);
        assertThat(books.receivables().balance(builder).outstanding()).isEqualByComparingTo("0");
        assertThat(books.receivables().balance(li).outstanding()).isEqualByComparingTo("4200.00");

        // the .xlsx: two equal lines of 1,000.00 by 李某, no transaction numbers: two proposals, both parts
        var xlsx = books.statements().preview(StatementFiles.bankXlsx(dir));
        assertThat(xlsx.lines()).hasSize(3);
        assertThat(xlsx.lines().subList(0, 2)).allSatisfy(l -> {
            assertThat(l.proposal().receivable().id()).isEqualTo(li);
            assertThat(l.proposal().kind()).isEqualTo(MatchKind.PART);
        });
        assertThat(books.statements().applyProposals(xlsx).recorded()).isEqualTo(2);
        assertThat(books.statements().preview(StatementFiles.bankXlsx(dir)).duplicates()).as("both recognised").isEqualTo(2);
        assertThat(books.audit().verify().problems()).isEmpty();
        assertThat(books.receivables().keptTotalsDiffer()).isEmpty();

        // a later statement: the stranger's account is now known to be 李某's
        Path next = StatementFiles.write(dir, "next.csv", """
                交易日期,贷方金额,对方账号,对方户名,摘要,流水号
                2026-11-20,100.00,6217000000009999000,陌 生 人,往来款,C1
                """, StandardCharsets.UTF_8);
        var later = books.statements().preview(next);
        assertThat(later.lines().get(0).proposal().receivable().id()).isEqualTo(li);
        assertThat(later.lines().get(0).proposal().byMemory()).isTrue();

        // the user says this one was 王某明's: the memory follows the latest confirmation
        books.statements().apply(later, Map.of(2, wang));
        Path third = StatementFiles.write(dir, "third.csv", """
                交易日期,贷方金额,对方账号,对方户名,摘要,流水号
                2026-11-21,50.00,6217000000009999000,陌生人,往来款,C2
                """, StandardCharsets.UTF_8);
        assertThat(books.statements().preview(third).lines().get(0).proposal().receivable().id()).isEqualTo(wang);
    }

    @Test
    void choicesTheBooksCannotTakeAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path f = StatementFiles.bankCsv(dir);
        var p = books.statements().preview(f);
        assertThatThrownBy(() -> books.statements().apply(p, Map.of(6, builder, 8, wang + 1000)))
                .isInstanceOf(StatementImportService.ApplyRefused.class).hasMessageContaining("no receivable");
        assertThatThrownBy(() -> books.statements().apply(p, Map.of(6, li)))
                .isInstanceOf(StatementImportService.ApplyRefused.class).hasMessageContaining("more than the receivable has open");
        assertThatThrownBy(() -> books.statements().apply(p, Map.of(7, li)))
                .isInstanceOf(StatementImportService.ApplyRefused.class).hasMessageContaining("not money received");
        assertThat(books.receivables().payments(builder)).as("the good line of a refused choice was not written either").isEmpty();
        Files.writeString(f, Files.readString(f).replace("12,500.00", "12,400.00"));
        assertThatThrownBy(() -> books.statements().apply(p, Map.of(6, builder)))
                .isInstanceOf(StatementImportService.ApplyRefused.class).hasMessageContaining("file changed");
        assertThat(books.receivables().payments(builder)).isEmpty();
    }

    /** 个人信息保护法 §47: erasing a debtor takes their line keys and the payer memory with their payments. */
    @Test
    void erasingADebtorTakesTheirLineKeysAndPayerMemoryWithThem() throws Exception {
        Path bank = StatementFiles.bankCsv(dir);
        books.statements().apply(books.statements().preview(bank), Map.of(6, builder, 8, li));
        long liCustomer = books.receivables().get(li).getCustomer().getId();
        assertThat(count("SELECT COUNT(*) FROM statement_payer")).isEqualTo(4);
        books.privacy().erase(liCustomer, "test");
        assertThat(count("SELECT COUNT(*) FROM statement_line")).as("the builder's line stays").isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM statement_payer")).as("陌生人's name and account were 李某's").isEqualTo(2);
        assertThat(books.audit().verify().problems()).isEmpty();
        // the stranger's line is no longer known as recorded: its payment is gone with the debtor
        assertThat(books.statements().preview(bank).row(8).duplicate()).isFalse();
    }

    /** A backup holding statement lines and payer memory restores (issue 24's loader reads the V19 tables as data). */
    @Test
    void aBackupWithStatementLinesRestoresAndTheLinesAreStillKnown() throws Exception {
        Path bank = StatementFiles.bankCsv(dir);
        books.statements().apply(books.statements().preview(bank), Map.of(6, builder, 8, li));
        Path zip = books.backups().backupNow("manual");
        books.close();
        cn.huikuan.persistence.Restore.restore(dir.resolve("books"), zip);
        books = Books.open(dir.resolve("books"), TestClock.fixed());
        var again = books.statements().preview(bank);
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(books.statements().preview(StatementFiles.write(dir, "n.csv", """
                交易日期,贷方金额,对方账号,对方户名,流水号
                2026-11-20,100.00,6217000000009999000,陌生人,Z1
                """, StandardCharsets.UTF_8)).lines().get(0).proposal().byMemory()).isTrue();
        assertThat(books.audit().verify().problems()).isEmpty();
    }

    long count(String sql) {
        return books.db().withConnection(c -> {
            try (var rs = c.createStatement().executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void candidatesForAChangeAreFoundByCustomerName() {
        assertThat(books.statements().candidates("建筑", 10)).extracting(o -> o.id()).containsExactly(builder);
        assertThat(books.statements().candidates("", 10)).hasSize(3);
        assertThat(books.statements().candidates("%", 10)).as("wildcards are literal").isEmpty();
    }
}
