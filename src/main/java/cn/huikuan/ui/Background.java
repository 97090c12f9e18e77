package cn.huikuan.ui;

import java.util.function.Consumer;

/**
 * Where a screen's background work runs (issue 25): in the app, the {@link TaskRunner} (a worker thread, the result
 * back on the FX thread, progress in the status bar); in a view model's unit test, {@link #now()}, on the calling
 * thread before {@code run} returns, so the test needs neither the FX toolkit nor a wait.
 */
public interface Background {
    /** Runs {@code work} and hands its result to {@code onSuccess}; a failure goes where the implementation sends failures. */
    <T> void run(String label, TaskRunner.Work<T> work, Consumer<T> onSuccess);

    /**
     * Runs work whose screen follows it itself: its progress, its failure and its end by {@link Job#cancel()} go to
     * {@code outcome} (on the FX thread in the app), never to the app's default failure handler. Exactly one of
     * {@link Outcome#succeeded}, {@link Outcome#failed} and {@link Outcome#cancelled} is called.
     */
    <T> Job start(String label, TaskRunner.Work<T> work, Outcome<T> outcome);

    /** Work started by {@link #start}. */
    interface Job {
        /** Asks the work to stop; its outcome is then {@link Outcome#cancelled()} (unless it had already ended). */
        void cancel();
    }

    /** How work started by {@link #start} goes. */
    interface Outcome<T> {
        void succeeded(T result);

        void failed(Throwable error);

        void cancelled();

        /** The share done, 0 to 1, or -1 while unknown. */
        default void progress(double done) {
        }
    }

    /** Runs the work at once on the calling thread; a failure is thrown from {@code run} (given to the outcome by {@code start}). For tests. */
    static Background now() {
        return new Background() {
            @Override
            public <T> void run(String label, TaskRunner.Work<T> work, Consumer<T> onSuccess) {
                T result;
                try {
                    result = work.call(NO_PROGRESS);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                onSuccess.accept(result);
            }

            @Override
            public <T> Job start(String label, TaskRunner.Work<T> work, Outcome<T> outcome) {
                T result;
                try {
                    result = work.call(new TaskRunner.Progress() {
                        @Override
                        public void update(long done, long total) {
                            outcome.progress(total <= 0 ? -1 : (double) done / total);
                        }

                        @Override
                        public void message(String text) {
                        }

                        @Override
                        public boolean cancelled() {
                            return false;
                        }
                    });
                } catch (Exception e) {
                    outcome.failed(e);
                    return () -> { };
                }
                outcome.succeeded(result);
                return () -> { };
            }
        };
    }

    /** Progress that goes nowhere and never asks to stop. */
    TaskRunner.Progress NO_PROGRESS = new TaskRunner.Progress() {
        @Override
        public void update(long done, long total) {
        }

        @Override
        public void message(String text) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
