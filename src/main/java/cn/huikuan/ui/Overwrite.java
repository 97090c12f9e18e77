package cn.huikuan.ui;

import javafx.stage.Window;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * An existing file is never replaced without asking (issue 21). Checked here, in code, for every export the app writes:
 * the desktop's file chooser may or may not ask, and a folder chooser never does.
 */
final class Overwrite {
    /** How many of the existing files the question names before "…". */
    static final int LISTED = 8;

    private Overwrite() {
    }

    /** Those of {@code targets} that exist now (a link counts, whatever it points to). */
    static List<Path> existing(Collection<Path> targets) {
        return targets.stream().filter(p -> Files.exists(p, LinkOption.NOFOLLOW_LINKS)).toList();
    }

    /**
     * Whether the export may go ahead: nothing of {@code targets} exists, or the user said to replace what does. The
     * question's default answer is not to replace.
     */
    static boolean allowed(AppContext ctx, Window owner, Collection<Path> targets) {
        List<Path> there = existing(targets);
        if (there.isEmpty()) return true;
        StringBuilder names = new StringBuilder();
        for (Path p : there.subList(0, Math.min(LISTED, there.size()))) names.append(p.toAbsolutePath()).append('\n');
        if (there.size() > LISTED) names.append(ctx.t("export.replace.more", there.size() - LISTED)).append('\n');
        return ctx.dialogs().confirmReplace(owner, ctx.t("export.replace.title"), ctx.t("export.replace.message", names.toString().strip(),
                there.size()), ctx.t("export.replace.yes"), ctx.t("export.replace.no"));
    }
}
