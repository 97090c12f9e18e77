package cn.huikuan.law;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Every article the app computes from or prints, in one table. A renumbering (the Civil Procedure Law
 * moved 支付令 from §221 to §225 in 2023) is one edit here. Numbers are the current ones (FACTS.md §1.1).
 */
public final class Statutes {
    private Statutes() {
    }

    // 民法典
    public static final Citation LIMITATION_THREE_YEARS = Citation.of(Law.CIVIL_CODE, 188);
    /** 自权利受到损害之日起超过二十年的，人民法院不予保护 (issue 19). */
    public static final Citation LIMITATION_TWENTY_YEARS = new Citation(Law.CIVIL_CODE, 188, 2);
    public static final Citation LIMITATION_INSTALMENTS = Citation.of(Law.CIVIL_CODE, 189);
    public static final Citation LIMITATION_INTERRUPTION = Citation.of(Law.CIVIL_CODE, 195);
    public static final Citation PERIOD_FIRST_DAY = Citation.of(Law.CIVIL_CODE, 201);
    public static final Citation PERIOD_MONTH_END = Citation.of(Law.CIVIL_CODE, 202);
    public static final Citation PERIOD_REST_DAY = Citation.of(Law.CIVIL_CODE, 203);
    public static final Citation PAYMENT_ALLOCATION = Citation.of(Law.CIVIL_CODE, 561);
    public static final Citation FULL_PERFORMANCE = Citation.of(Law.CIVIL_CODE, 509);
    public static final Citation BUYER_PAYS_PRICE = Citation.of(Law.CIVIL_CODE, 626);
    public static final Citation BUYER_PAYS_ON_TIME = Citation.of(Law.CIVIL_CODE, 628);
    public static final Citation BORROWER_PAYS_INTEREST = Citation.of(Law.CIVIL_CODE, 674);
    public static final Citation BORROWER_REPAYS = Citation.of(Law.CIVIL_CODE, 675);
    public static final Citation LOSS_DAMAGES = Citation.of(Law.CIVIL_CODE, 584);
    public static final Citation PENALTY_CLAUSE = Citation.of(Law.CIVIL_CODE, 585);
    /** 约定的违约金过分高于造成的损失的，人民法院…可以根据当事人的请求予以适当减少 (issue 19). */
    public static final Citation PENALTY_REDUCTION = new Citation(Law.CIVIL_CODE, 585, 2);
    /** 违约金超过造成损失的百分之三十的，一般可以认定为过分高于造成的损失 (issue 19). */
    public static final Citation PENALTY_EXCESSIVE = new Citation(Law.CONTRACT_GENERAL_INTERPRETATION, 65, 2);
    public static final Citation MONEY_DEBT = Citation.of(Law.CIVIL_CODE, 579);
    public static final Citation LOAN_OVERDUE_INTEREST = Citation.of(Law.CIVIL_CODE, 676);
    public static final Citation NO_USURY = Citation.of(Law.CIVIL_CODE, 680);
    public static final Citation REPUTATION = Citation.of(Law.CIVIL_CODE, 1024);
    public static final Citation PEACE_OF_PRIVATE_LIFE = Citation.of(Law.CIVIL_CODE, 1033);
    public static final Citation NO_DISCLOSURE_WITHOUT_CONSENT = Citation.of(Law.CIVIL_CODE, 1038);
    /** 自然人享有隐私权……不得以刺探、侵扰、泄露、公开等方式侵害他人的隐私权. */
    public static final Citation PRIVACY = Citation.of(Law.CIVIL_CODE, 1032);
    /** 不得以丑化、污损……等方式侵害他人的肖像权. */
    public static final Citation PORTRAIT = Citation.of(Law.CIVIL_CODE, 1019);
    /** 违背公序良俗的民事法律行为无效 (a gambling debt). */
    public static final Citation VOID_AGAINST_PUBLIC_ORDER = new Citation(Law.CIVIL_CODE, 153, 2);
    /** 借款的利息不得预先在本金中扣除. */
    public static final Citation NO_PREDEDUCTED_INTEREST = Citation.of(Law.CIVIL_CODE, 670);

