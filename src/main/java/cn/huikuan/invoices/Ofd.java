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
 * {@code CustomTags} (the tags name the text objects holding the invoice's fields). Paths, images and fonts are not read.
 */
public final class Ofd {
    /** One text object's text at its position on the page: millimetres from the top left, the baseline at {@code y}. */
    public record Text(double x, double y, double size, String text) {
    }

    /** A page: its size in millimetres and its text. */
    public record Page(double width, double height, List<Text> texts) {
    }

    /** What was read of the package. */
    public record Package(List<Page> pages, Map<String, byte[]> attachments, Map<String, String> tags) {
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
        String docRoot = SafeXml.text(root, "DocBody", "DocRoot");
        if (docRoot == null) throw broken(what, "OFD.xml: DocBody/DocRoot");
        String docPath = resolve("", docRoot, what);
        Element doc = xml(parts, docPath, what).getDocumentElement();
        String docDir = folder(docPath);
        double[] area = box(SafeXml.text(doc, "CommonData", "PageArea", "PhysicalBox"), new double[]{0, 0, 210, 297});
        List<Page> pages = new ArrayList<>();
        Element pagesEl = SafeXml.find(doc, "Pages");
        if (pagesEl == null) throw broken(what, docPath + ": Pages");
        for (Element pageRef : SafeXml.children(pagesEl, "Page")) {
            String loc = pageRef.getAttribute("BaseLoc");
            if (loc.isBlank()) throw broken(what, docPath + ": Page/@BaseLoc");
            String pagePath = resolve(docDir, loc, what);
            Element page = xml(parts, pagePath, what).getDocumentElement();
            double[] size = box(SafeXml.text(page, "Area", "PhysicalBox"), area);
            pages.add(new Page(size[2], size[3], texts(page, pagePath, what)));
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
        return new Package(List.copyOf(pages), attachments, tags);
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

    private static List<Text> texts(Element page, String pagePath, String what) {
        List<Text> out = new ArrayList<>();
        for (Element t : SafeXml.all(page, "TextObject")) {
            double[] b = box(t.getAttribute("Boundary"), null);
            if (b == null) throw broken(what, pagePath + ": TextObject/@Boundary");
            double size = number(t.getAttribute("Size"), 3.5);
            for (Element code : SafeXml.children(t, "TextCode")) {
                String s = code.getTextContent();
                if (s.isBlank()) continue;
                out.add(new Text(b[0] + number(code.getAttribute("X"), 0), b[1] + number(code.getAttribute("Y"), size), size, s.strip()));
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
