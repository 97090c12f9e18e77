package cn.huikuan.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Which legal route is open and which court to go to.
 * <ul>
 *   <li>支付令: 民事诉讼法 §225 (no other dispute between the parties; the order can be served) and
 *   民诉解释 §427 (money, due and fixed, no counter-performance owed, debtor in China and locatable,
 *   servable, no pre-suit preservation); §428(二): rejected if it insists on interest, penalty or damages
 *   the documents did not agree. The court: the basic court of the debtor's domicile (民诉解释 §23).</li>
 *   <li>Lawsuit on a contract: the defendant's domicile or the place of performance (民事诉讼法 §24); for
 *   money, the receiving party's location is the place of performance unless agreed (民诉解释 §18); a
 *   written jurisdiction agreement prevails within §35's limits.</li>
 *   <li>An arbitration clause sends the dispute to arbitration.</li>
 * </ul>
 */
public final class Routes {
    private Routes() {
    }

    /** What the user knows about the case; each flag is a question the wizard asks. */
    public record Facts(BigDecimal amountDue, boolean amountDisputed, boolean otherDisputes, boolean counterPerformanceOwed,
                        boolean debtorInChinaAndLocatable, boolean canBeServed, boolean preservationBeforeSuit,
                        boolean claimIncludesUnagreedCharges, boolean arbitrationClause, String jurisdictionClause,
                        String debtorDomicile, String creditorLocation) {
    }

    /** One condition of a route, in Chinese and English (the English window, issue 21), with what to do when it is not met. */
    public record Condition(String text, boolean met, Citation basis, String whatToDo, String textEn, String whatToDoEn) {
        /** The condition in the app's language ("en" or "zh"), with its basis. */
        public String text(String language) {
            return "en".equals(language) ? textEn + " (" + basis.en() + ")" : text + "（" + basis.zh() + "）";
        }

        /** What to do when it is not met, in the app's language; null when there is nothing to do. */
        public String whatToDo(String language) {
            return "en".equals(language) ? whatToDoEn : whatToDo;
        }
    }

    public record PaymentOrderCheck(boolean eligible, List<Condition> conditions, String court) {
        public List<Condition> failed() {
            return conditions.stream().filter(c -> !c.met()).toList();
        }
    }

    public static PaymentOrderCheck paymentOrder(Facts f) {
        List<Condition> c = new ArrayList<>();
        c.add(new Condition("请求给付的是金钱", true, Statutes.PAYMENT_ORDER, null, "The claim is for money", null));
        c.add(new Condition("合同没有仲裁条款", !f.arbitrationClause(), Statutes.PAYMENT_ORDER_CONDITIONS,
                "合同约定了仲裁：应向约定的仲裁机构申请仲裁", "The contract has no arbitration clause",
                "The contract provides for arbitration: apply to the agreed arbitration commission"));
        c.add(new Condition("金额已到期", f.amountDue() != null && f.amountDue().signum() > 0, Statutes.PAYMENT_ORDER_CONDITIONS,
                "等到期后再申请；尚未到期的部分不能申请支付令", "The amount is due",
                "Apply once it is due; what is not yet due cannot be claimed by a payment order"));
        c.add(new Condition("金额确定、对方没有争议", !f.amountDisputed(), Statutes.PAYMENT_ORDER_CONDITIONS,
                "先通过对账确认函确认金额；有争议的应当起诉", "The amount is certain and the debtor does not dispute it",
                "First have the amount confirmed with a balance confirmation; a disputed amount calls for a lawsuit"));
        c.add(new Condition("双方没有其他债务纠纷", !f.otherDisputes(), Statutes.PAYMENT_ORDER, "有其他纠纷的应当起诉",
                "There is no other debt dispute between the parties", "With other disputes, sue instead"));
        c.add(new Condition("我方没有尚未履行的对待给付义务（如未交完的货）", !f.counterPerformanceOwed(), Statutes.PAYMENT_ORDER_CONDITIONS,
                "先履行我方义务，或选择起诉", "We owe no counter-performance (such as goods not yet delivered)",
                "Perform our side first, or sue"));
        c.add(new Condition("债务人在中国境内且下落明确", f.debtorInChinaAndLocatable(), Statutes.PAYMENT_ORDER_CONDITIONS,
                "下落不明的不能申请支付令，可以起诉（公告送达）", "The debtor is in mainland China and can be located",
                "A debtor who cannot be located cannot be served a payment order: sue (service by public notice)"));
        c.add(new Condition("支付令能够送达债务人", f.canBeServed(), Statutes.PAYMENT_ORDER, "核实债务人的送达地址；无法送达的应当起诉",
                "The payment order can be served on the debtor", "Check the debtor's address for service; if it cannot be served, sue"));
        c.add(new Condition("没有向法院申请诉前保全", !f.preservationBeforeSuit(), Statutes.PAYMENT_ORDER_CONDITIONS,
                "已申请诉前保全的，应当起诉", "No pre-suit preservation has been applied for",
                "After a pre-suit preservation, sue"));
        // the claim of a 支付令 leaves out what the debtor never agreed in writing (issue 18, 19): a condition met by the
        // reduced claim, which says so, rather than a reason not to apply
        c.add(new Condition(f.claimIncludesUnagreedCharges()
                ? "只请求合同约定的利息、违约金：合同未约定的逾期利息或损失不在支付令中主张（申请费按减少后的金额计算；如需主张请起诉）"
                : "只请求合同约定的利息、违约金", true, Statutes.PAYMENT_ORDER_REJECTION, null,
                f.claimIncludesUnagreedCharges()
                        ? "Only the interest and penalty agreed in the contract are claimed: overdue interest or losses the contract does not"
                        + " provide for are left out of the payment order (the fee follows the reduced amount; sue to claim them)"
                        : "Only the interest and penalty agreed in the contract are claimed", null));
        boolean ok = c.stream().allMatch(Condition::met);
        return new PaymentOrderCheck(ok, List.copyOf(c), courtForPaymentOrder(f, "zh"));
    }