    // 个人信息保护法, 刑法
    public static final Citation PIPL_NO_PUBLICATION = Citation.of(Law.PERSONAL_INFORMATION, 25);
    public static final Citation PIPL_THIRD_PARTIES = Citation.of(Law.PERSONAL_INFORMATION, 23);
    /** 不得非法收集、使用、加工、传输他人个人信息，不得非法买卖、提供或者公开他人个人信息. */
    public static final Citation PIPL_NO_UNLAWFUL_PROCESSING = Citation.of(Law.PERSONAL_INFORMATION, 10);
    /** The lawful bases: a contract with the person (二) covers dealing with the debtor, not telling others. */
    public static final Citation PIPL_LAWFUL_BASES = Citation.of(Law.PERSONAL_INFORMATION, 13);
    /** 敏感个人信息: 医疗健康、金融账户、行踪轨迹…… */
    public static final Citation PIPL_SENSITIVE = Citation.of(Law.PERSONAL_INFORMATION, 28);
    public static final Citation CRIME_UNLAWFUL_DETENTION = Citation.of(Law.CRIMINAL_LAW, 238);
    public static final Citation CRIME_INSULT = Citation.of(Law.CRIMINAL_LAW, 246);
    /** 为索取债务非法扣押、拘禁他人的，依照前两款的规定处罚. */
    public static final Citation CRIME_DETENTION_FOR_DEBT = new Citation(Law.CRIMINAL_LAW, 238, 3);
    /** 侵犯公民个人信息罪: 违反国家有关规定，向他人出售或者提供公民个人信息，情节严重的. */
    public static final Citation CRIME_PERSONAL_INFORMATION = Citation.inserted(Law.CRIMINAL_LAW, 253, 1);
    /** 故意毁坏财物罪. */
    public static final Citation CRIME_DAMAGING_PROPERTY = Citation.of(Law.CRIMINAL_LAW, 275);
    /** 招摇撞骗罪: 冒充国家机关工作人员招摇撞骗的. */
    public static final Citation CRIME_IMPERSONATING_OFFICIALS = Citation.of(Law.CRIMINAL_LAW, 279);

    // 治安管理处罚法 (2025 revision, in force 2026-01-01; numbers [S]: Law.PUBLIC_SECURITY)
    /** 威胁他人人身安全；公然侮辱；多次发送侮辱、恐吓等信息或者滋扰、纠缠、跟踪；偷窥、偷拍、窃听、散布他人隐私. */
    public static final Citation PSL_THREATS_INSULTS_HARASSMENT = Citation.of(Law.PUBLIC_SECURITY, 50);
    /** 故意损毁公私财物. */
    public static final Citation PSL_DAMAGING_PROPERTY = Citation.of(Law.PUBLIC_SECURITY, 59);
    public static final Citation CRIME_COLLECTING_ILLEGAL_DEBTS = Citation.inserted(Law.CRIMINAL_LAW, 293, 1);

    // 民事诉讼法 (2023)
    public static final Citation CONTRACT_JURISDICTION = Citation.of(Law.CIVIL_PROCEDURE_LAW, 24);
    public static final Citation AGREED_JURISDICTION = Citation.of(Law.CIVIL_PROCEDURE_LAW, 35);
    /** 基层人民法院管辖第一审民事案件 (issue 18: a 支付令 goes to a basic-level court). */
    public static final Citation BASIC_COURTS = Citation.of(Law.CIVIL_PROCEDURE_LAW, 18);
    /** The first-instance court, or the court of the same level where the property is, enforces (issue 18). */
    public static final Citation ENFORCEMENT_COURT = Citation.of(Law.CIVIL_PROCEDURE_LAW, 235);
    /** 民事诉讼应当遵循诚信原则 (the 诚信诉讼 notice of the 2024 示范文本). */
    public static final Citation GOOD_FAITH_LITIGATION = Citation.of(Law.CIVIL_PROCEDURE_LAW, 13);
    /** 虚假诉讼: 恶意串通，企图通过诉讼…侵害他人合法权益 (the 诚信诉讼 notice). */
    public static final Citation COLLUSIVE_LITIGATION = Citation.of(Law.CIVIL_PROCEDURE_LAW, 115);
    /** No arbitration without an arbitration agreement (issue 18). */
    public static final Citation ARBITRATION_AGREEMENT_NEEDED = Citation.of(Law.ARBITRATION_LAW, 4);
    /** An arbitration clause in a contract is an arbitration agreement. */
    public static final Citation ARBITRATION_CLAUSE = Citation.of(Law.ARBITRATION_LAW, 16);
    /** A loan's place of performance, when not agreed, is where the party receiving the money is. */
    public static final Citation LOAN_PLACE_OF_PERFORMANCE = Citation.of(Law.PRIVATE_LENDING, 3);
    public static final Citation PERIODS = Citation.of(Law.CIVIL_PROCEDURE_LAW, 85);
    public static final Citation PAYMENT_ORDER = Citation.of(Law.CIVIL_PROCEDURE_LAW, 225);
    public static final Citation PAYMENT_ORDER_OBJECTION = Citation.of(Law.CIVIL_PROCEDURE_LAW, 227);
    /** 15 days to appeal a first-instance judgment, from its service (§171 ¶1). */
    public static final Citation APPEAL_PERIOD = new Citation(Law.CIVIL_PROCEDURE_LAW, 171, 1);
    /** 10 days to appeal a first-instance ruling (裁定), from its service (§171 ¶2). */
    public static final Citation APPEAL_RULING = new Citation(Law.CIVIL_PROCEDURE_LAW, 171, 2);
    /** 30 days to appeal a judgment or ruling for a party without a domicile in China (涉外, §286). */
    public static final Citation APPEAL_NO_DOMICILE = Citation.of(Law.CIVIL_PROCEDURE_LAW, 286);
    public static final Citation ENFORCEMENT_PERIOD = Citation.of(Law.CIVIL_PROCEDURE_LAW, 250);
    public static final Citation DOUBLE_INTEREST = Citation.of(Law.CIVIL_PROCEDURE_LAW, 264);
    public static final Citation ELECTRONIC_SERVICE = Citation.of(Law.CIVIL_PROCEDURE_LAW, 90);
    public static final Citation BURDEN_OF_PROOF = Citation.of(Law.CIVIL_PROCEDURE_LAW, 67);
    public static final Citation PRESERVATION = Citation.of(Law.CIVIL_PROCEDURE_LAW, 103);
    public static final Citation PRE_SUIT_PRESERVATION = Citation.of(Law.CIVIL_PROCEDURE_LAW, 104);
    public static final Citation COMPLAINT_CONTENTS = Citation.of(Law.CIVIL_PROCEDURE_LAW, 124);
    public static final Citation ENFORCEMENT_APPLICATION = Citation.of(Law.CIVIL_PROCEDURE_LAW, 247);
    public static final Citation ENFORCEMENT_MEASURES = Citation.of(Law.CIVIL_PROCEDURE_LAW, 253);

