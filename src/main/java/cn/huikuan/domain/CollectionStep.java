package cn.huikuan.domain;

/** The steps of a "reasonable, then firm" (先礼后兵) collection, in order; CLOSED ends the case at any step. */
public enum CollectionStep {
    /** 知己知彼: evidence checklist and the debtor's situation. */
    FACTS,
    /** 友好提醒: polite reminders by WeChat, SMS, phone. */
    REMINDER,
    /** 书面催收: 催收通知书 or 对账确认函, sent and delivered. */
    DEMAND,
    /** 协商还款: promises, instalment or extension plans, 还款协议. */
    NEGOTIATE,
    /** 律师函. */
    LAWYER,
    /** 选择法律途径: 支付令, lawsuit, arbitration. */
    ROUTE,
    /** 法院程序与执行. */
    COURT,
    /** 结案: paid, settled or written off. */
    CLOSED;

    public CollectionStep next() {
        return this == CLOSED ? CLOSED : values()[ordinal() + 1];
    }
}
