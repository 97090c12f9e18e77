package cn.huikuan.ui;

import cn.huikuan.application.ReceivableRow;
import cn.huikuan.application.TodayService;
import cn.huikuan.domain.CollectionStep;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.BackupService;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.testfx.util.WaitForAsyncUtils;

/** Issue 21's smaller defects, as the user met them (sample books, today 2026-11-28). */
@ExtendWith(ApplicationExtension.class)
class Issue21UiTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Item 1: the list says it is loading while it loads, lists overdue debts with nothing else to do, and follows writes. */
    @Test
    void todayListSaysLoadingListsOverdueDebtsAndRefreshesAfterAWrite(FxRobot robot) {
        ListView<TodayService.Item> list = robot.lookup("#todayList").queryListView();
        waitUntil(() -> list.getItems().size() == 3);
        DashboardView dash = robot.lookup("#dashboard").queryAs(DashboardView.class);
        AtomicReference<String> placeholder = new AtomicReference<>();
        AtomicReference<String> status = new AtomicReference<>();
        robot.interact(() -> {
            dash.reload();                                           // results come back on this thread: none yet
            placeholder.set(((Label) list.getPlaceholder()).getText());
            status.set(text(robot, "#todayStatus"));
        });
        assertThat(placeholder.get()).isEqualTo("正在加载…");
        assertThat(status.get()).isEqualTo("正在加载…");
        waitUntil(() -> text(robot, "#todayStatus").contains("共 3 项"));
        assertThat(((Label) list.getPlaceholder()).getText()).isEqualTo("今天没有需要处理的事项。");

        // a debt overdue since 2026-10-01, nothing done about it yet (as an import leaves it), written while another tab is shown
        robot.clickOn("#tab-receivables");
        var c = books.customers().save(books.customers().newCustomer(PartyKind.PERSON, "新导入商贸有限公司"));
        var r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "导入的货款", LocalDate.of(2026, 9, 1),
                Money.of("5000"));
        r.dueOn(LocalDate.of(2026, 10, 1));
        books.receivables().save(r, false);
        robot.clickOn("#tab-dashboard");
        waitUntil(() -> list.getItems().size() == 4 && text(robot, "#todayStatus").contains("共 4 项"));
        TodayService.Item item = list.getItems().stream().filter(i -> i.customer().equals("新导入商贸有限公司")).findFirst().orElseThrow();
        assertThat(item.kind()).isEqualTo(TodayService.Kind.OVERDUE);
        assertThat(item.date()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(item.text()).contains("已逾期 58 天", "核对证据清单");
    }

    /** Item 2: a saved plan being kept is followed; the wizard does not steer to a 支付令 and says why. */
    @Test
    void aSavedPlanIsFollowedInsteadOfAPaymentOrder(FxRobot robot) {
        long id = openPlanDialog(robot);
        robot.clickOn("#planDialog-save");                            // three instalments, the first on 2026-12-28
        waitUntil(() -> !exists(robot, "#planDialog") && text(robot, "#wizardPlanInfo").contains("第 1/3 期"));
        robot.clickOn("#wizardNextStep");
        waitUntil(() -> text(robot, "#wizardTitle").contains("律师函"));
        assertThat(text(robot, "#wizardNext")).contains("跟进分期协议", "2026-12-28", "提醒").doesNotContain("支付令");
        assertThat(text(robot, "#wizardPlanKept")).contains("第 1/3 期", "暂不申请支付令", "加速到期");
        robot.clickOn("#wizardNextStep");
        waitUntil(() -> text(robot, "#wizardTitle").contains("选择法律途径"));
        assertThat(text(robot, "#wizardNext")).contains("跟进分期协议").doesNotContain("选择支付令");
        assertThat(text(robot, "#wizardPlanKept")).contains("暂不申请支付令");
    }

    /** Item 3: 备份到… writes the backup and its evidence into the chosen folder and never replaces a file there without asking. */
    @Test
    void backUpToAChosenFolderAndRestoreFromIt(FxRobot robot) throws Exception {
        Path usb = Files.createDirectories(dir.resolve("usb"));
        String name = "huikuan-" + LocalDateTime.now(cn.huikuan.TestClock.fixed())
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-manual.zip";
        Files.writeString(usb.resolve(name), "an older backup of the same name");
        dialogs.chosenDirs.add(usb);
        dialogs.confirmAnswer = false;
        robot.clickOn("#backupTo");
        waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.contains("没有替换")));
        assertThat(dialogs.infos).anyMatch(i -> i.startsWith("文件已存在") && i.contains(name));
        assertThat(Files.readString(usb.resolve(name))).isEqualTo("an older backup of the same name");

        dialogs.chosenDirs.add(usb);
        dialogs.confirmAnswer = true;
        robot.clickOn("#backupTo");
        waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.startsWith("备份完成") && i.contains("备份已保存到")));
        String done = dialogs.infos.get(dialogs.infos.size() - 1);
        assertThat(done).doesNotContain("java -jar").contains("从U盘或其他文件夹选择备份文件");
        Path zip;
        try (var files = Files.list(usb)) {
            zip = files.filter(p -> p.getFileName().toString().endsWith(".zip") && !p.getFileName().toString().equals(name)).findFirst().orElseThrow();
        }
        assertThat(BackupService.isEncrypted(zip)).isFalse();
        try (var files = Files.walk(usb.resolve("evidence"))) {
            assertThat(files.filter(Files::isRegularFile).count()).as("the sample's evidence files beside the backup").isGreaterThanOrEqualTo(5);
        }

        // restore: the dialog takes a file from the stick
        dialogs.chosen.add(List.of(zip));
        AtomicReference<Optional<Path>> result = new AtomicReference<>();
        robot.interact(() -> {
            RestoreDialog d = new RestoreDialog(ctx, stage, BackupService.list(books.db().folder()));
            d.setOnShown(e -> { });
            d.show();
            d.resultProperty().addListener((o, a, b) -> result.set(Optional.ofNullable(b)));
        });
        robot.clickOn("#restoreOtherFile");
        robot.clickOn("#restoreOk");
        waitUntil(() -> result.get() != null);
        assertThat(result.get()).contains(zip);
    }

    /** Item 4: a contact that happened at night is recorded as it happened, after the guard's warning (hours explained). */
    @Test
    void aContactAtNightIsRecordedAfterAWarningThatExplainsTheHours(FxRobot robot) {
        openSeedCase(robot);
        robot.clickOn("#detail-tab-timeline");
        ListView<ContactEntry> timeline = robot.lookup("#timeline").queryListView();
        waitUntil(() -> timeline.getItems().size() == 5);
        robot.clickOn("#logContact");
        waitUntil(() -> exists(robot, "#contactDialog"));
        assertThat(text(robot, "#contactTime")).as("the default is now (10:00 in the tests)").isEqualTo("10:00");
        set(robot, "#contactSummary", "李某晚上来电，说下周先付一部分。");
        setDate(robot, "#contactDate", "2026-11-27");
        set(robot, "#contactTime", "22:30");
        robot.clickOn("#contactDialog-save");
        waitUntil(() -> !exists(robot, "#contactDialog") && timeline.getItems().size() == 6);
        assertThat(dialogs.infos).anyMatch(i -> i.contains("08:00–21:00") && i.contains("照实记录"));
        assertThat(timeline.getItems().get(0).getOccurredAt()).isEqualTo(LocalDateTime.of(2026, 11, 27, 22, 30));
        assertThat(timeline.getItems().get(0).getConductOverride()).isNull();
    }

    /** Item 5: what is typed in a spinner counts (on focus loss and on OK); text that is not a number is refused with a sentence. */
    @Test
    void typedNumbersInSpinnersAreKeptAndBadTextIsRefused(FxRobot robot) {
        long id = openPlanDialog(robot);
        javafx.scene.control.Spinner<Integer> count = robot.lookup("#planCount").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> {
            count.getEditor().requestFocus();
            count.getEditor().setText("4");
        });
        robot.clickOn("#planTotal");                                  // the focus leaves the spinner
        waitUntil(() -> count.getValue() == 4);
        assertThat(text(robot, "#planPreview")).contains("第 4 期");
        robot.interact(() -> count.getEditor().setText("abc"));
        robot.clickOn("#planDialog-save");
        waitUntil(() -> text(robot, "#error-count").contains("请输入 1 到 60 之间的整数"));
        assertThat(text(robot, "#error-count")).contains("abc");
        assertThat(exists(robot, "#planDialog")).isTrue();
        robot.interact(() -> {
            count.getEditor().requestFocus();
            count.getEditor().setText("６");                            // full-width, typed straight before OK
        });
        robot.clickOn("#planDialog-save");
        waitUntil(() -> !exists(robot, "#planDialog"));
        assertThat(books.wizard().plan(id).getInstalments()).hasSize(6);
    }

    /** Item 6: a recorded court step is corrected in place and the correction is journalled. */
    @Test
    void aCourtStepCanBeEditedAndTheEditIsJournalled(FxRobot robot) {
        long id = openSeedCase(robot);
        var step = books.court().log(id, CourtEvent.Kind.PAYMENT_ORDER_FILED, LocalDate.of(2026, 11, 20), "杭州市西湖区人民法院",
                "（2026）浙0106民督1号", null);
        robot.clickOn("#refreshDetail");
        robot.clickOn("#detail-tab-court");
        ListView<String> list = robot.lookup("#courtList").queryListView();
        waitUntil(() -> list.getItems().stream().anyMatch(l -> l.contains("（2026）浙0106民督1号")));
        assertThat(robot.lookup("#editCourtEvent").queryButton().isDisabled()).isTrue();
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#editCourtEvent");
        waitUntil(() -> exists(robot, "#courtEventDialog"));
        assertThat(text(robot, "#courtEventCaseNumber")).isEqualTo("（2026）浙0106民督1号");
        set(robot, "#courtEventCaseNumber", "（2026）浙0106民督12号");
        setDate(robot, "#courtEventDate", "2026-11-21");
        robot.clickOn("#courtEventDialog-save");
        waitUntil(() -> !exists(robot, "#courtEventDialog") && list.getItems().stream().anyMatch(l -> l.contains("民督12号")));
        var stored = books.court().list(id);
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getId()).isEqualTo(step.getId());
        assertThat(stored.get(0).getEventDate()).isEqualTo(LocalDate.of(2026, 11, 21));
        long entries = books.db().inTransaction(s -> ((Number) s.createNativeQuery(
                "SELECT COUNT(*) FROM audit_entry WHERE entity = 'court' AND entity_id = ?").setParameter(1, step.getId()).getSingleResult()).longValue());
        assertThat(entries).as("the step as recorded, then as corrected").isEqualTo(2);
        assertThat(books.audit().verify().intact()).isTrue();
    }

    /**
     * Issue 22: the step corrected elsewhere while its dialog was open (another staff member on an office book, or another
     * dialog): 保存 is refused, the dialog stays with what was typed and says who changed it and what it holds now.
     */
    @Test
    void aCourtStepCorrectedElsewhereWhileItsDialogIsOpenIsNotOverwritten(FxRobot robot) {
        long id = openSeedCase(robot);
        var step = books.court().log(id, CourtEvent.Kind.SUIT_FILED, LocalDate.of(2026, 11, 20), "杭州市西湖区人民法院", null, null);
        robot.clickOn("#refreshDetail");
        robot.clickOn("#detail-tab-court");
        ListView<String> list = robot.lookup("#courtList").queryListView();
        waitUntil(() -> list.getItems().stream().anyMatch(l -> l.contains("杭州市西湖区人民法院")));
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.clickOn("#editCourtEvent");
        waitUntil(() -> exists(robot, "#courtEventDialog"));
        books.court().edit(step.getId(), step.getVersion(), CourtEvent.Kind.SUIT_FILED, LocalDate.of(2026, 11, 20), "杭州市西湖区人民法院",
                "（2026）浙0106民初9号", null);
        set(robot, "#courtEventNote", "我的备注");
        robot.clickOn("#courtEventDialog-save");
        waitUntil(() -> !text(robot, "#form-error-general").isEmpty());
        assertThat(text(robot, "#form-error-general")).contains("已被", "没有保存", "案号：（2026）浙0106民初9号");
        assertThat(exists(robot, "#courtEventDialog")).isTrue();
        assertThat(text(robot, "#courtEventNote")).isEqualTo("我的备注");
        var stored = books.court().list(id).stream().filter(e -> e.getId().equals(step.getId())).findFirst().orElseThrow();
        assertThat(stored.getCaseNumber()).isEqualTo("（2026）浙0106民初9号");
        assertThat(stored.getNote()).isNull();
        robot.clickOn("#courtEventDialog-cancel");
        waitUntil(() -> !exists(robot, "#courtEventDialog"));
    }

    /** Item 7: a letter's EMS tracking number and delivery date are fields of their own: stored, shown, journalled, and the
     * delivery date is the day the demand reached the debtor (limitation restarts from it). */
    @Test
    void emsDeliveryHasItsOwnTrackingNumberAndDeliveryDate(FxRobot robot) {
        long id = openSeedCase(robot);
        books.wizard().moveTo(id, CollectionStep.DEMAND, null);
        robot.clickOn("#refreshDetail");
        waitUntil(() -> text(robot, "#wizardTitle").contains("书面催收"));
        robot.clickOn("#wizardDelivery");
        waitUntil(() -> exists(robot, "#contactDialog"));
        assertThat(robot.lookup("#contactTrackingNumber").queryAs(javafx.scene.control.TextField.class).isDisabled()).isFalse();
        setDate(robot, "#contactDate", "2026-11-24");
        set(robot, "#contactTrackingNumber", "ea 1234 5678 9cn");
        setDate(robot, "#contactDeliveredOn", "2026-11-23");
        robot.clickOn("#contactDialog-save");
        waitUntil(() -> text(robot, "#error-deliveredOn").contains("不能早于"));
        setDate(robot, "#contactDeliveredOn", "2026-11-26");
        robot.clickOn("#contactDialog-save");
        waitUntil(() -> !exists(robot, "#contactDialog") && text(robot, "#wizardDelivered").contains("2026-11-26"));
        var entry = books.contacts().timeline(id).get(0);
        assertThat(entry.getTrackingNumber()).isEqualTo("EA123456789CN");
        assertThat(entry.getDeliveredOn()).isEqualTo(LocalDate.of(2026, 11, 26));
        assertThat(books.legal().limitation(id).expires()).as("three years from the delivery, not from the day it was sent")
                .isEqualTo(LocalDate.of(2029, 11, 26));
        robot.clickOn("#detail-tab-timeline");
        waitUntil(() -> text(robot, "#postalLine").contains("EA123456789CN") && text(robot, "#postalLine").contains("2026-11-26"));
        assertThat(books.audit().verify().intact()).isTrue();
    }

    /** Item 8: at 1280×720 every button of the tool bar is in view (none in the overflow menu) and no step name is cut. */
    @Test
    void theToolBarFitsAndStepNamesAreWholeAt1280x720(FxRobot robot) {
        checkLayoutAt1280x720(this, robot);
    }

    static void checkLayoutAt1280x720(UiTestBase t, FxRobot robot) {
        robot.interact(() -> {
            t.stage.setWidth(1280);
            t.stage.setHeight(720);
        });
        WaitForFx.layout(robot);
        javafx.scene.control.ToolBar bar = robot.lookup(".tool-bar").queryAs(javafx.scene.control.ToolBar.class);
        double width = t.stage.getScene().getWidth();
        // at their own width, not squeezed (a squeezed button shows "…"): the items' widths fit the window with room to spare
        double needed = bar.getItems().stream().filter(Node::isManaged).mapToDouble(x -> x.prefWidth(-1)).sum();
        assertThat(needed).as("the tool bar's items at their preferred width").isLessThan(width - 60);
        for (Node n : bar.getItems()) {
            if (!n.isManaged()) continue;
            assertThat(n.getParent()).as(n.getId() + " is in the tool bar, not its overflow menu").isNotNull();
            assertThat(n.localToScene(n.getLayoutBounds()).getMaxX()).as(n.getId() + " within the window").isLessThanOrEqualTo(width);
            assertClipped(n, "tool bar");
        }
        for (Node n : robot.lookup(".book-bar .button").queryAll()) {
            assertThat(n.localToScene(n.getLayoutBounds()).getMaxX()).as(n.getId() + " within the window").isLessThanOrEqualTo(width);
            assertClipped(n, "book bar");
        }
        assertThat(robot.lookup(".tool-bar-overflow-button").tryQuery().map(Node::isVisible).orElse(false)).as("no overflow menu").isFalse();
        for (Node n : robot.lookup("#dashboard .button").queryAll()) assertClipped(n, "dashboard button");
        for (Node n : robot.lookup("#mainTabs .tab-label").queryAll()) {
            assertClipped(n, "tab");
        }
        // the wizard's steps
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        t.waitUntil(() -> table.getItems().size() == 3);
        UiTestBase.openReceivableRow(robot, 0);
        t.waitUntil(() -> exists(robot, "#wizardTitle"));
        WaitForFx.layout(robot);
        var cells = robot.lookup("#wizardSteps .list-cell").queryAllAs(javafx.scene.control.ListCell.class);
        assertThat(cells.stream().filter(c -> c.getText() != null).count()).as("steps shown").isGreaterThanOrEqualTo(7);
        for (javafx.scene.control.ListCell<?> c : cells) assertClipped(c, "step");
        for (Node n : robot.lookup("#receivableDetail-" + table.getItems().get(0).id() + " .button").queryAll()) assertClipped(n, "button");
        for (Node n : robot.lookup("#detailTabs .tab-label").queryAll()) assertClipped(n, "detail tab");
        // the lists' tool rows
        for (String tab : List.of("#tab-customers", "#tab-receivables")) {
            robot.clickOn(tab);
            WaitForFx.layout(robot);
            for (Node n : robot.lookup(".button").queryAll()) {
                if (n.isVisible() && n.getScene() == t.stage.getScene()) assertClipped(n, tab + " button");
            }
        }
    }

    /** A labelled node shows its whole text (JavaFX replaces a cut tail with "…" in the text it draws). */
    static void assertClipped(Node n, String what) {
        if (!(n instanceof javafx.scene.control.Labeled l) || l.getText() == null || l.getText().isEmpty() || !l.isVisible()) return;
        for (Node child : l.getChildrenUnmodifiable()) {
            if (child instanceof javafx.scene.text.Text shown) {
                assertThat(shown.getText()).as(what + " shown whole: " + l.getText()).isEqualTo(l.getText());
            }
        }
    }

    /** Waits for pending FX events and a layout pass. */
    static final class WaitForFx {
        static void layout(FxRobot robot) {
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> robot.listWindows().forEach(w -> {
                if (w.getScene() != null) w.getScene().getRoot().layout();
            }));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
