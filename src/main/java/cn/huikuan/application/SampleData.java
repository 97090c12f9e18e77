package cn.huikuan.application;

import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.ContactMethod;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.IdentityNumbers;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.KnownAsset;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.PayerSituation;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.PenaltyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Comparator;

/**
 * The sample case of the product brief, with fixed dates: 某建材有限公司 sold 李某 (个体包工头) building
 * materials for ¥500,000 under contract JC-2025-1218 (signed 2025-12-18, penalty 日万分之五 for late
 * payment, payment due 60 days after the last delivery, i.e. 2026-05-28). 李某 paid ¥200,000 on
 * 2026-05-26; ¥300,000 has been overdue since 2026-05-28 (six months on 2026-11-28). Also a private loan
 * with an IOU and a customer paying in instalments.
 */
public final class SampleData {
    public static final LocalDate CONTRACT_DATE = LocalDate.of(2025, 12, 18);
    public static final LocalDate DUE_DATE = LocalDate.of(2026, 5, 28);

    private SampleData() {
    }

    /** Loads the sample into an empty book. Returns false (and changes nothing) if the book has customers. */
    public static boolean loadInto(Books books) {
        if (books.customers().page(ListQuery.first(1)).total() > 0) return false;
        Path tmp;
        try {
            tmp = Files.createTempDirectory("huikuan-sample");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            load(books, tmp);
        } finally {
            deleteTree(tmp);
        }
        return true;
    }

