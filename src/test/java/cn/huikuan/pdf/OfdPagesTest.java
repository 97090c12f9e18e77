package cn.huikuan.pdf;

import cn.huikuan.invoices.InvoiceUnreadable;
import cn.huikuan.invoices.Ofd;
import cn.huikuan.tools.InvoiceSamples;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.PDFGraphicsStreamEngine;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.image.PDImage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.util.Matrix;
import org.junit.jupiter.api.Test;

import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An OFD invoice drawn for the evidence bundle with its lines, seal and pictures, checked by reading the PDF back with PDFBox (issue 23). */
class OfdPagesTest {
    private static final double K = 72 / 25.4;
    private static final InvoiceSamples.Spec SALE = InvoiceSamples.sale("24112000000000012345", LocalDate.of(2026, 3, 15),
            "华东钢材贸易有限公司", "91310000MA1K000011", "某某建筑工程有限公司", "91320100MA1XXXXX0Y");

    /** What a page draws, as PDFBox sees it: paths with their colour and box, pictures with their box. */
    private static final class Seen extends PDFGraphicsStreamEngine {
        record PathSeen(String op, Rectangle2D box, float[] strokeRgb, float[] fillRgb, float lineWidth) {
        }

        final List<PathSeen> paths = new ArrayList<>();
        final List<Rectangle2D> images = new ArrayList<>();
        private Rectangle2D box;

        Seen(PDPage page) {
            super(page);
        }

        private void add(Point2D p) {
            if (box == null) box = new Rectangle2D.Double(p.getX(), p.getY(), 0, 0);
            else box.add(p);
        }

        private void painted(String op) throws IOException {
            var gs = getGraphicsState();
            paths.add(new PathSeen(op, box, gs.getStrokingColor().getComponents(), gs.getNonStrokingColor().getComponents(), gs.getLineWidth()));
            box = null;
        }

        @Override public void appendRectangle(Point2D p0, Point2D p1, Point2D p2, Point2D p3) {
            add(p0);
            add(p2);
        }

        @Override public void drawImage(PDImage pdImage) {
            Matrix m = getGraphicsState().getCurrentTransformationMatrix();
            images.add(new Rectangle2D.Double(m.getTranslateX(), m.getTranslateY(), m.getScalingFactorX(), m.getScalingFactorY()));
        }

        @Override public void clip(int windingRule) {
        }

        @Override public void moveTo(float x, float y) {
            add(new Point2D.Float(x, y));
        }

        @Override public void lineTo(float x, float y) {
            add(new Point2D.Float(x, y));
        }

        @Override public void curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
            add(new Point2D.Float(x3, y3));
            add(new Point2D.Float(x1, y1));
            add(new Point2D.Float(x2, y2));
        }

        @Override public Point2D getCurrentPoint() {
            return new Point2D.Float(0, 0);
        }

        @Override public void closePath() {
        }

        @Override public void endPath() {
            box = null;
        }

        @Override public void strokePath() throws IOException {
            painted("stroke");
        }

        @Override public void fillPath(int windingRule) throws IOException {
            painted("fill");
        }

        @Override public void fillAndStrokePath(int windingRule) throws IOException {
            painted("fillStroke");
        }

        @Override public void shadingFill(org.apache.pdfbox.cos.COSName shadingName) {
        }

