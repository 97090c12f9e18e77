package cn.huikuan.ui;

import cn.huikuan.application.CustomerRow;
import cn.huikuan.application.ListQuery;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.EvidenceItem;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import java.time.LocalDate;

/** Clicks through the editors the way a shop owner would, including the mistakes they make. */
@ExtendWith(ApplicationExtension.class)
class EditorFlowTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void newCustomerWithWrongCheckDigitIsKeptOnlyWithAReason(FxRobot robot) {
        robot.clickOn("#tab-customers");
        TableView<CustomerRow> table = robot.lookup("#customerTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        robot.clickOn("#newCustomer");
        waitUntil(() -> exists(robot, "#customerEditor"));
        robot.clickOn("#customerEditor-save");
        waitUntil(() -> text(robot, "#error-name").equals("必填"));

        set(robot, "#customerName", "王五");
        set(robot, "#customerNumber", "110105194912310021");  // check character should be X
        set(robot, "#customerPhones", "139-1234-5678, abc");
        robot.clickOn("#customerEditor-save");
        waitUntil(() -> text(robot, "#error-registrationNumber").contains("应为 X"));
        assertThat(text(robot, "#error-contacts")).contains("电话号码格式不对");
        assertThat(text(robot, "#error-name")).isEmpty();
        Screenshots.take(robot.lookup("#customerEditor").queryAs(Node.class), "05-customer-editor-errors");

        set(robot, "#customerPhones", "139-1234-5678");
        set(robot, "#customerNumberReason", "与身份证原件核对一致");
        robot.clickOn("#customerEditor-save");
        waitUntil(() -> !exists(robot, "#customerEditor") && table.getItems().size() == 4);
        Customer saved = books.customers().search("王五", 5).get(0);
        assertThat(saved.getRegistrationNumber()).isEqualTo("110105194912310021");
        assertThat(saved.getNumberOverrideReason()).isEqualTo("与身份证原件核对一致");
        assertThat(saved.primaryPhone()).isEqualTo("139-1234-5678");
    }

