package cn.huikuan.invoices;

/**
 * A file that is not a readable invoice, or one refused for safety (a DOCTYPE, a ZIP entry escaping its folder, sizes
 * or counts over the limits): the message is one sentence, Chinese then English, naming what was wrong.
 */
public class InvoiceUnreadable extends RuntimeException {
    public InvoiceUnreadable(String message) {
        super(message);
    }

    public InvoiceUnreadable(String message, Throwable cause) {
        super(message, cause);
    }
}
