package io.huiju.transform.read.excel;

import io.huiju.transform.read.PayloadException;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.hssf.eventusermodel.FormatTrackingHSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFEventFactory;
import org.apache.poi.hssf.eventusermodel.HSSFListener;
import org.apache.poi.hssf.eventusermodel.HSSFRequest;
import org.apache.poi.hssf.eventusermodel.MissingRecordAwareHSSFListener;
import org.apache.poi.hssf.eventusermodel.dummyrecord.LastCellOfRowDummyRecord;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.CellValueRecordInterface;
import org.apache.poi.hssf.record.DateWindow1904Record;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;

/**
 * The visible worksheets of an .xls, from one pass of POI's event API over the workbook stream on a {@link RowPump}
 * thread. BIFF8 keeps all sheets in that one stream, so a sheet the consumer has moved past is parsed but not queued.
 */
final class XlsSheets implements SheetSource {

    private final POIFSFileSystem fs;
    private final RowPump pump;
    private final Listener listener = new Listener();
    private String sheetName;
    private boolean inSheet;
    private boolean ended;

    private XlsSheets(POIFSFileSystem fs) {
        this.fs = fs;
        this.pump = new RowPump("xls", this::parse);
    }

    /** The caller has checked that {@code fs} holds a Workbook stream; it is closed with this source. */
    static XlsSheets of(POIFSFileSystem fs) {
        return new XlsSheets(fs);
    }

    private void parse(RowPump pump) throws Exception {
        listener.pump = pump;
        FormatTrackingHSSFListener formats =
                new FormatTrackingHSSFListener(new MissingRecordAwareHSSFListener(listener));
        listener.formats = formats;
        HSSFRequest request = new HSSFRequest();
        request.addListenerForAllRecords(formats);
        new HSSFEventFactory().processWorkbookEvents(request, fs);
    }

    @Override
    public boolean nextSheet() throws PayloadException {
        listener.wanted = listener.wantedNext;
        while (!ended) {
            Object item = take();
            if (item instanceof RowPump.SheetStart start) {
                sheetName = start.name();
                inSheet = true;
                listener.wantedNext = listener.wanted + 1;
                return true;
            }
        }
        return false;
    }

    @Override
    public String sheetName() {
        return sheetName;
    }

    @Override
    public SheetRow nextRow() throws PayloadException {
        while (inSheet && !ended) {
            Object item = take();
            if (item instanceof SheetRow row) {
                return row;
            }
            if (item instanceof RowPump.SheetEnd) {
                inSheet = false;
            }
        }
        return null;
    }

    private Object take() throws PayloadException {
        Object item = pump.take();
        if (item instanceof RowPump.End) {
            ended = true;
        } else if (item instanceof RowPump.Failed failed) {
            ended = true;
            throw Failures.of(failed.cause());
        }
        return item;
    }

    @Override
    public void close() {
        ended = true;
        pump.close();
        FileCheck.closeQuietly(fs, new Exception());
    }

    /**
     * Runs on the pump's thread. {@code wanted} is the ordinal among visible worksheets of the first sheet whose rows
     * the consumer still wants: rows of earlier sheets are dropped instead of queued.
     */
    private static final class Listener implements HSSFListener {
        private volatile int wanted;
        private int wantedNext;
        private RowPump pump;
        private FormatTrackingHSSFListener formats;
        private final List<BoundSheetRecord> bound = new ArrayList<>();
        private BoundSheetRecord[] sheets;
        private SSTRecord strings;
        private boolean date1904;
        private int depth;
        private int sheetIndex = -1;
        private int visibleOrdinal = -1;
        private boolean emitting;
        private final List<SheetRow.Cell> cells = new ArrayList<>();
        private int row = -1;
        private int pendingStringColumn = -1;

        @Override
        public void processRecord(org.apache.poi.hssf.record.Record record) {
            if (record instanceof BOFRecord bof) {
                startSubstream(bof);
            } else if (record instanceof EOFRecord) {
                if (depth == 1 && emitting) {
                    flush();
                    pump.put(new RowPump.SheetEnd());
                    emitting = false;
                }
                depth--;
            } else if (record instanceof BoundSheetRecord sheet) {
                bound.add(sheet);
            } else if (record instanceof SSTRecord sst) {
                strings = sst;
            } else if (record instanceof DateWindow1904Record window) {
                date1904 = window.getWindowing() == 1;
            } else if (emitting && depth == 1 && visibleOrdinal >= wanted) {
                cell(record);
            }
        }

