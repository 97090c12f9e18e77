package cn.huikuan.invoices;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads ZIP archives from outside (a .zip of invoices, an .ofd package) within limits (issue 23, security.md): an entry
 * whose name is absolute, holds {@code ..} or a backslash or a NUL is refused; at most {@code maxEntries} entries, each at
 * most {@code maxEntryBytes} and all of them at most {@code maxTotalBytes} once inflated, counted as the bytes come
 * (the sizes a ZIP declares are not trusted): a bomb stops at the first limit, never fills memory or disk. Nothing is
 * extracted to disk.
 */
public final class SafeZip {
    /** The limits of one archive. */
    public record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {
    }

    /** A .zip of invoices: up to 50,000 files of 20 MB each, 2 GB in all. */
    public static final Limits INVOICE_ZIP = new Limits(50_000, 20L << 20, 2L << 30);
    /** An .ofd package: up to 5,000 parts of 20 MB each, 64 MB in all. */
    public static final Limits OFD = new Limits(5_000, 20L << 20, 64L << 20);

    /** Receives each file entry (folders are skipped) with its name and content. */
    @FunctionalInterface
    public interface EntrySink {
        void accept(String name, byte[] content);
    }

    private SafeZip() {
    }

    /** Every file entry of the archive {@code zip}, in the order of its central directory. */
    public static void read(Path zip, Limits limits, EntrySink sink) {
        String what = zip.getFileName() == null ? "zip" : zip.getFileName().toString();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (z.size() > limits.maxEntries()) throw tooMany(what, limits);
            long[] total = {0};
            int n = 0;
            Enumeration<? extends ZipEntry> en = z.entries();
            while (en.hasMoreElements()) {
                ZipEntry e = en.nextElement();
                if (++n > limits.maxEntries()) throw tooMany(what, limits);
                checkName(what, e.getName());
                if (e.isDirectory()) continue;
                try (InputStream in = z.getInputStream(e)) {
                    sink.accept(e.getName(), bounded(in, what, e.getName(), limits, total));
                }
            }
        } catch (ZipException e) {
            throw new InvoiceUnreadable(what + " 不是有效的 ZIP 文件 / " + what + " is not a valid ZIP file: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvoiceUnreadable(what + " 无法读取 / " + what + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** The file entries of a ZIP held in memory (an .ofd), read in stream order. */
    public static void read(byte[] zip, String what, Limits limits, EntrySink sink) {
        try (ZipInputStream z = new ZipInputStream(new ByteArrayInputStream(zip))) {
            long[] total = {0};
            int n = 0;
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                if (++n > limits.maxEntries()) throw tooMany(what, limits);
                checkName(what, e.getName());
                if (e.isDirectory()) continue;
                sink.accept(e.getName(), bounded(z, what, e.getName(), limits, total));
            }
            if (n == 0) throw new InvoiceUnreadable(what + " 不是有效的 ZIP 包（没有任何条目）/ " + what + " is not a ZIP package (no entries)");
        } catch (ZipException e) {
            throw new InvoiceUnreadable(what + " 不是有效的 ZIP 包 / " + what + " is not a valid ZIP package: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvoiceUnreadable(what + " 无法读取 / " + what + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static InvoiceUnreadable tooMany(String what, Limits limits) {
        return new InvoiceUnreadable(what + " 含有超过 " + limits.maxEntries() + " 个条目，拒绝读取 / " + what + " has more than "
                + limits.maxEntries() + " entries: refused");
    }

    /** Refuses a name that could leave the folder it is read into, or that hides part of itself. */
    static void checkName(String what, String name) {
        String n = name.replace('\\', '/');
        boolean bad = name.indexOf('\\') >= 0 || name.indexOf('\0') >= 0 || n.startsWith("/") || n.matches("^[A-Za-z]:.*")
                || ("/" + n + "/").contains("/../");
        if (bad) {
            throw new InvoiceUnreadable(what + " 中有条目名称指向包外（" + printable(name) + "），拒绝读取 / " + what
                    + " has an entry whose name points outside the archive (" + printable(name) + "): refused");
        }
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(120).forEach(c -> {
            if (Character.isISOControl(c)) b.append(String.format("[U+%04X]", c));
            else b.appendCodePoint(c);
        });
        return b.toString();
    }

    private static byte[] bounded(InputStream in, String what, String name, Limits limits, long[] total) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        byte[] buf = new byte[1 << 15];
        long size = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            size += r;
            total[0] += r;
            if (size > limits.maxEntryBytes()) {
                throw new InvoiceUnreadable(what + " 中的 " + printable(name) + " 解压后超过 " + (limits.maxEntryBytes() >> 20)
                        + " MB（可能是压缩炸弹），拒绝读取 / " + printable(name) + " in " + what + " inflates to more than "
                        + (limits.maxEntryBytes() >> 20) + " MB (a ZIP bomb?): refused");
            }
            if (total[0] > limits.maxTotalBytes()) {
                throw new InvoiceUnreadable(what + " 解压后总共超过 " + (limits.maxTotalBytes() >> 20) + " MB（可能是压缩炸弹），拒绝读取 / "
                        + what + " inflates to more than " + (limits.maxTotalBytes() >> 20) + " MB in all (a ZIP bomb?): refused");
            }
            out.write(buf, 0, r);
        }
        return out.toByteArray();
    }
}
