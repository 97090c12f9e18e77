package cn.huikuan.law;

import cn.huikuan.law.text.ChineseText;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The conduct guard (issue 20): every text that leaves the app towards a debtor — reminders, the contact log's
 * messages, the free text of demand letters, lawyer's letters and 还款协议 — passes here first. It reads the
 * message the way it is meant, whatever the writing (spaces and symbols inside words, traditional characters,
 * homophones and pinyin abbreviations, full-width letters, emoji: {@link ChineseText}), finds unlawful collection
 * in eight categories ({@link Category}), names each finding's words, the articles that forbid it and why, and
 * offers the message rewritten lawfully in the tone the user chose. Lawful next steps (起诉, 支付令, 保全, 强制执行,
 * 委托律师, a court's 失信名单 after a judgment) are always allowed; a company's own finance department and legal
 * representative are the debtor, not third parties; a guarantor is a party to the debt.
 * <p>
 * Contact hours and frequency come from the contact log: they are <b>the app's policy, not law</b> (FACTS.md §11
 * found no binding rule for a trade creditor) and only warn. Rules: {@link ConductRules}; where no rule names
 * anything, the model's reading ({@link ConductModel}); articles, corpus and measurements: docs/conduct-guard.md.
 * Offline, plain Java plus ICU (loaded on the first check, or in the background before it).
 */
public final class ConductGuard {
    /** What kind of unlawful collection a finding is. */
    public enum Category {
        VIOLENCE("violence", "暴力或威胁"), FAMILY("family", "牵连家人"), DISCLOSURE("disclosure", "向第三方透露欠款"),
        HARASSMENT("harassment", "骚扰（时间、频率）"), INSULT("insult", "侮辱"), FALSE_AUTHORITY("false_authority", "冒充或假借公权力"),
        PRIVACY("privacy", "隐私和个人信息"), UNLAWFUL_TERMS("unlawful_terms", "非法债务条件");

        private final String id;
        private final String zh;

        Category(String id, String zh) {
            this.id = id;
            this.zh = zh;
        }

        /** The name in the command line's JSON and the corpus: {@code violence}, {@code false_authority}, … */
        public String id() { return id; }
        public String zh() { return zh; }

        public static Category of(String id) {
            for (Category c : values()) if (c.id.equals(id)) return c;
            throw new IllegalArgumentException("unknown category: " + id);
        }
    }

    public enum Verdict {
        OK, WARN, BLOCKED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The tone of the rewrite: the reminder templates' three. */
    public enum Tone { POLITE, FIRM, FINAL }

    public enum DebtorKind { PERSON, COMPANY }

    /**
     * One thing found: its category, the words as written ({@code matched}, at {@code [start, end)} of the original),
     * why, the articles, whether it is only the app's policy (contact hours and frequency) and a lawful sentence to
     * say instead.
     */
    public record Finding(Category category, String matched, int start, int end, String reason, List<Citation> basis, boolean policyOnly,
                          String suggestion) {
        public Finding {
            basis = List.copyOf(basis);
        }

        /** The reason in English (the English window and {@code check message}), see {@link ConductReasons}. */
        public String reasonInEnglish() {
            return ConductReasons.english(reason);
        }
    }

    /** The verdict, the findings in order, and the message rewritten lawfully (null when nothing was blocked). */
    public record Result(Verdict verdict, List<Finding> findings, String rewrite) {
        public Result {
            findings = List.copyOf(findings);
        }

        public boolean blocked() {
            return verdict == Verdict.BLOCKED;
        }
    }

    /**
     * Who the message is to and when it is sent. {@code at} null: no timing check; {@code earlier}: the earlier
     * outgoing contacts with the same debtor (from the contact log).
     */
    public record Context(DebtorKind debtor, LocalDateTime at, List<LocalDateTime> earlier, Tone tone) {
        public Context {
            debtor = debtor == null ? DebtorKind.PERSON : debtor;
            earlier = earlier == null ? List.of() : List.copyOf(earlier);
            tone = tone == null ? Tone.FIRM : tone;
        }

        public static Context of(DebtorKind debtor) {
            return new Context(debtor, null, List.of(), Tone.FIRM);
        }
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

