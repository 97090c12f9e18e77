package cn.huikuan.application;

import cn.huikuan.domain.PartyKind;

import java.math.BigDecimal;

/** A customer as the list shows it: registration number masked, totals aggregated in SQL. */
public record CustomerRow(long id, PartyKind kind, String name, String maskedNumber, String phone,
                          long receivableCount, BigDecimal outstanding) {
}
