package cn.huikuan.domain;

/** What the creditor knows of why the debtor does not pay: it decides how firm the collection can be. */
public enum PayerSituation {
    UNKNOWN,
    /** 暂时困难: willing but presently unable. Instalments and patience usually recover most. */
    TEMPORARY_HARDSHIP,
    /** 恶意拖欠: able but unwilling. Move to formal demand and court routes early. */
    WILFUL_DEFAULT,
    /** 有争议: disputes the debt (quality, amount). Collect evidence before escalating. */
    DISPUTED
}
