package cn.huikuan.domain;

/** The kinds of evidence a collection case relies on, in the order a court reads them. */
public enum EvidenceType {
    CONTRACT,            // 合同
    IOU,                 // 借条
    DELIVERY_NOTE,       // 送货单
    RECEIPT_SIGNED,      // 签收单
    STATEMENT,           // 对账单
    INVOICE,             // 发票 (issue 23: an imported invoice file)
    TRANSFER_VOUCHER,    // 转账凭证
    REPAYMENT_RECORD,    // 还款记录
    CHAT_RECORD,         // 聊天记录
    CALL_RECORDING,      // 通话录音
    DEMAND_NOTICE,       // 催收通知书
    POSTAL_RECEIPT,      // 邮寄凭证
    LAWYER_LETTER,       // 律师函
    OTHER                // 其他
}
