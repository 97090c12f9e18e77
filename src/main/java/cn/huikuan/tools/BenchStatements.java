package cn.huikuan.tools;

import cn.huikuan.application.Books;
import cn.huikuan.application.StatementImportService;
import cn.huikuan.cli.Args;
import cn.huikuan.cli.Cli;
import cn.huikuan.statements.StatementReader;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/**
 * {@code bench statements --data DIR [--lines 10000] [--customers 2000]} (issue 23): a generator and a benchmark of the
 * statement import. Makes a new book of {@code customers} debtors with one receivable each (through the receivables
 * import), writes a bank statement of {@code lines} lines as a GBK CSV (80 % money received from those debtors as part
 * payments, 10 % from payers the book does not know, 10 % money paid out; transaction numbers on every line), then
 * times the dry run (read, match), the recording of every proposal (payment, evidence extract, journal, line key) and a
 * second dry run of the same file (every recorded line recognised), with the most heap used.
 */
final class BenchStatements {
    private final PrintStream out;

    BenchStatements(PrintStream out) {
        this.out = out;
    }

    int run(Args a) {
        Path dir = Path.of(a.required("data"));
        int lines = Args.integer("lines", a.optional("lines") == null ? "10000" : a.optional("lines"), 1, StatementReader.MAX_LINES);
        int customers = Args.integer("customers", a.optional("customers") == null ? "2000" : a.optional("customers"), 1, 100_000);
        try {
            Files.createDirectories(dir);
            Path book = dir.resolve("statement-book-" + System.nanoTime());
            Path ledger = dir.resolve("debtors-" + customers + ".xlsx");
            writeLedger(ledger, customers);
            Path statement = dir.resolve("bank-statement-" + lines + ".csv");
            long t0 = System.nanoTime();
            writeStatement(statement, lines, customers, 7);
            out.printf(Locale.ROOT, "wrote %s (%,d lines, %,d bytes, GBK) in %.1f s%n", statement.getFileName(), lines, Files.size(statement),
                    (System.nanoTime() - t0) / 1e9);
            try (Books books = Books.open(book, Clock.systemDefaultZone())) {
                t0 = System.nanoTime();
                books.imports().importFile(ledger, null);
                out.printf(Locale.ROOT, "book: %,d debtors with one receivable each, imported in %.1f s%n", customers, (System.nanoTime() - t0) / 1e9);
                System.gc();
                BenchBundle.HeapSampler heap = new BenchBundle.HeapSampler();
                heap.start();
                long s = System.nanoTime();
                StatementImportService.Preview p = books.statements().preview(statement);
                long previewMs = (System.nanoTime() - s) / 1_000_000;
                s = System.nanoTime();
                StatementImportService.Result r = books.statements().applyProposals(p);
                long applyMs = (System.nanoTime() - s) / 1_000_000;
                s = System.nanoTime();
                StatementImportService.Preview again = books.statements().preview(statement);
                long againMs = (System.nanoTime() - s) / 1_000_000;
                heap.interrupt();
                heap.join();
                out.printf(Locale.ROOT, "dry run: %,d ms (%,d lines, %,d received, %,d proposed)%n", previewMs, p.lines().size(), p.received(), p.proposed());
                out.printf(Locale.ROOT, "record the proposals: %,d ms (%,d payments, each with its evidence extract and journal entries)%n", applyMs, r.recorded());
                out.printf(Locale.ROOT, "dry run again: %,d ms (%,d lines recognised as recorded)%n", againMs, again.duplicates());
                out.printf(Locale.ROOT, "total dry run + record: %.1f s; heap used at most %,d MiB (max %,d MiB)%n", (previewMs + applyMs) / 1000.0,
                        heap.max >> 20, Runtime.getRuntime().maxMemory() >> 20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Cli.OK;
    }

    /** The debtors: 债务人N, each owing 1,000,000.00 since 2024 (so that every part payment fits). */
    static void writeLedger(Path f, int customers) throws IOException {
        try (OutputStream o = Files.newOutputStream(f); Workbook wb = new Workbook(o, "bench", "1.0")) {
            Worksheet ws = wb.newWorksheet("应收款");
            String[] head = {"客户名称", "事由", "合同编号", "日期", "金额", "到期日"};
            for (int i = 0; i < head.length; i++) ws.value(0, i, head[i]);
            for (int c = 1; c <= customers; c++) {
                ws.value(c, 0, "债务人" + c);
                ws.value(c, 1, "货款");
                ws.value(c, 2, "HT-" + c);
                ws.value(c, 3, "2024-01-01");
                ws.value(c, 4, 1_000_000);
                ws.value(c, 5, "2024-03-01");
            }
        }
    }

    /**
     * A bank's statement as a GBK CSV: title rows, then 交易日期,摘要,借方金额,贷方金额,余额,对方账号,对方户名,流水号; dates
     * through 2025, amounts with thousands separators.
     */
    static void writeStatement(Path f, int lines, int customers, long seed) throws IOException {
        Random rnd = new Random(seed);
        try (BufferedWriter w = Files.newBufferedWriter(f, Charset.forName("GBK"))) {
            w.write("中国工商银行 账户明细\r\n账号：1202 0000 0000 0000 888\r\n户名：某某商贸有限公司\r\n");
            w.write("交易日期,摘要,借方金额,贷方金额,余额,对方账号,对方户名,流水号\r\n");
            LocalDate day = LocalDate.of(2025, 1, 2);
            for (int i = 0; i < lines; i++) {
                if (i % 40 == 39) day = day.plusDays(1);
                int kind = rnd.nextInt(10);
                String amount = String.format(Locale.ROOT, "\"%,d.%02d\"", 10 + rnd.nextInt(2_000), rnd.nextInt(100));
                String tx = "B" + day.toString().replace("-", "") + String.format(Locale.ROOT, "%06d", i);
                if (kind < 8) {
                    int c = 1 + rnd.nextInt(customers);
                    w.write(day + ",货款," + "," + amount + ",," + "6222" + String.format(Locale.ROOT, "%012d", c) + ",债务人" + c + "," + tx + "\r\n");
                } else if (kind == 8) {
                    w.write(day + ",往来款,," + amount + ",,6217" + String.format(Locale.ROOT, "%012d", i) + ",陌生人" + i + "," + tx + "\r\n");
                } else {
                    w.write(day + ",货款支付," + amount + ",,,6225" + String.format(Locale.ROOT, "%012d", i) + ",供应商" + (i % 50) + "," + tx + "\r\n");
                }
            }
            w.write("合计,,,,,,,\r\n");
        }
    }
}