    @Test
    void newReceivableRefusesBadAmountsAndDatesThenOpensItsPage(FxRobot robot) {
        robot.clickOn("#tab-customers");
        TableView<CustomerRow> table = robot.lookup("#customerTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        int zhang = table.getItems().stream().map(CustomerRow::name).toList().indexOf("张某");
        robot.interact(() -> table.getSelectionModel().select(zhang));
        robot.clickOn("#newReceivableForCustomer");
        waitUntil(() -> exists(robot, "#receivableEditor"));
        ComboBox<Customer> customer = robot.lookup("#receivableCustomer").queryComboBox();
        assertThat(customer.getValue().getName()).isEqualTo("张某");

        set(robot, "#receivableTitle", "五金货款");
        setDate(robot, "#receivableContractDate", "2026-03-01");
        set(robot, "#receivablePrincipal", "12000.555");
        setDate(robot, "#receivableDueDate", "2026-02-01");
        robot.clickOn("#receivableEditor-save");
        waitUntil(() -> text(robot, "#error-principal").contains("两位小数"));

        set(robot, "#receivablePrincipal", "-5");
        robot.clickOn("#receivableEditor-save");
        waitUntil(() -> text(robot, "#error-principal").contains("大于 0"));

        set(robot, "#receivablePrincipal", "￥12,000.50");
        robot.clickOn("#receivableEditor-save");
        waitUntil(() -> text(robot, "#error-dueDate").contains("早于合同"));
        Screenshots.take(robot.lookup("#receivableEditor").queryAs(Node.class), "06-receivable-editor-errors");

        setDate(robot, "#receivableDueDate", "2026/4/1");
        robot.clickOn("#receivableEditor-save");
        waitUntil(() -> !exists(robot, "#receivableEditor") && exists(robot, "#fig-outstanding")
                && text(robot, "#fig-outstanding").equals("¥12,000.50"));
        assertThat(text(robot, "#fig-days")).isEqualTo("241");
        assertThat(books.receivables().page(ListQuery.first(10)).total()).isEqualTo(4);
    }

    @Test
    void instalmentPlanIsGeneratedAndMustAddUp(FxRobot robot) {
        robot.clickOn("#newReceivable");
        waitUntil(() -> exists(robot, "#receivableEditor") && !robot.lookup("#receivableCustomer").queryComboBox().getItems().isEmpty());
        ComboBox<Customer> customer = robot.lookup("#receivableCustomer").queryComboBox();
        robot.interact(() -> customer.getSelectionModel().select(0));
        set(robot, "#receivableTitle", "分期货款");
        setDate(robot, "#receivableContractDate", "2026-01-31");
        set(robot, "#receivablePrincipal", "1000");
        scrollAndClick(robot, "#receivableInstalments");
        setDate(robot, "#scheduleFirst", "2026-01-31");
        robot.interact(() -> robot.lookup("#scheduleCount").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(3));
        scrollAndClick(robot, "#scheduleGenerate");
        assertThat(text(robot, "#receivableSchedule")).isEqualTo("2026-01-31  333.33\n2026-02-28  333.33\n2026-03-31  333.34\n");
        set(robot, "#receivableSchedule", "2026-01-31 333.33\n2026-02-28 333.33\n");
        robot.clickOn("#receivableEditor-save");
        waitUntil(() -> text(robot, "#error-schedule").contains("不一致"));
        set(robot, "#receivableSchedule", "2026-01-31 333.33\nnot a line\n");
        robot.clickOn("#receivableEditor-save");
        waitUntil(() -> text(robot, "#error-schedule").contains("第 2 行"));
        set(robot, "#receivableSchedule", "2026-01-31 333.33\n2026-02-28 333.33\n2026-03-31 333.34");
        robot.clickOn("#receivableEditor-save");
        waitUntil(() -> !exists(robot, "#receivableEditor") && exists(robot, "#fig-outstanding"));
        assertThat(text(robot, "#fig-overdueSince")).isEqualTo("2026-01-31");
    }

    @Override
    long openSeedCase(FxRobot robot) {
        long id = super.openSeedCase(robot);
        waitUntil(() -> exists(robot, "#fig-outstanding") && text(robot, "#fig-outstanding").equals("¥300,000.00"));
        return id;
    }

    @Test
    void attachEvidenceRefusesEmptyAndDuplicateFilesThenLogsAContact(FxRobot robot) throws Exception {
        openSeedCase(robot);
        robot.clickOn("#detail-tab-evidence");
        TableView<EvidenceItem> evidence = robot.lookup("#evidenceTable").queryTableView();
        waitUntil(() -> evidence.getItems().size() == 5);

        Path photo = dir.resolve("签收单-李某.jpg");
        Files.write(photo, new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3, 4, 5});
        dialogs.chosen.add(List.of(photo));
        robot.clickOn("#addEvidence");
        waitUntil(() -> exists(robot, "#evidenceDialog"));
        assertThat(text(robot, "#evidenceTitle")).isEqualTo("签收单-李某");
        assertThat(robot.lookup("#evidenceType").queryComboBox().getValue()).hasToString("RECEIPT_SIGNED");
        set(robot, "#evidenceSource", "李某签字");
        set(robot, "#evidencePurpose", "李某签收全部货物");
        scrollAndClick(robot, "#evidenceOriginal");
        robot.clickOn("#evidenceDialog-save");
        waitUntil(() -> !exists(robot, "#evidenceDialog") && evidence.getItems().size() == 6);
        EvidenceItem added = evidence.getItems().stream().filter(e -> e.getTitle().equals("签收单-李某")).findFirst().orElseThrow();
        assertThat(added.getMediaType()).isEqualTo("image/jpeg");
        assertThat(added.isOriginal()).isTrue();
        assertThat(Files.exists(books.evidence().file(added))).isTrue();
        assertThat(Files.exists(photo)).as("the user's original stays").isTrue();

        Path empty = Files.createFile(dir.resolve("empty.pdf"));
        dialogs.chosen.add(List.of(empty));
        robot.clickOn("#addEvidence");
        waitUntil(() -> exists(robot, "#evidenceDialog"));
        robot.clickOn("#evidenceDialog-save");
        waitUntil(() -> text(robot, "#error-file").contains("空"));
        robot.clickOn("#evidenceDialog-cancel");
        waitUntil(() -> !exists(robot, "#evidenceDialog"));

        dialogs.chosen.add(List.of(photo));
        robot.clickOn("#addEvidence");
        waitUntil(() -> exists(robot, "#evidenceDialog"));
        robot.clickOn("#evidenceDialog-save");
        waitUntil(() -> text(robot, "#error-file").contains("已作为“签收单-李某”"));
        robot.clickOn("#evidenceDialog-cancel");
        waitUntil(() -> !exists(robot, "#evidenceDialog"));
        assertThat(evidence.getItems()).hasSize(6);

        robot.clickOn("#logContact");
        waitUntil(() -> exists(robot, "#contactDialog"));
        set(robot, "#contactSummary", "电话沟通，李某同意 12 月 10 日前先付 5 万元。");
        ComboBox<ContactEntry.Outcome> outcome = robot.lookup("#contactOutcome").queryComboBox();
        robot.interact(() -> outcome.setValue(ContactEntry.Outcome.PROMISE_TO_PAY));
        set(robot, "#contactTime", "25:00");
        robot.clickOn("#contactDialog-save");
        waitUntil(() -> text(robot, "#error-occurredAt").contains("时间格式"));
        assertThat(text(robot, "#error-promisedDate")).isEqualTo("必填");
        set(robot, "#contactTime", "09:30");
        setDate(robot, "#contactPromisedDate", "2026-12-10");
        set(robot, "#contactPromisedAmount", "50000");
        ListView<EvidenceItem> links = robot.lookup("#contactEvidence").queryListView();
        int index = links.getItems().stream().map(EvidenceItem::getTitle).toList().indexOf("签收单-李某");
        robot.interact(() -> links.getSelectionModel().select(index));
        Screenshots.take(robot.lookup("#contactDialog").queryAs(Node.class), "07-contact-dialog");
        robot.clickOn("#contactDialog-save");
        ListView<ContactEntry> timeline = robot.lookup("#timeline").queryListView();
        waitUntil(() -> !exists(robot, "#contactDialog") && timeline.getItems().size() == 6);
        ContactEntry newest = timeline.getItems().get(0);
        assertThat(newest.getPromisedDate()).hasToString("2026-12-10");
        assertThat(newest.getEvidence()).extracting(EvidenceItem::getTitle).containsExactly("签收单-李某");
    }

