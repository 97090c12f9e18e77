package cn.huikuan.law;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a collection message before it is saved or copied, and the time of a contact.
 * <ul>
 *   <li>Threats of violence or of unlawful detention — 刑法 §238, §293之一; 民法典 §1033.</li>
 *   <li>Insults — 民法典 §1024 (reputation), 刑法 §246.</li>
 *   <li>Threats to expose the debtor or to contact family, employer, colleagues or friends —
 *   个人信息保护法 §25, §23; 民法典 §1033, §1038.</li>
 *   <li>Claims of illegal debts (usurious "cut-head" interest, compounding, gambling debts) — 刑法 §293之一.</li>
 *   <li>Recording calls: a note that recordings made by seriously infringing others' rights are not evidence
 *   (民诉解释 §106); recording one's own call with the debtor is ordinarily usable.</li>
 *   <li>Contact hours and frequency: <b>the app's policy, not law</b> (FACTS.md §11 found no binding rule for a
 *   trade creditor): 08:00–21:00 and at most a set number of contacts in seven days.</li>
 * </ul>
 * Each finding says why and suggests lawful wording; the user may override with a reason, which is logged.
 */
public final class ConductGuard {
    public enum Concern { THREAT, INSULT, DISCLOSURE, ILLEGAL_DEBT, RECORDING, OUTSIDE_HOURS, TOO_FREQUENT }

    /** One thing flagged: what, where in the text, why, on what basis (null for the app's policy), and a lawful alternative. */
    public record Finding(Concern concern, String matched, int start, int end, String reason, Citation basis, boolean policyOnly,
                          String suggestion) {
    }

    /** The app's contact policy; defaults 08:00–21:00 and 3 contacts in any seven days. */
    public record Policy(LocalTime earliest, LocalTime latest, int maxPerSevenDays) {
        public static Policy defaults() {
            return new Policy(LocalTime.of(8, 0), LocalTime.of(21, 0), 3);
        }

        public Policy {
            if (!earliest.isBefore(latest)) throw new IllegalArgumentException("earliest must be before latest");
            if (maxPerSevenDays < 1 || maxPerSevenDays > 50) throw new IllegalArgumentException("maxPerSevenDays must be 1..50");
        }
    }

    private record Rule(Concern concern, Pattern pattern, String reason, Citation basis, String suggestion) {
    }

    private static final String FAMILY = "(家人|家里人|老婆|老公|妻子|丈夫|爱人|父母|爸妈|爸|妈|孩子|儿子|女儿|亲戚|领导|老板|上司|同事|单位|公司|邻居|朋友|通讯录|联系人)";
    private static final String PEACEFUL = "我方将依法通过诉讼等途径解决，相关费用依法由您承担。";

