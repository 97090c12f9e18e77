package cn.huikuan.i18n;

import cn.huikuan.domain.FieldError;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Text for screens, documents and the command line. Chinese (zh-CN) is the base bundle
 * ({@code messages.properties}); English is {@code messages_en.properties}. Both are UTF-8.
 */
public final class I18n {
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    static final String BUNDLE = "cn.huikuan.i18n.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    public I18n(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_DEFAULT));
    }

    public static I18n forLanguage(String lang) {
        return new I18n("en".equals(lang) ? ENGLISH : CHINESE);
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage().equals("en") ? "en" : "zh";
    }

    /** Whether texts the law and workflow code give in both languages are shown in English. */
    public boolean english() {
        return "en".equals(language());
    }

    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args.length == 0) return pattern;
        return new MessageFormat(pattern, locale).format(args);
    }

    public boolean has(String key) {
        return bundle.containsKey(key);
    }

    /**
     * The label of an enum constant: key {@code enum.<Type>.<CONSTANT>}, where a nested enum's type is
     * qualified by its outer class ({@code enum.Payment.Channel.CASH}).
     */
    public String e(Enum<?> value) {
        if (value == null) return "";
        return t(enumKey(value));
    }

    public static String enumKey(Enum<?> value) {
        String name = value.getDeclaringClass().getName();
        name = name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
        return "enum." + name + "." + value.name();
    }

    public String error(FieldError e) {
        return t(e.messageKey(), e.args().toArray());
    }
}
