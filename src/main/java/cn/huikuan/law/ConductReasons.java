package cn.huikuan.law;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The conduct guard's reasons in English (issue 20: the English window showed them in Chinese). A finding's reason
 * is written in Chinese by its rule ({@link ConductRules}, {@link ConductGuard}); its English is looked up here by the
 * reason's headline (the words before the first 「：」), with the figures of the reasons that carry them (a rate, a
 * number of contacts, the contact hours) carried over. {@code ConductGuardTest} checks that every reason the guard
 * gives on its corpus has an English text with no Chinese left in it.
 */
public final class ConductReasons {
    private ConductReasons() {
    }

    private static final Map<String, String> BY_HEADLINE = new LinkedHashMap<>();

    static {
        BY_HEADLINE.put("以不付款为条件的威胁", "A threat made conditional on payment: the only lawful consequences of not paying are"
                + " asserting one's rights (talks, a lawyer, a payment order, a lawsuit, enforcement); threatening anything else is"
                + " intimidation and can be punished under the Public Security Administration Punishments Law");
        BY_HEADLINE.put("以刑事追究、拘留相威胁", "Threatening criminal prosecution or detention: a debt is a civil matter; not paying is not"
                + " a crime and does not lead to prison; saying so is intimidation and may damage the debtor's reputation");
        BY_HEADLINE.put("以对方的隐私或个人信息相要挟", "Using the debtor's privacy or personal information as leverage: obtaining,"
                + " publishing or passing on ID documents, addresses, whereabouts or private photos infringes privacy and personal"
                + " information rights; serious cases are crimes");
        BY_HEADLINE.put("以时间或频率骚扰", "Harassment by time or frequency: repeated calls, message bombing, contact late at night,"
                + " following and pestering disturb private life and can be punished under the Public Security Administration"
                + " Punishments Law");
        BY_HEADLINE.put("以法院才有的强制措施相威胁", "Threatening measures only a court may order: seizure, freezing, travel bans and"
                + " the list of dishonest judgment debtors are decided by a court alone; a business creditor cannot report a person"
                + " to the credit reference system either");
        BY_HEADLINE.put("侮辱性言辞", "Insulting words: they infringe the right to reputation; repeated insulting messages can be"
                + " punished under the Public Security Administration Punishments Law and serious public insults are the crime of"
                + " insult. Calling the debtor a \"deadbeat\" (laolai) and the like is not allowed either");
        BY_HEADLINE.put("公开曝光欠款", "Exposing the debt in public: publishing someone's personal information, posting or putting"
                + " the debt online without their separate consent infringes personal information and reputation rights");
        BY_HEADLINE.put("冒充或假借公安、法院等国家机关的名义施压", "Posing as, or invoking, the police, a court or another state"
                + " authority to put on pressure: impersonating a state official to deceive is a crime");
        BY_HEADLINE.put("以公安、法院等国家机关的名义发出", "Sent in the name of the police, a court or another state authority:"
                + " impersonating a state official to deceive is a crime");
        BY_HEADLINE.put("利滚利", "Compound interest: interest added to the principal to bear interest again is not upheld by a court"
                + " beyond four times the one-year LPR");
        BY_HEADLINE.put("利用对方的通讯录或紧急联系人催收", "Collecting through the debtor's contact list or emergency contacts:"
                + " telling their contacts about the debt or pestering them has no legal basis");
        BY_HEADLINE.put("向第三方透露欠款", "Disclosing the debt to a third party: collection may address only the debtor (and a"
                + " guarantor); telling their family, employer, friends or contact list about the debt has no legal basis and"
                + " infringes personal information and privacy");
        BY_HEADLINE.put("威胁对方人身安全", "Threatening the debtor's safety: threatening violence to collect a debt can be punished"
                + " under the Public Security Administration Punishments Law and can be a crime in serious cases");
        BY_HEADLINE.put("威胁扣押或限制人身自由", "Threatening to hold or confine the debtor: unlawfully detaining someone to collect"
                + " a debt is the crime of unlawful detention");
        BY_HEADLINE.put("威胁毁坏对方财物或自行强取财物", "Threatening to damage the debtor's property or to take it by force:"
                + " wilful damage can be punished, and is a crime when the amount is large; a claim can be enforced only by a court");
        BY_HEADLINE.put("找到对方的住处、店铺、车辆、单位或家人那里去", "Going to the debtor's home, shop, car, workplace or family:"
                + " turning up or waiting there other than to serve documents or reconcile accounts is harassment and a veiled"
                + " threat, and can be punished under the Public Security Administration Punishments Law");
        BY_HEADLINE.put("把对方列入“黑名单”", "Putting the debtor on a \"blacklist\": only a court may list a judgment debtor who refuses"
                + " to comply as a dishonest judgment debtor; a creditor's own blacklist exposes the debt and damages reputation");
        BY_HEADLINE.put("牵连对方的家人、孩子或邻居", "Dragging in the debtor's family, children or neighbours: threatening their"
                + " safety or harassing them at home disturbs private life and can be punished under the Public Security"
                + " Administration Punishments Law");
        BY_HEADLINE.put("自行加收未约定的费用", "Charging fees nobody agreed: a creditor may claim only the liquidated damages and"
                + " interest the contract set and the losses the law allows; home-visit fees, collection fees, overdue fees and the"
                + " like of one's own invention have no legal basis, and for a loan interest, penalties and other charges together"
                + " may not exceed the legal cap");
        BY_HEADLINE.put("自行“罚款”", "A private \"fine\": neither people nor businesses may impose fines; only the liquidated damages"
                + " agreed in the contract may be claimed, and a court may reduce excessive ones");
        BY_HEADLINE.put("非法债务", "An illegal debt: gambling debts and usurious loans are not protected by law; collecting them in"
                + " serious circumstances is the crime of collecting illegal debts");
        BY_HEADLINE.put("预先扣除利息（砍头息）", "Interest deducted in advance: interest may not be deducted from the principal up"
                + " front; the principal is the amount actually lent");
    }

