package cn.huikuan.cli;

import cn.huikuan.application.Books;
import cn.huikuan.application.ImportService;
import cn.huikuan.application.SpreadsheetRows;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code import receivables --file F [--dry-run] [--paid-on import-date|due-date] [--partial] [--refused-out F] [--overwrite]
 * [--book DIR]}: Excel or CSV in (issue 7), all or nothing unless {@code --partial} (issue 21); {@code import template --out F
 * [--overwrite]}: the .xlsx template. Help texts: {@code huikuan.import.*} in help.properties.
 */
@Command(name = "import")
final class ImportCommand implements Callable<Integer> {
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<LocalDate> today;

    ImportCommand(PrintStream out, PrintStream err, Supplier<LocalDate> today) {
        this.out = out;
        this.err = err;
        this.today = today;
    }

    /**
     * {@code import} and its subcommands. A subcommand that parses its own arguments ({@code int run(String[] args)}) is
     * added with {@link Cli#passThrough(Cli.Command)}, e.g.
     * {@code .addSubcommand("invoices", Cli.passThrough(args -> new InvoiceImportCommand(out, err).run(args)))}, with its
     * help lines under {@code huikuan.import.invoices.usage.*} in help.properties (header, customSynopsis.0, description.N).
     */
    CommandLine commandLine() {
        return new CommandLine(this)
                .addSubcommand(new Receivables())
                .addSubcommand("invoices", Cli.passThrough(args -> new InvoiceImportCommand(out, err).run(args)))
                .addSubcommand("statement", Cli.passThrough(args -> new StatementImportCommand(out).run(args)))
                .addSubcommand(new Template());
    }

    @Override
    public Integer call() {
        throw new Cli.UsageException("import needs receivables, invoices, statement or template / 请指定 receivables、invoices、statement 或 template");
    }

    @Command(name = "receivables")
    final class Receivables implements Callable<Integer> {
        @Option(names = "--file", required = true, paramLabel = "FILE") String file;
        @Mixin BookPlace place;
        @Option(names = "--paid-on", paramLabel = "import-date|due-date") String paidOn;
        @Option(names = "--refused-out", paramLabel = "FILE") String refusedOut;
        @Option(names = "--dry-run") boolean dryRun;
        @Option(names = "--partial") boolean partial;
        @Option(names = "--overwrite") boolean overwrite;

        @Override
        public Integer call() {
            Path file = Path.of(this.file);
            if (!Files.isRegularFile(file)) throw new Cli.UsageException("no such file / 找不到文件: " + file);
            var paidOn = this.paidOn == null ? ImportService.PaidOnDefault.NONE : switch (this.paidOn) {
                case "import-date" -> ImportService.PaidOnDefault.IMPORT_DATE;
                case "due-date" -> ImportService.PaidOnDefault.DUE_DATE;
                default -> throw new Cli.UsageException("--paid-on must be import-date or due-date / --paid-on 应为 import-date（导入日期）或 due-date（到期日）");
            };
            Path refusedOut = this.refusedOut == null ? null : Path.of(this.refusedOut);
            if (refusedOut != null) refuseImportOutput(refusedOut, overwrite, file);
            var options = new ImportService.Options(paidOn, partial);
            try (Books books = place.open(Clock.systemDefaultZone())) {
                ImportService.Report r;
                try {
                    r = dryRun ? books.imports().dryRun(file, null, options) : books.imports().importFile(file, null, options);
                } catch (ImportService.ImportRefused e) {
                    printImport(e.report());
                    saveRefused(file, e.report(), refusedOut);
                    err.println("huikuan: " + e.getMessage());
                    return Cli.USAGE;
                } catch (SpreadsheetRows.NotASpreadsheet e) {
                    throw new Cli.UsageException(e.getMessage());
                }
                printImport(r);
                saveRefused(file, r, refusedOut);
                if (dryRun) out.println("试运行，未写入 Dry run, nothing written");
                else out.println("已导入 Imported: " + r.accepted() + " receivables" + (r.rejected().isEmpty() ? ""
                        : "；未导入 refused: " + r.rejected().size() + " rows"));
                return dryRun && !(options.partial() ? r.anyAccepted() : r.ok()) ? Cli.USAGE : Cli.OK;
            }
        }
    }