    private final Policy policy;
    private final LprTable lpr;
    private final Supplier<ConductModel> model;

    /**
     * @param lpr the LPR table, for the private-lending cap (4 × the one-year LPR); null: 4 × 3.00% (the rate in
     *            force since 2025-05-20)
     */
    public ConductGuard(Policy policy, LprTable lpr) {
        this(policy, lpr, AppModel::get);
    }

    /** With another model than the app's (the bench's leave-one-set-out runs); null: the rules alone. */
    public ConductGuard(Policy policy, LprTable lpr, ConductModel model) {
        this(policy, lpr, () -> model);
    }

    private ConductGuard(Policy policy, LprTable lpr, Supplier<ConductModel> model) {
        this.policy = policy;
        this.lpr = lpr;
        this.model = model;
    }

    /** The app's model, trained once from the labelled messages packaged with it ({@link ConductModel#TRAINING}). */
    private static final class AppModel {
        static final ConductModel MODEL = ConductModel.train(samples(ConductModel.TRAINING));

        static ConductModel get() {
            return MODEL;
        }
    }

    /** The labelled messages of the packaged files {@code names}, normalised as the guard reads them. */
    public static List<ConductModel.Sample> samples(List<String> names) {
        List<ConductModel.Sample> out = new ArrayList<>();
        for (String name : names) {
            try (InputStream in = ConductGuard.class.getResourceAsStream("/cn/huikuan/law/conduct/" + name)) {
                if (in == null) throw new IllegalStateException("missing the conduct guard's labelled messages: " + name);
                out.addAll(samples(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The labelled messages of one TSV stream (docs/conduct/'s format), normalised as the guard reads them. */
    public static List<ConductModel.Sample> samples(InputStream tsv) {
        List<ConductModel.Sample> out = new ArrayList<>();
        for (String[] f : ConductModel.rows(tsv)) {
            boolean unlawful = f[0].equals("unlawful");
            out.add(new ConductModel.Sample(unlawful, unlawful ? Category.of(f[1]) : null, normalised(f[5])));
        }
        return out;
    }

    /** {@code text} as the rules and the model read it: simplified, without noise, words said by sound restored, a clause a line. */
    public static String normalised(String text) {
        return Homophones.canonical(ChineseText.of(text == null ? "" : text, ConductRules::emojiWord)).text();
    }

    public ConductGuard(Policy policy) {
        this(policy, null);
    }

    public Policy policy() {
        return policy;
    }

    /**
     * Loads the Chinese text library and trains the model in the background (together 2–6 s on a busy 2-core
     * machine), so that the first check a user makes is quick. Called when a page or dialog that checks text opens.
     */
    public static void warmUpInBackground() {
        Thread t = new Thread(() -> {
            ChineseText.warmUp();
            AppModel.get();
        }, "conduct-guard-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    // ------------------------------------------------------------------ checking

    /** Checks {@code text} sent in {@code context}: verdict, findings with their articles, and a lawful rewrite. */
    public Result check(String text, Context context) {
        List<Finding> found = new ArrayList<>(text == null || text.isBlank() ? List.of() : textFindings(text, context));
        if (context.at() != null) found.addAll(checkTiming(context.at(), context.earlier()));
        found.sort(Comparator.comparingInt(Finding::start).thenComparing(f -> f.category().ordinal()));
        boolean blocking = found.stream().anyMatch(f -> !f.policyOnly());
        Verdict v = blocking ? Verdict.BLOCKED : found.isEmpty() ? Verdict.OK : Verdict.WARN;
        return new Result(v, found, blocking ? rewrite(text, found, context.tone()) : null);
    }

    /** The findings in {@code text} for a natural-person debtor, no timing. */
    public List<Finding> checkText(String text) {
        return check(text, Context.of(DebtorKind.PERSON)).findings();
    }

    private List<Finding> textFindings(String text, Context context) {
        ChineseText.Form form = ChineseText.of(text, ConductRules::emojiWord);
        Canonical canon = Homophones.canonical(form);
        LocalDate day = context.at() == null ? LocalDate.now() : context.at().toLocalDate();
        BigDecimal lprRate = lprOn(day);
        BigDecimal cap = lprRate.multiply(BigDecimal.valueOf(4));
        String capNote = "按" + day + "的一年期LPR " + lprRate.stripTrailingZeros().toPlainString() + "% 计为 " + cap.stripTrailingZeros().toPlainString()
                + "%/年；以合同成立时的LPR为准";
        List<ConductRules.Hit> hits = new ArrayList<>(ConductRules.hits(canon.text(), context.debtor(), cap, capNote));
        ConductModel m = model.get();
        if (hits.isEmpty() && m != null) {
            ConductRules.Hit h = modelHit(m, canon.text());
            if (h != null) hits.add(h);
        }
        boolean illegalDebt = hits.stream().anyMatch(ConductRules.Hit::illegalDebt);
        List<Finding> out = new ArrayList<>();
        Matcher header = AUTHORITY_HEADER.matcher(text);
        if (header.find()) {
            out.add(new Finding(Category.FALSE_AUTHORITY, header.group(), header.start(), header.end(),
                    "以公安、法院等国家机关的名义发出：冒充国家机关工作人员招摇撞骗构成犯罪", List.of(Statutes.CRIME_IMPERSONATING_OFFICIALS), false,
                    suggestion(Category.FALSE_AUTHORITY, context.tone())));
        }
        Set<String> seen = new LinkedHashSet<>();
        for (ConductRules.Hit h : hits) {
            int fs = canon.formIndex(h.start());
            int fe = canon.formIndex(h.end());
            int start = form.originalStart(fs);
            int end = Math.max(start, form.originalEnd(fe));
            if (!seen.add(h.category() + ":" + start + ":" + end)) continue;
            List<Citation> basis = new ArrayList<>(h.basis());
            String reason = h.reason();
            if (illegalDebt && h.category() != Category.UNLAWFUL_TERMS && h.category() != Category.INSULT
                    && !basis.contains(Statutes.CRIME_COLLECTING_ILLEGAL_DEBTS)) {
                basis.add(Statutes.CRIME_COLLECTING_ILLEGAL_DEBTS);
                reason += "；所催的是高利放贷等非法债务，以暴力、胁迫、恐吓、跟踪、骚扰方法催收，情节严重的构成催收非法债务罪";
            }
            out.add(new Finding(h.category(), text.substring(start, end), start, end, reason, basis, false, suggestion(h.category(), context.tone())));
        }
        return mergeOverlapping(out);
    }

    private static final Map<Category, List<Citation>> DEFAULT_BASIS = new EnumMap<>(Map.of(
            Category.VIOLENCE, List.of(Statutes.PSL_THREATS_INSULTS_HARASSMENT),
            Category.FAMILY, List.of(Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.PEACE_OF_PRIVATE_LIFE),
            Category.DISCLOSURE, List.of(Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PIPL_LAWFUL_BASES, Statutes.NO_DISCLOSURE_WITHOUT_CONSENT),
            Category.HARASSMENT, List.of(Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.PEACE_OF_PRIVATE_LIFE),
            Category.INSULT, List.of(Statutes.REPUTATION, Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.CRIME_INSULT),
            Category.FALSE_AUTHORITY, List.of(Statutes.PSL_THREATS_INSULTS_HARASSMENT, Statutes.REPUTATION),
            Category.PRIVACY, List.of(Statutes.PIPL_NO_UNLAWFUL_PROCESSING, Statutes.PRIVACY),
            Category.UNLAWFUL_TERMS, List.of(Statutes.LOAN_RATE_CAP)));

    /**
     * When no rule named anything: the model's reading. The finding's span is the clause that reads most like the
     * unlawful messages; its category the one the message reads like most.
     */
    private static ConductRules.Hit modelHit(ConductModel m, String canon) {
        if (m.score(canon) <= ConductModel.THRESHOLD) return null;
        int bestStart = 0, bestEnd = canon.length();
        double best = Double.NEGATIVE_INFINITY;
        int at = 0;
        for (String clause : canon.split("\n", -1)) {
            double s = clause.isBlank() ? Double.NEGATIVE_INFINITY : m.score(clause);
            if (s > best) {
                best = s;
                bestStart = at;
                bestEnd = at + clause.length();
            }
            at += clause.length() + 1;
        }
        Category c = m.category(canon);
        return new ConductRules.Hit(c, bestStart, bestEnd, DEFAULT_BASIS.get(c),
                "这条消息的措辞整体上与已知的违法催收消息一致（" + c.zh() + "）；没有哪条规则单独说明它，这是统计模型的判断，请检查标出的句子："
                        + "催收只能就欠款本身、以文明的方式、向债务人本人（及担保人）提出，后果只能是依法主张权利", false);
    }

    /** "【人民法院】…", "[公安局] …": a message headed with an authority's name, as official notices are (the text drops brackets). */
    private static final Pattern AUTHORITY_HEADER = Pattern.compile("^\\s*[【\\[〔［(（]\\s*[^】\\]〕］)）]{0,12}(?:法院|公安|警方|派出所|执行局|检察院|经侦|司法)"
            + "[^】\\]〕］)）]{0,6}[】\\]〕］)）]");

    /** One finding per category and overlapping span: the longer span wins. */
    private static List<Finding> mergeOverlapping(List<Finding> found) {
        found.sort(Comparator.comparingInt(Finding::start).thenComparing(f -> -(f.end() - f.start())));
        List<Finding> out = new ArrayList<>();
        for (Finding f : found) {
            boolean covered = out.stream().anyMatch(o -> o.category() == f.category() && o.start() <= f.start() && o.end() >= f.end());
            if (!covered) out.add(f);
        }
        return out;
    }

    private BigDecimal lprOn(LocalDate day) {
        if (lpr != null) {
            try {
                return lpr.inForceOn(day).oneYear();
            } catch (RuntimeException e) {
                return lpr.rows().get(lpr.rows().size() - 1).oneYear();   // past the table: its last publication
            }
        }
        return new BigDecimal("3.00");
    }

    /** A planned contact at {@code when}, given the earlier outgoing contacts with the same debtor. Policy, not law. */
    public List<Finding> checkTiming(LocalDateTime when, List<LocalDateTime> earlier) {
        List<Finding> found = new ArrayList<>();
        LocalTime t = when.toLocalTime();
        if (t.isBefore(policy.earliest()) || t.isAfter(policy.latest())) {
            found.add(new Finding(Category.HARASSMENT, t.toString(), 0, 0,
                    "本软件的联系时间政策为 " + policy.earliest() + "–" + policy.latest() + "（软件政策，并非法律规定；深夜或清晨联系可能被认为侵扰生活安宁）",
                    List.of(Statutes.PEACE_OF_PRIVATE_LIFE), true, "请在 " + policy.earliest() + "–" + policy.latest() + " 之间联系。"));
        }
        long recent = earlier.stream().filter(e -> !e.isAfter(when) && Duration.between(e, when).toDays() < 7).count();
        if (recent >= policy.maxPerSevenDays()) {
            found.add(new Finding(Category.HARASSMENT, Long.toString(recent + 1), 0, 0,
                    "七天内第 " + (recent + 1) + " 次联系，超过本软件的频率政策（每七天最多 " + policy.maxPerSevenDays() + " 次；软件政策，并非法律规定）",
                    List.of(Statutes.PEACE_OF_PRIVATE_LIFE), true, "等几天再联系，或改为发送书面催告函。"));
        }
        long sameDay = earlier.stream().filter(e -> !e.isAfter(when) && Duration.between(e, when).toHours() < 24).count();
        if (sameDay >= 3) {
            found.add(new Finding(Category.HARASSMENT, Long.toString(sameDay + 1), 0, 0,
                    "二十四小时内第 " + (sameDay + 1) + " 次联系：反复联系可能被认为侵扰生活安宁（软件政策，并非法律规定）",
                    List.of(Statutes.PEACE_OF_PRIVATE_LIFE), true, "今天不要再联系了，改为发送书面催告函。"));
        }
        return found;
    }

    // ------------------------------------------------------------------ rewriting

    private static final Map<Category, String[]> SAY_INSTEAD = new LinkedHashMap<>();

    static {
        // polite, firm, final: each passes the guard itself (ConductGuardTest)
        SAY_INSTEAD.put(Category.VIOLENCE, new String[] {"我们希望和您好好沟通，请尽快安排付款。",
                "请尽快付款；如到期仍未付款，我方将依法通过诉讼解决。", "如到期仍未付款，我方将依法向人民法院起诉，相关费用依法由您承担。"});
        SAY_INSTEAD.put(Category.FAMILY, new String[] {"这是我们和您之间的事，请您尽快安排付款。",
                "这笔欠款我们只找您本人解决，请尽快付款或给出还款计划。", "这笔欠款我们只找您本人解决；逾期未付，我方将依法向人民法院起诉。"});
        SAY_INSTEAD.put(Category.DISCLOSURE, new String[] {"这件事我们只和您本人沟通，请您尽快安排付款。",
                "此事我们只与您本人沟通，请尽快付款或给出还款计划。", "此事我们只与您本人沟通；逾期未付，我方将依法向人民法院起诉。"});
        SAY_INSTEAD.put(Category.HARASSMENT, new String[] {"我们会在工作时间和您联系，盼您回复。",
                "我们会在工作时间再联系您，请在此之前给出还款安排。", "这是我方的书面催告，请在期限内答复；逾期我方将依法起诉。"});
        SAY_INSTEAD.put(Category.INSULT, new String[] {"请您核对欠款并尽快安排付款，谢谢。",
                "请您正视这笔欠款，尽快付款。", "请您在期限内付清欠款，否则我方将依法主张权利。"});
        SAY_INSTEAD.put(Category.FALSE_AUTHORITY, new String[] {"欠款的事我们希望协商解决。",
                "如仍不付款，我方将依法向人民法院起诉。", "逾期未付，我方将依法申请支付令或向人民法院起诉。"});
        SAY_INSTEAD.put(Category.PRIVACY, new String[] {"您的个人信息我们只用于这笔欠款的沟通，请尽快安排付款。",
                "您的个人信息我们只用于这笔欠款的沟通；请尽快付款或给出还款计划。", "您的个人信息我们只用于这笔欠款的沟通；逾期未付，我方将依法起诉。"});
        SAY_INSTEAD.put(Category.UNLAWFUL_TERMS, new String[] {"我们只请您支付合同约定的本金和合法的利息、违约金。",
                "我方只主张合同约定、且不超过法律保护上限的本金、利息和违约金，请尽快付款。",
                "我方只主张合同约定、且不超过法律保护上限的本金、利息和违约金；逾期未付，我方将依法起诉。"});
    }

    private static final String[] OPENING = {"您好，麻烦您尽快安排支付欠款；如有困难，我们可以商量还款计划。",
            "请您在约定期限内付清欠款，或给我们一个明确的还款计划。", "请您务必在期限内付清欠款或与我们协商还款方案。"};

    /** What to say instead of a finding of {@code c}, in {@code tone}. */
    public static String suggestion(Category c, Tone tone) {
        return SAY_INSTEAD.get(c)[tone.ordinal()];
    }

    private static final Pattern SENTENCE = Pattern.compile("[^。！？!?；;\\n]*(?:[。！？!?；;\\n]+|$)");

    /** The message with each sentence that holds a finding replaced by a lawful one (once per category), in order. */
    static String rewrite(String text, List<Finding> findings, Tone tone) {
        StringBuilder out = new StringBuilder();
        Set<Category> said = new LinkedHashSet<>();
        Matcher m = SENTENCE.matcher(text);
        boolean keptAny = false;
        while (m.find()) {
            if (m.end() == m.start()) {
                if (m.end() >= text.length()) break;
                continue;
            }
            int s = m.start(), e = m.end();
            List<Category> here = findings.stream().filter(f -> !f.policyOnly() && f.start() < e && f.end() > s).map(Finding::category)
                    .distinct().toList();
            if (here.isEmpty()) {
                String kept = text.substring(s, e).strip();
                if (!kept.isEmpty()) {
                    out.append(kept);
                    if (!kept.matches(".*[。！？!?；;]$")) out.append('。');
                    keptAny = true;
                }
                continue;
            }
            for (Category c : here) {
                if (said.add(c)) out.append(suggestion(c, tone));
            }
        }
        String r = out.toString().strip();
        if (!keptAny && !r.contains("付")) r = OPENING[tone.ordinal()] + r;
        return r;
    }

    // ------------------------------------------------------------------ homophones and pinyin

    /** The normalised text with homophones and pinyin of known words replaced by the words ("煞笔" → "傻逼", "zuolao" → "坐牢"). */
    record Canonical(String text, int[] toForm) {
        int formIndex(int i) {
            return toForm[Math.min(i, toForm.length - 1)];
        }
    }

    /**
     * Words people disguise by sound: written in Chinese here, their pinyin and initials come from ICU. A match by
     * sound counts only where it is not itself an ordinary word: not one word of ICU's dictionary ("片子" is not
     * "骗子"), not cut across a word ("去四川"), and a digit read as its sound is not a number ("去4楼").
     */
    static final class Homophones {
        private record Word(String han, List<String> syllables, boolean abbreviable, boolean bySoundAlone) {
        }

        private static final class Lexicon {
            static final List<Word> WORDS = new ArrayList<>();

            static {
                // insults: also by sound alone (煞笔) and by initials (sb, nmsl)
                for (String w : List.of("傻逼", "你妈死了", "他妈的", "操你妈", "我操你妈", "王八蛋")) add(w, true, true);
                add("你妈的", true, true);
                for (String w : List.of("傻叉", "骗子", "无赖", "老赖", "畜生", "人渣", "垃圾", "废物", "智障", "脑残", "滚蛋", "杂种", "不要脸", "去死"))
                    add(w, false, true);
                // threats and the like: by pinyin or digits only (弄4你, zuolao), never by other characters
                for (String w : List.of("弄死你", "弄死", "打死", "砍死", "整死", "坐牢", "吃牢饭", "曝光", "通讯录", "黑名单", "报警", "打断", "你等着", "后果自负"))
                    add(w, false, false);
                // night: also as variant characters the traditional-simplified table does not fold (淩晨)
                for (String w : List.of("凌晨", "半夜", "深夜")) add(w, false, true);
            }

            static void add(String han, boolean abbreviable, boolean bySoundAlone) {
                WORDS.add(new Word(han, ChineseText.pinyin(han), abbreviable, bySoundAlone));
            }
        }

        private static final String COUNTED = "楼层号点个天月年元块万千百十分次栋期日周岁张份件台辆套间米斤吨条位名人";

        static Canonical canonical(ChineseText.Form form) {
            String t = form.text();
            StringBuilder out = new StringBuilder();
            List<Integer> map = new ArrayList<>();
            int i = 0;
            while (i < t.length()) {
                int[] best = null;
                Word bestWord = null;
                for (Word w : Lexicon.WORDS) {
                    int end = matchAt(form, i, w);
                    if (end > i && (best == null || end > best[0])) {
                        best = new int[] {end};
                        bestWord = w;
                    }
                }
                if (best != null && !t.substring(i, best[0]).equals(bestWord.han())) {
                    int end = best[0];
                    String han = bestWord.han();
                    for (int k = 0; k < han.length(); k++) {
                        out.append(han.charAt(k));
                        map.add(i + (int) ((long) k * (end - i) / han.length()));
                    }
                    i = end;
                    continue;
                }
                out.append(t.charAt(i));
                map.add(i);
                i++;
            }
            int[] toForm = new int[out.length() + 1];
            for (int k = 0; k < out.length(); k++) toForm[k] = map.get(k);
            toForm[out.length()] = t.length();
            return new Canonical(out.toString(), toForm);
        }

        /** The end of a match of {@code w} by sound starting at {@code i}, or -1. */
        private static int matchAt(ChineseText.Form form, int i, Word w) {
            String t = form.text();
            int j = 0, k = i;
            boolean latin = false, digit = false, initials = false;
            while (j < w.syllables().size()) {
                if (k >= t.length()) return -1;
                char c = t.charAt(k);
                if (c == ' ' && latin) {
                    k++;
                    continue;
                }
                if (c >= 'a' && c <= 'z') {
                    int e = k;
                    while (e < t.length() && t.charAt(e) >= 'a' && t.charAt(e) <= 'z') e++;
                    String token = t.substring(k, e);
                    int took = consume(token, w.syllables(), j, false);
                    if (took < 0) {
                        took = consume(token, w.syllables(), j, true);
                        if (took > 0) initials = true;
                    }
                    if (took < 0) return -1;
                    j += took;
                    k = e;
                    latin = true;
                    continue;
                }
                String syl = form.syllable()[k];
                if (syl == null || !syl.equals(w.syllables().get(j))) return -1;
                if (c >= '0' && c <= '9') {
                    if (k > 0 && Character.isDigit(t.charAt(k - 1)) || k + 1 < t.length() && (Character.isDigit(t.charAt(k + 1))
                            || COUNTED.indexOf(t.charAt(k + 1)) >= 0)) return -1;
                    digit = true;
                }
                j++;
                k++;
            }
            if (initials && !w.abbreviable() && allLatin(t, i, k)) return -1;
            if (!latin && !digit) {
                // by other characters alone: only the words people disguise that way, and never an ordinary word
                if (!w.bySoundAlone()) return -1;
                if (!form.wordStart()[i] || !form.wordStart()[k]) return -1;
                // a word of the dictionary is its own word ("片子"), unless it is said to someone: "煞笔，钱呢", "你个沙比"
                if (form.isOneDictionaryWord(i, k) && !(w.abbreviable() && addressed(t, i, k))) return -1;
                if (k < t.length() && COUNTED.indexOf(t.charAt(k)) >= 0) return -1;
            }
            if (latin && allLatin(t, i, k) && (i > 0 && isAsciiWord(t.charAt(i - 1)) || k < t.length() && isAsciiWord(t.charAt(k)))) return -1;
            // letters and digits written together are a code or a number ("MA5CJQ4N59"), not words said by sound
            for (int x = i; x < k; x++) {
                char c = t.charAt(x);
                boolean letter = c >= 'a' && c <= 'z', number = c >= '0' && c <= '9';
                if (!letter && !number) continue;
                if (x > 0 && mixes(c, t.charAt(x - 1)) || x + 1 < t.length() && mixes(c, t.charAt(x + 1))) return -1;
            }
            return k;
        }

        private static final Pattern ADDRESSED_BEFORE = Pattern.compile("(?:^|\\n|你|你个|你这个|是个|就是个|真是个|这个|大)$");

        /** Whether chars [i, k) stand alone as a clause or follow a form of address. */
        private static boolean addressed(String t, int i, int k) {
            boolean clauseEnd = k == t.length() || t.charAt(k) == '\n';
            boolean clauseStart = i == 0 || t.charAt(i - 1) == '\n';
            return clauseStart && clauseEnd || ADDRESSED_BEFORE.matcher(t.substring(Math.max(0, i - 4), i)).find();
        }

        private static boolean mixes(char a, char b) {
            boolean al = a >= 'a' && a <= 'z', bl = b >= 'a' && b <= 'z', ad = a >= '0' && a <= '9', bd = b >= '0' && b <= '9';
            return al && bd || ad && bl;
        }

        private static boolean isAsciiWord(char c) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
        }

        private static boolean allLatin(String t, int from, int to) {
            for (int k = from; k < to; k++) {
                char c = t.charAt(k);
                if (!(c >= 'a' && c <= 'z' || c == ' ')) return false;
            }
            return true;
        }

        /** How many syllables from {@code j} the Latin {@code token} spells out in full (or by initials), or -1. */
        private static int consume(String token, List<String> syl, int j, boolean byInitials) {
            int pos = 0, n = 0;
            while (pos < token.length() && j + n < syl.size()) {
                String s = syl.get(j + n);
                String part = byInitials ? s.substring(0, 1) : s;
                if (!token.startsWith(part, pos)) return -1;
                pos += part.length();
                n++;
            }
            return pos == token.length() ? n : -1;
        }
    }
}