        static Seen of(PDDocument doc, int page) throws IOException {
            Seen s = new Seen(doc.getPage(page));
            s.processPage(doc.getPage(page));
            return s;
        }
    }

    private static boolean red(float[] rgb) {
        return rgb.length == 3 && rgb[0] > 0.9f && rgb[1] < 0.1f && rgb[2] < 0.1f;
    }

    @Test
    void anOfdInvoiceIsDrawnWithItsFrameSealAndPicturesNotOnlyItsText() throws IOException {
        Ofd.Package ofd = Ofd.read(InvoiceSamples.ofd(SALE, InvoiceSamples.OfdStyle.TEXT, true), "a.ofd");
        Ofd.Page page = ofd.pages().get(0);
        assertThat(page.marks()).filteredOn(m -> m instanceof Ofd.Shape).hasSize(5);       // the frame's 3 lines, the seal's ring and star
        assertThat(page.marks()).filteredOn(m -> m instanceof Ofd.Picture).hasSize(2);     // the QR code, the signature's seal
        assertThat(ofd.signatures()).isEqualTo(1);

        OfdPages.Rendered r = OfdPages.render(ofd);
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            Seen seen = Seen.of(doc, 0);
            float h = doc.getPage(0).getMediaBox().getHeight();
            assertThat(h).isCloseTo((float) (140 * K), org.assertj.core.data.Offset.offset(0.1f));
            // the seal's ring: a red outline spanning the annotation's box (85 mm + 1…39 mm across, 2 mm + 1…25 mm down)
            assertThat(seen.paths).anySatisfy(p -> {
                assertThat(p.op()).isEqualTo("stroke");
                assertThat(red(p.strokeRgb())).isTrue();
                assertThat(p.box().getMinX()).isCloseTo(86 * K, org.assertj.core.data.Offset.offset(1.0));
                assertThat(p.box().getMaxX()).isCloseTo(124 * K, org.assertj.core.data.Offset.offset(1.0));
                assertThat(h - p.box().getMaxY()).isCloseTo(3 * K, org.assertj.core.data.Offset.offset(2.0));
                assertThat(h - p.box().getMinY()).isCloseTo(27 * K, org.assertj.core.data.Offset.offset(2.0));
            });
            // the star: filled red, inside the ring
            assertThat(seen.paths).anySatisfy(p -> {
                assertThat(p.op()).isEqualTo("fill");
                assertThat(red(p.fillRgb())).isTrue();
                assertThat(p.box().getCenterX()).isCloseTo(105 * K, org.assertj.core.data.Offset.offset(1.0));
            });
            // the table's frame from the template page: the outer box, 200 × 102 mm, in its brown
            assertThat(seen.paths).anySatisfy(p -> {
                assertThat(p.strokeRgb()[0]).isCloseTo(128 / 255f, org.assertj.core.data.Offset.offset(0.01f));
                assertThat(p.box().getWidth()).isCloseTo(200 * K, org.assertj.core.data.Offset.offset(0.5));
                assertThat(p.box().getHeight()).isCloseTo(102 * K, org.assertj.core.data.Offset.offset(0.5));
            });
            // the two rules, drawn with their DrawParam's colour and width: 200 mm long, 0.25 mm wide
            assertThat(seen.paths).filteredOn(p -> p.box().getWidth() > 199 * K && p.box().getHeight() < 0.1)
                    .hasSize(2).allSatisfy(p -> {
                        assertThat(p.strokeRgb()[0]).isCloseTo(128 / 255f, org.assertj.core.data.Offset.offset(0.01f));
                        assertThat(p.lineWidth()).isCloseTo((float) (0.25 * K), org.assertj.core.data.Offset.offset(0.01f));
                    });
            // the QR code at 8, 4 mm (20 mm square) and the signature's seal picture at its stamp's box (150, 105, 40 × 30 mm)
            assertThat(seen.images).hasSize(2);
            assertThat(seen.images).anySatisfy(i -> {
                assertThat(i.getX()).isCloseTo(8 * K, org.assertj.core.data.Offset.offset(0.5));
                assertThat(i.getY()).isCloseTo(h - 24 * K, org.assertj.core.data.Offset.offset(0.5));
                assertThat(i.getWidth()).isCloseTo(20 * K, org.assertj.core.data.Offset.offset(0.5));
            });
            assertThat(seen.images).anySatisfy(i -> {
                assertThat(i.getX()).isCloseTo(150 * K, org.assertj.core.data.Offset.offset(0.5));
                assertThat(i.getY()).isCloseTo(h - 135 * K, org.assertj.core.data.Offset.offset(0.5));
                assertThat(i.getWidth()).isCloseTo(40 * K, org.assertj.core.data.Offset.offset(0.5));
                assertThat(i.getHeight()).isCloseTo(30 * K, org.assertj.core.data.Offset.offset(0.5));
            });
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("发票号码：", "24112000000000012345", "签名未验证", "signature not verified").doesNotContain("无法呈现");
        }
    }

    @Test
    void anOfdWithTextOnlySaysNoSealAndDrawsNoPicture() throws IOException {
        OfdPages.Rendered r = OfdPages.render(Ofd.read(InvoiceSamples.ofd(SALE, InvoiceSamples.OfdStyle.TEXT), "a.ofd"));
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertThat(Seen.of(doc, 0).images).isEmpty();
            assertThat(new PDFTextStripper().getText(doc)).contains("24112000000000012345", "drawn from the OFD").doesNotContain("签名未验证");
        }
    }

    @Test
    void aPictureTooLargeOrNotAPictureIsNotDrawnAndThePageSaysSo() throws IOException {
        Map<String, byte[]> parts = parts(InvoiceSamples.ofd(SALE, InvoiceSamples.OfdStyle.TEXT, true));
        byte[] png = parts.get("Doc_0/Res/qr.png").clone();
        // IHDR width and height (bytes 16–23) claim 100,000 × 100,000 pixels: refused from the header, never decoded
        for (int i = 16; i < 24; i++) png[i] = 0;
        png[17] = 0x01;
        png[18] = (byte) 0x86;
        png[19] = (byte) 0xa0;
        png[21] = 0x01;
        png[22] = (byte) 0x86;
        png[23] = (byte) 0xa0;
        parts.put("Doc_0/Res/qr.png", png);
        parts.put("Doc_0/Signs/Sign_0/SignedValue.dat", "not DER at all".getBytes(StandardCharsets.US_ASCII));
        OfdPages.Rendered r = OfdPages.render(Ofd.read(zip(parts), "a.ofd"));
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            assertThat(Seen.of(doc, 0).images).isEmpty();
            assertThat(new PDFTextStripper().getText(doc)).contains("1 张图片无法呈现", "1 picture(s) could not be drawn");
        }
    }

    @Test
    void anOfdDrawingTooManyObjectsIsRefused() {
        Map<String, byte[]> parts = parts(InvoiceSamples.ofd(SALE, InvoiceSamples.OfdStyle.TEXT));
        StringBuilder page = new StringBuilder("<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer ID=\"1\">");
        String path = "<ofd:PathObject ID=\"1\" Boundary=\"0 0 1 1\"><ofd:AbbreviatedData>M 0 0 L 1 1</ofd:AbbreviatedData></ofd:PathObject>";
        page.append(path.repeat(Ofd.MAX_MARKS / 3 + 1)).append("</ofd:Layer></ofd:Content></ofd:Page>");
        StringBuilder pages = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            parts.put("Doc_0/Pages/Page_" + (i + 1) + "/Content.xml", page.toString().getBytes(StandardCharsets.UTF_8));
            pages.append("<ofd:Page ID=\"").append(i + 2).append("\" BaseLoc=\"Pages/Page_").append(i + 1).append("/Content.xml\"/>");
        }
        String doc = new String(parts.get("Doc_0/Document.xml"), StandardCharsets.UTF_8).replace("</ofd:Pages>", pages + "</ofd:Pages>");
        parts.put("Doc_0/Document.xml", doc.getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Ofd.read(zip(parts), "many.ofd")).isInstanceOf(InvoiceUnreadable.class)
                .hasMessageContaining("页面图形过多").hasMessageContaining("refused");
    }

    @Test
    void charactersStandWhereTheirDeltaXPutsThem() throws IOException {
        Map<String, byte[]> parts = parts(InvoiceSamples.ofd(SALE, InvoiceSamples.OfdStyle.TEXT));
        String page = new String(parts.get("Doc_0/Pages/Page_0/Content.xml"), StandardCharsets.UTF_8);
        assertThat(page).contains("Y=\"5.00\">电子发票");
        parts.put("Doc_0/Pages/Page_0/Content.xml", page.replace("Y=\"5.00\">电子发票", "Y=\"5.00\" DeltaX=\"g 12 8\">电子发票")
                .getBytes(StandardCharsets.UTF_8));
        OfdPages.Rendered r = OfdPages.render(Ofd.read(zip(parts), "a.ofd"));
        List<Float> xs = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(r.pdf())) {
            new PDFTextStripper() {
                @Override
                protected void writeString(String text, List<org.apache.pdfbox.text.TextPosition> positions) {
                    for (var p : positions) {
                        if ("电子发票".contains(p.getUnicode()) && Math.abs(p.getYDirAdj() - 12 * K) < 1 && p.getXDirAdj() < 100 * K) xs.add(p.getXDirAdj());
                    }
                }
            }.getText(doc);
        }
        // 电 at 70 mm, 子 8 mm on, 发 16, 票 24 (the title's 5 mm characters spread to 8 mm, as the OFD places them)
        assertThat(xs).hasSize(4);
        for (int i = 0; i < 4; i++) assertThat((double) xs.get(i)).isCloseTo((70 + 8 * i) * K, org.assertj.core.data.Offset.offset(0.5));
    }

    @Test
    void theDrawingsPartsAreAsGuardedAsTheRest() {
        byte[] drawn = InvoiceSamples.ofd(SALE, InvoiceSamples.OfdStyle.TEXT, true);
        // a stamp annotation with an external entity: refused before any entity is read
        Map<String, byte[]> xxe = parts(drawn);
        xxe.put("Doc_0/Annots/Page_0/Annotation.xml", ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ofd:PageAnnot xmlns:ofd=\"http://www.ofdspec.org/2016\">&x;</ofd:PageAnnot>").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Ofd.read(zip(xxe), "a.ofd")).isInstanceOf(InvoiceUnreadable.class).hasMessageContaining("DOCTYPE");
        // a signature whose location climbs out of the package, and a page naming a template that is not there
        Map<String, byte[]> out = parts(drawn);
        out.put("Doc_0/Signs/Signatures.xml", ("<ofd:Signatures xmlns:ofd=\"http://www.ofdspec.org/2016\">"
                + "<ofd:Signature ID=\"1\" BaseLoc=\"../../../../etc/passwd\"/></ofd:Signatures>").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Ofd.read(zip(out), "a.ofd")).isInstanceOf(InvoiceUnreadable.class).hasMessageContaining("broken OFD");
        Map<String, byte[]> noTemplate = parts(drawn);
        noTemplate.put("Doc_0/Pages/Page_0/Content.xml", new String(noTemplate.get("Doc_0/Pages/Page_0/Content.xml"), StandardCharsets.UTF_8)
                .replace("TemplateID=\"2\"", "TemplateID=\"99\"").getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> Ofd.read(zip(noTemplate), "a.ofd")).isInstanceOf(InvoiceUnreadable.class).hasMessageContaining("TemplatePage 99");
    }

    static Map<String, byte[]> parts(byte[] zip) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) m.put(e.getName(), z.readAllBytes());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return m;
    }

    static byte[] zip(Map<String, byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : parts.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
