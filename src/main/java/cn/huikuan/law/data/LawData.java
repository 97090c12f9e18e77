package cn.huikuan.law.data;

import cn.huikuan.law.HolidayCalendar;
import cn.huikuan.law.LprTable;
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
import java.util.Map;
import java.util.Set;

/**
 * Loads the legal data the app ships (holiday calendars 2007–2027, the LPR table) and the user's own
 * updates from {@code <data folder>/law/}: {@code holidays/YEAR.json} replaces a shipped year, rows of
 * {@code lpr.csv} are added to (and override) the shipped table. So a newly published calendar or LPR
 * month needs no new release.
 */
public final class LawData {
    public static final int FIRST_YEAR = 2007;
    public static final int LAST_SHIPPED_YEAR = 2027;
    private static final ObjectMapper JSON = new ObjectMapper();

    private LawData() {
    }

    /** The shipped data only (for the command line without a data folder, and tests). */
    public static HolidayCalendar holidays() {
        return holidays(null);
    }

    public static HolidayCalendar holidays(Path userDir) {
        Map<LocalDate, HolidayCalendar.Day> days = new HashMap<>();
        Set<Integer> covered = new HashSet<>();
        for (int year = FIRST_YEAR; year <= LAST_SHIPPED_YEAR + 5; year++) {
            JsonNode root = null;
            Path user = userDir == null ? null : userDir.resolve("holidays").resolve(year + ".json");
            try {
                if (user != null && Files.isRegularFile(user)) {
                    root = JSON.readTree(user.toFile());
                } else if (year <= LAST_SHIPPED_YEAR) {
                    try (InputStream in = LawData.class.getResourceAsStream("/cn/huikuan/law/holidays/" + year + ".json")) {
                        if (in != null) root = JSON.readTree(in);
                    }
                }
            } catch (IOException e) {
                throw new LawDataException("节假日数据无法读取 / holiday data unreadable: " + (user != null ? user : year + ".json"), e);
            }
            if (root == null) continue;
            JsonNode list = root.path("days");
            if (!list.isArray() || list.isEmpty()) continue;
            for (JsonNode d : list) {
                try {
                    LocalDate date = LocalDate.parse(d.path("date").asText());
                    if (date.getYear() != year && date.getYear() != year - 1 && date.getYear() != year + 1) {
                        throw new LawDataException("节假日数据 " + year + " 中的日期不属于该年：" + date, null);
                    }
                    days.put(date, new HolidayCalendar.Day(d.path("isOffDay").asBoolean(), d.path("name").asText()));
                } catch (DateTimeParseException e) {
                    throw new LawDataException("节假日数据 " + year + " 中有无效日期：" + d.path("date").asText(), e);
                }
            }
            covered.add(year);
        }
        return new HolidayCalendar(days, covered);
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

    public static cn.huikuan.law.BenchmarkTable benchmark() {
        java.util.List<cn.huikuan.law.BenchmarkTable.Row> rows = new ArrayList<>();
        try (InputStream in = LawData.class.getResourceAsStream("/cn/huikuan/law/pbc-benchmark.csv")) {
            if (in == null) throw new LawDataException("benchmark table missing from the application", null);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#") || l.startsWith("date")) continue;
                String[] p = l.split(",");
                rows.add(new cn.huikuan.law.BenchmarkTable.Row(LocalDate.parse(p[0]), new BigDecimal(p[1])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new cn.huikuan.law.BenchmarkTable(rows);
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
            Files.writeString(file, line, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
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
