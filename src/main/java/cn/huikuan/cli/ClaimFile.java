package cn.huikuan.cli;

import cn.huikuan.law.ClaimInput;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the claim file of {@code calc claim} (format: docs/claim-file.md); every problem is one clear sentence. */
final class ClaimFile {
    private static final Set<String> FIELDS = Set.of("kind", "contractDate", "interestFrom", "principal", "due", "schedule", "interestRate",
            "overdueRate", "penalty", "costs", "payments", "dayCount", "allocation", "saleMarkup");
    private static final long MAX_BYTES = 5 * 1024 * 1024;
    /** A claim file is three levels deep (the object, a list, an entry); more than this is not a claim file. */
    static final int MAX_DEPTH = 20;
    /** Longest text (a cost's description, a date, a kind): a claim file's texts are short, and each one ends up in the ledger. */
    static final int MAX_TEXT = 1000;
    /**
     * Digits a number may have: an amount is at most 10,000,000,000.00 and a rate at most 1,000 with a few decimals.
     * Checked before a number is written out in full, which for 1e999999999 is a billion digits.
     */
    static final int MAX_DIGITS = 30;
    private static final String TOO_MANY_DIGITS = "claim file: a number with too many digits (at most " + MAX_DIGITS + ") / 数字位数过多（最多 "
            + MAX_DIGITS + " 位）";

