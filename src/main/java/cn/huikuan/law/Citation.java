package cn.huikuan.law;

/** One article (and optionally paragraph) of one law, printable in Chinese and English. */
public record Citation(Law law, int article, int paragraph, int sub) {
    public Citation {
        if (article < 1) throw new IllegalArgumentException("article " + article);
    }

    public Citation(Law law, int article, int paragraph) {
        this(law, article, paragraph, 0);
    }

    /** An article inserted by amendment, e.g. 刑法第二百九十三条之一 = {@code inserted(CRIMINAL_LAW, 293, 1)}. */
    public static Citation inserted(Law law, int article, int sub) {
        return new Citation(law, article, 0, sub);
    }

    public static Citation of(Law law, int article) {
        return new Citation(law, article, 0);
    }

    /** 《民事诉讼法》第八十五条（第二款） */
    public String zh() {
        return "《" + law.shortTitle() + "》" + ChineseNumerals.article(article)
                + (sub > 0 ? "之" + ChineseNumerals.of(sub) : "")
                + (paragraph > 0 ? "第" + ChineseNumerals.of(paragraph) + "款" : "");
    }

    /** Civil Procedure Law, Art. 85(2) */
    public String en() {
        return law.english() + " Art. " + article + (sub > 0 ? "-" + sub : "") + (paragraph > 0 ? "(" + paragraph + ")" : "");
    }

    @Override
    public String toString() {
        return zh();
    }
}
