package cn.huikuan.application;

import cn.huikuan.TestClock;
import org.junit.jupiter.api.Test;

import java.util.List;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One search box: by name, ID number, phone, amount, contract number, evidence title or file name; never across books. */
class SearchServiceTest {
    @TempDir
    Path dir;

    @Test
    void findsCustomersReceivablesAndEvidenceInTheOpenBookOnly() {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            SearchService s = books.search();
            assertThat(s.search("李某", 10)).extracting(SearchService.Hit::kind).contains(SearchService.Kind.CUSTOMER, SearchService.Kind.RECEIVABLE,
                    SearchService.Kind.EVIDENCE);
            // a phone number finds the customer and, as in the receivables list, the customer's receivables
            List<SearchService.Hit> byPhone = s.search("13800001234", 10);
            assertThat(byPhone).extracting(SearchService.Hit::kind).containsExactly(SearchService.Kind.CUSTOMER, SearchService.Kind.RECEIVABLE);
            assertThat(byPhone.get(0)).satisfies(h -> {
                assertThat(h.detail()).contains("138****1234").doesNotContain("13800001234");
                assertThat(h.receivableId()).isEqualTo(byPhone.get(1).receivableId());
            });
            assertThat(byPhone).allSatisfy(h -> assertThat(h.title() + h.detail()).doesNotContain("13800001234"));
            assertThat(s.search("330106198503151238", 10)).extracting(SearchService.Hit::title).containsExactly("李某",
                    "李某 — 建材购销合同（钢材、水泥、砂石、砌块）");
            // 300,000 outstanding on the seed's case; the loan's principal is 50,000.
            assertThat(s.search("300,000.00", 10)).extracting(SearchService.Hit::title).containsExactly("李某 — 建材购销合同（钢材、水泥、砂石、砌块）");
            assertThat(s.search("30万", 10)).hasSize(1);
            assertThat(s.search("50000", 10)).extracting(SearchService.Hit::title).containsExactly("张某 — 借款（借条）");
            assertThat(s.search("JC-2025", 10)).extracting(SearchService.Hit::kind).containsExactly(SearchService.Kind.RECEIVABLE, SearchService.Kind.EVIDENCE);
            assertThat(s.search("delivery-note", 10)).extracting(SearchService.Hit::kind).containsOnly(SearchService.Kind.EVIDENCE).hasSize(2);
            assertThat(s.search("%", 10)).isEmpty();
            assertThat(s.search("'; DROP TABLE customer;--", 10)).isEmpty();
            assertThat(s.search("  ", 10)).isEmpty();
            books.switchTo(books.createBook("另一家"));
            assertThat(books.search().search("李某", 10)).isEmpty();
        }
    }
}
