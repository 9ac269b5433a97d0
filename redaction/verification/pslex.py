"""A faster lexer for pdfminer.six's content-stream parser, giving exactly pdfminer's tokens.

pdfminer.six tokenizes content streams one character class at a time in pure Python (a state machine over
4 KB buffers): nine tenths of the ``text-pdfminer`` reader's time. :class:`FastContentParser` keeps that
machine and every quirk of it, and only runs ahead of it: at a token boundary (no token half read) one
regular expression reads the plain tokens that follow in the buffer — numbers, names without ``#``
escapes, keywords, hex strings, literal strings with simple escapes, ``[ ] { } << >> ' "`` — and queues
them as pdfminer would have, with the same positions. It stops, leaving the rest to pdfminer's own
machine, at anything else: comments, a ``#`` in a name, nested parentheses or another escape in a string,
NUL bytes, any other character, a token that reaches the end of the buffer (it may go on in the next
one), and after ``ID`` (the inline image's bytes are read by pdfminer's own code). pdfminer's fonts,
encodings, CMaps and operators are untouched: the reader stays pdfminer's, of another family than the
engine's qpdf and than pdfium and poppler.

``tests/test_verify_pslex.py`` checks the tokens equal pdfminer's own on every content stream of the
test fixtures and on random streams made of the awkward cases.
"""

from __future__ import annotations

import binascii
import logging
import re
from binascii import unhexlify

from pdfminer import settings
from pdfminer.pdfinterp import PDFContentParser, PDFInterpreterError, PDFPageInterpreter
from pdfminer.pdftypes import stream_value
from pdfminer.psexceptions import PSEOF, PSException
from pdfminer.psparser import (KEYWORD_ARRAY_BEGIN, KEYWORD_ARRAY_END, KEYWORD_DICT_BEGIN, KEYWORD_DICT_END,
                               KEYWORD_PROC_BEGIN, KEYWORD_PROC_END, KWD, LIT, PSKeyword, PSLiteral, PSSyntaxError,
                               PSTypeError, keyword_name, literal_name)
from pdfminer.utils import choplist

log = logging.getLogger(__name__)

# One token after optional whitespace. Names and keywords end where pdfminer ends them (END_LITERAL,
# END_KEYWORD); a name followed by '#' is left to pdfminer (hex escapes), as is a hex string followed by
# a second '>' (pdfminer reads that '>>' as the end of a dictionary).
_TOKEN = re.compile(rb"""
    \s*
    (?:
      ([-+0-9][0-9]*(?:\.[0-9]*)?|\.[0-9]*)                     # 1 number
    | (<[0-9a-fA-F\s]*>)(?!>)                                 # 2 hex string
    | ([A-Za-z][^#/%\[\]()<>{}\s]*)                            # 3 keyword
    | (/[^#/%\[\]()<>{}\s]*+)(?![#])                           # 4 name
    | (\((?:[^()\\]|\\[btnfr()\\]|\\[0-7]{1,3})*\))          # 5 literal string
    | (<<|>>)                                                # 6 dictionary
    | ([\[\]{}'"])                                            # 7 one-character keyword
    | (.|\Z)                                                 # 8 anything else: pdfminer's machine reads it
    )
    """, re.VERBOSE | re.DOTALL)
_SPACE = re.compile(rb"\s+")
_ESCAPE = re.compile(rb"\\([btnfr()\\]|[0-7]{1,3})")
_ESCAPES = {b"b": b"\x08", b"t": b"\t", b"n": b"\n", b"f": b"\x0c", b"r": b"\r", b"(": b"(", b")": b")",
            b"\\": b"\\"}
_HEX_PAIR = re.compile(rb"[0-9a-fA-F]{2}|.")
_OCTAL3 = re.compile(rb"\\([0-7]{3})")
_KEYWORD_ID = KWD(b"ID")
_TRUE, _FALSE = b"true", b"false"


def _unescape(m: re.Match) -> bytes:
    e = m.group(1)
    if e in _ESCAPES:
        return _ESCAPES[e]
    code = int(e, 8)
    if code > 255:  # pdfminer asserts; never reached: the caller leaves such a string to pdfminer
        raise ValueError("octal escape out of range")
    return bytes((code,))


