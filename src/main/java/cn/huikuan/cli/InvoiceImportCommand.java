package cn.huikuan.cli;

import cn.huikuan.application.Books;
import cn.huikuan.application.InvoiceImportService;
import cn.huikuan.invoices.Invoice;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * {@code import invoices --file F [--file F2 …] [--book DIR] [--dry-run] [--json]} (issue 23): 数电票 XML, OFD, PDF, a
 * folder of them or a .zip. One line per file saying what happens and why (or the same as JSON), then the import, all or
 * nothing. Exit 0: done (or nothing new to import); 2: a file unreadable or refused, or bad arguments; 1: failed.
 */
final class InvoiceImportCommand {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final PrintStream out;
    private final PrintStream err;

    InvoiceImportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Args a = new Args(args, Set.of("book", "db", "login", "file"), Set.of("dry-run", "json"));
        List<Path> files = a.all("file").stream().map(Path::of).toList();
        if (files.isEmpty()) throw new Cli.UsageException("--file is required / 请用 --file 指定发票文件、文件夹或 .zip");
        boolean dry = a.flag("dry-run");
        try (Books books = BookPlace.of(a.optional("book"), a.optional("db"), a.optional("login")).open(Clock.systemDefaultZone())) {
            InvoiceImportService.Plan plan;
            boolean written = false;
            try {
                if (dry) plan = books.invoices().dryRun(files);
                else {
                    plan = books.invoices().importFiles(files);
                    written = true;
                }
            } catch (InvoiceImportService.BadInput e) {
                throw new Cli.UsageException(e.getMessage());
            } catch (InvoiceImportService.Refused e) {
                plan = e.plan();
                print(plan, a.flag("json"), false);
                boolean unreadable = plan.count(InvoiceImportService.Action.UNREADABLE) > 0;
                (unreadable ? err : out).println((unreadable ? "huikuan: " : "") + e.getMessage());
                return unreadable ? Cli.USAGE : Cli.OK;
            }
            print(plan, a.flag("json"), written);
            if (!a.flag("json")) {
                out.println(dry ? "试运行，未写入 Dry run, nothing written" : "已导入 Imported: " + plan.receivables() + " 笔应收款 receivables, "
                        + plan.lines().stream().filter(l -> l.action() == InvoiceImportService.Action.CREDIT_NOTE && l.writes()).count()
                        + " 张红字发票冲减 credit notes applied");
            }
            return dry && plan.count(InvoiceImportService.Action.UNREADABLE) > 0 ? Cli.USAGE : Cli.OK;
        }
    }

    private void print(InvoiceImportService.Plan plan, boolean json, boolean written) {
        if (json) {
            ObjectNode root = JSON.createObjectNode();
            ArrayNode list = root.putArray("invoices");
            for (InvoiceImportService.Line l : plan.lines()) {
                ObjectNode o = list.addObject();
                o.put("file", l.file());
                Invoice i = l.invoice();
                o.put("number", i == null ? null : i.number());
                o.put("issued", i == null ? null : i.issued().toString());
                party(o, "seller", i == null ? null : i.seller());
                party(o, "buyer", i == null ? null : i.buyer());
                o.put("gross", i == null ? null : i.gross().toPlainString());
                o.put("action", l.action().code);
                o.put("reason", l.reason());
                if (i != null) o.put("readBy", i.readBy());
            }
            root.put("skipped", plan.skipped());
            root.put("written", written);
            try {
                out.println(JSON.writeValueAsString(root));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        for (InvoiceImportService.Line l : plan.lines()) {
            Invoice i = l.invoice();
            out.println(l.action().code + "  " + l.file() + (i == null ? "" : "  " + i.number() + "  " + i.issued() + "  " + i.buyer().name()
                    + "  ¥" + i.gross().toPlainString() + "  [" + i.readBy() + "]") + "  — " + l.reason());
        }
        if (plan.skipped() > 0) out.println("跳过非发票文件 Skipped (not invoice files): " + plan.skipped());
        out.println("文件 Files: " + plan.lines().size() + "   新建应收款 receivables: " + plan.receivables() + "   重复 duplicates: "
                + plan.count(InvoiceImportService.Action.DUPLICATE) + "   非本企业 not ours: " + plan.count(InvoiceImportService.Action.NOT_OURS)
                + "   红字 credit notes: " + plan.count(InvoiceImportService.Action.CREDIT_NOTE) + "   无法读取 unreadable: "
                + plan.count(InvoiceImportService.Action.UNREADABLE));
    }

    private static void party(ObjectNode o, String key, Invoice.Party p) {
        if (p == null) {
            o.putNull(key);
            return;
        }
        ObjectNode n = o.putObject(key);
        n.put("name", p.name());
        n.put("id", p.id());
    }
}
