package cn.huikuan.law;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;

/** 民事诉讼法 §24, §35, §225; 民诉解释 §18, §23, §427, §428. */
class RoutesTest {
    static Routes.Facts seed() {
        return new Routes.Facts(new BigDecimal("300000"), false, false, false, true, true, false, false, false,
                "因本合同发生的争议，由甲方所在地人民法院管辖。", "浙江省杭州市拱墅区", "浙江省杭州市西湖区");
    }

    @Test
    void seedCaseQualifiesForAPaymentOrderAtTheDebtorsCourt() {
        Routes.PaymentOrderCheck c = Routes.paymentOrder(seed());
        assertThat(c.eligible()).isTrue();
        assertThat(c.failed()).isEmpty();
        assertThat(c.court()).contains("拱墅区").contains("基层人民法院").contains("民诉解释》第二十三条");
    }

    @Test
    void eachFailedConditionIsNamedWithItsBasisAndWhatToDo() {
        Routes.Facts f = new Routes.Facts(BigDecimal.ZERO, true, false, true, false, true, true, true, false, null, null, null);
        Routes.PaymentOrderCheck c = Routes.paymentOrder(f);
        assertThat(c.eligible()).isFalse();
        assertThat(c.failed()).extracting(Routes.Condition::text).containsExactly("金额已到期", "金额确定、对方没有争议",
                "我方没有尚未履行的对待给付义务（如未交完的货）", "债务人在中国境内且下落明确", "没有向法院申请诉前保全");
        assertThat(c.failed()).allSatisfy(x -> assertThat(x.whatToDo()).isNotBlank());
        // unagreed charges are no reason not to apply: the 支付令 leaves them out, and says so (民诉解释 §428; issue 19)
        assertThat(c.conditions()).filteredOn(x -> x.basis().equals(Statutes.PAYMENT_ORDER_REJECTION)).singleElement()
                .satisfies(x -> assertThat(x.text()).contains("不在支付令中主张"));
    }

    @Test
    void lawsuitCourtsFollowTheClauseTheDefendantAndThePayeesPlace() {
        List<String> courts = Routes.lawsuitCourts(seed());
        assertThat(courts).hasSize(3);
        assertThat(courts.get(0)).contains("甲方所在地").contains("第三十五条");
        assertThat(courts.get(1)).contains("被告住所地").contains("拱墅区");
        assertThat(courts.get(2)).contains("西湖区").contains("第十八条");
    }

    @Test
    void anArbitrationClauseSendsTheUserToArbitration() {
        Routes.Facts f = new Routes.Facts(new BigDecimal("1"), false, false, false, true, true, false, false, true, null, "x", "y");
        assertThat(Routes.lawsuitCourts(f)).singleElement().asString().contains("仲裁");
        assertThat(Routes.paymentOrder(f).eligible()).isFalse();
    }

    /** Issue 19: 民事诉讼法 §225 with §18 — a 支付令 goes to a basic-level court, nowhere else. */
    @Test
    void aPaymentOrderCourtMustBeBasicLevel() {
        assertThat(Routes.paymentOrderCourt("杭州市拱墅区人民法院").met()).isTrue();
        assertThat(Routes.paymentOrderCourt("杭州市中级人民法院").met()).isFalse();
        assertThat(Routes.paymentOrderCourt("浙江省高级人民法院").met()).isFalse();
        assertThat(Routes.paymentOrderCourt("上海金融法院").met()).isFalse();
        assertThat(Routes.paymentOrderCourt("杭州仲裁委员会").met()).isFalse();
        Routes.Condition blank = Routes.paymentOrderCourt(" ");
        assertThat(blank.met()).isFalse();
        assertThat(blank.text()).contains("未填写");
        assertThat(blank.basis()).isEqualTo(Statutes.PAYMENT_ORDER);
        assertThat(blank.whatToDo()).contains("基层人民法院");
    }

    /** Issue 19: 仲裁法 §4, §16 — no arbitration without a written agreement on record. */
    @Test
    void arbitrationNeedsARecordedClause() {
        assertThat(Routes.arbitration(true).met()).isTrue();
        Routes.Condition none = Routes.arbitration(false);
        assertThat(none.met()).isFalse();
        assertThat(none.basis()).isEqualTo(Statutes.ARBITRATION_AGREEMENT_NEEDED);
        assertThat(none.whatToDo()).contains("起诉").contains(Statutes.ARBITRATION_CLAUSE.zh());
    }

    /** The English window shows every condition and what to do in English (issue 21); the statutes name themselves in English. */
    @Test
    void everyConditionHasItsEnglish() {
        Routes.Facts allFail = new Routes.Facts(BigDecimal.ZERO, true, true, true, false, false, true, true, true, null, null, null);
        List<Routes.Condition> all = new ArrayList<>(Routes.paymentOrder(allFail).conditions());
        all.addAll(Routes.paymentOrder(seed()).conditions());
        all.add(Routes.arbitration(false));
        all.add(Routes.paymentOrderCourt(null));
        for (Routes.Condition c : all) {
            assertThat(c.textEn()).as(c.text()).isNotBlank().doesNotContainPattern("[\\u4e00-\\u9fff]");
            if (c.whatToDo() != null) assertThat(c.whatToDoEn()).as(c.whatToDo()).isNotBlank().doesNotContainPattern("[\\u4e00-\\u9fff]");
        }
        assertThat(all).anyMatch(c -> !c.met());
        Routes.Facts noPlaces = new Routes.Facts(new BigDecimal("1"), false, false, false, true, true, false, false, false, "因本合同发生的争议由甲方所在地法院管辖",
                null, null);
        assertThat(Routes.lawsuitCourts(noPlaces, "en")).hasSize(3).allSatisfy(line -> assertThat(line.replace("因本合同发生的争议由甲方所在地法院管辖", ""))
                .doesNotContainPattern("[\\u4e00-\\u9fff]"));
        assertThat(Routes.lawsuitCourts(allFail, "en")).singleElement().asString().contains("arbitration");
        assertThat(Routes.courtForPaymentOrder(noPlaces, "en")).contains("basic-level", "not filled in").doesNotContainPattern("[\\u4e00-\\u9fff]");
    }
}
