package cn.huikuan.law;

import cn.huikuan.law.ConductGuard.Category;
import cn.huikuan.law.ConductGuard.DebtorKind;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Locale;

/**
 * What the conduct guard looks for (issue 20), written from the categories of unlawful collection and the articles
 * that forbid them, not from any list of messages. Rules read the normalised text of
 * {@link cn.huikuan.law.text.ChineseText} (simplified, no noise, one clause per line) and are frames rather than
 * words: who is addressed (the debtor, a third party, the debtor's own staff), what is threatened or announced,
 * whether it is negated ("我们不会联系您的家人"), and whether a court does it after a judgment (lawful) or the creditor
 * claims to ("我们会冻结你的支付宝").
 */
final class ConductRules {
    private ConductRules() {
    }

    /** Emoji that carry a meaning here become these marks (by their Unicode names, read with ICU). */
    static final char WEAPON = '\uE001';
    static final char POLICE = '\uE003';
    static final char PHONE = '\uE004';
    static final char CAMERA = '\uE005';
    static final char FILTH = '\uE006';

    static String emojiWord(String unicodeName) {
        if (unicodeName == null) return null;
        String n = unicodeName.toUpperCase(Locale.ROOT);
        if (n.matches(".*\\b(KNIFE|HOCHO|DAGGER|PISTOL|GUN|BOMB|AXE|SWORD|SWORDS|SKULL|COFFIN|BLOOD)\\b.*")) return String.valueOf(WEAPON);
        if (n.contains("POLICE")) return String.valueOf(POLICE);
        if (n.matches(".*\\b(TELEPHONE|PHONE)\\b.*")) return String.valueOf(PHONE);
        if (n.contains("CAMERA")) return String.valueOf(CAMERA);
        if (n.contains("POO") || n.contains("MIDDLE FINGER")) return String.valueOf(FILTH);
        return null;
    }

    /** One place in the text a rule fired. */
    record Hit(Category category, int start, int end, List<Citation> basis, String reason, boolean illegalDebt) {
    }

    /** What a rule's exception looks at. */
    record Where(String text, int start, int end, Matcher m, DebtorKind debtor) {
        String clausePrefix() {
            int c = text.lastIndexOf('\n', start - 1);
            return text.substring(c + 1, start);
        }

        String clause() {
            int c = text.lastIndexOf('\n', start - 1);
            int e = text.indexOf('\n', end);
            return text.substring(c + 1, e < 0 ? text.length() : e);
        }
    }

    private record Rule(Category category, Pattern pattern, List<Citation> basis, String reason, boolean negatable, Predicate<Where> unless) {
    }

    // ------------------------------------------------------------------ words

    private static final String CL = "[^\\n]";                  // within the clause
    private static final String YOU = "(?:你|您|你们|您们)";
    private static final String FAMILY = "(?:全家|一家老小|一家子|一家人|家人|家里人|家属|老婆|媳妇|妻子|老公|丈夫|爱人|孩子|儿子|女儿|闺女|小孩|孙子|孙女|小孙子|外孙"
            + "|爸妈|父母|爸爸|妈妈|你爸|你妈|老爸|老妈|家里老人|家老人|老人|老母亲|老父亲|岳父|岳母|丈母娘|老丈人|公公|婆婆|兄弟姐妹|哥哥|姐姐|弟弟|妹妹|亲戚"
            + "|老娘|老爹|爹妈|你爹|你娘|爹娘|父亲|母亲|儿女|子女|大儿子|小儿子|前妻|前夫|亲家)";
    /** People and places other than the debtor (and a guarantor, who is a party to the debt). */
    private static final String THIRD = "(?<third>家人|家里人|家属|老婆|媳妇|妻子|老公|丈夫|爱人|女朋友|男朋友|对象|父母|爸妈|岳父|岳母|丈母娘|公婆|亲戚|亲友|亲朋"
            + "|朋友|好友|同学|前同事|同事|领导|老板|上司|单位|公司|老家|村委会|村里|居委会|街道|社区|物业|隔壁邻居|邻居|隔壁|左邻右舍|小区|业主|通讯录|联系人"
            + "|紧急联系人|客户|供应商|合作伙伴|合作方|员工|下属|开户银行|银行|同行|商会|工会|学校|老师|家长|班主任|房东|前妻|前夫|前女友|前男友|人事|前台"
            + "|顾客|合伙人|老乡|同乡|战友|亲家|老丈人|娘家|婆家|经理|主管|主任|物业|保安|村长|支书|书记|校长)(?![圈端卡号])";
    /** For a company debtor these are the debtor itself: its finance department, its representative, its managers. */
    private static final Pattern DEBTOR_SIDE = Pattern.compile("公司|单位|领导|老板|上司|下属|经理|主管|主任|人事|前台");
    private static final String AUTH = "(?:人民法院|法院|执行局|执行庭|公安局|公安机关|公安|派出所|警察|民警|刑警|警方|经侦|网警|检察院|检察官|法官|司法局|纪委|特警|" + POLICE + ")";
    /** A judgment, award or enforcement case: the lawful ground for talk of 失信、拘留、拒不执行. */
    private static final Pattern JUDGMENT = Pattern.compile("判决|裁定|调解书|支付令|法律文书|被执行人|执行法官|拒不履行|拒不执行|仲裁裁决|申请执行|强制执行"
            + "|执行案|执行(?:已经|已)?立案|法院判|判了");
    private static final Pattern COURT = Pattern.compile("法院|仲裁委|仲裁机构|执行法官");
    /** A court's papers reaching the debtor, as they do after a lawsuit is filed (a summons by post is no impersonation). */
    private static final Pattern SERVED = Pattern.compile("传票|起诉状|应诉通知|举证通知|送达|(?:寄|邮寄|快递)(?:到|给)");
    /** A charge the parties agreed, or one a court decided. */
    private static final Pattern AGREED = Pattern.compile("合同|约定|协议|条款|判决|法院|调解书");
    /** A step a creditor may lawfully announce: a lawsuit or other court procedure, a lawyer, the contract's own remedies. */
    private static final Pattern LAWFUL_STEP = Pattern.compile("起诉|诉讼|告你|告到法院|打官司|法院|仲裁|支付令|律师|强制执行|法律程序|法律途径|法律手段|依法|按法律|走法律"
            + "|停止供货|停止发货|停(?:止)?(?:你的)?赊账|取消(?:你的)?(?:赊账|账期|折扣|返点)|不再合作|终止合作|违约金"
            + "|赊账|账期|供货|发货|订单|接单|现款|款到发货|先打款|合作");
    /** Words that make pressure a threat whatever step is named beside it: harm, people sent round, exposure. */
    private static final Pattern UNLAWFUL_STEP = Pattern.compile("打(?:断|折|残|死|伤|你|一顿)|砸|揍|砍|捅|弄死|兄弟|找人|带人|上门|堵你|家人|老婆|孩子|父母|爸妈|你单位"
            + "|公司门口|曝光|发到|群里|网上|朋友圈|通讯录|小心|注意安全|意外|出事|医院|走夜路|不得安宁");
    /** The police and criminal procedure: a case they file is no civil step. */
    private static final Pattern CRIMINAL = Pattern.compile("公安|警察|民警|刑警|警方|经侦|派出所|检察|侦查|刑事|" + POLICE);
    private static final Pattern APPLY = Pattern.compile("申请|向法院|请求法院|由法院|法院依法|起诉|诉讼");

    /** A negation that governs what follows it in the clause: "我们不会把您的事告诉任何人". Not a condition ("不还就…"). */
    private static final String NEGATOR = "(?:(?:别|甭)(?:担心|怕|害怕|紧张|多想)|不会|不得|不能|不可能|不打算|不准备|(?<!要)不要(?!逼)|(?<!有)没有|绝不|决不|从不|并不|也不|无意|请勿|无需|不用|不必"
            + "|不(?:收|计|算|主张|加收|罚|扣))";
    /** A negation word, or a bare 不/没 right before the words (不去你家): "没气了可别怪我" is no negation. */
    private static final Pattern NEGATED = Pattern.compile(NEGATOR + "[^\\n就则便才否]{0,8}$"
            + "|(?:(?<![要会能是])不(?![信怕想敢然如管还付给让逼怪])|(?<!有)没(?![有人钱])|勿)[^\\n就则便才否]?$");
    /** A negation anywhere in a later clause of a match that runs over two clauses. */
    private static final Pattern NEGATION = Pattern.compile("不会|没有|绝不|决不|从不|并不|不得|不能|无意|请勿|不打算|不准备"
            + "|[不没](?:打|发|联系|告诉|通知|说|找|去|上门)");

    // ------------------------------------------------------------------ rules

    private static final List<Rule> RULES = new ArrayList<>();

    private static void rule(Category c, String regex, String reason, Predicate<Where> unless, Citation... basis) {
        RULES.add(new Rule(c, Pattern.compile(regex), List.of(basis), reason, true, unless));
    }

    private static void rule(Category c, String regex, String reason, Citation... basis) {
        rule(c, regex, reason, w -> false, basis);
    }

