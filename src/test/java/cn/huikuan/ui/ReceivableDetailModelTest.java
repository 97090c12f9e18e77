package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.SampleData;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.i18n.I18n;
import cn.huikuan.storage.FileIntegrity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: a receivable tab's view model without a robot or the FX toolkit ({@link Background#now()}): one read per
 * refresh feeds the page and its wizard, files are hashed once unless asked, damage is said once.
 */
class ReceivableDetailModelTest {
    @TempDir
    Path dir;

    @Test
    void oneReadFeedsThePageAndTheWizardAndAnAlteredFileIsFoundWhenAskedAndSaidOnce() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            long id = books.receivables().page(ListQuery.first(10).withText("李某")).rows().get(0).id();
            List<String> labels = new ArrayList<>();
            Background counting = new Background() {
                @Override
                public <T> void run(String label, TaskRunner.Work<T> work, java.util.function.Consumer<T> onSuccess) {
                    labels.add(label);
                    Background.now().run(label, work, onSuccess);
                }

                @Override
                public <T> Job start(String label, TaskRunner.Work<T> work, Outcome<T> outcome) {
                    labels.add(label);
                    return Background.now().start(label, work, outcome);
                }
            };
            AtomicInteger changes = new AtomicInteger();
            ReceivableDetailModel model = new ReceivableDetailModel(books, I18n.forLanguage("zh"), counting, id, changes::incrementAndGet);
            assertThat(model.page().get()).isNull();
            model.reload(false);
            assertThat(labels).as("one piece of background work per refresh").containsExactly("正在读取…");
            assertThat(model.page().get().receivable().getCustomer().getName()).isEqualTo("李某");
            assertThat(model.wizard().page().get()).isNotNull();
            assertThat(model.wizard().page().get().receivable()).isSameAs(model.page().get().receivable());
            List<EvidenceItem> evidence = model.evidence();
            assertThat(evidence).isNotEmpty();
            assertThat(evidence).allMatch(e -> model.integrity(e) == FileIntegrity.OK);
            assertThat(model.damagedFiles().get()).isZero();
            assertThat(model.nextDeadline().get()).isEmpty();

            // a stored copy altered behind the app's back: a plain refresh trusts the earlier check, a recheck finds it
            Path stored = books.evidence().file(evidence.get(0));
            stored.toFile().setWritable(true);
            Files.write(stored, new byte[]{1, 2, 3});
            model.reload(false);
            assertThat(model.integrity(evidence.get(0))).isEqualTo(FileIntegrity.OK);
            model.reload(true);
            assertThat(model.integrity(evidence.get(0))).isEqualTo(FileIntegrity.ALTERED);
            assertThat(model.damagedFiles().get()).isEqualTo(1);
            AtomicInteger said = new AtomicInteger();
            model.damagedFiles().addListener((o, was, now) -> said.incrementAndGet());
            model.reload(true);
            assertThat(said).as("said once").hasValue(0);

            // a court step: its deadline is the next one
            books.court().log(id, CourtEvent.Kind.PAYMENT_ORDER_SERVED, TestClock.TODAY.minusDays(2), "杭州市拱墅区人民法院", null, null);
            model.reload(false);
            assertThat(model.nextDeadline().get()).hasValueSatisfying(d -> assertThat(d.date()).isAfterOrEqualTo(TestClock.TODAY));
            assertThat(model.earlierOutgoing()).hasSameSizeAs(model.page().get().timeline().stream()
                    .filter(c -> c.getDirection() == cn.huikuan.domain.ContactEntry.Direction.OUTGOING).toList());
            assertThat(changes).hasValue(0);
        }
    }
}
