package cn.huikuan.law.data;

import cn.huikuan.law.HolidayCalendar;
import cn.huikuan.law.LprTable;
import cn.huikuan.law.StatutoryHolidays;
import cn.huikuan.law.calendar.LunarJavaDates;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import cn.huikuan.law.BenchmarkTable;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.TreeSet;

/**
 * Loads the legal data the app ships (holiday calendars 2007–2027, the LPR table) and the user's own
 * updates from {@code <data folder>/law/}: {@code holidays/YEAR.json} replaces a shipped year, rows of
 * {@code lpr.csv} are added to (and override) the shipped table. So a newly published calendar or LPR
 * month needs no new release. A year without a published arrangement is counted with the statutory holidays,
 * whose lunar dates come from lunar-java ({@link LunarJavaDates}), made and loaded only when such a year's
 * holiday season is first counted.
 */
public final class LawData {
    public static final int FIRST_YEAR = 2007;
    public static final int LAST_SHIPPED_YEAR = 2027;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** One for the app: a year's lunar holidays are computed once. The lambda keeps lunar-java unloaded until then. */
    private static final StatutoryHolidays STATUTORY = new StatutoryHolidays(() -> new LunarJavaDates());

    private LawData() {
    }

    /** The shipped data only (for the command line without a data folder, and tests). */
    public static HolidayCalendar holidays() {
        return holidays(null);
    }

    public static HolidayCalendar holidays(Path userDir) {
        Map<LocalDate, HolidayCalendar.Day> days = new HashMap<>();
        Set<Integer> covered = new HashSet<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (int year = FIRST_YEAR; year <= LAST_SHIPPED_YEAR; year++) years.add(year);
        years.addAll(userYears(userDir));
        for (int year : years) {
            HolidayYear y = holidayYear(userDir, year);
            if (y.days().isEmpty()) continue;
            for (HolidayDay d : y.days()) days.put(d.date(), new HolidayCalendar.Day(d.off(), d.name()));
            covered.add(year);
        }
        return new HolidayCalendar(days, covered, STATUTORY);
    }

    /** Where a year's holiday arrangement comes from: the user's file, the app's, or none yet (not published). */
    public enum HolidaySource { USER, SHIPPED, NONE }

    /** A day of an arrangement: a holiday ({@code off}) or a make-up workday on a weekend. */
    public record HolidayDay(LocalDate date, String name, boolean off) {
    }

    /** A year's arrangement as stored; no days when it is not published (2027.json ships with {@code "days": []}). */
    public record HolidayYear(int year, HolidaySource source, List<HolidayDay> days) {
    }

