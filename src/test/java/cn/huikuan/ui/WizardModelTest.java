package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.ReceivablePage;
import cn.huikuan.application.SampleData;
import cn.huikuan.application.WizardPage;
import cn.huikuan.documents.DocKind;
import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.StepChange;
import cn.huikuan.i18n.I18n;
import cn.huikuan.workflow.ReminderTemplates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: the collection wizard's view model without a robot or the FX toolkit ({@link Background#now()}), and the
 * receivable tab's one read for its page and its wizard.
 */
class WizardModelTest {
    @TempDir
    Path dir;
    @TempDir
    Path out;

    private static long seedCase(Books books) {
        return books.receivables().page(ListQuery.first(10).withText("李某")).rows().get(0).id();
    }

    @Test
    void thePageTheRouteAdviceAndTheReminderFollowTheCaseAndTheAnswers() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            long id = seedCase(books);
            AtomicInteger changes = new AtomicInteger();
            WizardModel model = new WizardModel(books, I18n.forLanguage("zh"), Background.now(), id, changes::incrementAndGet);
            assertThat(model.page().get()).isNull();
            model.reload();
            WizardPage page = model.page().get();
            assertThat(page.state().step()).isEqualTo(books.wizard().current(id));
            assertThat(page.receivable().getCustomer().getName()).isEqualTo("李某");
            assertThat(page.creditor().getName()).isEqualTo(books.creditor().getName());

            // the route: a payment order while nothing speaks against it; another dispute rules it out
            WizardModel.RouteAdvice advice = model.advice().get();
            assertThat(advice.total()).isEqualByComparingTo(page.claim() == null ? page.state().balance().outstanding() : page.claim().total());
            assertThat(advice.caseFee()).isPositive();
            assertThat(advice.halfCaseFee()).isEqualByComparingTo(advice.caseFee().divide(java.math.BigDecimal.valueOf(2), 2, java.math.RoundingMode.HALF_UP));
            assertThat(advice.paymentOrder().conditions()).anyMatch(c -> c.text().equals("双方没有其他债务纠纷") && c.met());
            model.otherDisputes().set(true);
            assertThat(model.advice().get().paymentOrder().eligible()).isFalse();
            assertThat(model.advice().get().paymentOrder().failed()).anyMatch(c -> c.text().equals("双方没有其他债务纠纷"));
            model.otherDisputes().set(false);

            // arbitration without a clause on record is objected to; a lawsuit is not
            assertThat(page.receivable().hasArbitrationClause()).isFalse();
            assertThat(model.route().get()).isEqualTo(DocKind.Route.LAWSUIT);
            assertThat(model.routeProblem().get()).isNull();
            model.route().set(DocKind.Route.ARBITRATION);
            assertThat(model.routeProblem().get()).isNotNull();
            assertThat(model.routeProblem().get().met()).isFalse();

            // the reminder: filled from the case in the tone chosen, checked before it goes
            model.openReminder();
            ReminderTemplates.Tone first = model.tone().get();
            String text = model.reminder().get();
            assertThat(text).contains("李某");
            model.tone().set(first == ReminderTemplates.Tone.POLITE ? ReminderTemplates.Tone.FIRM : ReminderTemplates.Tone.POLITE);
            assertThat(model.reminder().get()).isNotEqualTo(text).contains("李某");

            AtomicInteger sent = new AtomicInteger();
            model.reminder().set("不还钱就打死你");
            model.checkReminder(sent::incrementAndGet);
            assertThat(sent).hasValue(0);
            assertThat(model.checked().get().result().blocked()).isTrue();
            assertThat(model.checked().get().text()).isEqualTo("不还钱就打死你");
            assertThat(model.findings().get()).startsWith("这条消息不能这样发");
            model.useRewrite(text);
            assertThat(model.findings().get()).isEmpty();
            model.checkReminder(sent::incrementAndGet);
            assertThat(sent).hasValue(1);

            model.saveEmail(out);
            Path eml = out.resolve("李某_催款提醒_" + TestClock.TODAY + ".eml");
            assertThat(eml).isRegularFile();
            assertThat(model.findings().get()).isEqualTo("已保存到：\n" + eml);
            assertThat(changes).hasValue(0);

            // moving the case is a write: said once each, and the next read shows it
            model.moveTo(CollectionStep.DEMAND, "寄出催收通知书");
            assertThat(changes).hasValue(1);
            model.reload();
            assertThat(model.page().get().state().step()).isEqualTo(CollectionStep.DEMAND);
            model.close("全部收回", StepChange.Outcome.PAID_IN_FULL);
            assertThat(changes).hasValue(2);
            assertThat(books.wizard().current(id)).isEqualTo(CollectionStep.CLOSED);
            assertThat(books.wizard().history(id)).last().satisfies(c -> assertThat(c.getOutcome()).isEqualTo(StepChange.Outcome.PAID_IN_FULL));
        }
    }

    @Test
    void theReceivableTabReadsItsPageAndItsWizardOnceAndShowsTheSameAsTheWizardsOwnRead() {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            long id = seedCase(books);
            WizardPage.Screen screen = books.wizard().screen(id, Map.of(), ReceivablePage.Progress.NONE);
            // the wizard's page is made of the receivable page's records and claim, not of a read of its own
            assertThat(screen.wizard().receivable()).isSameAs(screen.page().receivable());
            assertThat(screen.wizard().contacts()).isEqualTo(screen.page().timeline());
            assertThat(screen.wizard().evidence()).isEqualTo(screen.page().evidence());
            assertThat(screen.wizard().claim()).isNotNull().isSameAs(screen.page().claim());

            WizardPage own = books.wizard().page(id);
            assertThat(screen.wizard().state().step()).isEqualTo(own.state().step());
            assertThat(screen.wizard().state().balance()).isEqualTo(own.state().balance());
            assertThat(screen.wizard().state().checklist()).isEqualTo(own.state().checklist());
            assertThat(screen.wizard().state().facts()).isEqualTo(own.state().facts());
            assertThat(screen.wizard().state().advice()).isEqualTo(own.state().advice());
            assertThat(screen.wizard().claim().total()).isEqualByComparingTo(own.claim().total());

            // the view model shows a page handed to it as one it read itself
            WizardModel model = new WizardModel(books, I18n.forLanguage("zh"), Background.now(), id, () -> { });
            model.show(screen.wizard());
            assertThat(model.page().get()).isSameAs(screen.wizard());
            assertThat(model.advice().get().total()).isEqualByComparingTo(screen.page().claim().total());
        }
    }
}