    @Test
    void threateningOrLateNightMessagesNeedAWrittenReasonWhichIsKept(FxRobot robot) {
        openSeedCase(robot);
        robot.clickOn("#logContact");
        waitUntil(() -> exists(robot, "#contactDialog"));
        ComboBox<ContactEntry.Channel> channel = robot.lookup("#contactChannel").queryComboBox();
        robot.interact(() -> channel.setValue(ContactEntry.Channel.WECHAT));
        set(robot, "#contactSummary", "再不还钱就告诉你老婆，打断你的腿");
        setDate(robot, "#contactDate", "2026-11-27");
        set(robot, "#contactTime", "22:30");
        robot.clickOn("#contactDialog-save");
        waitUntil(() -> text(robot, "#error-summary").contains("打断"));
        assertThat(text(robot, "#error-summary")).doesNotContain("{");
        // a threat over a lawful trade debt: the public-security law, not 刑法 §293之一 (illegal debts only; issue 20)
        assertThat(text(robot, "#error-summary")).contains("告诉你老婆").contains("《治安管理处罚法》第五十条")
                .doesNotContain("第二百九十三条之一").contains("《个人信息保护法》第十条").contains("建议改为");
        assertThat(robot.lookup("#contactConductPanel .conduct-span").queryAll()).isNotEmpty();
        assertThat(text(robot, "#error-occurredAt")).contains("软件政策，并非法律规定");
        assertThat(text(robot, "#error-conductOverride")).contains("写明");
        Screenshots.take(robot.lookup("#contactDialog").queryAs(Node.class), "12-conduct-guard");
        assertThat(exists(robot, "#contactDialog")).as("nothing saved yet").isTrue();

        set(robot, "#contactConductOverride", "记录对方原话以备查，并非我方发出");
        robot.clickOn("#contactDialog-save");
        ListView<ContactEntry> timeline = robot.lookup("#timeline").queryListView();
        waitUntil(() -> !exists(robot, "#contactDialog") && timeline.getItems().size() == 6);
        assertThat(timeline.getItems().get(0).getConductOverride()).isEqualTo("记录对方原话以备查，并非我方发出");
        assertThat(books.audit().verify().intact()).isTrue();
    }

