package cn.huikuan.pdf;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;

/**
 * Decodes a baseline JPEG at 1/2, 1/4 or 1/8 of its size in the DCT domain (ITU-T T.81, reduced inverse DCT):
 * each 8×8 block becomes N×N pixels computed from its N×N lowest-frequency coefficients, so the full-size
 * picture is never made. ImageIO cannot do this: its source subsampling decodes every pixel and then drops
 * most of them, which is what made a bundle of photos without court images slow (issue 25).
 *
 * <p>Only the common case is handled: 8-bit baseline or extended-sequential Huffman JPEG, one interleaved scan,
 * one (grey) or three (YCbCr) components. Anything else (progressive, arithmetic coding, 12-bit, CMYK, Adobe RGB,
 * several scans) and any damaged or truncated data is {@link Unsupported}: the caller decodes the file with
 * ImageIO as before, which also decides whether it is readable at all.
 */
final class ScaledJpeg {
    /** A file this decoder leaves to ImageIO: a feature it does not handle, or data that is damaged. */
    static final class Unsupported extends Exception {
        Unsupported(String message) {
            super(message);
        }
    }

    private static final int[] ZIGZAG = {          // zig-zag position → natural (row-major) position
            0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
            28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
            54, 47, 55, 62, 63};
    /** Marks end of block in {@link Huffman#fastAc} (a run is at most 15, so this bit is otherwise clear). */
    private static final int EOB = 0x8000;
    /** Padding bytes past the entropy data tolerated before the data counts as truncated. */
    private static final int MAX_PADDING = 64;

    private final byte[] data;
    private int pos;
    private final int[][] quant = new int[4][];
    private final Huffman[] dc = new Huffman[4];
    private final Huffman[] ac = new Huffman[4];
    private int width, height, restartInterval;
    private Component[] components;
    private boolean adobeRgb;

    private static final class Component {
        int id, h, v, tq, td, ta;
        int blocksX, blocksY;       // blocks per line / column in the scan (whole MCUs)
        byte[] plane;               // reduced-size samples
        int stride;
        int pred;
    }

    private ScaledJpeg(byte[] data) {
        this.data = data;
    }

    /** Width and height from the frame header, without decoding; null when the file is not one this class decodes. */
    static int[] size(byte[] jpeg) {
        try {
            ScaledJpeg j = new ScaledJpeg(jpeg);
            j.readHeaders(false);
            return new int[]{j.width, j.height};
        } catch (Unsupported | RuntimeException e) {
            return null;
        }
    }

    /**
     * The picture at {@code n}/8 of its size ({@code n} = 1, 2, 4 or 8), rounded up, as a 3-byte BGR image (a grey
     * JPEG comes out grey in all three channels).
     */
    static BufferedImage decode(byte[] jpeg, int n) throws Unsupported {
        if (n != 1 && n != 2 && n != 4 && n != 8) throw new IllegalArgumentException("scale " + n + "/8");
        ScaledJpeg j = new ScaledJpeg(jpeg);
        try {
            j.readHeaders(true);
            j.decodeScan(n);
            return j.toImage(n);
        } catch (ArrayIndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new Unsupported("damaged JPEG data: " + e);
        }
    }

    /** The smallest n (of 1, 2, 4, 8) with n/8 ≥ {@code scale}: decoding at n/8 loses nothing the page would show. */
    static int scaleFor(double scale) {
        for (int n = 1; n < 8; n *= 2) {
            if (n / 8.0 >= scale) return n;
        }
        return 8;
    }

    // ------------------------------------------------------------------ headers

    private int u8() throws Unsupported {
        if (pos >= data.length) throw new Unsupported("JPEG ends early");
        return data[pos++] & 0xFF;
    }

    private int u16() throws Unsupported {
        return u8() << 8 | u8();
    }

