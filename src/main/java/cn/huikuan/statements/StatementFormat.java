package cn.huikuan.statements;

/** Where a statement comes from: a bank's export, a WeChat Pay bill (微信支付账单) or an Alipay bill (支付宝账单). */
public enum StatementFormat {
    BANK, WECHAT, ALIPAY
}