    /**
     * The court a 支付令 is filed with must be a basic-level court (民事诉讼法 §225, §18): an intermediate, high or
     * specialised court, or an arbitration body, is named as not met with what to do (issue 19).
     */
    public static Condition paymentOrderCourt(String court) {
        boolean ok = Courts.isBasicLevel(court);
        String shown = court == null || court.isBlank() ? "未填写" : court.strip();
        return new Condition("受理支付令的是基层人民法院（" + shown + "）", ok, Statutes.PAYMENT_ORDER,
                "向债务人住所地的基层人民法院（区、县人民法院）申请",
                "The court is a basic-level people's court (" + (court == null || court.isBlank() ? "not filled in" : court.strip()) + ")",
                "Apply to the basic-level court (district or county court) where the debtor is domiciled");
    }

    /**
     * Arbitration needs a written arbitration agreement (仲裁法 §4, §16): without one recorded on the receivable the
     * commission will not accept the case (issue 19).
     */
    public static Condition arbitration(boolean arbitrationClause) {
        return new Condition("合同中有书面仲裁条款（已在应收款中记录）", arbitrationClause, Statutes.ARBITRATION_AGREEMENT_NEEDED,
                "核对合同：有仲裁条款的在应收款中记录；没有的应当起诉（" + Statutes.ARBITRATION_CLAUSE.zh() + "：仲裁协议须为书面）",
                "The contract has a written arbitration clause (recorded on the receivable)",
                "Check the contract: record an arbitration clause on the receivable if there is one; without one, sue ("
                        + Statutes.ARBITRATION_CLAUSE.en() + ": an arbitration agreement must be in writing)");
    }

    /** Courts (or the arbitration body) for a lawsuit on a money claim under a contract. */
    public static List<String> lawsuitCourts(Facts f) {
        return lawsuitCourts(f, "zh");
    }

    /** {@link #lawsuitCourts} in the app's language ("en" or "zh"); the places stay as they were entered. */
    public static List<String> lawsuitCourts(Facts f, String language) {
        boolean en = "en".equals(language);
        List<String> list = new ArrayList<>();
        if (f.arbitrationClause()) {
            list.add(en ? "The contract has an arbitration clause: apply to the agreed arbitration commission; courts generally do not accept the suit"
                    : "合同有仲裁条款：应向约定的仲裁机构申请仲裁，法院一般不受理起诉");
            return list;
        }
        if (f.jurisdictionClause() != null && !f.jurisdictionClause().isBlank()) {
            list.add(en ? "As the contract's jurisdiction clause says: " + f.jurisdictionClause().strip() + " (" + Statutes.AGREED_JURISDICTION.en()
                    + ": a place actually connected with the dispute, within the rules on court levels and exclusive jurisdiction)"
                    : "按合同的管辖约定：" + f.jurisdictionClause().strip() + "（" + Statutes.AGREED_JURISDICTION.zh()
                    + "：须是与争议有实际联系的地点，且不违反级别管辖和专属管辖）");
        }
        list.add(en ? "The people's court where the defendant is domiciled (" + blankEn(f.debtorDomicile()) + ") (" + Statutes.CONTRACT_JURISDICTION.en() + ")"
                : "被告住所地（" + blank(f.debtorDomicile()) + "）的人民法院（" + Statutes.CONTRACT_JURISDICTION.zh() + "）");
        list.add(en ? "The people's court of the place of performance: where not agreed, for a payment it is where the payee is, i.e. our place ("
                + blankEn(f.creditorLocation()) + ") (" + Statutes.CONTRACT_JURISDICTION.en() + "; " + Statutes.PLACE_OF_PERFORMANCE.en() + ")"
                : "合同履行地的人民法院：约定不明时，给付货币的以接收货币一方所在地为履行地，即我方所在地（" + blank(f.creditorLocation()) + "）（"
                + Statutes.CONTRACT_JURISDICTION.zh() + "，" + Statutes.PLACE_OF_PERFORMANCE.zh() + "）");
        return list;
    }

    /** Where a payment order is applied for, in the app's language ("en" or "zh"). */
    public static String courtForPaymentOrder(Facts f, String language) {
        return "en".equals(language)
                ? "The basic-level people's court where the debtor is domiciled (" + blankEn(f.debtorDomicile()) + ") (" + Statutes.PAYMENT_ORDER_COURT.en() + ")"
                : "债务人住所地（" + blank(f.debtorDomicile()) + "）的基层人民法院（" + Statutes.PAYMENT_ORDER_COURT.zh() + "）";
    }

    private static String blankEn(String s) {
        return s == null || s.isBlank() ? "not filled in" : s.strip();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? "未填写" : s.strip();
    }
}
