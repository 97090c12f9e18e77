package cn.huikuan.ui;

import javafx.stage.Window;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Desktop dialogs for headless tests: file choosers answer from a queue; messages are recorded. */
final class FakeDialogs extends DialogService {
    final Deque<List<Path>> chosen = new ArrayDeque<>();
    final Deque<Path> chosenDirs = new ArrayDeque<>();
    final Deque<String> answers = new ArrayDeque<>();
    final List<String> errors = new ArrayList<>();
    final List<String> infos = new ArrayList<>();
    final List<Path> opened = new ArrayList<>();
    boolean confirmAnswer = true;

    FakeDialogs() {
        super(null);
    }

    @Override
    public List<Path> chooseFiles(Window owner, String title) {
        return chosen.isEmpty() ? List.of() : chosen.poll();
    }

    @Override
    public String ask(Window owner, String title, String message) {
        infos.add(title + ": " + message);
        return answers.poll();
    }

    @Override
    public Path chooseDirectory(Window owner, String title) {
        return chosenDirs.poll();
    }

    @Override
    public void showError(Window owner, String title, String message) {
        errors.add(title + ": " + message);
    }

    @Override
    public void showInfo(Window owner, String title, String message) {
        infos.add(title + ": " + message);
    }

    @Override
    public boolean confirm(Window owner, String title, String message) {
        infos.add(title + ": " + message);
        return confirmAnswer;
    }

    @Override
    public void open(Path file) {
        opened.add(file);
    }
}
