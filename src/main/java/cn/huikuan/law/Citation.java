package cn.huikuan.law;

/** One article (and optionally paragraph) of one law, printable in Chinese and English. */
public record Citation(Law law, int article, int paragraph) {
    public Citation {
        if (article < 1) throw new IllegalArgumentException("article " + article);
    }

    public static Citation of(Law law, int article) {
        return new Citation(law, article, 0);
    }

    /** 《民事诉讼法》第八十五条（第二款） */
    public String zh() {
        return "《" + law.shortTitle() + "》" + ChineseNumerals.article(article)
                + (paragraph > 0 ? "第" + ChineseNumerals.of(paragraph) + "款" : "");
    }

    /** Civil Procedure Law, Art. 85(2) */
    public String en() {
        return law.english() + ", Art. " + article + (paragraph > 0 ? "(" + paragraph + ")" : "");
    }

    @Override
    public String toString() {
        return zh();
    }
}