    private static final List<Rule> RULES = List.of(
            new Rule(Concern.THREAT, Pattern.compile("(打断|弄死|砍死|砍你|揍你|打死|废了你|收拾你|杀了|宰了|放火|烧你|泼油漆|让你好看|让你(付出|吃不了)|小心(你|点)|见血|你等着|走着瞧|上门堵|堵你|扣下你|关起来|不让你走|人身安全|后果自负|出门小心)"),
                    "含有暴力或威胁的内容：以暴力、胁迫、限制人身自由催讨债务可能构成违法犯罪，也会让证据对您不利",
                    Statutes.CRIME_COLLECTING_ILLEGAL_DEBTS, "如到期仍未付款，" + PEACEFUL),
            new Rule(Concern.INSULT, Pattern.compile("(骗子|老赖|无耻|不要脸|畜生|王八蛋|混蛋|人渣|垃圾|废物|去死|傻[逼比Bb]|\\bSB\\b|狗东西|贱人|滚蛋|滚开|给我滚)", Pattern.CASE_INSENSITIVE),
                    "含有侮辱性言辞：侮辱他人会侵害名誉权，情节严重可能构成侮辱罪；“老赖”只适用于法院公布的失信被执行人",
                    Statutes.REPUTATION, "请您尽快核对欠款并安排付款；如有困难，欢迎与我们商量还款计划。"),
            new Rule(Concern.DISCLOSURE, Pattern.compile("(曝光|公开你|公之于众|挂(到|在)?网上|发(到)?朋友圈|发(到)?群里|贴(出来|到)|让大家都知道|让所有人知道|"
                    + "(告诉|通知|联系|找|打给|打电话给|发给|找到)你的?" + FAMILY + "|让你的?" + FAMILY + "(都)?知道)"),
                    "威胁公开欠款信息或联系债务人的家人、单位、朋友：未经本人单独同意公开或向他人提供其个人信息、骚扰他人生活安宁，均为法律所禁止",
                    Statutes.PIPL_NO_PUBLICATION, "这件事我们只与您本人沟通，不会告知其他人。如未付款，" + PEACEFUL),
            new Rule(Concern.ILLEGAL_DEBT, Pattern.compile("(砍头息|利滚利|驴打滚|高利贷|赌债|赌资|套路贷|月息[三四五六七八九十]分)"),
                    "涉及可能不受法律保护的债务或利息（高利放贷、砍头息、复利、赌债）：催收高利放贷等产生的非法债务可能构成犯罪，法院也不会支持",
                    Statutes.CRIME_COLLECTING_ILLEGAL_DEBTS, "只主张合同约定且合法的本金和利息，利率以法律保护的上限为限。"),
            new Rule(Concern.RECORDING, Pattern.compile("(录音|录下来|录像|偷录|偷拍|定位|跟踪)"),
                    "关于录音录像：与对方本人的通话录音一般可以作为证据；以严重侵害他人合法权益、违反法律禁止性规定的方法取得的（如偷拍私密场所、非法定位跟踪）不能作为证据，且可能违法",
                    Statutes.UNLAWFUL_EVIDENCE, "只保存您与对方本人的通话录音和聊天记录，不跟踪、不偷拍。"));

    private final Policy policy;

    public ConductGuard(Policy policy) {
        this.policy = policy;
    }

    /** Everything flagged in {@code text}, in order of appearance; empty when the message reads lawful. */
    public List<Finding> checkText(String text) {
        List<Finding> found = new ArrayList<>();
        if (text == null || text.isBlank()) return found;
        String normalized = text.toLowerCase(Locale.ROOT);
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(normalized);
            while (m.find()) {
                found.add(new Finding(r.concern(), text.substring(m.start(), m.end()), m.start(), m.end(), r.reason(), r.basis(), false,
                        r.suggestion()));
            }
        }
        found.sort(java.util.Comparator.comparingInt(Finding::start));
        return found;
    }

    /** A planned contact at {@code when}, given the earlier contacts with the same debtor. Policy, not law. */
    public List<Finding> checkTiming(LocalDateTime when, List<LocalDateTime> earlier) {
        List<Finding> found = new ArrayList<>();
        LocalTime t = when.toLocalTime();
        if (t.isBefore(policy.earliest()) || t.isAfter(policy.latest())) {
            found.add(new Finding(Concern.OUTSIDE_HOURS, t.toString(), 0, 0,
                    "本软件的联系时间政策为 " + policy.earliest() + "–" + policy.latest() + "（软件政策，并非法律规定；深夜或清晨联系可能被认为侵扰生活安宁）",
                    null, true, "请在 " + policy.earliest() + "–" + policy.latest() + " 之间联系。"));
        }
        long recent = earlier.stream().filter(e -> !e.isAfter(when) && Duration.between(e, when).toDays() < 7).count();
        if (recent >= policy.maxPerSevenDays()) {
            found.add(new Finding(Concern.TOO_FREQUENT, Long.toString(recent + 1), 0, 0,
                    "七天内第 " + (recent + 1) + " 次联系，超过本软件的频率政策（每七天最多 " + policy.maxPerSevenDays() + " 次；软件政策，并非法律规定）",
                    null, true, "等几天再联系，或改为发送书面催告函。"));
        }
        return found;
    }

    public Policy policy() {
        return policy;
    }
}
