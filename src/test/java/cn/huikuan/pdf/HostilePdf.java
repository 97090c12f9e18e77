package cn.huikuan.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Hostile PDFs written byte by byte for the tests (issue 23): a page whose content stream inflates far past its size. */
public final class HostilePdf {
    private HostilePdf() {
    }

    /**
     * A one-page PDF whose content stream (FlateDecode) draws one line of text and then inflates to {@code bytes} of
     * spaces: 1 GiB takes about 1 MB. {@code inFont}: the bomb is the page font's embedded font file instead.
     */
    public static byte[] bomb(long bytes, boolean inFont) {
        byte[] page = deflate("BT /F1 12 Tf 72 712 Td (Statement) Tj ET\n".getBytes(StandardCharsets.US_ASCII), inFont ? 0 : bytes);
        byte[] font = inFont ? deflate(new byte[0], bytes) : null;
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(ascii("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"));
        objects.add(ascii("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"));
        objects.add(stream(page));
        objects.add(ascii("<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /FontDescriptor 6 0 R >>"));
        objects.add(ascii("<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800"
                + " /Descent -200 /CapHeight 700 /StemV 80" + (inFont ? " /FontFile2 7 0 R" : "") + " >>"));
        if (inFont) objects.add(stream(font));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.7\n"));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            out.writeBytes(ascii((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(ascii("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int o : offsets) x.append(String.format("%010d 00000 n \n", o));
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(ascii(x.toString()));
        return out.toByteArray();
    }

    private static byte[] stream(byte[] deflated) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(ascii("<< /Length " + deflated.length + " /Filter /FlateDecode >>\nstream\n"));
        o.writeBytes(deflated);
        o.writeBytes(ascii("\nendstream"));
        return o.toByteArray();
    }

    private static byte[] deflate(byte[] head, long spaces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream z = new DeflaterOutputStream(out, new Deflater(9))) {
            z.write(head);
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) ' ');
            for (long w = 0; w < spaces; w += chunk.length) z.write(chunk, 0, (int) Math.min(chunk.length, spaces - w));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
