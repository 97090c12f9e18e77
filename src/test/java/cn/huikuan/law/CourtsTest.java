package cn.huikuan.law;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 18: the court of an address from GB/T 2260 divisions, and the court proposed for each route, with reasons. */
class CourtsTest {
    final Courts courts = Courts.shipped();
    final Jurisdiction j = new Jurisdiction(courts);

    @Test
    void aDistrictsCourtIsNamedAfterItsCityACountysAfterItsProvince() {
        assertThat(courts.forAddress("浙江省杭州市西湖区文一西路 88 号").court()).isEqualTo("杭州市西湖区人民法院");
        assertThat(courts.forAddress("浙江省杭州市拱墅区湖墅南路 100 号 2 幢 301 室").court()).isEqualTo("杭州市拱墅区人民法院");
        assertThat(courts.forAddress("杭州市上城区解放路 20 号").court()).as("no province named").isEqualTo("杭州市上城区人民法院");
        assertThat(courts.forAddress("浙江杭州西湖区").court()).as("short forms").isEqualTo("杭州市西湖区人民法院");
        assertThat(courts.forAddress("北京市东城区东长安街 1 号").court()).isEqualTo("北京市东城区人民法院");
        assertThat(courts.forAddress("浙江省杭州市淳安县千岛湖镇").court()).isEqualTo("浙江省淳安县人民法院");
        assertThat(courts.forAddress("湖北省武汉市东西湖区").court()).as("西湖区 inside 东西湖区 is no second fit").isEqualTo("武汉市东西湖区人民法院");
        assertThat(courts.forAddress("江西省南昌市西湖区").court()).isEqualTo("南昌市西湖区人民法院");
    }

    @Test
    void whereTheDataCannotSayItSaysSoInsteadOfGuessing() {
        Courts.Found ambiguous = courts.forAddress("西湖区文三路 1 号");
        assertThat(ambiguous.named()).isFalse();
        assertThat(ambiguous.note()).contains("多个区县", "杭州市西湖区", "南昌市西湖区");
        Courts.Found dongguan = courts.forAddress("广东省东莞市南城街道");
        assertThat(dongguan.named()).isFalse();
        assertThat(dongguan.note()).contains("不设区县", "第一人民法院");
        assertThat(courts.forAddress("某某路 8 号").note()).contains("没有可识别的区、县");
        assertThat(courts.forAddress("").named()).isFalse();
        assertThat(courts.forAddress("浙江省杭州市西湖区").note()).isEqualTo(Courts.SPECIALISED);
    }

    @Test
    void onlyABasicLevelCourtIsOne() {
        assertThat(Courts.isBasicLevel("杭州市拱墅区人民法院")).isTrue();
        assertThat(Courts.isBasicLevel("浙江省淳安县人民法院")).isTrue();
        assertThat(Courts.isBasicLevel("杭州市中级人民法院")).isFalse();
        assertThat(Courts.isBasicLevel("浙江省高级人民法院")).isFalse();
        assertThat(Courts.isBasicLevel("杭州仲裁委员会")).isFalse();
        assertThat(Courts.isBasicLevel("上海金融法院")).isFalse();
        assertThat(Courts.isBasicLevel("")).isFalse();
    }

    @Test
    void aPaymentOrderGoesToTheDebtorsDomicilesBasicCourt() {
        Jurisdiction.Proposal p = j.paymentOrder("浙江省杭州市拱墅区湖墅南路 100 号");
        assertThat(p.court()).isEqualTo("杭州市拱墅区人民法院");
        assertThat(p.explained()).contains("债务人住所地", "《民诉解释》第二十三条", "《民事诉讼法》第十八条");
    }

    @Test
    void theSamplesAgreedForumIsTheSellersDistrict() {
        // 「由甲方所在地人民法院管辖」: the seller (the creditor, 甲方) is in 西湖区, the buyer in 拱墅区
        Jurisdiction.Proposal p = j.lawsuit("因本合同发生的争议，双方协商解决；协商不成的，由甲方所在地人民法院管辖。", false, false,
                "浙江省杭州市西湖区文一西路 88 号", "浙江省杭州市拱墅区湖墅南路 100 号", true);
        assertThat(p.court()).isEqualTo("杭州市西湖区人民法院");
        assertThat(p.explained()).contains("甲方所在地", "我方", "《民事诉讼法》第三十五条", "如合同中甲乙方相反");
        assertThat(j.lawsuit("由乙方住所地人民法院管辖", false, false, "浙江省杭州市西湖区", "浙江省杭州市拱墅区", true).court())
                .isEqualTo("杭州市拱墅区人民法院");
        assertThat(j.lawsuit("由原告住所地人民法院管辖", false, false, "浙江省杭州市西湖区", "浙江省杭州市拱墅区", true).court())
                .isEqualTo("杭州市西湖区人民法院");
        assertThat(j.lawsuit("由杭州市上城区人民法院管辖", false, false, "浙江省杭州市西湖区", "浙江省杭州市拱墅区", true).court())
                .isEqualTo("杭州市上城区人民法院");
    }

    @Test
    void withoutAnAgreementThePlaceOfPerformanceIsTheCreditorsAndTheDefendantsDomicileTheAlternative() {
        Jurisdiction.Proposal loan = j.lawsuit(null, false, true, "浙江省杭州市西湖区文一西路 88 号", "浙江省杭州市上城区解放路 20 号", true);
        assertThat(loan.court()).isEqualTo("杭州市西湖区人民法院");
        assertThat(loan.explained()).contains("接收货币一方", "《民事诉讼法》第二十四条", "《民诉解释》第十八条", "《民间借贷规定》第三条",
                "杭州市上城区人民法院");
        Jurisdiction.Proposal arbitration = j.lawsuit(null, true, false, "浙江省杭州市西湖区", "浙江省杭州市上城区", true);
        assertThat(arbitration.warning()).contains("仲裁");
    }

    @Test
    void enforcementGoesToTheFirstInstanceCourt() {
        assertThat(j.enforcement("杭州市西湖区人民法院", "浙江省杭州市拱墅区").court()).isEqualTo("杭州市西湖区人民法院");
        assertThat(j.enforcement("杭州市西湖区人民法院", "浙江省杭州市拱墅区").explained()).contains("第一审", "《民事诉讼法》第二百三十五条",
                "杭州市拱墅区人民法院");
        assertThat(j.enforcement(null, "浙江省杭州市拱墅区").court()).isEqualTo("杭州市拱墅区人民法院");
    }
}
