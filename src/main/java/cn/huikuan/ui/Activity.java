package cn.huikuan.ui;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import java.util.function.Consumer;

/**
 * A screen's background work, one piece at a time (issue 25): whether it runs, how far it is (-1 while unknown, 1 after
 * it succeeded, 0 after it failed or was cancelled) and cancel, as properties a view binds its progress bar and cancel
 * button to. The work itself runs through {@link Background#start}; its end reaches exactly one of the callbacks.
 */
public final class Activity {
    private final Background background;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private Background.Job job;
    /** Counts starts: a callback of work that is no longer the current one changes nothing. */
    private long generation;

    public Activity(Background background) {
        this.background = background;
    }

    /** Starts {@code work}; call only while nothing {@link #running()}. */
    public <T> void start(String label, TaskRunner.Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure, Runnable onCancelled) {
        if (running.get()) throw new IllegalStateException("work is running");
        long g = ++generation;
        running.set(true);
        progress.set(-1);
        Background.Job started = background.start(label, work, new Background.Outcome<T>() {
            @Override
            public void succeeded(T result) {
                if (end(g, 1)) onSuccess.accept(result);
            }

            @Override
            public void failed(Throwable error) {
                if (end(g, 0)) onFailure.accept(error);
            }

            @Override
            public void cancelled() {
                if (end(g, 0)) onCancelled.run();
            }

            @Override
            public void progress(double done) {
                if (g == generation && running.get()) progress.set(done);
            }
        });
        if (g == generation && running.get()) job = started;    // work that ended at once may have started the next already
    }

    private boolean end(long g, double at) {
        if (g != generation || !running.get()) return false;
        job = null;
        running.set(false);
        progress.set(at);
        return true;
    }

    /** Asks the running work to stop; nothing when none runs. */
    public void cancel() {
        if (job != null) job.cancel();
    }

    public ReadOnlyBooleanProperty running() { return running.getReadOnlyProperty(); }

    public ReadOnlyDoubleProperty progress() { return progress.getReadOnlyProperty(); }
}
