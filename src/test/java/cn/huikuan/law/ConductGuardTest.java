package cn.huikuan.law;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 5's lawful-conduct guard: what it flags, why, and what it leaves alone. */
class ConductGuardTest {
    final ConductGuard guard = new ConductGuard(ConductGuard.Policy.defaults());

    List<ConductGuard.Concern> concerns(String text) {
        return guard.checkText(text).stream().map(ConductGuard.Finding::concern).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "李总您好，城西安置房三期的建材货款 30 万元已逾期，麻烦您安排一下，谢谢！",
            "请于 2026-12-10 前支付货款 300,000 元，逾期我方将依法向人民法院起诉。",
            "我明天上午再打你电话，确认一下还款时间。",
            "如有困难，可以和我们商量分期还款计划。",
            "按合同约定，逾期付款按日万分之五支付违约金。"})
    void ordinaryFirmMessagesPass(String text) {
        assertThat(guard.checkText(text)).isEmpty();
    }

    @Test
    void threatsOfViolenceAreFlaggedWithTheCriminalLawAndALawfulAlternative() {
        List<ConductGuard.Finding> f = guard.checkText("再不还钱就打断你的腿，你等着！");
        assertThat(f).extracting(ConductGuard.Finding::concern).containsExactly(ConductGuard.Concern.THREAT, ConductGuard.Concern.THREAT);
        assertThat(f.get(0).matched()).isEqualTo("打断");
        assertThat(f.get(0).basis().zh()).isEqualTo("《刑法》第二百九十三条之一");
        assertThat(f.get(0).suggestion()).contains("依法通过诉讼");
        assertThat(f.get(0).policyOnly()).isFalse();
    }

    @Test
    void insultsAreFlagged() {
        assertThat(concerns("你这个老赖，就是个骗子")).containsExactly(ConductGuard.Concern.INSULT, ConductGuard.Concern.INSULT);
        assertThat(guard.checkText("老赖").get(0).basis()).isEqualTo(Statutes.REPUTATION);
    }

    @Test
    void threatsToExposeOrToContactFamilyAndEmployerAreFlagged() {
        List<ConductGuard.Finding> f = guard.checkText("不还钱就把你的事发朋友圈，再告诉你老婆，找你领导，让你的同事都知道");
        assertThat(f).extracting(ConductGuard.Finding::concern).containsOnly(ConductGuard.Concern.DISCLOSURE).hasSize(4);
        assertThat(f.get(0).basis()).isEqualTo(Statutes.PIPL_NO_PUBLICATION);
        assertThat(f.get(0).suggestion()).contains("只与您本人沟通");
    }

    @Test
    void illegalDebtsAreFlaggedWithoutAlsoCallingThemInsults() {
        assertThat(concerns("砍头息和利滚利都得给，月息三分")).containsExactly(ConductGuard.Concern.ILLEGAL_DEBT,
                ConductGuard.Concern.ILLEGAL_DEBT, ConductGuard.Concern.ILLEGAL_DEBT);
    }

    @Test
    void recordingGetsANoteOnAdmissibility() {
        List<ConductGuard.Finding> f = guard.checkText("这次通话我已经录音了");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.concern()).isEqualTo(ConductGuard.Concern.RECORDING);
            assertThat(x.basis().zh()).isEqualTo("《民诉解释》第一百零六条");
        });
    }

    @Test
    void contactHoursAreTheAppsPolicyNotLaw() {
        LocalDateTime day = LocalDateTime.of(2026, 11, 28, 0, 0);
        assertThat(guard.checkTiming(day.withHour(22).withMinute(30), List.of())).singleElement().satisfies(x -> {
            assertThat(x.concern()).isEqualTo(ConductGuard.Concern.OUTSIDE_HOURS);
            assertThat(x.policyOnly()).isTrue();
            assertThat(x.basis()).isNull();
            assertThat(x.reason()).contains("软件政策，并非法律规定");
        });
        assertThat(guard.checkTiming(day.withHour(7).withMinute(59), List.of())).hasSize(1);
        assertThat(guard.checkTiming(day.withHour(8), List.of())).isEmpty();
        assertThat(guard.checkTiming(day.withHour(21), List.of())).isEmpty();
        assertThat(guard.checkTiming(day.withHour(21).withMinute(1), List.of())).hasSize(1);
    }

    @Test
    void moreThanThreeContactsInSevenDaysIsFlagged() {
        LocalDateTime now = LocalDateTime.of(2026, 11, 28, 10, 0);
        List<LocalDateTime> three = List.of(now.minusDays(1), now.minusDays(3), now.minusDays(6));
        assertThat(guard.checkTiming(now, three)).singleElement().satisfies(x -> {
            assertThat(x.concern()).isEqualTo(ConductGuard.Concern.TOO_FREQUENT);
            assertThat(x.reason()).contains("第 4 次");
        });
        List<LocalDateTime> spread = List.of(now.minusDays(1), now.minusDays(3), now.minusDays(8));
        assertThat(guard.checkTiming(now, spread)).isEmpty();
        assertThat(new ConductGuard(new ConductGuard.Policy(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(18, 0), 5))
                .checkTiming(now, three)).isEmpty();
    }
}
