package cn.huikuan.ui;

import cn.huikuan.documents.DocKind;
import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.ContactEntry;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.TodayService;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.domain.StepChange;

/**
 * The seed's case through the 先礼后兵 wizard, headless: facts → reminder (a threat refused, the template
 * logged) → demand with an EMS number (limitation restarts) → the missed promise proposes the next step →
 * lawyer's letter → route (支付令 possible) → the 支付令 packet exported, without leaving the wizard.
 */
@ExtendWith(ApplicationExtension.class)
class WizardFlowTest extends UiTestBase {
    @TempDir
    Path exportTo;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void next(FxRobot robot, String title) {
        robot.clickOn("#wizardNextStep");
        waitUntil(() -> text(robot, "#wizardTitle").contains(title));
    }

    @Test
    void theSampleCaseGoesFromOverdueToAnExportedPaymentOrderPacket(FxRobot robot) {
        long id = openSeedCase(robot);
        assertThat(text(robot, "#wizardNext")).contains("核对证据清单");
        assertThat(text(robot, "#wizardWhy")).contains("《民事诉讼法》第六十七条");
        assertThat(robot.lookup("#wizardStrategy").queryAll()).isNotEmpty();
        Screenshots.take(robot.lookup("#wizard").queryAs(Node.class), "16-wizard-facts");

        next(robot, "友好提醒");
        TextArea text = robot.lookup("#reminderText").queryAs(TextArea.class);
        waitUntil(() -> text.getText().contains("李某") && text.getText().contains("300,000.00元"));
        String template = text.getText();
        robot.interact(() -> text.setText("再不还钱就把你的事发到朋友圈，让你老婆也知道"));
        robot.clickOn("#reminderCopy");
        waitUntil(() -> text(robot, "#reminderFindings").contains("不能这样发"));
        assertThat(robot.lookup("#reminderConductPanel .conduct-basis").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> l.getText().contains("《个人信息保护法》第二十五条"));
        robot.interact(() -> text.setText(template));
        robot.clickOn("#reminderCopy");
        waitUntil(() -> !robot.lookup("#reminderConductPanel").query().isVisible());
        assertThat(text(robot, "#reminderFindings")).isEmpty();
        Screenshots.take(robot.lookup("#wizard").queryAs(Node.class), "17-wizard-reminder");
        robot.clickOn("#reminderLog");
        waitUntil(() -> exists(robot, "#contactDialog"));
        assertThat(text(robot, "#contactSummary")).isEqualTo(template);
        robot.clickOn("#contactDialog-save");
        waitUntil(() -> !exists(robot, "#contactDialog") && text(robot, "#wizardNext").contains("等待对方回复"));

        next(robot, "书面催收");
        assertThat(text(robot, "#wizardNext")).contains("EMS");
        robot.clickOn("#wizardDelivery");
        waitUntil(() -> exists(robot, "#contactDialog"));
        ComboBox<ContactEntry.Outcome> outcome = robot.lookup("#contactOutcome").queryComboBox();
        assertThat(outcome.getValue()).isEqualTo(ContactEntry.Outcome.DELIVERED);
        set(robot, "#contactSummary", "催收通知书以 EMS 寄出，运单号：EA123456789CN；妥投日期：2026-11-28，李某本人签收");
        robot.clickOn("#contactDialog-save");
        waitUntil(() -> !exists(robot, "#contactDialog") && text(robot, "#wizardDelivered").contains("2026-11-28"));
        assertThat(books.legal().limitation(id).expires()).isEqualTo(LocalDate.of(2029, 11, 28));
        Screenshots.take(robot.lookup("#wizard").queryAs(Node.class), "18-wizard-demand");

        next(robot, "协商还款");
        // 李某 promised on 2026-08-28 to pay 100,000 by 2026-09-30 and did not.
        assertThat(text(robot, "#wizardNext")).contains("未按承诺", "2026-09-30", "律师函");
        // They then agreed (on 2026-10-01) to three monthly instalments from 2026-10-15 and missed the first.
        robot.clickOn("#wizardPlan");
        waitUntil(() -> exists(robot, "#planDialog"));
        setDate(robot, "#planAgreedOn", "2026-10-01");
        setDate(robot, "#planFirst", "2026-10-15");
        robot.clickOn("#planDialog-save");
        waitUntil(() -> !exists(robot, "#planDialog") && text(robot, "#wizardNext").contains("第 1/3 期"));
        assertThat(text(robot, "#wizardNext")).contains("未按时支付", "加速到期", "律师函");
        robot.clickOn("#wizardAgreement");
        waitUntil(() -> text(robot, "#exportStatus").startsWith("还款协议") && text(robot, "#previewPage").startsWith("第 1 页"));
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#exportDialog").queryAs(Node.class).getScene().getWindow()).close());
        Screenshots.take(robot.lookup("#wizard").queryAs(Node.class), "19-wizard-negotiate");

        next(robot, "律师函");
        Screenshots.take(robot.lookup("#wizard").queryAs(Node.class), "20-wizard-lawyer");

        next(robot, "选择法律途径");
        waitUntil(() -> robot.lookup("#routeResult").queryAs(javafx.scene.layout.VBox.class).getChildren().size() > 3);
        assertThat(robot.lookup("#routeResult .label").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> l.getText().equals("可以申请支付令"));
        assertThat(text(robot, "#routeFees")).contains("支付令申请费 ¥2,071.33", "诉讼案件受理费 ¥6,214.00", "简易程序减半为 ¥3,107.00",
                "财产保全费 ¥2,158.00");
        // issue 19: 27,600 against a loss of 5,898.08 (× 1.3 = 7,667.50): the debtor may ask for a reduction
        assertThat(text(robot, "#routePenalty")).contains("违约金 ¥27,600.00，可比逾期损失 ¥5,898.08", "超过损失的 130%", "第五百八十五条第二款");
        robot.clickOn("#routeOtherDisputes");
        assertThat(robot.lookup("#routeResult .label").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> l.getText().equals("不宜申请支付令"));
        robot.clickOn("#routeOtherDisputes");
        Screenshots.take(robot.lookup("#wizard").queryAs(Node.class), "21-wizard-route");
        javafx.scene.control.ScrollPane scroll = robot.lookup("#wizard .scroll-pane").queryAs(javafx.scene.control.ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(1.0));
        ComboBox<DocKind.Route> route = robot.lookup("#wizardRoute").queryComboBox();
        // issue 19: the sample contract has no arbitration clause — the route engine says so and no packet is offered
        robot.interact(() -> route.setValue(DocKind.Route.ARBITRATION));
        assertThat(robot.lookup("#routeCheck").queryAs(javafx.scene.control.Label.class).isVisible()).isTrue();
        assertThat(text(robot, "#routeCheck")).contains("书面仲裁条款", "《仲裁法》第四条");
        assertThat(robot.lookup("#wizardPacket").queryButton().isDisabled()).isTrue();
        robot.interact(() -> route.setValue(DocKind.Route.PAYMENT_ORDER));
        assertThat(robot.lookup("#routeCheck").queryAs(javafx.scene.control.Label.class).isVisible()).isFalse();
        robot.clickOn("#wizardPacket");
        waitUntil(() -> text(robot, "#previewPage").startsWith("第 1 页") && text(robot, "#exportStatus").startsWith("支付令申请书"));
        dialogs.chosenDirs.add(exportTo);
        robot.clickOn("#exportPacket");
        waitUntil(() -> text(robot, "#exportStatus").startsWith("已导出到"));
        Path folder = exportTo.resolve("支付令材料-李某-2026-11-28");
        assertThat(folder.resolve("支付令申请书.pdf")).isRegularFile();
        assertThat(folder.resolve("证据材料汇编.pdf")).isRegularFile();
        robot.lookup("#exportDialog").queryAs(javafx.scene.control.DialogPane.class);
        robot.interact(() -> ((javafx.stage.Stage) robot.lookup("#exportDialog").queryAs(Node.class).getScene().getWindow()).close());
        javafx.scene.control.ListView<CollectionStep> steps = robot.lookup("#wizardSteps").queryListView();
        robot.interact(() -> steps.getSelectionModel().select(CollectionStep.COURT));
        waitUntil(() -> text(robot, "#wizardTitle").contains("法院程序与执行") && exists(robot, "#wizardGoHere"));
        assertThat(text(robot, "#wizardWhy")).contains("《民事诉讼法》第二百二十七条", "《民事诉讼法》第二百五十条");
        Screenshots.take(robot.lookup("#wizard").queryAs(Node.class), "23-wizard-court");
        assertThat(books.wizard().current(id)).isEqualTo(CollectionStep.ROUTE);
        assertThat(books.wizard().plan(id).getInstalments()).hasSize(3);
        assertThat(books.wizard().history(id)).extracting(c -> c.getStep()).containsExactly(CollectionStep.REMINDER, CollectionStep.DEMAND,
                CollectionStep.NEGOTIATE, CollectionStep.LAWYER, CollectionStep.ROUTE);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void todayListsWhatIsDueAcrossCasesAndOpensTheCase(FxRobot robot) {
        javafx.scene.control.ListView<TodayService.Item> list = robot.lookup("#todayList").queryListView();
        waitUntil(() -> list.getItems().size() == 3);
        assertThat(text(robot, "#todayStatus")).contains("共 3 项");
        // An old debt whose three years end on 2026-12-31 shows as a limitation warning.
        var c = books.customers().save(books.customers().newCustomer(PartyKind.PERSON, "王某"));
        var old = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "旧货款", LocalDate.of(2023, 9, 1),
                Money.of("8000"));
        old.dueOn(LocalDate.of(2023, 12, 31));
        books.receivables().save(old, false);
        robot.clickOn("#dash-refresh");
        waitUntil(() -> list.getItems().size() == 4);
        assertThat(list.getItems()).anyMatch(i -> i.kind() == TodayService.Kind.LIMITATION && i.text().contains("还剩 33 天"));
        assertThat(list.getItems().get(0).text()).contains("2026-08-31", "未兑现");
        System.setProperty("huikuan.noNotifications", "false");
        robot.clickOn("#dash-refresh");
        waitUntil(() -> robot.lookup(".notification-bar").tryQuery().isPresent());
        // the popup's pane has a background of its own under the AtlantaFX theme (it had none: text over the tool bar)
        javafx.scene.layout.Region pane = robot.lookup(".notification-bar .pane").queryAs(javafx.scene.layout.Region.class);
        waitUntil(() -> pane.getBackground() != null && pane.getBackground().getFills().stream()
                .anyMatch(f -> f.getFill() instanceof javafx.scene.paint.Color col && col.getOpacity() == 1.0));
        Screenshots.take(robot.lookup("#dashboard").queryAs(Node.class), "22-today");
        System.setProperty("huikuan.noNotifications", "true");
        int deco = list.getItems().stream().map(i -> i.customer()).toList().indexOf("某装饰工程有限公司");
        robot.doubleClickOn(robot.lookup("#todayList .list-cell").nth(deco).queryAs(Node.class), MouseButton.PRIMARY);
        waitUntil(() -> exists(robot, "#wizardTitle") && text(robot, "#detailHeading").contains("某装饰工程有限公司"));
    }

