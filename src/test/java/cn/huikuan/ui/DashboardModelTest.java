package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.SampleData;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.Payment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: the dashboard's view model, tested without a robot or the FX toolkit: its background work runs at once
 * ({@link Background#now()}) and its properties hold what the view shows.
 */
class DashboardModelTest {
    @TempDir
    Path dir;

    @Test
    void theFiguresTheToDoListAndTheRecoveryAreReadAndReadAgainOnlyAfterAWrite() {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
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
            DashboardModel model = new DashboardModel(books, counting, "loading", "loading today");
            assertThat(model.figures().get()).isNull();
            model.reload();
            assertThat(labels).containsExactly("loading", "loading today", "loading");
            // the sample book: three receivables of three customers, 300,000 of the first still owed
            assertThat(model.figures().get().openReceivables()).isEqualTo(3);
            assertThat(model.figures().get().customers()).isEqualTo(3);
            BigDecimal before = model.figures().get().outstanding();
            assertThat(model.asOf().get()).isEqualTo(TestClock.TODAY);
            assertThat(model.today().get()).isNotNull();
            assertThat(model.today().get().items()).isNotEmpty();
            assertThat(model.recovery().get()).hasSize(12);

            // nothing written: shown again without reading again
            labels.clear();
            model.reloadIfChanged();
            assertThat(labels).containsExactly("loading");

            // a payment: the next showing reads everything again and the owed total falls by it
            long sale = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
            books.receivables().addPayment(sale, new Payment(null, LocalDate.of(2026, 11, 27), Money.of("1000"), Payment.Channel.CASH), false);
            labels.clear();
            model.reloadIfChanged();
            assertThat(labels).containsExactly("loading", "loading", "loading today", "loading");
            assertThat(model.figures().get().outstanding()).isEqualByComparingTo(before.subtract(new BigDecimal("1000")));
        }
    }
}
