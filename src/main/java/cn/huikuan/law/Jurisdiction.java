package cn.huikuan.law;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which court to file with, for each route, from the case (issue 18). Each proposal names the court (built from the
 * address by {@link Courts}), says why with the articles, lists the alternatives the law leaves open, and warns where
 * the data cannot be sure. The user confirms or changes it; documents never go out with a blank court.
 * <ul>
 *   <li>支付令: the debtor's domicile's basic-level court (民诉解释 §23; 民事诉讼法 §18, §225).</li>
 *   <li>Lawsuit on a contract: a valid agreed forum (民事诉讼法 §35: the defendant's or plaintiff's domicile, the place of
 *       performance or signing, where the subject matter is — places with an actual connection); else the place of
 *       performance, which for a money claim is where the party receiving the money is, i.e. the creditor (民诉解释 §18,
 *       民间借贷规定 §3 for a loan), or the defendant's domicile (民事诉讼法 §24).</li>
 *   <li>Enforcement: the first-instance court, or the court of the same level where the property is (民事诉讼法 §235).</li>
 * </ul>
 */
public final class Jurisdiction {
    /** A proposed court ({@code court} null when none can be named: the user must fill it in), why, and what else is open. */
    public record Proposal(String court, String reason, List<Citation> basis, List<String> alternatives, String warning) {
        public Proposal {
            basis = List.copyOf(basis);
            alternatives = List.copyOf(alternatives);
        }

        public boolean named() {
            return court != null && !court.isBlank();
        }

        /** The reasoning in one paragraph, articles included, as the export dialog and the CLI show it. */
        public String explained() {
            StringBuilder b = new StringBuilder(reason);
            if (!basis.isEmpty()) b.append("（").append(String.join("、", basis.stream().map(Citation::zh).toList())).append("）");
            b.append("。");
            if (!alternatives.isEmpty()) b.append("也可以：").append(String.join("；", alternatives)).append("。");
            if (warning != null && !warning.isBlank()) b.append(warning).append("。");
            return b.toString();
        }
    }

    private static final Pattern COURT_NAME = Pattern.compile("([\\u4e00-\\u9fa5]{2,24}?人民法院)");

    private final Courts courts;

    public Jurisdiction(Courts courts) {
        this.courts = courts;
    }

    /** The court for a 支付令: the basic-level court of the debtor's domicile. */
    public Proposal paymentOrder(String debtorAddress) {
        Courts.Found f = courts.forAddress(debtorAddress);
        return new Proposal(f.court(), "支付令由债务人住所地的基层人民法院管辖" + (f.named() ? "：" + f.court() : "；" + f.note()),
                List.of(Statutes.PAYMENT_ORDER_COURT, Statutes.BASIC_COURTS, Statutes.PAYMENT_ORDER), List.of(), f.named() ? f.note() : null);
    }