    /** Reads markers up to the start of the scan ({@code toScan}) or up to the frame header. */
    private void readHeaders(boolean toScan) throws Unsupported {
        if (u8() != 0xFF || u8() != 0xD8) throw new Unsupported("not a JPEG");
        while (true) {
            int b = u8();
            if (b != 0xFF) throw new Unsupported("expected a marker");
            int marker;
            do {
                marker = u8();
            } while (marker == 0xFF);
            if (marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) continue;   // stand-alone markers, no length
            if (marker == 0xD9) throw new Unsupported("no scan");
            int length = u16();
            if (length < 2) throw new Unsupported("bad segment length");
            int end = pos + length - 2;
            if (end > data.length) throw new Unsupported("JPEG ends early");
            switch (marker) {
                case 0xC0, 0xC1 -> {
                    frame();
                    if (!toScan) return;
                }
                case 0xC4 -> {
                    while (pos < end) huffman();
                }
                case 0xDB -> {
                    while (pos < end) quantTable();
                }
                case 0xDD -> restartInterval = u16();
                case 0xEE -> {
                    // Adobe: byte 11 of the segment is the colour transform; 0 with three components means RGB
                    if (length >= 14 && data[pos] == 'A' && data[pos + 1] == 'd' && data[pos + 2] == 'o' && data[pos + 3] == 'b' && data[pos + 4] == 'e') {
                        adobeRgb = data[pos + 11] == 0;
                    }
                }
                case 0xDA -> {
                    scanHeader();
                    pos = end;
                    return;
                }
                case 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF ->
                        throw new Unsupported("not a baseline JPEG (SOF" + (marker - 0xC0) + ")");
                case 0xDC -> throw new Unsupported("DNL marker");
                default -> {
                    // APPn, COM and the rest: skipped
                }
            }
            pos = end;
        }
    }

    private void frame() throws Unsupported {
        if (components != null) throw new Unsupported("two frames");
        if (u8() != 8) throw new Unsupported("not 8-bit");
        height = u16();
        width = u16();
        int nf = u8();
        if (width == 0 || height == 0) throw new Unsupported("no size in the frame header");
        if (nf != 1 && nf != 3) throw new Unsupported(nf + " components");
        components = new Component[nf];
        for (int i = 0; i < nf; i++) {
            Component c = new Component();
            c.id = u8();
            int hv = u8();
            c.h = hv >> 4;
            c.v = hv & 15;
            c.tq = u8();
            if (c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3) throw new Unsupported("bad component");
            components[i] = c;
        }
    }

    private void quantTable() throws Unsupported {
        int pq = u8();
        int precision = pq >> 4, t = pq & 15;
        if (t > 3 || precision > 1) throw new Unsupported("bad quantisation table");
        int[] q = new int[64];
        for (int k = 0; k < 64; k++) q[k] = precision == 0 ? u8() : u16();
        quant[t] = q;
    }

    private void huffman() throws Unsupported {
        int tc = u8();
        int cls = tc >> 4, t = tc & 15;
        if (cls > 1 || t > 3) throw new Unsupported("bad Huffman table");
        int[] counts = new int[17];
        int total = 0;
        for (int l = 1; l <= 16; l++) {
            counts[l] = u8();
            total += counts[l];
        }
        if (total > 256) throw new Unsupported("bad Huffman table");
        int[] symbols = new int[total];
        for (int i = 0; i < total; i++) symbols[i] = u8();
        Huffman h = new Huffman(counts, symbols);
        if (cls == 0) dc[t] = h;
        else ac[t] = h;
    }