    /** {@code import template --out F.xlsx [--overwrite]}: the columns import understands and an example row (issue 21). */
    @Command(name = "template")
    final class Template implements Callable<Integer> {
        @Option(names = "--out", required = true, paramLabel = "FILE.xlsx") String out;
        @Option(names = "--overwrite") boolean overwrite;

        @Override
        public Integer call() {
            Path target = Path.of(out);
            if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
                throw new Cli.UsageException("the template is an .xlsx file: name it F.xlsx / 模板是 .xlsx 文件，请以 .xlsx 结尾: " + target);
            }
            refuseImportOutput(target, overwrite, null);
            try {
                ImportService.writeTemplate(target, today.get());
            } catch (IOException e) {
                throw new IllegalStateException("cannot write / 无法写入 " + target + ": " + e.getMessage(), e);
            }
            ImportCommand.this.out.println("导入模板 Import template: " + target.toAbsolutePath());
            return Cli.OK;
        }
    }

    /** An output file of the import: never the input, never an existing file without --overwrite (as export does). */
    private static void refuseImportOutput(Path target, boolean overwrite, Path input) {
        try {
            if (input != null && Files.exists(target) && Files.isSameFile(target, input)) {
                throw new Cli.UsageException("the output would replace the file read / 输出文件不能是要导入的文件: " + target);
            }
        } catch (IOException e) {
            throw new Cli.UsageException("cannot check / 无法检查 " + target + ": " + e.getMessage());
        }
        if (Files.isDirectory(target)) throw new Cli.UsageException("is a folder / 这是文件夹: " + target);
        if (!overwrite && Files.exists(target)) {
            throw new Cli.UsageException("already exists, not replaced (add --overwrite to replace it) / 文件已存在，未替换（加 --overwrite 才会替换）: "
                    + target.toAbsolutePath());
        }
    }

    /** The rejected rows with their reasons, when --refused-out was given. */
    private void saveRefused(Path file, ImportService.Report r, Path target) {
        if (target == null) return;
        if (r.rejected().isEmpty()) {
            out.println("没有拒绝的行，未写入 No refused rows, nothing written: " + target);
            return;
        }
        try {
            int n = ImportService.writeRefused(file, r, target);
            out.println("拒绝的行及原因 Refused rows with their reasons (" + n + "): " + target.toAbsolutePath());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write / 无法写入 " + target + ": " + e.getMessage(), e);
        }
    }

    private void printImport(ImportService.Report r) {
        out.println("列 Columns: " + r.mapping().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "=" + r.header().get(e.getValue())).toList());
        out.println("行 Rows: " + r.rows() + "   可导入 accepted: " + r.accepted() + "   有误 rejected: " + r.rejected().size()
                + "   新客户 new customers: " + r.newCustomers());
        switch (r.paidOnDefault()) {
            case IMPORT_DATE -> out.println("付款日期 Payment date: " + r.paidOnDefaulted() + " 行没有付款日期，按导入日期 " + r.importDate()
                    + " 记录 / rows without a payment date are dated the import date");
            case DUE_DATE -> out.println("付款日期 Payment date: " + r.paidOnDefaulted() + " 行没有付款日期，按各行的到期日记录"
                    + " / rows without a payment date are dated their due date");
            case NONE -> {
                if (r.paidOnMissing() > 0) out.println("付款日期 Payment date: " + r.paidOnMissing() + " 行有已收金额但没有付款日期，可加 --paid-on"
                        + " import-date（导入日期）或 --paid-on due-date（到期日）/ rows have a paid amount without a payment date");
            }
        }
        for (var x : r.rejected()) out.println("  第 " + x.row() + " 行 row: " + x.reason());
        for (var x : r.notices()) out.println("  第 " + x.row() + " 行 row（提示 note）: " + x.text());
    }
}
