package cn.huikuan.tools;

import cn.huikuan.cli.Args;
import cn.huikuan.cli.Cli;
import cn.huikuan.application.Books;
import cn.huikuan.application.EvidenceService;
import cn.huikuan.application.ListQuery;
import cn.huikuan.documents.CaseFile;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.tools.BenchFixtures;
import cn.huikuan.pdf.EvidenceBundle;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code huikuan bench bundle --data DIR [--photos 200] [--pdf-pages 100] [--runs 3] [--qpdf PATH] [--unprepared]}
 * (issue 4): generates phone-sized photos (4000×3000, ~3 MB, a quarter held sideways) and text PDFs, imports them as
 * the evidence of one case, then times the evidence bundle against {@code qpdf --empty --pages …} merging the
 * same pages as PDFs (the photos wrapped unchanged). Prints medians, the ratio, the peak heap, the output-to-input
 * size and the system load average when the runs started. Inputs are generated once and reused.
 *
 * <p>By default it times bundles of prepared photos (the normal case), then bundles with the court images lost.
 * {@code --unprepared} (issue 25) times only the case of books restored into another folder (the court_image rows are
 * back, {@code derived/} is not): each run deletes {@code derived/}, times that bundle and the next one (which finds
 * what the first kept), and at the end times the background preparation that makes them all after such a restore.
 */
final class BenchBundle {
    private final PrintStream out;

    BenchBundle(PrintStream out) {
        this.out = out;
    }

    int run(Args a) throws IOException, InterruptedException {
        Path dir = Path.of(a.required("data"));
        int photos = Args.integer("photos", a.optional("photos") == null ? "200" : a.optional("photos"), 0, 10_000);
        int pdfPages = Args.integer("pdf-pages", a.optional("pdf-pages") == null ? "100" : a.optional("pdf-pages"), 0, 100_000);
        int runs = Args.integer("runs", a.optional("runs") == null ? "3" : a.optional("runs"), 1, 100);
        String qpdf = a.optional("qpdf") == null ? "qpdf" : a.optional("qpdf");
        boolean unprepared = a.flag("unprepared");

        Path inputs = Files.createDirectories(dir.resolve("inputs"));
        Path qpdfInputs = Files.createDirectories(dir.resolve("qpdf-inputs"));
        List<Path> photoFiles = new ArrayList<>();
        List<Path> qpdfFiles = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < photos; i++) {
            Path p = inputs.resolve(String.format("photo-%04d.jpg", i));
            if (!Files.exists(p)) BenchFixtures.photo(p, i, i % 4 == 3);
            Path wrapped = qpdfInputs.resolve(String.format("photo-%04d.pdf", i));
            if (!Files.exists(wrapped)) BenchFixtures.photoAsPdf(p, wrapped);
            photoFiles.add(p);
            qpdfFiles.add(wrapped);
        }
        List<Path> pdfFiles = new ArrayList<>();
        for (int i = 0; i * 10 < pdfPages; i++) {
            Path p = inputs.resolve(String.format("statement-%03d.pdf", i));
            if (!Files.exists(p)) BenchFixtures.textPdf(p, Math.min(10, pdfPages - i * 10), "statement " + i);
            pdfFiles.add(p);
            qpdfFiles.add(p);
        }
        long photoBytes = 0;
        for (Path p : photoFiles) photoBytes += Files.size(p);
        out.printf("inputs: %d photos (%,d bytes), %d PDF pages in %d files; ready in %.1f s%n", photos, photoBytes, pdfPages, pdfFiles.size(),
                (System.nanoTime() - t0) / 1e9);

