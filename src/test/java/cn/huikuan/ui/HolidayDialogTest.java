package cn.huikuan.ui;

import cn.huikuan.domain.CourtEvent;
import cn.huikuan.law.data.LawData;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.ListQuery;
import cn.huikuan.domain.CollectionStep;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Issue 19: a user adds a newly published holiday arrangement in the app and the deadlines move with it at once.
 * The sample sale's judgment is to be performed by 2026-09-30: two years to apply for enforcement (民事诉讼法 §250)
 * end on 2028-09-30, a Saturday; 2028's arrangement is not published, so 10-01 … 10-03 (国庆节, 10-03 also 中秋节)
 * are counted as the statutory holidays and the deadline is Wednesday 2028-10-04. The user then enters 2028's
 * arrangement with 10-04 as a day off too: Thursday 2028-10-05, and no more warning.
 */
@ExtendWith(ApplicationExtension.class)
class HolidayDialogTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Whether a line of the wizard's page says all of {@code parts}. */
    static boolean wizardSays(FxRobot robot, String... parts) {
        return robot.lookup("#wizard .label").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .anyMatch(l -> l.getText() != null && Arrays.stream(parts).allMatch(l.getText()::contains));
    }

    @Test
    void userAddsADayOfAPublishedArrangementAndTheDeadlineMoves(FxRobot robot) {
        long sale = books.receivables().page(ListQuery.first(50).withText("建材")).rows().get(0).id();
        books.wizard().moveTo(sale, CollectionStep.COURT, null);
        robot.clickOn("#tab-receivables");
        TableView<?> receivables = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> receivables.getItems().size() == 3);
        UiTestBase.openReceivableRow(robot, 0);
        waitUntil(() -> exists(robot, "#fig-outstanding") && text(robot, "#fig-outstanding").equals("¥300,000.00"));

        robot.clickOn("#logCourtEvent");
        waitUntil(() -> exists(robot, "#courtEventDialog"));
        ComboBox<CourtEvent.Kind> kind = robot.lookup("#courtEventKind").queryComboBox();
        robot.interact(() -> kind.setValue(CourtEvent.Kind.PERFORMANCE_DUE));
        setDate(robot, "#courtEventDate", "2026-09-30");
        robot.clickOn("#courtEventDialog-save");
        waitUntil(() -> !exists(robot, "#courtEventDialog") && text(robot, "#fig-nextDeadline").startsWith("2028-10-04"));
        // the wizard's court step lists it with its article and the warning
        waitUntil(() -> wizardSays(robot, "申请强制执行的期限届满", "2028-10-04", "《民事诉讼法》第二百五十条", "2028 年放假安排未公布"));
        robot.clickOn("#detail-tab-court");
        ListView<String> court = robot.lookup("#courtList").queryListView();
        assertThat(court.getItems()).anySatisfy(l -> assertThat(l).contains("2028-10-04", "尚未公布", "《民事诉讼法》第二百五十条",
                "《全国年节及纪念日放假办法》第二条", "节假日安排"));

        robot.clickOn("#editLpr");
        waitUntil(() -> exists(robot, "#lprDialog"));
        robot.clickOn("#editHolidays");
        // the first year from today's (2026, published) without an arrangement is offered first
        waitUntil(() -> exists(robot, "#holidayDialog") && text(robot, "#holidayStatus").contains("2027 年的放假安排尚未公布"));
        ComboBox<Integer> year = robot.lookup("#holidayYear").queryComboBox();
        robot.interact(() -> year.setValue(2028));
        TableView<LawData.HolidayDay> days = robot.lookup("#holidayTable").queryTableView();
        // 13 statutory holidays, 10-03 being both 国庆节 and 中秋节
        waitUntil(() -> text(robot, "#holidayStatus").contains("2028 年的放假安排尚未公布") && days.getItems().size() == 12);
        assertThat(days.getItems()).anySatisfy(d -> assertThat(d.date() + " " + d.name()).isEqualTo("2028-10-03 国庆节、中秋节"));

        // a make-up workday must fall on a weekend: 2028-10-04 is a Wednesday
        setDate(robot, "#holidayDate", "2028-10-04");
        set(robot, "#holidayName", "国庆节");
        robot.clickOn("#holidayWorkday");
        scrollAndClick(robot, "#addHolidayDay");
        waitUntil(() -> text(robot, "#error-date").contains("周六或周日"));
        assertThat(days.getItems()).hasSize(12);
        robot.clickOn("#holidayWorkday");
        scrollAndClick(robot, "#addHolidayDay");
        waitUntil(() -> days.getItems().size() == 13);
        assertThat(days.getItems().get(days.getItems().size() - 1)).isEqualTo(new LawData.HolidayDay(LocalDate.of(2028, 10, 4), "国庆节", true));
        Screenshots.take(robot.lookup("#holidayDialog").queryAs(Node.class), "12-holiday-arrangement");
        scrollAndClick(robot, "#holidayDialog-save");
        waitUntil(() -> !exists(robot, "#holidayDialog"));
        assertThat(dir.resolve("data/law/holidays/2028.json")).exists();
        robot.clickOn("#lprDialog-cancel");
        waitUntil(() -> !exists(robot, "#lprDialog") && text(robot, "#fig-nextDeadline").startsWith("2028-10-05"));
        robot.clickOn("#detail-tab-court");
        ListView<String> after = robot.lookup("#courtList").queryListView();
        assertThat(after.getItems()).anySatisfy(l -> assertThat(l).contains("2028-10-05").doesNotContain("尚未公布"));
        robot.clickOn("#detail-tab-wizard");
        waitUntil(() -> wizardSays(robot, "申请强制执行的期限届满", "2028-10-05"));
        assertThat(wizardSays(robot, "未公布")).isFalse();
    }
}
