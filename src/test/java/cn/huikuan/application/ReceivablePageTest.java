package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.storage.FileIntegrity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The receivable page's snapshot without a window (issue 25): one call gives what the page shows. */
class ReceivablePageTest {
    @TempDir
    Path dir;

    @Test
    void theSamplesSaleGivesItsFiguresEvidenceClaimAndLimitationInOneRead() {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            long id = books.receivables().firstId().orElseThrow();
            List<int[]> steps = new ArrayList<>();
            ReceivablePage page = books.legal().page(id, Map.of(), new ReceivablePage.Progress() {
                @Override
                public void update(int done, int of) {
                    steps.add(new int[] {done, of});
                }

                @Override
                public boolean cancelled() {
                    return false;
                }
            });
            assertThat(page.receivable().getId()).isEqualTo(id);
            assertThat(page.balance().outstanding()).isEqualByComparingTo("300000.00");
            assertThat(page.evidence()).hasSize(5);
            assertThat(page.integrity()).hasSize(5).containsValues(FileIntegrity.OK).doesNotContainValue(FileIntegrity.ALTERED);
            assertThat(steps).hasSize(5).last().satisfies(s -> assertThat(s).containsExactly(5, 5));
            assertThat(page.claim()).isNotNull();
            assertThat(page.claimProblem()).isNull();
            assertThat(page.limitation()).isNotNull();
            assertThat(page.timeline()).isNotEmpty();

            // what the page already knows is not hashed again; a cancelled read stops checking files
            long first = page.evidence().get(0).getId();
            ReceivablePage again = books.legal().page(id, Map.of(first, FileIntegrity.ALTERED), ReceivablePage.Progress.NONE);
            assertThat(again.integrity()).containsEntry(first, FileIntegrity.ALTERED);
            ReceivablePage cancelled = books.legal().page(id, Map.of(), new ReceivablePage.Progress() {
                @Override
                public void update(int done, int of) {
                }

                @Override
                public boolean cancelled() {
                    return true;
                }
            });
            assertThat(cancelled.integrity()).isEmpty();
        }
    }
}