    /** The third party is the debtor's (你的家人, 你们公司的同事) or is a third party whoever it belongs to (亲戚, 邻居). */
    private static boolean ownedByDebtor(Where w) {
        int at = w.m().start("third");
        String before = w.text().substring(Math.max(0, at - 3), at);
        return before.matches(".*(?:你|您|你的|您的|你们|你们的|他的|她的|你老家的|你家的)$")
                || w.m().group("third").matches("亲戚|亲友|亲朋|邻居|隔壁邻居|左邻右舍|前同事|同事|朋友|好友|同学|员工|家长|老师|村委会|居委会|街道|社区|前妻|前夫"
                + "|前女友|前男友|人事|前台|顾客|老乡|同乡|战友|亲家|老丈人|娘家|婆家|物业|保安|村长|支书|书记|校长");
    }

    /** A judgment mentioned outside the matched words ("执行法官已经在路上了" names none). */
    private static boolean judgmentElsewhere(Where w) {
        return JUDGMENT.matcher(w.text().substring(0, w.start()) + "\n" + w.text().substring(w.end())).find();
    }

    private static boolean judgment(Where w) {
        return JUDGMENT.matcher(w.text()).find();
    }

    /**
     * A crime the debtor is said to have committed besides not paying: a forged or altered document, an assumed identity
     * (伪造的房产证做抵押, 回单是P的, 冒用他人名义; 刑法 §266 诈骗, §280 伪造证件). Reporting that to the police is no false
     * threat; calling a debt unpaid "诈骗" is one (the rules below).
     */
    private static boolean realCrime(Where w) {
        return REAL_CRIME.matcher(w.text()).find();
    }

    private static final Pattern REAL_CRIME = Pattern.compile("伪造|变造|假冒|冒用|冒名|虚构(?:事实|身份|交易)"
            + "|(?:假的?|ps的?|p的)(?:证|章|公章|合同|房产证|身份证|回单|凭证|汇票|承兑|发票|签名|转账记录|截图)"
            + "|(?:证|章|合同|回单|凭证|汇票|签名|截图)(?:是|都是|竟然是)(?:假的|p的|ps的)");

    /**
     * The debtor posting, not the writer ("你天天发朋友圈去旅游", "您还在朋友圈晒新车"): the debtor is the subject of the
     * clause and nobody else acts before the words.
     */
    private static boolean debtorPosts(Where w) {
        return DEBTOR_SUBJECT.matcher(w.clausePrefix()).find();
    }

    private static final Pattern DEBTOR_SUBJECT = Pattern.compile("(?<![把给让将对拿跟和替帮叫])(?:你|您)(?:们)?(?!的)[^\\n我把给让替帮被叫的]{0,8}$");

    /**
     * A shop's own list of customers it no longer gives credit to ("我们店的黑名单就是不再赊账的客户"): a trade term the
     * shop may set (民法典 §525–§527), as long as nothing is published or sent to anyone.
     */
    private static boolean ownCreditList(Where w) {
        return OWN_LIST.matcher(w.clausePrefix()).find() && CREDIT_TERMS.matcher(w.text()).find() && !published(w.text());
    }

    /** Words of publishing the list that are not negated (不会对外公布 publishes nothing). */
    private static boolean published(String text) {
        Matcher p = PUBLISHED.matcher(text);
        while (p.find()) {
            int from = text.lastIndexOf('\n', p.start() - 1) + 1;
            String before = text.substring(from, p.start());
            if (!NEGATED.matcher(before).find() && !NOT_NEAR.matcher(before).find()) return true;
        }
        return false;
    }

    private static final Pattern OWN_LIST = Pattern.compile("(?:我们|我|本|咱们)(?:[^\\n你他她]{0,4}?(?:店|公司|厂|铺|行|门市|超市|作坊)|这边|家)?(?:里|内)?(?:的)?(?:内部|自己|私下)?(?:的|有个|有一个|有|记的|记了个|弄了个|建了个)?"
            + "(?:赊账|赊销|欠款|客户信用|客户|信用|风控)?$");
    private static final Pattern CREDIT_TERMS = Pattern.compile("赊账|赊销|现结|现款|款到|账期|供货|发货|额度|风控|信用|内部|不对外");
    /** A plain negation a few characters before (不对外公开, 从没给外人看). */
    private static final Pattern NOT_NEAR = Pattern.compile("(?:不|没|别|绝不|从不|从没)[^\n]{0,3}$");
    /** The debtor invited to act: 可联系, 请您联系, 欢迎… right before the verb. */
    private static final Pattern INVITED = Pattern.compile("(?:可|请|可以|欢迎|随时|烦请|如需)(?:您|你)?$");
    private static final Pattern PUBLISHED = Pattern.compile("公开|公布|公示|曝光|挂|贴|发到|群|网上|朋友圈|通报|同行|大家|所有");

    /**
     * Words of trade before or after a thing that could be a weapon: the goods a shop sells or buys (供应钢管, 一批刀具,
     * 硫酸的货款), not a threat.
     */
    private static final String TRADE_VERB = "供应|供货|批发|采购|销售|卖|进货|订购|订|送|发|一批|几吨|几根|规格";
    private static final String TRADE_NOUN = "的货|货|款|的账|账|规格|型号|厂|店|批发|生意|材料|\\d";

    /**
     * The debtor's accusation, answered (你说我要“搞死你”，我从来没说过; 你要去告我放高利贷，借条上写的年息5%): words the writer
     * reports the debtor saying about the writer, and rejects in the same message. Only right after the attribution:
     * the same words said again elsewhere in the message are the writer's own and found there.
     */
    private static boolean accusationAnswered(Where w) {
        return ACCUSED.matcher(w.clausePrefix()).find() && REBUTTAL.matcher(w.text()).find();
    }

    /** The writer is the one pressed: 我…被 right before the words. */
    private static final Pattern WRITER_PRESSED = Pattern.compile("(?:我|我们|我这|我的)[^\\n你]{0,8}被[^\\n你]{0,6}$");

    /**
     * The message is to a guarantor (你担保的借款, 你是保证人): their own liability for the debt is what "找你" means there
     * (民法典 §681, §688), a lawful consequence of the debtor not paying.
     */
    private static final Pattern TO_GUARANTOR = Pattern.compile("(?:你|您)(?:是|作为|当|做)?(?:的)?(?:担保人|保证人)|(?:你|您)(?:签(?:了|的)?(?:字)?)?担保(?:的|了)");
    private static final Pattern GUARANTOR_CLAIM = Pattern.compile("找(?:你|您)|向(?:你|您)|(?:你|您)来还|由(?:你|您)|(?:你|您)还");

    /** The same, said of the writer's own act: "你说我要去你们村里闹" (the actor 我 follows). */
    private static final Pattern ACCUSER = Pattern.compile("(?:你|您|你们|他|她|他们|有人|对方)[^\\n我]{0,4}?(?:说|讲|骂|告|举报|投诉|诬陷|污蔑|冤枉|造谣)(?:说)?$");
    private static final Pattern ACCUSED = Pattern.compile("(?:你|您|你们|他|她|他们|有人|对方)[^\\n我]{0,4}?(?:说|讲|骂|告|举报|投诉|诬陷|污蔑|冤枉|造谣|污蔑)"
            + "(?:说)?(?:我|我们)(?:要|在|是|想|会|放|搞|的|了)?$");
    private static final Pattern REBUTTAL = Pattern.compile("没说过|从来没|从没|不是事实|胡说|造谣|诬陷|冤枉|问心无愧|聊天记录|证据|随便告|尽管告|去哪告|哪告都|不怕你告"
            + "|欢迎你告|清清白白|没有的事|不存在"
            + "|断章取义|我说的是|我的意思是|误会|听错|乱说|瞎说|乱讲|血口喷人|写的是|写着|截图|看得清|看清楚|根本没|根本不是|根本就没|(?:借条|欠条|合同|收据|转账记录)(?:就|都)?在|拿给谁看|给谁看都|白纸黑字");

