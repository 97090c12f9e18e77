package cn.huikuan.ui;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * A {@link Background} a view model's test drives by hand (issue 25): work waits in a queue until the test runs it with
 * {@link #runNext()}, on the test's thread, so the test can look at the state while work is pending, report progress
 * and cancel it. A cancel ends the work as a cancelled JavaFX task does: at once, before the work itself stops; what
 * the work returns afterwards is dropped.
 */
final class QueuedBackground implements Background {
    private final Deque<Pending<?>> queue = new ArrayDeque<>();
    /** The labels of all work started, in order. */
    final List<String> labels = new ArrayList<>();

    private final class Pending<T> implements Job {
        final String label;
        final TaskRunner.Work<T> work;
        final Outcome<T> outcome;
        boolean cancelled;
        boolean ended;

        Pending(String label, TaskRunner.Work<T> work, Outcome<T> outcome) {
            this.label = label;
            this.work = work;
            this.outcome = outcome;
        }

        @Override
        public void cancel() {
            if (ended || cancelled) return;
            cancelled = true;
            outcome.cancelled();
        }

        void runIt() {
            T result;
            try {
                result = work.call(new TaskRunner.Progress() {
                    @Override
                    public void update(long done, long total) {
                        if (!cancelled) outcome.progress(total <= 0 ? -1 : (double) done / total);
                    }

                    @Override
                    public void message(String text) {
                    }

                    @Override
                    public boolean cancelled() {
                        return cancelled;
                    }
                });
            } catch (Exception e) {
                ended = true;
                if (!cancelled) outcome.failed(e);
                return;
            }
            ended = true;
            if (!cancelled) outcome.succeeded(result);
        }
    }

    @Override
    public <T> void run(String label, TaskRunner.Work<T> work, Consumer<T> onSuccess) {
        start(label, work, new Outcome<T>() {
            @Override
            public void succeeded(T result) {
                onSuccess.accept(result);
            }

            @Override
            public void failed(Throwable error) {
                throw new AssertionError("background work failed: " + label, error);
            }

            @Override
            public void cancelled() {
            }
        });
    }

    @Override
    public <T> Job start(String label, TaskRunner.Work<T> work, Outcome<T> outcome) {
        labels.add(label);
        Pending<T> p = new Pending<>(label, work, outcome);
        queue.add(p);
        return p;
    }

    /** Cancels every piece of work waiting, as the status bar's cancel button does. */
    void cancelAll() {
        for (Pending<?> p : queue) p.cancel();
    }

    /** How many pieces of work wait. */
    int pending() {
        return queue.size();
    }

    /** The label of the next piece of work. */
    String next() {
        if (queue.isEmpty()) throw new AssertionError("no work is waiting");
        return queue.peek().label;
    }

    /** Runs the oldest waiting work (a cancelled one too: it runs, as a cancelled task's thread does, and its end is dropped). */
    void runNext() {
        if (queue.isEmpty()) throw new AssertionError("no work is waiting");
        queue.poll().runIt();
    }

    /** Runs work until none waits (work started meanwhile included). */
    void runAll() {
        while (!queue.isEmpty()) runNext();
    }
}
