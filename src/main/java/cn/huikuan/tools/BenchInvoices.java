package cn.huikuan.tools;

import cn.huikuan.application.Books;
import cn.huikuan.application.InvoiceImportService;
import cn.huikuan.cli.Args;
import cn.huikuan.cli.Cli;
import cn.huikuan.domain.IdentityNumbers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code bench invoices --data DIR [--count 10000]} (issue 23): writes a .zip of {@code count} fictional 数电票 XML invoices
 * of one seller to 1,000 buyers (a tenth of them other sellers' invoices, listed and not imported), then times the dry run
 * and the import into new books and samples the heap meanwhile.
 */
final class BenchInvoices {
    private final PrintStream out;

    BenchInvoices(PrintStream out) {
        this.out = out;
    }

    static final String SELLER = "北京某某钢材有限公司";
    static final String SELLER_ID = "91110105MA01R8XK2" + IdentityNumbers.creditCodeCheckChar("91110105MA01R8XK2");

    int run(Args a) {
        Path dir = Path.of(a.required("data"));
        int count = Args.integer("count", a.optional("count") == null ? "10000" : a.optional("count"), 1, InvoiceImportService.MAX_FILES);
        try {
            Files.createDirectories(dir);
            Path zip = dir.resolve("invoices-" + count + ".zip");
            long t0 = System.nanoTime();
            write(zip, count);
            out.printf("wrote %s (%,d invoices, %,d bytes) in %.1f s%n", zip.getFileName(), count, Files.size(zip), (System.nanoTime() - t0) / 1e9);
            Path book = dir.resolve("invoice-book-" + System.nanoTime());
            try (Books books = Books.open(book, Clock.systemDefaultZone())) {
                var me = books.creditor();
                me.setName(SELLER);
                me.setRegistrationNumber(SELLER_ID);
                books.saveCreditor(me);
                BenchBundle.HeapSampler heap = new BenchBundle.HeapSampler();
                heap.start();
                var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
                long s = System.nanoTime();
                long cpu0 = os.getProcessCpuTime();
                var dry = books.invoices().dryRun(List.of(zip));
                long dryMs = (System.nanoTime() - s) / 1_000_000;
                long cpu1 = os.getProcessCpuTime();
                s = System.nanoTime();
                var done = books.invoices().importFiles(List.of(zip));
                long importMs = (System.nanoTime() - s) / 1_000_000;
                long cpu2 = os.getProcessCpuTime();
                out.printf("CPU time of the process (all threads, H2's too): dry run %,d ms, import %,d ms; load average %.1f%n",
                        (cpu1 - cpu0) / 1_000_000, (cpu2 - cpu1) / 1_000_000, os.getSystemLoadAverage());
                heap.interrupt();
                heap.join();
                out.printf("dry run: %,d ms (%,d lines: %,d receivables, %,d not ours); import (reads and checks again, stores %,d evidence files, writes): "
                                + "%,d ms; heap used at most %,d MiB (max %,d MiB)%n", dryMs, dry.lines().size(), dry.receivables(),
                        dry.count(InvoiceImportService.Action.NOT_OURS), done.receivables(), importMs, heap.max >> 20, Runtime.getRuntime().maxMemory() >> 20);
                s = System.nanoTime();
                var again = books.invoices().dryRun(List.of(zip));
                out.printf("the same zip again: %,d duplicates found in %,d ms%n", again.count(InvoiceImportService.Action.DUPLICATE),
                        (System.nanoTime() - s) / 1_000_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Cli.OK;
    }

    /** The zip of invoices: numbers in sequence, 1,000 buyers (numbered with valid check characters), amounts random. */
    static void write(Path zip, int count) throws IOException {
        Random rnd = new Random(23);
        String[] buyerIds = new String[1000];
        for (int b = 0; b < buyerIds.length; b++) {
            String base = String.format("91320100MA%07d", b);
            buyerIds[b] = base + IdentityNumbers.creditCodeCheckChar(base);
        }
        try (OutputStream o = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(o)) {
            for (int i = 1; i <= count; i++) {
                int b = rnd.nextInt(buyerIds.length);
                boolean ours = i % 10 != 0;
                LocalDate d = LocalDate.of(2025, 1, 1).plusDays(rnd.nextInt(600));
                var spec = new InvoiceSamples.Spec(String.format("2432%016d", i), d, ours ? SELLER : "别家公司" + (i % 7), ours ? SELLER_ID : null,
                        "客户" + b + "有限公司", buyerIds[b], List.of(new InvoiceSamples.Line("*钢材*螺纹钢", BigDecimal.valueOf(100 + rnd.nextInt(1_000_000), 2),
                        new BigDecimal("0.13"))), null);
                z.putNextEntry(new ZipEntry(String.format("dzfp_%06d.xml", i)));
                z.write(InvoiceSamples.xml(spec).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
    }
}