    /**
     * The court for a lawsuit on a contract. {@code creditorIsPartyA} says whether the creditor is the contract's 甲方 (the
     * books do not record it; Huikuan's own agreements make the creditor 甲方), used only when the clause names 甲方/乙方.
     */
    public Proposal lawsuit(String jurisdictionClause, boolean arbitrationClause, boolean loan, String creditorAddress, String debtorAddress,
                            boolean creditorIsPartyA) {
        Courts.Found ours = courts.forAddress(creditorAddress);
        Courts.Found theirs = courts.forAddress(debtorAddress);
        String warning = arbitrationClause ? "合同约定了仲裁：人民法院对有效仲裁协议的纠纷一般不予受理，应向约定的仲裁机构申请仲裁"
                + "（" + Statutes.ARBITRATION_CLAUSE.zh() + "）" : null;
        String clause = jurisdictionClause == null ? "" : jurisdictionClause.strip();
        if (!clause.isEmpty()) {
            Matcher named = COURT_NAME.matcher(clause);
            if (named.find() && !named.group(1).matches(".*(所在地|住所地|履行地|签订地|一方)人民法院")) {
                String court = named.group(1).replaceFirst("^[由向归交至在提]+", "");
                return new Proposal(court, "合同约定由" + court + "管辖，协议管辖须与争议有实际联系，且不违反级别管辖和专属管辖",
                        List.of(Statutes.AGREED_JURISDICTION), List.of(), join(warning, Courts.SPECIALISED));
            }
            Boolean creditorSide = side(clause, creditorIsPartyA);
            if (creditorSide != null) {
                Courts.Found f = creditorSide ? ours : theirs;
                String who = creditorSide ? "我方（" + (loan ? "出借人" : "出卖人") + "）" : "对方";
                String assumed = clause.contains("甲方") || clause.contains("乙方")
                        ? "（按账本，合同中的" + (creditorIsPartyA ? "甲方" : "乙方") + "是我方；如合同中甲乙方相反，请改选）" : "";
                String reason = "合同约定「" + clause + "」，即" + who + "所在地" + assumed + "，该约定与争议有实际联系，有效"
                        + (f.named() ? "：" + f.court() : "；" + f.note());
                return new Proposal(f.court(), reason, List.of(Statutes.AGREED_JURISDICTION), List.of(), join(warning, f.named() ? f.note() : null));
            }
        }
        // no usable agreement: the place of performance (the creditor receives the money) or the defendant's domicile
        List<Citation> basis = new ArrayList<>(List.of(Statutes.CONTRACT_JURISDICTION, Statutes.PLACE_OF_PERFORMANCE));
        if (loan) basis.add(Statutes.LOAN_PLACE_OF_PERFORMANCE);
        List<String> alternatives = new ArrayList<>();
        if (theirs.named()) alternatives.add("被告住所地的" + theirs.court() + "（" + Statutes.CONTRACT_JURISDICTION.zh() + "）");
        String intro = clause.isEmpty() ? "合同没有约定管辖" : "合同的管辖约定「" + clause + "」不能确定具体法院";
        if (ours.named()) {
            return new Proposal(ours.court(), intro + "；因合同纠纷可由合同履行地法院管辖，给付货币的以接收货币一方（我方）所在地为履行地："
                    + ours.court(), basis, alternatives, join(warning, ours.note()));
        }
        if (theirs.named()) {
            return new Proposal(theirs.court(), intro + "；我方地址不能确定法院（" + ours.note() + "），由被告住所地法院管辖："
                    + theirs.court(), List.of(Statutes.CONTRACT_JURISDICTION), List.of(), join(warning, theirs.note()));
        }
        return new Proposal(null, intro + "；双方的地址都不能确定法院（" + ours.note() + "）", basis, List.of(), warning);
    }

    /** Whether the clause points at the creditor's side (true), the debtor's (false), or neither clearly (null). */
    static Boolean side(String clause, boolean creditorIsPartyA) {
        boolean place = clause.matches(".*(所在地|住所地|注册地|经营地).*");
        if (!place) return null;
        boolean creditor = clause.matches(".*(原告|出卖人|卖方|供方|供货方|出借人|贷款人|债权人).*(所在地|住所地|注册地|经营地).*");
        boolean debtor = clause.matches(".*(被告|买受人|买方|需方|购货方|借款人|债务人).*(所在地|住所地|注册地|经营地).*");
        boolean jia = clause.matches(".*甲方.*(所在地|住所地|注册地|经营地).*");
        boolean yi = clause.matches(".*乙方.*(所在地|住所地|注册地|经营地).*");
        if (jia ^ yi) {
            boolean us = jia == creditorIsPartyA;
            if (us) creditor = true; else debtor = true;
        }
        if (creditor == debtor) return null; // neither, or both ("双方所在地")
        return creditor;
    }

    /**
     * The court for enforcement: the first-instance court that decided (or issued the 支付令), or the court of the same
     * level where the debtor's property is.
     */
    public Proposal enforcement(String firstInstanceCourt, String debtorAddress) {
        Courts.Found property = courts.forAddress(debtorAddress);
        List<String> alternatives = new ArrayList<>();
        if (property.named() && !property.court().equals(firstInstanceCourt)) {
            alternatives.add("被执行财产所在地与第一审法院同级的法院，如被执行人住所地的" + property.court() + "（财产在该地时）");
        }
        if (firstInstanceCourt != null && !firstInstanceCourt.isBlank()) {
            return new Proposal(firstInstanceCourt.strip(), "由第一审人民法院执行：" + firstInstanceCourt.strip(), List.of(Statutes.ENFORCEMENT_COURT),
                    alternatives, null);
        }
        return new Proposal(property.court(), "账本中没有记录第一审法院；由第一审人民法院或与其同级的被执行财产所在地法院执行"
                + (property.named() ? "，被执行人住所地：" + property.court() + "（请核对是否与第一审法院同级、财产是否在该地）" : "；" + property.note()),
                List.of(Statutes.ENFORCEMENT_COURT), List.of(), property.named() ? property.note() : null);
    }

    private static String join(String a, String b) {
        if (a == null || a.isBlank()) return b;
        if (b == null || b.isBlank()) return a;
        return a + "；" + b;
    }
}
