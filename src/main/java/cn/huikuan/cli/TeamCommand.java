package cn.huikuan.cli;

import cn.huikuan.application.TeamAdmin;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Set;

/**
 * {@code team init|add-user|add-book|grant|revoke|list --db jdbc:postgresql://HOST:PORT/DB [--login NAME]} (issue 22):
 * an office's staff and books on its PostgreSQL server. The acting login's password comes from
 * {@value #DB_PASSWORD_ENV}, a new staff member's from {@value Cli#NEW_PASSWORD_ENV} (never arguments: ps shows those).
 */
final class TeamCommand {
    static final String DB_PASSWORD_ENV = "HUIKUAN_DB_PASSWORD";

    private final PrintStream out;
    private final java.util.function.Function<String, String> env;

    TeamCommand(PrintStream out, java.util.function.Function<String, String> env) {
        this.out = out;
        this.env = env;
    }

    int run(String[] args) {
        if (args.length == 0) throw new Cli.UsageException("team needs init, add-user, add-book, grant, revoke or list / 请指定 init、add-user、add-book、grant、revoke 或 list");
        String what = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Args a = switch (what) {
            case "init", "list" -> new Args(rest, Set.of("db", "login"), Set.of());
            case "add-user" -> new Args(rest, Set.of("db", "login", "user", "role"), Set.of());
            case "add-book" -> new Args(rest, Set.of("db", "login", "name"), Set.of());
            case "grant", "revoke" -> new Args(rest, Set.of("db", "login", "user", "book"), Set.of());
            default -> throw new Cli.UsageException("unknown team command / 未知的 team 命令: " + what);
        };
        String url = a.required("db");
        String login = a.optional("login") == null ? System.getProperty("user.name") : a.optional("login");
        String pw = env.apply(DB_PASSWORD_ENV);
        if (pw == null || pw.isEmpty()) {
            throw new Cli.UsageException("give the password of " + login + " in " + DB_PASSWORD_ENV + " / 请用环境变量 " + DB_PASSWORD_ENV + " 提供 " + login + " 的密码");
        }
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
                case "add-book" -> {
                    TeamAdmin.Book b = team.addBook(a.required("name"));
                    out.println("已建账本 Book added: " + b.schema() + "  " + b.name());
                }
                case "grant" -> {
                    team.grant(a.required("user"), a.required("book"));
                    out.println("已授权 Granted: " + a.required("user") + " → " + a.required("book"));
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
}
