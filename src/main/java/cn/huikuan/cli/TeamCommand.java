package cn.huikuan.cli;

import cn.huikuan.application.BookTransfer;
import cn.huikuan.application.Dashboard;
import cn.huikuan.application.OfficeOverview;
import cn.huikuan.domain.Money;
import cn.huikuan.application.TeamAdmin;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code team init|add-user|add-book|grant|revoke|list|remove-user|set-role|set-password|rename-book|… --db
 * jdbc:postgresql://HOST:PORT/DB [--login NAME]} (issue 22):
 * an office's staff and books on its PostgreSQL server. The acting login's password comes from
 * {@value #DB_PASSWORD_ENV}, a new staff member's from {@value Cli#NEW_PASSWORD_ENV} (never arguments: ps shows those).
 */
final class TeamCommand {
    static final String DB_PASSWORD_ENV = "HUIKUAN_DB_PASSWORD";

    private final PrintStream out;
    private final java.util.function.Function<String, String> env;
    /** Asks for a new password when {@value Cli#NEW_PASSWORD_ENV} is not set (null: nobody to ask, no console). */
    private final java.util.function.Function<String, char[]> ask;

    TeamCommand(PrintStream out, java.util.function.Function<String, String> env) {
        this(out, env, TeamCommand::askConsole);
    }

    TeamCommand(PrintStream out, java.util.function.Function<String, String> env, java.util.function.Function<String, char[]> ask) {
        this.out = out;
        this.env = env;
        this.ask = ask;
    }

    /** Asks twice on the console, without echo; null when there is no console (a pipe, a script). */
    private static char[] askConsole(String prompt) {
        java.io.Console console = System.console();
        if (console == null) return null;
        char[] first = console.readPassword("%s", prompt);
        char[] again = console.readPassword("%s", "再输入一次 Once more: ");
        if (first == null || again == null) return null;
        if (!Arrays.equals(first, again)) throw new Cli.UsageException("the two passwords differ / 两次输入的密码不一致");
        return first;
    }

    /**
     * Leading arguments that are not options ({@code team set-role zhao reader --db …}), moved into the options they
     * stand for ({@code --user zhao --role reader}); the options' own spelling works as well.
     */
    private static String[] positionals(String what, String[] rest) {
        List<String> names = switch (what) {
            case "remove-user", "set-password" -> List.of("user");
            case "set-role" -> List.of("user", "role");
            case "rename-book" -> List.of("book", "name");
            default -> List.of();
        };
        List<String> out = new ArrayList<>();
        int i = 0;
        for (; i < rest.length && i < names.size() && !rest[i].startsWith("--"); i++) {
            out.add("--" + names.get(i));
            out.add(rest[i]);
        }
        out.addAll(Arrays.asList(rest).subList(i, rest.length));
        return out.toArray(String[]::new);
    }

    int run(String[] args) {
        if (args.length == 0) {
            throw new Cli.UsageException("team needs init, add-user, add-book, grant, revoke, list, upgrade, push, pull, overview,"
                    + " remove-user, set-role, set-password or rename-book / 请指定 init、add-user、add-book、grant、revoke、list、upgrade、"
                    + "push、pull、overview、remove-user、set-role、set-password 或 rename-book");
        }
        String what = args[0];
        String[] rest = positionals(what, Arrays.copyOfRange(args, 1, args.length));
        Args a = switch (what) {
            case "init", "list", "upgrade" -> new Args(rest, Set.of("db", "login"), Set.of());
            case "add-user" -> new Args(rest, Set.of("db", "login", "user", "role"), Set.of());
            case "add-book" -> new Args(rest, Set.of("db", "login", "name"), Set.of());
            case "grant", "revoke" -> new Args(rest, Set.of("db", "login", "user", "book"), Set.of());
            case "push" -> new Args(rest, Set.of("db", "login", "book", "name"), Set.of());
            case "overview" -> new Args(rest, Set.of("db", "login", "cases"), Set.of());
            case "pull" -> new Args(rest, Set.of("db", "login", "from", "book"), Set.of());
            case "remove-user", "set-password" -> new Args(rest, Set.of("db", "login", "user"), Set.of());
            case "set-role" -> new Args(rest, Set.of("db", "login", "user", "role"), Set.of());
            case "rename-book" -> new Args(rest, Set.of("db", "login", "book", "name"), Set.of());
            default -> throw new Cli.UsageException("unknown team command / 未知的 team 命令: " + what);
        };
        String url = a.required("db");
        String login = a.optional("login") == null ? System.getProperty("user.name") : a.optional("login");
        String pw = env.apply(DB_PASSWORD_ENV);
        if (pw == null || pw.isEmpty()) {
            throw new Cli.UsageException("give the password of " + login + " in " + DB_PASSWORD_ENV + " / 请用环境变量 " + DB_PASSWORD_ENV + " 提供 " + login + " 的密码");
        }
        if (what.equals("push") || what.equals("pull")) return move(what, a, url, login, pw.toCharArray());
        if (what.equals("overview")) return overview(a, url, login, pw.toCharArray());
        TeamAdmin team;
        try {
            team = TeamAdmin.connect(url, login, pw.toCharArray());
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        try {
            switch (what) {
                case "init" -> {
                    team.init();
                    out.println("办公室数据库已就绪 The office database is set up: " + url);
                }
                case "add-user" -> {
                    String np = env.apply(Cli.NEW_PASSWORD_ENV);
                    if (np == null || np.isEmpty()) {
                        throw new Cli.UsageException("give the new staff member's password in " + Cli.NEW_PASSWORD_ENV + " / 请用环境变量 "
                                + Cli.NEW_PASSWORD_ENV + " 提供新员工的密码");
                    }
                    TeamAdmin.Role role = TeamAdmin.Role.of(a.required("role"));
                    team.addUser(a.required("user"), role, np.toCharArray());
                    out.println("已添加员工 Staff member added: " + a.required("user") + " (" + role.zh() + " " + role.en() + ")");
                }
                case "upgrade" -> {
                    for (TeamAdmin.Book b : team.upgradeBooks()) out.println("已升级 Upgraded: " + b.schema() + "  " + b.name());
                }
                case "add-book" -> {
                    TeamAdmin.Book b = team.addBook(a.required("name"));
                    out.println("已建账本 Book added: " + b.schema() + "  " + b.name());
                }
                case "grant" -> {
                    team.grant(a.required("user"), a.required("book"));
                    out.println("已授权 Granted: " + a.required("user") + " → " + a.required("book"));
                }
                case "remove-user" -> {
                    team.removeUser(a.required("user"));
                    out.println("已删除员工 Staff member removed: " + a.required("user")
                            + "（记录链中其姓名保留 the journal keeps their name）");
                }
                case "set-role" -> {
                    TeamAdmin.Role role = TeamAdmin.Role.of(a.required("role"));
                    team.setRole(a.required("user"), role);
                    out.println("已更改角色 Role changed: " + a.required("user") + " → " + role.zh() + " " + role.en());
                }
                case "set-password" -> {
                    String np = env.apply(Cli.NEW_PASSWORD_ENV);
                    char[] newPw = np == null || np.isEmpty() ? ask.apply("新密码 New password for " + a.required("user") + ": ") : np.toCharArray();
                    if (newPw == null) {
                        throw new Cli.UsageException("give the new password in " + Cli.NEW_PASSWORD_ENV + " (no console to ask it on) / 请用环境变量 "
                                + Cli.NEW_PASSWORD_ENV + " 提供新密码（无法在此询问）");
                    }
                    team.setPassword(a.required("user"), newPw);
                    Arrays.fill(newPw, '\0');
                    out.println("已重设密码 Password set: " + a.required("user"));
                }
                case "rename-book" -> {
                    String schema = BookPlace.of(a.required("book"), url, login).environment(env).schema();
                    TeamAdmin.Book b = team.renameBook(schema, a.required("name"));
                    out.println("已改名 Book renamed: " + b.schema() + "  " + b.name());
                }
                case "revoke" -> {
                    team.revoke(a.required("user"), a.required("book"));
                    out.println("已收回 Revoked: " + a.required("user") + " ✕ " + a.required("book"));
                }
                default -> {
                    out.println("员工 Staff\t角色 Role\t账本 Books");
                    for (TeamAdmin.StaffMember m : team.staff()) {
                        out.println(m.login() + "\t" + m.role().zh() + " " + m.role().en() + "\t" + String.join(", ", m.books()));
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        return Cli.OK;
    }

    /** {@code team overview --db URL [--login NAME] [--cases N]}: every book this login may open, its figures and today's tasks. */
    private int overview(Args a, String url, String login, char[] pw) {
        int cases;
        try {
            cases = a.optional("cases") == null ? 200 : Integer.parseInt(a.optional("cases"));
        } catch (NumberFormatException e) {
            throw new Cli.UsageException("--cases must be a number / --cases 应为数字");
        }
        if (cases < 1) throw new Cli.UsageException("--cases must be at least 1 / --cases 至少为 1");
        java.util.List<OfficeOverview.Line> lines;
        try {
            lines = OfficeOverview.of(url, login, pw, Clock.systemDefaultZone(), cases);
        } catch (TeamAdmin.TeamException | IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        out.println("账本 Book\t企业 Business\t客户 Customers\t未结 Open\t应收余额 Outstanding\t逾期 Overdue\t今日待办 Today");
        java.math.BigDecimal outstanding = Money.ZERO, overdue = Money.ZERO;
        int tasks = 0;
        for (OfficeOverview.Line l : lines) {
            if (l.problem() != null) {
                out.println(l.schema() + " " + l.bookName() + "\t未能打开 not opened: " + l.problem());
                continue;
            }
            Dashboard d = l.dashboard();
            out.println(l.schema() + " " + l.bookName() + "\t" + l.business() + "\t" + d.customers() + "\t" + d.openReceivables() + "\t"
                    + Money.format(d.outstanding()) + "\t" + Money.format(d.overdue()) + "\t" + l.today().items().size()
                    + (l.today().capped() ? "+" : ""));
            l.today().items().stream().limit(5).forEach(i -> out.println("    " + i.date() + "  " + i.customer() + "  " + i.title() + "：" + i.text()));
            outstanding = outstanding.add(d.outstanding());
            overdue = overdue.add(d.overdue());
            tasks += l.today().items().size();
        }
        out.println("合计 Total\t\t\t\t" + Money.format(outstanding) + "\t" + Money.format(overdue) + "\t" + tasks);
        return Cli.OK;
    }

    /**
     * {@code team push --book DIR --db URL --name NAME}: a PC's books into a new office book (as an owner);
     * {@code team pull --db URL --from BOOK --book DIR}: an office book into a new folder of this PC.
     */
    private int move(String what, Args a, String url, String login, char[] pw) {
        BookTransfer.Moved m;
        try {
            if (what.equals("push")) {
                Path dir = Cli.existingBooks(a.required("book"));
                m = BookTransfer.push(dir, Cli.keyFromEnvironment(), url, login, pw, a.required("name"), Clock.systemDefaultZone());
                out.println("已上传到服务器 Pushed to the server: " + dir.toAbsolutePath() + " → " + m.schema() + " " + a.required("name"));
            } else {
                Path dir = Path.of(a.required("book"));
                String from = BookPlace.of(a.required("from"), url, login).environment(env).schema();
                m = BookTransfer.pull(url, login, pw, from, dir, Cli.keyFromEnvironment(), Clock.systemDefaultZone());
                out.println("已下载到本机 Pulled to this PC: " + m.schema() + " → " + dir.toAbsolutePath());
            }
        } catch (BookTransfer.TransferRefused | IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        } catch (TeamAdmin.TeamException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        out.println("记录 Records: " + m.records() + "   证据文件 Evidence files: " + m.files());
        m.journals().forEach((book, journal) -> out.println("记录链 Journal " + book + ": " + journal.replace(":", " 条 entries, 链头 head ")
                + "  两边一致 intact on both sides"));
        return Cli.OK;
    }
}
