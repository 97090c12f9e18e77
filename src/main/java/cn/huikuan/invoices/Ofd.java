package cn.huikuan.invoices;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An OFD (GB/T 33190) package read with the JDK: a ZIP of XML parts (through {@link SafeZip} and {@link SafeXml}: bounded,
 * no DOCTYPE), {@code OFD.xml} → {@code DocBody/DocRoot} → {@code Document.xml} → each page's {@code Content.xml} with
 * its {@code TextObject}s (position, size, text), the document's {@code Attachments} (an invoice's XML travels here) and
 * {@code CustomTags} (the tags name the text objects holding the invoice's fields).
 * <p>For drawing the page (the evidence bundle, issue 23) it also reads what the page shows besides text, as {@link Mark}s
 * in drawing order: template pages ({@code TemplatePage}, background then foreground), {@code PathObject}s (the table's
 * lines, a seal drawn as paths: {@code AbbreviatedData} with its arcs turned into curves), {@code ImageObject}s (a QR code,
 * a seal picture: the {@code MultiMedia} of the document's or the page's resources), page blocks, stamp annotations'
 * appearances, and the seal picture of each electronic signature ({@code Signatures} → {@code SignedValue}, found in the
 * signature's DER by {@link SealPicture}; the signature itself is not verified); a path's or text's {@code DrawParam}
 * (line width, colours) stands in for what it does not set itself. Fonts, shadings, patterns, clipping and
 * composite objects are not read. At most {@link #MAX_MARKS} marks and {@link #MAX_POINTS} path points per package: more is
 * refused as hostile.
 */
public final class Ofd {
    /** Marks and path points one package may draw (a real invoice has a few hundred of each). */
    public static final int MAX_MARKS = 200_000;
    public static final int MAX_POINTS = 2_000_000;

    /** Something the page draws, in page millimetres from the top left (y down). */
    public sealed interface Mark permits Text, Shape, Picture {
    }

    /**
     * One text object's text at its position on the page: millimetres from the top left, the baseline at {@code y}; colour
     * 0xRRGGBB; {@code at}: where each character (code point) of {@code text} starts, millimetres right of {@code x}, from
     * the TextCode's {@code DeltaX} (null when it has none: the text is set in one run).
     */
    public record Text(double x, double y, double size, String text, int rgb, double[] at) implements Mark {
        public Text(double x, double y, double size, String text) {
            this(x, y, size, text, 0, null);
        }
    }

    /** One segment of a path: {@code M} (x y), {@code L} (x y), {@code C} (x1 y1 x2 y2 x y), {@code Z}; in the path's own coordinates. */
    public record Segment(char op, double[] p) {
    }

    /**
     * A path: {@code m} (a b c d e f) takes its coordinates to page millimetres ({@code x' = a x + c y + e},
     * {@code y' = b x + d y + f}); colours 0xRRGGBB; line width in millimetres of the path's coordinates.
     */
    public record Shape(double[] m, List<Segment> segments, boolean stroke, boolean fill, boolean evenOdd, int strokeRgb, int fillRgb,
                        double lineWidth) implements Mark {
    }

    /** A picture: {@code m} takes the unit square (y down: 0,0 is the picture's top left) to page millimetres; {@code from} names it. */
    public record Picture(double[] m, byte[] data, String from, boolean seal) implements Mark {
    }

    /** A page: its size in millimetres, its text (content and templates, for reading), and everything it draws in order. */
    public record Page(double width, double height, List<Text> texts, List<Mark> marks, int missingPictures) {
        public Page(double width, double height, List<Text> texts) {
            this(width, height, texts, List.copyOf(texts), 0);
        }
    }

    /** What was read of the package; {@code signatures}: how many electronic signatures it has (none verified). */
    public record Package(List<Page> pages, Map<String, byte[]> attachments, Map<String, String> tags, int signatures) {
        public Package(List<Page> pages, Map<String, byte[]> attachments, Map<String, String> tags) {
            this(pages, attachments, tags, 0);
        }

        /** The pages' text in reading order (top to bottom, left to right; objects on one baseline joined by spaces). */
        public String text() {
            StringBuilder b = new StringBuilder();
            for (Page p : pages) {
                List<Text> sorted = new ArrayList<>(p.texts());
                sorted.sort(Comparator.comparingDouble((Text t) -> Math.round(t.y() * 2) / 2.0).thenComparingDouble(Text::x));
                double line = Double.NaN;
                for (Text t : sorted) {
                    double y = Math.round(t.y() * 2) / 2.0;
                    if (!Double.isNaN(line)) b.append(y == line ? "  " : "\n");
                    b.append(t.text());
                    line = y;
                }
                b.append('\n');
            }
            return b.toString();
        }
    }

    private Ofd() {
    }

    /** Reads the package; unreadable with the part that is missing or broken. */
    public static Package read(byte[] ofd, String what) {
        Map<String, byte[]> parts = new HashMap<>();
        SafeZip.read(ofd, what, SafeZip.OFD, (name, content) -> parts.put(name.startsWith("/") ? name.substring(1) : name, content));
        Element root = xml(parts, "OFD.xml", what).getDocumentElement();
        if (!"OFD".equals(root.getLocalName())) throw broken(what, "OFD.xml");
        Element body = SafeXml.find(root, "DocBody");
        String docRoot = body == null ? null : SafeXml.text(body, "DocRoot");
        if (docRoot == null) throw broken(what, "OFD.xml: DocBody/DocRoot");
        String docPath = resolve("", docRoot, what);
        Element doc = xml(parts, docPath, what).getDocumentElement();
        String docDir = folder(docPath);
        double[] area = box(SafeXml.text(doc, "CommonData", "PageArea", "PhysicalBox"), new double[]{0, 0, 210, 297});
        Drawing d = new Drawing(parts, what);
        Element common = SafeXml.find(doc, "CommonData");
        if (common != null) {
            for (Element res : SafeXml.children(common, "PublicRes")) d.resources(resolve(docDir, res.getTextContent(), what));
            for (Element res : SafeXml.children(common, "DocumentRes")) d.resources(resolve(docDir, res.getTextContent(), what));
            for (Element t : SafeXml.children(common, "TemplatePage")) {
                if (!t.getAttribute("BaseLoc").isBlank()) d.templates.put(t.getAttribute("ID"), resolve(docDir, t.getAttribute("BaseLoc"), what));
            }
        }
        Map<String, List<Element>> annotations = annotations(parts, doc, docDir, what);
        Map<String, List<double[]>> stamps = new HashMap<>();
        int signatures = signatures(parts, body, what, d, stamps);
        List<Page> pages = new ArrayList<>();
        Element pagesEl = SafeXml.find(doc, "Pages");
        if (pagesEl == null) throw broken(what, docPath + ": Pages");
        for (Element pageRef : SafeXml.children(pagesEl, "Page")) {
            String loc = pageRef.getAttribute("BaseLoc");
            if (loc.isBlank()) throw broken(what, docPath + ": Page/@BaseLoc");
            String pagePath = resolve(docDir, loc, what);
            Element page = xml(parts, pagePath, what).getDocumentElement();
            double[] size = box(SafeXml.text(page, "Area", "PhysicalBox"), area);
            List<Text> texts = new ArrayList<>();
            List<Mark> marks = new ArrayList<>();
            d.missing = 0;
            d.pageImages.clear();
            for (Element res : SafeXml.children(page, "PageRes")) d.pageResources(resolve(folder(pagePath), res.getTextContent(), what));
            List<Element> templates = SafeXml.children(page, "Template");
            for (Element t : templates) {
                if (!"Foreground".equals(t.getAttribute("ZOrder"))) d.template(t.getAttribute("TemplateID"), texts, marks);
            }
            Element content = SafeXml.find(page, "Content");
            if (content != null) d.collect(content, IDENTITY, texts, marks, pagePath);
            for (Element t : templates) {
                if ("Foreground".equals(t.getAttribute("ZOrder"))) d.template(t.getAttribute("TemplateID"), texts, marks);
            }
            String id = pageRef.getAttribute("ID");
            for (Element annot : annotations.getOrDefault(id, List.of())) {
                if ("false".equals(annot.getAttribute("Visible"))) continue;
                for (Element ap : SafeXml.children(annot, "Appearance")) {
                    double[] b = box(ap.getAttribute("Boundary"), null);
                    d.collect(ap, b == null ? IDENTITY : translate(b[0], b[1]), null, marks, "Annotation");
                }
            }
            for (double[] stamp : stamps.getOrDefault(id, List.of())) {
                byte[] pic = d.sealPictures.get((int) stamp[4]);
                if (pic == null) continue;
                d.count(1, 0);
                marks.add(new Picture(new double[]{stamp[2], 0, 0, stamp[3], stamp[0], stamp[1]}, pic, "Signature", true));
            }
            pages.add(new Page(size[2], size[3], List.copyOf(texts), List.copyOf(marks), d.missing));
        }
        if (pages.isEmpty()) throw broken(what, docPath + ": Page");
        Map<String, byte[]> attachments = new LinkedHashMap<>();
        String attachLoc = SafeXml.text(doc, "Attachments");
        if (attachLoc != null) {
            String listPath = resolve(docDir, attachLoc, what);
            Element list = xml(parts, listPath, what).getDocumentElement();
            for (Element a : SafeXml.all(list, "Attachment")) {
                String fileLoc = SafeXml.text(a, "FileLoc");
                if (fileLoc == null) continue;
                String p = resolve(folder(listPath), fileLoc, what);
                byte[] content = parts.get(p);
                if (content == null) throw broken(what, p);
                attachments.put(p, content);
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        String tagsLoc = SafeXml.text(doc, "CustomTags");
        if (tagsLoc != null) {
            String listPath = resolve(docDir, tagsLoc, what);
            Element list = xml(parts, listPath, what).getDocumentElement();
            Map<String, String> byId = textById(pages, parts, docDir, doc, what);
            for (Element t : SafeXml.all(list, "CustomTag")) {
                String fileLoc = SafeXml.text(t, "FileLoc");
                if (fileLoc == null) continue;
                Element tagDoc = xml(parts, resolve(folder(listPath), fileLoc, what), what).getDocumentElement();
                for (Element field : childElements(tagDoc)) {
                    List<Element> refs = SafeXml.all(field, "ObjectRef");
                    String value;
                    if (refs.isEmpty()) value = field.getTextContent().strip();
                    else {
                        StringBuilder b = new StringBuilder();
                        for (Element r : refs) b.append(byId.getOrDefault(r.getTextContent().strip(), ""));
                        value = b.toString().strip();
                    }
                    if (!value.isEmpty()) tags.putIfAbsent(field.getLocalName(), value);
                }
            }
        }
        return new Package(List.copyOf(pages), attachments, tags, signatures);
    }

    /** The annotations of each page (by the page's ID): {@code Document/Annotations} → {@code Page/@PageID} → {@code FileLoc} → {@code Annot}s. */
    private static Map<String, List<Element>> annotations(Map<String, byte[]> parts, Element doc, String docDir, String what) {
        Map<String, List<Element>> out = new HashMap<>();
        String loc = SafeXml.text(doc, "Annotations");
        if (loc == null) return out;
        String listPath = resolve(docDir, loc, what);
        Element list = xml(parts, listPath, what).getDocumentElement();
        for (Element p : SafeXml.children(list, "Page")) {
            String fileLoc = SafeXml.text(p, "FileLoc");
            if (fileLoc == null) continue;
            Element annots = xml(parts, resolve(folder(listPath), fileLoc, what), what).getDocumentElement();
            out.computeIfAbsent(p.getAttribute("PageID"), k -> new ArrayList<>()).addAll(SafeXml.children(annots, "Annot"));
        }
        return out;
    }

    /**
     * The electronic signatures ({@code DocBody/Signatures} → each {@code Signature/@BaseLoc}): each one's stamp annotations
     * (page ID → x, y, w, h, picture index) and the seal picture found in its {@code SignedValue}. Not verified.
     */
    private static int signatures(Map<String, byte[]> parts, Element body, String what, Drawing d, Map<String, List<double[]>> stamps) {
        String loc = body == null ? null : SafeXml.text(body, "Signatures");
        if (loc == null) return 0;
        String listPath = resolve("", loc, what);
        Element list = xml(parts, listPath, what).getDocumentElement();
        int n = 0;
        for (Element s : SafeXml.children(list, "Signature")) {
            if (s.getAttribute("BaseLoc").isBlank()) continue;
            n++;
            String sigPath = resolve(folder(listPath), s.getAttribute("BaseLoc"), what);
            Element sig = xml(parts, sigPath, what).getDocumentElement();
            String valueLoc = SafeXml.text(sig, "SignedValue");
            byte[] value = valueLoc == null ? null : parts.get(resolve(folder(sigPath), valueLoc, what));
            byte[] picture = value == null ? null : SealPicture.find(value);
            int index = d.sealPictures.size();
            d.sealPictures.add(picture);
            for (Element stamp : SafeXml.all(sig, "StampAnnot")) {
                double[] b = box(stamp.getAttribute("Boundary"), null);
                if (b == null) continue;
                stamps.computeIfAbsent(stamp.getAttribute("PageRef"), k -> new ArrayList<>()).add(new double[]{b[0], b[1], b[2], b[3], index});
            }
        }
        return n;
    }

    private static final double[] IDENTITY = {1, 0, 0, 1, 0, 0};

    /** {@code a} after {@code b}: a point goes through {@code b} first (both a b c d e f). */
    static double[] concat(double[] outer, double[] inner) {
        return new double[]{
                outer[0] * inner[0] + outer[2] * inner[1], outer[1] * inner[0] + outer[3] * inner[1],
                outer[0] * inner[2] + outer[2] * inner[3], outer[1] * inner[2] + outer[3] * inner[3],
                outer[0] * inner[4] + outer[2] * inner[5] + outer[4], outer[1] * inner[4] + outer[3] * inner[5] + outer[5]};
    }

    private static double[] translate(double x, double y) {
        return new double[]{1, 0, 0, 1, x, y};
    }

    /** What the pages draw, read part by part within the package's limits. */
    private static final class Drawing {
        final Map<String, byte[]> parts;
        final String what;
        final Map<String, String> images = new HashMap<>();
        final Map<String, String> pageImages = new HashMap<>();
        final Map<String, String> templates = new HashMap<>();
        final Map<String, Element> templateContent = new HashMap<>();
        final List<byte[]> sealPictures = new ArrayList<>();
        /** The resources' {@code DrawParam}s by ID: a path's or text's line width and colours when it has none of its own. */
        final Map<String, Element> drawParams = new HashMap<>();
        int missing;
        long marks;
        long points;

        Drawing(Map<String, byte[]> parts, String what) {
            this.parts = parts;
            this.what = what;
        }

        void count(int m, int p) {
            marks += m;
            points += p;
            if (marks > MAX_MARKS || points > MAX_POINTS) {
                throw new InvoiceUnreadable(what + " 的页面图形过多（超过 " + MAX_MARKS + " 个对象或 " + MAX_POINTS + " 个路径点），拒绝读取 / "
                        + what + " draws more than " + MAX_MARKS + " objects or " + MAX_POINTS + " path points: refused");
            }
        }

        /** The images of a resource file ({@code Res/@BaseLoc}, {@code MultiMedias/MultiMedia/MediaFile}). */
        void resources(String resPath) {
            read(resPath, images);
        }

        void pageResources(String resPath) {
            read(resPath, pageImages);
        }

        private void read(String resPath, Map<String, String> into) {
            Element res = xml(parts, resPath, what).getDocumentElement();
            String base = res.getAttribute("BaseLoc");
            String dir = folder(resPath);
            if (!base.isBlank()) dir = resolve(dir, base, what) + "/";
            for (Element dp : SafeXml.all(res, "DrawParam")) drawParams.putIfAbsent(dp.getAttribute("ID"), dp);
            for (Element mm : SafeXml.all(res, "MultiMedia")) {
                String file = SafeXml.text(mm, "MediaFile");
                if (file == null || (!mm.getAttribute("Type").isBlank() && !"Image".equalsIgnoreCase(mm.getAttribute("Type")))) continue;
                into.put(mm.getAttribute("ID"), resolve(dir, file, what));
            }
        }

        void template(String id, List<Text> texts, List<Mark> marks) {
            String path = templates.get(id);
            if (path == null) throw broken(what, "TemplatePage " + id);
            Element content = templateContent.computeIfAbsent(path, p -> {
                Element c = SafeXml.find(xml(parts, p, what).getDocumentElement(), "Content");
                return c == null ? xml(parts, p, what).getDocumentElement() : c;
            });
            collect(content, IDENTITY, texts, marks, path);
        }

        /** The graphic units under {@code container} (layers and page blocks walked into), {@code base} taking their space to the page's. */
        void collect(Element container, double[] base, List<Text> texts, List<Mark> marks, String part) {
            for (org.w3c.dom.Node n = container.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)) continue;
                switch (String.valueOf(e.getLocalName())) {
                    case "Layer", "PageBlock" -> collect(e, base, texts, marks, part);
                    case "TextObject" -> text(e, base, texts, marks, part);
                    case "PathObject" -> path(e, base, marks);
                    case "ImageObject" -> image(e, base, marks);
                    default -> {
                    }
                }
            }
        }

        private double[] place(Element e, double[] base, double[] b) {
            return concat(concat(base, translate(b[0], b[1])), ctm(e.getAttribute("CTM")));
        }

        private void text(Element t, double[] base, List<Text> texts, List<Mark> marks, String part) {
            double[] b = box(t.getAttribute("Boundary"), null);
            if (b == null) throw broken(what, part + ": TextObject/@Boundary");
            double[] m = place(t, base, b);
            double size = number(t.getAttribute("Size"), 3.5) * Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
            Element dp = drawParams.get(t.getAttribute("DrawParam"));
            int rgb = color(SafeXml.children(t, "FillColor"), dp == null ? 0 : color(SafeXml.children(dp, "FillColor"), 0));
            double x = 0, y = number(t.getAttribute("Size"), 3.5);
            for (Element code : SafeXml.children(t, "TextCode")) {
                x = number(code.getAttribute("X"), x);
                y = number(code.getAttribute("Y"), y);
                String s = code.getTextContent();
                if (s.isBlank()) continue;
                count(1, 0);
                double[] at = deltas(code.getAttribute("DeltaX"), s, Math.hypot(m[0], m[1]));
                Text out = new Text(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5], size, s.strip(), rgb, at);
                marks.add(out);
                if (texts != null) texts.add(out);
            }
        }

        private void path(Element p, double[] base, List<Mark> marks) {
            double[] b = box(p.getAttribute("Boundary"), null);
            String data = SafeXml.text(p, "AbbreviatedData");
            if (b == null || data == null) return;
            List<Segment> segs = PathData.parse(data);
            if (segs == null || segs.isEmpty()) return;
            int pts = 0;
            for (Segment s : segs) pts += s.p().length / 2;
            count(1, pts);
            Element dp = drawParams.get(p.getAttribute("DrawParam"));
            boolean stroke = !"false".equals(p.getAttribute("Stroke"));
            boolean fill = "true".equals(p.getAttribute("Fill"));
            if (!stroke && !fill) return;
            marks.add(new Shape(place(p, base, b), List.copyOf(segs), stroke, fill, "Even-Odd".equals(p.getAttribute("Rule")),
                    color(SafeXml.children(p, "StrokeColor"), dp == null ? 0 : color(SafeXml.children(dp, "StrokeColor"), 0)),
                    color(SafeXml.children(p, "FillColor"), dp == null ? 0 : color(SafeXml.children(dp, "FillColor"), 0)),
                    number(p.getAttribute("LineWidth"), dp == null ? 0.353 : number(dp.getAttribute("LineWidth"), 0.353))));
        }

        private void image(Element i, double[] base, List<Mark> marks) {
            double[] b = box(i.getAttribute("Boundary"), null);
            if (b == null) return;
            String id = i.getAttribute("ResourceID");
            String path = pageImages.getOrDefault(id, images.get(id));
            byte[] data = path == null ? null : parts.get(path);
            count(1, 0);
            if (data == null) {
                missing++;
                return;
            }
            String ctm = i.getAttribute("CTM");
            double[] m = ctm.isBlank() ? concat(concat(base, translate(b[0], b[1])), new double[]{b[2], 0, 0, b[3], 0, 0}) : place(i, base, b);
            marks.add(new Picture(m, data, path, false));
        }
    }

    /**
     * Where each character of {@code s} stripped starts, from a TextCode's {@code DeltaX} (the gaps between characters'
     * origins; {@code g N v} is N gaps of v), scaled to the page: null when there is none or it is malformed.
     */
    static double[] deltas(String deltaX, String s, double scale) {
        if (deltaX == null || deltaX.isBlank()) return null;
        int n = s.codePointCount(0, s.length());
        if (n > 10_000) return null;
        double[] gaps = new double[Math.max(0, n - 1)];
        int k = 0;
        String[] t = deltaX.strip().split("\\s+");
        try {
            for (int i = 0; i < t.length && k < gaps.length; i++) {
                if (t[i].equals("g")) {
                    int count = Integer.parseInt(t[i + 1]);
                    double v = Double.parseDouble(t[i + 2]);
                    for (int j = 0; j < count && k < gaps.length; j++) gaps[k++] = v;
                    i += 2;
                } else gaps[k++] = Double.parseDouble(t[i]);
            }
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return null;
        }
        if (k < gaps.length) return null;
        for (double g : gaps) if (!Double.isFinite(g) || Math.abs(g) > 10_000) return null;
        // the stripped text starts at the first character that is not white space
        int lead = 0;
        while (lead < n && Character.isWhitespace(s.codePointAt(s.offsetByCodePoints(0, lead)))) lead++;
        int kept = s.strip().codePointCount(0, s.strip().length());
        double[] at = new double[kept];
        double pos = 0;
        for (int i = 0; i < lead; i++) pos += gaps[i];
        double start = pos;
        for (int i = 0; i < kept; i++) {
            at[i] = (pos - start) * scale;
            if (lead + i < gaps.length) pos += gaps[lead + i];
        }
        return at;
    }

    /** "a b c d e f"; identity when missing or not six finite numbers. */
    private static double[] ctm(String s) {
        if (s == null || s.isBlank()) return IDENTITY;
        String[] p = s.strip().split("\\s+");
        if (p.length != 6) return IDENTITY;
        double[] out = new double[6];
        for (int i = 0; i < 6; i++) {
            out[i] = number(p[i], Double.NaN);
            if (Double.isNaN(out[i])) return IDENTITY;
        }
        return out;
    }

    /** A colour element's {@code Value} (0–255 each: "r g b", gray, or CMYK; "#FF" hex allowed) as 0xRRGGBB. */
    static int color(List<Element> elements, int otherwise) {
        if (elements.isEmpty()) return otherwise;
        String v = elements.get(0).getAttribute("Value");
        if (v.isBlank()) return otherwise;
        String[] p = v.strip().split("\\s+");
        int[] c = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            try {
                c[i] = p[i].startsWith("#") ? Integer.parseInt(p[i].substring(1), 16) : (int) Math.round(Double.parseDouble(p[i]));
            } catch (NumberFormatException e) {
                return otherwise;
            }
            c[i] = Math.max(0, Math.min(255, c[i]));
        }
        return switch (c.length) {
            case 1 -> c[0] << 16 | c[0] << 8 | c[0];
            case 3 -> c[0] << 16 | c[1] << 8 | c[2];
            case 4 -> {
                int k = 255 - c[3];
                yield (255 - c[0]) * k / 255 << 16 | (255 - c[1]) * k / 255 << 8 | (255 - c[2]) * k / 255;
            }
            default -> otherwise;
        };
    }

    private static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) out.add(e);
        }
        return out;
    }

    /** The text of every text object of every page, by the object's ID (what CustomTags refer to). */
    private static Map<String, String> textById(List<Page> pages, Map<String, byte[]> parts, String docDir, Element doc, String what) {
        Map<String, String> out = new HashMap<>();
        Element pagesEl = SafeXml.find(doc, "Pages");
        for (Element pageRef : SafeXml.children(pagesEl, "Page")) {
            Element page = xml(parts, resolve(docDir, pageRef.getAttribute("BaseLoc"), what), what).getDocumentElement();
            for (Element t : SafeXml.all(page, "TextObject")) {
                StringBuilder b = new StringBuilder();
                for (Element code : SafeXml.children(t, "TextCode")) b.append(code.getTextContent());
                out.put(t.getAttribute("ID"), b.toString());
            }
        }
        return out;
    }

    private static double number(String s, double otherwise) {
        if (s == null || s.isBlank()) return otherwise;
        try {
            double v = Double.parseDouble(s.strip());
            return Double.isFinite(v) && Math.abs(v) < 10_000 ? v : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    /** "x y w h" in millimetres; {@code otherwise} when missing or not four sane numbers. */
    private static double[] box(String s, double[] otherwise) {
        if (s == null || s.isBlank()) return otherwise;
        String[] p = s.strip().split("\\s+");
        if (p.length != 4) return otherwise;
        double[] out = new double[4];
        for (int i = 0; i < 4; i++) {
            out[i] = number(p[i], Double.NaN);
            if (Double.isNaN(out[i])) return otherwise;
        }
        if (otherwise != null && otherwise.length == 4 && (out[2] <= 0 || out[3] <= 0 || out[2] > 2000 || out[3] > 2000)) return otherwise;
        return out;
    }

    private static Document xml(Map<String, byte[]> parts, String path, String what) {
        byte[] content = parts.get(path);
        if (content == null) throw broken(what, path);
        return SafeXml.parse(content, what + " 的 " + path);
    }

    /** {@code loc} as a path inside the package: absolute from the root when it starts with /, else from {@code dir}. */
    static String resolve(String dir, String loc, String what) {
        String l = loc.strip().replace('\\', '/');
        String p = l.startsWith("/") ? l.substring(1) : dir + l;
        List<String> segs = new ArrayList<>();
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..")) {
                if (segs.isEmpty()) throw broken(what, loc);
                segs.remove(segs.size() - 1);
            } else segs.add(s);
        }
        return String.join("/", segs);
    }

    private static String folder(String path) {
        int i = path.lastIndexOf('/');
        return i < 0 ? "" : path.substring(0, i + 1);
    }

    private static InvoiceUnreadable broken(String what, String part) {
        return new InvoiceUnreadable(what + " 的 OFD 结构不完整或已损坏（缺少或无法读取 " + part + "）/ " + what
                + " is a broken OFD package (missing or unreadable: " + part + ")");
    }
}
