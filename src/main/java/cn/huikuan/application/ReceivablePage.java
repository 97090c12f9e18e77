package cn.huikuan.application;

import cn.huikuan.domain.Balance;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.law.Limitation;
import cn.huikuan.law.ProceduralDeadlines;
import cn.huikuan.storage.FileIntegrity;

import java.util.List;
import java.util.Map;

/**
 * Everything the receivable page shows, read in one pass (issue 25: the page composed this in its background lambda):
 * the receivable and its balance today, payments, evidence with each file's integrity, the contact timeline, the
 * limitation, the claim (or why it cannot be computed), the court steps and their deadlines.
 */
public record ReceivablePage(Receivable receivable, Balance balance, List<Payment> payments, List<EvidenceItem> evidence,
                             Map<Long, FileIntegrity> integrity, List<ContactEntry> timeline, Limitation.Result limitation,
                             ClaimCalculator.Result claim, String claimProblem, List<CourtEvent> court,
                             List<ProceduralDeadlines.Deadline> deadlines, String claimProblemEn) {
    /** Why the claim cannot be computed, in the app's language ("en" or "zh"); null when it can (issue 21). */
    public String claimProblem(String language) {
        return "en".equals(language) ? claimProblemEn : claimProblem;
    }


    public ReceivablePage {
        payments = List.copyOf(payments);
        evidence = List.copyOf(evidence);
        integrity = Map.copyOf(integrity);
        timeline = List.copyOf(timeline);
        court = List.copyOf(court);
        deadlines = List.copyOf(deadlines);
    }

    /** Told how many evidence files are checked, and asked whether to stop. */
    public interface Progress {
        void update(int done, int of);

        boolean cancelled();

        Progress NONE = new Progress() {
            @Override
            public void update(int done, int of) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }
}
