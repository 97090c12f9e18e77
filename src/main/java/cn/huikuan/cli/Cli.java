package cn.huikuan.cli;

import cn.huikuan.Version;
import cn.huikuan.law.LprTable;
import cn.huikuan.law.data.LawData;
import cn.huikuan.application.BookFolders;

import java.io.PrintStream;
import java.util.Arrays;
import cn.huikuan.application.BackupService;
import cn.huikuan.application.Books;
import cn.huikuan.application.ExportService;
import cn.huikuan.storage.StoreFailures;
import cn.huikuan.application.ImportService;
import cn.huikuan.application.NotFoundException;
import cn.huikuan.application.SpreadsheetRows;
import cn.huikuan.domain.Customer;
import cn.huikuan.storage.BackupRefusedException;
import cn.huikuan.storage.DataFolderException;
import cn.huikuan.storage.DatabaseKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The headless command line: {@code huikuan --help}, {@code huikuan version}. Later issues add
 * {@code calc} and {@code export}. Bad input gives one line on stderr and exit code 2, never a stack trace.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    private final Supplier<LocalDate> today;

    public Cli(PrintStream out, PrintStream err) {
        this(out, err, LocalDate::now);
    }

    /** With a fixed "today", for tests. */
    public Cli(PrintStream out, PrintStream err, Supplier<LocalDate> today) {
        this.out = out;
        this.err = err;
        this.today = today;
    }

    /** A command added from outside this package (the bench and crash-test tools, cn.huikuan.tools): its arguments after its name. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args) throws Exception;
    }

    private final Map<String, Command> added = new HashMap<>();

    /**
     * Adds a command by name (issue 25: the measuring tools live in cn.huikuan.tools, which the product's code never
     * imports; the launcher adds them). Its usage errors and exit codes are handled as every other command's.
     */
    public Cli with(String name, Command command) {
        added.put(name, command);
        return this;
    }

    /** User updates of legal data (holidays, LPR) live in {@code <data folder>/law}; read-only here, no lock needed. */
    private static Path lawDir() {
        return BookFolders.defaultLocation().resolve("law");
    }

    public int run(String... args) {
        if (args.length == 0) {
            return usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "--help", "-h", "help" -> {
                    out.print(HELP);
                    yield OK;
                }
                case "version", "--version" -> {
                    if (rest.length > 0) throw new UsageException("version takes no arguments / version 不接受参数");
                    out.println("Huikuan 回款助手 " + Version.current());
                    yield OK;
                }
                case "verify" -> new VerifyCommand(out).run(rest);
                case "export" -> new ExportCommand(out, err).run(rest);
                case "privacy" -> privacy(rest);
                case "import" -> importFile(rest);
                case "backup" -> backup(new Args(rest, Set.of("book"), Set.of()));
                case "password" -> password(rest);
                case "restore" -> restore(new Args(rest, Set.of("book", "from"), Set.of()));
                case "team" -> new TeamCommand(out, System::getenv).run(rest);
                case "check" -> new CheckCommand(out, () -> LawData.lpr(lawDir())).run(rest);
                case "calc" -> new CalcCommand(out, () -> LawData.holidays(lawDir()), () -> LawData.lpr(lawDir()), today.get()).run(rest);
                default -> {
                    Command c = added.get(args[0]);
                    if (c == null) throw new UsageException("unknown command / 未知命令: " + args[0] + " (see huikuan --help)");
                    try {
                        yield c.run(rest);
                    } catch (RuntimeException e) {
                        throw e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }
            };
        } catch (UsageException e) {
            err.println("huikuan: " + e.getMessage());
            return USAGE;
        } catch (ExportService.ConductBlockedException e) {
            // the user's own words in a document did not pass the conduct guard (issue 20): change them, nothing written
            err.println("huikuan: " + e.getMessage());
            return USAGE;
        } catch (LprTable.RateUnavailableException | LawData.LawDataException | IllegalArgumentException e) {
            err.println("huikuan: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            if (StoreFailures.storeUnusable(e)) {
                // H2 closes the database after a failed write; the first cause (a full disk) may be further down the chain
                err.println("huikuan: 磁盘空间已满（或数据库文件无法写入），这次操作没有保存任何内容；请腾出空间后再试"
                        + " / the disk is full (or the database file cannot be written): nothing of this operation was kept;"
                        + " free some space and try again");
                return FAILED;
            }
            err.println("huikuan: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return FAILED;
        }
    }

    /**
     * {@code import receivables --file F [--dry-run] [--paid-on import-date|due-date] [--partial] [--refused-out F] [--overwrite]
     * [--book DIR]}: Excel or CSV in (issue 7), all or nothing unless {@code --partial} (issue 21); {@code import template --out F
     * [--overwrite]}: the .xlsx template.
     */
    private int importFile(String[] args) {
        if (args.length > 0 && args[0].equals("template")) return importTemplate(Arrays.copyOfRange(args, 1, args.length));
        if (args.length > 0 && args[0].equals("statement")) return new StatementImportCommand(out).run(Arrays.copyOfRange(args, 1, args.length));
        if (args.length > 0 && args[0].equals("invoices")) return new InvoiceImportCommand(out, err).run(Arrays.copyOfRange(args, 1, args.length));
        if (args.length == 0 || !args[0].equals("receivables")) {
            throw new UsageException("import needs receivables, invoices or template / 请指定 receivables、invoices 或 template");
        }
        Args a = new Args(Arrays.copyOfRange(args, 1, args.length), Set.of("book", "file", "paid-on", "refused-out"),
                Set.of("dry-run", "partial", "overwrite"));
        Path file = Path.of(a.required("file"));
        if (!Files.isRegularFile(file)) throw new UsageException("no such file / 找不到文件: " + file);
        var paidOn = a.optional("paid-on") == null ? ImportService.PaidOnDefault.NONE : switch (a.optional("paid-on")) {
            case "import-date" -> ImportService.PaidOnDefault.IMPORT_DATE;
            case "due-date" -> ImportService.PaidOnDefault.DUE_DATE;
            default -> throw new UsageException("--paid-on must be import-date or due-date / --paid-on 应为 import-date（导入日期）或 due-date（到期日）");
        };
        Path refusedOut = a.optional("refused-out") == null ? null : Path.of(a.optional("refused-out"));
        if (refusedOut != null) refuseImportOutput(refusedOut, a.flag("overwrite"), file);
        var options = new ImportService.Options(paidOn, a.flag("partial"));
        Path dir = existingBooks(a);
        try (Books books = Books.open(dir, Clock.systemDefaultZone(), keyFromEnvironment())) {
            ImportService.Report r;
            try {
                r = a.flag("dry-run") ? books.imports().dryRun(file, null, options) : books.imports().importFile(file, null, options);
            } catch (ImportService.ImportRefused e) {
                printImport(e.report());
                saveRefused(file, e.report(), refusedOut);
                err.println("huikuan: " + e.getMessage());
                return USAGE;
            } catch (SpreadsheetRows.NotASpreadsheet e) {
                throw new UsageException(e.getMessage());
            }
            printImport(r);
            saveRefused(file, r, refusedOut);
            if (a.flag("dry-run")) out.println("试运行，未写入 Dry run, nothing written");
            else out.println("已导入 Imported: " + r.accepted() + " receivables" + (r.rejected().isEmpty() ? ""
                    : "；未导入 refused: " + r.rejected().size() + " rows"));
            return a.flag("dry-run") && !(options.partial() ? r.anyAccepted() : r.ok()) ? USAGE : OK;
        } catch (DataFolderException e) {
            throw inUse(e, dir);
        }
    }

    /** An output file of the import: never the input, never an existing file without --overwrite (as export does). */
    private static void refuseImportOutput(Path target, boolean overwrite, Path input) {
        try {
            if (input != null && Files.exists(target) && Files.isSameFile(target, input)) {
                throw new UsageException("the output would replace the file read / 输出文件不能是要导入的文件: " + target);
            }
        } catch (IOException e) {
            throw new UsageException("cannot check / 无法检查 " + target + ": " + e.getMessage());
        }
        if (Files.isDirectory(target)) throw new UsageException("is a folder / 这是文件夹: " + target);
        if (!overwrite && Files.exists(target)) {
            throw new UsageException("already exists, not replaced (add --overwrite to replace it) / 文件已存在，未替换（加 --overwrite 才会替换）: "
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

    /** {@code import template --out F.xlsx [--overwrite]}: the columns import understands and an example row (issue 21). */
    private int importTemplate(String[] args) {
        Args a = new Args(args, Set.of("out"), Set.of("overwrite"));
        Path target = Path.of(a.required("out"));
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            throw new UsageException("the template is an .xlsx file: name it F.xlsx / 模板是 .xlsx 文件，请以 .xlsx 结尾: " + target);
        }
        refuseImportOutput(target, a.flag("overwrite"), null);
        try {
            ImportService.writeTemplate(target, today.get());
        } catch (IOException e) {
            throw new IllegalStateException("cannot write / 无法写入 " + target + ": " + e.getMessage(), e);
        }
        out.println("导入模板 Import template: " + target.toAbsolutePath());
        return OK;
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

    /** {@code privacy export|erase --customer ID …}: a debtor's data on request (个人信息保护法 §45, §47). */
    private int privacy(String[] args) {
        if (args.length == 0 || !(args[0].equals("export") || args[0].equals("erase"))) {
            throw new UsageException("privacy needs export or erase / 请指定 export 或 erase");
        }
        Args a = new Args(Arrays.copyOfRange(args, 1, args.length), Set.of("book", "customer", "out", "confirm", "reason"),
                Set.of());
        long id;
        try {
            id = Long.parseLong(a.required("customer").strip());
        } catch (NumberFormatException e) {
            throw new UsageException("--customer must be a customer number / --customer 应为客户编号");
        }
        Path dir = existingBooks(a);
        try (Books books = Books.open(dir, Clock.systemDefaultZone(), keyFromEnvironment())) {
            Customer c;
            try {
                c = books.customers().get(id);
            } catch (NotFoundException e) {
                throw new UsageException("no such customer / 没有这个客户: " + id);
            }
            if (args[0].equals("export")) {
                Path zip = books.privacy().export(id, Path.of(a.required("out")));
                out.println("个人信息已导出 Personal data exported: " + zip.toAbsolutePath());
            } else {
                if (!c.getName().equals(a.required("confirm"))) {
                    throw new UsageException("--confirm must repeat the customer's name exactly / --confirm 须与客户名称完全一致");
                }
                var r = books.privacy().erase(id, a.optional("reason"));
                out.println("已删除 Erased: " + r.receivables() + " receivables, " + r.records() + " records, " + r.journalEntries()
                        + " journal entries blanked, " + r.files() + " evidence files; the database file is compacted on close");
            }
        } catch (DataFolderException e) {
            throw inUse(e, dir);
        } catch (ExportService.ExportException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return OK;
    }

    private static Path existingBooks(Args a) {
        Path dir = a.optional("book") == null ? BookFolders.defaultLocation() : Path.of(a.optional("book"));
        if (!BookFolders.holdsBooks(dir)) {
            throw new UsageException("no books in / 此文件夹中没有账本: " + dir.toAbsolutePath());
        }
        return dir;
    }

    private int backup(Args a) {
        Path dir = existingBooks(a);
        try (Books books = Books.open(dir, Clock.systemDefaultZone(), keyFromEnvironment())) {
            out.println("备份 Backup: " + books.backups().backupNow("manual"));
        } catch (DataFolderException e) {
            throw inUse(e, dir);
        }
        return OK;
    }

    private int restore(Args a) {
        // a new machine has no books yet: a backup from the old one is restored into the folder
        Path dir = a.optional("book") == null ? BookFolders.defaultLocation() : Path.of(a.optional("book"));
        Path zip = Path.of(a.required("from"));
        try {
            Path aside = BookFolders.restore(dir, zip, keyFromEnvironment(),
                    step -> err.println("… " + step));
            out.println("已恢复 Restored: " + zip);
            if (aside != null) out.println("恢复前的数据库 The database before the restore: " + aside);
        } catch (BackupRefusedException e) {
            throw new UsageException(e.getMessage());
        } catch (DataFolderException e) {
            if (e.reason() == DataFolderException.Reason.WRONG_PASSWORD) {
                throw new UsageException("the password in " + PASSWORD_ENV + " does not open this backup (or the backup is damaged)"
                        + " / " + PASSWORD_ENV + " 中的密码打不开这个备份（或备份已损坏）: " + zip);
            }
            if (e.reason() == DataFolderException.Reason.PASSWORD_REQUIRED) {
                throw new UsageException("the backup is password-protected: give its password in the environment variable "
                        + PASSWORD_ENV + " / 备份有密码保护，请用环境变量 " + PASSWORD_ENV + " 提供密码: " + zip);
            }
            throw inUse(e, dir);
        }
        return OK;
    }

    static RuntimeException inUse(DataFolderException e, Path dir) {
        return switch (e.reason()) {
            case IN_USE -> new UsageException("the books are open in Huikuan; close it first / 账本正在回款助手中打开，请先关闭: " + dir);
            case PASSWORD_REQUIRED -> new UsageException("the books are password-protected: give the password in the environment variable "
                    + PASSWORD_ENV + " / 账本有密码保护，请用环境变量 " + PASSWORD_ENV + " 提供密码: " + dir);
            case WRONG_PASSWORD -> new UsageException("the password in " + PASSWORD_ENV + " does not open these books"
                    + " / " + PASSWORD_ENV + " 中的密码打不开这些账本: " + dir);
            default -> e;
        };
    }

    /** The environment variable that carries the password of protected books to the command line (never an argument: ps shows those). */
    public static final String PASSWORD_ENV = "HUIKUAN_PASSWORD";
    static final String NEW_PASSWORD_ENV = "HUIKUAN_NEW_PASSWORD";

    /** The key from {@value #PASSWORD_ENV}, or null when it is not set. */
    public static DatabaseKey keyFromEnvironment() {
        return key(System.getenv(PASSWORD_ENV));
    }

    private static DatabaseKey key(String password) {
        if (password == null || password.isEmpty()) return null;
        return DatabaseKey.fromPassword(password.toCharArray());
    }

    /**
     * {@code password set|change|remove [--book DIR]}: the current password from {@value #PASSWORD_ENV}, the new one
     * from {@value #NEW_PASSWORD_ENV} (issue 6). The app does the same from 密码保护.
     */
    private int password(String[] args) {
        if (args.length == 0 || !Set.of("set", "change", "remove").contains(args[0])) {
            throw new UsageException("password needs set, change or remove / 请指定 set、change 或 remove");
        }
        Args a = new Args(Arrays.copyOfRange(args, 1, args.length), Set.of("book"), Set.of());
        Path dir = existingBooks(a);
        boolean protectedNow = BookFolders.isEncrypted(dir);
        if (args[0].equals("set") && protectedNow) throw new UsageException("the books already have a password; use change / 账本已有密码，请用 change");
        if (!args[0].equals("set") && !protectedNow) throw new UsageException("the books have no password / 账本没有密码");
        DatabaseKey newKey = null;
        if (!args[0].equals("remove")) {
            String pw = System.getenv(NEW_PASSWORD_ENV);
            if (pw == null || pw.isEmpty()) throw new UsageException("give the new password in " + NEW_PASSWORD_ENV + " / 请用环境变量 " + NEW_PASSWORD_ENV + " 提供新密码");
            if (DatabaseKey.weakness(pw.toCharArray()) != null) {
                throw new UsageException("the new password needs at least " + DatabaseKey.MIN_LENGTH
                        + " characters / 新密码至少 " + DatabaseKey.MIN_LENGTH + " 个字符");
            }
            newKey = key(pw);
        }
        try {
            BookFolders.changePassword(dir, protectedNow ? keyFromEnvironment() : null, newKey);
        } catch (DataFolderException e) {
            throw inUse(e, dir);
        }
        out.println(switch (args[0]) {
            case "set" -> "已设置密码 Password set";
            case "change" -> "已更改密码 Password changed";
            default -> "已取消密码 Password removed";
        });
        Path backups = dir.resolve("backups");
        long plain = BackupService.list(backups).stream().filter(b -> !b.encrypted()).count();
        if (newKey != null && plain > 0) {
            out.println("注意 Note: " + plain + " older backups in " + backups + " are not protected by the password"
                    + " / 有 " + plain + " 个较早的备份没有密码保护");
        }
        return OK;
    }

    /** Deletes a folder and everything in it, stored evidence (read-only) included; nothing if it does not exist. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        List<Path> all;
        try (var walk = Files.walk(p)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path q : all) q.toFile().setWritable(true);
        for (Path q : all) Files.delete(q);
    }

    private int usage() {
        err.println("huikuan: no command given / 未给出命令 (see huikuan --help)");
        return USAGE;
    }

    static final String HELP = """
            回款助手 Huikuan — 命令行 / command line

            用法 Usage:
              java -jar huikuan.jar                 打开窗口 / open the window
              java -jar huikuan.jar <命令> [参数]    无窗口运行 / run headless

            命令 Commands:
              --help                 显示本帮助 / show this help
              version                显示版本 / print the version
              verify [--book DIR] [--refresh-figures] [--anchor ENTRIES:HEAD]
                                     校验证据文件、记录链和列表数字，完好时退出码为 0 / check evidence files, the
                                     tamper-evident journal and the kept list figures; exit code 0 only when intact
                                     (--refresh-figures recomputes out-of-date list figures, which are derived, and
                                     only when the records match the journal; --anchor checks that the journal still
                                     extends the 记录条数:链头 an evidence bundle printed)
              crash-test --book DIR --kills N
                                     可靠性测试：反复强行终止写入中的子进程并检查数据 / kill -9 a writing child N times, check the books
              import receivables --file FILE.xlsx|FILE.csv [--dry-run] [--paid-on import-date|due-date]
                                 [--partial] [--refused-out FILE.xlsx|FILE.csv] [--overwrite] [--book DIR]
                                     从 Excel 或 CSV 导入应收款；有任何一行有误则不导入，--partial 只导入正确的行；
                                     --paid-on 给有已收金额而无付款日期的行定付款日期；--refused-out 保存有误的行及原因
                                     / Excel or CSV in, all or nothing (--partial: the valid rows only); --paid-on dates
                                     paid rows that have no payment date; --refused-out saves the refused rows with why
              import invoices --file FILE.xml|.ofd|.pdf|.zip|DIR [--file …] [--dry-run] [--json] [--book DIR]
                                     导入本企业开具的数电票（XML、OFD、PDF 或其压缩包）为应收款，发票文件存为证据；
                                     每个文件一行说明将做什么及原因；红字发票冲减原应收款 / invoices our business issued
                                     become receivables with the file as evidence; one line per file says what and why
              import template --out FILE.xlsx [--overwrite]
                                     导入模板（中文列名、必填列、一行示例）/ the import template with an example row
              import statement --file FILE.csv|FILE.xlsx [--dry-run] [--json] [--book DIR]
              import statement --file FILE --apply [--skip ROW,…] [--match ROW=RECEIVABLE]… [--json] [--book DIR]
                                     银行流水、微信支付账单、支付宝账单：为每笔收款建议对应的应收款（试运行，不写入）；
                                     --apply 记录这些建议为收款（该行作为证据保存），--skip 跳过、--match 改为另一笔应收款
                                     / bank statements, WeChat Pay and Alipay bills: the receivable proposed for each line
                                     received (a dry run); --apply records them as payments with the line as evidence
              privacy export --customer ID --out FILE.zip [--book DIR]
              privacy erase --customer ID --confirm NAME [--reason TEXT] [--book DIR]
                                     导出或删除一位客户的全部个人信息（个人信息保护法 §45、§47）/ a debtor's data on request
              backup [--book DIR]    立即备份数据库和证据文件 / back up the database and evidence now
              restore --from ZIP [--book DIR]
                                     从备份恢复（先保存当前数据库）/ restore a backup (the current database is kept aside)
              password set|change|remove [--book DIR]
                                     密码保护：当前密码取自 HUIKUAN_PASSWORD，新密码取自 HUIKUAN_NEW_PASSWORD
                                     / password-protect the books (AES): current password from HUIKUAN_PASSWORD,
                                     the new one from HUIKUAN_NEW_PASSWORD. Commands that open protected books
                                     read HUIKUAN_PASSWORD too.
              bench generate --data DIR --customers N --receivables N --payments N [--seed S]
              bench lists --data DIR [--runs N]
                                     生成大账本并测量列表、搜索和汇总查询 / generate large books, time the list queries
              bench writes --data DIR [--runs 7]
                                     记录收款（写入记录链）的用时；会加入几笔 0.01 元的收款，请用账本副本
                                     / time recording a payment (a journalled write); adds payments of 0.01: use a copy
              bench import --data DIR [--rows 100000]
                                     生成 .xlsx 并测量导入用时 / write an .xlsx and time its import into a new book
              bench statements --data DIR [--lines 10000] [--customers 2000]
                                     生成银行流水并测量导入收款（试运行与记录）的用时 / generate a bank statement, time its dry run and recording
              bench invoices --data DIR [--count 10000]
                                     生成数电票 XML 压缩包并测量试运行和导入的用时 / time checking and importing a zip of invoices
              bench cli [--book DIR] [--runs 11] [--cds]
                                     命令行打开账本（verify）的用时与 H2 自带 Shell 对比 / verify against H2's shell opening the same file
              bench startup [--books DIR,…] [--runs 5] [--cds]
                                     启动用时与空白 JavaFX 窗口对比（需要显示器）/ startup against a bare window (needs a display)
              bench bundle --data DIR [--photos 200] [--pdf-pages 100] [--runs 3] [--qpdf PATH]
                                     证据材料汇编与 qpdf 合并的用时对比 / time the evidence bundle against qpdf
              bench claim [--sizes 1000,2000,5000,10000] [--runs 5] [--seed 42] [--data DIR]
                                     生成不同规模的欠款计算文件并测量 calc claim 的用时 / time calc claim on generated claim files
              calc fee --kind case|payment-order|preservation|enforcement --amount N [--simple]
                                     诉讼费用 / court fees (诉讼费用交纳办法 §13–§16)
              calc deadline --from DATE --days N
                                     诉讼期间 / procedural period (民事诉讼法 §85)
              calc deadline --from DATE --kind appeal-judgment|appeal-ruling|appeal-foreign|enforcement-application|payment-order-objection
                                     法定期间：上诉 15 日 / 10 日 / 30 日（§171、§286），申请执行 2 年（§250），支付令异议 15 日（§227）
                                     / a period the law names, from service or the last day of performance, with its article
              calc limitation --start DATE [--first-due DATE] [--interrupt DATE]... [--as-of DATE]
                                     诉讼时效 / limitation (民法典 §188, §195, §203): three years with
                                     interruptions, never more than twenty years from the harm (§188 ¶2)
              calc rate-cap --kind private-loan --contract-date DATE --rate PERCENT [--filing-date DATE]
                                     民间借贷利率上限 / private-loan rate cap (民间借贷规定 §25, §31)
              calc late-performance --amount N --days N
                                     迟延履行加倍部分利息 / double interest (民事诉讼法 §264)
              calc claim --file CLAIM.json [--as-of DATE] [--filing-date DATE]
                                     欠款本息及违约金、还款抵充明细 / amount owed with the ledger (docs/claim-file.md);
                                     --filing-date: 起诉日，决定 2020-08-20 前借款此后的利率上限 (民间借贷规定 §31)
              export bundle (--case ID | --sample) --out FILE.pdf [--book DIR]
                                     证据材料汇编（封面、证据目录、证据、校验清单）/ the evidence bundle
              export packet (--case ID | --sample) --route payment-order|lawsuit|lawsuit-no-preservation|arbitration|enforcement --out DIR [--court NAME]
                                     该程序的全部文书及证据材料汇编 / every document of the route plus the bundle
              export document --kind KIND (--case ID | --sample) --out FILE.pdf [--court NAME] [--pay-by DATE] [--law-firm NAME]
                                     单份文书 / one document; KIND: demand, balance-confirmation, instalment-agreement,
                                     lawyer-letter, payment-order, complaint, preservation, enforcement, service-address,
                                     evidence-list, calculation
              export zip (--case ID | --sample) --out FILE.zip
                                     原始证据文件、汇编及 SHA-256 清单 / originals, the bundle and a SHA-256 manifest
                                     已有的文件不会被替换，除非加 --overwrite / an existing file is never replaced
                                     without --overwrite (a packet folder: none of the packet's files);
                                     --out 为已有文件夹时按默认名称写入（如 催收通知书-李某-2026-11-28.pdf）/ --out an
                                     existing folder: the file gets its default name (document-debtor-date) there
              check message (--text T | --file F) [--debtor person|company] [--at 2026-12-07T23:30] [--tone polite|firm|final] [--json]
                                     合法催收检查：暴力威胁、牵连家人、向第三方透露、骚扰、侮辱、冒充公权力、隐私、非法债务条件；
                                     给出依据和合法的改写 / the conduct guard: each finding with its words, articles and a
                                     lawful rewrite (docs/conduct-guard.md). --file: one message per line in, one result per
                                     line out; --at checks the app's contact hours. Exit 0 whatever the verdict
              bench guard [--corpus FILE]... [--runs 5] [--show-misses] [--compare]
                                     在标注语料上测量检查的召回率、误报率和用时 / recall, false positives and latency on the
                                     labelled corpora (default: every file of docs/conduct/)
              team init|list --db jdbc:postgresql://HOST:PORT/DB [--login NAME]
              team add-user --db URL --user NAME --role owner|bookkeeper|read-only [--login NAME]
              team add-book --db URL --name NAME [--login NAME]
              team grant|revoke --db URL --user NAME --book book_N [--login NAME]
                                     办公室模式（PostgreSQL 服务器）：员工、角色和账本权限由数据库本身执行；
                                     登录密码取自 HUIKUAN_DB_PASSWORD，新员工密码取自 HUIKUAN_NEW_PASSWORD
                                     / team mode on the office's PostgreSQL server: staff, roles and per-book access,
                                     enforced by the database (docs/decisions/0014); passwords from the environment
              calc 和 check 的命令加 --json 输出 JSON / add --json for JSON (check: one object per message, one per line)

            数据文件夹 Data folder: -Dhuikuan.data=DIR 或环境变量 HUIKUAN_DATA；
            默认为系统的用户应用数据文件夹 / defaults to the OS's per-user app-data folder.
            退出码 Exit codes: 0 成功 ok, 1 失败 failed, 2 输入有误 bad input.
            """;

    /** Bad command-line input: reported in one line, exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
