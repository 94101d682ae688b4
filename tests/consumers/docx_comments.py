#!/usr/bin/env python3
"""Reads a .docx that `gklint annotate` wrote, as a plain XML check (zipfile + ElementTree), and
holds its comments to the findings gklint reports for the original:

  docx_comments.py ANNOTATED.docx FINDINGS.json CAT.txt

FINDINGS.json is `gklint --format json ORIGINAL.docx`, CAT.txt `gklint cat ORIGINAL.docx` (the
paragraphs by number). Checks: one comment per finding, in order, each by gklint and opening with
the finding's severity, message and rule; each range closed, with one reference after its end;
each anchored on the finding's text: for a span within one paragraph, the span's characters (less
a numbering label, which is not the document's text); for a point, its whole paragraph. Prints one
line per problem and exits 1, or prints the count and exits 0.
"""
import json
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SEVERITY = {"error": "错误", "warning": "警告", "info": "提示"}

annotated, findings_path, cat_path = sys.argv[1:4]
problems = []
z = zipfile.ZipFile(annotated)
document = ET.fromstring(z.read("word/document.xml"))
comments = ET.fromstring(z.read("word/comments.xml"))
findings = json.load(open(findings_path, encoding="utf-8"))["files"][0]["diagnostics"]

paragraphs = {}
for line in open(cat_path, encoding="utf-8"):
    m = re.match(r"\s*(\d+) \| (?:\[表\d+ 行\d+ 列\d+\] )?(.*)$", line.rstrip("\n"))
    if m:
        paragraphs[int(m.group(1))] = m.group(2)

texts = {}
for c in comments.iter(W + "comment"):
    if c.get(W + "author") != "gklint":
        problems.append(f"comment {c.get(W + 'id')}: author {c.get(W + 'author')}")
    texts[c.get(W + "id")] = ["".join(t.text or "" for t in p.iter(W + "t")) for p in c.iter(W + "p")]

opened, anchors, references = {}, {}, {}
for el in document.iter():
    if el.tag == W + "commentRangeStart":
        opened[el.get(W + "id")] = ""
    elif el.tag == W + "commentRangeEnd":
        i = el.get(W + "id")
        if i not in opened:
            problems.append(f"comment {i}: its range ends before it starts")
            continue
        anchors[i] = opened.pop(i)
    elif el.tag == W + "commentReference":
        i = el.get(W + "id")
        if i not in anchors:
            problems.append(f"comment {i}: its reference comes before its range ends")
        references[i] = references.get(i, 0) + 1
    elif el.tag == W + "t":
        for i in opened:
            opened[i] += el.text or ""
problems += [f"comment {i}: its range never ends" for i in opened]
problems += [f"comment {i}: {n} references" for i, n in references.items() if n != 1]

if len(texts) != len(findings):
    problems.append(f"{len(texts)} comments for {len(findings)} findings")
for n, d in enumerate(findings):
    i = str(n)
    head = f"{SEVERITY[d['severity']]}：{d['message']} [{d['rule']}]"
    if texts.get(i, [""])[0] != head:
        problems.append(f"comment {i}: {texts.get(i)!r} does not open with {head!r}")
    text = paragraphs.get(d["line"], "").replace("\t", "")
    got = anchors.get(i)
    if got is None:
        problems.append(f"comment {i} ({d['rule']}): no range")
        continue
    if d["end_line"] == d["line"] and d["end_column"] > d["column"]:
        span = paragraphs.get(d["line"], "")[d["column"] - 1:d["end_column"] - 1].replace("\t", "")
        ok = got == span or (got and span.endswith(got))  # a numbering label is not in the document's text
    else:
        ok = got and text.endswith(got)  # the whole paragraph, less its label
        ok = ok or (not text.strip() and not got)
    if not ok:
        problems.append(f"comment {i} ({d['rule']}, {d['line']}:{d['column']}): anchored on {got!r}")

for p in problems:
    print(f"docx_comments: {annotated}: {p}")
if problems:
    sys.exit(1)
print(f"docx_comments: {annotated}: {len(findings)} comments, each on its finding's text")