    private void scanHeader() throws Unsupported {
        if (components == null) throw new Unsupported("scan before frame");
        if (components.length == 3 && (adobeRgb || components[0].id == 'R' && components[1].id == 'G' && components[2].id == 'B')) {
            throw new Unsupported("RGB JPEG");
        }
        int ns = u8();
        if (ns != components.length) throw new Unsupported("more than one scan");
        boolean[] seen = new boolean[ns];
        for (int i = 0; i < ns; i++) {
            int id = u8(), t = u8();
            int k = 0;
            while (k < components.length && components[k].id != id) k++;
            if (k == components.length || seen[k] || k != i) throw new Unsupported("scan components out of order");
            seen[k] = true;
            Component c = components[k];
            c.td = t >> 4;
            c.ta = t & 15;
            if (c.td > 3 || c.ta > 3 || dc[c.td] == null || ac[c.ta] == null || quant[c.tq] == null) {
                throw new Unsupported("missing table");
            }
        }
        if (u8() != 0 || u8() != 63 || u8() != 0) throw new Unsupported("not a sequential scan");
    }

    // ------------------------------------------------------------------ entropy-coded data

    private long bits;          // the next bitCount bits are the low bits of this, most significant first
    private int bitCount;
    private int padding;        // zero bytes fed in after a marker ended the data

    private void fill() throws Unsupported {
        while (bitCount <= 56) {
            int b = 0;
            if (padding == 0 && pos < data.length) {
                b = data[pos] & 0xFF;
                if (b == 0xFF) {
                    int next = pos + 1 < data.length ? data[pos + 1] & 0xFF : 0xD9;
                    if (next == 0x00) {
                        pos += 2;
                    } else {
                        b = 0;          // a marker: the data ends here, zeros from now on
                        padding++;
                    }
                } else {
                    pos++;
                }
            } else {
                if (++padding > MAX_PADDING) throw new Unsupported("JPEG data ends early");
            }
            bits = bits << 8 | b;
            bitCount += 8;
        }
    }

    private int receive(int s) throws Unsupported {
        if (bitCount < s) fill();
        bitCount -= s;
        return (int) (bits >>> bitCount) & ((1 << s) - 1);
    }

    private static int extend(int v, int s) {
        return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
    }

    private int decode(Huffman h) throws Unsupported {
        if (bitCount < 16) fill();
        int look = (int) (bits >>> (bitCount - Huffman.LOOKAHEAD)) & ((1 << Huffman.LOOKAHEAD) - 1);
        int e = h.fast[look];
        if (e != 0) {
            bitCount -= e >> 8;
            return e & 0xFF;
        }
        int code16 = (int) (bits >>> (bitCount - 16)) & 0xFFFF;
        for (int l = Huffman.LOOKAHEAD + 1; l <= 16; l++) {
            int code = code16 >>> (16 - l);
            if (code <= h.maxCode[l]) {
                bitCount -= l;
                return h.symbols[h.valPtr[l] + code - h.minCode[l]];
            }
        }
        throw new Unsupported("bad Huffman code");
    }

    private void decodeScan(int n) throws Unsupported {
        int hmax = 1, vmax = 1;
        for (Component c : components) {
            hmax = Math.max(hmax, c.h);
            vmax = Math.max(vmax, c.v);
        }
        boolean single = components.length == 1;
        int mcusX, mcusY;
        if (single) {
            Component c = components[0];        // a non-interleaved scan: one block per MCU, the component's own size
            mcusX = ceilDiv(ceilDiv(width * c.h, hmax), 8);
            mcusY = ceilDiv(ceilDiv(height * c.v, vmax), 8);
            c.blocksX = mcusX;
            c.blocksY = mcusY;
        } else {
            mcusX = ceilDiv(width, 8 * hmax);
            mcusY = ceilDiv(height, 8 * vmax);
            for (Component c : components) {
                c.blocksX = mcusX * c.h;
                c.blocksY = mcusY * c.v;
            }
        }
        long samples = 0;
        for (Component c : components) samples += (long) c.blocksX * n * c.blocksY * n;
        if (samples > Integer.MAX_VALUE / 2) throw new Unsupported("too large");
        for (Component c : components) {
            c.stride = c.blocksX * n;
            c.plane = new byte[c.stride * c.blocksY * n];
        }
        Idct idct = new Idct(n);
        float[][] dequant = new float[4][];
        for (Component c : components) dequant[c.tq] = idct.dequant(quant[c.tq]);
        int[] coef = new int[64];
        int total = mcusX * mcusY;
        int sinceRestart = 0;
        for (int m = 0; m < total; m++) {
            if (restartInterval > 0 && sinceRestart == restartInterval) {
                restart();
                sinceRestart = 0;
            }
            int mx = m % mcusX, my = m / mcusX;
            for (Component c : components) {
                int bh = single ? 1 : c.h, bv = single ? 1 : c.v;
                for (int by = 0; by < bv; by++) {
                    for (int bx = 0; bx < bh; bx++) {
                        boolean acs = block(c, coef, idct);
                        int x = (mx * bh + bx) * n, y = (my * bv + by) * n;
                        idct.apply(coef, acs, dequant[c.tq], c.plane, y * c.stride + x, c.stride);
                    }
                }
            }
            sinceRestart++;
        }
        if (padding * 8 > bitCount) throw new Unsupported("JPEG data ends early");
    }

