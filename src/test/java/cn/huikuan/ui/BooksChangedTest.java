package cn.huikuan.ui;

import javafx.application.Platform;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 25: a write says "the books changed" once; every subscriber reloads, on the FX thread, in order. */
@ExtendWith(ApplicationExtension.class)
class BooksChangedTest {
    @Start
    void start(Stage stage) {
        // the toolkit is all this needs
    }

    @Test
    void everySubscriberReloadsOnTheFxThreadUntilItStops() throws Exception {
        BooksChanged changes = new BooksChanged();
        List<String> calls = new CopyOnWriteArrayList<>();
        changes.subscribe(() -> calls.add("lists:" + Platform.isFxApplicationThread()));
        Runnable stop = changes.subscribe(() -> calls.add("page:" + Platform.isFxApplicationThread()));
        changes.publish();   // from the test's thread: handed to the FX thread
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> calls.size() == 2);
        assertThat(calls).containsExactly("lists:true", "page:true");
        stop.run();
        WaitForAsyncUtils.asyncFx(changes::publish).get(60, TimeUnit.SECONDS);
        assertThat(calls).containsExactly("lists:true", "page:true", "lists:true");
        assertThat(changes.subscribers()).isEqualTo(1);
    }
}
