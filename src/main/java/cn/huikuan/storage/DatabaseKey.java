package cn.huikuan.storage;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.nio.CharBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The key of a password-protected database (issue 6). H2 encrypts the file with AES ({@code CIPHER=AES});
 * the file password H2 is given is not the user's password itself but PBKDF2-HMAC-SHA256 of it (210,000
 * rounds, 256 bits, as hex), which
 * <ul>
 *   <li>allows any character, spaces too (H2 splits its password at the first space),</li>
 *   <li>makes guessing slower than H2's own key derivation alone (10 rounds),</li>
 *   <li>is salted per book (issue 24): the salt is the random one H2 keeps in the clear header of each encrypted file,
 *       so it travels with the file into every backup and copy and cannot be lost apart from it, and no guess can be
 *       computed once for all Huikuan users. Books made before this used one fixed salt ({@link #LEGACY_SALT}); they
 *       still open, and move to their own salt the next time their password is set or changed;</li>
 *   <li>and is taken after Unicode NFKC normalisation, so a password typed with a Chinese input method in
 *       full-width mode (ａｂｃ１２３) opens the same books as the half-width one (abc123).</li>
 * </ul>
 * The password itself is never stored on disk; forgetting it means the books cannot be opened by anyone. While the
 * books are open the normalised password stays in this object (a book's key depends on its file, and a backup from
 * before a password change has another file and salt).
 */
public final class DatabaseKey {
    /** Shortest password the app accepts. */
    public static final int MIN_LENGTH = 8;
    /** The one salt of books whose password was set before per-book salts (before 2026-12-07). */
    static final byte[] LEGACY_SALT = "huikuan-database-key-v1".getBytes(StandardCharsets.US_ASCII);
    /** Put before a book's own salt, so that no book's salt can make the legacy one. */
    private static final byte[] BOOK_SALT_PREFIX = "huikuan-database-key-v2:".getBytes(StandardCharsets.US_ASCII);
    private static final int ROUNDS = 210_000;

    private final char[] password;
    /** Derived file passwords by salt (hex; "" the legacy one): PBKDF2 takes about 0.1 s, and a book opens several times. */
    private final Map<String, char[]> derived = new ConcurrentHashMap<>();

    private DatabaseKey(char[] password) {
        this.password = password;
    }

    /** Keeps the normalised password; {@code password} is left as it was (the caller clears it). */
    public static DatabaseKey fromPassword(char[] password) {
        if (password == null || password.length == 0) throw new IllegalArgumentException("empty password");
        return new DatabaseKey(Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC).toCharArray());
    }

    /** Why a new password is refused, or null: shorter than {@link #MIN_LENGTH} after normalisation, or only blanks. */
    public static String weakness(char[] password) {
        if (password == null) return "empty";
        String s = Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC);
        if (s.isBlank()) return "empty";
        if (s.codePointCount(0, s.length()) < MIN_LENGTH) return "short";
        return null;
    }

    /**
     * The file password of a book whose file carries {@code bookSalt} (null: a book of the legacy fixed salt), as H2
     * takes it before its space. For the storage layer (cn.huikuan.persistence) only; the architecture test keeps
     * every other package from calling it.
     */
    public char[] filePassword(byte[] bookSalt) {
        String id = bookSalt == null ? "" : HexFormat.of().formatHex(bookSalt);
        return derived.computeIfAbsent(id, k -> derive(bookSalt == null ? LEGACY_SALT : bookSalt(bookSalt))).clone();
    }

    /** What H2 takes as the password of an encrypted database: file password, a space, the (empty) user password. */
    public String h2Password(byte[] bookSalt) {
        return new String(filePassword(bookSalt)) + " ";
    }

    private static byte[] bookSalt(byte[] salt) {
        byte[] s = Arrays.copyOf(BOOK_SALT_PREFIX, BOOK_SALT_PREFIX.length + salt.length);
        System.arraycopy(salt, 0, s, BOOK_SALT_PREFIX.length, salt.length);
        return s;
    }

    private char[] derive(byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password, salt, ROUNDS, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            char[] hex = HexFormat.of().formatHex(key).toCharArray();
            Arrays.fill(key, (byte) 0);
            return hex;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 not available", e);
        }
    }
}
