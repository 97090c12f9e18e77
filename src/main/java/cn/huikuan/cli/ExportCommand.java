package cn.huikuan.cli;

import cn.huikuan.application.Books;
import cn.huikuan.application.ExportService;
import cn.huikuan.application.NotFoundException;
import cn.huikuan.application.SampleData;
import cn.huikuan.documents.CaseFile;
import cn.huikuan.documents.DocKind;
import cn.huikuan.pdf.EvidenceBundle;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import cn.huikuan.documents.DocumentRefused;
import java.nio.file.LinkOption;
import java.time.LocalDate;
import java.util.ArrayList;

/**
 * {@code huikuan export bundle|packet|document|zip}: the court documents of one case, headless.
 * {@code --sample} builds them from the built-in sample case as of its fixed date (2026-11-28), in a
 * temporary book that is deleted afterwards; {@code --case ID} reads the books in {@code --book DIR}
 * (default: the data folder).
 */
@Command(name = "export")
final class ExportCommand implements Callable<Integer> {
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final LocalDateTime SAMPLE_NOW = LocalDateTime.of(2026, 11, 28, 10, 0);

    private final PrintStream out;
    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** {@code export} and its four kinds; help texts under {@code huikuan.export.*} in help.properties. */
    CommandLine commandLine() {
        return new CommandLine(this)
                .addSubcommand("bundle", new Export("bundle"))
                .addSubcommand("packet", new Packet())
                .addSubcommand("document", new Document())
                .addSubcommand("zip", new Export("zip"));
    }

    @Override
    public Integer call() {
        throw new Cli.UsageException("export needs bundle, packet, document or zip / 请指定 bundle、packet、document 或 zip");
    }

    /** The options every export takes: which case, where to, and the case file's own options. */
    @Command
    class Export implements Callable<Integer> {
        private final String what;
        @ArgGroup(exclusive = true, multiplicity = "1") Source source;
        @Option(names = "--out", required = true, paramLabel = "FILE|DIR") String out;
        @Mixin BookPlace place;
        @Option(names = "--overwrite") boolean overwrite;
        @Option(names = "--court", paramLabel = "NAME") String court;
        @Option(names = "--pay-by", paramLabel = "DATE") String payBy;
        @Option(names = "--law-firm", paramLabel = "NAME") String lawFirm;

        Export(String what) {
            this.what = what;
        }

        String route() {
            return null;
        }

        String kind() {
            return null;
        }

        @Override
        public Integer call() {
            return run(what, this);
        }
    }

    @Command(name = "packet")
    final class Packet extends Export {
        @Option(names = "--route", required = true, paramLabel = "ROUTE") String route;

        Packet() {
            super("packet");
        }

        @Override
        String route() {
            return route;
        }
    }

    @Command(name = "document")
    final class Document extends Export {
        @Option(names = "--kind", required = true, paramLabel = "KIND") String kind;

        Document() {
            super("document");
        }

        @Override
        String kind() {
            return kind;
        }
    }

    /** {@code --case ID} or {@code --sample}. */
    static final class Source {
        @Option(names = "--case", required = true, paramLabel = "ID") String caseId;
        @Option(names = "--sample", required = true) boolean sample;
    }

    private int run(String what, Export a) {
        Path target = Path.of(a.out);
        boolean sample = a.source.sample;
        // Validate everything the user typed before any work starts.
        DocKind.Route route = what.equals("packet") ? DocKind.Route.fromCli(a.route()) : null;
        DocKind kind = what.equals("document") ? DocKind.fromCli(a.kind()) : null;
        long caseId = sample ? -1 : parseCase(a.source.caseId);
        // an existing folder for a single file: the file gets its default name there once the case is read (see named())
        if (!a.overwrite && !(!what.equals("packet") && Files.isDirectory(target))) refuseToReplace(what, route, target);
        LocalDate payBy = a.payBy == null ? null : Args.date("pay-by", a.payBy);

        if (sample) {
            Path tmp;
            try {
                tmp = Files.createTempDirectory("huikuan-export-sample");
            } catch (IOException e) {
                throw new IllegalStateException("cannot create a temporary folder: " + e.getMessage(), e);
            }
            try (Books books = Books.open(tmp, Clock.fixed(SAMPLE_NOW.atZone(CHINA).toInstant(), CHINA))) {
                SampleData.loadInto(books);
                return export(books, what, seedCase(books), route, kind, target, a, payBy);
            } finally {
                deleteTree(tmp);
            }
        }
        try (Books books = a.place.open(Clock.systemDefaultZone())) {
            return export(books, what, caseId, route, kind, target, a, payBy);
        }
    }

