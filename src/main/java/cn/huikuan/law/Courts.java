package cn.huikuan.law;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The basic-level people's court (基层人民法院) of an address, named from the administrative divisions of GB/T 2260
 * (shipped as {@code law/divisions/*.csv}, see the README there): each county-level division (市辖区, 县, 县级市, 旗 …)
 * has one basic-level court, named after it: 「浙江省杭州市西湖区…」 → 「杭州市西湖区人民法院」 (a district takes its city's name,
 * since district names repeat across cities), 「浙江省淳安县…」 → 「浙江省淳安县人民法院」.
 * <p>
 * Where the data cannot say, the answer says so instead of guessing: an address that names no county-level division,
 * or one that several divisions fit; a city without districts (东莞, 中山, 儋州, 嘉峪关), which has several basic-level
 * courts dividing the city by area; and a development or functional zone of the statistics codes (开发区, 新区 …: its
 * code's fifth and sixth digits are 70 or more), which has no court of its own unless one was set up for it. Specialised
 * courts (互联网法院, 金融法院, 铁路运输法院) and courts given centralised jurisdiction over some cases are outside these data:
 * every answer carries that warning.
 */
public final class Courts {
    /** A county-level division: its code, name, and its city and province. */
    public record Division(String code, String name, String city, String province) {
        /** A district of a city (as opposed to a county or county-level city). */
        boolean isDistrict() {
            return name.endsWith("区") && !isFunctionalZone();
        }

        /** The statistics codes' development zones and the like (fifth and sixth digits 70–99). */
        boolean isFunctionalZone() {
            return Integer.parseInt(code.substring(4, 6)) >= 70;
        }

        boolean isDirectCity() {
            return province.equals("北京市") || province.equals("天津市") || province.equals("上海市") || province.equals("重庆市");
        }
    }

    /** What was found for an address. {@code court} is null when the data cannot name one; {@code note} says why or what to check. */
    public record Found(Division division, String court, String note) {
        public boolean named() {
            return court != null;
        }
    }

    /** Checked against every answer: the data know the divisions, not the specialised courts or centralised jurisdiction. */
    public static final String SPECIALISED = "若当地设有集中管辖或专门法院（如互联网法院、金融法院、铁路运输法院），以法院公告为准";

    private static volatile Courts shipped;

    private final Map<String, String> provinces = new HashMap<>();   // code -> name
    private final Map<String, String[]> cities = new HashMap<>();    // code -> {name, provinceCode}
    private final List<Division> divisions = new ArrayList<>();

    private Courts(InputStream provinceCsv, InputStream cityCsv, InputStream areaCsv) throws IOException {
        for (String[] r : rows(provinceCsv)) provinces.put(r[0], r[1]);
        for (String[] r : rows(cityCsv)) cities.put(r[0], new String[]{r[1], r[2]});
        for (String[] r : rows(areaCsv)) {
            String[] city = cities.get(r[2]);
            String province = provinces.get(r[3]);
            if (city == null || province == null || r[0].length() != 6) continue;
            divisions.add(new Division(r[0], r[1], city[0], province));
        }
    }

    /** The shipped data. */
    public static Courts shipped() {
        Courts c = shipped;
        if (c == null) {
            synchronized (Courts.class) {
                if (shipped == null) {
                    try (InputStream p = open("provinces.csv"); InputStream ci = open("cities.csv"); InputStream a = open("areas.csv")) {
                        shipped = new Courts(p, ci, a);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                c = shipped;
            }
        }
        return c;
    }

    private static InputStream open(String name) throws IOException {
        InputStream in = Courts.class.getResourceAsStream("/cn/huikuan/law/divisions/" + name);
        if (in == null) throw new IOException("missing /cn/huikuan/law/divisions/" + name);
        return in;
    }

    private static List<String[]> rows(InputStream in) throws IOException {
        List<String[]> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line = r.readLine(); // header
        while ((line = r.readLine()) != null) {
            if (line.isBlank()) continue;
            String[] cells = line.split(",");
            for (int i = 0; i < cells.length; i++) cells[i] = cells[i].replace("\"", "").strip();
            out.add(cells);
        }
        return out;
    }

    /** Short forms a writer uses: 浙江 for 浙江省, 广西 for 广西壮族自治区, 杭州 for 杭州市. */
    static String shortName(String name) {
        String n = name;
        for (String suffix : new String[]{"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "盟", "省", "市"}) {
            if (n.endsWith(suffix) && n.length() > suffix.length() + 1) {
                n = n.substring(0, n.length() - suffix.length());
                break;
            }
        }
        return n;
    }

    /**
     * The basic-level court of the county-level division {@code address} lies in, or why none can be named. An
     * address is matched by its province (if it names one), then its city (if it names one), then the division: the
     * full name of the division must appear after the city's name (or anywhere, when no city is named and only one
     * division fits).
     */
    public Found forAddress(String address) {
        if (address == null || address.isBlank()) return new Found(null, null, "地址为空：无法确定法院");
        String a = address.replaceAll("\\s+", "");
        String province = null;
        for (String p : provinces.values()) {
            if (a.startsWith(p) || a.startsWith(shortName(p))) {
                province = p;
                break;
            }
        }
        String p0 = province;
        List<String[]> cityCandidates = new ArrayList<>();     // {city name, index after it}
        for (String[] c : cities.values()) {
            if (p0 != null && !provinces.get(c[1]).equals(p0)) continue;
            String name = c[0];
            if (name.equals("市辖区") || name.equals("县") || name.contains("直辖")) continue;
            int at = a.indexOf(name);
            int len = name.length();
            if (at < 0 && shortName(name).length() >= 2) {
                at = a.indexOf(shortName(name));
                len = shortName(name).length();
            }
            if (at >= 0 && at <= 12) cityCandidates.add(new String[]{name, String.valueOf(at + len)});
        }
        List<Division> fits = new ArrayList<>();
        for (Division d : divisions) {
            if (p0 != null && !d.province().equals(p0)) continue;
            int from = 0;
            if (!cityCandidates.isEmpty()) {
                String[] city = cityCandidates.stream().filter(c -> c[0].equals(d.city())).findFirst().orElse(null);
                if (city == null) {
                    // a direct-administered city's districts ("北京市东城区") or a province's own county-level divisions
                    if (!d.city().equals("市辖区") && !d.city().contains("直辖")) continue;
                } else {
                    from = Integer.parseInt(city[1]);
                }
            }
            if (d.name().equals(d.city()) && from > 0) { // a city without districts: its own name stands for the division
                fits.add(d);
                continue;
            }
            int at = a.indexOf(d.name(), from);
            if (at >= 0 && at <= from + 12) fits.add(d);
        }
        // a division named inside a longer one's name ("西湖区" in "东西湖区") is not a second fit
        List<Division> distinct = fits.stream().filter(d -> fits.stream().noneMatch(o -> o != d && o.name().length() > d.name().length()
                && o.name().endsWith(d.name()) && a.contains(o.name()))).toList();
        if (distinct.isEmpty()) return new Found(null, null, "地址中没有可识别的区、县（县级市）：请核对地址，或自行填写法院");
        if (distinct.size() > 1) {
            return new Found(null, null, "地址可能属于多个区县（" + String.join("、", distinct.stream().map(d -> cityOf(d) + d.name()).toList())
                    + "）：请补全省、市名称，或自行填写法院");
        }
        Division d = distinct.get(0);
        if (d.name().equals(d.city())) {
            return new Found(d, null, d.city() + "不设区县，由数个基层人民法院按辖区分别管辖（如" + d.city() + "第一人民法院）：请查明地址所属的法院");
        }
        if (d.isFunctionalZone()) {
            return new Found(d, null, d.name() + "是开发区等功能区，一般由其所在行政区的法院或为其设立的法院管辖：请查明后填写");
        }
        return new Found(d, courtName(d), SPECIALISED);
    }

    private static String cityOf(Division d) {
        return d.city().equals("市辖区") || d.city().contains("直辖") ? d.province() : d.city();
    }

    /** 「杭州市西湖区人民法院」, 「北京市东城区人民法院」, 「浙江省淳安县人民法院」. */
    static String courtName(Division d) {
        if (d.isDirectCity()) return d.province() + d.name() + "人民法院";
        if (d.isDistrict() && !d.city().equals("市辖区") && !d.city().contains("直辖")) return d.city() + d.name() + "人民法院";
        return d.province() + d.name() + "人民法院";
    }

    /**
     * Whether {@code court} names a basic-level people's court (民事诉讼法 §18): not an intermediate, high or supreme court,
     * not a specialised intermediate-level court, not an arbitration body. A 支付令 may be sought only from one (§225).
     */
    public static boolean isBasicLevel(String court) {
        if (court == null || court.isBlank()) return false;
        String c = court.strip();
        if (c.contains("仲裁")) return false;
        if (c.contains("中级人民法院") || c.contains("高级人民法院") || c.contains("最高人民法院")) return false;
        if (c.contains("知识产权法院") || c.contains("金融法院") || c.contains("海事法院")) return false;
        return c.endsWith("法院") || c.endsWith("法庭");
    }
}
