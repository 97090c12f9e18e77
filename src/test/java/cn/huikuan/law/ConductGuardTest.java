package cn.huikuan.law;

import cn.huikuan.law.ConductGuard.Category;
import cn.huikuan.law.ConductGuard.Context;
import cn.huikuan.law.ConductGuard.DebtorKind;
import cn.huikuan.law.ConductGuard.Finding;
import cn.huikuan.law.ConductGuard.Result;
import cn.huikuan.law.ConductGuard.Tone;
import cn.huikuan.law.ConductGuard.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.law.data.LawData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** Issue 20's conduct guard: what it blocks and why, what it leaves alone, its spans, articles and rewrites. */
class ConductGuardTest {
    final ConductGuard guard = new ConductGuard(ConductGuard.Policy.defaults(), LawData.lpr());

    Result check(String text) {
        return guard.check(text, Context.of(DebtorKind.PERSON));
    }

    Result check(String text, DebtorKind debtor) {
        return guard.check(text, Context.of(debtor));
    }

    /** The messages the issue found the old keyword list let through (issue 20, "Tried as a new user would"). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "再不还钱就带人去你家砸东西 | violence",
            "你全家都别想好过 | family",
            "不还钱就让你坐牢 | false_authority",
            "下周去你单位门口拉横幅 | disclosure",
            "你的通讯录我们都有，会一个个打过去 | disclosure",
            "再不还就在网上公示 | disclosure",
            "我们会通知你们公司 | disclosure",
            "无赖，还钱 | insult",
            "傻X，还钱 | insult",
            "弄 死 你 | violence",
            "月息3分，一分不能少 | unlawful_terms"})
    void blocksWhatTheKeywordListLetThrough(String text, String category) {
        Result r = check(text);
        assertThat(r.verdict()).as(text).isEqualTo(Verdict.BLOCKED);
        assertThat(r.findings()).extracting(f -> f.category().id()).as(text).contains(category);
        assertThat(r.rewrite()).isNotBlank();
    }

    @Test
    void aCompanysOwnFinanceDepartmentIsTheDebtorButAPersonsEmployerIsAThirdParty() {
        assertThat(check("请联系你的公司财务，尽快安排付款。", DebtorKind.COMPANY).verdict()).isEqualTo(Verdict.OK);
        assertThat(check("请转告你们法定代表人，我们等他的答复。", DebtorKind.COMPANY).verdict()).isEqualTo(Verdict.OK);
        Result person = check("我们会联系你的公司财务，让他们知道你欠钱。", DebtorKind.PERSON);
        assertThat(person.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(person.findings()).extracting(Finding::category).contains(Category.DISCLOSURE);
        assertThat(check("我们会通知你们的客户和供应商，说你们资金链断了", DebtorKind.COMPANY).findings())
                .extracting(Finding::category).contains(Category.DISCLOSURE);
    }

    @Test
    void threatsOverALawfulDebtCiteThePublicSecurityLawNotTheCrimeOfCollectingIllegalDebts() {
        Finding f = check("再不还钱就打断你的腿").findings().get(0);
        assertThat(f.category()).isEqualTo(Category.VIOLENCE);
        assertThat(f.basis()).contains(Statutes.PSL_THREATS_INSULTS_HARASSMENT).doesNotContain(Statutes.CRIME_COLLECTING_ILLEGAL_DEBTS);
        assertThat(Statutes.PSL_THREATS_INSULTS_HARASSMENT.zh()).isEqualTo("《治安管理处罚法》第五十条");
        assertThat(f.reason()).isNotBlank();
        // the same threat over a 砍头息 loan: now §293之一 applies
        Result illegal = check("借你一万先扣了两千利息，再不还钱就打断你的腿");
        assertThat(illegal.findings()).filteredOn(x -> x.category() == Category.VIOLENCE).singleElement()
                .satisfies(x -> assertThat(x.basis()).contains(Statutes.CRIME_COLLECTING_ILLEGAL_DEBTS));
        assertThat(illegal.findings()).extracting(Finding::category).contains(Category.UNLAWFUL_TERMS);
    }

    @Test
    void eachFindingPointsAtTheWordsAsWritten() {
        String text = "我告诉你，弄 死 你信不信";
        Finding f = check(text).findings().get(0);
        assertThat(f.matched()).isEqualTo("弄 死");
        assertThat(text.substring(f.start(), f.end())).isEqualTo(f.matched());
        Finding t = check("你這個無賴").findings().get(0);
        assertThat(t.matched()).isEqualTo("無賴");
        Finding p = check("你个煞笔").findings().get(0);
        assertThat(p.matched()).isEqualTo("煞笔");
        assertThat(p.category()).isEqualTo(Category.INSULT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "無賴，欠錢不還 | insult",
            "ＳＢ，赶紧还钱 | insult",
            "S B 还钱 | insult",
            "nmsl 还钱 | insult",
            "你个沙比，还钱 | insult",
            "不还钱我就弄4你 | violence",
            "晚上去你家🔪 | violence",
            "再不还就等着zuolao吧 | false_authority",
            "再不还钱就全网曝 光你 | disclosure",
            "打*断*你的腿 | violence",
            "弄，死，你 | violence"})
    void survivesTheWaysPeopleWrite(String text, String category) {
        assertThat(check(text).findings()).extracting(f -> f.category().id()).as(text).contains(category);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "李总您好，城西安置房三期的建材货款 30 万元已逾期，麻烦您安排一下，谢谢！",
            "请于 2026-12-10 前支付货款 300,000 元，逾期我方将依法向人民法院起诉。",
            "我明天上午再打你电话，确认一下还款时间。",
            "如有困难，可以和我们商量分期还款计划。",
            "按合同约定，逾期付款按日万分之五支付违约金。",
            "判决生效后您仍不履行的，法院可以依法将您纳入失信被执行人名单。",
            "根据保证合同，您作为连带责任保证人应承担保证责任。",
            "我们不会告诉您的家人和同事，请放心。",
            "我们将委托律师处理，并申请财产保全。",
            "借款年利率为10%，低于法律保护的上限。",
            "我们去四川出差了，回来再联系您。",
            "上次的片子我们看了，货款的事下周再说。",
            "订单里的SKU是SB-2025-001，数量见附件。",
            "我们明天去4楼财务室对账。",
            "这通电话我们会录音，以便日后核对。",
            "您上次说砸锅卖铁也要还，我们相信您。",
            // a supplier's own commercial answers to not being paid (民法典 §526/§527, the contract's terms): not threats
            "如果月底前还不付款，我们将暂停你的赊账额度",
            "再不付款，以后你的订单一律款到发货，不再给你账期",
            "不还清之前，你的新订单我们只能现款现结",
            "月底前不付清，你的返利和折扣就取消了"})
    void leavesLawfulMessagesAlone(String text) {
        Result r = check(text, text.contains("财务室") ? DebtorKind.COMPANY : DebtorKind.PERSON);
        assertThat(r.verdict()).as(text + " " + r.findings()).isEqualTo(Verdict.OK);
        assertThat(r.rewrite()).isNull();
    }

    /**
     * Every reason the guard gives on its corpus (and for contact timing) has an English text with no Chinese left in it
     * (issue 20: the English window showed the reasons in Chinese).
     */
    @Test
    void everyReasonHasItsEnglish() throws Exception {
        Set<String> reasons = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("docs/conduct/corpus.tsv"))) {
            String[] f = line.split("\t");
            if (f.length < 6 || f[0].equals("label")) continue;
            for (DebtorKind kind : DebtorKind.values()) check(f[f.length - 1], kind).findings().forEach(x -> reasons.add(x.reason()));
        }
        LocalDateTime night = LocalDateTime.of(2026, 12, 7, 23, 30);
        List<LocalDateTime> earlier = IntStream.range(1, 6).mapToObj(night::minusHours).toList();
        guard.checkTiming(night, earlier).forEach(x -> reasons.add(x.reason()));
        assertThat(reasons).hasSizeGreaterThan(15);
        for (String zh : reasons) {
            String en = ConductReasons.english(zh);
            assertThat(en).as(zh).isNotEqualTo(zh).doesNotContainPattern("[\\u4e00-\\u9fff]");
        }
    }

    /**
     * The idiom 「打死我也想不到」 ("I'd never have believed it", from the blind set of 2026-12-07) is not the violence rule's
     * 「打死」. (The statistical model still flags it: a known false positive, docs/conduct-guard.md.)
     */
    @Test
    void theIdiomIsNotTheViolenceRule() {
        assertThat(check("打死我也想不到你会这样拖着不还，咱俩认识十几年了啊。").findings()).extracting(Finding::reason)
                .noneMatch(r -> r.startsWith("威胁对方人身安全"));
        assertThat(check("不还钱就打死你").findings()).extracting(Finding::reason).anyMatch(r -> r.startsWith("威胁对方人身安全"));
    }

    /** Pressure whose only announced consequence is a lawful step is lawful; beside harm or exposure it is a threat. */
    @ParameterizedTest
    @CsvSource({
            "再拖下去别怪我不客气，下周一我就让律师立案起诉你, false",
            "你自己看着办吧，月底前不结清，我们只能停止供货并按合同收违约金, false",
            "逼急了我就去法院申请财产保全，到时候账户冻结了别怪我, false",
            "别逼我，逼急了我带几个兄弟去你店里, true",
            "再不还可别怪我，你老婆孩子的学校我都知道, true"})
    void pressureIsAThreatOnlyWithAnUnlawfulConsequence(String text, boolean threat) {
        assertThat(check(text).findings()).as(text).extracting(Finding::reason)
                .matches(r -> r.stream().anyMatch(x -> x.startsWith("威胁对方人身安全") || x.startsWith("牵连对方的家人")) == threat);
    }

    /** After "you don't pay / don't answer", a complaint or a question is no threat; an announced consequence is. */
    @ParameterizedTest
    @CsvSource({
            "钱拖着不还，电话也不接，你觉得这样做人对吗, false",
            "消息不回，你心里就一点不过意不去吗, false",
            "再不还钱，你那个档口明天就别想开张, true",
            "今晚不转过来，你等着, true"})
    void onlyAnAnnouncedConsequenceIsAConditionalThreat(String text, boolean threat) {
        assertThat(check(text).findings()).as(text).extracting(Finding::reason)
                .matches(r -> r.stream().anyMatch(x -> x.startsWith("以不付款为条件的威胁") || x.startsWith("威胁对方人身安全")) == threat);
    }

    /** Fees the creditor invents, under any name, are unlawful terms; the contract's own penalty is not. */
    @ParameterizedTest
    @CsvSource({
            "明天我们派人上门，上门费800由你出, true",
            "逾期费每天100块，拖一天算一天, true",
            "除了货款还要加收催收服务费2000, true",
            "下个月再不付，另收管理费500, true",
            "按合同第七条约定，逾期每天按未付款的万分之五计违约金, false",
            "法院判决的迟延履行金和诉讼费也由你承担, false"})
    void inventedFeesAreUnlawfulTerms(String text, boolean invented) {
        assertThat(check(text).findings()).as(text).extracting(Finding::reason)
                .matches(r -> r.stream().anyMatch(x -> x.startsWith("自行加收未约定的费用")) == invented);
    }

    /** Each finding is named for what it is (the tester found right blocks with misleading reasons). */
    @ParameterizedTest
    @CsvSource({
            "你不接我就一直打给你妈，让她替你还, family",
            "我开了自动拨号，日夜不停地呼你, harassment",
            "我们已经做好了你的通缉令，明天贴到你小区, false_authority"})
    void findingsAreNamedForWhatTheyAre(String text, String category) {
        var r = check(text);
        assertThat(r.verdict()).as(text).isEqualTo(Verdict.BLOCKED);
        assertThat(r.findings()).as(text).extracting(f -> f.category().name().toLowerCase()).contains(category);
        if (!category.equals("insult")) {
            assertThat(r.findings()).as(text).extracting(f -> f.category()).doesNotContain(Category.INSULT);
        }
    }

    /** A lawful trade term beside a threat does not excuse the threat. */
    @ParameterizedTest
    @ValueSource(strings = {"再不还钱，你那批订单的货就等着被砸吧", "不付款的话，你的店明天就别想开门，折扣也没了"})
    void aTradeTermBesideAThreatStillBlocks(String text) {
        assertThat(check(text).verdict()).as(text).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void interestAboveFourTimesTheLprIsFlaggedAndAPenaltyRateIsNot() {
        assertThat(check("月息2分，年底结清").findings()).extracting(Finding::category).containsExactly(Category.UNLAWFUL_TERMS);
        assertThat(check("月息一分，合同上写得很清楚").verdict()).isEqualTo(Verdict.OK);       // 12% a year: at the cap, not over it
        assertThat(check("利息按日千分之五算").findings().get(0).reason()).contains("182.5%");
        assertThat(check("违约金按日千分之五计算").verdict()).isEqualTo(Verdict.OK);
        assertThat(check("逾期一天罚款500元").findings().get(0).basis()).containsExactly(Statutes.PENALTY_CLAUSE);
        assertThat(check("法院可以依法对拒不履行判决的被执行人予以罚款、拘留").verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void theRewriteKeepsTheLawfulSentencesAndTakesTheUsersTone() {
        String text = "王总，货款三万已经逾期两个月了。再不还钱就去你单位门口拉横幅！请本周内回复。";
        Result polite = guard.check(text, new Context(DebtorKind.PERSON, null, List.of(), Tone.POLITE));
        Result last = guard.check(text, new Context(DebtorKind.PERSON, null, List.of(), Tone.FINAL));
        assertThat(polite.rewrite()).startsWith("王总，货款三万已经逾期两个月了。").endsWith("请本周内回复。").doesNotContain("横幅")
                .contains(ConductGuard.suggestion(Category.DISCLOSURE, Tone.POLITE));
        assertThat(last.rewrite()).contains(ConductGuard.suggestion(Category.DISCLOSURE, Tone.FINAL));
        assertThat(check(polite.rewrite()).verdict()).isEqualTo(Verdict.OK);
        assertThat(check(last.rewrite()).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void everySuggestedSentenceIsItselfLawful() {
        for (Category c : Category.values()) {
            for (Tone t : Tone.values()) {
                assertThat(check(ConductGuard.suggestion(c, t)).verdict()).as(c + " " + t).isEqualTo(Verdict.OK);
            }
        }
    }

    @Test
    void contactHoursAndFrequencyAreTheAppsPolicyAndOnlyWarn() {
        LocalDateTime night = LocalDateTime.of(2026, 12, 7, 23, 30);
        Result r = guard.check("您好，请问明天能安排付款吗？", new Context(DebtorKind.PERSON, night, List.of(), Tone.FIRM));
        assertThat(r.verdict()).isEqualTo(Verdict.WARN);
        assertThat(r.findings()).singleElement().satisfies(x -> {
            assertThat(x.category()).isEqualTo(Category.HARASSMENT);
            assertThat(x.policyOnly()).isTrue();
            assertThat(x.reason()).contains("软件政策，并非法律规定");
        });
        LocalDateTime day = LocalDateTime.of(2026, 11, 28, 0, 0);
        assertThat(guard.checkTiming(day.withHour(7).withMinute(59), List.of())).hasSize(1);
        assertThat(guard.checkTiming(day.withHour(8), List.of())).isEmpty();
        assertThat(guard.checkTiming(day.withHour(21), List.of())).isEmpty();
        assertThat(guard.checkTiming(day.withHour(21).withMinute(1), List.of())).hasSize(1);
        LocalDateTime now = LocalDateTime.of(2026, 11, 28, 10, 0);
        List<LocalDateTime> three = List.of(now.minusDays(1), now.minusDays(3), now.minusDays(6));
        assertThat(guard.checkTiming(now, three)).singleElement().satisfies(x -> assertThat(x.reason()).contains("第 4 次"));
        assertThat(guard.checkTiming(now, List.of(now.minusDays(1), now.minusDays(3), now.minusDays(8)))).isEmpty();
        assertThat(new ConductGuard(new ConductGuard.Policy(LocalTime.of(9, 0), LocalTime.of(18, 0), 5)).checkTiming(now, three)).isEmpty();
        List<LocalDateTime> today = List.of(now.minusHours(1), now.minusHours(2), now.minusHours(3));
        assertThat(guard.checkTiming(now, today)).extracting(Finding::reason).anyMatch(x -> x.contains("二十四小时内第 4 次"));
    }

    /** A veiled threat no rule names (from heldout-3, which the model is trained on): the model's reading blocks, and says so. */
    @Test
    void whereNoRuleNamesTheWordsTheModelReadsTheMessageAndSaysItIsItsReading() {
        String veiled = "我的耐心是有限的，你不会想看到我发火的样子";
        ConductGuard rulesAlone = new ConductGuard(ConductGuard.Policy.defaults(), LawData.lpr(), null);
        assertThat(rulesAlone.check(veiled, Context.of(DebtorKind.PERSON)).verdict()).isEqualTo(Verdict.OK);
        Result r = check(veiled);
        assertThat(r.verdict()).isEqualTo(Verdict.BLOCKED);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.category()).isEqualTo(Category.VIOLENCE);
            assertThat(f.reason()).contains("统计模型");
            assertThat(f.basis()).containsExactly(Statutes.PSL_THREATS_INSULTS_HARASSMENT);
            assertThat(veiled.substring(f.start(), f.end())).isEqualTo(f.matched()).isEqualTo("你不会想看到我发火的样子");
        });
        assertThat(check(r.rewrite()).verdict()).isEqualTo(Verdict.OK);
    }

    @Test
    void theModelIsTrainedOnlyOnTheTrainingFilesAndNeverOnTheNewestBlindSet() throws java.io.IOException {
        // a labelled file outside the training (the next blind set, when one is written) is not packaged with the app
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("docs/conduct"))) {
            for (String f : files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv")).toList()) {
                boolean packaged = ConductGuard.class.getResource("/cn/huikuan/law/conduct/" + f) != null;
                assertThat(packaged).as(f).isEqualTo(ConductModel.TRAINING.contains(f));
            }
        }
        assertThat(ConductModel.TRAINING).contains("heldout-17.tsv");
        assertThat(ConductGuard.samples(ConductModel.TRAINING)).hasSizeGreaterThan(2000);
    }

    /**
     * Round 8 (docs/conduct-guard.md): who acts and which authority decides. The rules alone, so that the model's
     * reading of the same words does not hide what the rules do; each lawful sentence beside its unlawful twin.
     */
    @Test
    void theDebtorsOwnPostingACourtCaseAndAShopsOwnCreditListAreNoFindings() {
        ConductGuard rules = new ConductGuard(ConductGuard.Policy.defaults(), LawData.lpr(), null);
        java.util.function.Function<String, Verdict> v = t -> rules.check(t, Context.of(DebtorKind.PERSON)).verdict();
        // the debtor posting (subject 你) and the writer posting about the debtor
        assertThat(v.apply("你倒是有空天天在朋友圈晒旅游照片，答应我的钱什么时候还？")).isEqualTo(Verdict.OK);
        assertThat(v.apply("我把你的借条晒到朋友圈，让大家评评理。")).isEqualTo(Verdict.BLOCKED);
        assertThat(v.apply("再不还，我们就把你拉进一个群，发到群里给大家看。")).isEqualTo(Verdict.BLOCKED);
        // a case filed with a court, and a court's judge looking for property after a judgment
        assertThat(v.apply("法院已经立案了，开庭时间等通知。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("经侦已经立案了，你等着吧。")).isEqualTo(Verdict.BLOCKED);
        assertThat(v.apply("判决生效了，执行法官会依法查找你名下的财产。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("我交给法院处理，下周递交起诉状。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("这事我交给公安处理，你等着被抓吧。")).isEqualTo(Verdict.BLOCKED);
        // applying to the court for 失信 after a judgment is a lawful consequence of not paying
        assertThat(v.apply("法院判了你还不还，我就申请把你列入失信被执行人名单、限制高消费。")).isEqualTo(Verdict.OK);
        // a shop's own list of customers who now pay cash; a blacklist published is disclosure
        assertThat(v.apply("你已经在我们店的黑名单上了，以后拿货只能现结。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("你已经在我们店的黑名单上了，名单我会贴在店门口。")).isEqualTo(Verdict.BLOCKED);
        // someone urging the writer; a reassurance
        assertThat(v.apply("老板天天催我，我也只能再问问你。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("你别担心我会去你单位闹，我只走法院。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("我会去你单位闹，让你领导评评理。")).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void anAccusationAnsweredGoodsThatCouldBeWeaponsAndAShopsListInItsShopAreNoFindings() {
        // round 9: the rules alone (no model), each lawful sentence beside an unlawful twin that stays blocked
        ConductGuard rules = new ConductGuard(ConductGuard.Policy.defaults(), LawData.lpr(), null);
        java.util.function.Function<String, Verdict> v = t -> rules.check(t, Context.of(DebtorKind.PERSON)).verdict();
        // the debtor's words about the writer, rejected; the same words said again are the writer's own
        assertThat(v.apply("你说我要“弄死你”，我从来没说过这种话，聊天记录都在。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("你说我要弄死你？没错，再不还钱我就弄死你。")).isEqualTo(Verdict.BLOCKED);
        assertThat(v.apply("你到处说我放高利贷，借条上写的年息6%，随便你去哪告。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("他们都说我放高利贷，那又怎样，利息一分不能少。")).isEqualTo(Verdict.BLOCKED);
        // goods in trade that could be weapons
        assertThat(v.apply("我是给你们工地供应钢管的老周，10月那批钢管的货款还没结。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("再不还钱我就拿钢管去你工地。")).isEqualTo(Verdict.BLOCKED);
        // a shop's own list, said of the shop's premises ("店里的")
        assertThat(v.apply("结清之前，你在我们店里的黑名单上，只能现款提货，不能赊账。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("你在我们店里的黑名单上，我已经发到同行群里了。")).isEqualTo(Verdict.BLOCKED);
        // (after heldout-11) the debtor's words about a visit, rejected; a shop's own credit list named by what it lists
        assertThat(v.apply("你说我“要去你单位闹”？我从来没说过，我只走法律程序。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("你说我要去你单位闹？对，明天我就去你单位闹。")).isEqualTo(Verdict.BLOCKED);
        assertThat(v.apply("结清之前你在我们店自己的欠款黑名单上，只能现结。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("你在我们店自己的欠款黑名单上，名单我贴在店门口了。")).isEqualTo(Verdict.BLOCKED);
        // the writer as the one pressed; a guarantor told their own liability
        assertThat(v.apply("我这电话都快被供货商打爆了，你那边的货款真得赶紧结了。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("我被你逼得没办法了，只能天天打爆你电话。")).isEqualTo(Verdict.BLOCKED);
        assertThat(v.apply("老周，你担保的那笔借款，借款人说下个月还，到时候他还不上我只能找你了。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("你担保的借款他再不还，我就带人去你家。")).isEqualTo(Verdict.BLOCKED);
        // a rate by the week: 52 weeks a year against the cap of four times the LPR
        assertThat(v.apply("借你两万，周息0.2%，按月结。")).isEqualTo(Verdict.OK);         // 10.4% a year
        assertThat(v.apply("借你两万，周息1%，按月结。")).isEqualTo(Verdict.BLOCKED);      // 52% a year
        assertThat(v.apply("借你两万，每周利息500。")).isEqualTo(Verdict.BLOCKED);         // 130% a year
    }

    @Test
    void aListNotPublishedABargainAndAnAccusationCalledNonsense() {
        // round 11 (after heldout-13): the rules alone, each lawful sentence beside an unlawful twin that stays blocked
        ConductGuard rules = new ConductGuard(ConductGuard.Policy.defaults(), LawData.lpr(), null);
        java.util.function.Function<String, Verdict> v = t -> rules.check(t, Context.of(DebtorKind.PERSON)).verdict();
        // a shop's internal list, its publishing negated
        assertThat(v.apply("本店内部有个欠款黑名单，你在上面，以后现款提货，名单不会公开。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("本店内部有个欠款黑名单，你在上面，名单明天公开。")).isEqualTo(Verdict.BLOCKED);
        // bargaining (砍价) is no knife
        assertThat(v.apply("当初砍价砍得那么狠，货款倒是一拖再拖。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("货款再拖，我就砍你。")).isEqualTo(Verdict.BLOCKED);
        // the debtor's accusation called nonsense, with what the note says
        assertThat(v.apply("你跟别人说我放高利贷，借条上写的是年息5%，别乱说。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("你跟别人说我放高利贷？没错，利息就是月息五分。")).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void aShopNamedByItsTradeACrimeHandedToThePoliceAndAnInsultBySound() {
        // round 12 (after heldout-14): the rules alone, each lawful sentence beside an unlawful twin that stays blocked
        ConductGuard rules = new ConductGuard(ConductGuard.Policy.defaults(), LawData.lpr(), null);
        java.util.function.Function<String, Verdict> v = t -> rules.check(t, Context.of(DebtorKind.PERSON)).verdict();
        // a shop's own list, the shop named by its trade (我们建材店的…)
        assertThat(v.apply("我们建材店的黑名单只是本店不再赊账的记录，你结清了就划掉。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("我们建材店的黑名单已经发到同行群里了，不再赊账。")).isEqualTo(Verdict.BLOCKED);
        // a forged document handed to the police; a debtor handed to them for the debt
        assertThat(v.apply("那张假冒我公章的对账单我已经交给派出所了，欠款我另外起诉。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("再不还钱，我就把你交给派出所。")).isEqualTo(Verdict.BLOCKED);
        // 你妈的 written by its sound (泥马的); the words themselves about the debtor's mother's health
        assertThat(v.apply("泥马的，说好的月底呢？")).isEqualTo(Verdict.BLOCKED);
        assertThat(v.apply("听说你妈的腰好些了，货款的事月底前给个准话。")).isEqualTo(Verdict.OK);
    }

    @Test
    void compoundingRuledOutAndARateTakenBackAreNoTerms() {
        // round 13 (after heldout-15): the rules alone, each lawful sentence beside an unlawful twin that stays blocked
        ConductGuard rules = new ConductGuard(ConductGuard.Policy.defaults(), LawData.lpr(), null);
        java.util.function.Function<String, Verdict> v = t -> rules.check(t, Context.of(DebtorKind.PERSON)).verdict();
        assertThat(v.apply("利息不再滚进本金，就按三万本金算。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("利息照样滚进本金，下个月一起算。")).isEqualTo(Verdict.BLOCKED);
        assertThat(v.apply("当初说的月息三分作废，按合同约定的年息6%算。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("当初说的月息三分，一分都不能少。")).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void theDebtorInvitedToCallAnInternalRiskListAndWordsTakenOutOfContext() {
        // round 14 (after heldout-16): the rules alone, each lawful sentence beside an unlawful twin that stays blocked
        ConductGuard rules = new ConductGuard(ConductGuard.Policy.defaults(), LawData.lpr(), null);
        java.util.function.Function<String, Verdict> v = t -> rules.check(t, Context.of(DebtorKind.PERSON)).verdict();
        // the debtor invited to contact the writer's desk; the writer contacting the debtor's colleagues
        assertThat(v.apply("李女士，本月的课时费还未缴清，有疑问请联系前台核对。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("李女士再不缴清，我就联系你单位前台。")).isEqualTo(Verdict.BLOCKED);
        // a company's internal credit list, not published
        assertThat(v.apply("我们公司的信用黑名单只用于内部风控，不会公开，结清即移除。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("我们公司的信用黑名单会在行业群里公开，你已经在上面了。")).isEqualTo(Verdict.BLOCKED);
        // the debtor's reading called out of context
        assertThat(v.apply("你说我要砸你的车？我说的是再拖就请律师起诉，别断章取义。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("你说我要砸你的车？没错，明天就砸。")).isEqualTo(Verdict.BLOCKED);
    }

    @Test
    void theModelIsTheSameOnEveryTrainingAndScoresTheRegressionWithAShareOfBayes() {
        var samples = ConductGuard.samples(List.of("heldout-4.tsv", "heldout-5.tsv"));
        ConductModel a = ConductModel.train(samples), b = ConductModel.train(samples);
        String threat = ConductGuard.normalised("你家孩子在哪上学我都知道，自己看着办。");
        String polite = ConductGuard.normalised("王老板您好，上月的货款麻烦这周安排一下，谢谢。");
        assertThat(a.score(threat)).isEqualTo(b.score(threat));
        assertThat(a.score(threat)).isGreaterThan(a.score(polite));
        assertThat(a.score(polite)).isNotEqualTo(ConductModel.BAYES_SHARE * a.logOdds(polite));   // the regression counts
    }

    @Test
    void anAccusationDeniedWithEvidenceAReassuranceARealCrimeAndAHuntedNumber() {
        // round 10 (after heldout-12): the rules alone, each lawful sentence beside an unlawful twin that stays blocked
        ConductGuard rules = new ConductGuard(ConductGuard.Policy.defaults(), LawData.lpr(), null);
        java.util.function.Function<String, Verdict> v = t -> rules.check(t, Context.of(DebtorKind.PERSON)).verdict();
        // the debtor's accusation answered by the writer's evidence ("借条就在我手上", "根本没写")
        assertThat(v.apply("你在群里说我“放高利贷”，借条就在我手上，根本没写利息。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("你在群里说我放高利贷？对，就是高利贷，月息三分。")).isEqualTo(Verdict.BLOCKED);
        // "don't worry that I would": a reassurance, not a threat
        assertThat(v.apply("别担心我会把你欠钱的事发到朋友圈，我只找你本人。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("别以为我不敢把你欠钱的事发到朋友圈。")).isEqualTo(Verdict.BLOCKED);
        // a shop's own list, said as what the shop has
        assertThat(v.apply("我们店自己有个赊账黑名单，你结清前只能现款拿货。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("我们店自己有个黑名单，你的名字我已经发到同行群了。")).isEqualTo(Verdict.BLOCKED);
        // a crime besides not paying (a faked transfer record), reported to the police; an unpaid debt called fraud
        assertThat(v.apply("你给的转账截图是P的，银行根本没有这笔钱，这是诈骗，我去派出所报案了。")).isEqualTo(Verdict.OK);
        assertThat(v.apply("欠钱不还就是诈骗，我去派出所报案，等着坐牢吧。")).isEqualTo(Verdict.BLOCKED);
        // the number of a debtor who changed it, hunted down; a number the debtor gave
        assertThat(v.apply("你换号了也没用，新号码我托人查到了。")).isEqualTo(Verdict.BLOCKED);
        assertThat(v.apply("您的新号码我已经存好了，以后就打这个号码联系您。")).isEqualTo(Verdict.OK);
    }

    @Test
    void blankTextIsOk() {
        assertThat(check("").verdict()).isEqualTo(Verdict.OK);
        assertThat(check("   ").findings()).isEmpty();
    }
}
