package cn.huikuan.statements;

import cn.huikuan.pdf.PdfFonts;
import com.itextpdf.io.image.ImageDataFactory;
import com.itextpdf.kernel.font.PdfFont;
import com.itextpdf.kernel.geom.PageSize;
import com.itextpdf.kernel.geom.Rectangle;
import com.itextpdf.kernel.pdf.PdfDocument;
import com.itextpdf.kernel.pdf.PdfPage;
import com.itextpdf.kernel.pdf.PdfWriter;
import com.itextpdf.kernel.pdf.canvas.PdfCanvas;
import org.apache.poi.hssf.usermodel.HSSFCellStyle;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Statement files as the exports look (issue 23), written by the tests: a WeChat Pay bill (UTF-8 CSV, its preamble,
 * ¥ amounts, transaction numbers followed by a tab), an Alipay bill (GBK CSV, preamble between rule lines), a bank's
 * CSV (title rows, 借方/贷方 columns, a 合计 footer) and a bank's .xlsx (date cells, 收入金额/支出金额, no transaction
 * numbers, two equal lines). The payers are the customers {@link #LI}, {@link #WANG} and {@link #BUILDER}.
 */
public final class StatementFiles {
    public static final String LI = "李某";
    public static final String WANG = "王某明";
    public static final String BUILDER = "某某建筑工程有限公司";
    public static final String BUILDER_ACCOUNT = "6222 0202 0000 1234 567";

    private StatementFiles() {
    }

    public static final String WECHAT = """
            微信支付账单明细,,,,,,,,,,
            微信昵称：[小店老板],,,,,,,,,,
            起始时间：[2026-11-01 00:00:00] 终止时间：[2026-11-27 23:59:59],,,,,,,,,,
            导出类型：[全部],,,,,,,,,,
            导出时间：[2026-11-28 09:12:45],,,,,,,,,,
            ,,,,,,,,,,
            共4笔记录,,,,,,,,,,
            收入：2笔 6000.00元,,,,,,,,,,
            支出：1笔 35.50元,,,,,,,,,,
            中性交易：1笔 200.00元,,,,,,,,,,
            注：,,,,,,,,,,
            1. 充值/提现/理财通购买/零钱通存取/信用卡还款等交易，将计入中性交易,,,,,,,,,,
            2. 本明细仅展示当前账单中的交易，不包括已删除的记录,,,,,,,,,,
            3. 本明细仅供个人对账使用,,,,,,,,,,
            ,,,,,,,,,,
            ----------------------微信支付账单明细列表--------------------,,,,,,,,,,
            交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注
            2026-11-02 10:23:11,转账,李某,/,收入,¥5000.00,/,已存入零钱,1000050001202611020123456789012\t,/,还10月货款
            2026-11-03 18:01:40,商户消费,某某超市,日用品,支出,¥35.50,零钱,支付成功,4200001234202611031234567890\t,10023311\t,/
            2026-11-04 08:15:00,转账,李某,/,收入,"¥1,000.00",/,已全额退款,1000050001202611040123456789013\t,/,/
            2026-11-05 12:00:00,零钱提现,招商银行(1234),/,/,¥200.00,零钱,提现已到账,1330000001202611050000000001\t,/,/
            """;

    public static final String ALIPAY = """
            ------------------------------------------------------------------------------------
            导出信息：
            姓名：某某商贸
            支付宝账户：shop***@163.com
            起始时间：[2026-11-01 00:00:00]    终止时间：[2026-11-27 23:59:59]
            导出交易类型：[全部]
            导出时间：[2026-11-28 09:20:11]
            共3笔记录
            收入：2笔 2300.00元
            支出：1笔 88.00元
            不计收支：0笔 0.00元
            特别提示：
            1.本回单内容可表明支付宝受理了相关交易，但不能作为交易最终完成的凭证。
            ------------------------支付宝（中国）网络技术有限公司  电子客户回单------------------------
            交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,
            2026-11-06 09:00:00,转账红包,王*明,wang***@163.com,转账,收入,2000.00,,交易成功,20261106200040011100000000000001\t,\t,11月分期,
            2026-11-07 14:30:00,日用百货,某某网店,shop***@qq.com,打印纸,支出,88.00,余额宝,交易成功,20261107200040011100000000000002\t,T200P123\t,,
            2026-11-08 16:45:00,转账红包,王*明,wang***@163.com,转账,收入,300.00,,交易关闭,20261108200040011100000000000003\t,\t,,
            """;

    public static final String BANK = """
            中国工商银行 账户明细,,,,,,,
            账号：1202 0000 0000 0000 888,,,,,,,
            户名：某某商贸有限公司,,,,,,,
            起止日期：2026-11-01 至 2026-11-27,,,,,,,
            交易日期,摘要,借方金额,贷方金额,余额,对方账号,对方户名,流水号
            2026-11-09,货款,,"12,500.00","112,500.00",6222 0202 0000 1234 567,某某建筑工程有限公司,B20261109001
            2026-11-10,手续费,5.00,,"112,495.00",,,B20261110001
            2026-11-11,往来款,,800.00,"113,295.00",6217 0000 0000 9999 000,陌生人,B20261111001
            合计,,5.00,"13,300.00",,,,
            """;

    public static Path write(Path dir, String name, String text, Charset cs) throws Exception {
        Path f = dir.resolve(name);
        Files.write(f, text.replace("\n", "\r\n").getBytes(cs));
        return f;
    }

    public static Path wechatCsv(Path dir) throws Exception {
        return write(dir, "微信支付账单(20261101-20261127).csv", WECHAT, StandardCharsets.UTF_8);
    }

    public static Path alipayGbkCsv(Path dir) throws Exception {
        return write(dir, "alipay_record_20261128.csv", ALIPAY, Charset.forName("GBK"));
    }

    public static Path bankCsv(Path dir) throws Exception {
        return write(dir, "工行明细.csv", BANK, StandardCharsets.UTF_8);
    }

    /**
     * A bank's .xlsx: title rows, 记账日期 as date cells, 对方账户名称, 收入金额/支出金额 as numbers, 用途, no transaction
     * number; two equal incoming lines (two payments of 1,000.00 by 李某 on one day) and an outgoing one.
     */
    public static Path bankXlsx(Path dir) throws Exception {
        Path f = dir.resolve("建行流水.xlsx");
        try (OutputStream out = Files.newOutputStream(f); Workbook wb = new Workbook(out, "Bank", "1.0")) {
            Worksheet ws = wb.newWorksheet("明细");
            ws.value(0, 0, "中国建设银行 活期账户交易明细");
            ws.value(1, 0, "账号：6217 0000 1111 2222 333");
            String[] head = {"记账日期", "交易时间", "收入金额", "支出金额", "账户余额", "对方账户名称", "对方账号", "用途"};
            for (int c = 0; c < head.length; c++) ws.value(3, c, head[c]);
            Object[][] rows = {
                    {LocalDate.of(2026, 11, 12), "10:01:02", 1000.0, null, 51000.0, LI, "6222 1111 2222 3333", "还款"},
                    {LocalDate.of(2026, 11, 12), "10:01:02", 1000.0, null, 52000.0, LI, "6222 1111 2222 3333", "还款"},
                    {LocalDate.of(2026, 11, 13), "09:00:00", null, 300.0, 51700.0, "某某物流", "6222 9999 8888 7777", "运费"},
            };
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        ws.value(4 + r, c, d);
                        ws.style(4 + r, c).format("yyyy-mm-dd").set();
                    } else if (v instanceof Double n) {
                        ws.value(4 + r, c, n);
                    } else if (v != null) {
                        ws.value(4 + r, c, (String) v);
                    }
                }
            }
        }
        return f;
    }
    /**
     * A bank's old Excel .xls (BIFF8, written with POI's HSSF): title and account rows, a blank row, then 交易日期 as date
     * cells, 摘要, 借方金额/贷方金额 as numbers, 余额, 对方账号 and 对方户名 as text, 流水号; a 合计 footer. The same lines as
     * {@link #BANK}: 12,500.00 in from {@link #BUILDER}, a 5.00 fee out, 800.00 in from a stranger.
     */
    public static Path bankXls(Path dir) throws Exception {
        Path f = dir.resolve("农行明细.xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            HSSFSheet ws = wb.createSheet("交易明细");
            HSSFCellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            ws.createRow(0).createCell(0).setCellValue("中国农业银行 账户交易明细");
            ws.createRow(1).createCell(0).setCellValue("账号：6228 4800 0000 0000 777");
            ws.createRow(2).createCell(0).setCellValue("户名：某某商贸有限公司");
            String[] head = {"交易日期", "摘要", "借方金额", "贷方金额", "余额", "对方账号", "对方户名", "流水号"};
            HSSFRow h = ws.createRow(4);
            for (int c = 0; c < head.length; c++) h.createCell(c).setCellValue(head[c]);
            Object[][] rows = {
                    {LocalDate.of(2026, 11, 9), "货款", null, 12500.0, 112500.0, BUILDER_ACCOUNT, BUILDER, "B20261109001"},
                    {LocalDate.of(2026, 11, 10), "手续费", 5.0, null, 112495.0, null, null, "B20261110001"},
                    {LocalDate.of(2026, 11, 11), "往来款", null, 800.0, 113295.0, "6217 0000 0000 9999 000", "陌生人", "B20261111001"},
                    {"合计", null, 5.0, 13300.0, null, null, null, null},
            };
            for (int r = 0; r < rows.length; r++) {
                HSSFRow row = ws.createRow(5 + r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        var cell = row.createCell(c);
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v instanceof Double n) {
                        row.createCell(c).setCellValue(n);
                    } else if (v != null) {
                        row.createCell(c).setCellValue((String) v);
                    }
                }
            }
            wb.write(out);
        }
        return f;
    }

    /** {@link #WECHAT}'s bill as an .xls: its 16 preamble rows, then every cell as text (¥ amounts, tabs after numbers) as WeChat writes them. */
    public static Path wechatXls(Path dir) throws Exception {
        Path f = dir.resolve("微信支付账单(20261101-20261127).xls");
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(f)) {
            HSSFSheet ws = wb.createSheet("Sheet1");
            String[] lines = WECHAT.split("\n");
            for (int r = 0; r < lines.length; r++) {
                List<String> cells = parseCsvLine(lines[r]);
                HSSFRow row = ws.createRow(r);
                for (int c = 0; c < cells.size(); c++) {
                    if (!cells.get(c).isEmpty()) row.createCell(c).setCellValue(cells.get(c));
                }
            }
            wb.write(out);
        }
        return f;
    }

    /** One line of the CSVs above: commas, and double quotes around a cell holding one. */
    static List<String> parseCsvLine(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') quoted = !quoted;
            else if (ch == ',' && !quoted) {
                out.add(b.toString());
                b.setLength(0);
            } else b.append(ch);
        }
        out.add(b.toString());
        return out;
    }
    /** A text placed on a PDF page: at {@code x} (its left edge, or its right edge when {@code right}), {@code y} points from the top. */
    record Placed(float x, float y, String text, boolean right) {
    }

    /** Pages of placed texts as a PDF whose text layer holds them (the bundled serif font, 8 pt), A4 landscape. */
    static Path pdf(Path f, List<List<Placed>> pages) throws Exception {
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(Files.newOutputStream(f)))) {
            PdfFont font = PdfFonts.serif();
            for (List<Placed> page : pages) {
                PdfPage p = pdf.addNewPage(PageSize.A4.rotate());
                PdfCanvas c = new PdfCanvas(p);
                float top = p.getPageSize().getHeight();
                for (Placed t : page) {
                    float x = t.right() ? t.x() - font.getWidth(t.text(), 8) : t.x();
                    c.beginText().setFontAndSize(font, 8).moveText(x, top - t.y()).showText(t.text()).endText();
                }
            }
        }
        return f;
    }

    /**
     * A bank's 交易明细 as a PDF, layout one: a title, account and period lines, then a table of 交易日期, 摘要, 借方金额,
     * 贷方金额, 余额 (amounts right-aligned), 对方户名, 对方账号, 流水号; the header repeated on page 2, a page footer on both.
     * Page 1: 12,500.00 in from {@link #BUILDER}, a 5.00 fee out; page 2: 800.00 in from a stranger and 5,000.00 from {@link #LI}.
     */
    public static Path bankPdf(Path dir) throws Exception {
        float[] x = {40, 110, 190, 260, 330, 400, 520, 660};
        String[] head = {"交易日期", "摘要", "借方金额", "贷方金额", "余额", "对方户名", "对方账号", "流水号"};
        boolean[] right = {false, false, true, true, true, false, false, false};
        String[][] page1 = {
                {"2026-11-09", "货款", "", "12,500.00", "112,500.00", BUILDER, BUILDER_ACCOUNT, "B20261109001"},
                {"2026-11-10", "手续费", "5.00", "", "112,495.00", "", "", "B20261110001"},
        };
        String[][] page2 = {
                {"2026-11-11", "往来款", "", "800.00", "113,295.00", "陌生人", "6217 0000 0000 9999 000", "B20261111001"},
                {"2026-11-12", "还款", "", "5,000.00", "118,295.00", LI, "6222 1111 2222 3333", "B20261112001"},
        };
        List<List<Placed>> pages = new ArrayList<>();
        for (String[][] rows : new String[][][]{page1, page2}) {
            List<Placed> p = new ArrayList<>();
            if (pages.isEmpty()) {
                p.add(new Placed(300, 40, "中国工商银行 账户交易明细", false));
                p.add(new Placed(40, 60, "账号：1202 0000 0000 0000 888    户名：某某商贸有限公司", false));
                p.add(new Placed(40, 75, "起止日期：2026-11-01 至 2026-11-27    币种：人民币", false));
            }
            float y = 100;
            for (int c = 0; c < head.length; c++) p.add(new Placed(right[c] ? x[c] + 50 : x[c], y, head[c], right[c]));
            for (String[] r : rows) {
                y += 16;
                for (int c = 0; c < r.length; c++) if (!r[c].isEmpty()) p.add(new Placed(right[c] ? x[c] + 50 : x[c], y, r[c], right[c]));
            }
            p.add(new Placed(380, 560, "第 " + (pages.size() + 1) + " 页 共 2 页", false));
            pages.add(p);
        }
        return pdf(dir.resolve("工行交易明细.pdf"), pages);
    }

    /**
     * Layout two (another bank's): 交易时间 holding date and time as two words, 收/支, 金额(元) right-aligned, 对方账户名称
     * (one in several words), 对方账号, 交易附言, 交易流水号; the table starts further down after a longer preamble and
     * ends with a 合计 line.
     */
    public static Path otherBankPdf(Path dir) throws Exception {
        float[] x = {40, 150, 190, 260, 450, 580, 680};
        String[] head = {"交易时间", "收/支", "金额(元)", "对方账户名称", "对方账号", "交易附言", "交易流水号"};
        boolean[] right = {false, false, true, false, false, false, false};
        String[][] rows = {
                {"2026-11-09 10:01:02", "收入", "12,500.00", BUILDER, BUILDER_ACCOUNT, "11月货款", "T0001"},
                {"2026-11-13 09:00:00", "支出", "300.00", "Shenzhen Quick Logistics Co Ltd", "6222 9999 8888 7777", "运费", "T0002"},
                {"2026-11-14 16:30:45", "收入", "1,000.00", LI, "6222 1111 2222 3333", "还款", "T0003"},
        };
        List<Placed> p = new ArrayList<>();
        p.add(new Placed(300, 30, "招商银行 交易流水", false));
        p.add(new Placed(40, 50, "户名：某某商贸有限公司", false));
        p.add(new Placed(40, 64, "账号：6214 8300 0000 0000", false));
        p.add(new Placed(40, 78, "开户行：招商银行深圳分行", false));
        p.add(new Placed(40, 92, "查询期间：20261101 - 20261130", false));
        float y = 130;
        for (int c = 0; c < head.length; c++) p.add(new Placed(right[c] ? x[c] + 50 : x[c], y, head[c], right[c]));
        for (String[] r : rows) {
            y += 18;
            for (int c = 0; c < r.length; c++) p.add(new Placed(right[c] ? x[c] + 50 : x[c], y, r[c], right[c]));
        }
        p.add(new Placed(40, y + 18, "合计：收入 2 笔 13,500.00 元，支出 1 笔 300.00 元", false));
        return pdf(dir.resolve("招行流水.pdf"), List.of(p));
    }

    /**
     * A bank's 交易明细 whose narrow 对方户名 and 摘要 columns wrap (issue 23): {@link #BUILDER}'s name on two lines
     * (某某建筑工程 / 有限公司), a summary on three (2026年11月 / 第二期分期 / 还款) for {@link #LI}, a fee with no payer,
     * and a page footer under the 对方账号 column far below. {@code centred}: the other cells of a row stand level with
     * its middle line (the wrapped cell's first line above them) instead of its first.
     */
    public static Path wrappedBankPdf(Path dir, boolean centred) throws Exception {
        float[] x = {40, 110, 190, 260, 330, 420, 560};
        String[] head = {"交易日期", "摘要", "贷方金额", "借方金额", "对方户名", "对方账号", "流水号"};
        boolean[] right = {false, false, true, true, false, false, false};
        String[][][] rows = {
                {{"2026-11-09"}, {"货款"}, {"12,500.00"}, {""}, {"某某建筑工程", "有限公司"}, {BUILDER_ACCOUNT}, {"W0001"}},
                {{"2026-11-12"}, {"2026年11月", "第二期分期", "还款"}, {"2,500.00"}, {""}, {LI}, {"6222 1111 2222 3333"}, {"W0002"}},
                {{"2026-11-13"}, {"手续费"}, {""}, {"5.00"}, {""}, {""}, {"W0003"}},
        };
        List<Placed> p = new ArrayList<>();
        p.add(new Placed(300, 40, "某某银行 账户交易明细", false));
        p.add(new Placed(40, 60, "户名：某某商贸有限公司", false));
        float y = 100;
        for (int c = 0; c < head.length; c++) p.add(new Placed(right[c] ? x[c] + 50 : x[c], y, head[c], right[c]));
        y += 8;
        for (String[][] r : rows) {
            int lines = 1;
            for (String[] cell : r) lines = Math.max(lines, cell.length);
            float first = y + 12;
            float level = centred ? first + (lines - 1) * 10 / 2f : first;   // where the one-line cells stand
            for (int c = 0; c < r.length; c++) {
                String[] cell = r[c];
                if (cell.length == 1) {
                    if (!cell[0].isEmpty()) p.add(new Placed(right[c] ? x[c] + 50 : x[c], level, cell[0], right[c]));
                } else {
                    for (int k = 0; k < cell.length; k++) p.add(new Placed(x[c], first + 10 * k, cell[k], false));
                }
            }
            y = first + 10 * (lines - 1) + 8;
        }
        p.add(new Placed(430, 560, "第 1 页 共 1 页", false));
        return pdf(dir.resolve(centred ? "居中换行流水.pdf" : "换行流水.pdf"), List.of(p));
    }

    /** A scan: a page that is one picture and has no text. */
    public static Path scannedPdf(Path dir) throws Exception {
        Path f = dir.resolve("扫描的流水.pdf");
        BufferedImage img = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 400, 300);
        g.setColor(Color.BLACK);
        for (int y = 20; y < 300; y += 16) g.drawLine(20, y, 380, y);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        try (PdfDocument pdf = new PdfDocument(new PdfWriter(Files.newOutputStream(f)))) {
            PdfCanvas c = new PdfCanvas(pdf.addNewPage(PageSize.A4));
            c.addImageFittedIntoRectangle(ImageDataFactory.create(png.toByteArray()), new Rectangle(40, 300, 500, 375), false);
        }
        return f;
    }
}
