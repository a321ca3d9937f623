#!/usr/bin/env python3
"""An analyst's one-cell edit of a rule workbook, for the reload benchmark: the 说明 text of one parameter row gets a
suffix ("（第 n 次修改）"), so each edit is a new version whose tables must be read again, and nothing it decides changes.

    edit_workbook.py <workbook.xlsx> <text of the cell> <n>
"""
import shutil
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

workbook, text, n = sys.argv[1], sys.argv[2], sys.argv[3]
with tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False) as tmp:
    with zipfile.ZipFile(workbook) as src, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as dst:
        found = False
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                xml = data.decode("utf-8")
                start = xml.find(">" + escape(text))
                if start < 0:
                    sys.exit(f"{workbook}: no cell reads {text!r}")
                end = xml.index("</t>", start)
                xml = xml[: start + 1] + escape(text) + f"（第 {n} 次修改）" + xml[end:]
                data, found = xml.encode("utf-8"), True
            dst.writestr(item, data)
        if not found:
            sys.exit(f"{workbook}: no shared strings")
shutil.move(tmp.name, workbook)
