package cn.huikuan.domain;

/** How the contract's late-payment penalty (违约金) is expressed, if it has one. */
public enum PenaltyKind {
    NONE,
    /** A fixed sum in yuan. */
    FIXED,
    /** A daily rate in percent of the overdue amount (e.g. 0.05 = 日万分之五). */
    DAILY_RATE,
    /** A one-off percentage of the overdue amount. */
    PERCENTAGE
}