    /**
     * Decodes one block, keeping its coefficients inside the N×N corner in {@code coef} (row-major N×N, still
     * quantised); true if any of them besides DC is non-zero. The bit reader's state is kept in locals here (the hot
     * loop) and written back before anything else reads it.
     */
    private boolean block(Component c, int[] coef, Idct idct) throws Unsupported {
        int s = decode(dc[c.td]);
        if (s > 11) throw new Unsupported("bad DC value");
        int diff = s == 0 ? 0 : extend(receive(s), s);
        c.pred += diff;
        int[] corner = idct.corner;
        java.util.Arrays.fill(coef, 0, idct.n * idct.n, 0);
        coef[0] = c.pred;
        boolean any = false;
        Huffman t = ac[c.ta];
        int[] fastAc = t.fastAc;
        long bits = this.bits;
        int bitCount = this.bitCount;
        int k = 1;
        while (k < 64) {
            if (bitCount < 16) {
                this.bits = bits;
                this.bitCount = bitCount;
                fill();
                bits = this.bits;
                bitCount = this.bitCount;
            }
            int e = fastAc[(int) (bits >>> (bitCount - Huffman.LOOKAHEAD)) & ((1 << Huffman.LOOKAHEAD) - 1)];
            int v;
            if (e != 0) {                     // code and value (or end of block) within the lookahead: one step
                bitCount -= e & 0xFF;
                if ((e & EOB) != 0) break;
                k += (e >> 8) & 0xFF;
                v = e >> 16;
            } else {
                this.bits = bits;
                this.bitCount = bitCount;
                int rs = decode(t);
                int r = rs >> 4;
                s = rs & 15;
                if (s == 0) {
                    bitCount = this.bitCount;
                    if (r != 15) break;       // end of block
                    k += 16;
                    continue;
                }
                k += r;
                v = extend(receive(s), s);
                bits = this.bits;
                bitCount = this.bitCount;
            }
            if (k > 63) throw new Unsupported("bad AC run");
            int at = corner[k];
            if (at >= 0) {
                coef[at] = v;
                any = true;
            }
            k++;
        }
        this.bits = bits;
        this.bitCount = bitCount;
        return any;
    }

