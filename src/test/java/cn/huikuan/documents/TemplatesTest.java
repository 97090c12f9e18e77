package cn.huikuan.documents;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.ReceivableRow;
import cn.huikuan.application.SampleData;
import cn.huikuan.law.ConductGuard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.law.Routes;
import java.math.BigDecimal;
import java.util.Map;
import org.assertj.core.api.Assertions;

/**
 * The documents of the sample case, checked as text against figures worked by hand:
 * 李某 owes 300,000 since 2026-05-28; penalty 日万分之五 for 184 days = 300,000 × 0.0005 × 184 = 27,600;
 * claim 327,600. Court fees on 327,600 (诉讼费用交纳办法 §13): 50 + 90,000×2.5% + 100,000×2% + 127,600×1.5%
 * = 50 + 2,250 + 2,000 + 1,914 = 6,214; payment order 1/3 = 2,071.33; preservation (§14(二)) 30 + 99,000×1%
 * + 227,600×0.5% = 30 + 990 + 1,138 = 2,158.
 */
class TemplatesTest {
    @TempDir
    static Path dir;
    static Books books;
    static CaseFile sale, loan, instalments;

    @BeforeAll
    static void open() {
        books = Books.open(dir, TestClock.fixed());
        SampleData.loadInto(books);
        List<ReceivableRow> rows = books.receivables().page(ListQuery.first(10)).rows();
        sale = books.exports().caseFile(id(rows, "李某"), null);
        loan = books.exports().caseFile(id(rows, "张某"), null);
        instalments = books.exports().caseFile(id(rows, "某装饰工程有限公司"), null);
    }

    static long id(List<ReceivableRow> rows, String name) {
        return rows.stream().filter(r -> r.customerName().equals(name)).findFirst().orElseThrow().id();
    }

    @AfterAll
    static void close() {
        books.close();
    }

    @Test
    void demandStatesTheDebtTheDeadlineAndTheLawfulNextStep() {
        Doc d = Templates.build(DocKind.DEMAND, sale);
        String t = d.plainText();
        assertThat(t).contains("李某：", "《建材购销合同（钢材、水泥、砂石、砌块）》（编号 JC-2025-1218）",
                "人民币300,000.00元（大写：叁拾万元整）", "合计人民币327,600.00元（大写：叁拾贰万柒仟陆佰元整）",
                "27,600.00", "2026年12月13日前", "中国银行杭州西湖支行", "3301 2345 6789 0016",
                "申请支付令或向人民法院提起诉讼", "回  执", "认可部分欠款", "希望分期付款", "送达记录", "EMS");
        // the debtor's acts on the days he acted (his reply of 07-02 to the message of 07-01), the promise with its amount
        assertThat(t).contains("李某曾2026年7月2日通过微信认可欠款；2026年8月28日通过微信承诺于2026年9月30日前先付100,000.00元")
                .doesNotContain("7月1日通过微信认可");
        // the hint about limitation is the user's, not the debtor's to read
        assertThat(t).doesNotContain("提示", "《民法典》第一百九十五条");
        assertThat(d.notes()).anyMatch(n -> n.contains("《民法典》第一百九十五条"));
    }

    @ParameterizedTest
    @EnumSource(DocKind.class)
    void noDocumentSaysAnythingTheConductGuardFlags(DocKind kind) {
        for (CaseFile c : List.of(sale, loan, instalments)) {
            if (kind == DocKind.ARBITRATION) {
                Assertions.assertThatThrownBy(() -> Templates.build(kind, c)).isInstanceOf(DocumentRefused.class);
                continue;
            }
            String t = Templates.build(kind, c).plainText();
            assertThat(new ConductGuard(ConductGuard.Policy.defaults()).checkText(t)).as(kind + " for " + c.debtor().getName()).isEmpty();
            assertThat(t).doesNotContain("null").doesNotContain("NaN");
        }
    }

