package cn.huikuan.domain;

/**
 * Aging buckets (账龄) by days overdue: 0–30, 31–90, 91–180, 181–365, over 365. A receivable that is
 * not yet due is {@link #NOT_DUE}; one paid in full is {@link #SETTLED}.
 */
public enum AgingBucket {
    NOT_DUE(-1, -1),
    D0_30(0, 30),
    D31_90(31, 90),
    D91_180(91, 180),
    D181_365(181, 365),
    OVER_365(366, Integer.MAX_VALUE),
    SETTLED(-1, -1);

    private final int minDays;
    private final int maxDays;

    AgingBucket(int minDays, int maxDays) {
        this.minDays = minDays;
        this.maxDays = maxDays;
    }

    public int minDays() { return minDays; }
    public int maxDays() { return maxDays; }

    public boolean isOverdue() {
        return minDays >= 0;
    }

    public static AgingBucket ofDaysOverdue(long days) {
        if (days < 0) return NOT_DUE;
        for (AgingBucket b : values()) {
            if (b.isOverdue() && days >= b.minDays && days <= b.maxDays) return b;
        }
        throw new IllegalArgumentException("days " + days);
    }
}
