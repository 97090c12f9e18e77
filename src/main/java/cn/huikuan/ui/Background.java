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

    /** Runs the work at once on the calling thread; a failure is thrown from {@code run}. For tests. */
    static Background now() {
        return new Background() {
            @Override
            public <T> void run(String label, TaskRunner.Work<T> work, Consumer<T> onSuccess) {
                T result;
                try {
                    result = work.call(new TaskRunner.Progress() {
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
                    });
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                onSuccess.accept(result);
            }
        };
    }
}
