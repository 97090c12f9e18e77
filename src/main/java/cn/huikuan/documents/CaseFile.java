package cn.huikuan.documents;

import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.law.Limitation;

import java.time.LocalDate;
import java.util.List;
import cn.huikuan.domain.Instalment;

/**
 * Everything the documents of one case are made from, read once from the books: nothing in a document is
 * typed twice. {@code options} are the few things only the user can decide (deadline, court, law firm),
 * reviewed in the app before export.
 */
public record CaseFile(CreditorProfile creditor, Customer debtor, Receivable receivable, List<Payment> payments,
                       List<EvidenceItem> evidence, List<ContactEntry> contacts, List<CourtEvent> courtEvents,
                       ClaimCalculator.Result claim, Limitation.Result limitation, LocalDate asOf, Options options,
                       List<Instalment> agreedPlan) {
    public CaseFile {
        payments = List.copyOf(payments);
        evidence = List.copyOf(evidence);
        contacts = List.copyOf(contacts);
        courtEvents = List.copyOf(courtEvents);
        agreedPlan = agreedPlan == null ? List.of() : List.copyOf(agreedPlan);
    }

    /**
     * What the user decides per export.
     *
     * @param payBy        the deadline in a demand (default: 15 days after the as-of date)
     * @param court        the court addressed, e.g. "杭州市拱墅区人民法院" (blank: a line to fill in by hand)
     * @param lawFirm      the law firm for the lawyer's letter draft (blank: a line to fill in)
     * @param instalments  number of monthly instalments proposed in the agreement
     * @param firstInstalment due date of the first instalment
     * @param preservation whether the lawsuit asks the court to freeze the debtor's assets (the 诉讼 route does, with its
     *                     财产保全申请书; the complaint's answer follows it: issue 18)
     */
    public record Options(LocalDate payBy, String court, String lawFirm, int instalments, LocalDate firstInstalment, boolean preservation) {
        public Options {
            if (instalments < 1 || instalments > 60) throw new IllegalArgumentException("instalments must be 1..60: " + instalments);
            court = court == null ? "" : court.strip();
            lawFirm = lawFirm == null ? "" : lawFirm.strip();
        }

        public Options(LocalDate payBy, String court, String lawFirm, int instalments, LocalDate firstInstalment) {
            this(payBy, court, lawFirm, instalments, firstInstalment, false);
        }

        public static Options defaults(LocalDate asOf) {
            return new Options(asOf.plusDays(15), "", "", 3, asOf.plusMonths(1), false);
        }

        public Options withCourt(String c) {
            return new Options(payBy, c, lawFirm, instalments, firstInstalment, preservation);
        }

        public Options withPayBy(LocalDate d) {
            return new Options(d, court, lawFirm, instalments, firstInstalment, preservation);
        }

        public Options withLawFirm(String f) {
            return new Options(payBy, court, f, instalments, firstInstalment, preservation);
        }

        public Options withPreservation(boolean p) {
            return new Options(payBy, court, lawFirm, instalments, firstInstalment, p);
        }
    }

    public CaseFile withOptions(Options o) {
        return new CaseFile(creditor, debtor, receivable, payments, evidence, contacts, courtEvents, claim, limitation, asOf, o, agreedPlan);
    }
}