    static {
        // ---- violence and threats to the person or property
        String threat = "威胁对方人身安全：以暴力相威胁催讨债务，可受治安管理处罚，情节严重的可构成犯罪";
        rule(Category.VIOLENCE, "(?:腿|手|胳膊|骨头|脚|牙|脸|脑袋|手指)" + CL + "{0,4}?(?:打折|打断|打残|剁|砍断|卸了|废了)"
                + "|(?:打断|打折|打残|剁了|剁掉|砍断|卸了)" + CL + "{0,3}?(?:腿|手|胳膊|骨头|脚|牙)", threat, Statutes.PSL_THREATS_INSULTS_HARASSMENT);
        rule(Category.VIOLENCE, "弄死|整死|搞死|打死(?!我?(?:也|都))|砍死|捅死|掐死|宰了|杀了|弄残|打残|废了你|做掉你|干掉你|灭了你|要你命|要你的命|让你(?:真)?死|死定了|见血|放血|毁容"
                + "|泼硫酸|缺胳膊少腿|横着出去|躺着(?:去|进)医院|进医院|送你(?:去|进)医院|挨揍|揍你|揍一顿|打一顿|打你一顿|见一次打一次|挨打|暴打|胖揍|教训你|教训教训"
                + "|收拾你|怎么收拾|收拾收拾|修理你|削你|(?:弄|整|搞)你(?![的们])|动手打|对你动手|" + WEAPON, threat, Statutes.PSL_THREATS_INSULTS_HARASSMENT);
        rule(Category.VIOLENCE, "你等着(?!" + CL + "{0,3}(?:收|接|法院|律师|传票|起诉|判决))|你给我等着|等着瞧|走着瞧|有你好看|让你好看|给你点颜色|没你好果子|吃不了兜着走|不会放过你"
                + "|饶不了你|(?:不会|不)让你好过|过不了这个年|让你后悔|有你受的|不信你试试|(?:敢|不还|不给)" + CL + "{0,3}试试|(?<!法律)后果自负|后果很严重"
                + "|(?:你|出门|走路|晚上|夜里|路上|回家)" + CL + "{0,6}(?:小心点|注意点|小心着点)|出门小心(?!路滑|地滑)|走夜路|付出(?:惨痛的?)?代价|保证你过不"
                + "|不是谈的问题|没那么简单|没好事|没好下场|好日子到头|有你好果子|三长两短|见面再说|当面算账|秋后算账"
                + "|什么事都干得出|什么都干得出|狗急跳墙|控制不住|不保证能控制|你给我记住|你懂的|这辈子都(?:别想|不得)"
                + "|让你" + CL + "{0,6}?不得安宁|(?<!" + TRADE_VERB + ")(?:拿刀|带刀|动刀|刀子|砍刀|铁棍|棍子|钢管|硫酸)(?!具|" + TRADE_NOUN + ")|(?:刚|才)(?:从里面)?放出来|刚出狱|坐过牢|道上混|混社会",
                threat, Statutes.PSL_THREATS_INSULTS_HARASSMENT);
        // Pressure that names no consequence of its own ("don't push me", "don't blame me"): a threat unless the message
        // says the consequence is a lawful step (a lawsuit, a court's freezing order, a lawyer, stopping credit), which a
        // creditor may announce as bluntly as they like.
        rule(Category.VIOLENCE, "别怪我(?:们)?不客气|不会客气|没这么客气|就不客气了|别怪我(?:们)?没提醒|别怪我翻脸|翻脸不认人|撕破脸|惹急了|逼急了|别逼我"
                + "|你自己掂量|自己掂量|你自己看着办|(?:可)?别怪我(?!们没有提前)",
                threat, w -> LAWFUL_STEP.matcher(w.text()).find() && !UNLAWFUL_STEP.matcher(w.text()).find(), Statutes.PSL_THREATS_INSULTS_HARASSMENT);
        rule(Category.VIOLENCE, "(?:一刀|一棍子?|一砖头?|一拳|一巴掌|一脚|几刀|几拳)" + CL + "{0,3}?(?:捅|砍|打|扇|踹|拍|劈|下去|过去|了你)"
                + "|(?:捅|(?<!价)砍(?!价)|剁|踹|扇|掐|揍|劈|打瘸|打残|打伤|打趴|弄残|弄伤|打废|打爆头|打得你)(?:了|死|伤|残|瘸|趴|一顿|几下)?" + CL + "{0,2}?(?:你|他|她)(?!们公司)"
                + "|(?:你|你的)" + CL + "{0,6}?(?:打瘸|打伤|打残|打趴|打废|砸烂|捅了|砍了|剁了)|(?:逮到|抓到|碰到|撞见|遇到|看见)你" + CL + "{0,4}?(?:就|没好|有你)"
                + "|一个打一个|出来一个打|(?:划(?![掉去账款拨算])|刮|砸|烧|泼|扎|拆|撬|剪|焊)" + CL + "{0,4}?(?:几道|一道|花|烂|碎|坏|掉|死)|(?:车漆|车身|车胎|轮胎|玻璃|窗户|招牌|卷帘门)"
                + CL + "{0,6}?(?:划|刮|砸|烧|泼|扎|撬|一块都不会剩|不会剩)",
                threat, w -> COURT.matcher(w.clause()).find(), Statutes.PSL_THREATS_INSULTS_HARASSMENT);
        rule(Category.VIOLENCE, "(?:带|叫|找|喊|约|召集)(?:上)?(?:几个|一帮|一群|一伙|一些|些|一车|几十个|十几个)?(?:人|兄弟|弟兄|哥们|小弟|社会上的人|道上的)"
                + CL + "{0,8}?(?:堵|砸|收拾|把你|揍|打你|弄你|教训|闹|扎|划|泼|(?:去|到|上)(?:你|您)(?:家|店|公司|单位|厂))"
                + "|(?:兄弟们|弟兄们|我的人|我们的人)" + CL + "{0,6}?(?:在路上|已经出发|过去了|过来了|到你|去你|找你|等你|在你)|有的是人|手上有人|道上的朋友|社会上的朋友",
                threat, Statutes.PSL_THREATS_INSULTS_HARASSMENT);
        rule(Category.VIOLENCE, "砸(?:了|烂|碎|坏|掉|你|他|她|玻璃|车|店|门|东西|场子|摊)|全砸|砸个稀巴烂|一把火|放火|点火烧|烧了你|烧你的|烧掉你|泼(?:油漆|红漆|粪|屎|汽油)"
                + "|扎(?:了)?(?:你)?(?:的)?(?:车胎|轮胎)|车胎全扎|划(?:你的)?车|拆了你|搬空|抢走|别想完整|一件都不剩|(?:自己|亲自|直接)(?:去)?(?:搬|拉|拿|抢)"
                + "|(?:搬|拉|拿)走?你(?:家|的)" + CL + "{0,4}(?:东西|货|车|家具|电视|冰箱)",
                "威胁毁坏对方财物或自行强取财物：故意损毁财物可受治安处罚，数额较大构成故意毁坏财物罪；债权只能通过法院强制执行实现",
                w -> COURT.matcher(w.clause()).find(), Statutes.CRIME_DAMAGING_PROPERTY, Statutes.PSL_DAMAGING_PROPERTY);
        rule(Category.VIOLENCE, "关(?:在|起来|到)|锁(?:在|起来)|绑(?:了|起来|走)|扣下你|把你扣|扣(?:住|下)(?:你|人)|押着你|不让你走|别想走|走不了|不放人|不放你|走出这个门"
                + "|限制你的?人身|带走你|把你带走",
                "威胁扣押或限制人身自由：为索取债务非法扣押、拘禁他人的，以非法拘禁罪论处",
                w -> COURT.matcher(w.clause()).find(), Statutes.CRIME_DETENTION_FOR_DEBT);

        // ---- threats to family, children, neighbours
        String family = "牵连对方的家人、孩子或邻居：以其家人安全相威胁或上门骚扰家人，侵扰他人生活安宁，可受治安管理处罚";
        rule(Category.FAMILY, FAMILY + CL + "{0,8}?(?:\\n" + CL + "{0,8}?)?(?:别想(?:过|好过|安生|安宁|睡)|不会好过|好过不了|不得安宁|小心|注意安全|别出(?:什么)?意外"
                + "|出点意外|出个意外|别出事|出点事|出点什么事|出什么事|遭殃|倒霉|付出代价|受惊吓|跟着受|受牵连|安全你|自己负责|抬得起头|吃苦头|看好了|看紧|别怪"
                + "|经不起|折腾|安安稳稳|还想不想|不得安生|三长两短|吓着|吓到)",
                family, Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.PEACE_OF_PRIVATE_LIFE);
        rule(Category.FAMILY, "(?:知道|清楚|拿到|查到|打听到|摸清|掌握)" + CL + "{0,10}?" + FAMILY + CL + "{0,10}?(?:在哪|哪里|地址|学校|幼儿园|放学|单位|上班|住|医院|病房|照片)"
                + "|" + FAMILY + CL + "{0,12}?(?:在哪|地址|学校|小学|中学|幼儿园|放学|几年级|单位|上班|下班|几点|哪条路|住哪|病房|照片|电话|手机号)"
                + CL + "{0,12}?(?:\\n" + CL + "{0,6}?)?(?:知道|清楚|拿到|查到|打听|都有|我都有|对吧|没错吧|是吧|去过)"
                + "|" + FAMILY + CL + "{0,6}?(?:在" + CL + "{0,6}(?:小学|中学|幼儿园)|几点放学|放学路上|上学路上)",
                family, Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.PEACE_OF_PRIVATE_LIFE);
        rule(Category.FAMILY, "(?:去|到|找|等|堵|跟|盯|上)" + CL + "{0,3}?" + FAMILY + CL + "{0,3}?(?:家|那|学校|幼儿园|单位|医院|门口)"
                + "|(?:学校|幼儿园)(?:门口)?" + CL + "{0,4}?(?:等|堵|接|找)" + CL + "{0,4}?" + FAMILY
                + "|找(?:到)?(?:你的?)?" + FAMILY + "|" + FAMILY + "[\\s\\S]{0,16}?(?:去找她|去找他|找她|找他)"
                + "|" + FAMILY + CL + "{0,6}?(?:替你还|帮你还|来还|替你)"
                + "|" + FAMILY + "[\\s\\S]{0,16}?(?:让|叫|要)(?:她|他|他们)" + CL + "{0,3}?(?:替你还|帮你还|来还|还钱|替你|出钱)",
                family, Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.PEACE_OF_PRIVATE_LIFE);

        // ---- disclosure of the debt to third parties
        String tell = "向第三方透露欠款：催收只能针对债务人本人（及担保人）；向其家人、单位、朋友、通讯录等透露欠款信息，没有合法依据，侵害个人信息和隐私";
        Predicate<Where> notThirdParty = w -> {
            String third = w.m().group("third");
            if (third == null) return false;
            int at = w.m().start("third");
            String before = w.text().substring(Math.max(0, at - 4), at);
            if (before.matches(".*(?:我们|我们的|我的|我|我方|我司|本公司|本)$")) return true;
            if (w.debtor() == DebtorKind.COMPANY && DEBTOR_SIDE.matcher(third).matches()) return true;
            // the debtor invited to contact the writer's staff (如有困难可联系前台): the debtor acts, nobody is told
            String pre = w.clausePrefix();
            return INVITED.matcher(pre).find() && !pre.contains("我");
        };
        rule(Category.DISCLOSURE, "(?:告诉|告知|通知|联系|打给|打电话给|电话给|打到|发给|发到|转发给|写信给|说给|找)" + CL + "{0,6}?(?:" + YOU + "|他|她)?(?:的)?(?:所有的?|每一个)?" + THIRD,
                tell, notThirdParty, Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_LAWFUL_BASES, Statutes.NO_DISCLOSURE_WITHOUT_CONSENT);
        rule(Category.DISCLOSURE, THIRD + CL + "{0,8}?(?:\\n" + CL + "{0,4}?)?(?<![跟和给对向找])(?:我|我们)" + CL + "{0,6}?(?:通知|告诉|联系|打过去|打给|找|发一遍|发过去|说说|说|转告|请他|请她|通报|打电话|打过电话)",
                tell, w -> notThirdParty.test(w) || !ownedByDebtor(w), Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_LAWFUL_BASES,
                Statutes.NO_DISCLOSURE_WITHOUT_CONSENT);
        rule(Category.DISCLOSURE, THIRD + "(?:那边|那里|那儿)" + CL + "{0,8}?(?:联系|打过招呼|打招呼|说|讲|通知|告诉|发)",
                tell, w -> notThirdParty.test(w) || !ownedByDebtor(w), Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_LAWFUL_BASES,
                Statutes.NO_DISCLOSURE_WITHOUT_CONSENT);
        rule(Category.DISCLOSURE, "当着" + CL + "{0,8}?的面|(?:说|讲|发|公布|曝|抖)(?:一下|一说)?(?:你的事|你欠|你这事|你这点事|你赖账|你的欠款)"
                + "|(?:说|讲|抖)(?:出来|出去)",
                tell, w -> !w.text().matches("(?s).*(?:群|网|圈|村|小区|公司|单位|年会|会上|大家|所有人|同事|朋友|亲戚|邻居|家人|老婆|客户|顾客|供应商|前台|门口).*"),
                Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_NO_PUBLICATION, Statutes.REPUTATION);
        rule(Category.DISCLOSURE, "给" + CL + "{0,6}?" + THIRD + CL + "{0,4}?(?:打电话|写信|发消息|发短信|说清楚|说说)",
                tell, notThirdParty, Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_LAWFUL_BASES, Statutes.NO_DISCLOSURE_WITHOUT_CONSENT);
        rule(Category.DISCLOSURE, THIRD + CL + "{0,10}?(?:都会知道|都知道|会知道|知道你|收到你|会收到|都会收到|都能看到|看看你|看到你|评评理|怎么看你)",
                tell, w -> notThirdParty.test(w) || !ownedByDebtor(w),
                Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_LAWFUL_BASES, Statutes.NO_DISCLOSURE_WITHOUT_CONSENT);
        String pub = "公开曝光欠款：未经本人单独同意公开其个人信息、张贴或网上发布欠款，侵害个人信息权益和名誉权";
        String place = "(?:网上|网络|朋友圈|大群|业主群|家族群|同学群|家长群|工作群|单位群|群里|群|微博|抖音|快手|小红书|论坛|贴吧|公众号|头条|闲鱼|报纸|报上|电视|全网"
                + "|各大平台|小区|电梯|门口|公告栏|大街|村里|横幅|大众点评|美团|淘宝|评论区|点评|知乎|百度|视频号|直播|年会|楼下|前台)";
        rule(Category.DISCLOSURE, "(?:发|挂|贴|曝光|公示|公开|公布|登报|晒|上传|转发|po|拉|出现在|写|差评)" + CL + "{0,10}?" + place
                + "|(?<![您你])(?:在|到|进)" + CL + "{0,4}?" + place + CL + "{0,8}?(?:发|挂|贴|曝光|公示|公开|公布|晒|转发|说)"
                + "|" + place + CL + "{0,8}?(?:我|我们)" + CL + "{0,4}?(?:发|挂|贴|曝光|公布|晒|转发)"
                + "|(?:在|到)(?:里面|群里|上面)(?:说|讲|发|聊|曝光|公布)",
                pub, ConductRules::debtorPosts, Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_NO_PUBLICATION, Statutes.REPUTATION);
        rule(Category.DISCLOSURE, "曝光|人肉|公之于众|大字报|(?:做|印|发|贴)" + CL + "{0,3}传单|拉横幅|登报|全网|挂你|挂到网上|挂网上|晒出来|晒你|公示你|公开你|公布你"
                + "|让大家都(?:知道|看看|来看)|让所有人(?:都)?知道|让全(?:公司|单位|村|小区|网|世界)(?:的人)?都知道|人人都知道|尽人皆知|身败名裂|社死|社会性死亡"
                + "|让" + CL + "{0,6}?(?:他们|她们|大家|所有人|老师|同学|同事|邻居|亲戚|朋友|员工|顾客|客户|供应商|全村|全网|街坊)" + CL + "{0,4}?知道",
                pub, Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_NO_PUBLICATION, Statutes.REPUTATION);
        rule(Category.DISCLOSURE, "通讯录|紧急联系人|联系人列表|手机里的联系人|微信好友|好友列表",
                "利用对方的通讯录或紧急联系人催收：向其联系人透露欠款、骚扰其联系人，没有合法依据", Statutes.PIPL_NO_UNLAWFUL_PROCESSING,
                Statutes.PIPL_LAWFUL_BASES, Statutes.PEACE_OF_PRIVATE_LIFE);
        rule(Category.DISCLOSURE, "黑名单|老赖名单|(?:不良|失信)(?:客户|企业|商家|用户)名单|通报给",
                "把对方列入“黑名单”：只有法院能依法将拒不履行生效判决的被执行人纳入失信被执行人名单；债权人自行挂黑名单属于公开欠款、损害名誉",
                w -> COURT.matcher(w.clause()).find() && judgment(w) || ownCreditList(w), Statutes.PIPL_NO_PUBLICATION, Statutes.REPUTATION);
        rule(Category.DISCLOSURE, "(?:邻居|左邻右舍|隔壁)" + CL + "{0,10}?(?:聊聊|说说|谈谈|打听|讲讲)",
                tell, Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PEACE_OF_PRIVATE_LIFE);

        // ---- harassment by time and frequency
        String harass = "以时间或频率骚扰：反复呼叫、轰炸、深夜联系、跟踪纠缠，侵扰他人私人生活安宁，可受治安管理处罚";
        rule(Category.HARASSMENT, "(?:一百|上百|几十|数十|几百|一千|\\d{2,})(?:个|条|次|通)(?:电话|短信|信息|消息|" + PHONE + ")"
                + "|(?:电话|短信|" + PHONE + ")" + CL + "{0,4}?(?:一百|上百|几十|数十|\\d{2,})(?:个|条|次|通)|一天(?:一百|上百|几十|数十|几百|\\d{2,})个"
                + "|每(?:隔)?" + CL + "{0,3}?(?:分钟|小时|钟头)" + CL + "{0,6}?(?:打|发|一次|一遍|一条|催)"
                + "|(?:24小时|二十四小时|日夜|没日没夜|白天晚上|不停地?|轮流|一直)(?:都)?(?:打(?!不通)|呼|拨|call|去|敲|发|上门|找你|催(?!我))"
                + "|自动(?:拨号|外呼|呼叫|重拨)|(?:电话|短信|信息)(?:机器人|群发器)|呼叫器"
                + "|(?:天天|每天)(?:都)?(?:会)?(?:有人)?(?:去|上门|来|找你|站|坐|等|派人|打|给你打)"
                + "|(?:每|一)(?:天|日|小时|个小时|钟头|分钟|刻钟)" + CL + "{0,6}?(?:各|都)?(?:打|发)" + CL + "{0,3}?(?:[一二两三四五六七八九十几\\d]+)?(?:次|条|遍|个|通)"
                + "|轮着打|轮番|换着号|几个号码|十几个号|多个号码|好几个号|(?:打|发|找|等|敲|上门|跟)(?:到|到你)" + CL + "{0,6}?为止|蹲你|蹲守|守着你|在你" + CL + "{0,6}?蹲",
                harass, Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.PEACE_OF_PRIVATE_LIFE);
        rule(Category.HARASSMENT, "(?:半夜|深夜|凌晨|夜里|三更半夜|大半夜|(?:晚上|夜里)(?:十|十一|十二|10|11|12)点|(?:早上|清晨|早晨|凌晨)(?:[一二三四五六]|[1-6])点|(?:十一|十二|11|12)点(?:以)?后)"
                + CL + "{0,10}?(?:\\n" + CL + "{0,6}?)?(?:打|发|电话|短信|叫|敲|找|上门|睡|随时|安生)", harass, Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.PEACE_OF_PRIVATE_LIFE);
        rule(Category.HARASSMENT, "呼死你|轰炸|打爆|爆你|刷屏|(?:我|我们)(?:就|会|再)?换(?:个|一个)?号|换号(?:再|继续|接着)?打|换一个号|拉黑一个|轮班|(?:几|十|十几|好几|多|\\d+)个人" + CL + "{0,4}?(?:轮|一起打|每天打)|跟着你|跟踪你|盯着你|盯梢|你去哪" + CL + "{0,6}?(?:跟|去哪|到哪)|跟到哪|蹲守"
                + "|守在你|堵在你|堵你|堵门|住你家门口|住在你家|睡你家|坐在你家|我不走|不走了|在你上下班的?路上|上下班路上等"
                + "|(?:新号|新号码|新手机号|新微信)" + CL + "{0,6}?(?:搞到|弄到|查到|打听到|找人要到|挖出来)",
                harass, Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.PEACE_OF_PRIVATE_LIFE);

        // ---- insults and humiliation
        String insult = "侮辱性言辞：侵害名誉权；多次发送侮辱信息可受治安管理处罚，公然侮辱情节严重的构成侮辱罪。“老赖”等称呼也不能用来称呼对方";
        rule(Category.INSULT, "傻逼|傻b|傻x|傻叉|傻屌|二逼|你妈死|你妈的(?!病|身体|医院|电话|事|意思|情况|手术|生日|住院|家|腰|腿|眼睛|心脏|血压|药|医药费|工作|店|房子|号码|微信|名字|年纪|岁数|寿|养老|退休|葬礼|后事)|(?<![给找问诉叫喊让知系])你妈(?=\\n|$)|他妈的|你他妈|他妈(?=\\n|$)|去你妈|操你|草你|日你|狗日|尼玛|王八蛋|王八羔子|混蛋|混账东西|畜生|畜牲"
                + "|禽兽|人渣|败类|贱人|贱货|婊子|杂种|狗东西|狗娘|白眼狼|孬种|缩头乌龟|无赖|不要脸|死皮赖脸|没脸没皮|下三滥|穷鬼|穷逼|脑残|智障|弱智|脑子有病|有病吧|有病啊"
                + "|神经病|猪狗不如|浪费空气|去死|不得好死|死全家|滚蛋|滚出来|给我滚|滚开|无耻|贱骨头|龟孙|瘪三|寄生虫|吸血鬼|狼心狗肺|忘恩负义|没良心|良心被狗|玩意儿|不是东西"
                + "|什么东西|不要脸的东西|混子|混混|他娘的|你娘的|娘的|狗娘养|(?:的|你个|你这条|你这只)狗(?![屁粮])|该死的|就该(?:被|去)?(?:死|雷劈|车撞)"
                + "|天打雷劈|被雷劈|遭报应|断子绝孙|全家死光|短命鬼|出门被车撞|骗吃骗喝|下贱|低贱|犯贱|猪脑子|猪脑袋|脑子进水|脑子被门夹|滚犊子|不是人"
                + "|没人性|人模狗样|狗仗人势|" + FILTH, insult, Statutes.REPUTATION, Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.CRIME_INSULT);
        rule(Category.INSULT, "(?<![a-z0-9-])(?:sb|nmsl|tmd|tm|cnm|wcnm|nmd|nmb|mlgb|wbd|nc|zz)(?![a-z0-9-])", insult, Statutes.REPUTATION,
                Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.CRIME_INSULT);
        String weak = "(?:骗子|老赖|赖子|赖皮|垃圾|废物|小人(?!物)|白痴|疯子|瘟神|奇葩|土鳖|乡巴佬|老狐狸|骗钱的|赖账的|混账)";
        String mod = "(?:" + CL + "{0,6}的)?(?:死|臭|大)?";
        rule(Category.INSULT, "(?:你|您|你们|他|她)(?:就|真|简直|根本|也|还)?(?:是|就是)?(?:(?:个|一个|这个|这种|那个)" + mod + ")?" + weak
                + "|(?:这种|这个|那个|一家子都是|全家都是|都是|一群|一帮)(?:人)?" + mod + weak
                + "|(?:^|\\n)(?:你个|你这个|死|臭)?" + weak + "(?=\\n|$)|" + weak + "(?:人|货|玩意儿?)(?:一个)?(?=\\n|$|一个)", insult, Statutes.REPUTATION, Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.CRIME_INSULT);

        // ---- false authority
        String impersonate = "冒充或假借公安、法院等国家机关的名义施压：冒充国家机关工作人员招摇撞骗构成犯罪";
        rule(Category.FALSE_AUTHORITY, "(?:我是|我们是|我系|本人是|本人系|这里是|我们这边是|我这边是)" + CL + "{0,10}?" + AUTH
                + "|^" + AUTH + "(?:通知|公告|提醒|提示)" + CL + "{0,2}?(?:您|你)|(?:本通知|此通知|本短信|本消息|此消息)" + CL + "{0,6}?" + AUTH
                + "|" + AUTH + "(?:的)?(?:最后通牒|通知你|责令你)",
                impersonate, Statutes.CRIME_IMPERSONATING_OFFICIALS);
        rule(Category.FALSE_AUTHORITY, "(?:和|跟|在)" + AUTH + CL + "{0,4}?(?:有关系|有人|有朋友|认识人|很熟)|" + AUTH + "(?:的|里的|那边的?)?(?:朋友|熟人|关系|兄弟)"
                + "|" + AUTH + "(?:那边|里面?|那里)(?:我)?(?:有人|有关系|有朋友)",
                impersonate, Statutes.CRIME_IMPERSONATING_OFFICIALS);
        rule(Category.FALSE_AUTHORITY, AUTH + "(?:的人)?(?:发给你|发给您|给你发|发你的|发出的|的最终通知|的最后通知)",
                impersonate, ConductRules::judgment, Statutes.CRIME_IMPERSONATING_OFFICIALS, Statutes.PSL_THREATS_INSULTS_HARASSMENT);
        rule(Category.FALSE_AUTHORITY, AUTH + CL + "{0,8}?(?:\\n" + CL + "{0,8}?)?(?:马上|立刻|在路上|会去|要去|上门|来抓|抓你|去你|到你家|(?<!查)找你|带走|带人|铐|搬走)",
                impersonate, w -> judgmentElsewhere(w) && !w.clause().matches(".*(?:我们|我)一起.*")
                        || SERVED.matcher(w.clause()).find(), Statutes.CRIME_IMPERSONATING_OFFICIALS);
        String falseThreat = "以刑事追究、拘留相威胁：欠款是民事纠纷，不还钱本身不构成犯罪，也不会因此坐牢；这样说属于恐吓，也可能损害对方名誉";
        rule(Category.FALSE_AUTHORITY, "坐牢|蹲(?:监狱|大牢|号子|局子|几年)|进去蹲|吃牢饭|牢饭|判刑|判你|判(?:[一两二三四五六七八九十几]|\\d)年|够判|抓起来|抓你|被抓|来抓|抓人|铐走|被铐|铐起来"
                + "|拘留你|直接拘留|强制拘留|逮捕|批捕|刑拘|刑事拘留|立案侦查|刑事责任|追究刑事|移交公安|移送公安|送进监狱|进监狱|关进去|留案底"
                + "|看守所|拘留所|进局子|蹲号子|吃官司|劳改|犯法|违法了|(?:拘留|逮捕|关押)(?:你|您)|让你进去|送你进去|把你送进|约谈|拘传"
                + "|(?:报到|报给|报了|报案到)" + AUTH + "|(?:交给|告到)(?!人民法院|法院|法官)" + AUTH + "|(?:公安|经侦|派出所|警方|公安机关)" + CL + "{0,4}?(?:立案|介入|抓)"
                + "|通缉令?|悬赏(?:通告|令|缉拿)|逮捕令|拘捕令|协查通报",
                falseThreat, w -> judgment(w) || realCrime(w), Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.REPUTATION);
        // a case filed: a court's civil case ("法院已经立案了，传票会送达") is a lawful step; the police's is a false threat
        rule(Category.FALSE_AUTHORITY, "已经立案|已立案", falseThreat,
                w -> judgment(w) || COURT.matcher(w.clause()).find() && !CRIMINAL.matcher(w.clause()).find(),
                Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.REPUTATION);
        rule(Category.FALSE_AUTHORITY, "(?:涉嫌|构成|属于|就是|这是|你这是|犯了|算是|够得上|等于)" + CL + "{0,4}?(?:诈骗|骗贷|非法占有|恶意逃债|逃债罪|犯罪|违法犯罪)"
                + "|(?:告你|报案说你|举报你|以)" + CL + "{0,4}?(?:诈骗|犯罪)",
                falseThreat, w -> judgment(w) || realCrime(w), Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.REPUTATION);
        String courtPowers = "以法院才有的强制措施相威胁：查封、冻结、限制出行、纳入失信名单只能由法院依法决定；企业债权人也不能上报个人征信";
        rule(Category.FALSE_AUTHORITY, "(?:我们|我|我方|我司|被我们|被我)" + CL + "{0,8}?(?:冻结|查封|扣押|划拨)",
                courtPowers, w -> APPLY.matcher(w.clause()).find(), Statutes.ENFORCEMENT_MEASURES, Statutes.PSL_THREATS_INSULTS_HARASSMENT);
        // detaining a person, stopping travel, 失信: a court's, after a judgment only; applying for it before one is no lawful step
        rule(Category.FALSE_AUTHORITY, "(?:我们|我|我方|我司|被我们|被我)" + CL + "{0,8}?(?:拘留|限制出行|限制高消费|限高|拉入失信|列入失信|上失信|纳入失信)",
                courtPowers, ConductRules::judgment, Statutes.ENFORCEMENT_MEASURES, Statutes.PSL_THREATS_INSULTS_HARASSMENT);
        rule(Category.FALSE_AUTHORITY, "(?:身份证|户口|社保|医保)" + CL + "{0,6}?(?:冻结|注销|作废|停用)|(?:上报|报送|上|列入|拉入|记入|纳入)" + CL + "{0,4}?征信|征信黑名单"
                + "|征信(?:上|会)" + CL + "{0,4}?(?:黑|花|污点)|(?:坐不了|不能坐|禁止坐)(?:高铁|飞机)",
                courtPowers, ConductRules::judgment, Statutes.ENFORCEMENT_MEASURES, Statutes.PSL_THREATS_INSULTS_HARASSMENT);

        // ---- privacy
        String privacy = "以对方的隐私或个人信息相要挟：非法获取、公开或向他人提供身份证件、住址、行踪、私密照片等个人信息，侵害隐私权和个人信息权益，情节严重的构成犯罪";
        String item = "(?:裸照|私密照|私照|不雅照|艳照|床照|裸聊|开房记录|病历|体检报告|遗照|身份证照片|身份证复印件|身份证正反面|手持身份证|身份证号|身份证|银行流水|通话记录"
                + "|行程轨迹|行踪|轨迹|家庭住址|详细地址|门牌号|个人信息|个人资料|隐私|" + CAMERA + ")";
        String out = "(?:发出去|发到|发给|发在|公开|公布|曝光|贴|挂|传出去|传到|群发|散布|晒|p成|做成|让谁看|给谁看|出现在|提供给|卖给|给谁|谁想要|谁要|转给|打印出来)";
        String then = CL + "{0,12}?(?:\\n" + CL + "{0,10}?)?";
        rule(Category.PRIVACY, "(?:那些|那张|那几张|以前的|私下的)" + CL + "{0,4}?(?:照片|视频)" + then + "(?:不想|被别人|让别人|给别人|让人)"
                + "|" + item + then + "(?:寄给|寄到|被别人看到|让别人看到|给别人看)",
                privacy, Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PRIVACY, Statutes.CRIME_PERSONAL_INFORMATION);
        rule(Category.PRIVACY, item + then + out + "|(?:你|您|你的|您的|你家|你和)" + CL + "{0,6}?(?:照片|视频)" + then + out
                + "|" + out + CL + "{0,8}?(?:你|您)的?" + CL + "{0,4}?(?:照片|视频|" + item + ")|裸照|私密照|私照|不雅照|艳照|床照|裸聊",
                privacy, Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PRIVACY, Statutes.CRIME_PERSONAL_INFORMATION);
        String target = "(?:开房记录|银行流水|流水|通话记录|行程|行踪|轨迹|定位|位置|手机号|住址|新地址|地址|住哪|在哪里?|通讯录|短信|聊天记录|病历|照片|车牌号?|停车)";
        String obtain = "(?:查到|查了|调出|调取|拿到|掌握|搞到|弄到|能看到|看得到|装了|跟踪|偷拍|拍到|监控|扒出来|盯着|一查|有办法查|查得到|能查|查出来|知道|清楚)";
        rule(Category.PRIVACY, "(?:知道|清楚|掌握|查到|摸清)" + CL + "{0,6}?你(?:每天|平时|天天)?" + CL + "{0,2}?(?:几点|去哪|在哪|行踪|出门|上下班|住哪|回家)"
                + "|你(?:每天|平时|天天)" + CL + "{0,8}?(?:几点|去哪|在哪|出门|上下班|回家)" + CL + "{0,8}?(?:\\n" + CL + "{0,4}?)?(?:知道|清楚|掌握)",
                privacy, Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_SENSITIVE, Statutes.PRIVACY);
        rule(Category.PRIVACY, target + CL + "{0,10}?" + obtain + "|" + obtain + CL + "{0,8}?" + target + "|人肉|查你在哪"
                + "|(?:你家|你住)" + CL + "{0,8}?(?:几楼|哪栋|哪户|哪个小区|门牌|楼层)" + CL + "{0,12}?(?:知道|清楚|掌握|查到|公布)",
                privacy, w -> COURT.matcher(w.clause()).find(), Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_SENSITIVE, Statutes.PRIVACY);

        // ---- unlawful debt terms (rates are read by rateHits)
        rule(Category.UNLAWFUL_TERMS, "罚款|罚金|罚钱|罚你|罚到|罚(?:[一二两三四五六七八九十百千万]|\\d)|扣你(?!们)|(?:一天|每天|逾期)" + CL + "{0,3}?扣" + CL + "{0,2}?(?:\\d|[一二两三四五六七八九十百千])",
                "自行“罚款”：私人和企业无权罚款，只能主张合同约定的违约金，过高的法院可以调减", w -> COURT.matcher(w.clause()).find(), Statutes.PENALTY_CLAUSE);
        // Fees of the creditor's own invention: collection costs under any name, and per-day charges the contract never set
        String invented = "自行加收未约定的费用：只能主张合同约定的违约金、利息和依法可得的损失；自设的上门费、催收费、逾期费等没有法律依据，借款的利息、违约金和其他费用合计也不得超过法定上限";
        Predicate<Where> agreed = w -> AGREED.matcher(w.clause()).find();
        rule(Category.UNLAWFUL_TERMS, "上门(?:催收)?费|催收(?:服务)?费|催款费|外访费|跑腿费|车马费|辛苦费|误工费|上门服务费|催缴费",
                invented, agreed, Statutes.PENALTY_CLAUSE, Statutes.LOSS_DAMAGES, Statutes.LOAN_COMBINED_CAP);
        rule(Category.UNLAWFUL_TERMS, "(?:逾期费|滞纳金|手续费|管理费|服务费|违约费|占用费|延期费|逾期管理费)" + CL + "{0,6}?(?:每天|一天|每日|按天|天天|\\d+(?:块|元)?/天)"
                + "|(?:每天|一天|每日|按天|每拖一天)" + CL + "{0,8}?(?:逾期费|滞纳金|手续费|管理费|服务费|违约费|占用费|延期费)"
                + "|(?:加收|另收|另外收|再收|额外收|还要收|要收你|收你|加上|再加|外加)" + CL + "{0,4}?(?:逾期费|滞纳金|手续费|管理费|服务费|违约费|占用费|延期费)",
                invented, agreed, Statutes.PENALTY_CLAUSE, Statutes.LOSS_DAMAGES, Statutes.LOAN_COMBINED_CAP);
        rule(Category.UNLAWFUL_TERMS, "砍头息|(?:先扣|预扣|提前扣|预先扣|先行扣)|(?:利息|息)" + CL + "{0,4}?(?:先扣|提前扣|预先扣|扣除|扣掉|扣了)|到手" + CL + "{0,4}?(?:\\d|[一二两三四五六七八九十百千万])"
                + "|(?:服务费|手续费|管理费|咨询费|保证金|中介费|审核费)" + CL + "{0,12}?扣|扣" + CL + "{0,6}?(?:服务费|手续费|管理费|咨询费|保证金|中介费|审核费)"
                + "|实际(?:给你|到手|拿到|放款)",
                "预先扣除利息（砍头息）：利息不得预先在本金中扣除，本金按实际出借的金额认定", Statutes.NO_PREDEDUCTED_INTEREST, Statutes.LOAN_PREDEDUCTED_INTEREST);
        rule(Category.UNLAWFUL_TERMS, "利滚利|驴打滚|(?:利息|息)(?:(?![不没别勿])" + CL + "){0,4}?滚|(?:利息|息)(?:(?![不没别勿])" + CL + "){0,4}?(?:转成|转为|计入|算进|滚入|滚进|变成|并入)本金|连本带利滚|滚到|利上加利",
                "利滚利：把利息计入本金再计息，超过一年期LPR四倍的部分法院不予支持", Statutes.LOAN_COMPOUNDING);
        rule(Category.UNLAWFUL_TERMS, "赌债|赌资|赌账|输的" + CL + "{0,6}?(?:钱|债|账)|高利贷|套路贷|裸贷",
                "非法债务：赌债、高利贷等不受法律保护，催收这类债务情节严重的构成催收非法债务罪", Statutes.VOID_AGAINST_PUBLIC_ORDER, Statutes.NO_USURY,
                Statutes.CRIME_COLLECTING_ILLEGAL_DEBTS);
    }