class FastContentParser(PDFContentParser):
    """pdfminer's content parser with :func:`_run_ahead` before each token it would read itself, and
    pdfminer's ``nextobject`` (PSStackParser's: arrays, dictionaries, procedures, keywords; the same
    steps, without its debug logging) taking the queued tokens directly."""

    def nexttoken(self):
        if not self._tokens and not self.eof and self._parse1 == self._parse_main:
            self._run_ahead()
        return super().nexttoken()

    def nextobject(self):
        if not self.results and not self.context and not self.curstack and self._tokens and not self.eof:
            # A queued operand or plain operator outside any array, dictionary or procedure: what the loop
            # below gives for it (pushed, flushed to the results and taken back), without the round trip.
            token = self._tokens[0][1]
            if token.__class__ in _OPERANDS or (token.__class__ is PSKeyword and token not in _SPECIAL):
                return self._tokens.pop(0)
        while not self.results:
            if self._tokens and not self.eof:
                pos, token = self._tokens.pop(0)
            else:
                pos, token = self.nexttoken()
            if isinstance(token, (int, float, bool, str, bytes, PSLiteral, list)):  # list: an array read whole
                self.curstack.append((pos, token))
            elif token is KEYWORD_ARRAY_BEGIN:
                self.start_type(pos, "a")
            elif token is KEYWORD_ARRAY_END:
                try:
                    self.push(self.end_type("a"))
                except PSTypeError:
                    if settings.STRICT:
                        raise
            elif token is KEYWORD_DICT_BEGIN:
                self.start_type(pos, "d")
            elif token is KEYWORD_DICT_END:
                try:
                    (pos, objs) = self.end_type("d")
                    if len(objs) % 2 != 0:
                        raise PSSyntaxError(f"Invalid dictionary construct: {objs!r}")
                    self.push((pos, {literal_name(k): v for (k, v) in choplist(2, objs) if v is not None}))
                except PSTypeError:
                    if settings.STRICT:
                        raise
            elif token is KEYWORD_PROC_BEGIN:
                self.start_type(pos, "p")
            elif token is KEYWORD_PROC_END:
                try:
                    self.push(self.end_type("p"))
                except PSTypeError:
                    if settings.STRICT:
                        raise
            elif isinstance(token, PSKeyword):
                self.do_keyword(pos, token)
            else:
                self.do_keyword(pos, token)
                raise PSException
            if self.context:
                continue
            self.flush()
        return self.results.pop(0)

    def _run_ahead(self) -> None:
        buf, i, end = self.buf, self.charpos, len(self.buf)
        base, add = self.bufpos, self._tokens.append
        reading = True
        while reading:
            reading = False
            for m in _TOKEN.finditer(buf, i):
                kind = m.lastindex
                stop = m.end()
                if kind == 8 or stop >= end:  # pdfminer's own machine reads it (or the next buffer may)
                    break
                text = m.group(kind)
                if kind == 3:  # a keyword (an operator, mostly): what _plain gives, looked up once
                    token = _KEYWORDS.get(text)
                    if token is None:
                        token = _plain(3, text)
                        if len(_KEYWORDS) < 4096:  # pdfminer interns every keyword for good anyway
                            _KEYWORDS[text] = token
                    add((base + m.start(kind), token))
                    i = stop
                    if token is _KEYWORD_ID:  # inline image data follows: pdfminer reads it
                        break
                    continue
                if kind == 1:  # a number: as _plain reads it
                    try:
                        add((base + m.start(kind), float(text) if b"." in text else int(text)))
                    except ValueError:  # '-', '.', '+.': pdfminer reads no token there
                        pass
                    i = stop
                    continue
                if kind == 7 and text == b"[":
                    array = _flat_array(buf, m.start(kind), end)
                    if array is not None:  # the whole array at once: the list end_type("a") would give
                        add((base + m.start(kind), array[0]))
                        i, reading = array[1], True
                        break  # read on after its ']'
                token = _plain(kind, text)
                if token is _NONE:
                    i = m.end()
                    continue
                if token is _STOP:
                    break
                add((base + m.start(kind), token))
                i = m.end()
                if token is _KEYWORD_ID:  # inline image data follows: pdfminer reads it
                    break
        self.charpos = i


_OPERANDS = frozenset((int, float, bool, str, bytes, PSLiteral, list))  # exactly these classes (no subclass)
# The keywords pdfminer's parser does more with than push: arrays, dictionaries, procedures, inline images.
_SPECIAL = frozenset((KEYWORD_ARRAY_BEGIN, KEYWORD_ARRAY_END, KEYWORD_DICT_BEGIN, KEYWORD_DICT_END,
                      KEYWORD_PROC_BEGIN, KEYWORD_PROC_END, PDFContentParser.KEYWORD_BI,
                      PDFContentParser.KEYWORD_ID))
_KEYWORDS: dict = {}  # keyword bytes -> the token _plain gives (pdfminer's interned keyword, True or False)
_NONE, _STOP = object(), object()  # no token (pdfminer reads none there); leave the rest to pdfminer


