package cn.huikuan.ui;

import javafx.application.Platform;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * "The books changed" (issue 25): a view that wrote something says so once, and every list and open view that shows
 * the books reloads, without the writer knowing who shows what (it used to call {@code MainView.refreshAll()}). Listeners
 * run on the FX thread, in the order they subscribed; a publish from another thread is handed to it.
 */
public final class BooksChanged {
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Calls {@code listener} after every change; the returned handle stops that. */
    public Runnable subscribe(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Something was written: every subscriber reloads. */
    public void publish() {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(this::publish);
            return;
        }
        for (Runnable l : listeners) l.run();
    }

    int subscribers() {
        return listeners.size();
    }
}
