package cn.huikuan.pdf;

import com.itextpdf.io.font.otf.GlyphLine;
import com.itextpdf.layout.splitting.DefaultSplitCharacters;
import com.itextpdf.layout.splitting.ISplitCharacters;

/**
 * Chinese line-breaking rules (禁则, issue 18): no line begins with closing punctuation 「，。、；：？！）》」』】”’」 and no line ends
 * with an opening bracket 「（《「『【“‘」. iText breaks a line after any ideograph; this refuses a break before a closing mark or
 * after an opening one, and allows it after a closing mark (iText's default does not break after full-width ones).
 */
final class Kinsoku implements ISplitCharacters {
    static final String CLOSING = "，。、；：？！）》」』】〕〉”’…％,.;:?!)]}";
    static final String OPENING = "（《「『【〔〈“‘([{";
    private final ISplitCharacters base = new DefaultSplitCharacters();

    @Override
    public boolean isSplitCharacter(GlyphLine text, int glyphPos) {
        int c = unicode(text, glyphPos);
        int next = glyphPos + 1 < text.size() ? unicode(text, glyphPos + 1) : -1;
        if (next >= 0 && CLOSING.indexOf(next) >= 0) return false;   // the next line would begin with closing punctuation
        if (c >= 0 && OPENING.indexOf(c) >= 0) return false;          // this line would end with an opening bracket
        if (c >= 0 && CLOSING.indexOf(c) >= 0 && c > 0x2000) return true;
        return base.isSplitCharacter(text, glyphPos);
    }

    private static int unicode(GlyphLine text, int pos) {
        var g = text.get(pos);
        return g.hasValidUnicode() ? g.getUnicode() : -1;
    }
}
