package cn.huikuan.invoices;

import java.util.ArrayList;
import java.util.List;

/**
 * An OFD path's {@code AbbreviatedData} (GB/T 33190 §9.3.2) as move, line, cubic curve and close segments: {@code S}/{@code M}
 * x y (start, move), {@code L} x y, {@code Q} x1 y1 x y (turned into a cubic), {@code B} x1 y1 x2 y2 x y, {@code A} rx ry
 * rotation large-arc sweep x y (an elliptical arc as SVG has it, turned into cubics of at most 90° each), {@code C} (close).
 * Null when the data is malformed (the path is then not drawn).
 */
final class PathData {
    private PathData() {
    }

    static List<Ofd.Segment> parse(String data) {
        String[] t = data.strip().split("\\s+");
        List<Ofd.Segment> out = new ArrayList<>();
        double cx = 0, cy = 0, sx = 0, sy = 0;
        int i = 0;
        try {
            while (i < t.length) {
                String op = t[i++];
                switch (op) {
                    case "S", "M" -> {
                        cx = num(t[i++]);
                        cy = num(t[i++]);
                        sx = cx;
                        sy = cy;
                        out.add(new Ofd.Segment('M', new double[]{cx, cy}));
                    }
                    case "L" -> {
                        cx = num(t[i++]);
                        cy = num(t[i++]);
                        out.add(new Ofd.Segment('L', new double[]{cx, cy}));
                    }
                    case "Q" -> {
                        double x1 = num(t[i++]), y1 = num(t[i++]), x = num(t[i++]), y = num(t[i++]);
                        out.add(new Ofd.Segment('C', new double[]{cx + 2.0 / 3 * (x1 - cx), cy + 2.0 / 3 * (y1 - cy),
                                x + 2.0 / 3 * (x1 - x), y + 2.0 / 3 * (y1 - y), x, y}));
                        cx = x;
                        cy = y;
                    }
                    case "B" -> {
                        double[] p = new double[6];
                        for (int k = 0; k < 6; k++) p[k] = num(t[i++]);
                        out.add(new Ofd.Segment('C', p));
                        cx = p[4];
                        cy = p[5];
                    }
                    case "A" -> {
                        double rx = num(t[i++]), ry = num(t[i++]), rot = num(t[i++]);
                        boolean large = num(t[i++]) != 0, sweep = num(t[i++]) != 0;
                        double x = num(t[i++]), y = num(t[i++]);
                        arc(out, cx, cy, rx, ry, rot, large, sweep, x, y);
                        cx = x;
                        cy = y;
                    }
                    case "C" -> {
                        out.add(new Ofd.Segment('Z', new double[0]));
                        cx = sx;
                        cy = sy;
                    }
                    default -> {
                        return null;
                    }
                }
            }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            return null;
        }
        if (!out.isEmpty() && out.get(0).op() != 'M') out.add(0, new Ofd.Segment('M', new double[]{0, 0}));
        return out;
    }

    private static double num(String s) {
        double v = Double.parseDouble(s);
        if (!Double.isFinite(v) || Math.abs(v) > 100_000) throw new NumberFormatException(s);
        return v;
    }

    /** The elliptical arc from (x0, y0) to (x, y) as cubic segments (the endpoint-to-centre conversion of SVG 1.1, F.6.5). */
    static void arc(List<Ofd.Segment> out, double x0, double y0, double rx, double ry, double rotDeg, boolean large, boolean sweep,
                    double x, double y) {
        if (x0 == x && y0 == y) return;
        rx = Math.abs(rx);
        ry = Math.abs(ry);
        if (rx == 0 || ry == 0) {
            out.add(new Ofd.Segment('L', new double[]{x, y}));
            return;
        }
        double phi = Math.toRadians(rotDeg), cos = Math.cos(phi), sin = Math.sin(phi);
        double dx = (x0 - x) / 2, dy = (y0 - y) / 2;
        double x1p = cos * dx + sin * dy, y1p = -sin * dx + cos * dy;
        double lambda = x1p * x1p / (rx * rx) + y1p * y1p / (ry * ry);
        if (lambda > 1) {
            double r = Math.sqrt(lambda);
            rx *= r;
            ry *= r;
        }
        double num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
        double den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
        double coef = Math.sqrt(Math.max(0, num / den)) * (large == sweep ? -1 : 1);
        double cxp = coef * rx * y1p / ry, cyp = -coef * ry * x1p / rx;
        double ccx = cos * cxp - sin * cyp + (x0 + x) / 2, ccy = sin * cxp + cos * cyp + (y0 + y) / 2;
        double th1 = angle(1, 0, (x1p - cxp) / rx, (y1p - cyp) / ry);
        double dth = angle((x1p - cxp) / rx, (y1p - cyp) / ry, (-x1p - cxp) / rx, (-y1p - cyp) / ry);
        if (!sweep && dth > 0) dth -= 2 * Math.PI;
        else if (sweep && dth < 0) dth += 2 * Math.PI;
        int n = Math.max(1, (int) Math.ceil(Math.abs(dth) / (Math.PI / 2) - 1e-9));
        double step = dth / n, k = 4.0 / 3 * Math.tan(step / 4);
        double a = th1;
        for (int s = 0; s < n; s++) {
            double b = a + step;
            double ca = Math.cos(a), sa = Math.sin(a), cb = Math.cos(b), sb = Math.sin(b);
            // on the unit circle, then scaled by the radii, rotated and moved to the centre
            double[] p = {ca - k * sa, sa + k * ca, cb + k * sb, sb - k * cb, cb, sb};
            double[] q = new double[6];
            for (int j = 0; j < 6; j += 2) {
                double ex = p[j] * rx, ey = p[j + 1] * ry;
                q[j] = cos * ex - sin * ey + ccx;
                q[j + 1] = sin * ex + cos * ey + ccy;
            }
            if (s == n - 1) {
                q[4] = x;
                q[5] = y;
            }
            out.add(new Ofd.Segment('C', q));
            a = b;
        }
    }

    private static double angle(double ux, double uy, double vx, double vy) {
        double a = Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
        return a;
    }
}