    @Test
    void complaintFollowsTheSaleElementTemplateWithACopyForTheDefendant() {
        Doc d = Templates.build(DocKind.COMPLAINT, sale);
        String t = d.plainText();
        assertThat(t).contains("（买卖合同纠纷）", "当事人信息", "诉讼请求和依据", "约定管辖和诉讼保全", "事实与理由",
                "1. 给付价款（元） 300,000.00", "2. 迟延给付价款的利息（违约金）", "9. 标的总额 人民币327,600.00元",
                // the claim's basis in words (issue 18), not only 「见计算明细表」
                "违约金27,600.00元（暂计至2026年11月28日）：以300,000.00元为基数，自2026年5月29日起按每日万分之五（0.05%）计算违约金至实际清偿之日止",
                "是否请求支付至实际清偿之日止：是", "23. 证据清单");
        // the 2024 示范文本's fields: service address and e-service consent, 职务, 经常居住地, the organisation's type, 诚信诉讼
        assertThat(t).contains("送达地址（所填信息除书面特别声明更改外，适用于案件所有后续程序） 浙江省杭州市西湖区文一西路 88 号",
                "是否接受电子送达", "法定代表人／主要负责人 赵某    职务：", "类型 ■有限责任公司", "经常居住地 同住所地", "工作单位、职务",
                "特别提示：诉讼参加人应当遵循诚信原则", "《民事诉讼法》第十三条");
        // addressed to the agreed forum: 甲方（the seller）所在地 = 西湖区
        assertThat(t).contains("此致\n杭州市西湖区人民法院");
        // no drafting hint inside; the answer on preservation follows the case file (the 诉讼 route sets it)
        assertThat(t).doesNotContain("说明：", "逐项核对").contains("3. 是否申请诉讼保全 否");
        assertThat(Templates.build(DocKind.COMPLAINT, sale.withOptions(sale.options().withPreservation(true))).plainText())
                .contains("3. 是否申请诉讼保全 是（见财产保全申请书");
        // Sex and birth date come from 李某's ID number 330106 19850315 123 8: 17th digit 3 is odd → 男.
        assertThat(t).contains("性别 男", "出生日期 1985年3月15日", "民族 ____________");
        assertThat(t).contains("《民法典》第五百零九条、第五百六十一条、第五百七十九条、第五百八十五条、第六百二十六条、第六百二十八条");
        assertThat(t).contains("至2026年11月28日已逾期184日");
        assertThat(d.blocks()).filteredOn(b -> b instanceof Doc.Banner).extracting(b -> ((Doc.Banner) b).text())
                .containsExactly("副本（送被告李某）");
        assertThat(d.blocks()).filteredOn(b -> b instanceof Doc.Part).extracting(b -> ((Doc.Part) b).title())
                .containsExactly("民 事 起 诉 状（副 本）");
    }

    @Test
    void loanComplaintUsesTheLendingElements() {
        String t = Templates.build(DocKind.COMPLAINT, loan).plainText();
        assertThat(t).contains("（民间借贷纠纷）", "1. 本金 截至2026年11月28日尚欠本金人民币50,000.00元", "5. 借款利率 6%/年",
                "出借人：某建材有限公司；借款人：张某", "第六百七十四条、第六百七十五条、第六百七十六条，《民间借贷规定》第二十五条、第二十八条");
    }

