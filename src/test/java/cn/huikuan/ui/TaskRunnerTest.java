package cn.huikuan.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class TaskRunnerTest {
    @Test
    void closingLetsRunningWorkFinish() throws Exception {
        TaskRunner runner = new TaskRunner(t -> { });
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        runner.run("save", p -> {
            started.countDown();
            Thread.sleep(300);
            finished.set(true);
            return null;
        }, r -> { });
        assertThat(started.await(UiTestBase.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        runner.finishAndStop(5);
        assertThat(finished).isTrue();
    }
}
