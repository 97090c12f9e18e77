package cn.huikuan.application;

import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.ReceivableKind;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A receivable as the list shows it, with its derived balance computed in SQL. */
public record ReceivableRow(long id, long customerId, String customerName, String title, ReceivableKind kind,
                            BigDecimal principal, BigDecimal paid, BigDecimal outstanding, LocalDate finalDueDate,
                            LocalDate overdueSince, Long daysOverdue, AgingBucket bucket) {
}
