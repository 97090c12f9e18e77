package probe;

import org.ofdrw.converter.export.ImageExporter;
import org.ofdrw.converter.export.PDFExporterIText;
import org.ofdrw.converter.export.PDFExporterPDFBox;

import java.nio.file.Files;
import java.nio.file.Path;

public class ConvProbe {
    public static void main(String[] a) throws Exception {
        Path in = Path.of(a[0]);
        Path out = Path.of(a[1]);
        Files.createDirectories(out);
        try (var e = new PDFExporterIText(in, out.resolve("itext.pdf"))) {
            e.export();
            System.out.println("iText export: " + Files.size(out.resolve("itext.pdf")) + " bytes");
        } catch (Throwable t) {
            System.out.println("iText export FAILED: " + t);
        }
        try (var e = new PDFExporterPDFBox(in, out.resolve("pdfbox.pdf"))) {
            e.export();
            System.out.println("PDFBox export: " + Files.size(out.resolve("pdfbox.pdf")) + " bytes");
        } catch (Throwable t) {
            System.out.println("PDFBox export FAILED: " + t);
        }
        try (var e = new ImageExporter(in, out.resolve("png"), "PNG", 5)) {
            e.export();
            System.out.println("image export: " + e.getImgFilePaths());
        } catch (Throwable t) {
            System.out.println("image export FAILED: " + t);
        }
    }
}
