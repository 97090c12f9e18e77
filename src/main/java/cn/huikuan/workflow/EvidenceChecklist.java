package cn.huikuan.workflow;

import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.law.Statutes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a court will want to see for this kind of debt (知己知彼): each line says what proves what, whether
 * the case has it, and why it matters. The creditor carries the burden of proof (民事诉讼法 §67).
 */
public final class EvidenceChecklist {
    /** {@code labelEn}, {@code whyEn}: the same in English (issue 21: English mode showed the checklist in Chinese). */
    public record Check(String label, boolean present, boolean essential, String why, String labelEn, String whyEn) {
        public String label(String language) {
            return "en".equals(language) ? labelEn : label;
        }

        public String why(String language) {
            return "en".equals(language) ? whyEn : why;
        }
    }

    public static final String BASIS = "谁主张，谁举证：" + Statutes.BURDEN_OF_PROOF.zh() + "规定当事人对自己提出的主张有责任提供证据。";
    public static final String BASIS_EN = "Who claims must prove: " + Statutes.BURDEN_OF_PROOF.en() + " requires a party to give evidence for what it claims.";

    private EvidenceChecklist() {
    }

    public static List<Check> of(ReceivableKind kind, Collection<EvidenceType> have, boolean hasPayments) {
        Set<EvidenceType> h = have.isEmpty() ? EnumSet.noneOf(EvidenceType.class) : EnumSet.copyOf(have);
        List<Check> out = new ArrayList<>();
        if (kind == ReceivableKind.PRIVATE_LOAN) {
            out.add(check(h, "借条或借款合同", true, "证明双方有借贷合意、借款金额、利率和期限。",
                    "IOU or loan contract", "Proves the agreement to lend, the amount, the rate and the term.",
                    EvidenceType.IOU, EvidenceType.CONTRACT));
            out.add(check(h, "款项交付凭证（银行转账记录）", true, "证明钱确实借出去了；只有借条而金额较大的，法院会审查是否实际交付。",
                    "Proof the money was handed over (bank transfer record)",
                    "Proves the money was really lent; with only an IOU for a large sum the court checks whether it was handed over.",
                    EvidenceType.TRANSFER_VOUCHER));
        } else {
            boolean sale = kind == ReceivableKind.SALE_ON_CREDIT;
            out.add(check(h, sale ? "买卖合同、订单或报价确认" : "合同或订单", true,
                    "证明双方的交易关系和约定：价款、付款期限、违约金。没有书面合同的，送货单、对账单和聊天记录也能证明。",
                    sale ? "Sales contract, order or confirmed quotation" : "Contract or order",
                    "Proves the deal and its terms: price, payment term, penalty. Without a written contract, delivery notes, statements "
                            + "and chat records can prove it too.",
                    EvidenceType.CONTRACT));
            out.add(check(h, sale ? "送货单或签收单（对方签字）" : "履行凭证（验收单、签收单）", true,
                    "证明我方已经交货或完成工作，对方应当付款。",
                    sale ? "Delivery note or receipt signed by the debtor" : "Proof of performance (acceptance or receipt)",
                    "Proves we delivered or did the work, so the debtor must pay.", EvidenceType.DELIVERY_NOTE, EvidenceType.RECEIPT_SIGNED));
            out.add(check(h, "对账单或对账确认函", false, "对方签字确认的欠款数额最有说服力，也能中断诉讼时效。",
                    "Statement or balance confirmation", "A balance the debtor signed is the strongest proof of the amount, and it "
                            + "interrupts the limitation period.", EvidenceType.STATEMENT));
        }
        out.add(check(h, "付款和还款记录", hasPayments, hasPayments
                ? "证明对方已付多少、还欠多少；部分付款也说明对方认可债务。" : "对方尚未付款时可以没有；一旦收到付款请保存回单。",
                "Payment and repayment records", hasPayments
                ? "Proves how much was paid and how much is still owed; a part payment also shows the debtor accepts the debt."
                : "Not needed while nothing has been paid; keep the bank slip of any payment received.",
                EvidenceType.TRANSFER_VOUCHER, EvidenceType.REPAYMENT_RECORD));
        out.add(check(h, "催款记录和对方认可欠款的记录（聊天记录、录音、催收通知书及邮寄凭证）", false,
                "证明我方一直在主张权利（诉讼时效中断），以及对方承认欠款或承诺还款。",
                "Records of demands and of the debtor accepting the debt (chats, recordings, demand letters and postal receipts)",
                "Proves we kept claiming (which interrupts limitation) and that the debtor admitted the debt or promised to pay.",
                EvidenceType.CHAT_RECORD, EvidenceType.CALL_RECORDING, EvidenceType.DEMAND_NOTICE, EvidenceType.POSTAL_RECEIPT));
        return out;
    }

    private static Check check(Set<EvidenceType> have, String label, boolean essential, String why, String labelEn, String whyEn,
                               EvidenceType... satisfiedBy) {
        boolean present = false;
        for (EvidenceType t : satisfiedBy) present |= have.contains(t);
        return new Check(label, present, essential, why, labelEn, whyEn);
    }
}