    /**
     * The reader, with Jackson's limits on nesting, number length and field names lowered to what a claim file can
     * need, so that a hostile file stops it early. (Texts are measured by {@link #str}: Jackson's limit on them also
     * fires on a long field name, and then points at the field before it.) Duplicate fields are refused (which of
     * two "principal"s was meant?), so is anything after the object; decimals are read exactly, never through a
     * double (1e-999999999 is not 0).
     */
    private static final ObjectMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).maxNumberLength(MAX_DIGITS + 10)
                            .maxNameLength(MAX_TEXT).build())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private ClaimFile() {
    }

    static ClaimInput read(Path file) {
        if (!Files.isRegularFile(file)) throw new Cli.UsageException("claim file not found / 找不到文件: " + file);
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) throw new Cli.UsageException("claim file larger than 5 MB / 文件过大: " + file);
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new Cli.UsageException("claim file is not UTF-8 text / 文件不是 UTF-8 编码的文本: " + file);
        } catch (IOException e) {
            throw new Cli.UsageException("claim file unreadable / 无法读取: " + file);
        }
        // Windows Notepad starts a UTF-8 file with a byte order mark; it is not part of the JSON
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        JsonNode root = parse(text, file);
        if (root == null || !root.isObject()) throw new Cli.UsageException("claim file must hold one JSON object / 应为一个 JSON 对象");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new Cli.UsageException("unknown field / 未知字段: " + shown(f) + " (see docs/claim-file.md)");
        }
        ClaimInput.Kind kind = switch (str(root, "", "kind", true)) {
            case "sale" -> ClaimInput.Kind.SALE;
            case "private-loan" -> ClaimInput.Kind.PRIVATE_LOAN;
            case "service" -> ClaimInput.Kind.SERVICE;
            case "other" -> ClaimInput.Kind.OTHER;
            default -> throw new Cli.UsageException("kind must be sale, private-loan, service or other / kind 取值不对: "
                    + shown(root.get("kind").asText()));
        };
        LocalDate contract = date(root, "", "contractDate", true);
        BigDecimal principal = amount(root, "", "principal", true);
        List<ClaimInput.Due> schedule = new ArrayList<>();
        if (root.has("due") == root.has("schedule")) {
            throw new Cli.UsageException("give either \"due\" (one date) or \"schedule\" (instalments) / 请给出 due 或 schedule 之一");
        }
        if (root.has("due")) {
            schedule.add(new ClaimInput.Due(date(root, "", "due", true), principal));
        } else {
            List<JsonNode> list = array(root, "schedule");
            for (int k = 0; k < list.size(); k++) {
                String at = "schedule[" + k + "].";
                schedule.add(new ClaimInput.Due(date(list.get(k), at, "due", true), amount(list.get(k), at, "amount", true)));
            }
        }
        ClaimInput.PenaltyKind pk = ClaimInput.PenaltyKind.NONE;
        BigDecimal pv = null;
        if (root.has("penalty") && !root.get("penalty").isNull()) {
            JsonNode p = root.get("penalty");
            pk = switch (str(p, "penalty.", "kind", true)) {
                case "daily-rate" -> ClaimInput.PenaltyKind.DAILY_RATE;
                case "percentage" -> ClaimInput.PenaltyKind.PERCENTAGE;
                case "fixed" -> ClaimInput.PenaltyKind.FIXED;
                case "none" -> ClaimInput.PenaltyKind.NONE;
                default -> throw new Cli.UsageException("penalty.kind must be daily-rate, percentage, fixed or none / 违约金种类不对");
            };
            // the value's unit follows the kind: yuan once, % of the amount overdue a day, or % of the amount overdue
            if (pk == ClaimInput.PenaltyKind.FIXED) pv = amount(p, "penalty.", "value", true);
            else if (pk == ClaimInput.PenaltyKind.DAILY_RATE) pv = rate(p, "penalty.", "value", true, "% of the amount overdue a day", "每日按逾期金额的 %");
            else if (pk == ClaimInput.PenaltyKind.PERCENTAGE) pv = rate(p, "penalty.", "value", true, "% of the amount overdue", "逾期金额的 %");
        }
        List<ClaimInput.Cost> costs = new ArrayList<>();
        List<JsonNode> costList = array(root, "costs");
        for (int k = 0; k < costList.size(); k++) {
            JsonNode n = costList.get(k);
            String at = "costs[" + k + "].";
            costs.add(new ClaimInput.Cost(date(n, at, "date", true), amount(n, at, "amount", true), str(n, at, "text", false)));
        }
        List<ClaimInput.Paid> paid = new ArrayList<>();
        List<JsonNode> paidList = array(root, "payments");
        for (int k = 0; k < paidList.size(); k++) {
            String at = "payments[" + k + "].";
            paid.add(new ClaimInput.Paid(date(paidList.get(k), at, "date", true), amount(paidList.get(k), at, "amount", true)));
        }
        int dayCount = dayCount(root);
        ClaimInput.Allocation alloc = switch (root.has("allocation") ? root.get("allocation").asText().toLowerCase(Locale.ROOT) : "statutory") {
            case "statutory" -> ClaimInput.Allocation.STATUTORY;
            case "principal-first" -> ClaimInput.Allocation.PRINCIPAL_FIRST;
            default -> throw new Cli.UsageException("allocation must be statutory or principal-first / 抵充顺序取值不对");
        };
        BigDecimal markup = rate(root, "", "saleMarkup", false, "a multiple of the LPR", "LPR 的倍数");
        crossCheck(root, contract, principal, schedule, paid, costs, markup);
        try {
            return new ClaimInput(kind, contract, date(root, "", "interestFrom", false), principal, schedule, rate(root, "", "interestRate", false),
                    rate(root, "", "overdueRate", false), pk, pv, costs, paid, dayCount, alloc, markup, false);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("claim file / 欠款计算文件: " + e.getMessage());
        }
    }

    /**
     * The rules that tie one field to another, each named by the field of the file that breaks it (issue 19); the
     * domain checks them again, in words that know nothing of the file.
     */
    private static void crossCheck(JsonNode root, LocalDate contract, BigDecimal principal, List<ClaimInput.Due> schedule,
                                   List<ClaimInput.Paid> paid, List<ClaimInput.Cost> costs, BigDecimal markup) {
        BigDecimal sum = schedule.stream().map(ClaimInput.Due::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(principal) != 0) {
            throw new Cli.UsageException("\"schedule\": the amounts add up to " + sum.toPlainString() + ", not the principal " + principal.toPlainString()
                    + " / 各期金额合计 " + sum.toPlainString() + "，与本金 " + principal.toPlainString() + " 不符");
        }
        for (int k = 0; k < schedule.size(); k++) {
            if (schedule.get(k).date().isBefore(contract)) {
                String f = root.has("due") ? "due" : "schedule[" + k + "].due";
                throw new Cli.UsageException("\"" + f + "\" is before the contractDate " + contract + " / 到期日早于合同日期 " + contract + ": " + schedule.get(k).date());
            }
        }
        for (int k = 0; k < paid.size(); k++) {
            if (paid.get(k).date().isBefore(contract)) {
                throw new Cli.UsageException("\"payments[" + k + "].date\" is before the contractDate " + contract + " / 还款日期早于合同日期 "
                        + contract + ": " + paid.get(k).date());
            }
        }
        for (int k = 0; k < costs.size(); k++) {
            if (costs.get(k).date().isBefore(contract)) {
                throw new Cli.UsageException("\"costs[" + k + "].date\" is before the contractDate " + contract + " / 费用日期早于合同日期 "
                        + contract + ": " + costs.get(k).date());
            }
        }
        if (markup != null && (markup.compareTo(new BigDecimal("1.3")) < 0 || markup.compareTo(new BigDecimal("1.5")) > 0)) {
            throw new Cli.UsageException("\"saleMarkup\" must be from 1.3 to 1.5 (LPR plus 30–50 %, 买卖合同解释 §18) / 应在 1.3 到 1.5 之间: "
                    + markup.toPlainString());
        }
    }

    /**
     * The JSON of a claim file. What goes beyond the reader's limits is named for what it is and where, never as
     * the reader's exception: Jackson's {@link StreamConstraintsException} has no location to report.
     */
    private static JsonNode parse(String text, Path file) {
        JsonParser p = null;
        try {
            p = JSON.createParser(text);
            return JSON.readTree(p);
        } catch (StreamConstraintsException e) {
            String at = p == null ? "" : at(path(p.getParsingContext()));
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (m.startsWith("Document nesting depth")) {
                throw new Cli.UsageException("claim file nested too deeply (more than " + MAX_DEPTH + " levels) / 嵌套过深（超过 " + MAX_DEPTH + " 层）" + at);
            }
            if (m.startsWith("Number value length")) throw new Cli.UsageException(TOO_MANY_DIGITS + at);
            if (m.startsWith("Name length")) {
                throw new Cli.UsageException("claim file: a field name longer than " + MAX_TEXT + " characters / 字段名超过 " + MAX_TEXT + " 字");
            }
            throw new Cli.UsageException("claim file goes beyond what a claim file can hold / 文件超出允许的范围: " + file);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            if (m.startsWith("Duplicate field") && p != null) {
                throw new Cli.UsageException("claim file: a field given twice / 字段重复" + at(path(p.getParsingContext())));
            }
            if (m.startsWith("Trailing token")) {
                throw new Cli.UsageException("claim file holds more after its JSON object / JSON 对象之后还有其他内容: " + file);
            }
            String line = e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : "（第 " + e.getLocation().getLineNr() + " 行）";
            throw new Cli.UsageException("claim file is not valid JSON / 不是有效的 JSON" + line + ": " + file);
        } catch (IOException e) {
            throw new Cli.UsageException("claim file unreadable / 无法读取: " + file);
        } finally {
            try {
                if (p != null) p.close();
            } catch (IOException ignored) {
                // a parser over a string holds nothing to release
            }
        }
    }

    /** Where the reader is, as a claim file's reader would write it: {@code payments[3].amount}. */
    private static String path(JsonStreamContext c) {
        Deque<String> parts = new ArrayDeque<>();
        for (; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
            else if (c.getCurrentName() != null) parts.push("." + c.getCurrentName());
        }
        String s = String.join("", parts);
        return s.startsWith(".") ? s.substring(1) : s;
    }

    /** ": where" after a message, or nothing when the problem is not inside a field. */
    private static String at(String path) {
        return path.isEmpty() ? "" : ": " + shown(path);
    }

    /** A value from the file as a message shows it: never more than a line's worth of a hostile file. */
    static String shown(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    private static List<JsonNode> array(JsonNode n, String field) {
        if (!n.has(field) || n.get(field).isNull()) return List.of();
        if (!n.get(field).isArray()) throw new Cli.UsageException("\"" + field + "\" must be a list / 应为数组");
        if (n.get(field).size() > 10_000) throw new Cli.UsageException("\"" + field + "\" has too many entries / 条目过多");
        List<JsonNode> list = new ArrayList<>();
        n.get(field).forEach(list::add);
        return list;
    }

    private static String str(JsonNode n, String where, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new Cli.UsageException("\"" + where + field + "\" is required / 缺少字段 " + where + field);
            return null;
        }
        if (!v.isTextual()) throw new Cli.UsageException("\"" + where + field + "\" must be text / 应为文本");
        if (v.asText().length() > MAX_TEXT) {
            throw new Cli.UsageException("claim file: a text longer than " + MAX_TEXT + " characters / 文字超过 " + MAX_TEXT + " 字: " + where + field);
        }
        return v.asText();
    }

    private static LocalDate date(JsonNode n, String where, String field, boolean required) {
        String s = str(n, where, field, required);
        if (s == null) return null;
        try {
            // YYYY-MM-DD as documented: LocalDate alone would take "+999999999-12-31" too
            if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) throw new DateTimeParseException("not YYYY-MM-DD", s, 0);
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new Cli.UsageException("\"" + where + field + "\": not a date (YYYY-MM-DD) / 日期格式不对: " + shown(s));
        }
    }

    /**
     * A number as written (a JSON number or a text), checked for size before anything writes it out in full
     * (1e999999999 is a billion digits when printed plainly, 1e-2147483647 more than Java can print).
     */
    private static BigDecimal number(JsonNode n, String where, String field, boolean required) {
        JsonNode v = n.get(field);
        String name = "\"" + where + field + "\"";
        if (v == null || v.isNull()) {
            if (required) throw new Cli.UsageException(name + " is required / 缺少字段 " + where + field);
            return null;
        }
        String text = v.isNumber() ? null : v.asText().replace(",", "");
        if (text != null && text.length() > MAX_DIGITS + 10) throw new Cli.UsageException(TOO_MANY_DIGITS + at(where + field));
        BigDecimal d;
        try {
            d = text == null ? v.decimalValue() : new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(name + ": not a number / 不是数字: " + shown(v.asText()));
        }
        BigDecimal s = d.stripTrailingZeros();
        // digits before the decimal point; in long, precision minus scale cannot overflow
        long whole = (long) s.precision() - s.scale();
        if (whole > MAX_DIGITS) throw new Cli.UsageException("claim file: a number too large / 数字过大" + at(where + field));
        if (s.precision() > MAX_DIGITS || s.scale() > MAX_DIGITS) throw new Cli.UsageException(TOO_MANY_DIGITS + at(where + field));
        return d;
    }

    private static BigDecimal amount(JsonNode n, String where, String field, boolean required) {
        BigDecimal v = number(n, where, field, required);
        return v == null ? null : Args.amount("\"" + where + field + "\"", v.toPlainString());
    }

    private static BigDecimal rate(JsonNode n, String where, String field, boolean required) {
        return rate(n, where, field, required, "% a year", "年利率 %");
    }

    private static BigDecimal rate(JsonNode n, String where, String field, boolean required, String unitEn, String unitZh) {
        BigDecimal v = number(n, where, field, required);
        return v == null ? null : Args.rate("\"" + where + field + "\"", v.toPlainString(), unitEn, unitZh);
    }

    /** 365 or 360, as a number or a text; never the low 32 bits of a larger number, nor 365.7 cut to 365. */
    private static int dayCount(JsonNode root) {
        BigDecimal v = number(root, "", "dayCount", false);
        if (v == null) return 365;
        if (v.compareTo(BigDecimal.valueOf(365)) == 0) return 365;
        if (v.compareTo(BigDecimal.valueOf(360)) == 0) return 360;
        throw new Cli.UsageException("\"dayCount\" must be 365 or 360 / 计息天数应为 365 或 360: " + shown(root.get("dayCount").asText()));
    }
}
