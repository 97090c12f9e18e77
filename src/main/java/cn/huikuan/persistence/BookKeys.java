package cn.huikuan.persistence;

import cn.huikuan.storage.DatabaseKey;
import org.h2.store.fs.encrypt.FileEncrypt;
import org.h2.store.fs.encrypt.FilePathEncrypt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The per-book salt of password-protected books (issue 24), and the file passwords derived with it.
 * <p>
 * An encrypted H2 file starts with a clear 4,096-byte header: {@code H2encrypt\n} and a random 8-byte salt, which H2
 * uses for its own (10-round) key derivation. The app's 210,000-round PBKDF2 ({@link DatabaseKey}) takes the same
 * salt, so the salt is wherever the file is: in the folder, in every backup zip (H2's {@code BACKUP TO} copies the
 * encrypted file as it is) and in a copied folder; there is no second file to lose. For that the app writes the header
 * of a new encrypted file itself, with a salt from {@link SecureRandom}, before H2 creates the database in it (H2 takes
 * a file of only a header as an existing, empty one); {@code BookKeysTest} checks that H2 still reads that layout.
 * <p>
 * Which salt a file's password was derived with is read from the file: its first block decrypts to MVStore's header
 * ({@code H:2,}) with the right file password. Books from before per-book salts open with the legacy derivation.
 */
final class BookKeys {
    private static final byte[] HEADER = "H2encrypt\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final int SALT_POS = HEADER.length;
    static final int SALT_LENGTH = 8;
    private static final int BLOCK = FileEncrypt.BLOCK_SIZE;
    private static final byte[] STORE_HEADER = "H:2,".getBytes(StandardCharsets.ISO_8859_1);
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookKeys() {
    }

    /** The salt in the clear header of the encrypted database file {@code file}; null if the file is not encrypted. */
    static byte[] salt(Path file) throws IOException {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(SALT_POS + SALT_LENGTH);
            while (head.hasRemaining() && c.read(head, head.position()) > 0) {
                // read on
            }
            if (head.hasRemaining() || !Arrays.equals(head.array(), 0, SALT_POS, HEADER, 0, SALT_POS)) return null;
            return Arrays.copyOfRange(head.array(), SALT_POS, SALT_POS + SALT_LENGTH);
        }
    }

    /**
     * Starts the new encrypted database file {@code file} (which must not exist): its clear header with a fresh random
     * salt, which H2 then takes as an existing, empty encrypted file. Returns the salt.
     */
    static byte[] start(Path file) throws IOException {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            writeHeader(c, salt);
            c.force(true);
        }
        return salt;
    }

    private static void writeHeader(FileChannel c, byte[] salt) throws IOException {
        byte[] header = Arrays.copyOf(HEADER, BLOCK);
        System.arraycopy(salt, 0, header, SALT_POS, SALT_LENGTH);
        ByteBuffer b = ByteBuffer.wrap(header);
        while (b.hasRemaining()) c.write(b, b.position());
    }

    /**
     * The file password that opens the existing encrypted database file {@code file} with {@code key}: derived with the
     * file's own salt, else (books from before per-book salts) with the legacy one; null when neither opens it (a wrong
     * password, or a file that is not an encrypted Huikuan database).
     */
    static char[] passwordOf(Path file, DatabaseKey key) throws IOException {
        byte[] salt = salt(file);
        if (salt == null) return null;
        char[] own = key.filePassword(salt);
        // only the header: started by start() and cut off before H2 wrote the store; H2 takes it as new and empty
        if (Files.size(file) <= BLOCK) return own;
        if (opens(file, own)) return own;
        char[] legacy = key.filePassword(null);
        return opens(file, legacy) ? legacy : null;
    }

    /**
     * The file password of the database file {@code file} with {@code key}: of the existing file as {@link #passwordOf}
     * (null when the key does not open it), or for a new one, started here with its own salt ({@link #start}).
     */
    static char[] passwordFor(Path file, DatabaseKey key) throws IOException {
        if (Files.exists(file)) return passwordOf(file, key);
        return key.filePassword(start(file));
    }

    /** Whether the first block of {@code file} decrypts with {@code filePassword} to MVStore's file header. */
    static boolean opens(Path file, char[] filePassword) throws IOException {
        if (Files.size(file) < 2L * BLOCK) return false;
        try (FileChannel base = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel plain = new FileEncrypt(file.toString(), FilePathEncrypt.getPasswordBytes(filePassword), base)) {
            ByteBuffer first = ByteBuffer.allocate(STORE_HEADER.length);
            plain.read(first, 0);
            return Arrays.equals(first.array(), STORE_HEADER);
        }
    }

    /**
     * Writes the database file {@code from} (encrypted with {@code fromPassword}, or plain when null) to the new file
     * {@code to}, encrypted with {@code toKey} under a new salt (plain when null), block by block, and forces it to disk.
     */
    static void reencrypt(Path from, char[] fromPassword, Path to, DatabaseKey toKey) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
             FileChannel source = fromPassword == null ? in : new FileEncrypt(from.toString(), FilePathEncrypt.getPasswordBytes(fromPassword), in)) {
            FileChannel target = out;
            if (toKey != null) {
                byte[] salt = new byte[SALT_LENGTH];
                RANDOM.nextBytes(salt);
                writeHeader(out, salt);
                target = new FileEncrypt(to.toString(), FilePathEncrypt.getPasswordBytes(toKey.filePassword(salt)), out);
            }
            long size = source.size();
            ByteBuffer buf = ByteBuffer.allocate(16 * BLOCK);
            for (long pos = 0; pos < size; ) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), size - pos));
                int n = source.read(buf, pos);
                if (n <= 0) throw new IOException("could not read " + from + " at " + pos);
                buf.flip();
                while (buf.hasRemaining()) pos += target.write(buf, pos);
            }
            target.force(true);
        }
    }
}