    private void restart() throws Unsupported {
        if (padding * 8 > bitCount) throw new Unsupported("JPEG data ends early");
        bitCount = 0;
        padding = 0;
        while (pos + 1 < data.length && !((data[pos] & 0xFF) == 0xFF && (data[pos + 1] & 0xF8) == 0xD0)) pos++;
        if (pos + 1 >= data.length) throw new Unsupported("restart marker missing");
        pos += 2;
        for (Component c : components) c.pred = 0;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    // ------------------------------------------------------------------ output

    private BufferedImage toImage(int n) {
        int w = ceilDiv(width * n, 8), h = ceilDiv(height * n, 8);
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_3BYTE_BGR);
        byte[] out = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
        if (components.length == 1) {
            Component c = components[0];
            for (int y = 0; y < h; y++) {
                int o = y * w * 3, i = y * c.stride;
                for (int x = 0; x < w; x++) {
                    byte g = c.plane[i + x];
                    out[o++] = g;
                    out[o++] = g;
                    out[o++] = g;
                }
            }
            return img;
        }
        int hmax = 1, vmax = 1;
        for (Component c : components) {
            hmax = Math.max(hmax, c.h);
            vmax = Math.max(vmax, c.v);
        }
        Component cy = components[0], cb = components[1], cr = components[2];
        if (cy.h == hmax && cy.v == vmax && cb.h == cr.h && cb.v == cr.v && (hmax == cb.h || hmax == 2 * cb.h) && (vmax == cb.v || vmax == 2 * cb.v)) {
            // the usual 4:4:4, 4:2:2 and 4:2:0: luma at full size, both chroma planes halved (or not) the same way
            int sx = hmax == cb.h ? 0 : 1, sy = vmax == cb.v ? 0 : 1;
            byte[] py = cy.plane, pb = cb.plane, pr = cr.plane;
            for (int y = 0; y < h; y++) {
                int rowY = y * cy.stride, rowC = (y >> sy) * cb.stride;
                int o = y * w * 3;
                for (int x = 0; x < w; x++) {
                    int lum = (py[rowY + x] & 0xFF) + RANGE_OFFSET;
                    int c = rowC + (x >> sx);
                    int b = pb[c] & 0xFF, r = pr[c] & 0xFF;
                    out[o] = RANGE[lum + CB_B[b]];
                    out[o + 1] = RANGE[lum + ((CB_G[b] + CR_G[r]) >> 16)];
                    out[o + 2] = RANGE[lum + CR_R[r]];
                    o += 3;
                }
            }
            return img;
        }
        int[][] colX = new int[3][w];                 // each component's sample column for an output column
        for (int k = 0; k < 3; k++) {
            for (int x = 0; x < w; x++) colX[k][x] = x * components[k].h / hmax;
        }
        for (int y = 0; y < h; y++) {
            int rowY = (y * cy.v / vmax) * cy.stride, rowB = (y * cb.v / vmax) * cb.stride, rowR = (y * cr.v / vmax) * cr.stride;
            int o = y * w * 3;
            for (int x = 0; x < w; x++) {
                int lum = cy.plane[rowY + colX[0][x]] & 0xFF;
                int b = cb.plane[rowB + colX[1][x]] & 0xFF, r = cr.plane[rowR + colX[2][x]] & 0xFF;
                out[o++] = clamp(lum + CB_B[b]);
                out[o++] = clamp(lum + ((CB_G[b] + CR_G[r]) >> 16));
                out[o++] = clamp(lum + CR_R[r]);
            }
        }
        return img;
    }

    private static byte clamp(int v) {
        return (byte) (v < 0 ? 0 : Math.min(v, 255));
    }

    /** RANGE[v + RANGE_OFFSET] is v clamped to 0–255, for every v a colour conversion can give. */
    private static final int RANGE_OFFSET = 256;
    private static final byte[] RANGE = new byte[3 * 256 + 256];

    static {
        for (int i = 0; i < RANGE.length; i++) RANGE[i] = clamp(i - RANGE_OFFSET);
    }

