package cn.huikuan.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonical texts and hashes are what every existing journal holds: written differently, they must not change. */
class AuditChainTextTest {
    /** The rule as first written: four replacements in this order. */
    static String escaped(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Test
    void fieldsAreEscapedAndJoinedAsBefore() {
        String[] tricky = {"", "plain", "a\\b|c\nd\re", "\\|", "||\\\\", "\r\n", "∅", "货款 12345 | 第\\二期", "😀|\\"};
        for (String t : tricky) {
            String text = AuditChain.canonicalCourt(7, "FILED", LocalDate.of(2026, 5, 28), t, null, t + "x");
            assertThat(text).as(t).isEqualTo("court|7|FILED|2026-05-28|" + escaped(t) + "|∅|" + escaped(t + "x"));
        }
        assertThat(AuditChain.canonicalPayment(3, null, new BigDecimal("12.5"), "CASH", "a|b", null))
                .isEqualTo("payment|3|∅|12.50|CASH|a\\|b|∅");
    }

    @Test
    void theHashIsTheSha256OfTheLinkedText() throws Exception {
        for (int i = 0; i < 3; i++) {   // the digest is reused: each hash starts afresh
            String h = AuditChain.hash(AuditChain.GENESIS, "payment", 42, "payment|3|∅|12.50|CASH|a\\|b|∅");
            byte[] d = MessageDigest.getInstance("SHA-256").digest((AuditChain.GENESIS + "\npayment\n42\npayment|3|∅|12.50|CASH|a\\|b|∅")
                    .getBytes(StandardCharsets.UTF_8));
            assertThat(h).isEqualTo(HexFormat.of().formatHex(d));
        }
    }
}
