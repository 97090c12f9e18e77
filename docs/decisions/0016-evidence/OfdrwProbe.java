package probe;

import cn.huikuan.tools.InvoiceSamples;
import org.ofdrw.core.attachment.CT_Attachment;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Evaluates ofdrw-reader against the project's sample OFD invoices and hostile packages (issue 23, decision 0016). */
public class OfdrwProbe {
    static final String NS = "http://www.ofdspec.org/2016";

    public static void main(String[] a) throws Exception {
        Path dir = Files.createDirectories(Path.of("/tmp/ofdrw-scratch/samples"));
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        var spec = InvoiceSamples.sale("26320000000000001234", LocalDate.of(2026, 11, 2), "某某商贸有限公司", "91320100MA1XXXXX0Y",
                "某某建筑工程有限公司", "91110000100000000A");
        for (var style : InvoiceSamples.OfdStyle.values()) {
            Path f = dir.resolve("sample-" + style + ".ofd");
            Files.write(f, InvoiceSamples.ofd(spec, style));
            System.out.println("== " + f.getFileName() + " (" + Files.size(f) + " bytes)");
            long t0 = System.nanoTime();
            try (OFDReader r = new OFDReader(f)) {
                System.out.println("  workDir " + r.getWorkDir() + " pages " + r.getNumberOfPages() + " size " + r.getPageSize(1));
                var ex = new ContentExtractor(r);
                System.out.println("  text " + String.join("|", ex.extractAll()));
                for (CT_Attachment at : r.getAttachmentList()) {
                    Path p = r.getAttachmentFile(at);
                    System.out.println("  attachment " + at.getAttachmentName() + " -> " + p + " " + Files.size(p) + " bytes");
                }
                System.out.println("  signatures " + r.hasSignature() + " stamps " + r.getStampAnnots().size());
            } catch (Throwable e) {
                System.out.println("  FAILED " + e);
            }
            System.out.printf("  %.1f ms%n", (System.nanoTime() - t0) / 1e6);
        }
        String ok = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD xmlns:ofd=\"" + NS + "\" Version=\"1.1\" DocType=\"OFD\"><ofd:DocBody>"
                + "<ofd:DocInfo><ofd:DocID>x</ofd:DocID></ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>";
        byte[] good = InvoiceSamples.ofd(spec, InvoiceSamples.OfdStyle.TEXT);

        Map<String, byte[]> cases = new LinkedHashMap<>();
        // 1. a ZIP bomb: a 1 GiB entry of zeros beside a valid package
        cases.put("bomb-1GiB", withEntries(good, Map.of("Doc_0/Res/big.bin", new byte[0]), 1L << 30));
        // 2. ../ names
        String escapee = "ofdrw-escape-" + System.nanoTime() + ".txt";
        cases.put("dotdot", withEntries(good, Map.of("../../../../../../tmp/" + escapee, "pwned".getBytes()), 0));
        cases.put("absolute", withEntries(good, Map.of("/tmp/abs-" + escapee, "pwned".getBytes()), 0));
        // 3. broken XML content
        cases.put("broken-content", replace(good, "Doc_0/Pages/Page_0/Content.xml", "<ofd:Page xmlns:ofd=\"" + NS + "\"><ofd:Content><ofd:Layer"));
        // 4. an external entity in a page
        cases.put("xxe-content", replace(good, "Doc_0/Pages/Page_0/Content.xml", "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>"
                + "<ofd:Page xmlns:ofd=\"" + NS + "\"><ofd:Content><ofd:Layer ID=\"2\"><ofd:TextObject ID=\"10\" Boundary=\"10 10 100 10\" Font=\"3\" Size=\"3\">"
                + "<ofd:TextCode X=\"0\" Y=\"3\">&x;</ofd:TextCode></ofd:TextObject></ofd:Layer></ofd:Content></ofd:Page>"));
        // 5. billion laughs in OFD.xml
        StringBuilder lol = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE ofd:OFD [<!ENTITY l0 \"lol\">");
        for (int i = 1; i < 10; i++) lol.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        lol.append("]>").append(ok.substring(ok.indexOf("<ofd:OFD")).replace("<ofd:DocID>x", "<ofd:DocID>&l9;"));
        cases.put("billion-laughs", replace(good, "OFD.xml", lol.toString()));
        // 6. a missing part
        cases.put("no-document", remove(good, "Doc_0/Document.xml"));
        // 7. not a zip
        cases.put("not-zip", "hello".getBytes());

        for (var c : cases.entrySet()) {
            Path f = dir.resolve(c.getKey() + ".ofd");
            Files.write(f, c.getValue());
            long before = du(tmp);
            long t0 = System.nanoTime();
            String result;
            Path work = null;
            try (OFDReader r = new OFDReader(f)) {
                work = r.getWorkDir();
                long during = du(tmp) - before;
                String text;
                try {
                    text = String.join("|", new ContentExtractor(r).extractAll());
                } catch (Throwable e) {
                    text = "extract failed: " + e;
                }
                result = "OPENED (temp grew " + during + " bytes while open) pages=" + safePages(r) + " text=" + cut(text);
            } catch (Throwable e) {
                result = "REFUSED " + e.getClass().getName() + ": " + cut(String.valueOf(e.getMessage()));
            }
            long after = du(tmp) - before;
            System.out.println("== " + c.getKey() + " (" + c.getValue().length + " bytes): " + result);
            System.out.printf("   %.0f ms, temp left after close: %d bytes, escaped file exists: %s%n", (System.nanoTime() - t0) / 1e6, after,
                    Files.exists(Path.of("/tmp/" + escapee)) || Files.exists(Path.of("/tmp/abs-" + escapee)));
        }
    }

    static String safePages(OFDReader r) {
        try { return String.valueOf(r.getNumberOfPages()); } catch (Throwable e) { return "failed: " + e; }
    }

    static String cut(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    static long du(Path p) throws Exception {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(x -> x.toFile().length()).sum();
        } catch (Exception e) {
            return -1;
        }
    }

    static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        try (var z = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) m.put(e.getName(), z.readAllBytes());
        }
        return m;
    }

    static byte[] write(Map<String, byte[]> m, String zerosName, long zeros) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(9);
            for (var e : m.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals(zerosName)) {
                    byte[] buf = new byte[1 << 20];
                    for (long n = 0; n < zeros; n += buf.length) z.write(buf);
                } else z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static byte[] withEntries(byte[] zip, Map<String, byte[]> extra, long zeros) throws Exception {
        Map<String, byte[]> m = entries(zip);
        m.putAll(extra);
        return write(m, zeros > 0 ? extra.keySet().iterator().next() : null, zeros);
    }

    static byte[] replace(byte[] zip, String name, String content) throws Exception {
        Map<String, byte[]> m = entries(zip);
        m.put(name, content.getBytes(StandardCharsets.UTF_8));
        return write(m, null, 0);
    }

    static byte[] remove(byte[] zip, String name) throws Exception {
        Map<String, byte[]> m = entries(zip);
        m.remove(name);
        return write(m, null, 0);
    }
}
