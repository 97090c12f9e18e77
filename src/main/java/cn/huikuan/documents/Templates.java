package cn.huikuan.documents;

import cn.huikuan.documents.Doc.Field;
import cn.huikuan.documents.Doc.Style;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.KnownAsset;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.PenaltyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.law.Citation;
import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.law.CourtFees;
import cn.huikuan.law.Courts;
import cn.huikuan.law.Jurisdiction;
import cn.huikuan.law.Statutes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.huikuan.documents.Words.BLANK;
import static cn.huikuan.documents.Words.date;
import static cn.huikuan.documents.Words.figures;
import static cn.huikuan.documents.Words.orBlank;
import static cn.huikuan.documents.Words.orNone;
import static cn.huikuan.documents.Words.yuan;
import static cn.huikuan.documents.Words.yuanShort;
import cn.huikuan.law.Law;
import cn.huikuan.law.Routes;
import java.time.DateTimeException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documents of a collection, written from the case file. Wording follows the brief's "reasonable,
 * then firm": facts and figures, a deadline, and the lawful next step in measured words; never threats,
 * never anything addressed to third parties. Article numbers come from {@link Statutes} (current numbering).
 * Facts the books do not hold (民族, a court's name, a seal) are printed as blanks to fill in by hand, never
 * invented.
 */
public final class Templates {
    private Templates() {
    }

    /** The name a new book's business profile has until the user fills it in (application.Books). */
    public static final String UNFILLED_CREDITOR = "我的企业";

    /**
     * Writes {@code kind} from the case. A court filing with no court chosen is addressed to the court proposed for it
     * ({@link #proposal}); what a court would send back is refused ({@link #check}).
     */
    public static Doc build(DocKind kind, CaseFile c) {
        check(kind, c);
        if (addressed(kind) && c.options().court().isBlank()) {
            Jurisdiction.Proposal p = proposal(kind, c);
            if (!p.named()) throw new DocumentRefused(DocumentRefused.Reason.NO_COURT, p.explained());
            c = c.withOptions(c.options().withCourt(p.court()));
        }
        if (kind == DocKind.PAYMENT_ORDER && !Routes.paymentOrderCourt(c.options().court()).met()) {
            throw new DocumentRefused(DocumentRefused.Reason.NOT_BASIC_COURT, c.options().court());
        }
        return write(kind, c);
    }

    /** Whether the document is addressed to a court or an arbitration body. */
    public static boolean addressed(DocKind kind) {
        return switch (kind) {
            case PAYMENT_ORDER, COMPLAINT, PRESERVATION, ENFORCEMENT, ARBITRATION -> true;
            default -> false;
        };
    }

    /**
     * What a court or the other side would send back, before anything is written (issue 18): a business profile still
     * unfilled; an arbitration application without an arbitration clause on record. Throws {@link DocumentRefused}.
     */
    public static void check(DocKind kind, CaseFile c) {
        String me = c.creditor().getName();
        if (me == null || me.isBlank() || me.strip().equals(UNFILLED_CREDITOR)) {
            throw new DocumentRefused(DocumentRefused.Reason.CREDITOR_UNFILLED, "");
        }
        if (kind == DocKind.ARBITRATION && !Routes.arbitration(c.receivable().hasArbitrationClause()).met()) {
            throw new DocumentRefused(DocumentRefused.Reason.NO_ARBITRATION_CLAUSE, "");
        }
    }

    private static final Pattern ARBITRATION_BODY = Pattern.compile("([\\u4e00-\\u9fa5]{2,24}?仲裁委员会)");

    /**
     * The court (or arbitration body) proposed for {@code kind}, with its reasons (law.Jurisdiction): 支付令 the debtor's
     * basic-level court; a lawsuit's documents the agreed forum or the place of performance; enforcement the
     * first-instance court on record; arbitration the body the clause names.
     */
    public static Jurisdiction.Proposal proposal(DocKind kind, CaseFile c) {
        Jurisdiction j = new Jurisdiction(Courts.shipped());
        Receivable r = c.receivable();
        return switch (kind) {
            case PAYMENT_ORDER -> j.paymentOrder(c.debtor().getAddress());
            case ENFORCEMENT -> j.enforcement(firstInstanceCourt(c), c.debtor().getAddress());
            case ARBITRATION -> {
                Matcher m = ARBITRATION_BODY.matcher(r.hasArbitrationClause() ? r.getArbitrationClause() : "");
                String body = m.find() ? m.group(1).replaceFirst("^[由向提交至在]+", "") : null;
                yield new Jurisdiction.Proposal(body, body == null ? "仲裁条款没有写明仲裁委员会：请按合同填写" : "合同的仲裁条款约定由" + body + "仲裁",
                        List.of(Statutes.ARBITRATION_CLAUSE), List.of(), null);
            }
            default -> j.lawsuit(r.getJurisdictionClause(), r.hasArbitrationClause(), isLoan(c), c.creditor().getAddress(),
                    c.debtor().getAddress(), true);
        };
    }

    /** The court that decided the case or issued the 支付令, from the court steps on record. */
    static String firstInstanceCourt(CaseFile c) {
        return c.courtEvents().stream().filter(e -> e.getCourt() != null && !e.getCourt().isBlank())
                .filter(e -> e.getKind() == CourtEvent.Kind.JUDGMENT_SERVED || e.getKind() == CourtEvent.Kind.MEDIATION_SIGNED
                        || e.getKind() == CourtEvent.Kind.PAYMENT_ORDER_SERVED || e.getKind() == CourtEvent.Kind.SUIT_FILED
                        || e.getKind() == CourtEvent.Kind.PAYMENT_ORDER_FILED)
                .max(Comparator.comparing(CourtEvent::getEventDate)).map(e -> e.getCourt().strip()).orElse(null);
    }

    private static Doc write(DocKind kind, CaseFile c) {
        return switch (kind) {
            case DEMAND -> demand(c);
            case BALANCE_CONFIRMATION -> balanceConfirmation(c);
            case INSTALMENT_AGREEMENT -> instalmentAgreement(c);
            case LAWYER_LETTER -> lawyerLetter(c);
            case PAYMENT_ORDER -> paymentOrder(c);
            case COMPLAINT -> complaint(c);
            case ARBITRATION -> arbitration(c);
            case PRESERVATION -> preservation(c);
            case ENFORCEMENT -> enforcement(c);
            case SERVICE_ADDRESS -> serviceAddress(c);
            case EVIDENCE_LIST -> evidenceList(c, null);
            case CALCULATION -> calculation(c);
        };
    }

    // ---------------------------------------------------------------- facts used by several documents

    static boolean isLoan(CaseFile c) {
        return c.receivable().getKind() == ReceivableKind.PRIVATE_LOAN;
    }

    static String contractName(CaseFile c) {
        Receivable r = c.receivable();
        String n = r.getContractNumber() == null || r.getContractNumber().isBlank() ? "" : "（编号 " + r.getContractNumber().strip() + "）";
        return "《" + r.getTitle().strip() + "》" + n;
    }

    static LocalDate dueDate(Receivable r) {
        return r.getSchedule().stream().map(Instalment::getDueDate).max(Comparator.naturalOrder()).orElse(null);
    }

    static BigDecimal paidTotal(CaseFile c) {
        return c.payments().stream().map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What the debt is called: 货款 for a sale, 借款 for a loan, 欠款 otherwise. */
    static String debtWord(CaseFile c) {
        return switch (c.receivable().getKind()) {
            case SALE_ON_CREDIT -> "货款";
            case PRIVATE_LOAN -> "借款本金";
            default -> "欠款";
        };
    }

    /** The late-payment charge as agreed, in words, or null when the contract agreed none. */
    static String agreedLateTerms(Receivable r) {
        if (r.getPenaltyKind() == PenaltyKind.DAILY_RATE && r.getPenaltyValue() != null) {
            return "逾期付款的，按逾期金额" + Words.dailyRate(r.getPenaltyValue()) + "支付违约金";
        }
        if (r.getPenaltyKind() == PenaltyKind.PERCENTAGE && r.getPenaltyValue() != null) {
            return "逾期付款的，按逾期金额的" + Words.percent(r.getPenaltyValue()) + "支付违约金";
        }
        if (r.getPenaltyKind() == PenaltyKind.FIXED && r.getPenaltyValue() != null) {
            return "逾期付款的，支付违约金" + yuanShort(r.getPenaltyValue());
        }
        if (r.getOverdueRatePercent() != null) {
            return "逾期还款的，按年利率" + Words.percent(r.getOverdueRatePercent()) + "支付逾期利息";
        }
        return null;
    }

    /** How the charge keeps running after the as-of date ("…计至实际清偿之日止"), or null if it does not. */
    static String continuing(CaseFile c) {
        Receivable r = c.receivable();
        BigDecimal base = c.claim().principal();
        if (base.signum() <= 0) return null;
        String from = "自" + date(c.asOf().plusDays(1)) + "起，以" + yuanShort(base) + "为基数，";
        if (r.getPenaltyKind() == PenaltyKind.DAILY_RATE && r.getPenaltyValue() != null) {
            return from + "按" + Words.dailyRate(r.getPenaltyValue()) + "计算违约金至实际清偿之日止";
        }
        if (r.getOverdueRatePercent() != null) {
            return from + "按年利率" + Words.percent(r.getOverdueRatePercent()) + "计算逾期利息至实际清偿之日止";
        }
        if (isLoan(c) && r.getInterestRatePercent() != null) {
            return from + "按年利率" + Words.percent(r.getInterestRatePercent()) + "计算逾期利息至实际清偿之日止（"
                    + Statutes.LOAN_OVERDUE_RATE.zh() + "）";
        }
        if (c.claim().includesUnagreedCharges()) {
            return from + "按计算明细表所列标准计算逾期付款损失至实际清偿之日止";
        }
        return null;
    }

    /**
     * The charge as a claim states it, in words (issue 18): 「以300,000元为基数，自2026-05-29起按日万分之五计算违约金至实际清偿之日止」;
     * with several instalments or payments after falling due, 「以各期逾期未付款项为基数，自各期到期次日起…」. Null when nothing runs.
     */
    /** How the agreed charge runs, in words: 「按每日万分之五（0.05%）计算违约金」, 「按年利率24%计算逾期利息」; null when none runs by a rate. */
    static String agreedRateWords(CaseFile c) {
        Receivable r = c.receivable();
        if (r.getPenaltyKind() == PenaltyKind.DAILY_RATE && r.getPenaltyValue() != null) return "按" + Words.dailyRate(r.getPenaltyValue()) + "计算违约金";
        if (r.getOverdueRatePercent() != null) return "按年利率" + Words.percent(r.getOverdueRatePercent()) + "计算逾期利息";
        if (isLoan(c) && r.getInterestRatePercent() != null) return "按年利率" + Words.percent(r.getInterestRatePercent()) + "计算逾期利息";
        return null;
    }

    static String chargeBasisWords(CaseFile c) {
        Receivable r = c.receivable();
        String rate = agreedRateWords(c);
        if (rate == null && c.claim().includesUnagreedCharges()) rate = "按计算明细表所列标准计算" + lateWord(c);
        if (rate == null) return null;
        LocalDate due = dueDate(r);
        boolean simple = r.getSchedule().size() == 1 && due != null
                && c.payments().stream().noneMatch(p -> p.getPaidOn().isAfter(due));
        if (simple) {
            BigDecimal base = r.getPrincipal().subtract(paidTotal(c)).max(BigDecimal.ZERO);
            return "以" + yuanShort(base) + "为基数，自" + date(due.plusDays(1)) + "起" + rate + "至实际清偿之日止";
        }
        return "以各期逾期未付款项为基数，自各期到期次日起" + rate + "至实际清偿之日止";
    }

    static String lateWord(CaseFile c) {
        Receivable r = c.receivable();
        if (r.getPenaltyKind() != PenaltyKind.NONE) return "违约金";
        if (r.getOverdueRatePercent() != null || isLoan(c)) return "逾期利息";
        return "逾期付款损失";
    }

    /**
     * Principal, interest, late charges and costs as the claims of an application or complaint; {@code dropped} is what a
     * claim of only agreed items leaves out.
     */
    record Claim(BigDecimal principal, BigDecimal interest, BigDecimal charges, BigDecimal costs, BigDecimal total, BigDecimal dropped) {
        boolean chargesDropped() {
            return dropped.signum() > 0;
        }
    }

    /**
     * The claim; with {@code onlyAgreed} (a 支付令, 民诉解释 §428) without what the law's default rules add and the debtor
     * never agreed in writing: a sale's losses for late payment without an agreed penalty (in the charges), a loan's
     * interest after maturity without an agreed overdue rate (in the interest; issue 18: the sample loan's 1,052.05 of
     * 2,539.72). The fee is then computed on the reduced claim.
     */
    static Claim claim(CaseFile c, boolean onlyAgreed) {
        ClaimCalculator.Result r = c.claim();
        BigDecimal drop = onlyAgreed ? r.unagreedOwed() : BigDecimal.ZERO;
        BigDecimal fromCharges = drop.min(r.charges());
        BigDecimal fromInterest = drop.subtract(fromCharges).min(r.interest());
        BigDecimal charges = r.charges().subtract(fromCharges), interest = r.interest().subtract(fromInterest);
        BigDecimal total = r.principal().add(interest).add(charges).add(r.costs());
        return new Claim(r.principal(), interest, charges, r.costs(), total, fromCharges.add(fromInterest));
    }

    static List<Field> party(String role, CreditorProfile p) {
        return party(role, p.getKind(), p.getName(), p.getRegistrationNumber(), p.getAddress(), p.getLegalRepresentative(), p.getContactPhone());
    }

    static List<Field> party(String role, Customer p) {
        return party(role, p.getKind(), p.getName(), p.getRegistrationNumber(), p.getAddress(), p.getLegalRepresentative(), Words.phone(p));
    }

    /** The party block of 民事诉讼法 §124(一)(二); sex and birth date of a person are read from the 18-digit ID. */
    static List<Field> party(String role, PartyKind kind, String name, String number, String address, String legalRep, String phone) {
        List<Field> f = new ArrayList<>();
        if (kind == PartyKind.PERSON) {
            f.add(new Field(role + "（自然人）", orBlank(name)));
            IdFacts id = IdFacts.of(number);
            f.add(new Field("性别", id == null ? "□男 □女" : id.sex()));
            f.add(new Field("出生日期", id == null ? date(null) : date(id.born())));
            f.add(new Field("民族", BLANK));
            f.add(new Field("公民身份号码", orBlank(number)));
            f.add(new Field("住所地（户籍所在地）", orBlank(address)));
        } else {
            f.add(new Field(role + "（法人、非法人组织）", orBlank(name)));
            f.add(new Field("住所地（主要办事机构所在地）", orBlank(address)));
            f.add(new Field("统一社会信用代码", orBlank(number)));
            f.add(new Field("法定代表人／主要负责人", orBlank(legalRep)));
        }
        f.add(new Field("联系电话", orBlank(phone)));
        return f;
    }

    /** Sex and birth date encoded in an 18-digit resident ID (GB 11643-1999), when the number is well formed. */
    record IdFacts(LocalDate born, String sex) {
        static IdFacts of(String id) {
            if (id == null || !id.strip().matches("\\d{17}[\\dXx]")) return null;
            String s = id.strip();
            try {
                LocalDate born = LocalDate.parse(s.substring(6, 10) + "-" + s.substring(10, 12) + "-" + s.substring(12, 14));
                return new IdFacts(born, (s.charAt(16) - '0') % 2 == 1 ? "男" : "女");
            } catch (DateTimeException e) {
                return null;
            }
        }
    }

    /** "《民法典》第五百零九条、第五百八十五条，《买卖合同解释》第十八条": grouped by law, articles in order. */
    static String basisText(Set<Citation> cites) {
        Map<Law, List<Citation>> byLaw = new LinkedHashMap<>();
        for (Citation c : cites) byLaw.computeIfAbsent(c.law(), k -> new ArrayList<>()).add(c);
        List<String> parts = new ArrayList<>();
        for (var e : byLaw.entrySet()) {
            String prefix = "《" + e.getKey().shortTitle() + "》";
            parts.add(prefix + e.getValue().stream().sorted(Comparator.comparingInt(Citation::article).thenComparingInt(Citation::sub)
                            .thenComparingInt(Citation::paragraph))
                    .map(c -> c.zh().substring(prefix.length())).distinct().collect(Collectors.joining("、")));
        }
        return String.join("，", parts);
    }

    static Set<Citation> legalBasis(CaseFile c) {
        Set<Citation> s = new LinkedHashSet<>();
        s.add(Statutes.FULL_PERFORMANCE);
        if (isLoan(c)) {
            s.add(Statutes.BORROWER_REPAYS);
            if (c.receivable().getInterestRatePercent() != null) s.add(Statutes.BORROWER_PAYS_INTEREST);
            s.add(Statutes.LOAN_OVERDUE_INTEREST);
        } else {
            s.add(Statutes.BUYER_PAYS_PRICE);
            s.add(Statutes.BUYER_PAYS_ON_TIME);
            s.add(Statutes.MONEY_DEBT);
        }
        if (c.receivable().getPenaltyKind() != PenaltyKind.NONE) s.add(Statutes.PENALTY_CLAUSE);
        s.addAll(c.claim().basis());
        return s;
    }

    static List<Payment> paymentsByDate(CaseFile c) {
        return c.payments().stream().sorted(Comparator.comparing(Payment::getPaidOn)).toList();
    }

    static String paymentsText(CaseFile c) {
        if (c.payments().isEmpty()) return "至今未付款";
        return paymentsByDate(c).stream().map(p -> date(p.getPaidOn()) + "付" + yuanShort(p.getAmount()))
                .collect(Collectors.joining("，")) + "，合计" + yuanShort(paidTotal(c));
    }

    /** The creditor's own demands and the debtor's acknowledgements, from the contact log. */
    static String demandsText(CaseFile c) {
        List<ContactEntry> out = c.contacts().stream().filter(e -> e.getDirection() == ContactEntry.Direction.OUTGOING)
                .sorted(Comparator.comparing(ContactEntry::getOccurredAt)).toList();
        if (out.isEmpty()) return "否";
        return "是：" + out.stream().map(e -> date(e.getOccurredAt().toLocalDate()) + channel(e.getChannel()) + postal(e))
                .collect(Collectors.joining("、"));
    }

    /** A letter's proof of delivery when it is on record: 「（EMS 运单号 EA123456789CN，2026-11-28妥投）」 (issue 21). */
    static String postal(ContactEntry e) {
        if (e.getTrackingNumber() == null && e.getDeliveredOn() == null) return "";
        return "（" + (e.getTrackingNumber() == null ? "" : "EMS 运单号 " + e.getTrackingNumber())
                + (e.getTrackingNumber() != null && e.getDeliveredOn() != null ? "，" : "")
                + (e.getDeliveredOn() == null ? "" : date(e.getDeliveredOn()) + "妥投") + "）";
    }

    /**
     * The debtor's own acknowledgements and promises, each on the day the debtor acted (a reply the day after the
     * creditor's message is dated by the reply) and with what was promised: 「2026-07-02通过微信认可欠款；2026-08-28通过微信
     * 承诺于2026-09-30前先付100,000元」 (issue 18).
     */
    static String acknowledgementsText(CaseFile c) {
        List<ContactEntry> ack = c.contacts().stream().filter(e -> e.getOutcome() == ContactEntry.Outcome.ACKNOWLEDGED_DEBT
                || e.getOutcome() == ContactEntry.Outcome.PROMISE_TO_PAY).sorted(Comparator.comparing(ContactEntry::debtorActDate)).toList();
        if (ack.isEmpty()) return null;
        return ack.stream().map(e -> date(e.debtorActDate()) + via(e.getChannel()) + (e.getOutcome() == ContactEntry.Outcome.PROMISE_TO_PAY
                        ? "承诺" + (e.getPromisedDate() == null ? "" : "于" + date(e.getPromisedDate()) + "前") + promised(c, e) : "认可欠款"))
                .collect(Collectors.joining("；"));
    }

    /** 「先付100,000元」 for a part, 「付清欠款」 for the whole, 「还款」 when no amount was recorded. */
    private static String promised(CaseFile c, ContactEntry e) {
        if (e.getPromisedAmount() == null) return "还款";
        return e.getPromisedAmount().compareTo(c.claim().principal()) >= 0 ? "付清欠款" : "先付" + yuanShort(e.getPromisedAmount());
    }

    /** How the debtor acted: 「通过微信」, 「在电话中」 … */
    static String via(ContactEntry.Channel ch) {
        return switch (ch) {
            case PHONE -> "在电话中";
            case WECHAT -> "通过微信";
            case SMS -> "通过短信";
            case EMAIL -> "通过电子邮件";
            case VISIT -> "当面";
            case LETTER -> "书面";
        };
    }

    static boolean disputed(CaseFile c) {
        return c.contacts().stream().anyMatch(e -> e.getOutcome() == ContactEntry.Outcome.DISPUTE);
    }

    static String channel(ContactEntry.Channel ch) {
        return switch (ch) {
            case PHONE -> "电话催收";
            case WECHAT -> "微信催收";
            case SMS -> "短信催收";
            case EMAIL -> "电子邮件催收";
            case VISIT -> "当面催收";
            case LETTER -> "书面催收";
        };
    }

    static String assetsText(Customer d) {
        if (d.getAssets().isEmpty()) return null;
        return d.getAssets().stream().map(a -> assetKind(a.getKind()) + "：" + a.getDescription()).collect(Collectors.joining("；"));
    }

    static String assetKind(KnownAsset.Kind k) {
        return switch (k) {
            case BANK_ACCOUNT -> "银行存款";
            case VEHICLE -> "车辆";
            case REAL_ESTATE -> "不动产";
            case RECEIVABLE -> "到期债权";
            case EQUITY -> "股权";
            case OTHER -> "其他财产";
        };
    }

    static String bank(CreditorProfile p) {
        return "开户名：" + orBlank(p.getBankAccountName()) + "；开户行：" + orBlank(p.getBankName()) + "；账号：" + orBlank(p.getBankAccountNumber());
    }

    /** The court (or arbitration body) the document is addressed to: chosen or confirmed by the user, never blank (issue 18). */
    static String court(CaseFile c) {
        if (c.options().court().isBlank()) throw new DocumentRefused(DocumentRefused.Reason.NO_COURT, "");
        return c.options().court();
    }

    /** The short table of what is owed, shown in letters; the full ledger is the 计算明细表. */
    static Doc.Table owedTable(CaseFile c, Claim k) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("尚欠" + debtWord(c), figures(k.principal())));
        if (k.interest().signum() > 0) rows.add(List.of("利息", figures(k.interest())));
        if (k.charges().signum() > 0) rows.add(List.of(lateWord(c) + "（暂计至" + date(c.asOf()) + "）", figures(k.charges())));
        if (k.costs().signum() > 0) rows.add(List.of("实现债权的费用", figures(k.costs())));
        rows.add(List.of("合计", figures(k.total())));
        return new Doc.Table(List.of("项目", "金额（元）"), new float[]{3, 2}, rows, new boolean[]{false, true});
    }

    static String factsNarrative(CaseFile c) {
        Receivable r = c.receivable();
        StringBuilder sb = new StringBuilder();
        String me = c.creditor().getName();
        String they = c.debtor().getName();
        if (isLoan(c)) {
            sb.append(date(r.getContractDate())).append("，").append(they).append("向").append(me).append("借款")
                    .append(yuanShort(r.getPrincipal())).append("，双方有").append(contractName(c)).append("为证");
            if (r.getInterestRatePercent() != null) sb.append("，约定年利率").append(Words.percent(r.getInterestRatePercent()));
            sb.append("，约定于").append(date(dueDate(r))).append("前还款。");
        } else {
            sb.append(date(r.getContractDate())).append("，").append(me).append("与").append(they).append("签订").append(contractName(c))
                    .append("，约定价款").append(yuanShort(r.getPrincipal()));
            LocalDate due = dueDate(r);
            if (due != null) sb.append("，付款期限至").append(date(due));
            String late = agreedLateTerms(r);
            if (late != null) sb.append("，").append(late);
            sb.append("。");
        }
        if (r.getNotes() != null && !r.getNotes().isBlank()) sb.append(r.getNotes().strip());
        if (sb.charAt(sb.length() - 1) != '。') sb.append("。");
        sb.append(they).append(paymentsText(c).startsWith("至今") ? "至今未付款" : "已于" + paymentsText(c)).append("，截至")
                .append(date(c.asOf())).append("尚欠").append(debtWord(c)).append(yuanShort(c.claim().principal())).append("。");
        String ack = acknowledgementsText(c);
        if (ack != null) sb.append(they).append("曾").append(ack).append("，但至今未清偿。");
        return sb.toString();
    }

    // ---------------------------------------------------------------- pre-litigation letters

    static Doc demand(CaseFile c) {
        Claim k = claim(c, false);
        Doc.Builder b = new Doc.Builder(DocKind.DEMAND, "催 收 通 知 书");
        b.para(c.debtor().getName() + "：", Style.BODY);
        b.para(factsNarrative(c));
        b.para("截至" + date(c.asOf()) + "，贵方尚欠" + debtWord(c) + yuan(k.principal())
                + (k.total().compareTo(k.principal()) > 0 ? "，连同" + (k.interest().signum() > 0 ? "利息、" : "") + lateWord(c) + "合计" + yuan(k.total()) : "")
                + "，明细如下（计算方式见所附计算明细表）：");
        b.block(owedTable(c, k));
        b.para("请贵方于" + date(c.options().payBy()) + "前将上述款项付至我方账户（" + bank(c.creditor()) + "）。");
        b.para("如对上述金额有异议，或确有困难需要协商分期付款，请于上述期限前与我方联系（电话：" + orBlank(c.creditor().getContactPhone())
                + "），并填写下方回执寄回或拍照发送给我方。我方愿意在核实后协商合理的还款安排。");
        b.para("逾期未付款也未与我方联系的，我方将依法申请支付令或向人民法院提起诉讼，请求支付欠款及" + lateWord(c)
                + "；依照《诉讼费用交纳办法》，诉讼费用一般由败诉方负担。");
        b.para("特此通知。", Style.BODY);
        b.signature("通知人：" + c.creditor().getName() + "（盖章）", date(c.asOf()));
        b.pageBreak();
        b.heading("回  执");
        b.para("致" + c.creditor().getName() + "：本人／本单位已收到贵方于" + date(c.asOf()) + "发出的《催收通知书》，意见如下（请在□内打√）：", Style.BODY);
        b.checks("", "认可上述欠款，将于____年__月__日前付清");
        b.checks("", "认可部分欠款，金额________元；其余部分的异议及理由：________________");
        b.checks("", "对欠款有异议，理由：________________________________");
        b.checks("", "希望分期付款，方案：________________________________");
        b.signature("回执人（签字／盖章）：____________", "联系电话：____________", "日期：____年__月__日");
        b.heading("送达记录（由通知人填写）");
        b.fields(List.of(new Field("送达方式", "□ 直接送达   □ EMS 邮寄（运单号：____________）   □ 电子邮件   □ 微信"),
                new Field("送达地址／账号", orBlank(c.debtor().getAddress())),
                new Field("送达日期", date(null)),
                new Field("签收人／签收情况", BLANK),
                new Field("送达人", BLANK)));
        b.note("书面催收送达对方的，诉讼时效自送达之日起中断、重新计算（" + Statutes.LIMITATION_INTERRUPTION.zh() + "，"
                + Statutes.DEMAND_REACHES_DEBTOR.zh() + "）。请保留 EMS 详情单和妥投记录，作为证据导入回款助手。");
        return b.build();
    }

    static Doc balanceConfirmation(CaseFile c) {
        Claim k = claim(c, false);
        Receivable r = c.receivable();
        Doc.Builder b = new Doc.Builder(DocKind.BALANCE_CONFIRMATION, "对 账 确 认 函");
        b.para(c.debtor().getName() + "：", Style.BODY);
        b.para("为核对双方往来账目，现将截至" + date(c.asOf()) + "的账目列示如下，请核对后在下方确认栏签字（盖章）并交回我方。");
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(date(r.getContractDate()), contractName(c), figures(r.getPrincipal()), "", figures(r.getPrincipal())));
        BigDecimal left = r.getPrincipal();
        for (Payment p : paymentsByDate(c)) {
            left = left.subtract(p.getAmount());
            rows.add(List.of(date(p.getPaidOn()), "收到付款" + (p.getReference() == null ? "" : "（" + p.getReference() + "）"), "",
                    figures(p.getAmount()), figures(left.max(BigDecimal.ZERO))));
        }
        b.block(new Doc.Table(List.of("日期", "摘要", "应付（元）", "已付（元）", "余额（元）"), new float[]{2.2f, 4.5f, 2f, 2f, 2f}, rows,
                new boolean[]{false, false, true, true, true}));
        b.para("截至" + date(c.asOf()) + "，贵方尚欠我方" + debtWord(c) + yuan(k.principal()) + "。"
                + (k.total().compareTo(k.principal()) > 0 ? "另按约定计算的" + lateWord(c) + "以双方最终结算为准。" : ""));
        b.para("本函仅为核对账目，不构成对双方其他权利义务的变更。如账目不符，请在确认栏注明差额及理由。");
        b.signature(c.creditor().getName() + "（盖章）", date(c.asOf()));
        b.heading("确  认  栏");
        b.checks("", "以上账目正确，本单位／本人确认截至" + date(c.asOf()) + "尚欠" + yuanShort(k.principal()));
        b.checks("", "账目不符，差额________元，理由：________________________");
        b.signature(c.debtor().getName() + "（签字／盖章）：____________", "日期：____年__月__日");
        b.note("对方在确认栏签字认可欠款的，构成同意履行义务，诉讼时效中断（" + Statutes.LIMITATION_INTERRUPTION.zh()
                + "）；签字的对账确认函也是证明欠款数额的主要证据。");
        return b.build();
    }

    /**
     * 还款协议 (issue 18): one total and one schedule that sums to it. The schedule is the plan recorded in the wizard, or an
     * even split of everything owed. When the plan sums to less than everything owed (the usual "pay the principal and we
     * drop the penalty"), the difference is waived on condition that every instalment is paid on time; a missed
     * instalment makes the rest due at once and revives what was waived. A penalty is never charged on an amount that
     * already contains one.
     */
    static Doc instalmentAgreement(CaseFile c) {
        Claim k = claim(c, false);
        Receivable r = c.receivable();
        CaseFile.Options o = c.options();
        List<Instalment> plan = !c.agreedPlan().isEmpty() ? c.agreedPlan() : Instalment.evenSchedule(k.total(), o.instalments(), o.firstInstalment(), 1);
        BigDecimal settled = plan.stream().map(Instalment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal extra = k.total().subtract(k.principal());          // interest, charges and costs owed on top of the principal
        BigDecimal waived = k.total().subtract(settled).max(BigDecimal.ZERO);
        boolean includesCharges = settled.compareTo(k.principal()) > 0 && extra.signum() > 0;
        Doc.Builder b = new Doc.Builder(DocKind.INSTALMENT_AGREEMENT, "还 款 协 议");
        List<Field> parties = new ArrayList<>(party("甲方（债权人）", c.creditor()));
        parties.addAll(party("乙方（债务人）", c.debtor()));
        b.fields(parties);
        b.para("甲乙双方就" + contractName(c) + "项下的欠款，经平等协商，达成如下协议：");
        b.para("一、欠款确认。截至" + date(c.asOf()) + "，乙方尚欠甲方" + debtWord(c) + yuan(k.principal())
                + (extra.signum() > 0 ? "；另按约定计算的" + (k.interest().signum() > 0 ? "利息、" : "") + lateWord(c) + "等为" + yuanShort(extra)
                + "，合计" + yuan(k.total()) : "") + "。乙方对上述欠款无异议。");
        b.para("二、还款安排。乙方按下表分" + plan.size() + "期向甲方支付共计" + yuan(settled) + "，付至甲方账户（" + bank(c.creditor()) + "）：");
        List<List<String>> rows = new ArrayList<>();
        int n = 0;
        for (Instalment i : plan) rows.add(List.of("第" + (++n) + "期", date(i.getDueDate()), figures(i.getAmount())));
        rows.add(List.of("合计", "", figures(settled)));
        b.block(new Doc.Table(List.of("期次", "最迟付款日", "金额（元）"), new float[]{1.5f, 3, 2.5f}, rows, new boolean[]{false, false, true}));
        if (waived.signum() > 0) {
            b.para("三、附条件减免。乙方按上表按期足额付清全部分期款项的，甲方免除其余欠款" + yuan(waived) + "，双方就上述欠款再无其他争议。"
                    + "乙方任何一期未按时足额付款的，上述减免不生效。");
        } else {
            b.para("三、付清全部分期款项后，双方就上述欠款再无其他争议。");
        }
        b.para("四、加速到期。乙方任何一期未按时足额付款的，全部未付款项视为到期，甲方有权要求乙方立即一次性清偿"
                + (waived.signum() > 0 ? "第一条确认的全部欠款（扣除已付款项）" : "全部未付款项") + "。");
        String rate = agreedRateWords(c);
        String base = includesCharges ? "逾期未付款项中的本金部分（不含已计入本协议的利息、违约金）" : "逾期未付的本金";
        b.para("五、违约责任。乙方逾期付款的，自逾期之日起以" + base + "为基数，"
                + (rate != null ? "依原合同约定" + rate : "以逾期时一年期贷款市场报价利率（LPR）为基础加计百分之五十计算逾期付款损失")
                + "至实际清偿之日止，并承担甲方为实现债权支出的合理费用。");
        b.para("六、原合同中与本协议不一致的，以本协议为准；本协议未约定的，仍按原合同执行。");
        b.para("七、争议解决。因本协议发生的争议，由甲方住所地人民法院管辖（" + Statutes.AGREED_JURISDICTION.zh() + "）。");
        b.para("八、本协议一式两份，双方各执一份，自双方签字（盖章）之日起生效。");
        b.signature("甲方：" + c.creditor().getName() + "（盖章）   乙方：" + c.debtor().getName() + "（签字／盖章）",
                "日期：____年__月__日          日期：____年__月__日");
        b.note("对方签署还款协议即认可欠款，诉讼时效中断（" + Statutes.LIMITATION_INTERRUPTION.zh() + "）。");
        return b.build();
    }

    /** The law firm's name, ending in 律师事务所 once however the user typed it (issue 18). */
    static String lawFirm(CaseFile c) {
        String f = c.options().lawFirm().strip();
        while (f.endsWith("律师事务所")) f = f.substring(0, f.length() - "律师事务所".length()).strip();
        return f.isEmpty() ? BLANK + "律师事务所" : f + "律师事务所";
    }

    static Doc lawyerLetter(CaseFile c) {
        Claim k = claim(c, false);
        LocalDate deadline = c.asOf().plusDays(7);
        Doc.Builder b = new Doc.Builder(DocKind.LAWYER_LETTER, "律  师  函");
        b.note("律师函须由执业律师审阅、修改并签字盖章后方可发出；回款助手不是律师事务所。");
        b.para(lawFirm(c) + "  （20__）__律函字第__号", Style.RIGHT);
        b.para(c.debtor().getName() + "：", Style.BODY);
        b.para("本所接受" + c.creditor().getName() + "（以下简称\"委托人\"）的委托，指派本所律师就贵方拖欠委托人" + debtWord(c)
                + "一事，郑重致函如下：");
        b.para(factsNarrative(c));
        b.para("截至" + date(c.asOf()) + "，贵方尚欠委托人" + debtWord(c) + yuan(k.principal())
                + (k.total().compareTo(k.principal()) > 0 ? "，连同" + lateWord(c) + "合计" + yuan(k.total()) : "")
                + "。贵方的行为已构成违约，依照" + basisText(legalBasis(c)) + "，应当承担付款及违约责任。");
        b.para("本所律师受委托人之托，请贵方于收到本函之日起7日内（最迟不晚于" + date(deadline)
                + "）向委托人付清上述款项，或与委托人联系协商还款方案。逾期，委托人将通过申请支付令或提起诉讼等法律途径主张权利，"
                + "并申请财产保全。");
        b.para("特此函告。", Style.BODY);
        b.signature(lawFirm(c) + "（盖章）", "律师：____________", date(c.asOf()));
        return b.build();
    }

    // ---------------------------------------------------------------- court filings

    static Doc paymentOrder(CaseFile c) {
        Claim k = claim(c, true);
        CourtFees.Result fee = CourtFees.compute(CourtFees.Kind.PAYMENT_ORDER, k.total(), false);
        Doc.Builder b = new Doc.Builder(DocKind.PAYMENT_ORDER, "支 付 令 申 请 书");
        b.fields(party("申请人", c.creditor()));
        b.fields(party("被申请人", c.debtor()));
        b.heading("请求事项");
        int n = 0;
        b.para((++n) + ". 请求贵院向被申请人发出支付令，督促被申请人向申请人支付" + debtWord(c) + yuan(k.principal()) + "；");
        if (k.interest().signum() > 0) b.para((++n) + ". 督促被申请人支付利息" + yuan(k.interest()) + "；");
        if (k.charges().signum() > 0) {
            String cont = continuing(c);
            b.para((++n) + ". 督促被申请人支付按合同约定计算的" + lateWord(c) + yuan(k.charges()) + "（暂计至" + date(c.asOf()) + "）"
                    + (cont == null ? "" : "，" + cont) + "；");
        }
        b.para((++n) + ". 本案申请费" + yuanShort(fee.fee()) + "由被申请人负担。");
        if (k.chargesDropped()) {
            b.note("合同未约定的" + (isLoan(c) ? "逾期利息（借款到期后的利息）" : "逾期付款损失") + yuanShort(k.dropped()) + "不在本申请中主张（"
                    + Statutes.PAYMENT_ORDER_REJECTION.zh() + "：支付令只能请求债务人书面同意的给付），申请费按减少后的金额计算；如需主张请另行起诉。");
        }
        b.heading("事实与理由");
        b.para(factsNarrative(c));
        b.para("申请人与被申请人之间没有其他债务纠纷，申请人没有尚未履行的对待给付义务，支付令能够送达被申请人（被申请人住所地："
                + orBlank(c.debtor().getAddress()) + "）。为此，依照" + Statutes.PAYMENT_ORDER.zh() + "的规定，特向贵院申请支付令。");
        b.para("证据：见所附证据目录及证据材料。", Style.BODY);
        b.para("此致", Style.BODY);
        b.para(court(c), Style.BODY);
        b.signature("申请人：" + c.creditor().getName() + "（签字／盖章）", date(c.asOf()));
        b.para("附：本申请书副本1份；证据目录及证据材料；计算明细表；送达地址确认书。", Style.BODY);
        return b.build();
    }

    /**
     * The 2024 element-style complaint (要素式, 最高人民法院、司法部、中华全国律师协会《民事起诉状示范文本（试行）》), 买卖合同纠纷 or
     * 民间借贷纠纷 (FACTS.md §10.2): the original, then the defendant's copy as a part of its own, with its own title and page
     * numbers (issue 18).
     */
    static Doc complaint(CaseFile c) {
        String cause = isLoan(c) ? "民间借贷纠纷" : "买卖合同纠纷";
        Doc.Builder b = new Doc.Builder(DocKind.COMPLAINT, "民 事 起 诉 状");
        complaintBody(c, cause).forEach(b::block);
        b.part("民 事 起 诉 状（副 本）");
        b.banner("副本（送被告" + c.debtor().getName() + "）");
        complaintBody(c, cause).forEach(b::block);
        b.note("本起诉状按照最高人民法院、司法部、中华全国律师协会《民事起诉状示范文本（试行）》的要素式格式制作；"
                + "账本中没有的事项（民族、职务、签订地点等）留有横线，请在提交前逐项核对、填写。");
        if (!c.options().preservation()) {
            b.note("本起诉状写明不申请诉讼保全；如需冻结对方财产，请改用「诉讼」材料（含财产保全申请书）。");
        }
        return b.build();
    }

    /** 「■有限责任公司 □股份有限公司 …」: the kind of organisation, ticked where the name says it. */
    static String entityType(String name) {
        String n = name == null ? "" : name;
        String[][] kinds = {{"有限责任公司", "有限公司"}, {"股份有限公司", "股份有限公司"}, {"个人独资企业", "个人独资"}, {"合伙企业", "合伙"},
                {"个体工商户", "个体|经营部|工程队|商行|店$|门市"}};
        String ticked = null;
        if (n.contains("股份有限公司")) ticked = "股份有限公司";
        else if (n.contains("有限公司") || n.contains("有限责任公司")) ticked = "有限责任公司";
        else if (n.contains("个人独资")) ticked = "个人独资企业";
        else if (n.contains("合伙")) ticked = "合伙企业";
        else if (n.matches(".*(个体|经营部|工程队|商行|门市|店)$") || n.matches(".*(个体|经营部|工程队|商行).*")) ticked = "个体工商户";
        StringBuilder sb = new StringBuilder();
        for (String[] k : kinds) sb.append(k[0].equals(ticked) ? "■" : "□").append(k[0]).append(' ');
        sb.append(ticked == null ? "■" : "□").append("其他：").append(ticked == null ? BLANK : "");
        return sb.toString().strip();
    }

    /** A party's block in the 2024 示范文本's fields: the person's 经常居住地 and 工作单位, the organisation's 类型 and the representative's 职务. */
    static List<Field> complaintParty(String role, PartyKind kind, String name, String number, String address, String legalRep, String phone) {
        List<Field> f = new ArrayList<>();
        if (kind == PartyKind.PERSON) {
            f.add(new Field(role + "（自然人）姓名", orBlank(name)));
            IdFacts id = IdFacts.of(number);
            f.add(new Field("性别", id == null ? "□男 □女" : id.sex()));
            f.add(new Field("出生日期", id == null ? date(null) : date(id.born())));
            f.add(new Field("民族", BLANK));
            f.add(new Field("工作单位、职务", BLANK));
            f.add(new Field("联系电话", orBlank(phone)));
            f.add(new Field("住所地（户籍所在地）", orBlank(address)));
            f.add(new Field("经常居住地", address == null || address.isBlank() ? BLANK : "同住所地（不同的请填写）"));
            f.add(new Field("公民身份号码", orBlank(number)));
        } else {
            f.add(new Field(role + "（法人、非法人组织）名称", orBlank(name)));
            f.add(new Field("住所地（主要办事机构所在地）", orBlank(address)));
            f.add(new Field("注册地／登记地", address == null || address.isBlank() ? BLANK : "同住所地（不同的请填写）"));
            f.add(new Field("法定代表人／主要负责人", orBlank(legalRep) + "    职务：" + BLANK));
            f.add(new Field("联系电话", orBlank(phone)));
            f.add(new Field("统一社会信用代码", orBlank(number)));
            f.add(new Field("类型", entityType(name)));
        }
        return f;
    }

    private static List<Doc.Block> complaintBody(CaseFile c, String cause) {
        boolean loan = isLoan(c);
        Claim k = claim(c, false);
        Receivable r = c.receivable();
        CreditorProfile me = c.creditor();
        Customer they = c.debtor();
        List<Doc.Block> out = new ArrayList<>();
        out.add(new Doc.Para("（" + cause + "）", Style.CENTER));
        out.add(new Doc.Para("特别提示：诉讼参加人应当遵循诚信原则如实陈述事实、提交证据。" + Statutes.GOOD_FAITH_LITIGATION.zh()
                + "规定：“民事诉讼应当遵循诚信原则。”进行虚假诉讼、恶意诉讼的，人民法院将依法追究责任（" + Statutes.COLLUSIVE_LITIGATION.zh() + "）。",
                Style.BODY));
        out.add(new Doc.Heading("当事人信息"));
        out.add(new Doc.Fields(complaintParty("原告", me.getKind(), me.getName(), me.getRegistrationNumber(), me.getAddress(),
                me.getLegalRepresentative(), me.getContactPhone())));
        out.add(new Doc.Fields(List.of(new Field("委托诉讼代理人", "□有（姓名：________ 单位：________ 职务：________ 联系电话：________ "
                + "代理权限：□一般授权 □特别授权）  □无"))));
        out.add(new Doc.Fields(List.of(
                new Field("送达地址（所填信息除书面特别声明更改外，适用于案件所有后续程序）", orBlank(me.getAddress())),
                new Field("收件人、联系电话", (me.getKind() == PartyKind.PERSON ? orBlank(me.getName()) : orBlank(me.getLegalRepresentative()))
                        + "，" + orBlank(me.getContactPhone())),
                new Field("是否接受电子送达", "□是（方式：□短信 ________ □微信 ________ □传真 ________ □电子邮箱 ________ □其他 ________）  □否"
                        + "（" + Statutes.ELECTRONIC_SERVICE.zh() + "）"))));
        out.add(new Doc.Fields(complaintParty("被告", they.getKind(), they.getName(), they.getRegistrationNumber(), they.getAddress(),
                they.getLegalRepresentative(), Words.phone(they))));
        out.add(new Doc.Fields(List.of(new Field("第三人", "无"))));

        out.add(new Doc.Heading("诉讼请求和依据"));
        String basisWords = chargeBasisWords(c);
        String lateClaim = k.charges().signum() > 0 || k.interest().signum() > 0
                ? (k.interest().signum() > 0 ? "利息" + yuanShort(k.interest()) : "")
                + (k.charges().signum() > 0 ? (k.interest().signum() > 0 ? "、" : "") + lateWord(c) + yuanShort(k.charges()) : "")
                + "（暂计至" + date(c.asOf()) + "）" + (basisWords == null ? "" : "：" + basisWords) + "；是否请求支付至实际清偿之日止："
                + (basisWords == null ? "否" : "是")
                : "无";
        String costs = k.costs().signum() > 0 ? "是：" + yuanShort(k.costs()) : "否";
        String guarantees = r.getGuarantees() == null || r.getGuarantees().isBlank() ? "否" : "是：" + r.getGuarantees().strip();
        List<Field> claims = new ArrayList<>();
        if (loan) {
            claims.add(new Field("1. 本金", "截至" + date(c.asOf()) + "尚欠本金" + yuan(k.principal())));
            claims.add(new Field("2. 利息（复利、罚息）", lateClaim));
            claims.add(new Field("3. 是否要求提前还款或解除合同", "否（借款已到期）"));
            claims.add(new Field("4. 是否主张担保权利", guarantees));
            claims.add(new Field("5. 是否主张实现债权的费用", costs));
            claims.add(new Field("6. 其他请求", "本案诉讼费用由被告负担"));
            claims.add(new Field("7. 标的总额", yuan(k.total())));
            claims.add(new Field("8. 请求依据", "合同约定：" + contractName(c) + "；法律规定：" + basisText(legalBasis(c))));
        } else {
            claims.add(new Field("1. 给付价款（元）", figures(k.principal()) + "（截至" + date(c.asOf()) + "尚欠价款）"));
            claims.add(new Field("2. 迟延给付价款的利息（违约金）", lateClaim));
            claims.add(new Field("3. 赔偿因卖方违约所受的损失", "不适用（原告为出卖人）"));
            claims.add(new Field("4. 是否对标的物的瑕疵承担责任", "不适用（原告为出卖人）"));
            claims.add(new Field("5. 要求继续履行或是解除合同", "继续履行：被告支付价款"));
            claims.add(new Field("6. 是否主张担保权利", guarantees));
            claims.add(new Field("7. 是否主张实现债权的费用", costs));
            claims.add(new Field("8. 其他请求", "本案诉讼费用由被告负担"));
            claims.add(new Field("9. 标的总额", yuan(k.total())));
            claims.add(new Field("10. 请求依据", "合同约定：" + contractName(c) + (agreedLateTerms(r) == null ? "" : "（" + agreedLateTerms(r) + "）")
                    + "；法律规定：" + basisText(legalBasis(c))));
        }
        out.add(new Doc.Fields(claims));

        out.add(new Doc.Heading("约定管辖和诉讼保全"));
        out.add(new Doc.Fields(List.of(
                new Field("1. 有无仲裁、法院管辖约定", r.hasArbitrationClause() ? "有仲裁约定：" + r.getArbitrationClause().strip()
                        : r.getJurisdictionClause() == null || r.getJurisdictionClause().isBlank() ? "无" : "有管辖约定：" + r.getJurisdictionClause().strip()),
                new Field("2. 是否已经诉前保全", "否"),
                new Field("3. 是否申请诉讼保全", c.options().preservation() ? "是（见财产保全申请书；" + Statutes.PRESERVATION.zh() + "）" : "否"))));

        out.add(new Doc.Heading("事实与理由"));
        out.add(new Doc.Fields(loan ? loanFacts(c, k) : saleFacts(c, k)));

        out.add(new Doc.Heading("证据清单"));
        out.add(new Doc.Para("见所附证据目录及证据材料汇编（" + Statutes.EVIDENCE_LIST.zh() + "）。", Style.BODY));
        out.add(new Doc.Para("此致", Style.BODY));
        out.add(new Doc.Para(court(c), Style.BODY));
        out.add(new Doc.Signature(List.of("具状人：" + me.getName() + "（签字／盖章）", date(c.asOf()))));
        return out;
    }

    private static List<Field> saleFacts(CaseFile c, Claim k) {
        Receivable r = c.receivable();
        List<Field> f = new ArrayList<>();
        String late = agreedLateTerms(r);
        List<EvidenceItem> deliveries = c.evidence().stream().filter(e -> e.getType() == EvidenceType.DELIVERY_NOTE
                || e.getType() == EvidenceType.RECEIPT_SIGNED).toList();
        LocalDate due = dueDate(r);
        f.add(new Field("1. 合同的签订情况（名称、编号、签订时间、地点）", contractName(c) + "，" + date(r.getContractDate()) + "签订；签订地点：" + BLANK));
        f.add(new Field("2. 签订主体", "出卖人：" + c.creditor().getName() + "；买受人：" + c.debtor().getName()));
        f.add(new Field("3. 买卖标的物情况（名称、规格、质量、数量）", r.getTitle().strip() + "（规格、数量见合同及送货单）"));
        f.add(new Field("4. 合同约定的价格及支付方式", "总价" + yuanShort(r.getPrincipal()) + "；"
                + (r.getSchedule().size() > 1 ? "分" + r.getSchedule().size() + "期支付" : "付款期限至" + date(due))));
        f.add(new Field("5. 合同约定的交货时间、地点、方式、风险承担、安装、调试、验收", "见合同约定"));
        f.add(new Field("6. 合同约定的质量标准及检验方式、质量异议期限", "见合同约定"));
        f.add(new Field("7. 合同约定的违约金（定金）", late == null ? "无约定" : late));
        f.add(new Field("8. 价款支付及标的物交付情况", "原告已交付全部货物" + (deliveries.isEmpty() ? "" : "（"
                + deliveries.stream().map(EvidenceItem::getTitle).collect(Collectors.joining("、")) + "）")
                + "；被告" + paymentsText(c) + "，逾期未付款金额" + yuanShort(k.principal())));
        f.add(new Field("9. 是否存在迟延履行", due != null && c.asOf().isAfter(due)
                ? "是：付款期限" + date(due) + "届满，至" + date(c.asOf()) + "已逾期" + ChronoUnit.DAYS.between(due, c.asOf()) + "日"
                : "否"));
        f.add(new Field("10. 是否催促过履行", demandsText(c)));
        f.add(new Field("11. 买卖合同标的物有无质量争议", disputed(c) ? "被告曾提出异议（见沟通记录）" : "无：被告未提出质量异议"
                + (acknowledgementsText(c) == null ? "" : "，并曾" + acknowledgementsText(c))));
        f.add(new Field("12. 标的物质量规格或履行方式是否存在不符合约定的情况", "否"));
        f.add(new Field("13. 是否曾就标的物质量问题进行协商", "否"));
        f.add(new Field("14. 被告应当支付的利息、违约金、赔偿金", k.charges().add(k.interest()).signum() > 0
                ? lateWord(c) + yuanShort(k.charges().add(k.interest())) + "（暂计至" + date(c.asOf()) + "，计算方式见计算明细表）" : "无"));
        String g = r.getGuarantees() == null || r.getGuarantees().isBlank() ? null : r.getGuarantees().strip();
        f.add(new Field("15. 是否签订物的担保（抵押、质押）合同", g == null ? "否" : "见：" + g));
        f.add(new Field("16. 担保人、担保物", g == null ? "无" : g));
        f.add(new Field("17. 是否最高额担保（抵押、质押）", "否"));
        f.add(new Field("18. 是否办理抵押、质押登记", "否"));
        f.add(new Field("19. 是否签订保证合同", g == null ? "否" : "见：" + g));
        f.add(new Field("20. 保证方式", g == null ? "无" : BLANK));
        f.add(new Field("21. 其他担保方式", "无"));
        f.add(new Field("22. 其他需要说明的内容", factsNarrative(c)));
        f.add(new Field("23. 证据清单", "见所附证据目录"));
        return f;
    }

    private static List<Field> loanFacts(CaseFile c, Claim k) {
        Receivable r = c.receivable();
        LocalDate due = dueDate(r);
        List<Field> f = new ArrayList<>();
        String g = r.getGuarantees() == null || r.getGuarantees().isBlank() ? null : r.getGuarantees().strip();
        List<Payment> paid = paymentsByDate(c);
        f.add(new Field("1. 合同签订情况（名称、编号、签订时间、地点）", contractName(c) + "，" + date(r.getContractDate()) + "；地点：" + BLANK));
        f.add(new Field("2. 签订主体", "出借人：" + c.creditor().getName() + "；借款人：" + c.debtor().getName()));
        f.add(new Field("3. 借款金额", "约定" + yuanShort(r.getPrincipal()) + "；实际提供" + yuanShort(r.getPrincipal()) + "；提供方式：□现金 □转账 □其他"));
        f.add(new Field("4. 借款期限", "自" + date(r.getContractDate()) + "至" + date(due) + "；"
                + (due != null && !c.asOf().isBefore(due) ? "已到期" : "未到期")));
        f.add(new Field("5. 借款利率", r.getInterestRatePercent() == null ? "未约定利息" : Words.percent(r.getInterestRatePercent()) + "/年"));
        f.add(new Field("6. 借款提供时间", date(r.getContractDate()) + "，" + yuanShort(r.getPrincipal())));
        f.add(new Field("7. 还款方式", r.getSchedule().size() > 1 ? "分" + r.getSchedule().size() + "期还款" : "到期一次性还本付息"));
        f.add(new Field("8. 还款情况", paid.isEmpty() ? "未还款" : paymentsText(c)));
        f.add(new Field("9. 是否存在逾期还款", due != null && c.asOf().isAfter(due)
                ? "是：自" + date(due.plusDays(1)) + "起逾期，至今已逾期" + ChronoUnit.DAYS.between(due, c.asOf()) + "日" : "否"));
        f.add(new Field("10. 是否签订物的担保（抵押、质押）合同", g == null ? "否" : "见：" + g));
        f.add(new Field("11. 担保人、担保物", g == null ? "无" : g));
        f.add(new Field("12. 是否最高额担保", "否"));
        f.add(new Field("13. 是否办理抵押、质押登记", "否"));
        f.add(new Field("14. 是否签订保证合同", g == null ? "否" : "见：" + g));
        f.add(new Field("15. 保证方式／其他担保方式", g == null ? "无" : BLANK));
        f.add(new Field("16. 其他需要说明的内容", factsNarrative(c) + " 催收情况：" + demandsText(c)));
        f.add(new Field("17. 证据清单", "见所附证据目录"));
        return f;
    }

    /** 仲裁申请书: for a contract with an arbitration clause (the commission's fee rules are its own: not computed here). */
    static Doc arbitration(CaseFile c) {
        Claim k = claim(c, false);
        Receivable r = c.receivable();
        Doc.Builder b = new Doc.Builder(DocKind.ARBITRATION, "仲 裁 申 请 书");
        b.fields(party("申请人", c.creditor()));
        b.fields(party("被申请人", c.debtor()));
        b.heading("仲裁依据");
        b.para(r.hasArbitrationClause() ? "双方在" + contractName(c) + "中约定：" + r.getArbitrationClause().strip()
                : "（合同中未记录仲裁条款：仲裁须有书面仲裁协议，请先核对合同，或选择起诉。）" + BLANK);
        b.heading("仲裁请求");
        int n = 0;
        b.para((++n) + ". 裁决被申请人支付" + debtWord(c) + yuan(k.principal()) + "；");
        if (k.interest().signum() > 0 || k.charges().signum() > 0) {
            String cont = continuing(c);
            b.para((++n) + ". 裁决被申请人支付" + (k.interest().signum() > 0 ? "利息" + yuanShort(k.interest()) : "")
                    + (k.charges().signum() > 0 ? (k.interest().signum() > 0 ? "、" : "") + lateWord(c) + yuanShort(k.charges()) : "")
                    + "（暂计至" + date(c.asOf()) + "）" + (cont == null ? "" : "，" + cont) + "；");
        }
        b.para((++n) + ". 本案仲裁费用由被申请人承担。");
        b.heading("事实与理由");
        b.para(factsNarrative(c));
        b.para("依照" + basisText(legalBasis(c)) + "，特申请仲裁。");
        b.para("证据：见所附证据目录及证据材料。", Style.BODY);
        b.para("此致", Style.BODY);
        b.para(court(c), Style.BODY);
        b.signature("申请人：" + c.creditor().getName() + "（签字／盖章）", date(c.asOf()));
        b.note("仲裁费用按该仲裁委员会的收费办法收取，本程序不作计算。");
        return b.build();
    }

    static Doc preservation(CaseFile c) {
        Claim k = claim(c, false);
        CourtFees.Result fee = CourtFees.compute(CourtFees.Kind.PRESERVATION, k.total(), false);
        Doc.Builder b = new Doc.Builder(DocKind.PRESERVATION, "财 产 保 全 申 请 书");
        b.fields(party("申请人", c.creditor()));
        b.fields(party("被申请人", c.debtor()));
        b.heading("请求事项");
        b.para("请求依法冻结被申请人名下银行存款" + yuan(k.total()) + "，或查封、扣押、冻结其相应价值的其他财产。");
        b.heading("事实与理由");
        b.para("申请人与被申请人" + (isLoan(c) ? "民间借贷纠纷" : "买卖合同纠纷") + "一案，" + factsNarrative(c)
                + "为防止被申请人转移、隐匿财产，使将来的判决难以执行，依照" + Statutes.PRESERVATION.zh() + "的规定，特申请财产保全。");
        String assets = assetsText(c.debtor());
        b.heading("被申请人的财产线索");
        b.para(assets == null ? "（请填写被申请人的银行账户、车辆、不动产等财产线索）" + BLANK : assets);
        b.heading("担保");
        b.para("申请人愿意提供担保：□ 现金担保 □ 保险公司诉讼财产保全责任保险保函 □ 担保公司保函 □ 其他：________，"
                + "担保金额" + BLANK + "元。申请保全错误的，申请人依法承担赔偿责任。");
        b.note("依照" + Statutes.FEE_APPLICATIONS.zh() + "，本申请的保全费为" + yuanShort(fee.fee()) + "（按申请保全金额计算，最高5,000元）。");
        b.para("此致", Style.BODY);
        b.para(court(c), Style.BODY);
        b.signature("申请人：" + c.creditor().getName() + "（签字／盖章）", date(c.asOf()));
        return b.build();
    }

    static Doc enforcement(CaseFile c) {
        Claim k = claim(c, false);
        CourtFees.Result fee = CourtFees.compute(CourtFees.Kind.ENFORCEMENT, k.total(), false);
        CourtEvent title = c.courtEvents().stream()
                .filter(e -> e.getKind() == CourtEvent.Kind.JUDGMENT_SERVED || e.getKind() == CourtEvent.Kind.MEDIATION_SIGNED
                        || e.getKind() == CourtEvent.Kind.PAYMENT_ORDER_SERVED || e.getKind() == CourtEvent.Kind.PERFORMANCE_DUE)
                .max(Comparator.comparing(CourtEvent::getEventDate)).orElse(null);
        Doc.Builder b = new Doc.Builder(DocKind.ENFORCEMENT, "强 制 执 行 申 请 书");
        b.fields(party("申请执行人", c.creditor()));
        b.fields(party("被执行人", c.debtor()));
        b.heading("执行依据");
        b.para(title == null ? orBlank(null) + "人民法院（____）________号民事判决书／调解书／支付令（请填写生效法律文书）"
                : orBlank(title.getCourt()) + orBlank(title.getCaseNumber()) + "号法律文书（" + date(title.getEventDate()) + "）", Style.BODY);
        b.heading("请求事项");
        b.para("1. 请求强制被执行人履行生效法律文书确定的给付义务，支付" + yuan(k.total()) + "（以生效法律文书确定的金额为准）；");
        b.para("2. 请求被执行人加倍支付迟延履行期间的债务利息（" + Statutes.DOUBLE_INTEREST.zh() + "，" + Statutes.DOUBLE_INTEREST_FORMULA.zh() + "）；");
        b.para("3. 执行费" + yuanShort(fee.fee()) + "由被执行人负担。");
        b.heading("事实与理由");
        b.para("上述法律文书已经发生法律效力，被执行人至今未履行。依照" + Statutes.ENFORCEMENT_APPLICATION.zh() + "的规定，特申请强制执行。"
                + "申请执行的期间为二年（" + Statutes.ENFORCEMENT_PERIOD.zh() + "）。");
        String assets = assetsText(c.debtor());
        b.heading("被执行人的财产线索");
        b.para(assets == null ? "（请填写被执行人的银行账户、车辆、不动产等财产线索）" + BLANK
                : assets + "。请求依照" + Statutes.ENFORCEMENT_MEASURES.zh() + "查询、冻结、划拨、变价被执行人的财产。");
        b.para("此致", Style.BODY);
        b.para(court(c), Style.BODY);
        b.signature("申请执行人：" + c.creditor().getName() + "（签字／盖章）", date(c.asOf()));
        b.para("附：生效法律文书及生效证明；申请执行人身份证明；计算明细表。", Style.BODY);
        return b.build();
    }

    static Doc serviceAddress(CaseFile c) {
        CreditorProfile p = c.creditor();
        Doc.Builder b = new Doc.Builder(DocKind.SERVICE_ADDRESS, "送 达 地 址 确 认 书");
        b.fields(List.of(
                new Field("案由", isLoan(c) ? "民间借贷纠纷" : "买卖合同纠纷"),
                new Field("受送达人", p.getName()),
                new Field("诉讼地位", "原告／申请人"),
                new Field("送达地址", orBlank(p.getAddress())),
                new Field("收件人", orBlank(p.getLegalRepresentative())),
                new Field("联系电话", orBlank(p.getContactPhone())),
                new Field("是否同意电子送达", "□同意 □不同意（" + Statutes.ELECTRONIC_SERVICE.zh() + "）"),
                new Field("电子送达的手机号码／电子邮箱", BLANK)));
        b.heading("告知事项");
        b.para("1. 受送达人应当如实提供确切的送达地址，并对其真实性负责；送达地址变更的，应当及时书面告知人民法院。");
        b.para("2. 因受送达人提供的地址不准确、变更后未及时告知，或者本人、指定的代收人拒绝签收，导致诉讼文书未能被实际接收的，"
                + "文书退回之日视为送达之日。");
        b.para("3. 本确认书确认的送达地址，适用于本案各审判程序和执行程序。");
        b.heading("受送达人确认");
        b.para("我已经阅读本确认书的告知事项，提供了上述送达地址，并保证所提供的送达地址真实有效。", Style.BODY);
        b.signature("受送达人：" + p.getName() + "（签字／盖章）", date(c.asOf()));
        return b.build();
    }

    /**
     * The 证据目录. {@code pages} maps an evidence number ("1-1") to its page range in the bundle; without a
     * bundle (null) the column is left for the clerk.
     */
    public static Doc evidenceList(CaseFile c, Map<String, String> pages) {
        Doc.Builder b = new Doc.Builder(DocKind.EVIDENCE_LIST, "证 据 目 录");
        b.para("案由：" + (isLoan(c) ? "民间借贷纠纷" : "买卖合同纠纷") + "    提交人：" + c.creditor().getName()
                + "    对方当事人：" + c.debtor().getName(), Style.BODY);
        b.block(evidenceTable(EvidenceIndex.of(c.evidence()), pages));
        b.para("以上证据材料共" + c.evidence().size() + "项。", Style.BODY);
        b.note("证据材料依照对方当事人人数提交副本（" + Statutes.EVIDENCE_LIST.zh() + "）。");
        b.signature("提交人：" + c.creditor().getName() + "（签字／盖章）", "提交日期：" + date(c.asOf()));
        return b.build();
    }

    static Doc.Table evidenceTable(List<EvidenceIndex.Entry> entries, Map<String, String> pages) {
        List<List<String>> rows = new ArrayList<>();
        EvidenceIndex.Group g = null;
        for (EvidenceIndex.Entry e : entries) {
            if (!e.group().equals(g)) {
                g = e.group();
                rows.add(List.of("第" + g.number() + "组", g.title(), "", "", "", ""));
            }
            EvidenceItem it = e.item();
            rows.add(List.of(e.number(), it.getTitle(), orNone(it.getSource()), orNone(it.getPurpose()),
                    pages == null ? "" : pages.getOrDefault(e.number(), ""), it.isOriginal() ? "原件" : "复印件"));
        }
        return new Doc.Table(List.of("序号", "证据名称", "证据来源", "证明目的", "页码", "原件或复印件"), new float[]{1.1f, 3.2f, 2f, 4.4f, 1.3f, 1.6f},
                rows, new boolean[]{false, false, false, false, false, false});
    }

    static Doc calculation(CaseFile c) {
        ClaimCalculator.Result r = c.claim();
        Claim k = claim(c, false);
        Doc.Builder b = new Doc.Builder(DocKind.CALCULATION, "计 算 明 细 表");
        b.para("债权人：" + c.creditor().getName() + "    债务人：" + c.debtor().getName() + "    计算截至：" + date(r.asOf()), Style.BODY);
        b.heading("一、结果");
        b.block(owedTable(c, k));
        if (r.dailyAccrual() != null && r.dailyAccrual().signum() > 0) {
            b.para("此后每日新增约" + yuanShort(r.dailyAccrual()) + "。" + (continuing(c) == null ? "" : continuing(c) + "。"), Style.BODY);
        }
        b.heading("二、计算方法");
        for (String m : r.method()) b.para("· " + m, Style.BODY);
        b.heading("三、逐笔明细（还款依照" + Statutes.PAYMENT_ALLOCATION.zh() + "先抵充实现债权的费用，再抵充利息，最后抵充本金）");
        List<List<String>> rows = new ArrayList<>();
        for (ClaimCalculator.Line l : r.ledger()) {
            rows.add(List.of(l.date().toString(), l.text(), nz(l.accrued()), nz(l.paid()), figures(l.principalLeft()),
                    figures(l.interestLeft().add(l.chargesLeft()))));
        }
        b.block(new Doc.Table(List.of("日期", "事项", "新增（元）", "还款（元）", "本金余额", "利息及违约金余额"),
                new float[]{1.8f, 5.2f, 1.7f, 1.7f, 1.8f, 2f}, rows, new boolean[]{false, false, true, true, true, true}));
        for (String w : r.warnings()) b.note(w);
        b.heading("四、诉讼费用（按标的总额" + yuanShort(k.total()) + "）");
        List<List<String>> fees = new ArrayList<>();
        for (CourtFees.Kind kind : CourtFees.Kind.values()) {
            CourtFees.Result f = CourtFees.compute(kind, k.total(), false);
            fees.add(List.of(feeName(kind), figures(f.fee()), f.basis().stream().map(Citation::zh).collect(Collectors.joining("、"))));
        }
        b.block(new Doc.Table(List.of("费用", "金额（元）", "依据"), new float[]{3, 2, 5}, fees, new boolean[]{false, true, false}));
        b.para("简易程序审理或调解、撤诉结案的案件受理费减半（" + Statutes.FEE_HALF_SIMPLE.zh() + "、" + Statutes.FEE_HALF_MEDIATION.zh() + "）。"
                + CourtFees.ROUNDING + "。", Style.BODY);
        b.heading("依据");
        b.para(basisText(new LinkedHashSet<>(r.basis())) + "。", Style.BODY);
        b.note("计算明细表由回款助手根据账本记录计算，请与原始凭证核对。");
        return b.build();
    }

    private static String feeName(CourtFees.Kind k) {
        return switch (k) {
            case CASE -> "案件受理费（财产案件）";
            case PAYMENT_ORDER -> "支付令申请费";
            case PRESERVATION -> "财产保全申请费";
            case ENFORCEMENT -> "执行申请费";
        };
    }

    private static String nz(BigDecimal v) {
        return v == null || v.signum() == 0 ? "" : figures(v);
    }
}
