package cn.huikuan.law;

import java.time.LocalDate;

/**
 * The laws and judicial interpretations Huikuan computes from, each in the version whose article numbers
 * it cites. Sources: shared/law/FACTS.md and shared/law/statutes/. Dates marked there as from memory
 * are noted here too.
 */
public enum Law {
    CIVIL_CODE("中华人民共和国民法典", "民法典", "Civil Code", "2020-05-28 通过", LocalDate.of(2021, 1, 1)),
    /** 2023 amendment, adopted 2023-09-01, in force 2024-01-01 (FACTS.md §1: effective date from memory). */
    CIVIL_PROCEDURE_LAW("中华人民共和国民事诉讼法", "民事诉讼法", "Civil Procedure Law", "2023 年修正", LocalDate.of(2024, 1, 1)),
    /** 法释〔2022〕11号, in force 2022-04-10. Still cites 2021 article numbers of the Civil Procedure Law. */
    CPL_INTERPRETATION("最高人民法院关于适用《中华人民共和国民事诉讼法》的解释", "民诉解释", "SPC Interpretation of the Civil Procedure Law",
            "法释〔2022〕11号", LocalDate.of(2022, 4, 10)),
    /** 国务院令第481号, in force 2007-04-01. */
    LITIGATION_FEES("诉讼费用交纳办法", "诉讼费用交纳办法", "Measures on the Payment of Litigation Costs", "国务院令第481号",
            LocalDate.of(2007, 4, 1)),
    /** 法释〔2020〕17号 (second amendment), in force 2021-01-01 (FACTS.md §5: from memory). */
    PRIVATE_LENDING("最高人民法院关于审理民间借贷案件适用法律若干问题的规定", "民间借贷规定", "SPC Provisions on Private Lending",
            "法释〔2020〕17号", LocalDate.of(2021, 1, 1)),
    /** 法释〔2015〕18号, in force 2015-09-01: governs interest up to 2020-08-19 (民间借贷规定 §31). */
    PRIVATE_LENDING_2015("最高人民法院关于审理民间借贷案件适用法律若干问题的规定（2015）", "民间借贷规定（2015）",
            "SPC Provisions on Private Lending (2015)", "法释〔2015〕18号", LocalDate.of(2015, 9, 1)),
    SALES_CONTRACTS("最高人民法院关于审理买卖合同纠纷案件适用法律问题的解释", "买卖合同解释", "SPC Interpretation on Sales Contracts",
            "法释〔2020〕17号", LocalDate.of(2021, 1, 1)),
    LIMITATION_RULES("最高人民法院关于审理民事案件适用诉讼时效制度若干问题的规定", "诉讼时效规定", "SPC Provisions on Limitation",
            "法释〔2020〕17号", LocalDate.of(2021, 1, 1)),
    /** 法释〔2014〕8号, in force 2014-08-01 (FACTS.md §8: from memory). */
    LATE_PERFORMANCE_INTEREST("最高人民法院关于执行程序中计算迟延履行期间的债务利息适用法律若干问题的解释", "迟延履行利息解释",
            "SPC Interpretation on Interest for Late Performance", "法释〔2014〕8号", LocalDate.of(2014, 8, 1)),
    /** 法释〔2019〕19号 (2019 amendment), in force 2020-05-01 (FACTS.md §10.1: effective date from memory). */
    EVIDENCE_RULES("最高人民法院关于民事诉讼证据的若干规定", "民事证据规定", "SPC Provisions on Evidence in Civil Procedures",
            "法释〔2019〕19号", LocalDate.of(2020, 5, 1)),
    /** 法释〔2023〕13号, in force 2023-12-05 (shared/law/statutes/合同编通则解释.md). */
    CONTRACT_GENERAL_INTERPRETATION("最高人民法院关于适用《中华人民共和国民法典》合同编通则若干问题的解释", "合同编通则解释",
            "SPC Interpretation of the General Part of the Civil Code's Contracts Book", "法释〔2023〕13号", LocalDate.of(2023, 12, 5)),
    PERSONAL_INFORMATION("中华人民共和国个人信息保护法", "个人信息保护法", "Personal Information Protection Law", "2021-08-20 通过",
            LocalDate.of(2021, 11, 1)),
    CRIMINAL_LAW("中华人民共和国刑法", "刑法", "Criminal Law", "刑法修正案（十一）", LocalDate.of(2021, 3, 1)),
    /**
     * The State Council's 全国年节及纪念日放假办法 as revised by its decision of 2024-11-10 (国务院令第795号), in force
     * 2025-01-01. Not among shared/law/statutes: the order number, the dates and the article numbers are from memory, and
     * so is the text of §2 (the holidays of all citizens: 元旦 1 day, 春节 4 from 除夕 to 正月初三, 清明 1, 劳动节 2 on
     * 5-01 and 5-02, 端午 1, 中秋 1, 国庆 3 on 10-01 to 10-03; the days are those issue 19 gives) and of §6 (a holiday
     * of all citizens that falls on a weekend is made up on a working day, on a day the yearly arrangement names).
     */
    PUBLIC_HOLIDAYS("全国年节及纪念日放假办法", "全国年节及纪念日放假办法", "Regulations on Public Holidays and Commemorative Days",
            "2024 年修订（国务院令第795号）", LocalDate.of(2025, 1, 1)),
    /**
     * The 2017 text (in force 2018-01-01). Not among shared/law/statutes: §4 (no arbitration without an arbitration agreement)
     * and §16 (an arbitration clause in a contract is such an agreement) are cited from memory; a 2025 revision was adopted,
     * whose numbering is to be checked against its text before it is cited.
     */
    ARBITRATION_LAW("中华人民共和国仲裁法", "仲裁法", "Arbitration Law", "2017 年修正", LocalDate.of(2018, 1, 1)),
    /**
     * The 2025 revision (adopted 2025-06-27, in force 2026-01-01; 144 articles, renumbered from the 2012 text's 119).
     * Not in shared/law: its article numbers (§50 threats, insults, harassing messages and privacy; §59 damage to
     * property) are [S], from two secondary sources that quote the revised text (docs/conduct-guard.md).
     */
    PUBLIC_SECURITY("中华人民共和国治安管理处罚法", "治安管理处罚法", "Public Security Administration Punishments Law", "2025 年修订",
            LocalDate.of(2026, 1, 1));

    private final String title;
    private final String shortTitle;
    private final String english;
    private final String version;
    private final LocalDate inForceFrom;

    Law(String title, String shortTitle, String english, String version, LocalDate inForceFrom) {
        this.title = title;
        this.shortTitle = shortTitle;
        this.english = english;
        this.version = version;
        this.inForceFrom = inForceFrom;
    }

    public String title() { return title; }
    public String shortTitle() { return shortTitle; }
    public String english() { return english; }
    public String version() { return version; }
    public LocalDate inForceFrom() { return inForceFrom; }
}
