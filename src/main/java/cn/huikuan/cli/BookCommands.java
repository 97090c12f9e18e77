package cn.huikuan.cli;

import cn.huikuan.application.BackupService;
import cn.huikuan.application.BookFolders;
import cn.huikuan.application.Books;
import cn.huikuan.application.ExportService;
import cn.huikuan.application.NotFoundException;
import cn.huikuan.domain.Customer;
import cn.huikuan.storage.BackupRefusedException;
import cn.huikuan.storage.DataFolderException;
import cn.huikuan.storage.DatabaseKey;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * The commands that look after a data folder's books as a whole: {@code privacy export|erase}, {@code backup},
 * {@code restore} and {@code password set|change|remove}. Help texts: {@code huikuan.<command>.*} in help.properties.
 */
final class BookCommands {
    private final PrintStream out;
    private final PrintStream err;

    BookCommands(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code privacy export|erase --customer ID …}: a debtor's data on request (个人信息保护法 §45, §47). */
    @Command(name = "privacy")
    final class Privacy implements Callable<Integer> {
        CommandLine commandLine() {
            return new CommandLine(this).addSubcommand(new PrivacyExport()).addSubcommand(new PrivacyErase());
        }

        @Override
        public Integer call() {
            throw new Cli.UsageException("privacy needs export or erase / 请指定 export 或 erase");
        }
    }

    @Command(name = "export")
    final class PrivacyExport implements Callable<Integer> {
        @Option(names = "--customer", required = true, paramLabel = "ID") String customer;
        @Option(names = "--out", required = true, paramLabel = "FILE.zip") String zip;
        @CommandLine.Mixin BookPlace place;
        /** Where an office login's password is read from (the process's environment; tests give their own). */
        java.util.function.Function<String, String> env = System::getenv;

        @Override
        public Integer call() {
            return privacy(customer, place.environment(env), (books, c) -> {
                Path written = books.privacy().export(c.getId(), Path.of(zip));
                out.println("个人信息已导出 Personal data exported: " + written.toAbsolutePath());
            });
        }
    }

    @Command(name = "erase")
    final class PrivacyErase implements Callable<Integer> {
        @Option(names = "--customer", required = true, paramLabel = "ID") String customer;
        @Option(names = "--confirm", required = true, paramLabel = "NAME") String confirm;
        @Option(names = "--reason", paramLabel = "TEXT") String reason;
        @CommandLine.Mixin BookPlace place;
        java.util.function.Function<String, String> env = System::getenv;

        @Override
        public Integer call() {
            // on an office book only an owner may: the services refuse a bookkeeper (PrivacyService), exit 1
            return privacy(customer, place.environment(env), (books, c) -> {
                if (!c.getName().equals(confirm)) {
                    throw new Cli.UsageException("--confirm must repeat the customer's name exactly / --confirm 须与客户名称完全一致");
                }
                var r = books.privacy().erase(c.getId(), reason);
                out.println("已删除 Erased: " + r.receivables() + " receivables, " + r.records() + " records, " + r.journalEntries()
                        + " journal entries blanked, " + r.files() + " evidence files"
                        + (books.onServer() ? " (on the server and in this computer's copies)" : "; the database file is compacted on close"));
            });
        }
    }

    private interface OnCustomer {
        void run(Books books, Customer c) throws ExportService.ExportException;
    }

