package cn.huikuan.ui;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain-text e-mail draft (.eml) a mail program opens ready to send: UTF-8, subject encoded per RFC 2047. */
final class Email {
    private Email() {
    }

    static String draft(String to, String subject, String body) {
        String encodedSubject = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(subject.getBytes(StandardCharsets.UTF_8)) + "?=";
        String safeTo = to == null ? "" : to.replaceAll("[\\r\\n]", "");
        return "To: " + safeTo + "\r\n"
                + "Subject: " + encodedSubject + "\r\n"
                + "X-Unsent: 1\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n"
                + Base64.getMimeEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)) + "\r\n";
    }
}
