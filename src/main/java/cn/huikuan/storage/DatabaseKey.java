package cn.huikuan.storage;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.nio.CharBuffer;

/**
 * The key of a password-protected database (issue 6). H2 encrypts the file with AES ({@code CIPHER=AES});
 * the file password H2 is given is not the user's password itself but PBKDF2-HMAC-SHA256 of it (210,000
 * rounds, 256 bits, as hex), which
 * <ul>
 *   <li>allows any character, spaces too (H2 splits its password at the first space),</li>
 *   <li>makes guessing slower than H2's own key derivation alone,</li>
 *   <li>and is taken after Unicode NFKC normalisation, so a password typed with a Chinese input method in
 *       full-width mode (ａｂｃ１２３) opens the same books as the half-width one (abc123).</li>
 * </ul>
 * The password itself is never stored; forgetting it means the books cannot be opened by anyone.
 */
public final class DatabaseKey {
    /** Shortest password the app accepts. */
    public static final int MIN_LENGTH = 8;
    private static final byte[] SALT = "huikuan-database-key-v1".getBytes(StandardCharsets.US_ASCII);
    private static final int ROUNDS = 210_000;

    private final char[] filePassword;

    private DatabaseKey(char[] filePassword) {
        this.filePassword = filePassword;
    }

    /** Derives the key; {@code password} is left as it was (the caller clears it). */
    public static DatabaseKey fromPassword(char[] password) {
        if (password == null || password.length == 0) throw new IllegalArgumentException("empty password");
        char[] normal = Normalizer.normalize(CharBuffer.wrap(password), Normalizer.Form.NFKC).toCharArray();
        try {
            PBEKeySpec spec = new PBEKeySpec(normal, SALT, ROUNDS, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            char[] hex = HexFormat.of().formatHex(key).toCharArray();
            Arrays.fill(key, (byte) 0);
            return new DatabaseKey(hex);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 not available", e);
        } finally {
            Arrays.fill(normal, '\0');
        }
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
     * What H2 takes as the password of an encrypted database: file password, a space, the (empty) user password. For
     * the storage layer (cn.huikuan.persistence) only; the architecture test keeps every other package from calling it.
     */
    public String h2Password() {
        return new String(filePassword) + " ";
    }

    /** The derived file password; for the storage layer only, as {@link #h2Password}. */
    public char[] filePassword() {
        return filePassword.clone();
    }
}
