package cn.huikuan.ui;

import cn.huikuan.law.Citation;
import cn.huikuan.law.ConductGuard;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.PartyKind;

/**
 * What the conduct guard found in an outgoing text (issue 20): the text with each finding's words highlighted, each
 * finding's category, reason and articles, and the lawful rewrite with a button that puts it in place of the text.
 * Empty (and not shown) when the text may go out.
 */
final class ConductPanel extends VBox {
    private final AppContext ctx;
    private final Consumer<String> useRewrite;

    /** @param useRewrite called with the rewrite when the user takes it; null: no button */
    ConductPanel(AppContext ctx, String idPrefix, Consumer<String> useRewrite) {
        super(6);
        this.ctx = ctx;
        this.useRewrite = useRewrite;
        setId(idPrefix + "Panel");
        getStyleClass().add("conduct-panel");
        setStyle("-fx-padding: 8; -fx-border-color: -color-danger-emphasis; -fx-border-radius: 4; -fx-background-color: -color-danger-subtle;"
                + " -fx-background-radius: 4;");
        show(null, null);
    }

    /** The guard for this book: the user's contact hours and the LPR table (with the months the user added). */
    static ConductGuard guard(AppContext ctx) {
        return new ConductGuard(ctx.books().settings().contactPolicy(), ctx.books().legal().lpr());
    }

    /** The debtor's kind for the guard: a company's own staff are the debtor, a person's employer is a third party. */
    static ConductGuard.DebtorKind debtorKind(Customer c) {
        return c != null && c.getKind() == PartyKind.ORGANISATION ? ConductGuard.DebtorKind.COMPANY : ConductGuard.DebtorKind.PERSON;
    }

    /** Shows {@code r} for {@code text}; nothing when the result is null or "ok". */
    void show(String text, ConductGuard.Result r) {
        getChildren().clear();
        boolean visible = r != null && r.verdict() != ConductGuard.Verdict.OK;
        setVisible(visible);
        setManaged(visible);
        if (!visible) return;
        Label head = wrap(ctx.t(r.blocked() ? "conduct.blocked" : "conduct.warned"), getId().replace("Panel", "Headline"));
        head.getStyleClass().addAll("text-bold", "danger");
        getChildren().add(head);
        if (text != null && r.findings().stream().anyMatch(f -> f.end() > f.start())) getChildren().add(highlighted(text, r.findings()));
        int n = 0;
        for (ConductGuard.Finding f : r.findings()) {
            n++;
            Label what = wrap(n + ". " + ctx.t("conduct.category." + f.category().id()) + (f.end() > f.start() ? "「" + f.matched() + "」" : "")
                    + (f.policyOnly() ? ctx.t("conduct.policyMark") : "") + ctx.t("conduct.reasonSeparator")
                    + (ctx.i18n().english() ? f.reasonInEnglish() : f.reason()), null);
            what.getStyleClass().add("conduct-finding");
            Label basis = wrap("    " + ctx.t("conduct.basis") + String.join("、", f.basis().stream().map(Citation::zh).toList()), null);
            basis.getStyleClass().addAll("conduct-basis", "text-muted");
            getChildren().addAll(what, basis);
            if (f.policyOnly()) getChildren().add(wrap("    " + ctx.t("wizard.reminder.suggest") + f.suggestion(), null));
        }
        if (r.rewrite() != null) {
            Label title = wrap(ctx.t("conduct.rewrite"), null);
            title.getStyleClass().add("text-bold");
            Label rewrite = wrap(r.rewrite(), getId().replace("Panel", "Rewrite"));
            getChildren().addAll(title, rewrite);
            if (useRewrite != null) {
                Button use = new Button(ctx.t("conduct.useRewrite"));
                use.setId(getId().replace("Panel", "UseRewrite"));
                use.setOnAction(e -> useRewrite.accept(r.rewrite()));
                getChildren().add(use);
            }
        }
    }

    /** The text with the findings' words in bold red, underlined; each such piece has the style class "conduct-span". */
    static TextFlow highlighted(String text, List<ConductGuard.Finding> findings) {
        boolean[] marked = new boolean[text.length()];
        for (ConductGuard.Finding f : findings) {
            for (int i = Math.max(0, f.start()); i < Math.min(text.length(), f.end()); i++) marked[i] = true;
        }
        List<Text> pieces = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && marked[j] == marked[i]) j++;
            Text t = new Text(text.substring(i, j));
            if (marked[i]) {
                t.getStyleClass().add("conduct-span");
                t.setStyle("-fx-fill: -color-danger-fg; -fx-font-weight: bold; -fx-underline: true;");
            } else {
                t.setStyle("-fx-fill: -color-fg-default;");
            }
            pieces.add(t);
            i = j;
        }
        TextFlow flow = new TextFlow(pieces.toArray(Text[]::new));
        flow.getStyleClass().add("conduct-text");
        return flow;
    }

    private static Label wrap(String s, String id) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (id != null) l.setId(id);
        return l;
    }
}
