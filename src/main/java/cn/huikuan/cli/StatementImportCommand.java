package cn.huikuan.cli;

import cn.huikuan.application.Books;
import cn.huikuan.application.StatementImportService;
import cn.huikuan.statements.Proposal;
import cn.huikuan.statements.Statement;
import cn.huikuan.statements.StatementFormat;
import cn.huikuan.statements.StatementLine;
import cn.huikuan.statements.StatementRefused;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code import statement --file F [--book DIR] [--dry-run] [--json] [--apply [--skip ROW,…] [--match ROW=RECEIVABLE]…]}
 * (issue 23): a bank statement, WeChat Pay or Alipay bill in, each line of money received with the receivable proposed
 * for it. Without {@code --apply} it is a dry run and writes nothing; {@code --apply} records the proposals (less the
 * rows skipped, with the receivables given by {@code --match} instead) as payments with the lines as their evidence.
 * Exit 0 ok, 1 failed, 2 bad input (a file that is not a statement, or is refused as hostile: nothing written).
 */
final class StatementImportCommand {
    private final PrintStream out;

    StatementImportCommand(PrintStream out) {
        this.out = out;
    }

    int run(String[] args) {
        Args a = new Args(args, Set.of("book", "db", "login", "file", "skip", "match"), Set.of("dry-run", "apply", "json"));
        Path file = Path.of(a.required("file"));
        if (!Files.isRegularFile(file)) throw new Cli.UsageException("no such file / 找不到文件: " + file);
        boolean apply = a.flag("apply");
        if (apply && a.flag("dry-run")) throw new Cli.UsageException("--dry-run and --apply exclude each other / --dry-run 与 --apply 只能选一");
        if (!apply && (a.optional("skip") != null || !a.all("match").isEmpty())) {
            throw new Cli.UsageException("--skip and --match go with --apply / --skip 和 --match 需与 --apply 一起使用");
        }
        try (Books books = BookPlace.of(a.optional("book"), a.optional("db"), a.optional("login")).open(Clock.systemDefaultZone())) {
            StatementImportService.Preview p;
            StatementImportService.Result r = null;
            try {
                p = books.statements().preview(file);
                if (apply) r = books.statements().apply(p, choices(p, a));
            } catch (StatementRefused | StatementImportService.ApplyRefused e) {
                throw new Cli.UsageException(e.getMessage());
            }
            if (a.flag("json")) out.println(json(p, r));
            else print(p, r);
            return Cli.OK;
        }
    }

    /** The proposals, less {@code --skip} rows, with {@code --match ROW=ID} in place of the proposal. */
    private static Map<Integer, Long> choices(StatementImportService.Preview p, Args a) {
        Map<Integer, Long> choices = new LinkedHashMap<>();
        for (StatementImportService.Line l : p.lines()) {
            if (l.open() && l.proposal().matched()) choices.put(l.line().row(), l.proposal().receivable().id());
        }
        for (String m : a.all("match")) {
            String[] kv = m.split("=", 2);
            if (kv.length != 2) throw new Cli.UsageException("--match takes ROW=RECEIVABLE / --match 的格式为 行号=应收款编号: " + m);
            int row = Args.integer("match", kv[0].strip(), 1, Integer.MAX_VALUE);
            long id = Args.integer("match", kv[1].strip(), 1, Integer.MAX_VALUE);
            StatementImportService.Line l = p.row(row);
            if (l == null || !l.line().received()) throw new Cli.UsageException("row " + row + " is not money received / 第 " + row + " 行不是收到的款项");
            choices.put(row, id);
        }
        if (a.optional("skip") != null) {
            for (String s : a.optional("skip").split(",")) {
                if (!s.isBlank()) choices.remove(Args.integer("skip", s.strip(), 1, Integer.MAX_VALUE));
            }
        }
        return choices;
    }

    private static String formatName(StatementFormat f) {
        return switch (f) {
            case BANK -> "银行流水 bank statement";
            case WECHAT -> "微信支付账单 WeChat Pay bill";
            case ALIPAY -> "支付宝账单 Alipay bill";
        };
    }

