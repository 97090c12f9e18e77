package cn.huikuan.documents;

import java.util.List;
import java.util.Arrays;
import java.util.Locale;

/** Every document Huikuan writes, with its Chinese title, English name and file name. */
public enum DocKind {
    DEMAND("催收通知书", "Written demand for payment", "催收通知书"),
    BALANCE_CONFIRMATION("对账确认函", "Balance confirmation", "对账确认函"),
    INSTALMENT_AGREEMENT("还款协议", "Instalment agreement", "还款协议"),
    LAWYER_LETTER("律师函", "Lawyer's letter (draft)", "律师函（草稿）"),
    PAYMENT_ORDER("支付令申请书", "Application for a payment order", "支付令申请书"),
    COMPLAINT("民事起诉状", "Civil complaint (element style)", "民事起诉状"),
    ARBITRATION("仲裁申请书", "Application for arbitration", "仲裁申请书"),
    PRESERVATION("财产保全申请书", "Application for property preservation", "财产保全申请书"),
    ENFORCEMENT("强制执行申请书", "Application for enforcement", "强制执行申请书"),
    SERVICE_ADDRESS("送达地址确认书", "Confirmation of the address for service", "送达地址确认书"),
    EVIDENCE_LIST("证据目录", "List of evidence", "证据目录"),
    CALCULATION("计算明细表", "Calculation of the amounts claimed", "计算明细表");

    private final String zh;
    private final String en;
    private final String fileStem;

    DocKind(String zh, String en, String fileStem) {
        this.zh = zh;
        this.en = en;
        this.fileStem = fileStem;
    }

    public String zh() { return zh; }
    public String en() { return en; }
    public String fileName() { return fileStem + ".pdf"; }

    /** The command-line name: {@code demand}, {@code balance-confirmation}, … */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static DocKind fromCli(String name) {
        for (DocKind k : values()) {
            if (k.cliName().equals(name)) return k;
        }
        throw new IllegalArgumentException("unknown document / 未知文书: " + name + " (one of "
                + String.join(", ", Arrays.stream(values()).map(DocKind::cliName).toList()) + ")");
    }

    /** The court routes of the wizard's last steps and the documents each one files. */
    public enum Route {
        PAYMENT_ORDER("payment-order", "支付令", List.of(DocKind.PAYMENT_ORDER, DocKind.CALCULATION, DocKind.EVIDENCE_LIST, DocKind.SERVICE_ADDRESS)),
        LAWSUIT("lawsuit", "诉讼", List.of(DocKind.COMPLAINT, DocKind.PRESERVATION, DocKind.CALCULATION, DocKind.EVIDENCE_LIST,
                DocKind.SERVICE_ADDRESS)),
        /** A lawsuit without asking the court to freeze the debtor's assets. */
        LAWSUIT_NO_PRESERVATION("lawsuit-no-preservation", "诉讼（不申请保全）", List.of(DocKind.COMPLAINT, DocKind.CALCULATION,
                DocKind.EVIDENCE_LIST, DocKind.SERVICE_ADDRESS)),
        /** When the contract has an arbitration clause: courts decline the case; the arbitration body hears it. */
        ARBITRATION("arbitration", "仲裁", List.of(DocKind.ARBITRATION, DocKind.CALCULATION, DocKind.EVIDENCE_LIST, DocKind.SERVICE_ADDRESS)),
        ENFORCEMENT("enforcement", "强制执行", List.of(DocKind.ENFORCEMENT, DocKind.CALCULATION, DocKind.SERVICE_ADDRESS));

        private final String cli;
        private final String zh;
        private final List<DocKind> documents;

        Route(String cli, String zh, List<DocKind> documents) {
            this.cli = cli;
            this.zh = zh;
            this.documents = documents;
        }

        public String cliName() { return cli; }
        public String zh() { return zh; }
        public List<DocKind> documents() { return documents; }

        public static Route fromCli(String name) {
            for (Route r : values()) {
                if (r.cli.equals(name)) return r;
            }
            throw new IllegalArgumentException("unknown route / 未知程序: " + name + " (payment-order, lawsuit, lawsuit-no-preservation, arbitration or enforcement)");
        }
    }
}
