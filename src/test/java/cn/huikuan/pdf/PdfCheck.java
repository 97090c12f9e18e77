package cn.huikuan.pdf;

import com.itextpdf.kernel.pdf.PdfArray;
import com.itextpdf.kernel.pdf.PdfDictionary;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfName;
import com.itextpdf.kernel.pdf.PdfOutline;
import com.itextpdf.kernel.pdf.PdfReader;
import com.itextpdf.kernel.pdf.canvas.parser.PdfTextExtractor;
import com.itextpdf.kernel.pdf.canvas.parser.listener.LocationTextExtractionStrategy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.canvas.parser.EventType;
import com.itextpdf.kernel.pdf.canvas.parser.PdfCanvasProcessor;
import com.itextpdf.kernel.pdf.canvas.parser.data.IEventData;
import com.itextpdf.kernel.pdf.canvas.parser.data.TextRenderInfo;
import com.itextpdf.kernel.pdf.canvas.parser.listener.IEventListener;
import java.util.Set;
import java.util.TreeSet;

/** Reads a generated PDF back the way a court's system would: text, fonts, pages, bookmarks. */
public final class PdfCheck implements AutoCloseable {
    private final PdfDocument pdf;

    private PdfCheck(PdfDocument pdf) {
        this.pdf = pdf;
    }

    public static PdfCheck of(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PdfCheck of(byte[] bytes) {
        try {
            return new PdfCheck(new PdfDocument(new PdfReader(new ByteArrayInputStream(bytes))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int pages() {
        return pdf.getNumberOfPages();
    }

    public String text(int page) {
        return PdfTextExtractor.getTextFromPage(pdf.getPage(page), new LocationTextExtractionStrategy());
    }

    /** Text with all white space removed, for strings a table cell may have wrapped (hashes, long titles). */
    public String squeezed(int page) {
        return text(page).replaceAll("\\s+", "");
    }

    public String allText() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= pages(); i++) sb.append(text(i)).append('\n');
        return sb.toString();
    }

    public List<String> bookmarks() {
        List<String> titles = new ArrayList<>();
        PdfOutline root = pdf.getOutlines(false);
        if (root != null) root.getAllChildren().forEach(o -> titles.add(o.getTitle()));
        return titles;
    }

    /** Page number a top-level bookmark points to. */
    public int bookmarkPage(int index) {
        PdfOutline o = pdf.getOutlines(false).getAllChildren().get(index);
        return pdf.getPageNumber((PdfDictionary) ((PdfArray) o.getDestination().getPdfObject()).get(0));
    }

    /** Names of fonts used on any page that are not embedded (empty when all are). */
    public List<String> fontsNotEmbedded() {
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= pages(); i++) {
            PdfDictionary fonts = pdf.getPage(i).getResources().getResource(PdfName.Font);
            if (fonts == null) continue;
            for (PdfName n : fonts.keySet()) {
                PdfDictionary f = fonts.getAsDictionary(n);
                PdfDictionary descFont = f;
                if (PdfName.Type0.equals(f.getAsName(PdfName.Subtype))) descFont = f.getAsArray(PdfName.DescendantFonts).getAsDictionary(0);
                PdfDictionary fd = descFont.getAsDictionary(PdfName.FontDescriptor);
                boolean embedded = fd != null && (fd.containsKey(PdfName.FontFile) || fd.containsKey(PdfName.FontFile2) || fd.containsKey(PdfName.FontFile3));
                if (!embedded) missing.add(String.valueOf(f.getAsName(PdfName.BaseFont)));
            }
        }
        return missing;
    }

    /** Base names of the fonts used on any page (a subset's six-letter prefix removed). */
    public Set<String> fontNames() {
        Set<String> names = new TreeSet<>();
        for (int i = 1; i <= pages(); i++) {
            PdfDictionary fonts = pdf.getPage(i).getResources().getResource(PdfName.Font);
            if (fonts == null) continue;
            for (PdfName n : fonts.keySet()) {
                String base = String.valueOf(fonts.getAsDictionary(n).getAsName(PdfName.BaseFont));
                names.add(base.replaceFirst("^/?[A-Z]{6}\\+", "").replaceFirst("^/", ""));
            }
        }
        return names;
    }

    public boolean hasJavaScript() {
        PdfDictionary names = pdf.getCatalog().getPdfObject().getAsDictionary(PdfName.Names);
        if (names != null && names.containsKey(PdfName.JavaScript)) return true;
        if (pdf.getCatalog().getPdfObject().containsKey(PdfName.OpenAction)) return true;
        for (int i = 1; i <= pages(); i++) {
            var page = pdf.getPage(i);
            if (page.getPdfObject().containsKey(PdfName.AA)) return true;
            for (var a : page.getAnnotations()) {
                PdfDictionary act = a.getPdfObject().getAsDictionary(PdfName.A);
                if (act != null && PdfName.JavaScript.equals(act.getAsName(PdfName.S))) return true;
            }
        }
        return false;
    }

    /** Baselines (x0, y0, x1, y1 in page space) of text chunks on a page that start with {@code prefix}. */
    public List<float[]> baselines(int page, String prefix) {
        List<float[]> out = new ArrayList<>();
        var listener = new IEventListener() {
            @Override
            public void eventOccurred(IEventData data,
                                      EventType type) {
                if (data instanceof TextRenderInfo t && t.getText() != null
                        && t.getText().startsWith(prefix)) {
                    var a = t.getBaseline().getStartPoint();
                    var b = t.getBaseline().getEndPoint();
                    out.add(new float[]{a.get(0), a.get(1), b.get(0), b.get(1)});
                }
            }

            @Override
            public Set<EventType> getSupportedEvents() {
                return null;
            }
        };
        new PdfCanvasProcessor(listener).processPageContent(pdf.getPage(page));
        return out;
    }

    public int rotation(int page) {
        return pdf.getPage(page).getRotation();
    }

    public Rectangle size(int page) {
        return pdf.getPage(page).getPageSize();
    }

    public String info(String key) {
        return pdf.getDocumentInfo().getMoreInfo(key);
    }

    public String title() {
        return pdf.getDocumentInfo().getTitle();
    }

    @Override
    public void close() {
        pdf.close();
    }
}