    private static String status(StatementImportService.Line l) {
        if (l.duplicate()) return "duplicate";
        if (l.line().direction() == StatementLine.Direction.IN && !l.line().received()) return "not-received";
        if (l.future()) return "future";
        return "new";
    }

    private void print(StatementImportService.Preview p, StatementImportService.Result r) {
        out.println("对账单 Statement: " + formatName(p.format()) + "，表头在第 " + p.headerRow() + " 行 / header at row " + p.headerRow());
        out.println("行 Lines: " + p.lines().size() + "   收款 received: " + p.received() + "   建议 proposed: " + p.proposed()
                + "   已导入过 already recorded: " + p.duplicates() + "   无法读取 unreadable: " + p.problems().size());
        for (StatementImportService.Line l : p.lines()) {
            StatementLine x = l.line();
            StringBuilder b = new StringBuilder("  第 " + x.row() + " 行 row  " + x.date() + "  " + (x.payer() == null ? "-" : x.payer()) + "  "
                    + x.amount().toPlainString() + "  " + (x.direction() == StatementLine.Direction.IN ? "收入 in" : "支出 out"));
            switch (status(l)) {
                case "duplicate" -> b.append("  已导入过 already recorded");
                case "not-received" -> b.append("  未到账 not received (").append(x.status()).append(')');
                case "future" -> b.append("  日期在今天之后 dated after today");
                default -> {
                    Proposal m = l.proposal();
                    if (m.matched()) {
                        b.append("  → 应收款 receivable #").append(m.receivable().id()).append(' ').append(m.receivable().customerName()).append(' ')
                                .append(m.receivable().label()).append("（").append(kindName(m)).append("）");
                    } else if (x.received()) {
                        b.append("  未找到对应的应收款 no match");
                    }
                }
            }
            out.println(b);
        }
        for (Statement.Problem x : p.problems()) out.println("  第 " + x.row() + " 行 row: " + x.reason());
        if (r == null) {
            out.println("试运行，未写入 Dry run, nothing written (--apply 记录以上建议 / records the proposals above)");
        } else {
            out.println("已记录收款 Recorded: " + r.recorded() + " payments   跳过 skipped: " + r.skipped() + "   已导入过 already recorded: " + r.alreadyRecorded());
        }
    }

    private static String kindName(Proposal m) {
        return switch (m.kind()) {
            case EXACT -> "全额 exact";
            case INSTALMENT -> "一期分期 instalment";
            case PART -> "部分 part";
        } + (m.byMemory() ? "，按已确认的付款人 remembered payer" : "");
    }

    /** {@code {"lines": [{"date", "payer", "amount", "direction": "in"|"out", "match": {"receivable", "kind"}|null, …}]}} as issue 23 asks, and more. */
    static String json(StatementImportService.Preview p, StatementImportService.Result r) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", p.format().name().toLowerCase(java.util.Locale.ROOT));
        root.put("sha256", p.sha256());
        root.put("headerRow", p.headerRow());
        ArrayNode lines = root.putArray("lines");
        for (StatementImportService.Line l : p.lines()) {
            StatementLine x = l.line();
            ObjectNode n = lines.addObject();
            n.put("row", x.row());
            n.put("date", x.date().toString());
            n.put("payer", x.payer());
            n.put("account", x.account());
            n.put("amount", x.amount().toPlainString());
            n.put("direction", x.direction() == StatementLine.Direction.IN ? "in" : "out");
            n.put("summary", x.summary());
            n.put("transaction", x.transactionId());
            n.put("status", status(l));
            Proposal m = l.proposal();
            if (m.matched()) {
                ObjectNode o = n.putObject("match");
                o.put("receivable", m.receivable().id());
                o.put("customer", m.receivable().customerName());
                o.put("kind", m.kind().word());
                o.put("rememberedPayer", m.byMemory());
            } else {
                n.putNull("match");
            }
        }
        ArrayNode problems = root.putArray("problems");
        for (Statement.Problem x : p.problems()) problems.addObject().put("row", x.row()).put("reason", x.reason());
        if (r != null) {
            ObjectNode o = root.putObject("recorded");
            o.put("payments", r.recorded());
            o.put("skipped", r.skipped());
            o.put("alreadyRecorded", r.alreadyRecorded());
        }
        try {
            return mapper.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
