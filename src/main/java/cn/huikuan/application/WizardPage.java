package cn.huikuan.application;

import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Receivable;
import cn.huikuan.law.ClaimCalculator;

import java.util.List;

/**
 * Everything the collection wizard shows of one case, read in one pass (issue 25: the wizard read the case's records
 * a second time beside its state, and computed the claim again beside the receivable page's): the guide's state, the
 * receivable with its customer, the evidence and contacts the wizard's dialogs link, and the claim (null when it cannot
 * be computed; the claim tab says why), and the book's creditor profile (the reminder's sender, the route's court).
 */
public record WizardPage(WizardService.State state, Receivable receivable, List<EvidenceItem> evidence, List<ContactEntry> contacts,
                         ClaimCalculator.Result claim, CreditorProfile creditor) {
    public WizardPage {
        evidence = List.copyOf(evidence);
        contacts = List.copyOf(contacts);
    }

    /** The receivable page and its wizard, read together: one refresh of a receivable's tab. */
    public record Screen(ReceivablePage page, WizardPage wizard) {
    }
}
