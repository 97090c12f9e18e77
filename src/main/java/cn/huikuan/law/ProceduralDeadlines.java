package cn.huikuan.law;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The procedural periods a case's court steps start (民事诉讼法, 2023 text in force from 2024-01-01; counted per §85,
 * the starting day not counted, a last day on a rest day moved to the first working day after):
 * <ul>
 *   <li>service of a 支付令 → 15 days for the debtor to pay or object in writing (§227 ¶2);</li>
 *   <li>service of a first-instance judgment → 15 days to appeal (§171 ¶1); of a first-instance ruling (裁定) → 10
 *   days (§171 ¶2);</li>
 *   <li>service of a first-instance judgment or ruling on a party without a domicile in China → 30 days for that
 *   party to appeal (§286);</li>
 *   <li>the last day of the performance period an effective document sets → two years to apply for enforcement,
 *   counted from that day (§250 ¶2; it can be suspended and interrupted like limitation, §250 ¶1).</li>
 * </ul>
 * The periods are the same in the 2021 text (in force 2022-01-01 to 2023-12-31), under other numbers for three of
 * them (§223, §246, §276: read in shared/law/statutes/民事诉讼法(2021-12-24).md); a step before 2024 says so.
 */
public final class ProceduralDeadlines {
    /** A court step that starts a period, its name on the command line, the period and the article that gives it. */
    public enum Step {
        PAYMENT_ORDER_SERVED("payment-order-objection", 15, 0, Statutes.PAYMENT_ORDER_OBJECTION, 223,
                "支付令异议期届满（债务人须在此前清偿或书面异议；期满未异议又未履行的，可申请强制执行）",
                "End of the period to object to the payment order (the debtor must pay or object in writing by then; if neither, enforcement can be applied for)"),
        JUDGMENT_SERVED("appeal-judgment", 15, 0, Statutes.APPEAL_PERIOD, 171, "上诉期届满（不服一审判决的，须在此前上诉）",
                "End of the appeal period (an appeal against the first-instance judgment must be filed by then)"),
        RULING_SERVED("appeal-ruling", 10, 0, Statutes.APPEAL_RULING, 171, "上诉期届满（不服一审裁定的，须在此前上诉）",
                "End of the appeal period (an appeal against the first-instance ruling must be filed by then)"),
        SERVED_WITHOUT_DOMICILE("appeal-foreign", 30, 0, Statutes.APPEAL_NO_DOMICILE, 276,
                "上诉期届满（在中华人民共和国领域内没有住所的当事人不服一审判决、裁定的，须在此前上诉）",
                "End of the appeal period for a party without a domicile in China (an appeal against the first-instance judgment or ruling must be filed by then)"),
        PERFORMANCE_DUE("enforcement-application", 0, 2, Statutes.ENFORCEMENT_PERIOD, 246,
                "申请强制执行的期限届满（二年，从法律文书规定履行期间的最后一日起计算；可中止、中断）",
                "End of the period to apply for enforcement (two years from the last day set for performance; it can be suspended and interrupted)");

        private final String kind;
        private final int days;
        private final int years;
        private final Citation article;
        private final int article2021;
        private final String what;
        private final String whatEn;

        Step(String kind, int days, int years, Citation article, int article2021, String what, String whatEn) {
            this.whatEn = whatEn;
            this.kind = kind;
            this.days = days;
            this.years = years;
            this.article = article;
            this.article2021 = article2021;
            this.what = what;
        }

        /** The name {@code calc deadline --kind} takes. */
        public String kind() { return kind; }
        /** The period in days, or 0 for a period in years. */
        public int days() { return days; }
        public int years() { return years; }
        /** The article that gives the period (counted with §85). */
        public Citation article() { return article; }
        /** When the text carrying {@link #article()}'s number came into force. */
        public LocalDate inForceFrom() { return article.law().inForceFrom(); }
        /** What ends on the deadline, in Chinese. */
        public String what() { return what; }

