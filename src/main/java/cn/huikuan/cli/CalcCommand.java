package cn.huikuan.cli;

import cn.huikuan.law.Citation;
import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.law.ClaimInput;
import cn.huikuan.law.data.LawData;
import cn.huikuan.law.CourtFees;
import cn.huikuan.law.Deadlines;
import cn.huikuan.law.HolidayCalendar;
import cn.huikuan.law.LatePerformance;
import cn.huikuan.law.Limitation;
import cn.huikuan.law.LprTable;
import cn.huikuan.law.ProceduralDeadlines;
import cn.huikuan.law.RateCaps;
import cn.huikuan.law.Statutes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import java.nio.file.Path;

/**
 * {@code huikuan calc …}: the law engine on the command line. A human table by default, one JSON object
 * with {@code --json} (amounts as strings with two decimals, dates ISO).
 */
@Command(name = "calc")
final class CalcCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final PrintStream out;
    private final Supplier<HolidayCalendar> calendar;
    private final Supplier<LprTable> lpr;
    private final LocalDate today;

    CalcCommand(PrintStream out, Supplier<HolidayCalendar> calendar, Supplier<LprTable> lpr, LocalDate today) {
        this.out = out;
        this.calendar = calendar;
        this.lpr = lpr;
        this.today = today;
    }

    /** {@code calc} and its rules; help texts under {@code huikuan.calc.*} in help.properties. */
    CommandLine commandLine() {
        return new CommandLine(this)
                .addSubcommand(new Fee())
                .addSubcommand(new Deadline())
                .addSubcommand(new LimitationRule())
                .addSubcommand(new RateCap())
                .addSubcommand(new LatePerformanceRule())
                .addSubcommand(new Claim());
    }

    @Override
    public Integer call() {
        throw new Cli.UsageException("calc needs a rule: fee, deadline, limitation, rate-cap, late-performance, claim / 请指定计算项目");
    }

    /** What every rule shares: {@code --json}, and printing its result as a table or as JSON. */
    abstract class Rule implements Callable<Integer> {
        @Option(names = "--json") boolean json;

        abstract Map<String, Object> compute();

        @Override
        public Integer call() {
            Map<String, Object> result = compute();
            if (json) {
                try {
                    out.println(JSON.writeValueAsString(result));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            } else {
                printTable(result);
            }
            return Cli.OK;
        }
    }

    @Command(name = "fee")
    final class Fee extends Rule {
        @Option(names = "--kind", required = true, paramLabel = "case|payment-order|preservation|enforcement") String kind;
        @Option(names = "--amount", required = true, paramLabel = "N") String amount;
        @Option(names = "--simple") boolean simple;

        @Override
        Map<String, Object> compute() {
            return fee(kind, amount, simple);
        }
    }

    @Command(name = "deadline")
    final class Deadline extends Rule {
        @Option(names = "--from", required = true, paramLabel = "DATE") String from;
        @ArgGroup(exclusive = true, multiplicity = "1") Period period;

        @Override
        Map<String, Object> compute() {
            return deadline(from, period.days, period.kind);
        }
    }

    /** {@code --days N} or {@code --kind KIND}: a period in days or one the law names. */
    static final class Period {
        @Option(names = "--days", required = true, paramLabel = "N") String days;
        @Option(names = "--kind", required = true, paramLabel = "KIND") String kind;
    }

    @Command(name = "limitation")
    final class LimitationRule extends Rule {
        @Option(names = "--start", required = true, paramLabel = "DATE") String start;
        @Option(names = "--first-due", paramLabel = "DATE") String firstDue;
        @Option(names = "--interrupt", paramLabel = "DATE") List<String> interrupt = new ArrayList<>();
        @Option(names = "--as-of", paramLabel = "DATE") String asOf;

        @Override
        Map<String, Object> compute() {
            return limitation(start, firstDue, interrupt, asOf);
        }
    }

    @Command(name = "rate-cap")
    final class RateCap extends Rule {
        @Option(names = "--kind", required = true, paramLabel = "private-loan") String kind;
        @Option(names = "--contract-date", required = true, paramLabel = "DATE") String contractDate;
        @Option(names = "--rate", required = true, paramLabel = "PERCENT") String rate;
        @Option(names = "--filing-date", paramLabel = "DATE") String filingDate;

        @Override
        Map<String, Object> compute() {
            return rateCap(kind, contractDate, rate, filingDate);
        }
    }

    @Command(name = "late-performance")
    final class LatePerformanceRule extends Rule {
        @Option(names = "--amount", required = true, paramLabel = "N") String amount;
        @Option(names = "--days", required = true, paramLabel = "N") String days;

        @Override
        Map<String, Object> compute() {
            return latePerformance(amount, days);
        }
    }

    @Command(name = "claim")
    final class Claim extends Rule {
        @Option(names = "--file", required = true, paramLabel = "CLAIM.json") String file;
        @Option(names = "--as-of", paramLabel = "DATE") String asOf;
        @Option(names = "--filing-date", paramLabel = "DATE") String filingDate;

        @Override
        Map<String, Object> compute() {
            return claim(file, asOf, filingDate);
        }
    }

    private Map<String, Object> fee(String kindName, String amount, boolean simple) {
        CourtFees.Kind kind = switch (kindName) {
            case "case" -> CourtFees.Kind.CASE;
            case "payment-order" -> CourtFees.Kind.PAYMENT_ORDER;
            case "preservation" -> CourtFees.Kind.PRESERVATION;
            case "enforcement" -> CourtFees.Kind.ENFORCEMENT;
            default -> throw new Cli.UsageException("--kind must be case, payment-order, preservation or enforcement / 未知费用种类: "
                    + kindName);
        };
        if (simple && kind != CourtFees.Kind.CASE) throw new Cli.UsageException("--simple only applies to --kind case / 仅案件受理费可减半");
        CourtFees.Result r = CourtFees.compute(kind, Args.amount("amount", amount), simple);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fee", money(r.fee()));
        m.put("kind", kindName);
        m.put("amount", money(r.claim()));
        List<Map<String, String>> steps = new ArrayList<>();
        for (CourtFees.Step s : r.steps()) steps.add(Map.of("text", s.text(), "amount", money(s.amount()), "text_en", s.text("en")));
        m.put("steps", steps);
        m.put("rounding", r.rounding());
        m.put("basis", cite(r.basis()));
        return m;
    }

    private Map<String, Object> deadline(String fromText, String daysText, String kind) {
        LocalDate from = Args.date("from", fromText);
        if (kind != null) return namedDeadline(kind, from);
        int days = Args.integer("days", daysText, 1, 3660);
        Deadlines.Result r = new Deadlines(calendar.get()).days(from, days, Statutes.PERIODS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deadline", r.deadline().toString());
        m.put("moved", r.moved());
        m.put("reason", r.reason());
        m.put("reason_en", r.reasonEn());
        m.put("from", from.toString());
        m.put("days", days);
        m.put("nominal", r.nominal().toString());
        m.put("uncertainYears", r.uncertainYears());
        m.put("basis", cite(r.basis().stream().distinct().toList()));
        return m;
    }

    /** {@code --kind appeal-judgment|…}: a period the law names, with its article (law.ProceduralDeadlines). */
    private Map<String, Object> namedDeadline(String kind, LocalDate from) {
        ProceduralDeadlines.Step step = ProceduralDeadlines.Step.byKind(kind);
        if (step == null) {
            throw new Cli.UsageException("--kind must be one of / 未知期间种类 " + kind + ": " + String.join(", ",
                    Arrays.stream(ProceduralDeadlines.Step.values()).map(ProceduralDeadlines.Step::kind).toList()));
        }
        ProceduralDeadlines.Deadline d = new ProceduralDeadlines(calendar.get()).of(step, from);
        Deadlines.Result r = d.result();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("deadline", r.deadline().toString());
        m.put("what", d.what());
        m.put("what_en", d.whatEn());
        m.put("article", d.article().zh() + " / " + d.article().en());
        m.put("moved", r.moved());
        m.put("reason", r.reason());
        m.put("reason_en", r.reasonEn());
        m.put("kind", step.kind());
        m.put("from", from.toString());
        m.put("period", step.period());
        if (step.days() > 0) m.put("days", step.days());
        else m.put("years", step.years());
        m.put("nominal", r.nominal().toString());
        m.put("uncertainYears", r.uncertainYears());
        m.put("lawInForceFrom", step.inForceFrom().toString());
        if (!d.note().isEmpty()) {
            m.put("note", d.note());
            m.put("note_en", d.note("en"));
        }
        m.put("basis", cite(r.basis().stream().distinct().toList()));
        return m;
    }

    private Map<String, Object> limitation(String startText, String firstDueText, List<String> interrupts, String asOfText) {
        LocalDate start = Args.date("start", startText);
        List<Limitation.Event> events = new ArrayList<>();
        for (String s : interrupts) {
            events.add(new Limitation.Event(Args.date("interrupt", s), Limitation.EventKind.INTERRUPTION, null));
        }
        LocalDate asOf = asOfText == null ? today : Args.date("as-of", asOfText);
        LocalDate firstDue = firstDueText == null ? start : Args.date("first-due", firstDueText);
        if (firstDue.isAfter(start)) throw new Cli.UsageException("--first-due is after --start / 第一期到期日晚于起算日: " + firstDue);
        Limitation.Result r = new Limitation(calendar.get()).compute(start, firstDue, events, asOf);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expires", r.expires().toString());
        // which rule ends the protection first (民法典 §188): three years with interruptions, or twenty years from the harm
        m.put("decidedBy", r.decidedBy().zh());
        m.put("decidedBy_en", r.decidedBy().en());
        m.put("threeYears", r.threeYears().toString());
        m.put("twentyYears", r.twentyYears().toString());
        m.put("firstPartBarred", r.firstPartBarred() == null ? null : r.firstPartBarred().toString());
        m.put("lastInterruption", r.lastInterruption() == null ? null : r.lastInterruption().date().toString());
        m.put("moved", r.moved());
        m.put("asOf", asOf.toString());
        m.put("daysLeft", r.daysLeft());
        m.put("warning", r.warning().name());
        m.put("steps", r.table());
        m.put("steps_en", r.table("en"));
        m.put("uncertainYears", r.uncertainYears());
        m.put("basis", cite(r.basis()));
        return m;
    }

    private Map<String, Object> rateCap(String kind, String contractText, String rateText, String filingText) {
        if (!"private-loan".equals(kind)) {
            throw new Cli.UsageException("--kind must be private-loan / 目前只支持 private-loan: " + kind);
        }
        LocalDate contract = Args.date("contract-date", contractText);
        BigDecimal rate = Args.rate("rate", rateText);
        LocalDate filing = filingText == null ? today : Args.date("filing-date", filingText);
        RateCaps.Result r = new RateCaps(lpr.get()).privateLoan(contract, rate, filing);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cap", pct(r.cap()));
        m.put("supportedRate", pct(r.supportedRate()));
        m.put("exceeds", r.exceeds());
        m.put("rate", pct(r.agreedRate()));
        m.put("contractDate", contract.toString());
        List<Map<String, Object>> segs = new ArrayList<>();
        for (RateCaps.Segment s : r.segments()) {
            Map<String, Object> seg = new LinkedHashMap<>();
            seg.put("from", s.from().toString());
            seg.put("to", s.to() == null ? null : s.to().toString());
            seg.put("cap", pct(s.cap()));
            seg.put("supportedRate", pct(s.supportedRate()));
            seg.put("text", s.text());
            seg.put("text_en", s.text("en"));
            seg.put("basis", s.basis().zh());
            segs.add(seg);
        }
        m.put("segments", segs);
        m.put("notes", r.notes());
        m.put("notes_en", r.notes("en"));
        m.put("lprAsOf", lpr.get().asOf().toString());
        return m;
    }

    private Map<String, Object> latePerformance(String amount, String days) {
        LatePerformance.Result r = LatePerformance.compute(Args.amount("amount", amount), Args.integer("days", days, 0, 36600));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("interest", money(r.interest()));
        m.put("amount", money(r.amount()));
        m.put("days", r.days());
        m.put("formula", r.formula());
        m.put("formula_en", r.formula("en"));
        m.put("basis", cite(r.basis()));
        return m;
    }

    private Map<String, Object> claim(String file, String asOfText, String filingText) {
        ClaimInput in = ClaimFile.read(Path.of(file));
        LocalDate asOf = asOfText == null ? today : Args.date("as-of", asOfText);
        // 民间借贷规定 §31: the cap after 2020-08-20 of a loan made before then is 4 × the LPR at filing (default: the as-of date)
        LocalDate filing = filingText == null ? asOf : Args.date("filing-date", filingText);
        if (asOf.isBefore(in.contractDate())) {
            throw new Cli.UsageException("--as-of " + asOf + " is before the file's contractDate " + in.contractDate() + " / 计算日早于合同日期");
        }
        if (filing.isBefore(in.contractDate())) {
            throw new Cli.UsageException("--filing-date " + filing + " is before the file's contractDate " + in.contractDate() + " / 起诉日早于合同日期");
        }
        ClaimCalculator.Result r = new ClaimCalculator(lpr.get(), LawData.benchmark()).compute(in, asOf, filing);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", money(r.total()));
        m.put("asOf", asOf.toString());
        m.put("filingDate", filing.toString());
        m.put("principal", money(r.principal()));
        m.put("interest", money(r.interest()));
        m.put("penaltyOrLoss", money(r.charges()));
        m.put("costs", money(r.costs()));
        m.put("overpaid", money(r.overpaid()));
        m.put("dailyAccrualAfter", money(r.dailyAccrual()));
        m.put("includesUnagreedCharges", r.includesUnagreedCharges());
        // 民法典 §585 ¶2, 合同编通则解释 §65: the loss the law allows in place of an agreed penalty, beside it
        if (r.comparableLoss() != null) m.put("comparableLoss", money(r.comparableLoss()));
        // what a 支付令 may claim: without the charges and interest the debtor never agreed in writing (民诉解释 §428)
        m.put("unagreedOwed", money(r.unagreedOwed()));
        m.put("paymentOrderClaim", money(r.agreedTotal()));
        m.put("method", r.method());
        m.put("method_en", r.method("en"));
        m.put("warnings", r.warnings());
        m.put("warnings_en", r.warnings("en"));
        List<Map<String, Object>> ledger = new ArrayList<>();
        for (ClaimCalculator.Line l : r.ledger()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", l.date().toString());
            row.put("text", l.text());
            row.put("text_en", l.text("en"));
            row.put("accrued", money(l.accrued()));
            row.put("paid", money(l.paid()));
            row.put("toCosts", money(l.toCosts()));
            row.put("toInterest", money(l.toInterest()));
            row.put("toPrincipal", money(l.toPrincipal()));
            row.put("toPenaltyOrLoss", money(l.toCharges()));
            row.put("principalLeft", money(l.principalLeft()));
            row.put("interestLeft", money(l.interestLeft()));
            row.put("penaltyOrLossLeft", money(l.chargesLeft()));
            row.put("costsLeft", money(l.costsLeft()));
            ledger.add(row);
        }
        m.put("ledger", ledger);
        m.put("rounding", "每行按分四舍五入 / each line rounded half-up to the fen; 单利 simple interest, 实际天数/" + in.dayCount());
        m.put("basis", cite(r.basis()));
        return m;
    }

    private static String money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String pct(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static List<String> cite(List<Citation> list) {
        return list.stream().map(c -> c.zh() + " / " + c.en()).toList();
    }

    @SuppressWarnings("unchecked")
    private void printTable(Map<String, Object> m) {
        for (Map.Entry<String, Object> e : m.entrySet()) {
            Object v = e.getValue();
            if (v instanceof List<?> list) {
                if (list.isEmpty()) continue;
                out.println(label(e.getKey()) + ":");
                for (Object item : list) {
                    if (item instanceof Map<?, ?> map) {
                        Object text = map.get("text");
                        Object amount = map.get("amount");
                        Object date = map.get("date");
                        out.println("  - " + (date != null ? date + "  " : "") + (text != null ? text : map) + (amount != null ? "  =  " + amount : ""));
                        if (map.get("text_en") != null) out.println("    " + map.get("text_en"));
                    } else {
                        out.println("  - " + item);
                    }
                }
            } else {
                out.println(label(e.getKey()) + ": " + (v == null ? "—" : v));
            }
        }
    }

    private static String label(String key) {
        if (key.endsWith("_en")) return label(key.substring(0, key.length() - 3)) + " (English)";
        return switch (key) {

            case "fee" -> "费用 fee";
            case "total" -> "合计应付 total";
            case "deadline" -> "期限届满 deadline";
            case "what" -> "事项 what";
            case "article" -> "条文 article";
            case "period" -> "期间 period";
            case "lawInForceFrom" -> "现行文本施行 in force from";
            case "expires" -> "时效届满 expires";
            case "decidedBy" -> "以此为准 decided by";
            case "threeYears" -> "三年诉讼时效 three years";
            case "twentyYears" -> "二十年最长保护期 twenty years";
            case "firstPartBarred" -> "最早一期不再受保护 first instalment barred";
            case "interest" -> "利息 interest";
            case "asOf" -> "计算日 as of";
            case "principal" -> "本金 principal";
            case "penaltyOrLoss" -> "违约金/逾期损失 penalty or loss";
            case "costs" -> "实现债权的费用 costs";
            case "overpaid" -> "多付 overpaid";
            case "dailyAccrualAfter" -> "此后每日增加 per day after";
            case "includesUnagreedCharges" -> "含合同未约定的利息/损失 includes unagreed charges";
            case "unagreedOwed" -> "其中合同未约定的部分 of which unagreed";
            case "paymentOrderClaim" -> "支付令可请求 a payment order may claim (民诉解释 §428)";
            case "filingDate" -> "起诉日 filing date (民间借贷规定 §31)";
            case "comparableLoss" -> "可比损失 comparable loss without the penalty (民法典 §585 ¶2)";
            case "method" -> "计算方法 method";
            case "warnings" -> "提示 warnings";
            case "ledger" -> "明细 ledger";
            case "cap" -> "利率上限 cap (%/年)";
            case "supportedRate" -> "可支持利率 supported (%/年)";
            case "steps" -> "计算 steps";
            case "basis" -> "依据 basis";
            default -> key.toLowerCase(Locale.ROOT);
        };
    }
}
