package cn.huikuan.cli;

import cn.huikuan.law.ClaimInput;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads the claim file of {@code calc claim} (format: docs/claim-file.md); every problem is one clear sentence. */
final class ClaimFile {
    private static final Set<String> FIELDS = Set.of("kind", "contractDate", "interestFrom", "principal", "due", "schedule", "interestRate",
            "overdueRate", "penalty", "costs", "payments", "dayCount", "allocation", "saleMarkup");
    private static final long MAX_BYTES = 5 * 1024 * 1024;

    private ClaimFile() {
    }

    static ClaimInput read(Path file) {
        if (!Files.isRegularFile(file)) throw new Cli.UsageException("claim file not found / 找不到文件: " + file);
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) throw new Cli.UsageException("claim file larger than 5 MB / 文件过大: " + file);
            text = Files.readString(file);
        } catch (IOException e) {
            throw new Cli.UsageException("claim file unreadable / 无法读取: " + file);
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new Cli.UsageException("claim file is not valid JSON / 不是有效的 JSON（第 " + e.getLocation().getLineNr() + " 行）: " + file);
        }
        if (root == null || !root.isObject()) throw new Cli.UsageException("claim file must hold one JSON object / 应为一个 JSON 对象");
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) throw new Cli.UsageException("unknown field / 未知字段: " + f + " (see docs/claim-file.md)");
        }
        ClaimInput.Kind kind = switch (str(root, "kind", true)) {
            case "sale" -> ClaimInput.Kind.SALE;
            case "private-loan" -> ClaimInput.Kind.PRIVATE_LOAN;
            case "service" -> ClaimInput.Kind.SERVICE;
            case "other" -> ClaimInput.Kind.OTHER;
            default -> throw new Cli.UsageException("kind must be sale, private-loan, service or other / kind 取值不对: " + root.get("kind").asText());
        };
        LocalDate contract = date(root, "contractDate", true);
        BigDecimal principal = amount(root, "principal", true);
        List<ClaimInput.Due> schedule = new ArrayList<>();
        if (root.has("due") == root.has("schedule")) {
            throw new Cli.UsageException("give either \"due\" (one date) or \"schedule\" (instalments) / 请给出 due 或 schedule 之一");
        }
        if (root.has("due")) {
            schedule.add(new ClaimInput.Due(date(root, "due", true), principal));
        } else {
            for (JsonNode n : array(root, "schedule")) schedule.add(new ClaimInput.Due(date(n, "due", true), amount(n, "amount", true)));
        }
        ClaimInput.PenaltyKind pk = ClaimInput.PenaltyKind.NONE;
        BigDecimal pv = null;
        if (root.has("penalty") && !root.get("penalty").isNull()) {
            JsonNode p = root.get("penalty");
            pk = switch (str(p, "kind", true)) {
                case "daily-rate" -> ClaimInput.PenaltyKind.DAILY_RATE;
                case "percentage" -> ClaimInput.PenaltyKind.PERCENTAGE;
                case "fixed" -> ClaimInput.PenaltyKind.FIXED;
                case "none" -> ClaimInput.PenaltyKind.NONE;
                default -> throw new Cli.UsageException("penalty.kind must be daily-rate, percentage, fixed or none / 违约金种类不对");
            };
            if (pk != ClaimInput.PenaltyKind.NONE) pv = rate(p, "value", true);
        }
        List<ClaimInput.Cost> costs = new ArrayList<>();
        for (JsonNode n : array(root, "costs")) costs.add(new ClaimInput.Cost(date(n, "date", true), amount(n, "amount", true), str(n, "text", false)));
        List<ClaimInput.Paid> paid = new ArrayList<>();
        for (JsonNode n : array(root, "payments")) paid.add(new ClaimInput.Paid(date(n, "date", true), amount(n, "amount", true)));
        int dayCount = root.has("dayCount") ? root.get("dayCount").asInt(-1) : 365;
        ClaimInput.Allocation alloc = switch (root.has("allocation") ? root.get("allocation").asText().toLowerCase(Locale.ROOT) : "statutory") {
            case "statutory" -> ClaimInput.Allocation.STATUTORY;
            case "principal-first" -> ClaimInput.Allocation.PRINCIPAL_FIRST;
            default -> throw new Cli.UsageException("allocation must be statutory or principal-first / 抵充顺序取值不对");
        };
        try {
            return new ClaimInput(kind, contract, date(root, "interestFrom", false), principal, schedule, rate(root, "interestRate", false),
                    rate(root, "overdueRate", false), pk, pv, costs, paid, dayCount, alloc, rate(root, "saleMarkup", false), false);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException("claim file: " + e.getMessage());
        }
    }

    private static List<JsonNode> array(JsonNode n, String field) {
        if (!n.has(field) || n.get(field).isNull()) return List.of();
        if (!n.get(field).isArray()) throw new Cli.UsageException("\"" + field + "\" must be a list / 应为数组");
        List<JsonNode> list = new ArrayList<>();
        n.get(field).forEach(list::add);
        if (list.size() > 10_000) throw new Cli.UsageException("\"" + field + "\" has too many entries / 条目过多");
        return list;
    }

    private static String str(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new Cli.UsageException("\"" + field + "\" is required / 缺少字段 " + field);
            return null;
        }
        if (!v.isTextual()) throw new Cli.UsageException("\"" + field + "\" must be text / 应为文本");
        return v.asText();
    }

    private static LocalDate date(JsonNode n, String field, boolean required) {
        String s = str(n, field, required);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new Cli.UsageException("\"" + field + "\": not a date (YYYY-MM-DD) / 日期格式不对: " + s);
        }
    }

    private static BigDecimal number(JsonNode n, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new Cli.UsageException("\"" + field + "\" is required / 缺少字段 " + field);
            return null;
        }
        try {
            return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new Cli.UsageException("\"" + field + "\": not a number / 不是数字: " + v.asText());
        }
    }

    private static BigDecimal amount(JsonNode n, String field, boolean required) {
        BigDecimal v = number(n, field, required);
        return v == null ? null : Args.amount(field, v.toPlainString());
    }

    private static BigDecimal rate(JsonNode n, String field, boolean required) {
        BigDecimal v = number(n, field, required);
        return v == null ? null : Args.rate(field, v.toPlainString());
    }
}
