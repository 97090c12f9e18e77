package cn.huikuan;

import cn.huikuan.i18n.I18n;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.ContactMethod;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.KnownAsset;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.PayerSituation;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.PenaltyKind;
import cn.huikuan.domain.ReceivableKind;
import java.text.MessageFormat;
import java.util.Locale;

/** Chinese and English bundles have the same keys; every key the code names exists; every enum has labels. */
class I18nConsistencyTest {
    static final Path BUNDLES = Path.of("src/main/resources/cn/huikuan/i18n");

    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> zh = load("messages.properties").stringPropertyNames();
        Set<String> en = load("messages_en.properties").stringPropertyNames();
        assertThat(en).as("keys missing or extra in English").containsExactlyInAnyOrderElementsOf(zh);
    }

    /** A lone apostrophe in a pattern with arguments starts a MessageFormat quote and swallows the {0} after it. */
    @Test
    void patternsWithArgumentsKeepTheirApostrophesAndFillEveryArgument() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load(file);
            for (String k : p.stringPropertyNames()) {
                String v = p.getProperty(k);
                if (!v.matches("(?s).*\\{\\d.*")) {
                    // Shown as written (I18n formats only when there are arguments): a doubled apostrophe would show twice.
                    assertThat(v).as(file + " " + k).doesNotContain("''");
                    continue;
                }
                String out = new MessageFormat(v).format(new Object[]{1, 2, 3, 4, 5});
                assertThat(out).as(file + " " + k).doesNotContain("{0}").doesNotContain("{1}");
                if (v.contains("'")) assertThat(out).as(file + " " + k).contains("'");
            }
        }
    }

    @Test
    void noEmptyTranslations() throws IOException {
        for (String file : List.of("messages.properties", "messages_en.properties")) {
            Properties p = load(file);
            for (String k : p.stringPropertyNames()) assertThat(p.getProperty(k)).as(file + " " + k).isNotBlank();
        }
    }

    @Test
    void everyLiteralKeyInTheCodeExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("\"((?:app|action|tab|status|task|list|dash|customer|receivable|payment|evidence|contact|creditor|detail|terms|dialog|validation|error|limitation|claim|lpr|court|conduct|backup|export|wizard|today|welcome|restore|privacy|book|import|report|search|plan|password|statement)\\.[A-Za-z0-9_.]+)\"");
        Set<String> missing = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    String k = m.group(1);
                    if (k.matches(".*\\.(csv|json|png|properties)$")) continue; // a file name, not a key
                    if (k.endsWith(".")) {
                        // a prefix completed at run time: at least one key must start with it
                        if (keys.stream().noneMatch(x -> x.startsWith(k))) missing.add(k + "*");
                    } else if (!keys.contains(k)) {
                        missing.add(k);
                    }
                }
            }
        }
        assertThat(missing).as("keys used in code but not in messages.properties").isEmpty();
    }

    @Test
    void everyEnumConstantShownToUsersHasALabelInBothLanguages() {
        List<Class<? extends Enum<?>>> shown = List.of(PartyKind.class, PayerSituation.class,
                ReceivableKind.class, PenaltyKind.class, AgingBucket.class,
                EvidenceType.class, Payment.Channel.class, ContactEntry.Channel.class,
                ContactEntry.Direction.class, ContactEntry.Outcome.class,
                ContactMethod.Kind.class, KnownAsset.Kind.class, CourtEvent.Kind.class);
        for (I18n i18n : List.of(new I18n(I18n.CHINESE), new I18n(I18n.ENGLISH))) {
            for (Class<? extends Enum<?>> type : shown) {
                for (Enum<?> e : type.getEnumConstants()) {
                    assertThat(i18n.has(I18n.enumKey(e))).as(i18n.locale() + " " + I18n.enumKey(e)).isTrue();
                }
            }
        }
    }

    @Test
    void chineseIsTheBaseAndEnglishIsSelectable() {
        assertThat(new I18n(I18n.CHINESE).t("tab.receivables")).isEqualTo("应收款");
        assertThat(new I18n(I18n.ENGLISH).t("tab.receivables")).isEqualTo("Receivables");
        assertThat(new I18n(Locale.FRENCH).t("tab.receivables")).as("unknown languages fall back to Chinese").isEqualTo("应收款");
        assertThat(new I18n(I18n.CHINESE).t("list.page", 1, 2, 3)).isEqualTo("第 1/2 页 · 共 3 条");
    }

    /**
     * A value written as {@code key= (text)} loses its leading space (java.util.Properties trims it): the English window
     * showed "pay.(by 2026-11-28)". A value that must start with a space says so as {@code \u0020}.
     */
    @Test
    void noValueReliesOnALeadingSpaceThatPropertiesDrops() throws IOException {
        for (String name : List.of("messages.properties", "messages_en.properties")) {
            List<String> lines = Files.readAllLines(BUNDLES.resolve(name), StandardCharsets.UTF_8);
            assertThat(lines.stream().filter(l -> l.matches("[A-Za-z0-9_.]+= +\\S.*")).toList()).as(name).isEmpty();
        }
    }
}
