#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the small CSV files tst_csvreader reads. Run it from this folder; the files are committed,
# so this is only needed to change them.
text = "name;city\r\nZoë;Köln\r\n😀;東京\r\n"

files = {
    "utf8-bom.csv": b"\xef\xbb\xbf" + "name,city\r\nZoë,Köln\r\n".encode("utf-8"),
    "utf8.csv": "name,city\nRenée,Zürich\n€uro,東京 😀\n".encode("utf-8"),
    "utf16le-bom.csv": b"\xff\xfe" + text.encode("utf-16-le"),
    "utf16be-bom.csv": b"\xfe\xff" + text.encode("utf-16-be"),
    "utf16le-nobom.csv": text.encode("utf-16-le"),
    "utf16be-nobom.csv": text.encode("utf-16-be"),
    # 0x93/0x94 curly quotes, 0x80 euro, 0x96 en dash, 0xE9 e-acute: not UTF-8.
    "windows-1252.csv": "name,comment\r\nJosé,“ok” – 5 €\r\n".encode("cp1252"),
    "latin-1.csv": "name,city\nFrançois,Besançon\nÅsa,Malmö\n".encode("latin-1"),
    "cr-only.csv": b'a,b\r1,"x\ry"\r2,3\r',
    "semicolon.csv": b'name;score;comment\r\nAnna;4,5;"a; b, c"\r\nBo;3,0;plain\r\n',
    "tab.csv": b'name\tscore\tcomment\nAnna\t4.5\t"tab\there"\nBo\t3\t"quote "" here"\n',
    "pipe.csv": b'name|score|comment\nAnna|4.5|"x|y"\nBo|3|z\n',
}
for name, data in files.items():
    with open(name, "wb") as f:
        f.write(data)
