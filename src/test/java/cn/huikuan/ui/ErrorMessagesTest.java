package cn.huikuan.ui;

import cn.huikuan.application.ChangedElsewhereException;
import cn.huikuan.i18n.I18n;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the window says about a save refused because someone else saved the record first (issue 22). */
class ErrorMessagesTest {
    @Test
    void aSaveRefusedBecauseSomeoneElseSavedFirstShowsWhoAndTheCurrentValues() {
        Map<String, String> now = new LinkedHashMap<>();
        now.put("标题", "五金货款");
        now.put("备注", "客户同意月底前付清");
        var e = new CompletionException(new ChangedElsewhereException("应收款 #7 五金货款", "amy", Instant.parse("2026-12-07T08:00:00Z"), now, null));
        String zh = ErrorMessages.describe(e, I18n.forLanguage("zh"));
        assertThat(zh).contains("应收款 #7 五金货款", "amy", "没有保存", "备注：客户同意月底前付清");
        String en = ErrorMessages.describe(e, I18n.forLanguage("en"));
        assertThat(en).contains("changed by amy", "not saved", "客户同意月底前付清", "Receivable #7 五金货款", "Note: 客户同意月底前付清")
                .doesNotContain("备注");
        // a court step's refusal: the labels the service gives, each said in the window's language
        Map<String, String> step = new LinkedHashMap<>();
        for (String label : new String[]{"程序", "日期", "法院或仲裁机构", "案号", "备注"}) step.put(label, "x");
        var court = new ChangedElsewhereException("法院程序 #12 提起诉讼", "ben", null, step, null);
        assertThat(ErrorMessages.describe(court, I18n.forLanguage("en"))).contains("Court step #12", "Step: x", "Court or arbitration body: x",
                "Case number: x").doesNotContain("案号");
        assertThat(ErrorMessages.describe(court, I18n.forLanguage("zh"))).contains("法院程序 #12 提起诉讼", "案号：x");
        assertThat(ErrorMessages.describe(new ChangedElsewhereException("客户 #3", null, null, Map.of(), null), I18n.forLanguage("zh")))
                .contains("别人");
    }

    @Test
    void aLostConnectionSaysWhetherTheChangeWasSavedInTheUsersLanguage() {
        var notSaved = new CompletionException(new cn.huikuan.storage.ConnectionLostException(
                cn.huikuan.storage.ConnectionLostException.Outcome.NOT_SAVED, new java.sql.SQLException("I/O error", "08006")));
        assertThat(ErrorMessages.describe(notSaved, I18n.forLanguage("zh"))).contains("连接中断", "都没有保存").doesNotContain("08006");
        var unknown = new cn.huikuan.storage.ConnectionLostException(cn.huikuan.storage.ConnectionLostException.Outcome.UNKNOWN, null);
        assertThat(ErrorMessages.describe(unknown, I18n.forLanguage("en"))).contains("could not be confirmed", "look before");
    }
}
