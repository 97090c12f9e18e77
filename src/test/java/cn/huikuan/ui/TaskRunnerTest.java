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

    /** Issue 25: work a view model follows (Background.start) tells it its progress, its failure and its cancel, on the FX thread. */
    @Test
    void startedWorkReportsProgressFailureAndCancelToItsOutcomeAndNotToTheDefaultHandler() throws Exception {
        java.util.List<Throwable> unhandled = new java.util.concurrent.CopyOnWriteArrayList<>();
        TaskRunner runner = new TaskRunner(unhandled::add);
        CountDownLatch halfway = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch failed = new CountDownLatch(1);
        AtomicBoolean offFx = new AtomicBoolean();
        AtomicBoolean succeeded = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> error = new java.util.concurrent.atomic.AtomicReference<>();
        Background.Job job = runner.start("long", p -> {
            p.update(1, 2);
            new CountDownLatch(1).await();                 // until cancelled (interrupted)
            return "never";
        }, new Background.Outcome<String>() {
            @Override
            public void succeeded(String result) {
                succeeded.set(true);
            }

            @Override
            public void failed(Throwable e) {
                error.set(e);
            }

            @Override
            public void cancelled() {
                if (!javafx.application.Platform.isFxApplicationThread()) offFx.set(true);
                cancelled.countDown();
            }

            @Override
            public void progress(double done) {
                if (!javafx.application.Platform.isFxApplicationThread()) offFx.set(true);
                if (done == 0.5) halfway.countDown();
            }
        });
        assertThat(halfway.await(UiTestBase.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        job.cancel();
        assertThat(cancelled.await(UiTestBase.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        runner.start("bad", p -> {
            throw new java.io.IOException("disk full");
        }, new Background.Outcome<Object>() {
            @Override
            public void succeeded(Object result) {
                succeeded.set(true);
            }

            @Override
            public void failed(Throwable e) {
                if (!javafx.application.Platform.isFxApplicationThread()) offFx.set(true);
                error.set(e);
                failed.countDown();
            }

            @Override
            public void cancelled() {
            }
        });
        assertThat(failed.await(UiTestBase.WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(error.get()).hasMessage("disk full");
        assertThat(succeeded).isFalse();
        assertThat(offFx).isFalse();
        assertThat(unhandled).isEmpty();
        runner.shutdown();
    }
}
