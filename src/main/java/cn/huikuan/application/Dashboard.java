package cn.huikuan.application;

import cn.huikuan.domain.AgingBucket;

import java.math.BigDecimal;
import java.util.Map;

/** Totals of one book on a date, aggregated in the database. */
public record Dashboard(long customers, long openReceivables, BigDecimal principal, BigDecimal paid,
                        BigDecimal outstanding, BigDecimal overdue, Map<AgingBucket, BucketTotal> buckets) {
    public record BucketTotal(long count, BigDecimal outstanding) {
    }
}