    // JFIF YCbCr → RGB (T.871): R = Y + 1.402 Cr', G = Y − 0.344136 Cb' − 0.714136 Cr', B = Y + 1.772 Cb'
    private static final int[] CR_R = new int[256], CB_B = new int[256], CR_G = new int[256], CB_G = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int d = i - 128;
            CR_R[i] = (int) Math.round(1.402 * d);
            CB_B[i] = (int) Math.round(1.772 * d);
            CR_G[i] = (int) Math.round(-0.714136 * d * 65536);
            CB_G[i] = (int) Math.round(-0.344136 * d * 65536) + 32768;
        }
    }

    /** Canonical Huffman decoding (T.81 F.2.2.3) with a lookup table for codes of up to {@link #LOOKAHEAD} bits. */
    private static final class Huffman {
        static final int LOOKAHEAD = 10;
        final int[] fast = new int[1 << LOOKAHEAD];       // (length << 8 | symbol), 0 when the code is longer
        /**
         * For AC tables: (value << 16 | run << 8 | code length + value bits) when the lookahead holds an AC code of a
         * non-zero value and all of its value bits; (EOB | code length) for end of block; 0 otherwise (ZRL, or too
         * long: decoded step by step).
         */
        final int[] fastAc = new int[1 << LOOKAHEAD];
        final int[] minCode = new int[17], maxCode = new int[18], valPtr = new int[17];
        final int[] symbols;

        Huffman(int[] counts, int[] symbols) throws Unsupported {
            this.symbols = symbols;
            int code = 0, k = 0;
            for (int l = 1; l <= 16; l++) {
                valPtr[l] = k;
                minCode[l] = code;
                for (int i = 0; i < counts[l]; i++) {
                    if (l <= LOOKAHEAD) {
                        int shift = LOOKAHEAD - l;
                        for (int f = code << shift, e = (code + 1) << shift; f < e; f++) fast[f] = l << 8 | symbols[k];
                    }
                    code++;
                    k++;
                }
                if (code > 1 << l) throw new Unsupported("bad Huffman table");
                maxCode[l] = counts[l] == 0 ? -1 : code - 1;
                code <<= 1;
            }
            maxCode[17] = Integer.MAX_VALUE;
            for (int look = 0; look < fast.length; look++) {
                int e = fast[look];
                if (e == 0) continue;
                int length = e >> 8, rs = e & 0xFF, run = rs >> 4, size = rs & 15;
                if (rs == 0) {
                    fastAc[look] = EOB | length;      // end of block
                    continue;
                }
                if (size == 0 || length + size > LOOKAHEAD) continue;
                int raw = (look >> (LOOKAHEAD - length - size)) & ((1 << size) - 1);
                fastAc[look] = extend(raw, size) << 16 | run << 8 | (length + size);
            }
        }
    }

    /**
     * The N-point inverse DCT of a block's N×N lowest frequencies, dequantised:
     * f(y, x) = Σ_v Σ_u a(v, y) a(u, x) F(v, u) + 128 with a(u, x) = C(u)/2 · cos((2x + 1)uπ / 2N), C(0) = 1/√2.
     * For N = 8 this is the JPEG IDCT; for N = 1 it gives the block's mean.
     */
    private static final class Idct {
        final int n;
        final int[] corner = new int[64];         // zig-zag position → index in the N×N corner, −1 outside it
        final float[] a;                          // a[u * n + x]
        final float[] tmp;

        Idct(int n) {
            this.n = n;
            for (int k = 0; k < 64; k++) {
                int z = ZIGZAG[k], row = z / 8, col = z % 8;
                corner[k] = row < n && col < n ? row * n + col : -1;
            }
            a = new float[n * n];
            for (int u = 0; u < n; u++) {
                for (int x = 0; x < n; x++) {
                    double cu = u == 0 ? Math.sqrt(0.5) : 1.0;
                    a[u * n + x] = (float) (cu / 2 * Math.cos((2 * x + 1) * u * Math.PI / (2 * n)));
                }
            }
            tmp = new float[n * n];
        }

        /** A quantisation table (zig-zag order) as factors for the N×N corner. */
        float[] dequant(int[] q) {
            float[] d = new float[n * n];
            for (int k = 0; k < 64; k++) {
                if (corner[k] >= 0) d[corner[k]] = q[k];
            }
            return d;
        }

        void apply(int[] coef, boolean acs, float[] q, byte[] out, int offset, int stride) {
            if (!acs) {
                // a(0, x)² = 1/8 for every N: the block is flat at its mean
                byte b = pixel(coef[0] * q[0] / 8f);
                for (int y = 0; y < n; y++) {
                    int o = offset + y * stride;
                    for (int x = 0; x < n; x++) out[o + x] = b;
                }
                return;
            }
            if (n == 4) {
                apply4(coef, q, out, offset, stride);
                return;
            }
            // rows: tmp(v, x) = Σ_u a(u, x) F(v, u)
            for (int v = 0; v < n; v++) {
                int row = v * n;
                for (int x = 0; x < n; x++) {
                    float s = 0;
                    for (int u = 0; u < n; u++) {
                        int c = coef[row + u];
                        if (c != 0) s += a[u * n + x] * c * q[row + u];
                    }
                    tmp[row + x] = s;
                }
            }
            // columns: f(y, x) = Σ_v a(v, y) tmp(v, x)
            for (int y = 0; y < n; y++) {
                int o = offset + y * stride;
                for (int x = 0; x < n; x++) {
                    float s = 0;
                    for (int v = 0; v < n; v++) s += a[v * n + y] * tmp[v * n + x];
                    out[o + x] = pixel(s);
                }
            }
        }

        // a(u, x) for N = 4 (see the class comment): a(0, x) = K0; a(2, x) = ±K0; a(1, x), a(3, x) = ±K1 or ±K3
        private static final float K0 = (float) (Math.sqrt(0.5) / 2), K1 = (float) (Math.cos(Math.PI / 8) / 2), K3 = (float) (Math.cos(3 * Math.PI / 8) / 2);

        /**
         * The 4-point case factored into even and odd halves, 6 multiplications per row or column instead of 16:
         * x0 = E0 + O0, x3 = E0 − O0, x1 = E1 + O1, x2 = E1 − O1 with E0 = K0(F0 + F2), E1 = K0(F0 − F2),
         * O0 = K1 F1 + K3 F3, O1 = K3 F1 − K1 F3.
         */
        private void apply4(int[] coef, float[] q, byte[] out, int offset, int stride) {
            float[] t = tmp;
            for (int v = 0; v < 16; v += 4) {
                int c0 = coef[v], c1 = coef[v + 1], c2 = coef[v + 2], c3 = coef[v + 3];
                if ((c0 | c1 | c2 | c3) == 0) {
                    t[v] = t[v + 1] = t[v + 2] = t[v + 3] = 0;
                    continue;
                }
                float f0 = c0 * q[v], f1 = c1 * q[v + 1], f2 = c2 * q[v + 2], f3 = c3 * q[v + 3];
                float e0 = K0 * (f0 + f2), e1 = K0 * (f0 - f2), o0 = K1 * f1 + K3 * f3, o1 = K3 * f1 - K1 * f3;
                t[v] = e0 + o0;
                t[v + 3] = e0 - o0;
                t[v + 1] = e1 + o1;
                t[v + 2] = e1 - o1;
            }
            for (int x = 0; x < 4; x++) {
                float f0 = t[x], f1 = t[4 + x], f2 = t[8 + x], f3 = t[12 + x];
                float e0 = K0 * (f0 + f2), e1 = K0 * (f0 - f2), o0 = K1 * f1 + K3 * f3, o1 = K3 * f1 - K1 * f3;
                int o = offset + x;
                out[o] = pixel(e0 + o0);
                out[o + stride] = pixel(e1 + o1);
                out[o + 2 * stride] = pixel(e1 - o1);
                out[o + 3 * stride] = pixel(e0 - o0);
            }
        }

        private static byte pixel(float s) {
            int p = (int) (s + 128.5f);       // rounds; below 0 truncates towards 0, which clamps the same
            return (byte) (p < 0 ? 0 : Math.min(p, 255));
        }
    }
}
