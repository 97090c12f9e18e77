package cn.huikuan.domain;

/** What the money is owed for; decides the applicable rules (买卖合同解释 or 民间借贷规定). */
public enum ReceivableKind {
    /** 买卖合同: goods sold on credit. */
    SALE_ON_CREDIT,
    /** 民间借贷: a private loan. */
    PRIVATE_LOAN,
    /** 服务/承揽: a service or work contract. */
    SERVICE,
    OTHER
}
