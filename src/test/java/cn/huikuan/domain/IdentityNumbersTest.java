package cn.huikuan.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Check digits per GB 11643-1999 and GB 32100-2015 (FACTS.md §9), with real and broken numbers. */
class IdentityNumbersTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    @Test
    void standardsExampleIdNumberEndsInX() {
        // GB 11643 worked example: Σ dᵢ·Wᵢ = 167 for 11010519491231002, 167 mod 11 = 2 → 'X'
        assertThat(IdentityNumbers.residentIdCheckChar("11010519491231002")).isEqualTo('X');
        assertThat(IdentityNumbers.checkResidentId("11010519491231002X", TODAY)).isEqualTo(IdentityNumbers.Result.VALID);
        assertThat(IdentityNumbers.checkResidentId("11010519491231002x", TODAY)).as("lower-case x").isEqualTo(IdentityNumbers.Result.VALID);
    }

    @Test
    void handWorkedNumber() {
        // 3 4 0 5 2 4 1 9 8 0 0 1 0 1 0 0 1 × 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2
        // = 21+36+0+25+16+16+2+9+48+0+0+9+0+5+0+0+2 = 189; 189 mod 11 = 2 → 'X'
        assertThat(IdentityNumbers.residentIdCheckChar("34052419800101001")).isEqualTo('X');
        assertThat(IdentityNumbers.checkResidentId("34052419800101001X", TODAY)).isEqualTo(IdentityNumbers.Result.VALID);
        // born before 1900: not a living debtor, flagged like an impossible date
        assertThat(IdentityNumbers.checkResidentId("440524188001010014", TODAY)).isEqualTo(IdentityNumbers.Result.BAD_BIRTH_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105194912310021", "110105194912310020", "340524198001010010"})
    void changedCheckDigitIsDetected(String id) {
        assertThat(IdentityNumbers.checkResidentId(id, TODAY)).isEqualTo(IdentityNumbers.Result.BAD_CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1101051949123100", "11010519491231002Y", "A1010519491231002X", "110105 19491231002X0"})
    void malformedIdsAreRejected(String id) {
        assertThat(IdentityNumbers.checkResidentId(id, TODAY)).isEqualTo(IdentityNumbers.Result.MALFORMED);
    }

    @Test
    void impossibleBirthDatesAreFlagged() {
        String feb30 = "11010519490230002";
        assertThat(IdentityNumbers.checkResidentId(feb30 + IdentityNumbers.residentIdCheckChar(feb30), TODAY))
                .isEqualTo(IdentityNumbers.Result.BAD_BIRTH_DATE);
        String future = "11010520300101002";
        assertThat(IdentityNumbers.checkResidentId(future + IdentityNumbers.residentIdCheckChar(future), TODAY))
                .isEqualTo(IdentityNumbers.Result.BAD_BIRTH_DATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350200776049653A", "91440101MA5CJQ4N59", "913502000728319549"})
    void realCreditCodesPass(String code) {
        assertThat(IdentityNumbers.checkCreditCode(code)).isEqualTo(IdentityNumbers.Result.VALID);
    }

    @Test
    void creditCodeFromAPublicRegisterWithAWrongCheckCharacterFails() {
        // FACTS.md §9.2: this sample fails the check; one public validator hard-codes it as an exception
        assertThat(IdentityNumbers.checkCreditCode("91350203M0001QAY9B")).isEqualTo(IdentityNumbers.Result.BAD_CHECK_DIGIT);
        assertThat(IdentityNumbers.checkCreditCode("91350200776049653B")).isEqualTo(IdentityNumbers.Result.BAD_CHECK_DIGIT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"91350200776049653", "9135020077604965IA", "91350200776049653O", "91350200776049653AA"})
    void creditCodesWithForbiddenCharactersOrWrongLengthAreMalformed(String code) {
        assertThat(IdentityNumbers.checkCreditCode(code)).isEqualTo(IdentityNumbers.Result.MALFORMED);
    }

    @Test
    void masksKeepRegionAndLastFour() {
        assertThat(IdentityNumbers.mask("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(IdentityNumbers.mask("")).isEmpty();
    }
}
