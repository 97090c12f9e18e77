package cn.huikuan.documents;

import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.EvidenceType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbering of a case's evidence as a court reads it: grouped by what it proves (the contract, its
 * performance, payment, demands and acknowledgements), numbered 1-1, 1-2, 2-1 …, each group in date order.
 * 民事证据规定 §19 asks for evidence "逐一分类编号"; no national layout prescribes the groups (FACTS.md §10.1).
 */
public final class EvidenceIndex {
    public record Group(int number, String title) {
    }

    public record Entry(String number, Group group, EvidenceItem item) {
    }

    private EvidenceIndex() {
    }

    static int groupOf(EvidenceType t) {
        return switch (t) {
            case CONTRACT, IOU -> 1;
            case DELIVERY_NOTE, RECEIPT_SIGNED, STATEMENT, INVOICE -> 2;
            case TRANSFER_VOUCHER, REPAYMENT_RECORD -> 3;
            case CHAT_RECORD, CALL_RECORDING, DEMAND_NOTICE, POSTAL_RECEIPT, LAWYER_LETTER -> 4;
            case OTHER -> 5;
        };
    }

    private static final Map<Integer, String> TITLES = Map.of(
            1, "合同关系的成立及主要约定",
            2, "我方履行合同义务（交货、对账）",
            3, "对方付款及欠款情况",
            4, "催收经过及对方对欠款的认可",
            5, "其他证据");

    /** Numbers the items; groups without evidence are skipped so numbers stay consecutive. */
    public static List<Entry> of(List<EvidenceItem> items) {
        TreeMap<Integer, List<EvidenceItem>> byGroup = new TreeMap<>();
        for (EvidenceItem e : items) {
            byGroup.computeIfAbsent(groupOf(e.getType()), k -> new ArrayList<>()).add(e);
        }
        List<Entry> out = new ArrayList<>();
        int g = 0;
        for (var en : byGroup.entrySet()) {
            g++;
            Group group = new Group(g, TITLES.get(en.getKey()));
            List<EvidenceItem> list = new ArrayList<>(en.getValue());
            list.sort(Comparator.comparing((EvidenceItem e) -> e.getEvidenceDate() == null ? LocalDate.MAX : e.getEvidenceDate())
                    .thenComparing(e -> e.getId() == null ? Long.MAX_VALUE : e.getId()));
            int n = 0;
            for (EvidenceItem e : list) {
                out.add(new Entry(g + "-" + (++n), group, e));
            }
        }
        return out;
    }
}
