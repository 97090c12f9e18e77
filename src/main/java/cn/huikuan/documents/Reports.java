package cn.huikuan.documents;

import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static cn.huikuan.documents.Words.date;
import static cn.huikuan.documents.Words.figures;
import java.util.Arrays;

/** Bookkeepers' reports as documents (issue 7): the aging report by customer and a customer's statement. */
public final class Reports {
    /** The open buckets, in the report's column order. */
    public static final List<AgingBucket> BUCKETS = List.of(AgingBucket.NOT_DUE, AgingBucket.D0_30, AgingBucket.D31_90, AgingBucket.D91_180,
            AgingBucket.D181_365, AgingBucket.OVER_365);
    public static final List<String> BUCKET_TITLES = List.of("未到期", "0–30 天", "31–90 天", "91–180 天", "181–365 天", "365 天以上");

    public record AgingLine(String customer, Map<AgingBucket, BigDecimal> amounts) {
        BigDecimal total() {
            return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    private Reports() {
    }

    /**
     * 账龄分析表: one row per customer, the open buckets, a total per row and a totals row that is their sum. The heading
     * names the book (issue 21: two books' reports looked alike), e.g. "某建材有限公司 账龄分析表".
     */
    public static Doc aging(String book, LocalDate asOf, List<AgingLine> lines) {
        Doc.Builder b = new Doc.Builder(null, (book == null || book.isBlank() ? "" : book.strip() + " ") + "账龄分析表");
        b.para("账本：" + book + "    截至：" + date(asOf) + "    客户数：" + lines.size(), Doc.Style.BODY);
        List<String> header = new ArrayList<>(List.of("客户"));
        header.addAll(BUCKET_TITLES);
        header.add("合计");
        List<List<String>> rows = new ArrayList<>();
        BigDecimal[] totals = new BigDecimal[BUCKETS.size() + 1];
        Arrays.fill(totals, BigDecimal.ZERO);
        for (AgingLine l : lines) {
            List<String> row = new ArrayList<>(List.of(l.customer()));
            for (int i = 0; i < BUCKETS.size(); i++) {
                BigDecimal v = l.amounts().getOrDefault(BUCKETS.get(i), BigDecimal.ZERO);
                totals[i] = totals[i].add(v);
                row.add(v.signum() == 0 ? "" : figures(v));
            }
            totals[BUCKETS.size()] = totals[BUCKETS.size()].add(l.total());
            row.add(figures(l.total()));
            rows.add(row);
        }
        List<String> sum = new ArrayList<>(List.of("合计"));
        for (BigDecimal t : totals) sum.add(figures(t));
        rows.add(sum);
        float[] widths = {3.2f, 1.6f, 1.6f, 1.6f, 1.6f, 1.6f, 1.6f, 1.8f};
        boolean[] right = {false, true, true, true, true, true, true, true};
        b.block(new Doc.Table(header, widths, rows, right, new float[]{9, 8.5f, 8.5f, 8.5f, 8.5f, 8.5f, 8.5f, 8.5f}));
        b.para("逾期天数自第一笔未付款项的到期日起算；金额为未收本金（不含利息、违约金）。", Doc.Style.NOTE);
        return b.build();
    }

    /**
     * 对账单 of one customer for a period: opening balance, every sale and payment in the period, closing
     * balance, and a block for the customer to sign and return (a signed statement acknowledges the debt and
     * interrupts limitation, 民法典 §195).
     */
    public static Doc statement(String creditor, String customer, LocalDate from, LocalDate to, List<Receivable> receivables, List<Payment> payments) {
        Doc.Builder b = new Doc.Builder(null, "对  账  单");
        b.para(customer + "：", Doc.Style.BODY);
        b.para("现将" + date(from) + "至" + date(to) + "双方往来账目列示如下，请核对后签字（盖章）确认并交回。");
        record Line(LocalDate date, String text, BigDecimal debit, BigDecimal credit) {
        }
        BigDecimal opening = BigDecimal.ZERO;
        List<Line> lines = new ArrayList<>();
        for (Receivable r : receivables) {
            if (r.getContractDate().isBefore(from)) opening = opening.add(r.getPrincipal());
            else if (!r.getContractDate().isAfter(to)) lines.add(new Line(r.getContractDate(), r.getTitle()
                    + (r.getContractNumber() == null ? "" : "（" + r.getContractNumber() + "）"), r.getPrincipal(), null));
        }
        for (Payment p : payments) {
            if (p.getPaidOn().isBefore(from)) opening = opening.subtract(p.getAmount());
            else if (!p.getPaidOn().isAfter(to)) lines.add(new Line(p.getPaidOn(), "收到付款" + (p.getReference() == null ? "" : "（" + p.getReference() + "）"),
                    null, p.getAmount()));
        }
        lines.sort(Comparator.comparing(Line::date).thenComparing(l -> l.debit() == null ? 1 : 0));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(date(from), "期初余额", "", "", figures(opening)));
        BigDecimal bal = opening, debit = BigDecimal.ZERO, credit = BigDecimal.ZERO;
        for (Line l : lines) {
            if (l.debit() != null) {
                bal = bal.add(l.debit());
                debit = debit.add(l.debit());
            }
            if (l.credit() != null) {
                bal = bal.subtract(l.credit());
                credit = credit.add(l.credit());
            }
            rows.add(List.of(date(l.date()), l.text(), l.debit() == null ? "" : figures(l.debit()), l.credit() == null ? "" : figures(l.credit()),
                    figures(bal)));
        }
        rows.add(List.of(date(to), "本期合计 / 期末余额", figures(debit), figures(credit), figures(bal)));
        b.block(new Doc.Table(List.of("日期", "摘要", "应收（元）", "已收（元）", "余额（元）"), new float[]{2.2f, 4.6f, 2f, 2f, 2f}, rows,
                new boolean[]{false, false, true, true, true}));
        b.para("截至" + date(to) + "，贵方尚欠" + creditor + Words.yuan(bal.max(BigDecimal.ZERO)) + "。", Doc.Style.INDENT);
        b.signature(creditor + "（盖章）", date(to));
        b.heading("确  认  栏");
        b.checks("", "以上账目正确，截至" + date(to) + "尚欠" + figures(bal.max(BigDecimal.ZERO)) + "元");
        b.checks("", "账目不符，差额________元，理由：________________________");
        b.signature(customer + "（签字／盖章）：____________", "日期：____年__月__日");
        return b.build();
    }
}