    @Test
    void paymentOrderAsksOnlyForAgreedChargesAndNamesTheBasicCourt() {
        String t = Templates.build(DocKind.PAYMENT_ORDER, sale).plainText();
        assertThat(t).contains("请求贵院向被申请人发出支付令", "货款人民币300,000.00元", "违约金人民币27,600.00元",
                "本案申请费2,071.33元由被申请人负担", "《民事诉讼法》第二百二十五条");
        // proposed from 李某's address (浙江省杭州市拱墅区…): the basic court of the debtor's domicile (民诉解释 §23)
        assertThat(t).contains("此致\n杭州市拱墅区人民法院");
        assertThat(Templates.proposal(DocKind.PAYMENT_ORDER, sale).explained()).contains("债务人住所地", "《民诉解释》第二十三条");
        String withCourt = Templates.build(DocKind.PAYMENT_ORDER, sale.withOptions(sale.options().withCourt("杭州市拱墅区人民法院"))).plainText();
        assertThat(withCourt).contains("此致\n杭州市拱墅区人民法院");
        // what a court would send back is refused
        Assertions.assertThatThrownBy(() -> Templates.build(DocKind.PAYMENT_ORDER,
                        sale.withOptions(sale.options().withCourt("杭州市中级人民法院"))))
                .isInstanceOfSatisfying(DocumentRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(DocumentRefused.Reason.NOT_BASIC_COURT);
                    assertThat(e.getMessage()).contains("基层人民法院", "第二百二十五条");
                });
    }

    @Test
    void calculationTableShowsTheLedgerAndEveryFee() {
        String t = Templates.build(DocKind.CALCULATION, sale).plainText();
        assertThat(t).contains("计算截至：2026年11月28日", "27,600.00", "327,600.00",
                "案件受理费（财产案件） 6,214.00", "支付令申请费 2,071.33", "财产保全申请费 2,158.00", "《民法典》第五百六十一条");
    }

    @Test
    void evidenceListNumbersByGroupInDateOrder() {
        Doc d = Templates.evidenceList(sale, Map.of("1-1", "3", "2-1", "4"));
        Doc.Table table = (Doc.Table) d.blocks().stream().filter(b -> b instanceof Doc.Table).findFirst().orElseThrow();
        assertThat(table.rows()).extracting(r -> r.get(0))
                .containsExactly("第1组", "1-1", "第2组", "2-1", "2-2", "第3组", "3-1", "第4组", "4-1");
        assertThat(table.rows().get(1)).containsExactly("1-1", "建材购销合同 JC-2025-1218", "双方签字盖章",
                "买卖合同关系成立；货款总额、付款期限（全部交付后 60 日内）及逾期付款违约金（日万分之五）的约定", "3", "原件");
        assertThat(table.rows().get(3).get(4)).isEqualTo("4");
        assertThat(d.plainText()).contains("以上证据材料共5项。").doesNotContain("依照对方当事人人数");
        assertThat(d.notes()).anyMatch(n -> n.contains("《民事证据规定》第十九条"));
    }

    @Test
    void instalmentAgreementSplitsTheTotalAndAccelerates() {
        String t = Templates.build(DocKind.INSTALMENT_AGREEMENT, sale).plainText();
        // 327,600 in three: 109,200 each, first due a month after 2026-11-28: one total, one schedule that sums to it
        assertThat(t).contains("合计人民币327,600.00元", "分3期向甲方支付共计人民币327,600.00元", "第1期 2026年12月28日 109,200.00",
                "第3期 2027年2月28日 109,200.00", "合计  327,600.00", "全部未付款项视为到期", "甲方住所地人民法院管辖");
        // the penalty runs on the principal left, never on instalments that already hold the penalty
        assertThat(t).contains("以逾期未付款项中的本金部分（不含已计入本协议的利息、违约金）为基数");
    }

    @Test
    void lawyerLetterIsMarkedAsADraftWithTheSevenDayDeadline() {
        Doc d = Templates.build(DocKind.LAWYER_LETTER, sale.withOptions(sale.options().withLawFirm("浙江某某")));
        assertThat(d.plainText()).contains("收到本函之日起7日内", "2026年12月5日", "浙江某某律师事务所").doesNotContain("草稿");
        assertThat(d.notes()).anyMatch(n -> n.contains("执业律师审阅"));
        // a firm's name typed in full is not doubled
        assertThat(Templates.build(DocKind.LAWYER_LETTER, sale.withOptions(sale.options().withLawFirm("浙江明理律师事务所"))).plainText())
                .contains("浙江明理律师事务所").doesNotContain("律师事务所律师事务所");
    }

    @Test
    void optionsRejectNonsense() {
        Assertions.assertThatThrownBy(() -> new CaseFile.Options(LocalDate.of(2026, 12, 1), "", "", 0, LocalDate.of(2027, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arbitrationApplicationQuotesTheClauseOrSaysThereIsNone() {
        // no arbitration without an arbitration agreement (仲裁法 §4, §16): refused, not written with a gap
        Assertions.assertThatThrownBy(() -> Templates.build(DocKind.ARBITRATION, sale))
                .isInstanceOfSatisfying(DocumentRefused.class, e -> assertThat(e.reason()).isEqualTo(DocumentRefused.Reason.NO_ARBITRATION_CLAUSE));
        sale.receivable().setArbitrationClause("因本合同发生的争议，提交杭州仲裁委员会仲裁。");
        try {
            assertThat(Templates.build(DocKind.ARBITRATION, sale).plainText()).contains("双方在《建材购销合同", "提交杭州仲裁委员会仲裁",
                    "裁决被申请人支付货款人民币300,000.00元", "违约金27,600.00元", "此致\n杭州仲裁委员会");
        } finally {
            sale.receivable().setArbitrationClause(null);
        }
    }

    /** Issue 18: a plan that pays the principal only waives the penalty on condition; the table sums to what it says. */
    @Test
    void anAgreedPlanOfThePrincipalWaivesTheRestOnConditionAndSumsToItsTotal() {
        List<Instalment> plan = Instalment.evenSchedule(new BigDecimal("300000"), 3,
                LocalDate.of(2026, 12, 31), 1);
        CaseFile c = new CaseFile(sale.creditor(), sale.debtor(), sale.receivable(), sale.payments(), sale.evidence(), sale.contacts(),
                sale.courtEvents(), sale.claim(), sale.limitation(), sale.asOf(), sale.options(), plan);
        String t = Templates.build(DocKind.INSTALMENT_AGREEMENT, c).plainText();
        assertThat(t).contains("尚欠甲方货款人民币300,000.00元（大写：叁拾万元整）；另按约定计算的违约金等为27,600.00元，合计人民币327,600.00元",
                "分3期向甲方支付共计人民币300,000.00元", "合计  300,000.00",
                "按期足额付清全部分期款项的，甲方免除其余欠款人民币27,600.00元", "上述减免不生效",
                "第一条确认的全部欠款（扣除已付款项）", "以逾期未付的本金为基数，依原合同约定按每日万分之五（0.05%）计算违约金至实际清偿之日止")
                .doesNotContain("付清上述款项");
    }

    /** Issue 18: the 财产保全申请书's fee note cites the article whole, and it is a note, not part of the application. */
    @Test
    void preservationCitesTheFeeArticleWholeInANote() {
        Doc d = Templates.build(DocKind.PRESERVATION, sale);
        assertThat(d.plainText()).doesNotContain("《》", "保全费为");
        assertThat(d.notes()).anyMatch(n -> n.contains("依照《诉讼费用交纳办法》第十四条") && !n.contains("《》"));
        assertThat(d.plainText()).contains("此致\n杭州市西湖区人民法院");
    }

    /** Issue 18: a document of the unfilled default profile would name the wrong party: refused. */
    @Test
    void documentsOfTheUnfilledDefaultProfileAreRefused() {
        CreditorProfile unfilled = new CreditorProfile(PartyKind.ORGANISATION,
                Templates.UNFILLED_CREDITOR);
        CaseFile c = new CaseFile(unfilled, sale.debtor(), sale.receivable(), sale.payments(), sale.evidence(), sale.contacts(),
                sale.courtEvents(), sale.claim(), sale.limitation(), sale.asOf(), sale.options(), List.of());
        for (DocKind k : List.of(DocKind.DEMAND, DocKind.COMPLAINT, DocKind.PAYMENT_ORDER)) {
            Assertions.assertThatThrownBy(() -> Templates.build(k, c)).isInstanceOfSatisfying(DocumentRefused.class,
                    e -> assertThat(e.getMessage()).contains("我的企业信息", "business profile"));
        }
    }

    /** Issue 18: no note for the user is printed in any document; every hint is in the notes instead. */
    @ParameterizedTest
    @EnumSource(value = DocKind.class, names = "ARBITRATION", mode = EnumSource.Mode.EXCLUDE)
    void noDocumentPrintsNotesForTheUser(DocKind kind) {
        for (CaseFile c : List.of(sale, loan, instalments)) {
            Doc d = Templates.build(kind, c);
            assertThat(d.blocks()).noneMatch(b -> b instanceof Doc.Para p && p.style() == Doc.Style.NOTE);
            assertThat(d.plainText().lines()).noneMatch(l -> l.startsWith("提示：") || l.startsWith("说明：") || l.contains("草稿"));
        }
    }

    /**
     * Issue 18, 19: a 支付令 claims only what the debtor agreed in writing (民诉解释 §428). The sample loan: 50,000 at 6 % a
     * year from 2026-02-01, due 2026-08-01, no overdue rate agreed. In term, 181 days: 50,000 × 6 % × 181/365 = 1,487.67
     * (agreed). After maturity to the as-of date 2026-11-28, 119 days at the in-term rate under 民间借贷规定 §28:
     * 3,000 × 119/365 = 978.08 (never agreed). Interest 2,465.75; the application claims 50,000 + 1,487.67 = 51,487.67, and
     * its fee follows: case fee on 51,487.67 = 50 + (51,487.67 − 10,000) × 2.5 % = 50 + 1,037.19 = 1,087.19; a third = 362.40.
     * (The review quoted 1,052.05 of 2,539.72: the same rule as of 2026-12-07, 128 days after maturity.)
     */
    @Test
    void aPaymentOrderForALoanLeavesOutTheUnagreedInterestAndItsFeeFollows() {
        assertThat(loan.claim().interest()).isEqualByComparingTo("2465.75");
        assertThat(loan.claim().unagreedOwed()).isEqualByComparingTo("978.08");
        assertThat(loan.claim().agreedTotal()).isEqualByComparingTo("51487.67");
        Doc d = Templates.build(DocKind.PAYMENT_ORDER, loan);
        assertThat(d.plainText()).contains("督促被申请人支付利息人民币1,487.67元", "本案申请费362.40元由被申请人负担")
                .doesNotContain("2,465.75", "未约定");
        assertThat(d.notes()).anyMatch(n -> n.contains("逾期利息") && n.contains("978.08") && n.contains("《民诉解释》第四百二十八条"));
        // the lawsuit still claims all of it
        assertThat(Templates.build(DocKind.COMPLAINT, loan).plainText()).contains("利息2,465.75元");
        // and the route check says what the 支付令 leaves out instead of failing
        var f = new Routes.Facts(new BigDecimal("50000"), false, false, false, true, true, false, true, false, null,
                "浙江省杭州市上城区", "浙江省杭州市西湖区");
        var check = Routes.paymentOrder(f);
        assertThat(check.eligible()).isTrue();
        assertThat(check.conditions()).anyMatch(c -> c.text().contains("不在支付令中主张") && c.met());
    }
}
