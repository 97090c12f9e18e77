package cn.huikuan.cli;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options and {@code --flag}s of one command, checked against what it accepts: the parser of the
 * commands that parse their own arguments (the tools in cn.huikuan.tools; the product's commands are picocli commands
 * since issue 25, see Cli). Its value checks ({@link #date}, {@link #amount}, {@link #rate}, {@link #integer}) are shared
 * by the picocli commands and the claim file, so a bad value reads the same everywhere.
 */
public final class Args {
    private final Map<String, List<String>> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    public Args(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) throw new Cli.UsageException("unexpected argument / 多余的参数: " + a);
            String name = a.substring(2);
            String inline = null;
            int eq = name.indexOf('=');
            if (eq > 0) {
                inline = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (flagOptions.contains(name) && inline == null) {
                flags.add(name);
            } else if (valueOptions.contains(name)) {
                String v = inline;
                if (v == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new Cli.UsageException("--" + name + " needs a value / 缺少取值");
                    }
                    v = args[++i];
                }
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
            } else {
                throw new Cli.UsageException("unknown option / 未知选项: --" + name);
            }
        }
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public String required(String name) {
        List<String> v = values.get(name);
        if (v == null) throw new Cli.UsageException("--" + name + " is required / 必须提供 --" + name);
        if (v.size() > 1) throw new Cli.UsageException("--" + name + " given twice / 重复给出 --" + name);
        return v.get(0);
    }

    public String optional(String name) {
        List<String> v = values.get(name);
        return v == null ? null : v.get(v.size() - 1);
    }

    public List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    public static LocalDate date(String name, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Cli.UsageException(named(name) + ": not a date (use YYYY-MM-DD) / 日期格式应为 YYYY-MM-DD: " + text);
        }
    }

    /**
     * How a value's source is named in a message: {@code --name} for an option; a claim file's field comes already
     * quoted ({@code "payments[0].amount"}), never as an option that does not exist (issue 19).
     */
    public static String named(String name) {
        return name.startsWith("\"") ? name : "--" + name;
    }

    public static BigDecimal amount(String name, String text) {
        String n = named(name);
        BigDecimal v;
        try {
            v = new BigDecimal(text.replace(",", ""));
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(n + ": not an amount / 不是金额: " + text);
        }
        if (v.signum() <= 0) throw new Cli.UsageException(n + " must be more than 0 / 必须大于 0: " + text);
        if (v.stripTrailingZeros().scale() > 2) throw new Cli.UsageException(n + ": at most 2 decimals / 最多两位小数: " + text);
        if (v.compareTo(new BigDecimal("10000000000")) > 0) throw new Cli.UsageException(n + ": too large / 金额过大: " + text);
        return v;
    }

    public static BigDecimal rate(String name, String text) {
        return rate(name, text, "% a year", "年利率 %");
    }

    /** A percentage from 0 to 1000 in the unit given ("% a year", "% a day", …), named in both languages. */
    public static BigDecimal rate(String name, String text, String unitEn, String unitZh) {
        String n = named(name);
        BigDecimal v;
        try {
            v = new BigDecimal(text.replace("%", ""));
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(n + ": not a number / 不是数字: " + text);
        }
        if (v.signum() < 0 || v.compareTo(new BigDecimal("1000")) > 0) {
            throw new Cli.UsageException(n + " must be between 0 and 1000 (" + unitEn + ") / 应在 0 到 1000 之间（" + unitZh + "）: " + text);
        }
        return v;
    }

    public static int integer(String name, String text, int min, int max) {
        try {
            int v = Integer.parseInt(text);
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw new Cli.UsageException("--" + name + " must be a whole number from " + min + " to " + max + " / 应为 " + min + "–" + max
                    + " 的整数: " + text);
        }
    }
}
