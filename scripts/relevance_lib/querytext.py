"""The one query string every system receives, split for the peers' own syntaxes.

A generated or judged query is plain words and "quoted phrases" (never operators). The peers
get the same words: FTS5 and tantivy as their tokenizers would cut them (letters and digits),
Xapian as typed (its QueryParser reads the same syntax).
"""
import re

PHRASE = re.compile(r'"([^"]*)"|«([^»]*)»')
TOKEN = re.compile(r"[^\W_]+")      # letters and digits: what unicode61 and tantivy's simple keep


def parts(query):
    """[('phrase', [tokens]) | ('word', token)] in query order."""
    found, last = [], 0
    for m in PHRASE.finditer(query):
        found.extend(("word", t) for t in TOKEN.findall(query[last:m.start()]))
        tokens = TOKEN.findall(m.group(1) if m.group(1) is not None else m.group(2))
        if tokens:
            found.append(("phrase", tokens))
        last = m.end()
    found.extend(("word", t) for t in TOKEN.findall(query[last:]))
    return found


def fts5_match(query, operator="AND"):
    """An FTS5 MATCH expression: every word and phrase quoted, joined by AND or OR."""
    items = []
    for kind, value in parts(query):
        text = " ".join(value) if kind == "phrase" else value
        items.append('"' + text.replace('"', '""') + '"')
    return f" {operator} ".join(items)


def tantivy_text(query):
    """A tantivy query string with nothing but bare words and "phrases" (no operators)."""
    items = []
    for kind, value in parts(query):
        if kind == "phrase":
            items.append('"' + " ".join(value) + '"')
        elif value not in ("AND", "OR", "NOT", "IN", "TO"):
            items.append(value)
        else:
            items.append(value.lower())
    return " ".join(items)
