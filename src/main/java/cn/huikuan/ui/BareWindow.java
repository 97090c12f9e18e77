package cn.huikuan.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/**
 * The baseline of the startup benchmark (issue 7, `bench startup`): a bare JavaFX window with one label.
 * Prints "shown" once it is on screen and exits.
 */
public final class BareWindow extends Application {
    @Override
    public void start(Stage stage) {
        cn.huikuan.StartupTiming.mark("bare start()");
        stage.setScene(new Scene(new Label("回款助手"), 400, 200));
        stage.setOnShown(e -> {
            cn.huikuan.StartupTiming.markLast("bare window shown");
            System.out.println("shown");
            System.out.flush();
            Platform.runLater(Platform::exit);
        });
        stage.show();
    }

    /** Entry point: a class that does not extend Application, so the classpath JavaFX starts. */
    public static final class Main {
        public static void main(String[] args) {
            Application.launch(BareWindow.class, args);
        }
    }
}