        // A new book each time: importing is part of what is measured (photos are made ready for the court then).
        Path bookDir = dir.resolve("books");
        Cli.deleteTree(bookDir);
        Path target = Files.createDirectories(dir.resolve("out")).resolve("bundle.pdf");
        List<Double> warm = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        long peakHeap = 0;
        int pages = 0;
        try (Books books = Books.open(bookDir, Clock.systemDefaultZone())) {
            long ti = System.nanoTime();
            long id = caseWith(books, photoFiles, pdfFiles);
            double importMs = (System.nanoTime() - ti) / 1e6;
            out.printf("import of the %d files (copy, SHA-256, journal, court image of each photo): %.0f ms, %.0f ms per file%n",
                    photoFiles.size() + pdfFiles.size(), importMs, importMs / Math.max(1, photoFiles.size() + pdfFiles.size()));
            CaseFile c = books.exports().caseFile(id, null);
            out.printf("load average at the first bundle: %.2f%n", load());
            for (int r = 0; r < 2 * runs; r++) {
                // cold: as if the court images were lost (a backup does not hold derived/): every photo decoded again.
                // With --unprepared every other run is cold and the one after it finds what that one kept.
                boolean coldRun = unprepared ? r % 2 == 0 : r >= runs;
                if (coldRun) Cli.deleteTree(bookDir.resolve("derived"));
                System.gc();
                HeapSampler sampler = new HeapSampler();
                sampler.start();
                long s = System.nanoTime();
                try {
                    pages = books.exports().writeBundle(c, target, EvidenceBundle.Progress.NONE).pages();
                } finally {
                    sampler.interrupt();
                }
                (coldRun ? cold : warm).add((System.nanoTime() - s) / 1e6);
                sampler.join();
                peakHeap = Math.max(peakHeap, sampler.max);
            }
            if (unprepared) {
                // what the app does a few seconds after such books open: make every missing court image in the background
                Cli.deleteTree(bookDir.resolve("derived"));
                long s = System.nanoTime();
                int made = books.courtImages().prepareMissing(() -> false);
                out.printf("background preparation after a restore into another folder: %d photos in %.0f ms (load average %.2f)%n", made,
                        (System.nanoTime() - s) / 1e6, load());
            }
        }
        long bundleBytes = Files.size(target);
        out.printf("huikuan bundle: %d pages, %,d bytes; heap used at most %,d MiB (max heap %,d MiB)%n", pages, bundleBytes,
                peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
        out.printf(unprepared ? "  the bundle after it (finds the images the one before kept): runs (ms) %s; median %.0f ms%n"
                        : "  photos made ready at import (the normal case): runs (ms) %s; median %.0f ms%n",
                warm.stream().map(d -> String.format("%.0f", d)).toList(), median(warm));
        out.printf("  court images lost, every photo decoded again: runs (ms) %s; median %.0f ms%n",
                cold.stream().map(d -> String.format("%.0f", d)).toList(), median(cold));
        out.printf("load average after the bundles: %.2f%n", load());
        List<Double> ours = warm;

        List<Double> theirs = new ArrayList<>();
        Path qpdfOut = dir.resolve("out").resolve("qpdf.pdf");
        for (int r = 0; r < runs; r++) {
            List<String> cmd = new ArrayList<>(List.of(qpdf, "--empty", "--pages"));
            qpdfFiles.forEach(f -> cmd.add(f.toString()));
            cmd.addAll(List.of("--", qpdfOut.toString()));
            long s = System.nanoTime();
            Process p;
            try {
                p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                out.println("qpdf: not found (" + qpdf + "); install it, e.g. apt-get install qpdf, to get the ratio");
                return Cli.OK;
            }
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException("qpdf failed: exit " + p.exitValue());
            theirs.add((System.nanoTime() - s) / 1e6);
        }
        out.printf("load average after qpdf: %.2f%n", load());
        double ratio = median(ours) / median(theirs);
        out.printf("qpdf --empty --pages: %,d bytes; runs (ms) %s; median %.0f ms%n", Files.size(qpdfOut),
                theirs.stream().map(d -> String.format("%.0f", d)).toList(), median(theirs));
        if (unprepared) {
            out.printf("ratio huikuan/qpdf (medians): court images lost %.2f (target ≤ 2.00); the bundle after it %.2f%n",
                    median(cold) / median(theirs), ratio);
        } else {
            out.printf("ratio huikuan/qpdf (medians): %.2f (target ≤ 2.00); with every photo decoded again: %.2f%n", ratio,
                    median(cold) / median(theirs));
        }
        out.printf("bundle size / photo input size: %.1f%% (target ≤ 25%%; the bundle also holds the %d PDF pages)%n",
                100.0 * bundleBytes / Math.max(1, photoBytes), pdfPages);
        return Cli.OK;
    }

    /** The system's one-minute load average (this machine is shared: figures taken under load say so). */
    static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Samples the used heap every 10 ms: the largest value seen (pool peaks cannot be summed; they happen at different times). */
    static final class HeapSampler extends Thread {
        volatile long max;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            var mem = ManagementFactory.getMemoryMXBean();
            while (!isInterrupted()) {
                max = Math.max(max, mem.getHeapMemoryUsage().getUsed());
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    /** The benchmark's case: one receivable holding every input as evidence (imported once). */
    private static long caseWith(Books books, List<Path> photos, List<Path> pdfs) {
        var rows = books.receivables().page(ListQuery.first(1)).rows();
        if (!rows.isEmpty()) return rows.get(0).id();
        Customer c = books.customers().newCustomer(PartyKind.PERSON, "基准测试客户");
        c = books.customers().save(c);
        Receivable r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "基准测试货款", LocalDate.of(2026, 1, 10), Money.of("100000"));
        r.dueOn(LocalDate.of(2026, 3, 10));
        r = books.receivables().save(r, false);
        EvidenceService ev = books.evidence();
        int i = 0;
        for (Path p : photos) {
            ev.attach(r.getId(), p, new EvidenceService.Details(EvidenceType.DELIVERY_NOTE, "送货现场照片 " + (++i), LocalDate.of(2026, 2, 1),
                    "手机拍摄", "货物已送达", true));
        }
        for (Path p : pdfs) {
            ev.attach(r.getId(), p, new EvidenceService.Details(EvidenceType.STATEMENT, "对账单 " + p.getFileName(), LocalDate.of(2026, 3, 1),
                    "电子对账单", "欠款数额", false));
        }
        return r.getId();
    }


}