        private void startSubstream(BOFRecord bof) {
            depth++;
            if (depth != 1 || bof.getType() == BOFRecord.TYPE_WORKBOOK) {
                return;
            }
            if (sheets == null) {
                sheets = BoundSheetRecord.orderByBofPosition(bound);
            }
            sheetIndex++;
            BoundSheetRecord sheet = sheetIndex < sheets.length ? sheets[sheetIndex] : null;
            emitting = bof.getType() == BOFRecord.TYPE_WORKSHEET
                    && sheet != null
                    && !sheet.isHidden()
                    && !sheet.isVeryHidden();
            if (emitting) {
                visibleOrdinal++;
                row = -1;
                cells.clear();
                pump.put(new RowPump.SheetStart(sheet.getSheetname()));
            }
        }

        private void cell(org.apache.poi.hssf.record.Record record) {
            if (record instanceof LastCellOfRowDummyRecord last) {
                if (last.getRow() == row) {
                    flush();
                }
                return;
            }
            if (record instanceof StringRecord string && pendingStringColumn >= 0) {
                add(row, pendingStringColumn, string.getString(), SheetRow.Kind.TEXT);
                pendingStringColumn = -1;
                return;
            }
            if (!(record instanceof CellValueRecordInterface value)) {
                return;
            }
            int r = value.getRow();
            int column = value.getColumn();
            if (record instanceof NumberRecord number) {
                add(r, column, numberText(number, number.getValue()), SheetRow.Kind.NUMBER);
            } else if (record instanceof LabelSSTRecord label) {
                add(r, column, strings.getString(label.getSSTIndex()).getString(), SheetRow.Kind.TEXT);
            } else if (record instanceof LabelRecord label) {
                add(r, column, label.getValue(), SheetRow.Kind.TEXT);
            } else if (record instanceof BoolErrRecord boolErr) {
                if (boolErr.isError()) {
                    add(r, column, FormulaError.forInt(boolErr.getErrorValue()).getString(), SheetRow.Kind.ERROR);
                } else {
                    add(r, column, boolErr.getBooleanValue() ? "TRUE" : "FALSE", SheetRow.Kind.TEXT);
                }
            } else if (record instanceof FormulaRecord formula) {
                formula(r, column, formula);
            }
        }

        // A string result follows the formula in its own StringRecord.
        private void formula(int r, int column, FormulaRecord formula) {
            CellType type = formula.getCachedResultTypeEnum();
            switch (type) {
                case NUMERIC -> add(r, column, numberText(formula, formula.getValue()), SheetRow.Kind.NUMBER);
                case BOOLEAN -> add(r, column, formula.getCachedBooleanValue() ? "TRUE" : "FALSE", SheetRow.Kind.TEXT);
                case ERROR ->
                    add(
                            r,
                            column,
                            FormulaError.forInt(formula.getCachedErrorValue()).getString(),
                            SheetRow.Kind.ERROR);
                case STRING -> {
                    startRow(r);
                    pendingStringColumn = formula.hasCachedResultString() ? column : -1;
                }
                default -> {}
            }
        }

        private String numberText(CellValueRecordInterface cell, double value) {
            return CellText.number(value, formats.getFormatIndex(cell), formats.getFormatString(cell), date1904);
        }

        private void add(int r, int column, String text, SheetRow.Kind kind) {
            startRow(r);
            if (kind != SheetRow.Kind.TEXT || !text.isEmpty()) {
                cells.add(new SheetRow.Cell(column, text, kind));
            }
        }

        private void startRow(int r) {
            if (r != row) {
                flush();
                row = r;
            }
        }

        private void flush() {
            if (row >= 0 && !cells.isEmpty()) {
                pump.put(new SheetRow(row + 1L, cells));
            }
            cells.clear();
        }
    }
}
