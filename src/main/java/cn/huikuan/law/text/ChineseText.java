package cn.huikuan.law.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Normalizer2;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A message as the conduct guard reads it (issue 20), made with ICU4J: full-width letters and digits and other
 * compatibility forms folded (NFKC with case folding), traditional characters simplified (ICU's
 * "Traditional-Simplified"), spaces, symbols and emoji taken out from between the characters of a word ("弄 死 你",
 * "傻*逼", "曝-光"), single Latin letters joined ("S B" → "sb"), each Han character's toneless pinyin (ICU's
 * "Han-Latin") and the word boundaries of ICU's dictionary segmentation. Every character of the result knows
 * where it came from in the original, so a finding can point at the words the user wrote.
 * <p>
 * ICU is loaded the first time a message is read (about 2 s), never before: the holder class below is the only
 * place that touches it at class initialisation.
 */
public final class ChineseText {
    /** Ends a clause in {@link Form#text()}. */
    public static final char CLAUSE = '\n';

    private ChineseText() {
    }

    /**
     * The form of {@code original} the guard's rules read. {@code emoji} turns an emoji's Unicode name (ICU's
     * character names, e.g. "HOCHO" for 🔪) into the characters it stands for, or null to drop it.
     */
    public static Form of(String original, Function<String, String> emoji) {
        return new Builder(original, emoji).build();
    }

    /** The toneless pinyin syllables of {@code han}, one per character ("傻逼" → [sha, bi]); digits read as numerals. */
    public static List<String> pinyin(String han) {
        List<String> out = new ArrayList<>();
        han.codePoints().forEach(cp -> out.add(syllable(cp)));
        return out;
    }

    /** Loads ICU and its data now (the first check otherwise pays for it). */
    public static void warmUp() {
        of("無賴 ＳＢ 弄死你🔪", n -> null);
    }

    /**
     * The normalised text: simplified, lower-case, without noise; {@link #CLAUSE} between clauses. For each char of
     * {@code text}: {@code from[i]} the index in the original where it came from ({@code from[text.length()]} the
     * original's length), {@code syllable[i]} its toneless pinyin (Han characters and digits; null otherwise), and
     * {@code wordStart[i]} whether ICU's word segmentation starts a word there ({@code wordStart[length]} is true).
     */
    public record Form(String original, String text, int[] from, String[] syllable, boolean[] wordStart) {
        /** The span of the original that chars {@code [start, end)} of {@link #text()} came from. */
        public int originalStart(int start) {
            return from[start];
        }

        public int originalEnd(int end) {
            if (end <= 0) return 0;
            // one past the last original code unit of the char before end
            int last = from[end - 1];
            int n = original.length();
            if (last >= n) return n;
            return last + Character.charCount(original.codePointAt(last));
        }

        /** True when chars {@code [start, end)} are one word of ICU's dictionary of two or more characters. */
        public boolean isOneDictionaryWord(int start, int end) {
            if (end - start < 2 || !wordStart[start] || !wordStart[end]) return false;
            for (int i = start + 1; i < end; i++) if (wordStart[i]) return false;
            return true;
        }
    }

    // ------------------------------------------------------------------ ICU, loaded on first use

    private static final class Icu {
        static final Normalizer2 NFKC_CASEFOLD = Normalizer2.getNFKCCasefoldInstance();
        static final Transliterator TO_SIMPLIFIED = Transliterator.getInstance("Traditional-Simplified");
        static final Transliterator TO_PINYIN = Transliterator.getInstance("Han-Latin; Latin-ASCII; Lower");
        static final Map<Integer, String> SIMPLIFIED = new ConcurrentHashMap<>();
        static final Map<Integer, String> PINYIN = new ConcurrentHashMap<>();
        static final String NUMERALS = "〇一二三四五六七八九";
        static final BreakIterator WORDS = BreakIterator.getWordInstance(ULocale.SIMPLIFIED_CHINESE);

        static synchronized String translit(Transliterator t, String s) {
            return t.transliterate(s);
        }
    }