    private static final Pattern RATE = Pattern.compile("^利率超过法律保护的上限：折合年利率约 ([0-9.]+)%，超过一年期LPR的四倍（(.*?)）");
    private static final Pattern CAP_NOTE = Pattern.compile("([0-9.]+)%/年");
    private static final Pattern HOURS = Pattern.compile("^本软件的联系时间政策为 (\\S+?)–(\\S+?)（");
    private static final Pattern WEEK = Pattern.compile("^七天内第 (\\d+) 次联系，超过本软件的频率政策（每七天最多 (\\d+) 次");
    private static final Pattern DAY = Pattern.compile("^二十四小时内第 (\\d+) 次联系");
    private static final Pattern MODEL = Pattern.compile("^这条消息的措辞整体上与已知的违法催收消息一致（(.*?)）");
    private static final String ILLEGAL_DEBT = "；所催的是高利放贷等非法债务";

    /** The English of a reason the guard gave in Chinese; the Chinese itself if it is not one the guard gives. */
    public static String english(String zh) {
        if (zh == null) return null;
        String base = zh;
        String extra = "";
        int illegal = zh.indexOf(ILLEGAL_DEBT);
        if (illegal >= 0) {
            base = zh.substring(0, illegal);
            extra = "; the debt being collected is an illegal one (usurious lending and the like): collecting it by violence,"
                    + " coercion, intimidation, following or harassment is, in serious cases, the crime of collecting illegal debts";
        }
        String en = translate(base);
        return en == null ? zh : en + extra;
    }

    private static String translate(String zh) {
        Matcher m = RATE.matcher(zh);
        if (m.find()) {
            Matcher cap = CAP_NOTE.matcher(m.group(2));
            return "Interest above the legal cap: about " + m.group(1) + "% a year, more than four times the one-year LPR"
                    + (cap.find() ? " (" + cap.group(1) + "% a year, at the LPR when the contract was made)" : "")
                    + "; courts do not uphold the excess, and collecting debts from usurious lending may be a crime";
        }
        m = HOURS.matcher(zh);
        if (m.find()) {
            return "The app's contact hours are " + m.group(1) + "–" + m.group(2) + " (the app's policy, not a rule of law; contact"
                    + " late at night or early in the morning may be held to disturb private life)";
        }
        m = WEEK.matcher(zh);
        if (m.find()) {
            return "Contact no. " + m.group(1) + " within seven days, above the app's frequency policy (at most " + m.group(2)
                    + " in seven days; the app's policy, not a rule of law)";
        }
        m = DAY.matcher(zh);
        if (m.find()) {
            return "Contact no. " + m.group(1) + " within 24 hours: repeated contact may be held to disturb private life (the app's"
                    + " policy, not a rule of law)";
        }
        m = MODEL.matcher(zh);
        if (m.find()) {
            return "The wording of this message as a whole matches known unlawful collection messages (" + category(m.group(1))
                    + "); no single rule names it, this is the statistical model's judgement: check the marked sentence. Collection"
                    + " may address only the debt itself, civilly, and only the debtor (and a guarantor); its only consequences are"
                    + " asserting one's rights by law";
        }
        int colon = zh.indexOf('：');
        return colon < 0 ? null : BY_HEADLINE.get(zh.substring(0, colon));
    }

    private static String category(String zh) {
        for (ConductGuard.Category c : ConductGuard.Category.values()) {
            if (c.zh().equals(zh)) return c.id().replace('_', ' ');
        }
        return zh;
    }
}