    /** The years with a file in {@code <userDir>/holidays/}, from {@link #FIRST_YEAR} to {@link #LAST_YEAR}. */
    private static Set<Integer> userYears(Path userDir) {
        Set<Integer> years = new HashSet<>();
        Path dir = userDir == null ? null : userDir.resolve("holidays");
        if (dir == null || !Files.isDirectory(dir)) return years;
        try (var files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.matches("\\d{4}\\.json"))
                    .map(n -> Integer.parseInt(n.substring(0, 4))).filter(y -> y >= FIRST_YEAR && y <= LAST_YEAR).forEach(years::add);
        } catch (IOException e) {
            throw new LawDataException("节假日数据无法读取 / holiday data unreadable: " + dir, e);
        }
        return years;
    }

    /** The last year a user's arrangement is read for. */
    public static final int LAST_YEAR = 2100;

    /** One year's arrangement: the user's file if there is one, else the app's, else none. */
    public static HolidayYear holidayYear(Path userDir, int year) {
        JsonNode root = null;
        HolidaySource source = HolidaySource.NONE;
        Path user = userDir == null ? null : userDir.resolve("holidays").resolve(year + ".json");
        try {
            if (user != null && Files.isRegularFile(user)) {
                root = JSON.readTree(user.toFile());
                source = HolidaySource.USER;
            } else if (year >= FIRST_YEAR && year <= LAST_SHIPPED_YEAR) {
                try (InputStream in = LawData.class.getResourceAsStream("/cn/huikuan/law/holidays/" + year + ".json")) {
                    if (in != null) {
                        root = JSON.readTree(in);
                        source = HolidaySource.SHIPPED;
                    }
                }
            }
        } catch (IOException e) {
            throw new LawDataException("节假日数据无法读取 / holiday data unreadable: " + (user != null ? user : year + ".json"), e);
        }
        List<HolidayDay> list = new ArrayList<>();
        JsonNode days = root == null ? null : root.path("days");
        if (days != null && days.isArray()) {
            for (JsonNode d : days) {
                try {
                    LocalDate date = LocalDate.parse(d.path("date").asText());
                    if (Math.abs(date.getYear() - year) > 1) {
                        throw new LawDataException("节假日数据 " + year + " 中的日期不属于该年：" + date, null);
                    }
                    list.add(new HolidayDay(date, d.path("name").asText(), d.path("isOffDay").asBoolean()));
                } catch (DateTimeParseException e) {
                    throw new LawDataException("节假日数据 " + year + " 中有无效日期：" + d.path("date").asText(), e);
                }
            }
        }
        list.sort(Comparator.comparing(HolidayDay::date));
        return new HolidayYear(year, list.isEmpty() && source == HolidaySource.SHIPPED ? HolidaySource.NONE : source, List.copyOf(list));
    }

    /**
     * Writes a year's arrangement to {@code <userDir>/holidays/YEAR.json} in the holiday-cn format (replacing the app's
     * for that year), after checking it: dates in the year or next to it (as the loader accepts), each once, a name
     * of at most 20 characters, make-up workdays on a Saturday or Sunday. Written whole, then moved into place.
     */
    public static void saveHolidays(Path userDir, int year, List<HolidayDay> days) {
        if (year < FIRST_YEAR || year > LAST_YEAR) throw new LawDataException("年份应在 " + FIRST_YEAR + "–" + LAST_YEAR + " 之间 / year out of range: " + year, null);
        if (days.isEmpty()) throw new LawDataException("请至少添加一天 / add at least one day", null);
        Set<LocalDate> seen = new HashSet<>();
        List<HolidayDay> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(HolidayDay::date));
        ObjectNode root = JSON.createObjectNode();
        root.put("year", year);
        root.putArray("papers");
        ArrayNode list = root.putArray("days");
        for (HolidayDay d : sorted) {
            if (Math.abs(d.date().getYear() - year) > 1) throw new LawDataException("日期不属于 " + year + " 年 / not in " + year + ": " + d.date(), null);
            if (!seen.add(d.date())) throw new LawDataException("日期重复 / listed twice: " + d.date(), null);
            String name = d.name() == null ? "" : d.name().strip();
            if (name.isEmpty() || name.length() > 20) throw new LawDataException("节日名称应为 1–20 个字 / a name of 1–20 characters: " + d.date(), null);
            DayOfWeek w = d.date().getDayOfWeek();
            if (!d.off() && w != DayOfWeek.SATURDAY && w != DayOfWeek.SUNDAY) {
                throw new LawDataException("调休上班日应为周六或周日 / a make-up workday falls on a weekend: " + d.date(), null);
            }
            ObjectNode o = list.addObject();
            o.put("name", name);
            o.put("date", d.date().toString());
            o.put("isOffDay", d.off());
        }
        try {
            Path dir = Files.createDirectories(userDir.resolve("holidays"));
            Path tmp = Files.createTempFile(dir, year + "-", ".json.tmp");
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, dir.resolve(year + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new LawDataException("无法保存节假日安排 / cannot save the holidays: " + e.getMessage(), e);
        }
    }

    /** The statutory holidays (全国年节及纪念日放假办法 §2) the calendars count for years without an arrangement. */
    public static StatutoryHolidays statutoryHolidays() {
        return STATUTORY;
    }

    public static LprTable lpr() {
        return lpr(null);
    }

    public static LprTable lpr(Path userDir) {
        Map<LocalDate, LprTable.Row> rows = new LinkedHashMap<>();
        try (InputStream in = LawData.class.getResourceAsStream("/cn/huikuan/law/lpr.csv")) {
            if (in == null) throw new LawDataException("LPR table missing from the application", null);
            parseLpr(new String(in.readAllBytes(), StandardCharsets.UTF_8), "lpr.csv", rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path user = userDir == null ? null : userDir.resolve("lpr.csv");
        if (user != null && Files.isRegularFile(user)) {
            try {
                parseLpr(Files.readString(user, StandardCharsets.UTF_8), user.toString(), rows);
            } catch (IOException e) {
                throw new LawDataException("LPR 数据无法读取 / LPR data unreadable: " + user, e);
            }
        }
        return new LprTable(new ArrayList<>(rows.values()));
    }

    public static BenchmarkTable benchmark() {
        List<BenchmarkTable.Row> rows = new ArrayList<>();
        try (InputStream in = LawData.class.getResourceAsStream("/cn/huikuan/law/pbc-benchmark.csv")) {
            if (in == null) throw new LawDataException("benchmark table missing from the application", null);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("date")) continue;
                String[] p = l.split(",");
                rows.add(new BenchmarkTable.Row(LocalDate.parse(p[0]), new BigDecimal(p[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchmarkTable(rows);
    }

    /** Appends one month to the user's LPR file (creating it), after checking it. */
    public static void addLpr(Path userDir, LprTable.Row row) {
        if (row.oneYear().signum() <= 0 || row.oneYear().compareTo(BigDecimal.TEN) > 0
                || row.fiveYear().signum() <= 0 || row.fiveYear().compareTo(BigDecimal.TEN) > 0) {
            throw new LawDataException("LPR 应在 0–10% 之间 / an LPR must be between 0 and 10%", null);
        }
        try {
            Files.createDirectories(userDir);
            Path file = userDir.resolve("lpr.csv");
            String line = row.published() + "," + row.oneYear().toPlainString() + "," + row.fiveYear().toPlainString() + "\n";
            if (!Files.exists(file)) line = "date,one_year,five_year_plus\n" + line;
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new LawDataException("无法保存 LPR / cannot save the LPR: " + e.getMessage(), e);
        }
    }

    private static void parseLpr(String text, String source, Map<LocalDate, LprTable.Row> rows) {
        int n = 0;
        for (String line : text.split("\\R")) {
            n++;
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#") || l.startsWith("date")) continue;
            String[] p = l.split(",");
            try {
                if (p.length != 3) throw new IllegalArgumentException();
                LocalDate d = LocalDate.parse(p[0].strip());
                rows.put(d, new LprTable.Row(d, new BigDecimal(p[1].strip()), new BigDecimal(p[2].strip())));
            } catch (RuntimeException e) {
                throw new LawDataException("LPR 数据第 " + n + " 行格式不对（应为 日期,一年期,五年期以上）：" + source, e);
            }
        }
    }

    /** Shipped or user data that cannot be used; the message says which file and line. */
    public static final class LawDataException extends RuntimeException {
        public LawDataException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