    private static boolean isHan(int cp) {
        return UScript.getScript(cp) == UScript.HAN;
    }

    private static String simplified(int cp) {
        return Icu.SIMPLIFIED.computeIfAbsent(cp, c -> Icu.translit(Icu.TO_SIMPLIFIED, new String(Character.toChars(c))));
    }

    /** Toneless pinyin of one Han character or digit, per character (ICU's whole-string rules are slow on sentences). */
    static String syllable(int cp) {
        if (cp >= '0' && cp <= '9') cp = Icu.NUMERALS.charAt(cp - '0');
        if (!isHan(cp)) return null;
        return Icu.PINYIN.computeIfAbsent(cp, c -> {
            String p = Icu.translit(Icu.TO_PINYIN, new String(Character.toChars(c))).strip();
            return p.isEmpty() || !p.chars().allMatch(ch -> ch >= 'a' && ch <= 'z') ? null : p;
        });
    }

    private static boolean isEmoji(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.EXTENDED_PICTOGRAPHIC) && cp > 0xFF
                || UCharacter.hasBinaryProperty(cp, UProperty.EMOJI_PRESENTATION) && cp > 0xFF;
    }

    private static boolean isClauseEnd(int cp) {
        return switch (cp) {
            case '。', '！', '？', '!', '?', '；', ';', '，', ',', '\n', '\r', '：', ':', '…' -> true;
            default -> false;
        };
    }

    // ------------------------------------------------------------------ building

    private static final class Builder {
        private final String original;
        private final Function<String, String> emoji;
        private final StringBuilder text = new StringBuilder();
        private final List<Integer> from = new ArrayList<>();
        /** What was emitted last: 'h' Han or other letter, 'l' Latin letter, 'd' digit, 'c' clause end, 0 nothing. */
        private char last = 0;
        /** Noise (space, symbol) since the last emitted char, and whether it held a hyphen, slash or underscore. */
        private boolean gap;
        private boolean hyphenInGap;
        /** Length of the last Latin word as written (letters with nothing between them). */
        private int lastWordLength;

        Builder(String original, Function<String, String> emoji) {
            this.original = original == null ? "" : original;
            this.emoji = emoji;
        }

        Form build() {
            for (int i = 0; i < original.length(); ) {
                int cp = original.codePointAt(i);
                take(cp, i);
                i += Character.charCount(cp);
            }
            joinSingleCharClauses();
            String t = text.toString();
            int[] f = new int[t.length() + 1];
            for (int k = 0; k < t.length(); k++) f[k] = from.get(k);
            f[t.length()] = original.length();
            String[] syl = new String[t.length()];
            for (int k = 0; k < t.length(); k++) {
                char c = t.charAt(k);
                syl[k] = Character.isSurrogate(c) ? null : syllable(c);
            }
            return new Form(original, t, f, syl, words(t));
        }

        private void take(int cp, int at) {
            if (isClauseEnd(cp)) {
                // a thousands separator between digits is no clause end
                if ((cp == ',' || cp == '，') && last == 'd' && !gap && folded(at, 1) >= '0' && folded(at, 1) <= '9') return;
                if (last != 'c' && last != 0) emit(CLAUSE, at, 'c');
                gap = false;
                hyphenInGap = false;
                return;
            }
            if (cp == '.' || cp == '．') {
                if (last == 'd' && !gap && folded(at, 1) >= '0' && folded(at, 1) <= '9') emit('.', at, 'd');
                else gap = true;
                return;
            }
            if (isEmoji(cp)) {
                String word = emoji.apply(UCharacter.getName(cp));
                if (word != null) {
                    for (int k = 0; k < word.length(); k++) emit(word.charAt(k), at, 'h');
                }
                gap = true;
                return;
            }
            String folded = Icu.NFKC_CASEFOLD.normalize(new String(Character.toChars(cp)));
            for (int k = 0; k < folded.length(); ) {
                int c = folded.codePointAt(k);
                k += Character.charCount(c);
                takeFolded(c, at);
            }
        }

        private void takeFolded(int c, int at) {
            if (c >= 'a' && c <= 'z') {
                if (last == 'l' && gap) {
                    // "s b" and "S*B" are one word; "is bad" stays two words; "sb-2025" a code
                    boolean single = lastWordLength == 1 && latinWordLength(at) == 1;
                    if (hyphenInGap && !single) emit('-', at, ' ');
                    else if (!single) emit(' ', at, ' ');
                    lastWordLength = single ? 1 : 0;
                } else if (last == 'd' && gap && hyphenInGap) {
                    emit('-', at, ' ');
                }
                if (last != 'l' || gap) lastWordLength = 0;
                emit((char) c, at, 'l');
                lastWordLength++;
                return;
            }
            if (c >= '0' && c <= '9') {
                if ((last == 'l' || last == 'd') && gap && hyphenInGap) emit('-', at, ' ');
                emit((char) c, at, 'd');
                return;
            }
            if (c == '%' || c == '‰' || c == '‱') {
                emit((char) c, at, 'd');
                return;
            }
            if (UCharacter.isLetter(c)) {
                String s = isHan(c) ? simplified(c) : new String(Character.toChars(c));
                for (int k = 0; k < s.length(); k++) emit(s.charAt(k), at, 'h');
                return;
            }
            if (c == '-' || c == '_' || c == '/') hyphenInGap = true;
            gap = true;                                     // spaces, symbols, variation selectors, joiners: noise
        }

        /** The first char of the NFKC-folded code point {@code steps} code points after the one at {@code at}. */
        private char folded(int at, int steps) {
            int j = at;
            for (int s = 0; s < steps && j < original.length(); s++) j += Character.charCount(original.codePointAt(j));
            if (j >= original.length()) return 0;
            String f = Icu.NFKC_CASEFOLD.normalize(new String(Character.toChars(original.codePointAt(j))));
            return f.isEmpty() ? 0 : f.charAt(0);
        }

        /** How many Latin letters follow one another from {@code at} in the original. */
        private int latinWordLength(int at) {
            int n = 0;
            for (int j = at; j < original.length(); j += Character.charCount(original.codePointAt(j))) {
                String f = Icu.NFKC_CASEFOLD.normalize(new String(Character.toChars(original.codePointAt(j))));
                if (f.isEmpty() || f.charAt(0) < 'a' || f.charAt(0) > 'z') break;
                n++;
            }
            return n;
        }

        private void emit(char c, int at, char kind) {
            text.append(c);
            from.add(at);
            if (kind != ' ') last = kind;
            gap = false;
            hyphenInGap = false;
        }

        /** "弄，死，你": a clause end between two one-character clauses is noise too. */
        private void joinSingleCharClauses() {
            List<Integer> ends = new ArrayList<>();
            for (int k = 0; k < text.length(); k++) if (text.charAt(k) == CLAUSE) ends.add(k);
            List<Integer> drop = new ArrayList<>();
            for (int e = 0; e < ends.size(); e++) {
                int before = ends.get(e) - (e == 0 ? 0 : ends.get(e - 1) + 1);
                int after = (e + 1 < ends.size() ? ends.get(e + 1) : text.length()) - ends.get(e) - 1;
                if (before == 1 && after == 1) drop.add(ends.get(e));
            }
            for (int k = drop.size() - 1; k >= 0; k--) {
                int at = drop.get(k);
                text.deleteCharAt(at);
                from.remove(at);
            }
            while (text.length() > 0 && text.charAt(text.length() - 1) == CLAUSE) {
                text.deleteCharAt(text.length() - 1);
                from.remove(from.size() - 1);
            }
        }

        private static boolean[] words(String t) {
            boolean[] start = new boolean[t.length() + 1];
            BreakIterator bi = (BreakIterator) Icu.WORDS.clone();
            bi.setText(t);
            for (int b = bi.first(); b != BreakIterator.DONE; b = bi.next()) start[b] = true;
            return start;
        }
    }
}
