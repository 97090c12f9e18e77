package cn.huikuan.invoices;

/**
 * The seal's picture inside an OFD electronic signature's {@code SignedValue} (GM/T 0031 / GB/T 38540: an SES_Signature in
 * DER whose seal carries {@code SES_ESPictrueInfo}: a type such as "PNG" then the picture as an OCTET STRING). Found by
 * walking the DER (at most {@link #MAX_NODES} elements, {@link #MAX_DEPTH} deep; OCTET STRINGs that hold DER are walked
 * into): the first OCTET STRING that follows a string naming a picture type, else the first that starts like a PNG, JPEG,
 * GIF or BMP. Only the picture is taken: the signature is not verified (no certificate, no hash is checked).
 */
final class SealPicture {
    static final int MAX_NODES = 100_000;
    static final int MAX_DEPTH = 32;

    private SealPicture() {
    }

    static byte[] find(byte[] der) {
        int[] nodes = {0};
        byte[][] fallback = {null};
        byte[] typed = walk(der, 0, der.length, 0, nodes, fallback);
        return typed != null ? typed : fallback[0];
    }

    private static byte[] walk(byte[] b, int from, int to, int depth, int[] nodes, byte[][] fallback) {
        if (depth > MAX_DEPTH) return null;
        int i = from;
        boolean pictureTypeSeen = false;
        while (i < to) {
            if (++nodes[0] > MAX_NODES) return null;
            int tag = b[i] & 0xff;
            int j = i + 1;
            if ((tag & 0x1f) == 0x1f) {            // a high tag number: its bytes until one without the top bit
                while (j < to && (b[j] & 0x80) != 0) j++;
                j++;
            }
            if (j >= to) return null;
            int len = b[j] & 0xff;
            j++;
            if (len == 0x80) return null;          // indefinite length: not DER
            if (len > 0x80) {
                int n = len & 0x7f;
                if (n > 4 || j + n > to) return null;
                long l = 0;
                for (int k = 0; k < n; k++) l = l << 8 | (b[j + k] & 0xff);
                j += n;
                if (l > Integer.MAX_VALUE) return null;
                len = (int) l;
            }
            if (len < 0 || j + len > to || j + len < j) return null;
            int end = j + len;
            if ((tag & 0x20) != 0) {
                byte[] r = walk(b, j, end, depth + 1, nodes, fallback);
                if (r != null) return r;
            } else if (tag == 0x16 || tag == 0x0c || tag == 0x13) {
                String s = new String(b, j, len, java.nio.charset.StandardCharsets.ISO_8859_1).strip().toLowerCase(java.util.Locale.ROOT);
                pictureTypeSeen = s.equals("png") || s.equals("jpg") || s.equals("jpeg") || s.equals("gif") || s.equals("bmp");
            } else if (tag == 0x04) {
                if (picture(b, j, len)) {
                    byte[] out = java.util.Arrays.copyOfRange(b, j, end);
                    if (pictureTypeSeen) return out;
                    if (fallback[0] == null) fallback[0] = out;
                } else if (len > 2 && b[j] == 0x30) {
                    byte[] r = walk(b, j, end, depth + 1, nodes, fallback);
                    if (r != null) return r;
                }
                pictureTypeSeen = false;
            }
            i = end;
        }
        return null;
    }

    private static boolean picture(byte[] b, int at, int len) {
        if (len < 8) return false;
        int b0 = b[at] & 0xff, b1 = b[at + 1] & 0xff, b2 = b[at + 2] & 0xff, b3 = b[at + 3] & 0xff;
        return (b0 == 0x89 && b1 == 'P' && b2 == 'N' && b3 == 'G') || (b0 == 0xff && b1 == 0xd8 && b2 == 0xff)
                || (b0 == 'G' && b1 == 'I' && b2 == 'F') || (b0 == 'B' && b1 == 'M');
    }
}
