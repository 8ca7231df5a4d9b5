"""Reads a DOCX with python-docx and prints, as JSON, what a reader sees of its provenance and
status: the text of each section's header, the body paragraphs (table cells included) and the
core properties (comments = dc:description, keywords). Usage: docx_mentions.py FILE.docx"""
import json
import sys

import docx


def cells(table):
    for row in table.rows:
        for cell in row.cells:
            for p in cell.paragraphs:
                yield p.text


d = docx.Document(sys.argv[1])
body = [p.text for p in d.paragraphs]
for t in d.tables:
    body.extend(cells(t))
print(json.dumps({
    "headers": ["\n".join(p.text for p in s.header.paragraphs) for s in d.sections],
    "body": [t for t in body if t.strip()],
    "comments": d.core_properties.comments,
    "keywords": d.core_properties.keywords,
}, ensure_ascii=False))
