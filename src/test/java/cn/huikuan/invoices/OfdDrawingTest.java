package cn.huikuan.invoices;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The parts of an OFD's drawing read with the JDK alone: path data with arcs, the seal picture in a signature's DER (issue 23). */
class OfdDrawingTest {
    private static double[] at(double[] p0, double[] c, double t) {
        double u = 1 - t;
        return new double[]{u * u * u * p0[0] + 3 * u * u * t * c[0] + 3 * u * t * t * c[2] + t * t * t * c[4],
                u * u * u * p0[1] + 3 * u * u * t * c[1] + 3 * u * t * t * c[3] + t * t * t * c[5]};
    }

    @Test
    void aCircleOfTwoArcsBecomesCurvesOnTheCircle() {
        List<Ofd.Segment> segs = PathData.parse("S 0 10 A 10 10 0 1 0 20 10 A 10 10 0 1 0 0 10 C");
        assertThat(segs).isNotNull();
        assertThat(segs.get(0).op()).isEqualTo('M');
        assertThat(segs.get(segs.size() - 1).op()).isEqualTo('Z');
        double[] from = segs.get(0).p();
        int curves = 0;
        for (Ofd.Segment s : segs.subList(1, segs.size() - 1)) {
            assertThat(s.op()).isEqualTo('C');
            for (double t = 0; t <= 1; t += 0.25) {
                double[] p = at(from, s.p(), t);
                assertThat(Math.hypot(p[0] - 10, p[1] - 10)).as("t=%s", t).isCloseTo(10, org.assertj.core.data.Offset.offset(0.03));
            }
            from = new double[]{s.p()[4], s.p()[5]};
            curves++;
        }
        assertThat(curves).isEqualTo(4);       // two half circles, each in two quarter curves
        assertThat(from).containsExactly(0, 10);
    }

    @Test
    void lineQuadraticAndCubicCommandsAndMalformedData() {
        assertThat(PathData.parse("M 0 0 L 5 0 Q 10 0 10 5 B 10 8 8 10 5 10 C")).extracting(Ofd.Segment::op)
                .containsExactly('M', 'L', 'C', 'C', 'Z');
        assertThat(PathData.parse("M 0 0 L 5")).isNull();
        assertThat(PathData.parse("M 0 0 X 1 2")).isNull();
        assertThat(PathData.parse("M 0 0 L NaN 1")).isNull();
        assertThat(PathData.parse("M 0 0 L 1e300 1")).isNull();
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        if (content.length < 0x80) out.write(content.length);
        else {
            out.write(0x82);
            out.write(content.length >> 8);
            out.write(content.length);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] cat(byte[]... p) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] b : p) out.writeBytes(b);
        return out.toByteArray();
    }

    @Test
    void theSealPictureIsTheOctetStringAfterItsTypeWhereverItIsNested() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
        byte[] jpeg = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 0, 0, 0, 9};
        // an unrelated JPEG-looking OCTET STRING first (fallback), then the typed picture deeper, wrapped in an OCTET STRING of DER
        byte[] inner = der(0x30, cat(der(0x16, "PNG".getBytes()), der(0x04, png), der(0x02, new byte[]{40})));
        byte[] sig = der(0x30, cat(der(0x04, jpeg), der(0xa0, der(0x04, inner))));
        assertThat(SealPicture.find(sig)).containsExactly(png);
        // no type named: the first picture-looking OCTET STRING
        assertThat(SealPicture.find(der(0x30, der(0x04, jpeg)))).containsExactly(jpeg);
    }

    @Test
    void brokenOrHostileDerGivesNoPictureAndNoFailure() {
        assertThat(SealPicture.find(new byte[0])).isNull();
        assertThat(SealPicture.find(new byte[]{0x30, (byte) 0x84, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff})).isNull();   // a length past the end
        assertThat(SealPicture.find(new byte[]{0x30, (byte) 0x80, 0, 0})).isNull();                                 // indefinite length
        byte[] deep = {0x04, 0, 0, 0, 0, 0, 0, 0, 0};
        for (int i = 0; i < 5_000; i++) deep = der(0x30, deep);                                                       // far deeper than allowed
        assertThat(SealPicture.find(deep)).isNull();
    }

    @Test
    void deltaXGivesEachCharactersPlaceScaledAndAfterLeadingSpaces() {
        assertThat(Ofd.deltas("g 3 2.5", "发票号码", 1)).containsExactly(0, 2.5, 5, 7.5);
        assertThat(Ofd.deltas("1 2 g 2 3", "abcde", 2)).containsExactly(0, 2, 6, 12, 18);
        assertThat(Ofd.deltas("4 1 1", " ab ", 1)).as("the leading space's gap is skipped").containsExactly(0, 1);
        assertThat(Ofd.deltas("", "ab", 1)).isNull();
        assertThat(Ofd.deltas("1", "abc", 1)).as("too few gaps").isNull();
        assertThat(Ofd.deltas("g x 1", "abc", 1)).isNull();
        assertThat(Ofd.deltas("1e400 1", "abc", 1)).isNull();
    }
}