        /** The step's deadline in English (the English window). */
        public String whatEn() { return whatEn; }
        /** "15 日" or "2 年". */
        public String period() { return days > 0 ? days + " 日" : years + " 年"; }

        /** The step of a {@code --kind} name, or null. */
        public static Step byKind(String kind) {
            for (Step s : values()) if (s.kind.equals(kind)) return s;
            return null;
        }
    }

    /**
     * @param note empty, or what the reader of an old case must know: the step came before the current text was in
     *             force, and the article then had another number
     */
    public record Deadline(Step from, LocalDate start, String what, Deadlines.Result result, String note) {
        public LocalDate date() {
            return result.deadline();
        }

        public Citation article() {
            return from.article();
        }

        /** What ends on that day, in English. */
        public String whatEn() {
            return from.whatEn();
        }

        /** {@link #note()} in the app's language ("en" or "zh"): one rule, both texts (issue 21). */
        public String note(String language) {
            return ProceduralDeadlines.note(from, start, language);
        }
    }

    private final Deadlines deadlines;

    public ProceduralDeadlines(HolidayCalendar calendar) {
        this.deadlines = new Deadlines(calendar);
    }

    /** 15 days from service of a 支付令 to pay or object (民事诉讼法 §227 ¶2). */
    public Deadline paymentOrderObjection(LocalDate served) {
        return of(Step.PAYMENT_ORDER_SERVED, served);
    }

    /** 15 days from service of a first-instance judgment to appeal (§171 ¶1). */
    public Deadline appealAgainstJudgment(LocalDate served) {
        return of(Step.JUDGMENT_SERVED, served);
    }

    /** 10 days from service of a first-instance ruling to appeal (§171 ¶2). */
    public Deadline appealAgainstRuling(LocalDate served) {
        return of(Step.RULING_SERVED, served);
    }

    /** 30 days from service of a first-instance judgment or ruling for a party without a domicile in China (§286). */
    public Deadline appealWithoutDomicile(LocalDate served) {
        return of(Step.SERVED_WITHOUT_DOMICILE, served);
    }

    /** Two years from the last day of the performance period to apply for enforcement (§250). */
    public Deadline enforcementApplication(LocalDate lastDayOfPerformance) {
        return of(Step.PERFORMANCE_DUE, lastDayOfPerformance);
    }

    public Deadline of(Step step, LocalDate date) {
        Deadlines.Result r = step.days() > 0 ? deadlines.days(date, step.days(), step.article())
                : deadlines.years(date, step.years(), step.article());
        return new Deadline(step, date, step.what(), r, note(step, date, "zh"));
    }

    private static String note(Step step, LocalDate date, String language) {
        if (!date.isBefore(step.inForceFrom())) return "";
        boolean en = "en".equals(language);
        String then = date.isBefore(LocalDate.of(2022, 1, 1))
                ? (en ? "article numbers as in the text then in force" : "条文序号以当时施行的文本为准")
                : step.article2021 == step.article().article()
                ? (en ? "the 2021 text then in force has the same article number" : "当时施行的 2021 年文本条文序号相同")
                : (en ? "in the 2021 text then in force it was Art. " + step.article2021 : "当时施行的 2021 年文本为" + ChineseNumerals.article(step.article2021));
        return en ? "The period started before the current Civil Procedure Law came into force on " + step.inForceFrom()
                + ": the period is the same; " + then
                : "起算日早于现行《民事诉讼法》施行日 " + step.inForceFrom() + "：期间相同，" + then;
    }


    /** All deadlines of the steps, earliest first. */
    public List<Deadline> all(List<Step> steps, List<LocalDate> dates) {
        List<Deadline> list = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) list.add(of(steps.get(i), dates.get(i)));
        list.sort(Comparator.comparing(Deadline::date));
        return list;
    }

    /** The first deadline on or after {@code today}. */
    public static Optional<Deadline> next(List<Deadline> all, LocalDate today) {
        return all.stream().filter(d -> !d.date().isBefore(today)).min(Comparator.comparing(Deadline::date));
    }
}
