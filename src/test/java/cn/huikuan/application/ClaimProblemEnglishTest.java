package cn.huikuan.application;

import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.law.ClaimInput;
import cn.huikuan.law.data.LawData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 21: why a claim cannot be computed, as the receivable page gives it to the English window. */
class ClaimProblemEnglishTest {
    @Test
    void theEnglishOfTheEnginesBilingualMessagesKeepsTheirDetail() {
        // a payment dated before the contract: the engine's message is "english / 中文: date"
        ClaimInput in = new ClaimInput(ClaimInput.Kind.SERVICE, LocalDate.of(2026, 1, 1), null, new BigDecimal("1000"),
                List.of(new ClaimInput.Due(LocalDate.of(2026, 2, 1), new BigDecimal("1000"))), null, null, ClaimInput.PenaltyKind.NONE, null,
                List.of(), List.of(new ClaimInput.Paid(LocalDate.of(2025, 12, 20), new BigDecimal("100"))), 365, ClaimInput.Allocation.STATUTORY,
                null, false);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClaimCalculator(LawData.lpr(), LawData.benchmark()).compute(in, LocalDate.of(2026, 3, 1)));
        assertThat(e.getMessage()).contains("还款日期早于合同日期");
        assertThat(LegalStatusService.englishPart(e.getMessage())).isEqualTo("a payment is dated before the contract: 2025-12-20");
        // no detail; and a message with no English part stays as it is
        assertThat(LegalStatusService.englishPart("the principal must be more than 0 / 本金必须大于 0")).isEqualTo("the principal must be more than 0");
        assertThat(LegalStatusService.englishPart("plain")).isEqualTo("plain");
        assertThat(LegalStatusService.englishPart(null)).isNull();
    }
}