    private int privacy(String customer, BookPlace place, OnCustomer action) {
        long id;
        try {
            id = Long.parseLong(customer.strip());
        } catch (NumberFormatException e) {
            throw new Cli.UsageException("--customer must be a customer number / --customer 应为客户编号");
        }
        try (Books books = place.open(Clock.systemDefaultZone())) {
            Customer c;
            try {
                c = books.customers().get(id);
            } catch (NotFoundException e) {
                throw new Cli.UsageException("no such customer / 没有这个客户: " + id);
            }
            action.run(books, c);
        } catch (ExportService.ExportException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return Cli.OK;
    }

    /**
     * {@code backup [--book DIR]}. For an office book ({@code --db URL --book BOOK}) nothing is written: the server's
     * own backup ({@code pg_dump} or a base backup) holds its records and evidence files together (docs/team.md), and a
     * copy on one PC would be a second, partial store. Said in one line, exit 2: a script that goes on to copy the
     * backup file must not take the command for a backup made.
     */
    @Command(name = "backup")
    final class Backup implements Callable<Integer> {
        @CommandLine.Mixin BookPlace place;

        @Override
        public Integer call() {
            if (place.onServer()) {
                throw new Cli.UsageException("an office book is backed up by the server's own backup (pg_dump or a base backup), which holds its"
                        + " records and evidence files: nothing written here / 办公室账本由服务器自己的备份（pg_dump 或基础备份）保存，"
                        + "其中包括记录和证据文件；本机不另作备份");
            }
            if (place.login != null) throw new Cli.UsageException("--login goes with --db / --login 需与 --db 一起使用");
            Path dir = Cli.existingBooks(place.book);
            try (Books books = Books.open(dir, Clock.systemDefaultZone(), Cli.keyFromEnvironment())) {
                out.println("备份 Backup: " + books.backups().backupNow("manual"));
            } catch (DataFolderException e) {
                throw Cli.inUse(e, dir);
            }
            return Cli.OK;
        }
    }

    @Command(name = "restore")
    final class Restore implements Callable<Integer> {
        @Option(names = "--from", required = true, paramLabel = "ZIP") String from;
        @Option(names = "--book", paramLabel = "DIR") String book;

        @Override
        public Integer call() {
            // a new machine has no books yet: a backup from the old one is restored into the folder
            Path dir = book == null ? BookFolders.defaultLocation() : Path.of(book);
            Path zip = Path.of(from);
            try {
                Path aside = BookFolders.restore(dir, zip, Cli.keyFromEnvironment(), step -> err.println("… " + step));
                out.println("已恢复 Restored: " + zip);
                if (aside != null) out.println("恢复前的数据库 The database before the restore: " + aside);
            } catch (BackupRefusedException e) {
                throw new Cli.UsageException(e.getMessage());
            } catch (DataFolderException e) {
                if (e.reason() == DataFolderException.Reason.WRONG_PASSWORD) {
                    throw new Cli.UsageException("the password in " + Cli.PASSWORD_ENV + " does not open this backup (or the backup is damaged)"
                            + " / " + Cli.PASSWORD_ENV + " 中的密码打不开这个备份（或备份已损坏）: " + zip);
                }
                if (e.reason() == DataFolderException.Reason.PASSWORD_REQUIRED) {
                    throw new Cli.UsageException("the backup is password-protected: give its password in the environment variable "
                            + Cli.PASSWORD_ENV + " / 备份有密码保护，请用环境变量 " + Cli.PASSWORD_ENV + " 提供密码: " + zip);
                }
                throw Cli.inUse(e, dir);
            }
            return Cli.OK;
        }
    }

    /**
     * {@code password set|change|remove [--book DIR]}: the current password from {@value Cli#PASSWORD_ENV}, the new one
     * from {@value Cli#NEW_PASSWORD_ENV} (issue 6). The app does the same from 密码保护.
     */
    @Command(name = "password")
    final class Password implements Callable<Integer> {
        CommandLine commandLine() {
            return new CommandLine(this)
                    .addSubcommand("set", new PasswordChange("set"))
                    .addSubcommand("change", new PasswordChange("change"))
                    .addSubcommand("remove", new PasswordChange("remove"));
        }

        @Override
        public Integer call() {
            throw new Cli.UsageException("password needs set, change or remove / 请指定 set、change 或 remove");
        }
    }

    @Command
    final class PasswordChange implements Callable<Integer> {
        private final String what;
        @Option(names = "--book", paramLabel = "DIR") String book;

        PasswordChange(String what) {
            this.what = what;
        }

        @Override
        public Integer call() {
            Path dir = Cli.existingBooks(book);
            boolean protectedNow = BookFolders.isEncrypted(dir);
            if (what.equals("set") && protectedNow) throw new Cli.UsageException("the books already have a password; use change / 账本已有密码，请用 change");
            if (!what.equals("set") && !protectedNow) throw new Cli.UsageException("the books have no password / 账本没有密码");
            DatabaseKey newKey = null;
            if (!what.equals("remove")) {
                String pw = System.getenv(Cli.NEW_PASSWORD_ENV);
                if (pw == null || pw.isEmpty()) {
                    throw new Cli.UsageException("give the new password in " + Cli.NEW_PASSWORD_ENV + " / 请用环境变量 " + Cli.NEW_PASSWORD_ENV + " 提供新密码");
                }
                if (DatabaseKey.weakness(pw.toCharArray()) != null) {
                    throw new Cli.UsageException("the new password needs at least " + DatabaseKey.MIN_LENGTH
                            + " characters / 新密码至少 " + DatabaseKey.MIN_LENGTH + " 个字符");
                }
                newKey = Cli.key(pw);
            }
            try {
                BookFolders.changePassword(dir, protectedNow ? Cli.keyFromEnvironment() : null, newKey);
            } catch (DataFolderException e) {
                throw Cli.inUse(e, dir);
            }
            out.println(switch (what) {
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
            return Cli.OK;
        }
    }
}
