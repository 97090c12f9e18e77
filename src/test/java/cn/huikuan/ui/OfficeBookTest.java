package cn.huikuan.ui;

import cn.huikuan.i18n.I18n;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server address as a bookkeeper types it, and the book's name as the window shows it (team mode, issue 22). */
class OfficeBookTest {
    @Test
    void theAddressIsTakenInEachWayAnOwnerMightWriteItDown() {
        assertThat(OfficeBook.toUrl("jdbc:postgresql://192.168.1.5:5432/huikuan_office")).isEqualTo("jdbc:postgresql://192.168.1.5:5432/huikuan_office");
        assertThat(OfficeBook.toUrl(" 192.168.1.5:5432/huikuan_office ")).isEqualTo("jdbc:postgresql://192.168.1.5:5432/huikuan_office");
        assertThat(OfficeBook.toUrl("server/huikuan_office")).isEqualTo("jdbc:postgresql://server/huikuan_office");
        assertThat(OfficeBook.toUrl("postgresql://server/office?sslmode=require")).isEqualTo("jdbc:postgresql://server/office?sslmode=require");
        assertThat(OfficeBook.toUrl("[::1]:5432/office")).isEqualTo("jdbc:postgresql://[::1]:5432/office");
        for (String wrong : new String[]{"", "192.168.1.5", "192.168.1.5:5432", "/office", "host:port/office", "host/", "a b/office", "host/x/y"}) {
            assertThat(OfficeBook.toUrl(wrong)).as(wrong).isNull();
        }
    }

    @Test
    void theWindowNamesServerBookAndLogin() {
        OfficeBook b = new OfficeBook("jdbc:postgresql://192.168.1.5:5432/office", "zhao", "book_1", "王氏建材");
        assertThat(b.label(I18n.forLanguage("zh"))).isEqualTo("服务器 192.168.1.5 · 王氏建材（zhao）");
        assertThat(b.label(I18n.forLanguage("en"))).isEqualTo("Server 192.168.1.5 · 王氏建材 (zhao)");
        assertThat(OfficeBook.host("jdbc:postgresql://[::1]:5432/office")).isEqualTo("[::1]");
        assertThat(OfficeBook.host("jdbc:postgresql://server/office")).isEqualTo("server");
    }
}
