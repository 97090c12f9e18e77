package cn.huikuan.application;

import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.OldExcelFormatException;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of an old Excel file (.xls, BIFF8: Excel 97–2003), which many Chinese banks still export as their 交易明细,
 * read with Apache POI's HSSF as {@link SpreadsheetRows} reads an .xlsx: the first sheet, every row in order (a row the
 * file does not hold comes as an empty list, so row n is the n-th), cells as text, date cells as ISO dates (the time of
 * day dropped, as the .xlsx path drops it), numbers in plain digits (12500, not 1.25E4), a formula by its cached value.
 *
 * <p>Bounded as the other readers are: the file is at most {@link #MAX_BYTES} (HSSF holds the whole workbook in memory;
 * the format itself holds at most 65,536 rows of 256 columns), a cell at most Excel's 32,767 characters. Anything POI
 * cannot read (a damaged or truncated file, an OLE2 file that is no workbook, an encrypted one, Excel 5/95) is refused
 * with one sentence, Chinese then English, never a stack trace.
 */
final class XlsRows {
    /** The largest .xls read: a full sheet of 65,536 rows of a bank's ten columns is some 8 MB. */
    static final long MAX_BYTES = 16L << 20;

    private XlsRows() {
    }

    static void read(Path file, Consumer<List<String>> row) {
        String name = String.valueOf(file.getFileName());
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new SpreadsheetRows.NotASpreadsheet("旧版 .xls 文件过大（" + (size >> 20) + " MB，最多 " + (MAX_BYTES >> 20)
                        + " MB），请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入 / the .xls file is too large (" + (size >> 20) + " MiB; at most "
                        + (MAX_BYTES >> 20) + " MiB): save it as .xlsx or .csv first");
            }
        } catch (IOException e) {
            throw new SpreadsheetRows.NotASpreadsheet("无法读取文件 / cannot read " + name + ": " + e.getMessage());
        }
        List<List<String>> rows = new ArrayList<>();
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true);
             HSSFWorkbook wb = new HSSFWorkbook(fs.getRoot(), false)) {
            if (wb.getNumberOfSheets() == 0) throw damaged("no sheet");
            Sheet sheet = wb.getSheetAt(0);
            int last = sheet.getLastRowNum();
            for (int r = 0; r <= last; r++) {
                Row x = sheet.getRow(r);
                rows.add(x == null ? new ArrayList<>() : cells(x, r + 1));
            }
        } catch (SpreadsheetRows.NotASpreadsheet e) {
            throw e;
        } catch (EncryptedDocumentException e) {
            throw new SpreadsheetRows.NotASpreadsheet("这个 .xls 文件设有打开密码，无法读取：请在 Excel 或 WPS 中去掉密码后另存为 .xlsx 或 .csv / the .xls file is"
                    + " password-protected: remove the password and save it as .xlsx or .csv first");
        } catch (OldExcelFormatException e) {
            throw new SpreadsheetRows.NotASpreadsheet("这是 Excel 95 或更早版本的文件，无法读取：请在 Excel 或 WPS 中另存为 .xlsx 或 .csv / an Excel 95"
                    + " (or older) file: save it as .xlsx or .csv first");
        } catch (IOException | RuntimeException e) {
            throw damaged(e.getClass().getSimpleName());
        }
        // handed on only when the whole file was read: a damaged record half-way refuses the file, not half of it
        rows.forEach(row);
    }

    private static SpreadsheetRows.NotASpreadsheet damaged(String detail) {
        return new SpreadsheetRows.NotASpreadsheet("旧版 .xls 文件已损坏或不是 Excel 工作簿，无法读取；请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入 / the .xls file"
                + " is damaged or not an Excel workbook (" + detail + "): save it as .xlsx or .csv first");
    }

    private static List<String> cells(Row x, int rowNo) {
        List<String> out = new ArrayList<>();
        int n = Math.max(x.getLastCellNum(), 0);
        if (n > SpreadsheetRows.MAX_COLUMNS) throw SpreadsheetRows.tooWide(rowNo);
        for (int c = 0; c < n; c++) {
            Cell cell = x.getCell(c);
            String t = cell == null ? "" : text(cell, cell.getCellType());
            if (t.length() > SpreadsheetRows.MAX_CELL_CHARS) throw SpreadsheetRows.cellTooLong(rowNo);
            out.add(t);
        }
        return out;
    }

    private static String text(Cell cell, CellType type) {
        return switch (type) {
            case STRING -> cell.getRichStringCellValue().getString();
            case NUMERIC -> number(cell);
            case BOOLEAN -> cell.getBooleanCellValue() ? "TRUE" : "FALSE";
            case FORMULA -> text(cell, cell.getCachedFormulaResultType());
            default -> "";
        };
    }

    private static String number(Cell cell) {
        double v = cell.getNumericCellValue();
        if (!Double.isFinite(v)) return "";
        if (DateUtil.isValidExcelDate(v) && DateUtil.isCellDateFormatted(cell)) {
            try {
                return cell.getLocalDateTimeCellValue().toLocalDate().toString();
            } catch (RuntimeException notADate) {
                // its number below
            }
        }
        BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