    @Test
    void userAddsAnLprMonthAndItIsUsedAtOnce(FxRobot robot) {
        robot.clickOn("#editLpr");
        waitUntil(() -> exists(robot, "#lprDialog"));
        assertThat(text(robot, "#lprAsOf")).contains("2026-08-20").contains("2026-09-20");
        setDate(robot, "#lprDate", "2026-09-22");
        set(robot, "#lprOneYear", "abc");
        set(robot, "#lprFiveYear", "35");
        scrollAndClick(robot, "#lprDialog-save");
        waitUntil(() -> text(robot, "#error-oneYear").contains("数字"));
        assertThat(text(robot, "#error-fiveYear")).contains("0 到 10");
        set(robot, "#lprOneYear", "2.90");
        set(robot, "#lprFiveYear", "3.40");
        Screenshots.take(robot.lookup("#lprDialog").queryAs(Node.class), "10-lpr-table");
        robot.clickOn("#lprDialog-save");
        waitUntil(() -> !exists(robot, "#lprDialog"));
        assertThat(books.legal().lpr().asOf()).hasToString("2026-09-22");
        assertThat(books.legal().lpr().inForceOn(LocalDate.of(2026, 10, 1)).oneYear()).isEqualByComparingTo("2.90");
        assertThat(dir.resolve("data/law/lpr.csv")).exists();
    }

    @Test
    void paymentRefusesTextAndFutureDatesAndUpdatesTheBalance(FxRobot robot) {
        openSeedCase(robot);
        robot.clickOn("#addPayment");
        waitUntil(() -> exists(robot, "#paymentDialog"));
        set(robot, "#paymentAmount", "十万");
        setDate(robot, "#paymentDate", "2026-12-30");
        robot.clickOn("#paymentDialog-save");
        waitUntil(() -> text(robot, "#error-amount").contains("金额数字"));
        assertThat(text(robot, "#error-paidOn")).contains("不能晚于今天");
        set(robot, "#paymentAmount", "400000");
        setDate(robot, "#paymentDate", "2026-11-20");
        dialogs.confirmAnswer = false;
        robot.clickOn("#paymentDialog-save");
        waitUntil(() -> text(robot, "#error-amount").contains("超过未收本金"));
        assertThat(exists(robot, "#paymentDialog")).as("declined warning keeps the dialog open").isTrue();
        set(robot, "#paymentAmount", "10000");
        set(robot, "#paymentReference", "HK20261120000999");
        robot.clickOn("#paymentDialog-save");
        waitUntil(() -> !exists(robot, "#paymentDialog") && text(robot, "#fig-paid").equals("¥210,000.00"));
        assertThat(text(robot, "#fig-outstanding")).isEqualTo("¥290,000.00");
    }
}
