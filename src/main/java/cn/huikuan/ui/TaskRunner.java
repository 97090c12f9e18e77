package cn.huikuan.ui;

import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.concurrent.TimeUnit;

/**
 * Runs database, file and PDF work off the FX thread. Results and failures come back on the FX thread.
 * The status bar binds to {@link #runningProperty()}, {@link #messageProperty()} and
 * {@link #progressProperty()}; its cancel button calls {@link #cancelAll()}.
 */
public final class TaskRunner {
    /** Work that may report progress and check for cancellation. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    /** Handed to {@link Work}: report progress, and stop early when {@link #cancelled()} says so. */
    public interface Progress {
        void update(long done, long total);

        void message(String text);

        boolean cancelled();
    }

    private final ExecutorService executor;
    private final List<Task<?>> running = new ArrayList<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final Consumer<Throwable> defaultFailure;

    public TaskRunner(Consumer<Throwable> defaultFailure) {
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "huikuan-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.defaultFailure = defaultFailure;
    }

    public <T> Task<T> run(String label, Work<T> work, Consumer<T> onSuccess) {
        return run(label, work, onSuccess, defaultFailure);
    }

    /** This runner as the {@link Background} a view model takes (failures to the default handler, as {@link #run}). */
    public Background background() {
        return new Background() {
            @Override
            public <T> void run(String label, Work<T> work, Consumer<T> onSuccess) {
                TaskRunner.this.run(label, work, onSuccess);
            }

            @Override
            public <T> Job start(String label, Work<T> work, Outcome<T> outcome) {
                return TaskRunner.this.start(label, work, outcome);
            }
        };
    }

    /**
     * Runs work a screen follows itself ({@link Background#start}): the task's progress, failure and cancellation go to
     * {@code outcome} on the FX thread; the status bar shows it as any other task.
     */
    public <T> Background.Job start(String label, Work<T> work, Background.Outcome<T> outcome) {
        // the outcome listens before the task starts, in the same step on the FX thread: listening in a later step
        // missed a progress the work reported at once when this thread was slow to queue that step (a busy machine)
        Task<T> task = run(label, work, outcome::succeeded, outcome::failed, t -> {
            t.progressProperty().addListener((o, was, now) -> outcome.progress(now.doubleValue()));
            t.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_CANCELLED, e -> outcome.cancelled());
        });
        return () -> onFx(task::cancel);
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }

    public <T> Task<T> run(String label, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        return run(label, work, onSuccess, onFailure, t -> { });
    }

    /** As above; {@code beforeStart} runs on the FX thread just before the task starts (to listen to all it reports). */
    private <T> Task<T> run(String label, Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure, Consumer<Task<T>> beforeStart) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                updateMessage(label);
                return work.call(new Progress() {
                    @Override
                    public void update(long done, long total) {
                        updateProgress(done, total);
                    }

                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }

                    @Override
                    public boolean cancelled() {
                        return isCancelled();
                    }
                });
            }
        };
        task.setOnSucceeded(e -> {
            finished(task);
            if (onSuccess != null) onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished(task);
            if (onFailure != null) onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> finished(task));
        Runnable start = () -> {
            beforeStart.accept(task);
            running.add(task);
            bindTo(task);
            executor.execute(task);
        };
        if (Platform.isFxApplicationThread()) start.run();
        else Platform.runLater(start);
        return task;
    }

    private void bindTo(Task<?> task) {
        busy.set(true);
        message.unbind();
        progress.unbind();
        message.bind(task.messageProperty());
        progress.bind(task.progressProperty());
    }

    private void finished(Task<?> task) {
        running.remove(task);
        if (running.isEmpty()) {
            message.unbind();
            progress.unbind();
            message.set("");
            progress.set(0);
            busy.set(false);
        } else {
            bindTo(running.get(running.size() - 1));
        }
    }

    public void cancelAll() {
        for (Task<?> t : List.copyOf(running)) t.cancel(true);
    }

    public ReadOnlyBooleanProperty runningProperty() { return busy.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    /** Stops at once; running work is interrupted (tests, or after {@link #finishAndStop}). */
    public void shutdown() {
        executor.shutdownNow();
    }

    /**
     * Lets running work (a save, an import) finish for up to {@code seconds}, then stops. Used before the
     * books are closed, so no transaction is cut off by the window closing.
     */
    public void finishAndStop(long seconds) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(seconds, TimeUnit.SECONDS)) executor.shutdownNow();
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
