package cn.huikuan.application;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Marks every entry of a zip Java wrote as made on Unix with permissions 0644 (directories 0755): "version made by" host 3
 * and the external attributes, in the central directory, written in place (a few bytes per entry, not a copy). Java
 * writes host 0 (MS-DOS) and no permissions: some unpackers then read the names in the local code page despite the UTF-8
 * flag, and unpack files without read permission for the group (issue 18).
 */
final class ZipHosts {
    private static final int EOCD = 0x06054b50, CEN = 0x02014b50;

    private ZipHosts() {
    }

    static void madeOnUnix(Path zip) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "rw")) {
            long len = f.length();
            int tail = (int) Math.min(len, 22 + 65_535);
            byte[] end = new byte[tail];
            f.seek(len - tail);
            f.readFully(end);
            ByteBuffer e = ByteBuffer.wrap(end).order(ByteOrder.LITTLE_ENDIAN);
            int at = -1;
            for (int i = tail - 22; i >= 0; i--) {
                if (e.getInt(i) == EOCD) {
                    at = i;
                    break;
                }
            }
            if (at < 0) throw new IOException("no end record");
            int entries = e.getShort(at + 10) & 0xffff;
            long size = e.getInt(at + 12) & 0xffffffffL;
            long offset = e.getInt(at + 16) & 0xffffffffL;
            if (entries == 0xffff || offset == 0xffffffffL) return; // a zip64 archive: left as Java wrote it
            byte[] cen = new byte[(int) size];
            f.seek(offset);
            f.readFully(cen);
            ByteBuffer c = ByteBuffer.wrap(cen).order(ByteOrder.LITTLE_ENDIAN);
            int p = 0;
            for (int n = 0; n < entries; n++) {
                if (c.getInt(p) != CEN) throw new IOException("central directory entry " + n + " not where expected");
                int nameLen = c.getShort(p + 28) & 0xffff, extraLen = c.getShort(p + 30) & 0xffff, commentLen = c.getShort(p + 32) & 0xffff;
                boolean dir = nameLen > 0 && cen[p + 46 + nameLen - 1] == '/';
                c.putShort(p + 4, (short) ((3 << 8) | 20));                       // made by: Unix, spec 2.0
                c.putInt(p + 38, (dir ? 040755 : 0100644) << 16 | (dir ? 0x10 : 0)); // st_mode in the high half, MS-DOS dir bit
                p += 46 + nameLen + extraLen + commentLen;
            }
            f.seek(offset);
            f.write(cen);
            f.getFD().sync();
        }
    }
}
