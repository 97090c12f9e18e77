package cn.huikuan.cli;

import cn.huikuan.application.Books;
import cn.huikuan.application.TeamAdmin;
import cn.huikuan.storage.DataFolderException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/**
 * Where a command's books are (issue 22: {@code --db} wherever {@code --book DIR} is taken): a folder of this computer
 * ({@code --book DIR}, default the data folder), or a book on the office's PostgreSQL server ({@code --db
 * jdbc:postgresql://HOST:PORT/DB --book NAME|book_N [--login NAME]}, the login's password from
 * {@value TeamCommand#DB_PASSWORD_ENV}). A picocli mixin for the commands parsed by picocli, built from the parsed
 * values by the others (and by the tools: {@code bench generate|lists --db}).
 */
public final class BookPlace {
    @Option(names = "--book", paramLabel = "DIR|BOOK") String book;
    @Option(names = "--db", paramLabel = "URL") String db;
    @Option(names = "--login", paramLabel = "NAME") String login;

    private Function<String, String> env = System::getenv;
    /** What {@link #open} opened, for the reports ("账本 Books: …"). */
    private String shown;

    public static BookPlace of(String book, String db, String login) {
        BookPlace p = new BookPlace();
        p.book = book;
        p.db = db;
        p.login = login;
        return p;
    }

    /** For tests: the environment the password is read from. */
    public BookPlace environment(Function<String, String> env) {
        this.env = env;
        return this;
    }

    public boolean onServer() {
        return db != null;
    }

    /**
     * Opens the books; refusals are one line: bad input (no books there, the books open elsewhere, a password or a
     * login refused, a book not granted) or a failure (the server cannot be reached).
     */
    public Books open(Clock clock) {
        if (db == null) {
            if (login != null) throw new Cli.UsageException("--login goes with --db / --login 需与 --db 一起使用");
            Path dir = Cli.existingBooks(book);
            shown = dir.toAbsolutePath().toString();
            try {
                return Books.open(dir, clock, Cli.keyFromEnvironment());
            } catch (DataFolderException e) {
                throw Cli.inUse(e, dir);
            }
        }
        if (book == null || book.isBlank()) {
            throw new Cli.UsageException("--db needs --book NAME or book_N: which of the office's books / 请用 --book 指定服务器上的账本（名称或 book_N）");
        }
        String user = user();
        String pw = password(user);
        String schema = schema(user, pw);
        shown = db + " · " + schema + " (" + user + ")";
        try {
            return Books.openOffice(db, user, pw.toCharArray(), schema, clock);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        } catch (DataFolderException e) {
            throw refused(e);
        }
    }

    /** The office book's schema ({@code --book} as {@code book_N} or by its name), with the password from the environment. */
    String schema() {
        String user = user();
        return schema(user, password(user));
    }

    /** The login: {@code --login}, else this computer's user name. */
    private String user() {
        return login == null ? System.getProperty("user.name") : login;
    }

    /** The login's password, from {@value TeamCommand#DB_PASSWORD_ENV} (never an argument). */
    private String password(String user) {
        String pw = env.apply(TeamCommand.DB_PASSWORD_ENV);
        if (pw == null || pw.isEmpty()) {
            throw new Cli.UsageException("give the password of " + user + " in " + TeamCommand.DB_PASSWORD_ENV + " / 请用环境变量 "
                    + TeamCommand.DB_PASSWORD_ENV + " 提供 " + user + " 的密码");
        }
        return pw;
    }

    /** The book's schema: {@code book_N} as given, else the one of that name among the books this login may open. */
    private String schema(String user, String pw) {
        if (book.matches("book_\\d{1,9}")) return book;
        try {
            TeamAdmin team = TeamAdmin.connect(db, user, pw.toCharArray());
            var named = team.myBooks().stream().filter(b -> b.name().equals(book.strip())).toList();
            if (named.size() == 1) return named.get(0).schema();
            throw new Cli.UsageException((named.isEmpty() ? "no book of that name is open to " + user : "several books have that name: give book_N")
                    + " / " + (named.isEmpty() ? user + " 没有名为此名称的账本" : "有多个同名账本，请用 book_N") + ": " + book);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        } catch (TeamAdmin.TeamException e) {
            throw e.sqlState() != null && e.sqlState().startsWith("08")
                    ? new IllegalStateException("cannot reach the office's server / 连接不上办公室的服务器: " + db, e)
                    : new Cli.UsageException(e.getMessage());
        }
    }

    private RuntimeException refused(DataFolderException e) {
        return switch (e.reason()) {
            case SERVER_UNREACHABLE -> new IllegalStateException("cannot reach the office's server / 连接不上办公室的服务器: " + db + " (" + e.detail() + ")", e);
            case SERVER_LOGIN -> new Cli.UsageException("the server refused the login " + user()
                    + " or its password (" + TeamCommand.DB_PASSWORD_ENV + ") / 服务器不接受这个用户名或密码");
            case SERVER_BOOK -> new Cli.UsageException(e.detail());
            case IN_USE -> new Cli.UsageException("this book is open in Huikuan on this computer as the same login; close it first"
                    + " / 本机的回款助手正以同一用户打开这个账本，请先关闭");
            default -> e;
        };
    }

    /** Where the opened books are, for reports. */
    public String shown() {
        return shown;
    }
}
