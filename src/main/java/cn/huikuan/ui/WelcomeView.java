package cn.huikuan.ui;

import cn.huikuan.i18n.I18n;
import cn.huikuan.application.BookFolders;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The first run (no books in the data folder yet): language, where the books are kept (on this computer, or on the
 * office's server), whether to load the sample case, and a short tour of the wizard. The business profile is asked right after, in the usual
 * editor, once the books exist.
 */
public final class WelcomeView extends VBox {
    /** What the user chose. */
    public record Choice(String language, Path folder, boolean sample) {
    }

    private Path folder;

    public WelcomeView(I18n i18n, Path folder, DialogService dialogs, Consumer<String> switchLanguage, Consumer<Choice> start) {
        this(i18n, folder, dialogs, switchLanguage, start, null);
    }

    /**
     * {@code office}, when not null, offers the books of an office's server (team mode, issue 22) instead of this
     * computer's: it gets the language and folder chosen so far (the folder keeps this computer's settings).
     */
    public WelcomeView(I18n i18n, Path folder, DialogService dialogs, Consumer<String> switchLanguage, Consumer<Choice> start,
                       Consumer<Choice> office) {
        this.folder = folder;
        setId("welcome");
        setSpacing(14);
        setPadding(new Insets(36, 56, 36, 56));
        setAlignment(Pos.TOP_LEFT);

        Label title = new Label(i18n.t("welcome.title"));
        title.getStyleClass().add("title-1");
        Label intro = wrap(i18n.t("welcome.intro"));

        ToggleGroup lang = new ToggleGroup();
        ToggleButton zh = new ToggleButton("中文");
        zh.setId("welcomeZh");
        ToggleButton en = new ToggleButton("English");
        en.setId("welcomeEn");
        zh.setToggleGroup(lang);
        en.setToggleGroup(lang);
        (i18n.language().equals("en") ? en : zh).setSelected(true);
        zh.setOnAction(e -> {
            zh.setSelected(true);
            if (!i18n.language().equals("zh")) switchLanguage.accept("zh");
        });
        en.setOnAction(e -> {
            en.setSelected(true);
            if (!i18n.language().equals("en")) switchLanguage.accept("en");
        });
        HBox langRow = new HBox(8, new Label(i18n.t("welcome.language")), zh, en);
        langRow.setAlignment(Pos.CENTER_LEFT);

        Label where = new Label(folder.toAbsolutePath().toString());
        where.setId("welcomeFolder");
        Button change = new Button(i18n.t("welcome.changeFolder"));
        change.setId("welcomeChangeFolder");
        change.setDisable(BookFolders.fixedByEnvironment());
        change.setOnAction(e -> {
            Path chosen = dialogs.chooseDirectory(getScene().getWindow(), i18n.t("welcome.changeFolder"));
            if (chosen != null) {
                this.folder = chosen.resolve(chosen.getFileName() != null && chosen.getFileName().toString().equals("Huikuan") ? "" : "Huikuan")
                        .normalize();
                where.setText(this.folder.toAbsolutePath().toString());
            }
        });
        HBox folderRow = new HBox(8, new Label(i18n.t("welcome.folder")), where, change);
        folderRow.setAlignment(Pos.CENTER_LEFT);
        Label folderHint = wrap(i18n.t("welcome.folder.hint"));
        folderHint.getStyleClass().add("text-muted");

        CheckBox sample = new CheckBox(i18n.t("welcome.sample"));
        sample.setId("welcomeSample");
        sample.setWrapText(true);

        Label tourTitle = new Label(i18n.t("welcome.tour"));
        tourTitle.getStyleClass().add("title-4");
        VBox tour = new VBox(6, wrap("1. " + i18n.t("welcome.tour.1")), wrap("2. " + i18n.t("welcome.tour.2")),
                wrap("3. " + i18n.t("welcome.tour.3")), wrap("4. " + i18n.t("welcome.tour.4")));

        Button go = new Button(i18n.t("welcome.start"));
        go.setId("welcomeStart");
        go.getStyleClass().add("accent");
        go.setDefaultButton(true);
        go.setOnAction(e -> start.accept(new Choice(i18n.language(), this.folder, sample.isSelected())));

        getChildren().addAll(title, intro, langRow, folderRow, folderHint, sample, tourTitle, tour, go);
        if (office != null) {
            Button server = new Button(i18n.t("welcome.office"));
            server.setId("welcomeOffice");
            server.setOnAction(e -> office.accept(new Choice(i18n.language(), this.folder, false)));
            Label serverHint = wrap(i18n.t("welcome.office.hint"));
            serverHint.getStyleClass().add("text-muted");
            HBox serverRow = new HBox(12, server, serverHint);
            serverRow.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(serverRow);
        }
    }

    private static Label wrap(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMaxWidth(860);
        return l;
    }
}
