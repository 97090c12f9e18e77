package cn.huikuan.invoices;

import java.util.Map;

/**
 * What the invoice reader needs of a PDF, read by the pdf layer (PDF reading belongs there): the files it carries as
 * attachments, and its text. The pdf layer bounds the attachments as {@link SafeZip} bounds a ZIP's entries (inflated bytes
 * counted as they come, a cap per file, in all and on their number) and refuses one beyond them; the XML among them is
 * parsed here by {@link SafeXml} (no DOCTYPE).
 */
public interface PdfReading {
    /** The embedded files (the document's EmbeddedFiles), name → content, in the document's order; empty when it has none. */
    Map<String, byte[]> attachments(byte[] pdf);

    /** The text layer, sorted by position. */
    String text(byte[] pdf);
}
