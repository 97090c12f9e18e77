package cn.huikuan.ui;

import cn.huikuan.application.CustomerRow;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.domain.CreditorProfile;

/** A bookkeeper adds a second business and switches between the books from the main window. */
@ExtendWith(ApplicationExtension.class)
class BookSwitchTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aNewBookStartsEmptyAndSwitchingBackShowsTheFirstAgain(FxRobot robot) {
        robot.clickOn("#tab-customers");
        TableView<CustomerRow> table = robot.lookup("#customerTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        ComboBox<CreditorProfile> books = robot.lookup("#bookSwitcher").queryComboBox();
        waitUntil(() -> books.getValue() != null && books.getValue().getName().equals("某建材有限公司"));

        dialogs.answers.add("杭州某某五金店");
        robot.clickOn("#newBook");
        waitUntil(() -> books.getItems().size() == 2 && books.getValue().getName().equals("杭州某某五金店"));
        robot.clickOn("#tab-customers");
        TableView<CustomerRow> empty = robot.lookup("#customerTable").queryTableView();
        waitUntil(() -> empty.getItems().isEmpty());
        Screenshots.take(robot.lookup("#mainView").queryAs(javafx.scene.Node.class), "25-second-book");

        robot.interact(() -> books.setValue(books.getItems().get(0)));
        robot.clickOn("#tab-customers");
        TableView<CustomerRow> again = robot.lookup("#customerTable").queryTableView();
        waitUntil(() -> again.getItems().size() == 3);
        assertThat(this.books.creditor().getName()).isEqualTo("某建材有限公司");
    }
}