    private int export(Books books, String what, long caseId, DocKind.Route route, DocKind kind, Path target, Export a, LocalDate payBy) {
        CaseFile c;
        try {
            CaseFile.Options o = CaseFile.Options.defaults(books.today());
            if (a.court != null) o = o.withCourt(a.court);
            if (a.lawFirm != null) o = o.withLawFirm(a.lawFirm);
            if (payBy != null) o = o.withPayBy(payBy);
            c = books.exports().caseFile(caseId, o);
        } catch (NotFoundException e) {
            throw new Cli.UsageException("no such case / 没有这个案件: " + caseId);
        }
        ExportService x = books.exports();
        target = named(what, kind, c, target);
        if (!a.overwrite) refuseToReplace(what, route, target);
        try {
            switch (what) {
                case "bundle" -> {
                    EvidenceBundle.Result r = x.writeBundle(c, target, EvidenceBundle.Progress.NONE);
                    out.println("证据材料汇编 Evidence bundle: " + target.toAbsolutePath() + " (" + r.pages() + " 页 pages, "
                            + c.evidence().size() + " 项 items)");
                }
                case "packet" -> {
                    CaseFile filed = ExportService.forRoute(c, route);
                    List<Path> files = x.writePacket(c, route, target, EvidenceBundle.Progress.NONE);
                    for (DocKind k : route.documents()) notes(x, k, filed); // after the refusals: a refused export says only why
                    out.println(route.zh() + "材料 Packet (" + route.cliName() + "): " + target.toAbsolutePath());
                    files.forEach(f -> out.println("  " + f.getFileName()));
                }
                case "document" -> {
                    x.writeDocument(kind, c, target);
                    notes(x, kind, c);
                    out.println(kind.zh() + " " + kind.en() + ": " + target.toAbsolutePath());
                }
                case "zip" -> {
                    x.writeZip(c, target, EvidenceBundle.Progress.NONE);
                    out.println("证据压缩包 Evidence ZIP: " + target.toAbsolutePath());
                }
                default -> throw new IllegalStateException(what);
            }
        } catch (ExportService.ExportException e) {
            throw new ExportFailed(e.getMessage());
        } catch (DocumentRefused e) {
            throw new Cli.UsageException(e.getMessage()); // what a court would send back: exit 2 with the sentence
        }
        return Cli.OK;
    }

    /**
     * {@code --out} naming an existing folder for a document, the bundle or the ZIP: the file is written into it under the
     * name the app would give it, for the debtor and the day ({@code 催收通知书-李某-2026-11-28.pdf}, issue 21). A packet's
     * {@code --out} is the packet's own folder, and a file path is used as given.
     */
    static Path named(String what, DocKind kind, CaseFile c, Path target) {
        if (what.equals("packet") || !Files.isDirectory(target)) return target;
        return target.resolve(switch (what) {
            case "document" -> ExportService.documentName(kind, c);
            case "bundle" -> ExportService.bundleName(c);
            case "zip" -> ExportService.zipName(c);
            default -> throw new IllegalStateException(what);
        });
    }

    /**
     * An existing file is never replaced unless the user says so (issue 21: one customer's notice silently replaced
     * another's): a file target that exists, or a packet folder that already holds one of the packet's files.
     */
    private static void refuseToReplace(String what, DocKind.Route route, Path target) {
        List<Path> would = new ArrayList<>();
        if (what.equals("packet")) {
            for (String name : ExportService.packetFiles(route)) would.add(target.resolve(name));
        } else {
            would.add(target);
        }
        for (Path p : would) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                throw new Cli.UsageException("already exists, not replaced (add --overwrite to replace it) / 文件已存在，未替换（加 --overwrite 才会替换）: "
                        + p.toAbsolutePath());
            }
        }
    }

    /** The notes for the user (the court proposed and why, drafting hints): on standard error, never in the document (issue 18). */
    private void notes(ExportService x, DocKind k, CaseFile c) {
        for (String n : x.notes(k, c)) err.println("【" + k.zh() + "】" + n);
    }

    /** The seed's own case in the sample: the sale to 李某 (the first receivable loaded). */
    private static long seedCase(Books books) {
        return books.receivables().firstId().orElseThrow(() -> new IllegalStateException("the sample holds no receivable"));
    }

    private static long parseCase(String s) {
        try {
            long id = Long.parseLong(s.strip());
            if (id <= 0) throw new NumberFormatException();
            return id;
        } catch (NumberFormatException e) {
            throw new Cli.UsageException("--case must be a case number / --case 应为案件编号: " + s);
        }
    }

    private static void deleteTree(Path dir) {
        try {
            Cli.deleteTree(dir);
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it
        }
    }

    /** The export could not be written (disk full, folder missing): exit code 1 with the reason. */
    static final class ExportFailed extends RuntimeException {
        ExportFailed(String message) {
            super(message);
        }
    }
}
