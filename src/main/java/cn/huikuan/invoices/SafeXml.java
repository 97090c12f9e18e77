package cn.huikuan.invoices;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JDK's XML parser made safe for files from outside (issue 23, security.md): a DOCTYPE is refused outright (so no
 * external entity, no entity expansion, no external DTD), XInclude is off, no external resource is ever fetched, and the
 * JDK's secure-processing limits apply. Elements are found by local name, whatever namespace prefix a file uses.
 */
public final class SafeXml {
    /** The largest XML part read (an invoice's XML is a few kilobytes; an OFD page a few hundred). */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    private SafeXml() {
    }

    /** One configured builder per thread, reset after each use (making a factory and a builder per file took most of the time). */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(SafeXml::newBuilder);

    private static DocumentBuilder builder() {
        DocumentBuilder b = BUILDER.get();
        b.reset();
        b.setErrorHandler(null);
        b.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity " + systemId);
        });
        return b;
    }

    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);   // no printing to stderr: the exception says it
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity " + systemId);
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses {@code xml}; {@code what} names the part in the message of a refusal. */
    public static Document parse(byte[] xml, String what) {
        if (xml.length > MAX_BYTES) {
            throw new InvoiceUnreadable(what + " 超过 " + (MAX_BYTES >> 20) + " MB，拒绝读取 / " + what + " is larger than "
                    + (MAX_BYTES >> 20) + " MB: refused");
        }
        try {
            return builder().parse(new ByteArrayInputStream(xml));
        } catch (SAXParseException e) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("DOCTYPE")) {
                throw new InvoiceUnreadable(what + " 含有 DOCTYPE 声明（可引用外部实体或无限展开），为安全起见拒绝读取 / " + what
                        + " has a DOCTYPE (external entities, entity expansion): refused for safety", e);
            }
            throw new InvoiceUnreadable(what + " 不是有效的 XML（第 " + e.getLineNumber() + " 行）/ " + what + " is not well-formed XML (line "
                    + e.getLineNumber() + ")", e);
        } catch (SAXException | IOException e) {
            throw new InvoiceUnreadable(what + " 无法读取 / " + what + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The first descendant of {@code from} with local name {@code path[0]}, then its first descendant {@code path[1]} …; null if none. */
    public static Element find(Element from, String... path) {
        Element at = from;
        for (String name : path) {
            if (at == null) return null;
            at = first(at, name);
        }
        return at;
    }

    private static Element first(Element from, String name) {
        NodeList all = from.getElementsByTagNameNS("*", name);
        return all.getLength() == 0 ? null : (Element) all.item(0);
    }

    /** Every descendant of {@code from} with local name {@code name}, in document order. */
    public static List<Element> all(Element from, String name) {
        NodeList list = from.getElementsByTagNameNS("*", name);
        List<Element> out = new ArrayList<>(list.getLength());
        for (int i = 0; i < list.getLength(); i++) out.add((Element) list.item(i));
        return out;
    }

    /** The direct children of {@code parent} with local name {@code name}. */
    public static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName())) out.add(e);
        }
        return out;
    }

    /** The stripped text of the element at {@code path} under {@code from}; null when missing or blank. */
    public static String text(Element from, String... path) {
        Element e = find(from, path);
        if (e == null) return null;
        String t = e.getTextContent().strip();
        return t.isEmpty() ? null : t;
    }
}
