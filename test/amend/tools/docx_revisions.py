"""Reads a DOCX with python-docx and prints, as JSON, the body text with every tracked change
accepted and with every tracked change rejected: one string per non-empty paragraph, in document
order (table cells included), whitespace normalised. Usage: docx_revisions.py FILE.docx"""
import json
import re
import sys

import docx
from docx.oxml.ns import qn

W_P, W_TBL, W_R, W_T, W_DELTEXT, W_INS, W_DEL = (qn("w:p"), qn("w:tbl"), qn("w:r"), qn("w:t"), qn("w:delText"), qn("w:ins"), qn("w:del"))
W_TAB, W_BR = qn("w:tab"), qn("w:br")


def runs_text(el, mode, inside=None):
    out = []
    for child in el:
        if child.tag == W_INS:
            if mode == "accept":
                out.append(runs_text(child, mode, "ins"))
        elif child.tag == W_DEL:
            if mode == "reject":
                out.append(runs_text(child, mode, "del"))
        elif child.tag == W_R:
            for x in child:
                if x.tag in (W_T, W_DELTEXT) and x.text:
                    out.append(x.text)
                elif x.tag in (W_TAB, W_BR):
                    out.append(" ")
        elif child.tag in (qn("w:hyperlink"), qn("w:smartTag"), qn("w:fldSimple")):
            out.append(runs_text(child, mode, inside))
    return "".join(out)


def paragraph_removed(p, mode):
    """A paragraph whose mark is tracked as inserted (rejected) or deleted (accepted) goes away."""
    rpr = p.find(qn("w:pPr") + "/" + qn("w:rPr"))
    if rpr is None:
        return False
    return (mode == "accept" and rpr.find(W_DEL) is not None) or (mode == "reject" and rpr.find(W_INS) is not None)


def row_removed(tr, mode):
    trpr = tr.find(qn("w:trPr"))
    if trpr is None:
        return False
    return (mode == "accept" and trpr.find(W_DEL) is not None) or (mode == "reject" and trpr.find(W_INS) is not None)


def walk(el, mode, out):
    for child in el:
        if child.tag == W_P:
            text = re.sub(r"\s+", " ", runs_text(child, mode)).strip()
            if text and not paragraph_removed(child, mode):
                out.append(text)
        elif child.tag == W_TBL:
            for tr in child.iter(qn("w:tr")):
                if row_removed(tr, mode):
                    continue
                for tc in tr.findall(qn("w:tc")):
                    walk(tc, mode, out)
        elif child.tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                walk(content, mode, out)


def main(path):
    body = docx.Document(path).element.body
    result = {}
    for mode in ("accept", "reject"):
        out = []
        walk(body, mode, out)
        result[mode] = out
    result["insertions"] = len(body.findall(".//" + W_INS))
    result["deletions"] = len(body.findall(".//" + W_DEL))
    json.dump(result, sys.stdout, ensure_ascii=False)


main(sys.argv[1])