    @Test
    void aRepaymentPlanIsRecordedAndTheCaseClosesWithItsOutcome(FxRobot robot) {
        long id = openPlanDialog(robot);
        assertThat(text(robot, "#planPreview")).contains("第 1 期", "2026-12-28", "¥100,000.00", "第 3 期");
        Screenshots.take(robot.lookup("#planDialog").queryAs(Node.class), "27-repayment-plan");
        robot.clickOn("#planDialog-save");
        waitUntil(() -> !exists(robot, "#planDialog") && text(robot, "#wizardPlanInfo").contains("第 1/3 期"));
        assertThat(text(robot, "#wizardNext")).contains("跟进分期协议");
        robot.clickOn("#wizardClose");
        waitUntil(() -> exists(robot, "#outcomeDialog"));
        javafx.scene.control.ComboBox<String> choice = robot.lookup("#outcomeDialog .combo-box").queryComboBox();
        robot.interact(() -> choice.getSelectionModel().select(1));
        robot.clickOn(robot.lookup("#outcomeDialog .button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(javafx.scene.control.Button::isDefaultButton).findFirst().orElseThrow());
        waitUntil(() -> text(robot, "#wizardTitle").contains("结案"));
        var last = books.wizard().history(id).get(books.wizard().history(id).size() - 1);
        assertThat(last.getStep()).isEqualTo(CollectionStep.CLOSED);
        assertThat(last.getOutcome()).isEqualTo(StepChange.Outcome.PAID_IN_PART);
    }
}