def _plain(kind: int, text: bytes):
    """The token pdfminer reads for a match of ``_TOKEN`` group ``kind``; ``_NONE`` or ``_STOP``."""
    if kind == 1:
        try:
            return float(text) if b"." in text else int(text)
        except ValueError:  # '-', '.', '+.': pdfminer reads no token there
            return _NONE
    if kind == 2:
        try:  # the common case: an even number of hex digits, no whitespace
            return unhexlify(text[1:-1])
        except binascii.Error:
            pass
        text = _SPACE.sub(b"", text[1:-1])
        return bytes.fromhex(text.decode("ascii")) if not len(text) % 2 else \
            _HEX_PAIR.sub(lambda h: bytes((int(h.group(0), 16),)), text)
    if kind == 3:
        return True if text == _TRUE else False if text == _FALSE else KWD(text)
    if kind == 4:
        try:
            return LIT(str(text[1:], "utf-8"))
        except UnicodeDecodeError:
            return LIT(text[1:])
    if kind == 5:
        token = text[1:-1]
        if b"\\" in token:
            if any(int(o, 8) > 255 for o in _OCTAL3.findall(token)):
                return _STOP  # pdfminer fails on it: let it
            token = _ESCAPE.sub(_unescape, token)
        return token
    if kind == 6:
        return KEYWORD_DICT_BEGIN if text == b"<<" else KEYWORD_DICT_END
    return KWD(text)


# An array of numbers, hex strings and literal strings with simple escapes, each read as ``_TOKEN`` reads it
# (groups 1, 2 and 5, the same patterns); in the whole array each item is atomic and the repetition
# possessive: no backtracking (and no capturing group in there: Python 3.11's re rejects the spans).
_ITEM = (rb"\s*(?:({g}[-+0-9][0-9]*(?:\.[0-9]*)?|\.[0-9]*)|({g}<[0-9a-fA-F\s]*>)(?!>)"
         rb"|({g}\((?:[^()\\]|\\[btnfr()\\]|\\[0-7]{{1,3}})*\)))")
_ITEMS = re.compile(_ITEM.replace(b"{g}", b"").replace(b"{{", b"{").replace(b"}}", b"}"))
_ARRAY = re.compile(rb"\[((?>" + _ITEM.replace(b"{g}", b"?:").replace(b"{{", b"{").replace(b"}}", b"}")
                    + rb")*+)\s*\]")


def _flat_array(buf: bytes, i: int, end: int):
    """The array of numbers and strings only (a ``TJ`` operand) whose ``[`` is at ``i``, when it ends in the
    buffer: (the list pdfminer's ``end_type("a")`` makes of it, the position after its ``]``); else None
    (anything else inside, or the buffer's end reached: read token by token)."""
    m = _ARRAY.match(buf, i)
    if m is None or m.end() >= end:
        return None
    items = []
    add = items.append
    for number, hexa, string in _ITEMS.findall(m.group(1)):
        if hexa:
            try:
                add(unhexlify(hexa[1:-1]))
            except binascii.Error:  # whitespace or an odd digit: as pdfminer reads it
                add(_plain(2, hexa))
        elif number:
            try:
                add(float(number) if b"." in number else int(number))
            except ValueError:  # '-', '.', '+.': pdfminer reads no token there
                pass
        else:
            token = string[1:-1]
            if b"\\" in token:
                token = _plain(5, string)
                if token is _STOP:
                    return None
            add(token)
    return items, m.end()


class FastInterpreter(PDFPageInterpreter):
    """pdfminer's page interpreter (its ``execute``: circular streams refused, operators dispatched as
    pdfminer does) reading content with :class:`FastContentParser`."""

    def execute(self, streams) -> None:
        valid_streams = []
        self.stream_ids.clear()
        for obj in streams:
            stream = stream_value(obj)
            if stream.objid is None:
                continue
            if stream.objid not in self.parent_stream_ids:
                valid_streams.append(stream)
                self.stream_ids.add(stream.objid)
        try:
            parser = FastContentParser(valid_streams)
        except PSEOF:
            return
        methods: dict = {}
        while True:
            try:
                (_, obj) = parser.nextobject()
            except PSEOF:
                break
            if isinstance(obj, PSKeyword):
                name = keyword_name(obj)
                found = methods.get(name)
                if found is None:
                    method = "do_{}".format(name.replace("*", "_a").replace('"', "_w").replace("'", "_q"))
                    func = getattr(self, method, None) if hasattr(self, method) else None
                    found = methods[name] = (func, func.__code__.co_argcount - 1 if func else 0)
                func, nargs = found
                if func is not None:
                    if nargs:
                        args = self.pop(nargs)
                        if len(args) == nargs:
                            func(*args)
                    else:
                        func()
                elif settings.STRICT:
                    raise PDFInterpreterError(f"Unknown operator: {name!r}")
            else:
                self.push(obj)
