package cn.huikuan.documents;

/**
 * A document Huikuan will not write because a court (or the other side) would send it back (issue 18): the message is
 * one bilingual sentence saying what to do; the command line exits 2 with it, the app shows it.
 */
public final class DocumentRefused extends RuntimeException {
    public enum Reason {
        /** The business profile is still the unfilled default ("我的企业"): every document would name the wrong party. */
        CREDITOR_UNFILLED("请先在「我的企业信息」中填写本企业（或本人）的名称、住所和证件号码，再生成文书",
                "fill in your business profile (name, address, registration number) before writing documents"),
        /** No court given and none could be proposed from the addresses. */
        NO_COURT("无法根据地址确定法院：请填写受理法院", "no court could be proposed from the addresses: enter the court"),
        /** A 支付令 may be sought only from a basic-level court (民事诉讼法 §225, §18). */
        NOT_BASIC_COURT("支付令只能向基层人民法院申请（《民事诉讼法》第二百二十五条、第十八条），请改为债务人住所地的基层人民法院",
                "a payment order may be sought only from a basic-level people's court (Civil Procedure Law Art. 225, 18): choose the debtor's basic-level court"),
        /** No arbitration clause on record: no arbitration without an arbitration agreement (仲裁法 §4, §16). */
        NO_ARBITRATION_CLAUSE("合同中没有记录仲裁条款，仲裁委员会不会受理（《仲裁法》第四条、第十六条）：请核对合同并在应收款中记录仲裁条款，或改为起诉",
                "the contract records no arbitration clause, so no arbitration body will hear the case (Arbitration Law Art. 4, 16): record the clause or sue instead");

        private final String zh;
        private final String en;

        Reason(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() { return zh; }
        public String en() { return en; }
    }

    private final Reason reason;

    public DocumentRefused(Reason reason, String detail) {
        super(reason.zh + " / " + reason.en + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