    // 民诉解释 (2022)
    public static final Citation PLACE_OF_PERFORMANCE = Citation.of(Law.CPL_INTERPRETATION, 18);
    public static final Citation PAYMENT_ORDER_COURT = Citation.of(Law.CPL_INTERPRETATION, 23);
    public static final Citation PAYMENT_ORDER_CONDITIONS = Citation.of(Law.CPL_INTERPRETATION, 427);
    public static final Citation PAYMENT_ORDER_REJECTION = Citation.of(Law.CPL_INTERPRETATION, 428);
    public static final Citation UNLAWFUL_EVIDENCE = Citation.of(Law.CPL_INTERPRETATION, 106);

    // 诉讼费用交纳办法
    public static final Citation FEE_PROPERTY_CASE = new Citation(Law.LITIGATION_FEES, 13, 0);
    public static final Citation FEE_APPLICATIONS = new Citation(Law.LITIGATION_FEES, 14, 0);
    public static final Citation FEE_HALF_MEDIATION = Citation.of(Law.LITIGATION_FEES, 15);
    public static final Citation FEE_HALF_SIMPLE = Citation.of(Law.LITIGATION_FEES, 16);

    // 民间借贷规定 (2020)
    public static final Citation LOAN_RATE_CAP = Citation.of(Law.PRIVATE_LENDING, 25);
    /** 预先在本金中扣除利息的，人民法院应当将实际出借的金额认定为本金 (砍头息). */
    public static final Citation LOAN_PREDEDUCTED_INTEREST = Citation.of(Law.PRIVATE_LENDING, 26);
    /** Interest rolled into a new principal counts only up to 4 × LPR (利滚利). */
    public static final Citation LOAN_COMPOUNDING = Citation.of(Law.PRIVATE_LENDING, 27);
    public static final Citation LOAN_OVERDUE_RATE = Citation.of(Law.PRIVATE_LENDING, 28);
    public static final Citation LOAN_COMBINED_CAP = Citation.of(Law.PRIVATE_LENDING, 29);
    public static final Citation LOAN_TRANSITION = Citation.of(Law.PRIVATE_LENDING, 31);
    public static final Citation LOAN_NO_INTEREST_AGREED = Citation.of(Law.PRIVATE_LENDING, 24);
    public static final Citation LOAN_RATE_CAP_2015 = Citation.of(Law.PRIVATE_LENDING_2015, 26);

    // 买卖合同解释 / 诉讼时效规定 / 迟延履行利息解释
    public static final Citation SALE_LATE_PAYMENT_LOSS = Citation.of(Law.SALES_CONTRACTS, 18);
    public static final Citation DEMAND_REACHES_DEBTOR = Citation.of(Law.LIMITATION_RULES, 8);
    public static final Citation PAYMENT_ORDER_INTERRUPTS = Citation.of(Law.LIMITATION_RULES, 11);
    public static final Citation PART_PAYMENT_IS_CONSENT = Citation.of(Law.LIMITATION_RULES, 14);
    public static final Citation DOUBLE_INTEREST_FORMULA = Citation.of(Law.LATE_PERFORMANCE_INTEREST, 1);
    /** 当事人应当对其提交的证据材料逐一分类编号……依照对方当事人人数提出副本 (the 证据目录). */
    public static final Citation EVIDENCE_LIST = Citation.of(Law.EVIDENCE_RULES, 19);

    // 全国年节及纪念日放假办法 (2024 revision)
    /** The holidays of all citizens, counted for a year whose arrangement (the State Council's yearly notice) is not published. */
    public static final Citation STATUTORY_HOLIDAYS = Citation.of(Law.PUBLIC_HOLIDAYS, 2);

    /** Every citation above, for the registry listing in docs/law.md and its test. */
    public static List<Citation> all() {
        List<Citation> list = new ArrayList<>();
        for (Field f : Statutes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == Citation.class) {
                try {
                    list.add((Citation) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return list;
    }
}
