package cn.huikuan.pdf;

import cn.huikuan.Version;
import cn.huikuan.documents.Doc;
import com.itextpdf.kernel.colors.ColorConstants;
import com.itextpdf.kernel.colors.DeviceGray;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfDocumentInfo;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.WriterProperties;
import com.itextpdf.layout.Document;
import com.itextpdf.layout.borders.SolidBorder;
import com.itextpdf.layout.element.AreaBreak;
import com.itextpdf.layout.element.Cell;
import com.itextpdf.layout.element.Paragraph;
import com.itextpdf.layout.element.Table;
import com.itextpdf.layout.properties.AreaBreakType;
import com.itextpdf.layout.properties.TextAlignment;
import com.itextpdf.layout.properties.UnitValue;
import com.itextpdf.layout.properties.VerticalAlignment;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import cn.huikuan.domain.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out a {@link Doc} on A4: the title (20 pt, about 二号) and headings in the 黑体-style sans, the body in 12 pt (小四)
 * serif with 1.5 leading, forms and tables with rules, tick boxes, signature lines, Chinese line-breaking rules
 * ({@link Kinsoku}), and "第 N 页 / 共 M 页" at the foot of every page, counted within each part (a complaint's copy for
 * the defendant is numbered on its own). The look of a court filing, not of a report. The document's notes for the user
 * ({@link Doc#notes()}) are never printed.
 */
public final class DocPdf {
    static final float MARGIN_X = 64f;
    static final float MARGIN_TOP = 60f;
    static final float MARGIN_BOTTOM = 56f;
    static final float BODY = 12f;

    private DocPdf() {
    }

    /** Renders into memory; returns the PDF bytes. */
    public static byte[] render(Doc doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(doc, out, true);
        return out.toByteArray();
    }

    /** Renders to a stream; {@code pageNumbers} false when the pages are numbered later (the bundle). Returns the page count. */
    public static int render(Doc doc, OutputStream out, boolean pageNumbers) {
        PdfDocument pdf = new PdfDocument(new PdfWriter(out, new WriterProperties().setFullCompressionMode(true)));
        describe(pdf.getDocumentInfo(), doc.title().replace(" ", ""), doc.kind() == null ? "Report" : doc.kind().en());
        PdfFont font = PdfFonts.serif();
        PdfFont sans = PdfFonts.sans();
        Document d = new Document(pdf, PageSize.A4, false);
        d.setMargins(MARGIN_TOP, MARGIN_X, MARGIN_BOTTOM, MARGIN_X);
        d.setFont(font).setFontSize(BODY);
        d.setSplitCharacters(new Kinsoku());
        d.add(title(doc.title(), sans));
        List<Integer> partStarts = new ArrayList<>(List.of(1));
        for (Doc.Block b : doc.blocks()) {
            if (b instanceof Doc.Part part) {
                d.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
                partStarts.add(d.getRenderer().getCurrentArea().getPageNumber());
                d.add(title(part.title(), sans));
                continue;
            }
            add(d, b, sans);
        }
        int pages = pdf.getNumberOfPages();
        if (pageNumbers) {
            for (int i = 1; i <= pages; i++) {
                int part = partStarts.size() - 1;
                while (partStarts.get(part) > i) part--;
                int first = partStarts.get(part);
                int last = part + 1 < partStarts.size() ? partStarts.get(part + 1) - 1 : pages;
                d.showTextAligned(new Paragraph("第 " + (i - first + 1) + " 页 / 共 " + (last - first + 1) + " 页").setFont(font).setFontSize(9)
                                .setFontColor(ColorConstants.DARK_GRAY),
                        PageSize.A4.getWidth() / 2, 28, i, TextAlignment.CENTER, VerticalAlignment.BOTTOM, 0);
            }
        }
        d.close();
        return pages;
    }

    static void describe(PdfDocumentInfo info, String title, String subject) {
        info.setTitle(title).setSubject(subject).setCreator("Huikuan 回款助手 " + Version.current()).setProducer("Huikuan with iText Core (AGPL-3.0)");
    }

    private static Paragraph title(String text, PdfFont sans) {
        return new Paragraph(shown(text)).setFont(sans).setFontSize(20).setTextAlignment(TextAlignment.CENTER).setMarginBottom(14);
    }

    private static void add(Document d, Doc.Block b, PdfFont sans) {
        if (b instanceof Doc.Heading h) {
            d.add(new Paragraph(shown(h.text())).setFont(sans).setFontSize(13).setMarginTop(10).setMarginBottom(4).setKeepWithNext(true));
        } else if (b instanceof Doc.Para p) {
            Paragraph para = new Paragraph(shown(p.text())).setMultipliedLeading(1.5f).setMarginBottom(2);
            switch (p.style()) {
                case INDENT -> para.setFirstLineIndent(2 * BODY);
                case RIGHT -> para.setTextAlignment(TextAlignment.RIGHT);
                case CENTER -> para.setTextAlignment(TextAlignment.CENTER);
                case NOTE -> para.setFontSize(9.5f).setFontColor(ColorConstants.DARK_GRAY).setMultipliedLeading(1.3f);
                case BODY -> { }
            }
            d.add(para);
        } else if (b instanceof Doc.Fields f) {
            Table t = new Table(UnitValue.createPercentArray(new float[]{34, 66})).useAllAvailableWidth().setMarginTop(4).setMarginBottom(4);
            for (Doc.Field row : f.rows()) {
                t.addCell(cell(row.label(), 10.5f).setBackgroundColor(new DeviceGray(0.94f)));
                t.addCell(cell(row.value(), 10.5f));
            }
            d.add(t);
        } else if (b instanceof Doc.Table tb) {
            Table t = new Table(UnitValue.createPercentArray(percent(tb.widths()))).useAllAvailableWidth().setMarginTop(4).setMarginBottom(6);
            for (String h : tb.header()) {
                t.addHeaderCell(cell(h, 10f).setFont(sans).setBackgroundColor(new DeviceGray(0.88f)).setTextAlignment(TextAlignment.CENTER));
            }
            for (var row : tb.rows()) {
                boolean groupRow = row.size() > 2 && row.get(0).startsWith("第") && row.get(0).endsWith("组");
                if (groupRow) {
                    // A group heading of the evidence list spans the row: "第1组  合同关系的成立及主要约定".
                    t.addCell(new Cell(1, row.size()).add(new Paragraph(shown(row.get(0) + "  " + row.get(1))).setFont(sans).setFontSize(10))
                            .setPadding(4).setBackgroundColor(new DeviceGray(0.96f)));
                    continue;
                }
                for (int i = 0; i < row.size(); i++) {
                    Cell c = cell(row.get(i), tb.fontSizes() == null ? 10f : tb.fontSizes()[i]);
                    if (tb.right()[i]) c.setTextAlignment(TextAlignment.RIGHT);
                    t.addCell(c);
                }
            }
            d.add(t);
        } else if (b instanceof Doc.Checks c) {
            StringBuilder sb = new StringBuilder(c.prompt());
            for (String o : c.options()) sb.append(sb.isEmpty() ? "" : "  ").append("□ ").append(o);
            d.add(new Paragraph(shown(sb.toString())).setMultipliedLeading(1.6f).setMarginLeft(BODY));
        } else if (b instanceof Doc.Signature s) {
            Paragraph p = new Paragraph().setTextAlignment(TextAlignment.RIGHT).setMarginTop(18).setMultipliedLeading(1.8f);
            p.add(String.join("\n", s.lines()));
            d.add(p);
        } else if (b instanceof Doc.PageBreak) {
            d.add(new AreaBreak(AreaBreakType.NEXT_PAGE));
        } else if (b instanceof Doc.Banner n) {
            d.add(new Paragraph(shown(n.text())).setBorder(new SolidBorder(ColorConstants.DARK_GRAY, 1)).setPadding(5)
                    .setTextAlignment(TextAlignment.CENTER).setFontSize(10.5f).setMarginBottom(8));
        }
    }

    /** Relative widths as percentages summing to 100 (iText warns and stretches otherwise). */
    static float[] percent(float[] relative) {
        float sum = 0;
        for (float f : relative) sum += f;
        float[] p = new float[relative.length];
        for (int i = 0; i < p.length; i++) p[i] = relative[i] * 100f / sum;
        return p;
    }

    /** Every text printed: direction controls from file names and titles shown, not obeyed (issue 24). */
    private static String shown(String text) {
        return Text.visible(text);
    }

    private static Cell cell(String text, float size) {
        return new Cell().add(new Paragraph(text == null ? "" : shown(text)).setFontSize(size).setMultipliedLeading(1.25f)).setPadding(4);
    }
}
