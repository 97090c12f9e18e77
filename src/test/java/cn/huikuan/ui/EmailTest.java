package cn.huikuan.ui;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class EmailTest {
    @Test
    void draftIsAnUnsentUtf8MessageWithAnEncodedSubject() {
        String eml = Email.draft("li@example.cn\r\nBcc: x@y", "关于货款的付款提醒", "李某您好，\n请于12月5日前付款。");
        assertThat(eml).startsWith("To: li@example.cnBcc: x@y\r\n").contains("X-Unsent: 1", "charset=UTF-8")
                .contains("Subject: =?UTF-8?B?" + Base64.getEncoder().encodeToString("关于货款的付款提醒".getBytes(StandardCharsets.UTF_8)) + "?=");
        String body = eml.substring(eml.indexOf("\r\n\r\n") + 4).strip();
        assertThat(new String(Base64.getMimeDecoder().decode(body), StandardCharsets.UTF_8)).isEqualTo("李某您好，\n请于12月5日前付款。");
        assertThat(eml.lines().filter(l -> l.startsWith("Bcc:"))).isEmpty();   // a header cannot be smuggled in through the address
    }
}