    /** Everything the rules find in the normalised {@code text}. */
    static List<Hit> hits(String text, DebtorKind debtor, BigDecimal capPercent, String capNote) {
        List<Hit> out = new ArrayList<>();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(text);
            while (m.find()) {
                if (m.end() == m.start()) continue;
                Where w = new Where(text, m.start(), m.end(), m, debtor);
                if (r.negatable() && NEGATED.matcher(w.clausePrefix()).find()) continue;
                int nl = text.lastIndexOf('\n', m.end() - 1);
                if (r.negatable() && nl >= m.start() && NEGATION.matcher(text.substring(nl + 1, m.end())).find()) continue;
                if (r.unless().test(w)) continue;
                if (accusationAnswered(w)) continue;
                // the writer as the one pressed ("我这电话都快被打爆了": the writer's own creditors calling)
                if (r.category() == Category.HARASSMENT && WRITER_PRESSED.matcher(w.clausePrefix()).find()) continue;
                boolean illegal = r.category() == Category.UNLAWFUL_TERMS && r.basis().contains(Statutes.CRIME_COLLECTING_ILLEGAL_DEBTS)
                        || r.basis().contains(Statutes.LOAN_PREDEDUCTED_INTEREST) || r.basis().contains(Statutes.LOAN_COMPOUNDING);
                out.add(new Hit(r.category(), m.start(), m.end(), r.basis(), r.reason(), illegal));
            }
        }
        out.addAll(rateHits(text, capPercent, capNote));
        out.addAll(conditionalThreats(text, out));
        out.addAll(menace(text, debtor, out));
        return out;
    }

    // ------------------------------------------------------------------ the writer's own hand in the debtor's life

    private static final String SPHERE = "(?:家|家里|家门|楼下|门口|小区|村里|村|老家|店|店里|店门|厂|工地|单位|上班的地方|公司|学校|幼儿园|车|车牌|车位|位置|地址|路"
            + "|娘家|物业|医院|病房|住处|住的地方)";
    private static final Pattern ACTOR_ACT = Pattern.compile("(?<![跟和给对向找])(?:我|我们|老子|咱们|兄弟们|我兄弟|有人|我的人|我朋友)(?<gap>[^\\n]{0,6}?)"
            + "(?<act>去|找|到|上门|堵|等|蹲|坐|跟|盯|守|走|路过|打过|(?<![听据来所])说|谈|聊|告诉|通知|联系|转告|寄|贴|挂|拍|焊|砸|泼|划|开走|拉走|搬)");
    private static final Pattern SPHERE_OWNED = Pattern.compile("(?:你|你的|你家|你们)[^\\n]{0,6}?(?<place>" + SPHERE + ")|(?:你|你的|你家|你们家)(?<kin>" + FAMILY + ")");
    private static final Pattern BUSINESS = Pattern.compile("公司|单位|厂|店|店里|店门|工地");
    /** A lawful errand at the debtor's place: papers, goods, a visit to settle. */
    private static final Pattern ERRAND = Pattern.compile("对账|回执|送达|发票|签字|合同|对账单|拜访|结算|凭证|函|律师|法院|起诉|协商|商量|还款计划|付款计划|样品|送货|收款|结账"
            + "|取回|拿回|提货|验收|安装|维修|盖章");
    private static final Pattern NEGATION_IN_GAP = Pattern.compile("不|没|别|绝|勿");
    /** "你别担心我会去你单位闹，那是违法的": what the writer says the debtor need not fear. */
    private static final Pattern REASSURED = Pattern.compile("(?:别|不用|不必|无需|用不着)(?:担心|害怕|怕)$");

    /**
     * "我就坐你家楼下等", "你老婆的店我去过了", "你孩子上学那条路，我天天走": the writer (or people of the writer's) going to, waiting
     * at, or speaking at the debtor's home, shop, car, workplace or family, for no errand of the debt's (papers, goods, a
     * visit to settle). For a company debtor its premises are the debtor's own and may be visited.
     */
    private static List<Hit> menace(String text, DebtorKind debtor, List<Hit> found) {
        List<Hit> out = new ArrayList<>();
        Matcher a = ACTOR_ACT.matcher(text);
        while (a.find()) {
            if (NEGATION_IN_GAP.matcher(a.group("gap")).find()) continue;
            int cs = text.lastIndexOf('\n', a.start() - 1) + 1;
            if (REASSURED.matcher(text.substring(cs, a.start())).find()) continue;
            if (ACCUSER.matcher(text.substring(cs, a.start())).find() && REBUTTAL.matcher(text).find()) continue;   // the debtor's words, rejected
            int ce = text.indexOf('\n', a.end());
            if (ce < 0) ce = text.length();
            int ps = cs >= 1 ? text.lastIndexOf('\n', cs - 2) + 1 : cs;      // the clause before: the topic ("你老婆的店，我去过了")
            String scope = text.substring(ps, ce);
            int ne = ce < text.length() ? text.indexOf('\n', ce + 1) : -1;     // and the one after: the errand ("…，顺便把对账单带过去")
            String errandScope = text.substring(ps, ne < 0 ? text.length() : ne);
            if (ERRAND.matcher(errandScope).find()) continue;
            Matcher m = SPHERE_OWNED.matcher(scope);
            Category c = null;
            while (m.find()) {
                if (m.group("kin") != null) {
                    c = Category.FAMILY;
                    break;
                }
                String place = m.group("place");
                if (debtor == DebtorKind.COMPANY && BUSINESS.matcher(place).matches()) continue;
                c = place.matches("物业|单位|公司|上班的地方|村里|村|老家|娘家") ? Category.DISCLOSURE
                        : a.group("act").matches("焊|砸|泼|划|开走|拉走|搬") ? Category.VIOLENCE : Category.HARASSMENT;
            }
            if (c == null) continue;
            int s0 = cs, e0 = ce;
            if (found.stream().anyMatch(h -> h.start() < e0 && h.end() > s0) || out.stream().anyMatch(h -> h.start() < e0 && h.end() > s0)) continue;
            out.add(new Hit(c, cs, ce, List.of(Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.PEACE_OF_PRIVATE_LIFE),
                    "找到对方的住处、店铺、车辆、单位或家人那里去：不为送达、对账等正当事务而上门、守候、去找其家人或单位，是滋扰、纠缠和变相威胁，可受治安管理处罚",
                    false));
        }
        return out;
    }

    // ------------------------------------------------------------------ "pay, or else …"

    /** Not paying (or not answering, or hiding) as the condition of what follows. */
    private static final Pattern CONDITION = Pattern.compile("(?:再)?不(?:还(?![价原])|给钱|付款|付钱|把钱|转钱|打钱|交钱|回消息|回复|回我|接电话|接我|接(?![受收待手]))"
            + "|还不(?:上|起|钱)|拿不出钱?|钱不到(?:位|账)|没(?:还钱|给钱|到账)|再拖|再躲|再装|敢不还|拖下去|躲(?:着|起来|回)|拉黑|(?:天|周|月|晚|日)(?:之内|以内|内|前)?(?:不|没|还不)(?:还|给|付|转|把)");
    /**
     * What a creditor may lawfully say follows: the courts, a lawyer, the contract's terms, talking, and a supplier's own
     * trade terms (stopping supply or credit, cash on delivery, no more discounts: 民法典 §525–§527 and the contract; issue
     * 20's false positive 「暂停你的赊账额度」).
     */
    private static final Pattern LAWFUL_CONSEQUENCE = Pattern.compile("起诉|诉讼|仲裁|法院|律师|支付令|保全|强制执行|申请|失信被执行人|限制高消费|依法|法律|追究|违约|利息|罚息|滞纳金|费用|损失"
            + "|供货|发货|合作|解除|取消|催告|函|联系|商量|协商|计入|合同|约定|信用|对账|书面|通知书|公证|调解|主张|维权|加收|计收|权利|程序|途径|手段|责任"
            + "|赊账|赊销|赊欠|额度|账期|现款|现结|款到|预付|订单|折扣|优惠|返利|结算|停供|停货|断货");
    /** Who the consequence is aimed at: the debtor, or the writer's own hand. */
    private static final Pattern AIMED = Pattern.compile("你|等着|别想|小心|老子|我让|我叫|我找|让你|叫你");
    /**
     * What makes the words after a condition a consequence announced rather than a complaint or a question ("电话不接，
     * 你觉得这样合适吗" is none): something will happen, or is about to.
     */
    private static final Pattern ANNOUNCED = Pattern.compile("就|便|会|要|让|叫|等着|别想|小心|明天|今晚|今天|马上|立刻|到时|后果|以后|从此|下次|回头|迟早|早晚|看看|试试|走着瞧|没完");

    /**
     * "今晚不把钱转过来，你那个小卖部明天就开不了门": a consequence of not paying that is none of the lawful ones and is aimed
     * at the debtor is a threat, whatever its words. Only where no other rule has already named it.
     */
    private static List<Hit> conditionalThreats(String text, List<Hit> found) {
        List<Hit> out = new ArrayList<>();
        Matcher c = CONDITION.matcher(text);
        while (c.find()) {
            int from = c.end();
            int end = text.length();
            int clauses = 0;
            for (int i = from; i < text.length(); i++) {
                if (text.charAt(i) == '\n' && i > from && ++clauses == 2) {
                    end = i;
                    break;
                }
            }
            String then = text.substring(from, end);
            // the consequence may be said in the next clause ("我就当你不打算还了，后面只能按法律程序处理")
            int next = end < text.length() ? text.indexOf('\n', end + 1) : -1;
            String after = text.substring(end, next < 0 ? text.length() : next);
            if (then.replace("\n", "").length() < 3 || LAWFUL_CONSEQUENCE.matcher(then + after).find() || !AIMED.matcher(then).find()
                    || !ANNOUNCED.matcher(then).find()) continue;
            int start = from;
            while (start < end && text.charAt(start) == '\n') start++;
            int stop = end;
            final int s0 = start, e0 = stop;
            if (found.stream().anyMatch(h -> h.start() < e0 && h.end() > s0) || out.stream().anyMatch(h -> h.start() < e0 && h.end() > s0)) continue;
            if (NEGATED.matcher(text.substring(Math.max(0, text.lastIndexOf('\n', c.start() - 1) + 1), c.start())).find()) continue;
            if (TO_GUARANTOR.matcher(text).find() && GUARANTOR_CLAIM.matcher(then).find() && !UNLAWFUL_STEP.matcher(then).find()) continue;
            out.add(new Hit(Category.VIOLENCE, start, stop, List.of(Statutes.PSL_THREATS_INSULTS_HARASSMENT),
                    "以不付款为条件的威胁：不付款的后果只能是依法主张权利（协商、律师、支付令、起诉、申请执行）；以其他后果相威胁属于恐吓，可受治安管理处罚",
                    false));
        }
        return out;
    }

    // ------------------------------------------------------------------ interest rates

    private static final String NUM = "(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百点]+)";
    private static final Pattern RATE = Pattern.compile(
            "(?:年息|年利)(?:按|为|是)?(?<yearFen>" + NUM + ")分|(?:月息|月利息|月利率|月利)(?:按|为|是)?(?<fenA>" + NUM + ")分(?:利|息|利息)?|(?<fenB>" + NUM + ")分(?:利|息|利息)"
                    + "|(?<mao>[一两二三四五])毛(?:钱)?(?:的)?(?:利|利息|息)"
                    + "|(?<unit>年化利率|年化|年利率|年息|年利|月利率|月息|月利|每月利息|每月|周利率|周息|周利|每周|日利率|日息|日利|每日|每天|按日|逾期利率|利率|利息)(?:按|为|是|约定为?)?"
                    + "(?:(?<pct>" + NUM + ")%|百分之(?<pctZh>" + NUM + ")|(?<per>千分之|万分之)(?<perN>" + NUM + "))");

    private static final String AMT = "(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千万]+)(?:万|千|百)?[零〇一二两三四五六七八九\\d]?(?:块钱|元|块)?";
    /** "借五万，每个月利息五千": a principal and the interest it bears in money per month or per day. */
    private static final Pattern AMOUNTS = Pattern.compile("借(?:了|你|给你|款)?(?<principal>" + AMT + ")" + "[^\\n]{0,4}?(?:\\n[^\\n]{0,6}?)?"
            + "(?:(?<per>每个?月|一个月|月|每天|一天|每日|日|每周|一周|周)(?:的)?(?:利息|息|利)(?:是|为|要|给|就是|就)?(?<interest>" + AMT + ")"
            + "|(?<per2>每个?月|一个月|每天|一天|每日|每周|一周)(?:给|要|付)?(?<interest2>" + AMT + ")(?:的)?(?:利息|息))");

    private static List<Hit> rateHits(String text, BigDecimal capPercent, String capNote) {
        List<Hit> out = new ArrayList<>();
        if (capPercent == null) return out;
        Matcher a = AMOUNTS.matcher(text);
        while (a.find()) {
            BigDecimal principal = amount(a.group("principal"));
            BigDecimal interest = amount(a.group("interest") != null ? a.group("interest") : a.group("interest2"));
            if (principal == null || interest == null || principal.signum() <= 0) continue;
            String per = a.group("per") != null ? a.group("per") : a.group("per2");
            int periods = per.contains("天") || per.contains("日") ? 365 : per.contains("周") ? 52 : 12;
            BigDecimal annual = interest.multiply(BigDecimal.valueOf(periods * 100L)).divide(principal, 4, RoundingMode.HALF_UP);
            if (annual.compareTo(capPercent) <= 0) continue;
            out.add(new Hit(Category.UNLAWFUL_TERMS, a.start(), a.end(), List.of(Statutes.LOAN_RATE_CAP),
                    "利率超过法律保护的上限：折合年利率约 " + annual.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%，超过一年期LPR的四倍（" + capNote
                            + "），超过部分法院不予支持，以高利放贷产生的债务催收还可能构成犯罪", true));
        }
        Matcher m = RATE.matcher(text);
        while (m.find()) {
            Where w = new Where(text, m.start(), m.end(), m, null);
            String clause = w.clause();
            // only interest: a rate named as 息/利 or in a clause about interest, not a penalty (违约金) or a loss
            boolean interest = m.group("unit") == null || m.group("unit").matches(".*[息利化].*") || clause.matches(".*(?:利息|息|利率|分利).*");
            if (!interest || clause.matches(".*(?:违约金|滞纳金|赔偿|损失|加计|上浮).*") && !clause.matches(".*(?:利息|息).*")) continue;
            if (NEGATED.matcher(w.clausePrefix()).find()) continue;
            if (withdrawn(text, m.end())) continue;
            BigDecimal annual = annualPercent(m);
            if (annual == null || annual.compareTo(capPercent) <= 0) continue;
            boolean overdue = clause.contains("逾期");
            List<Citation> basis = overdue ? List.of(Statutes.LOAN_RATE_CAP, Statutes.LOAN_OVERDUE_RATE, Statutes.LOAN_COMBINED_CAP)
                    : List.of(Statutes.LOAN_RATE_CAP);
            out.add(new Hit(Category.UNLAWFUL_TERMS, m.start(), m.end(), basis,
                    "利率超过法律保护的上限：折合年利率约 " + annual.setScale(1, RoundingMode.HALF_UP).toPlainString() + "%，超过一年期LPR的四倍（" + capNote
                            + "），超过部分法院不予支持，以高利放贷产生的债务催收还可能构成犯罪", true));
        }
        return out;
    }

    /** The rate said and taken back in its clause ("之前说的月息两分不算数了"): no rate demanded. */
    private static boolean withdrawn(String text, int end) {
        int nl = text.indexOf('\n', end);
        return WITHDRAWN.matcher(text.substring(end, nl < 0 ? text.length() : nl)).find();
    }

    private static final Pattern WITHDRAWN = Pattern.compile("^[^\n]{0,4}?(?:不算数|不作数|不算了|作废|取消了?|不要了|不收了|不提了|就算了)");

    private static BigDecimal annualPercent(Matcher m) {
        if (m.group("yearFen") != null) {
            BigDecimal n = number(m.group("yearFen"));
            return n == null ? null : n.multiply(BigDecimal.TEN);                  // 年息 N 分 = N × 10% a year
        }
        if (m.group("fenA") != null || m.group("fenB") != null) {
            BigDecimal n = number(m.group("fenA") != null ? m.group("fenA") : m.group("fenB"));
            return n == null ? null : n.multiply(BigDecimal.valueOf(12));           // 月息 N 分 = N% a month
        }
        if (m.group("mao") != null) {
            BigDecimal n = number(m.group("mao"));
            return n == null ? null : n.multiply(BigDecimal.valueOf(120));          // 一毛 = 10% a month
        }
        String unit = m.group("unit");
        BigDecimal n = number(m.group("pct") != null ? m.group("pct") : m.group("pctZh") != null ? m.group("pctZh") : m.group("perN"));
        if (n == null) return null;
        if (m.group("per") != null) n = n.divide(BigDecimal.valueOf(m.group("per").equals("千分之") ? 10 : 100), 8, RoundingMode.HALF_UP);
        if (unit.startsWith("月") || unit.startsWith("每月")) return n.multiply(BigDecimal.valueOf(12));
        if (unit.startsWith("日") || unit.equals("每日") || unit.equals("每天") || unit.equals("按日")) return n.multiply(BigDecimal.valueOf(365));
        if (unit.startsWith("周") || unit.equals("每周")) return n.multiply(BigDecimal.valueOf(52));   // 周息 N% = N% a week
        return n;
    }

    /** "五万" → 50000, "5000元", "七万五" → 75000, "两千" → 2000; null when it is not an amount. */
    static BigDecimal amount(String s) {
        if (s == null) return null;
        s = s.replaceAll("(?:块钱|元|块)$", "");
        for (String[] unit : new String[][] {{"万", "10000"}, {"千", "1000"}, {"百", "100"}}) {
            int at = s.indexOf(unit[0]);
            if (at < 0) continue;
            BigDecimal head = at == 0 ? BigDecimal.ONE : number(s.substring(0, at));
            if (head == null) return null;
            BigDecimal u = new BigDecimal(unit[1]);
            String rest = s.substring(at + 1);
            BigDecimal tail = BigDecimal.ZERO;
            if (!rest.isEmpty()) {
                BigDecimal r = amount(rest);
                if (r == null) return null;
                // "七万五": the digit after the unit counts in the next unit down
                tail = rest.length() == 1 && r.compareTo(BigDecimal.TEN) < 0 ? r.multiply(u.divide(BigDecimal.TEN)) : r;
            }
            return head.multiply(u).add(tail);
        }
        return number(s);
    }

    /** "3", "0.8", "三", "二十四", "一点七五" → the number. */
    static BigDecimal number(String s) {
        if (s == null || s.isEmpty()) return null;
        if (Character.isDigit(s.charAt(0))) {
            try {
                return new BigDecimal(s);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String digits = "零一二三四五六七八九";
        int point = s.indexOf('点');
        String whole = point < 0 ? s : s.substring(0, point);
        long value = 0, section = 0;
        for (char c : whole.toCharArray()) {
            int d = c == '两' ? 2 : c == '〇' ? 0 : digits.indexOf(c);
            if (d >= 0) {
                section = d;
            } else if (c == '十') {
                value += (section == 0 ? 1 : section) * 10;
                section = 0;
            } else if (c == '百') {
                value += (section == 0 ? 1 : section) * 100;
                section = 0;
            } else {
                return null;
            }
        }
        value += section;
        BigDecimal r = BigDecimal.valueOf(value);
        if (point >= 0) {
            StringBuilder frac = new StringBuilder("0.");
            for (char c : s.substring(point + 1).toCharArray()) {
                int d = c == '〇' ? 0 : digits.indexOf(c);
                if (d < 0) return null;
                frac.append(d);
            }
            if (frac.length() > 2) r = r.add(new BigDecimal(frac.toString()));
        }
        return r;
    }
}