    private static void load(Books books, Path tmp) {
        CreditorProfile me = books.creditor();
        if ("我的企业".equals(me.getName())) {
            me.setName("某建材有限公司");
            me.setKind(PartyKind.ORGANISATION);
            me.setRegistrationNumber(creditCode("91330106MA2H3K7P"));
            me.setAddress("浙江省杭州市西湖区文一西路 88 号");
            me.setLegalRepresentative("赵某");
            me.setContactPhone("0571-88880000");
            me.setBankName("中国银行杭州西湖支行");
            me.setBankAccountName("某建材有限公司");
            me.setBankAccountNumber("3301 2345 6789 0016");
            books.saveCreditor(me);
        }

        // 1. The seed's case: a sale on credit to an individual contractor.
        Customer li = books.customers().newCustomer(PartyKind.PERSON, "李某");
        li.setRegistrationNumber(residentId("33010619850315123"));
        li.setAddress("浙江省杭州市拱墅区湖墅南路 100 号 2 幢 301 室");
        li.setContacts(List.of(new ContactMethod(ContactMethod.Kind.PHONE, "13800001234"),
                new ContactMethod(ContactMethod.Kind.WECHAT, "lizhu_gongtou")));
        li.setSituation(PayerSituation.TEMPORARY_HARDSHIP);
        li.setSituationNotes("个体包工头，称发包方工程款未结；认可欠款，有还款意愿，但多次承诺未兑现。");
        li.setAssets(List.of(new KnownAsset(KnownAsset.Kind.VEHICLE, "重型自卸货车一辆，浙A·D1234（本人名下）"),
                new KnownAsset(KnownAsset.Kind.RECEIVABLE, "对城西安置房三期发包方的工程款债权")));
        li = books.customers().save(li);

        Receivable sale = new Receivable(li, ReceivableKind.SALE_ON_CREDIT, "建材购销合同（钢材、水泥、砂石、砌块）",
                CONTRACT_DATE, Money.of("500000"));
        sale.setContractNumber("JC-2025-1218");
        sale.dueOn(DUE_DATE);
        sale.setPenaltyKind(PenaltyKind.DAILY_RATE);
        sale.setPenaltyValue(new BigDecimal("0.05"));
        sale.setJurisdictionClause("因本合同发生的争议，双方协商解决；协商不成的，由甲方所在地人民法院管辖。");
        sale.setNotes("货物分两次送至城西安置房三期工地（2026-02-10 ¥320,000；2026-03-29 ¥180,000），李某在送货单上签收。");
        sale = books.receivables().save(sale, false);
        long saleId = sale.getId();

        Payment paid = new Payment(sale, LocalDate.of(2026, 5, 26), Money.of("200000"), Payment.Channel.BANK_TRANSFER);
        paid.setReference("HK20260526000123");
        paid.setNote("用途：货款");
        books.receivables().addPayment(saleId, paid, false);

        EvidenceService ev = books.evidence();
        attach(ev, saleId, tmp, "contract.png", EvidenceType.CONTRACT, "建材购销合同 JC-2025-1218", CONTRACT_DATE,
                "双方签字盖章", "买卖合同关系成立；货款总额、付款期限（全部交付后 60 日内）及逾期付款违约金（日万分之五）的约定", true);
        EvidenceItem d1 = attach(ev, saleId, tmp, "delivery-note-1.png", EvidenceType.DELIVERY_NOTE, "送货单 SH-2026-0412（¥320,000）",
                LocalDate.of(2026, 2, 10), "李某签收", "甲方已交付第一批货物，价值 ¥320,000", true);
        EvidenceItem d2 = attach(ev, saleId, tmp, "delivery-note-2.png", EvidenceType.DELIVERY_NOTE, "送货单 SH-2026-0413（¥180,000）",
                LocalDate.of(2026, 3, 29), "李某签收", "甲方已交付第二批货物，价值 ¥180,000；全部货物于 2026-03-29 交付完毕", true);
        attach(ev, saleId, tmp, "transfer-voucher.png", EvidenceType.TRANSFER_VOUCHER, "银行电子回单（李某付款 ¥200,000）",
                LocalDate.of(2026, 5, 26), "中国银行网银下载", "乙方已付 ¥200,000，尚欠 ¥300,000", false);
        EvidenceItem chat = attach(ev, saleId, tmp, "wechat-chat.txt", EvidenceType.CHAT_RECORD, "微信聊天记录（2026-05-31 至 2026-10-26）",
                LocalDate.of(2026, 11, 20), "赵某手机微信导出", "多次催款；李某 2026-07-02 认可欠款，2026-08-28 承诺 9 月底前付 10 万元", false);

        ContactLogService log = books.contacts();
        log.log(saleId, contact(LocalDateTime.of(2026, 5, 31, 10, 5), ContactEntry.Channel.WECHAT, ContactEntry.Direction.OUTGOING,
                "微信友好提醒：确认收到 20 万元，请安排剩余 30 万元。李某回复：工程款还没下来，过几天给。", ContactEntry.Outcome.OTHER, null, null),
                List.of(chat.getId()));
        ContactEntry acknowledged = contact(LocalDateTime.of(2026, 7, 1, 9, 30), ContactEntry.Channel.WECHAT, ContactEntry.Direction.OUTGOING,
                "微信催款，附两张送货单照片。李某 7 月 2 日回复：送货单没问题，钱我认，甲方一直拖他。", ContactEntry.Outcome.ACKNOWLEDGED_DEBT, null, null);
        acknowledged.setDebtorActedOn(LocalDate.of(2026, 7, 2)); // his reply came the next day: that is the day he acknowledged
        log.log(saleId, acknowledged, List.of(chat.getId(), d1.getId(), d2.getId()));
        log.log(saleId, contact(LocalDateTime.of(2026, 8, 28, 11, 0), ContactEntry.Channel.WECHAT, ContactEntry.Direction.OUTGOING,
                "微信协商：提出先付本金。李某承诺 9 月底前先付 10 万元。", ContactEntry.Outcome.PROMISE_TO_PAY,
                LocalDate.of(2026, 9, 30), Money.of("100000")), List.of(chat.getId()));
        log.log(saleId, contact(LocalDateTime.of(2026, 10, 8, 10, 10), ContactEntry.Channel.PHONE, ContactEntry.Direction.OUTGOING,
                "电话询问 9 月底承诺的 10 万元，未接听；随后微信留言请其给出准确时间。", ContactEntry.Outcome.NO_ANSWER, null, null), List.of());
        log.log(saleId, contact(LocalDateTime.of(2026, 10, 26, 10, 0), ContactEntry.Channel.WECHAT, ContactEntry.Direction.OUTGOING,
                "微信告知将发出书面催款通知，请其尽快联系协商还款方案。未回复。", ContactEntry.Outcome.NO_ANSWER, null, null),
                List.of(chat.getId()));

        // 2. A private loan with an IOU (借条).
        Customer zhang = books.customers().newCustomer(PartyKind.PERSON, "张某");
        zhang.setRegistrationNumber(residentId("33010219900201567"));
        zhang.setAddress("浙江省杭州市上城区解放路 20 号");
        zhang.setContacts(List.of(new ContactMethod(ContactMethod.Kind.PHONE, "13900005678")));
        zhang = books.customers().save(zhang);
        Receivable loan = new Receivable(zhang, ReceivableKind.PRIVATE_LOAN, "借款（借条）", LocalDate.of(2026, 2, 1), Money.of("50000"));
        loan.dueOn(LocalDate.of(2026, 8, 1));
        loan.setInterestRatePercent(new BigDecimal("6"));
        loan.setNotes("借条约定年利率 6%，借期六个月，到期一次还本付息；款项已银行转账交付。");
        loan = books.receivables().save(loan, false);
        attach(ev, loan.getId(), tmp, "iou.png", EvidenceType.IOU, "借条（张某，¥50,000）", LocalDate.of(2026, 2, 1),
                "张某亲笔签名", "借贷合意、借款金额、利率（年 6%）及借款期限", true);
        log.log(loan.getId(), contact(LocalDateTime.of(2026, 8, 5, 14, 0), ContactEntry.Channel.PHONE, ContactEntry.Direction.OUTGOING,
                "电话提醒借款已到期。张某称月底前还。", ContactEntry.Outcome.PROMISE_TO_PAY, LocalDate.of(2026, 8, 31), null), List.of());

        // 3. An organisation paying a reconciled balance in four monthly instalments.
        Customer deco = books.customers().newCustomer(PartyKind.ORGANISATION, "某装饰工程有限公司");
        deco.setRegistrationNumber(creditCode("91330105MA28N4QJ"));
        deco.setLegalRepresentative("钱某");
        deco.setAddress("浙江省杭州市拱墅区莫干山路 500 号");
        deco.setContacts(List.of(new ContactMethod(ContactMethod.Kind.PHONE, "0571-86660000"),
                new ContactMethod(ContactMethod.Kind.EMAIL, "finance@example.cn")));
        deco = books.customers().save(deco);
        Receivable inst = new Receivable(deco, ReceivableKind.SALE_ON_CREDIT, "瓷砖及辅材货款（对账后分期）", LocalDate.of(2026, 7, 15),
                Money.of("120000"));
        List<Instalment> plan = new ArrayList<>();
        for (LocalDate d : List.of(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 30))) {
            plan.add(new Instalment(d, Money.of("30000")));
        }
        inst.setSchedule(plan);
        inst.setPenaltyKind(PenaltyKind.PERCENTAGE);
        inst.setPenaltyValue(new BigDecimal("5"));
        inst = books.receivables().save(inst, false);
        books.receivables().addPayment(inst.getId(), new Payment(inst, LocalDate.of(2026, 8, 30), Money.of("30000"), Payment.Channel.BANK_TRANSFER), false);
        books.receivables().addPayment(inst.getId(), new Payment(inst, LocalDate.of(2026, 9, 29), Money.of("30000"), Payment.Channel.BANK_TRANSFER), false);
    }

    private static ContactEntry contact(LocalDateTime at, ContactEntry.Channel ch, ContactEntry.Direction dir, String summary,
                                        ContactEntry.Outcome outcome, LocalDate promisedDate, BigDecimal promisedAmount) {
        ContactEntry e = new ContactEntry(null, at, ch, dir, summary, outcome);
        e.setPromisedDate(promisedDate);
        e.setPromisedAmount(promisedAmount);
        return e;
    }

    private static EvidenceItem attach(EvidenceService ev, long receivableId, Path tmp, String resource, EvidenceType type,
                                       String title, LocalDate date, String source, String purpose, boolean original) {
        Path file = tmp.resolve(resource);
        try (InputStream in = SampleData.class.getResourceAsStream("/cn/huikuan/sample/" + resource)) {
            if (in == null) throw new IllegalStateException("sample resource missing: " + resource);
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ev.attach(receivableId, file, new EvidenceService.Details(type, title, date, source, purpose, original));
    }

    static String residentId(String first17) {
        return first17 + IdentityNumbers.residentIdCheckChar(first17);
    }

    static String creditCode(String first16) {
        String first17 = first16 + "X";
        return first17 + IdentityNumbers.creditCodeCheckChar(first17);
    }

    private static void deleteTree(Path dir) {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files; the OS cleans its temp folder
        }
    }
}
