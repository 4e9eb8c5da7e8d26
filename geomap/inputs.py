"""Reading input articles into ``Document``s, never losing one.

``read_inputs`` takes files, folders (read recursively, in sorted order), glob patterns and ``-``
(stdin) and yields one ``Document`` per article.  An input that cannot be read becomes a Document
with ``status="error"`` and ``error="<path>: <reason>"`` instead of an exception, so one bad file
never stops a batch and every input shows up in the run report.

Formats, by extension:

* ``.txt``, ``.text``, ``.md``: the whole file is one article.  A first line
  `` date YYYY-MM-DD <rest>`` (leading blanks allowed) sets ``published`` and, when ``<rest>`` is
  not empty, ``source``.  That header line is removed: ``Document.text`` is the file's text
  without the header line (and without a UTF-8 byte-order mark), and every offset the pipeline
  reports is an offset into that ``text``.  A trailing ``Source: X`` line sets ``source`` and stays
  in the text.  Line endings are kept as they are.
* ``.jsonl``, ``.ndjson``: one article per line (see ``_jsonl_document``); a bad line becomes an
  error Document naming ``<file>:<line>``, the other lines go through.
* ``.html``, ``.htm``: the article text, title, date and URL extracted with ``html.parser``.
* anything else: read as plain text (with a warning) if it is UTF-8 without NUL bytes, else an
  error Document.

Ids: a file's stem; when stems collide, the path relative to the folder (or glob root) that found
it, without, then with, its extension.  Ids still repeated (a file given twice, duplicate JSONL ids,
``-`` twice) get ``#2``, ``#3``... and a warning.  Hidden files and folders (``.name``) inside a
folder are skipped: they are editor and VCS litter, not articles.
"""

from __future__ import annotations

import codecs
import datetime as dt
import glob
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path, PurePath
from typing import BinaryIO, Literal, TextIO

from . import dates
from .models import Document

__all__ = ["MAX_DOCUMENT_BYTES", "read_inputs"]

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
# A single-document file is held in memory whole (bytes, then str): cap it far above any article
# so a stray multi-gigabyte file becomes an error Document instead of exhausting memory.
MAX_DOCUMENT_BYTES = 128 * 2**20

_MAGIC = re.compile(r"[*?[]")
_HEADER = re.compile(r"[ \t]*date[ \t]+([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[ \t]+(.*))?", re.I)
_SOURCE = re.compile(r"source:[ \t]*(\S.{0,199})", re.I)
_ISO_DATE_START = re.compile(r"\s*([0-9]{4}-[0-9]{2}-[0-9]{2})")


class InputError(Exception):
    """An input that cannot be read; the message is ``<path>: <reason>``."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{os.fspath(path)}: {reason}")


@dataclass(frozen=True)
class _Entry:
    """One thing to read: a file, stdin, or an input that already failed (message in ``error``)."""

    kind: Literal["file", "stdin", "error"]
    path: Path
    rel: PurePath | None = None  # relative to the folder or glob root that found it; None: given
    error: str | None = None

    @property
    def member(self) -> bool:
        """Found inside a folder or by a glob (not named by the user)."""
        return self.rel is not None


# -- the entry point -----------------------------------------------------------------------------

def read_inputs(sources: Iterable[str | os.PathLike[str]], *, published: dt.date | None = None,
                stdin: TextIO | None = None) -> Iterator[Document]:
    """Yield a Document for every article in ``sources``, in order; never raises for bad input.

    ``published`` is the default publication date of documents that do not state one; ``stdin``
    is the stream ``-`` reads (default ``sys.stdin``).
    """
    entries = [entry for source in sources for entry in _expand(source)]
    unique = _UniqueIds()
    for entry, doc_id in zip(entries, _entry_ids(entries)):
        for doc in _read_entry(entry, doc_id, stdin):
            if doc.published is None and doc.status != "error":
                doc.published = published
            unique.claim(doc)
            yield doc


class _UniqueIds:
    """Renames a repeated id to ``id#2``, ``id#3``... so ids stay keys across the batch."""

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def claim(self, doc: Document) -> None:
        """Give ``doc`` an id no earlier document has (renaming it, with a warning, if needed)."""
        if doc.id in self._seen:
            n, base = 2, doc.id
            while f"{base}#{n}" in self._seen:
                n += 1
            doc.id = f"{base}#{n}"
            doc.warnings.append(f"duplicate id {base!r}: renamed to {doc.id!r}")
        self._seen.add(doc.id)


# -- finding the inputs --------------------------------------------------------------------------

def _expand(source: str | os.PathLike[str]) -> list[_Entry]:
    """The entries one source names: stdin, a folder's files, a glob's matches, or one file."""
    text = os.fspath(source)
    if not text:  # Path("") is ".": reading the working folder by accident would be a surprise
        return [_Entry("error", Path(), error="'': empty path")]
    if text == "-":
        return [_Entry("stdin", Path("-"))]
    path = Path(text)
    if path.is_dir():
        return _walk(path, path) or [_Entry("error", path, error=f"{text}: no files in folder")]
    if os.path.lexists(path) or not _MAGIC.search(text):
        return [_Entry("file", path)]  # a missing path is reported when it is read
    return _glob(text)


def _walk(folder: Path, root: Path) -> list[_Entry]:
    """Every non-hidden file under ``folder``, sorted by path relative to ``root``.

    Symbolic links to folders are followed once (a link loop is cut, not walked forever); a
    subfolder that cannot be listed becomes an error entry.
    """
    entries: list[_Entry] = []
    visited: set[tuple[int, int]] = set()
    _first_visit(folder, visited)

    def failed(exc: OSError) -> None:
        where = Path(exc.filename or folder)
        rel = None if where == folder == root else _relative(where, root)  # None: id is the path
        entries.append(_Entry("error", where, rel, f"{where}: {_reason(exc)}"))

    for here, dirs, files in os.walk(folder, onerror=failed, followlinks=True):
        dirs[:] = [d for d in sorted(dirs) if not d.startswith(".") and _first_visit(
            Path(here, d), visited)]
        entries += [_Entry("file", Path(here, f), _relative(Path(here, f), root))
                    for f in files if not f.startswith(".")]
    return sorted(entries, key=lambda e: e.rel.parts if e.rel else ())


def _first_visit(folder: Path, visited: set[tuple[int, int]]) -> bool:
    """True the first time a folder (by device and inode) is seen: cuts symlink loops."""
    try:
        info = folder.stat()
    except OSError:
        return True  # let os.walk report it
    key = (info.st_dev, info.st_ino)
    if key in visited:
        return False
    visited.add(key)
    return True


def _glob(pattern: str) -> list[_Entry]:
    """The files a glob pattern matches (folders it matches are walked), in sorted order."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        return [_Entry("error", Path(pattern), error=f"{pattern}: pattern matched no files")]
    root = _glob_root(pattern)
    entries: dict[Path, _Entry] = {}  # a "**" pattern matches a folder and its files: keep one
    for match in map(Path, matches):
        found = _walk(match, root) if match.is_dir() else [
            _Entry("file", match, _relative(match, root))]
        entries.update((e.path, e) for e in found if e.path not in entries)
    return sorted(entries.values(), key=lambda e: e.rel.parts if e.rel else ())


def _glob_root(pattern: str) -> Path:
    """The folder part of a pattern before its first wildcard (``a/b/*.txt`` -> ``a/b``)."""
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if _MAGIC.search(part)), len(parts))
    return Path(*parts[:fixed]) if fixed else Path(".")


def _relative(path: Path, root: Path) -> PurePath:
    """``path`` relative to ``root``, or ``path`` itself when it is not under it."""
    try:
        return path.relative_to(root)
    except ValueError:
        return path


def _entry_ids(entries: list[_Entry]) -> list[str]:
    """Stems where unique, else relative paths without, then with, the extension.

    Only different paths sharing an id are told apart this way; the same file named twice keeps
    its id here and gets ``#2`` later, like any other repeated id.
    """
    ids = [_entry_id(e, 0) for e in entries]
    for level in (1, 2):
        paths: dict[str, set[Path]] = {}
        for entry, doc_id in zip(entries, ids):
            paths.setdefault(doc_id, set()).add(entry.path)
        ids = [_entry_id(e, level) if len(paths[i]) > 1 else i for e, i in zip(entries, ids)]
    return ids


def _entry_id(entry: _Entry, level: int) -> str:
    """The id at a disambiguation level: 0 stem, 1 relative path sans extension, 2 with it."""
    if entry.kind == "stdin":
        return "stdin"
    if entry.kind == "error" and entry.rel is None:
        return os.fspath(entry.path)  # a pattern or folder: its stem would mean nothing
    rel = entry.rel if entry.rel is not None else entry.path
    if level == 0 or not rel.name:
        return rel.stem or os.fspath(rel)
    return (rel.with_suffix("") if level == 1 else rel).as_posix()


# -- reading one entry ---------------------------------------------------------------------------

def _read_entry(entry: _Entry, doc_id: str, stdin: TextIO | None) -> Iterator[Document]:
    """The Documents of one entry; any unreadable input becomes one error Document."""
    if entry.kind == "error":
        yield _error(doc_id, entry.path, entry.error or "unreadable")
    elif entry.kind == "stdin":
        yield _guarded(lambda: _stdin_document(doc_id, stdin), doc_id, entry.path)
    elif entry.path.suffix.lower() in JSONL_SUFFIXES:
        yield from _read_jsonl(entry, doc_id)
    else:
        yield _guarded(lambda: _file_document(entry, doc_id), doc_id, entry.path)


def _guarded(read: Callable[[], Document], doc_id: str, path: Path) -> Document:
    """``read()``, or an error Document: nothing that goes wrong with one input stops a batch."""
    try:
        return read()
    except InputError as exc:
        return _error(doc_id, path, str(exc))
    except Exception as exc:  # noqa: BLE001 - a parser bug on one odd file is that file's error
        reason = f"cannot read: {type(exc).__name__}: {exc}"
        return _error(doc_id, path, str(InputError(path, reason)))


def _error(doc_id: str, path: Path | str, message: str) -> Document:
    """An error Document; ``message`` already starts with ``<path>:`` (or ``<file>:<line>:``)."""
    return Document(id=doc_id, path=os.fspath(path), status="error", error=message)


def _file_document(entry: _Entry, doc_id: str) -> Document:
    """A single-document file (text, HTML, or unknown extension), by its extension."""
    data = _read_bytes(entry.path, entry.member)
    suffix = entry.path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return _html_document(data, doc_id, entry.path)
    if suffix in TEXT_SUFFIXES:
        return _text_document(*_decode(data, entry.path), doc_id, entry.path)
    return _unknown_document(data, doc_id, entry.path)


def _unknown_document(data: bytes, doc_id: str, path: Path) -> Document:
    """Unknown extension: plain text only if it is clean UTF-8 (else it is almost surely binary)."""
    try:
        if b"\x00" in data:
            raise UnicodeError("NUL")
        text = data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeError:
        raise InputError(path, "unsupported file type (binary)") from None
    kind = f"'{path.suffix}'" if path.suffix else "without an extension"
    return _text_document(text, [f"unknown file type {kind}: read as plain text"], doc_id, path)


def _open(path: Path, member: bool) -> BinaryIO:
    """Open a file for reading bytes, or raise InputError with a short reason."""
    try:
        if member and not stat.S_ISREG(os.stat(path).st_mode):
            # Opening a FIFO found in a folder would block the batch; a named one is the user's.
            raise InputError(path, "not a regular file")
        return open(path, "rb")
    except OSError as exc:
        raise InputError(path, _reason(exc, path)) from exc


def _read_bytes(path: Path, member: bool) -> bytes:
    """A whole file's bytes (at most MAX_DOCUMENT_BYTES), or InputError with a short reason."""
    too_large = InputError(path, f"too large (over {MAX_DOCUMENT_BYTES // 2**20} MB)")
    with _open(path, member) as fh:
        try:
            info = os.fstat(fh.fileno())
            if info.st_size > MAX_DOCUMENT_BYTES:
                raise too_large
            # A regular file is read in one allocation of its size (read(n) would reserve n bytes
            # up front); a pipe or device has no size, so it is read in bounded chunks.
            data = fh.read() if stat.S_ISREG(info.st_mode) else _read_chunks(fh, too_large)
        except OSError as exc:
            raise InputError(path, _reason(exc, path)) from exc
    if len(data) > MAX_DOCUMENT_BYTES:  # the file grew while being read
        raise too_large
    return data


def _read_chunks(fh: BinaryIO, too_large: InputError) -> bytes:
    """Read a sizeless stream 1 MB at a time, stopping as soon as it passes the cap."""
    chunks, total = [], 0
    while chunk := fh.read(2**20):
        total += len(chunk)
        if total > MAX_DOCUMENT_BYTES:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def _reason(exc: OSError, path: Path | None = None) -> str:
    """A short, stable reason for an OS error (no errno noise)."""
    if isinstance(exc, FileNotFoundError):
        broken = path is not None and os.path.islink(path)
        return "broken symbolic link" if broken else "no such file or folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    return f"cannot read: {exc.strerror or exc}"


def _decode(data: bytes, path: Path | str) -> tuple[str, list[str]]:
    """Text from bytes: UTF-8 (BOM dropped), bad bytes replaced with a warning; NUL means binary."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        text = data.decode("utf-16", "replace")  # Windows "Unicode" text; NULs are its high bytes
        if "\x00" not in text:
            return text, ["read as UTF-16 (byte-order mark)"]
    if b"\x00" in data:
        raise InputError(path, "binary data (NUL bytes), not text")
    skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skip:].decode("utf-8"), []
    except UnicodeDecodeError as exc:
        where = exc.start + skip  # a byte offset into the file, as a hex editor shows it
        return data[skip:].decode("utf-8", "replace"), [f"invalid UTF-8 at byte {where}: replaced"]


# -- plain text ----------------------------------------------------------------------------------

def _text_document(text: str, warnings: list[str], doc_id: str, path: Path) -> Document:
    """One article from text: an optional date header line, a trailing ``Source:`` line."""
    published, header_source, body, header_warnings = _split_header(text)
    return Document(id=doc_id, path=os.fspath(path), published=published,
                    source=_trailing_source(body) or header_source, text=body,
                    status=_status(body), warnings=warnings + header_warnings)


def _split_header(text: str) -> tuple[dt.date | None, str | None, str, list[str]]:
    """(date, rest of the header, text without the header line, warnings)."""
    first, _, rest = text.partition("\n")
    match = _HEADER.fullmatch(first.removesuffix("\r"))
    if not match:
        return None, None, text, []
    try:
        day = dt.date.fromisoformat(match[1])
    except ValueError:
        return None, None, text, [f"first line looks like a date header but {match[1]} is not a "
                                  "date: kept as text"]
    return day, (match[2] or "").strip() or None, rest, []


def _trailing_source(text: str) -> str | None:
    """X from a last non-blank line ``Source: X`` (only the tail is read: texts can be huge)."""
    last = text[-4096:].rstrip().rpartition("\n")[2].strip()
    match = _SOURCE.fullmatch(last)
    return match[1].strip() if match else None


def _status(text: str) -> Literal["ok", "empty"]:
    """``empty`` for no text or only whitespace (``isspace`` avoids copying a huge text)."""
    return "ok" if text and not text.isspace() else "empty"


def _stdin_document(doc_id: str, stdin: TextIO | None) -> Document:
    """``-``: stdin as one plain-text article (raw bytes when available, to survive bad UTF-8)."""
    stream = stdin if stdin is not None else sys.stdin
    if stream is None:
        raise InputError("-", "no standard input")
    try:
        buffer = getattr(stream, "buffer", None)
        data = buffer.read() if buffer is not None else stream.read()
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise InputError("-", f"cannot read standard input: {exc}") from exc
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")  # a lone surrogate becomes a replaced byte
    return _text_document(*_decode(data, "-"), doc_id, Path("-"))


# -- JSON lines ----------------------------------------------------------------------------------

class _LineError(Exception):
    """What is wrong with one JSONL line."""


def _read_jsonl(entry: _Entry, file_id: str) -> Iterator[Document]:
    """One Document per non-blank line, streamed (a big file is never held whole)."""
    try:
        fh = _open(entry.path, entry.member)
    except InputError as exc:
        yield _error(file_id, entry.path, str(exc))
        return
    with fh:
        yield from _jsonl_lines(fh, entry.path, file_id)


def _jsonl_lines(fh: Iterable[bytes], path: Path, file_id: str) -> Iterator[Document]:
    """Documents from an open JSONL file; a file without any line is one ``empty`` Document."""
    offset, number, seen = 0, 0, False
    try:
        for number, raw in enumerate(fh, start=1):
            start, offset = offset, offset + len(raw)
            if number == 1 and raw.startswith(codecs.BOM_UTF8):
                raw, start = raw[len(codecs.BOM_UTF8):], start + len(codecs.BOM_UTF8)
            if raw.strip():
                seen = True
                yield _jsonl_document(raw, number, start, path, file_id)
    except OSError as exc:  # a read error mid-file: the lines after it are lost, so say so
        yield _error(f"{file_id}:{number + 1}", path,
                     f"{path}:{number + 1}: {_reason(exc)}; the rest of the file was not read")
        return
    if not seen:
        yield Document(id=file_id, path=os.fspath(path), status="empty")


def _jsonl_document(raw: bytes, number: int, start: int, path: Path, file_id: str) -> Document:
    """A JSONL line as a Document, or an error Document ``<file>:<line>: <what is wrong>``."""
    default_id = f"{file_id}:{number}"
    try:
        return _parse_jsonl(raw, start, default_id, path)
    except _LineError as exc:
        return _error(default_id, path, f"{path}:{number}: {exc}")
    except Exception as exc:  # noqa: BLE001 - one odd line must not stop the file
        return _error(default_id, path, f"{path}:{number}: {type(exc).__name__}: {exc}")


def _parse_jsonl(raw: bytes, start: int, default_id: str, path: Path) -> Document:
    """Fields: ``text`` (required), ``id``, ``published``, ``source``, ``url``, ``title``,
    ``mentions`` ([{start, end}] -> ``only_spans``); other keys are ignored."""
    warnings: list[str] = []
    try:
        line = raw.rstrip(b"\r\n").decode("utf-8")  # so JSON errors count columns on this line
    except UnicodeDecodeError as exc:
        line = raw.rstrip(b"\r\n").decode("utf-8", "replace")
        warnings.append(f"invalid UTF-8 at byte {start + exc.start}: replaced")
    record = _json_object(line)
    text = record.get("text")
    if not isinstance(text, str):
        raise _LineError("missing 'text'" if text is None else "'text' must be a string")
    meta = {k: _optional_str(record, k, warnings) for k in ("source", "url", "title")}
    return Document(id=_jsonl_id(record.get("id"), default_id, warnings), path=os.fspath(path),
                    published=_jsonl_date(record.get("published")), text=text,
                    only_spans=_jsonl_spans(record.get("mentions"), text), status=_status(text),
                    warnings=warnings, **meta)


def _json_object(line: str) -> dict:
    """The line's JSON object, or _LineError saying what is wrong with it."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _LineError(f"bad JSON: {exc.msg} at column {exc.colno}") from None
    except RecursionError:
        raise _LineError("bad JSON: nested too deeply") from None
    if not isinstance(record, dict):
        raise _LineError(f"expected a JSON object, got {type(record).__name__}")
    return record


def _optional_str(record: dict, key: str, warnings: list[str]) -> str | None:
    """A metadata string; a wrong type loses only that field (with a warning), not the article."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    warnings.append(f"'{key}' is not a string: ignored")
    return None


def _jsonl_id(value: object, default: str, warnings: list[str]) -> str:
    """A string or integer ``id``; anything else falls back to ``<file>:<line>``."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, str) and value:
        return value
    if value is not None and value != "":
        warnings.append(f"'id' {value!r} is not a string or integer: using {default!r}")
    return default


def _jsonl_date(value: object) -> dt.date | None:
    """``published``: a date as dates.written_date reads it (ISO, RFC 2822, "Sep 28, 2020")."""
    if value is None:
        return None
    day = dates.written_date(value) if isinstance(value, str) else None
    if day is None:
        raise _LineError(f"bad 'published' {value!r}: expected a date such as 2020-09-28, "
                         f"'Mon, 28 Sep 2020 10:00:00 GMT' or 'September 28, 2020'")
    return day


def _jsonl_spans(value: object, text: str) -> list[tuple[int, int]] | None:
    """``mentions`` -> spans to resolve; absent or null means all, ``[]`` means none."""
    if value is None:
        return None
    if not isinstance(value, list):
        raise _LineError("'mentions' must be a list")
    return [_jsonl_span(i, mention, text) for i, mention in enumerate(value)]


def _jsonl_span(i: int, mention: object, text: str) -> tuple[int, int]:
    """One ``{"start", "end"[, "text"]}`` checked against the text (character offsets)."""
    if not isinstance(mention, dict):
        raise _LineError(f"mention {i}: expected an object with 'start' and 'end'")
    start, end = mention.get("start"), mention.get("end")
    if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, end)):
        raise _LineError(f"mention {i}: 'start' and 'end' must be integers")
    if not 0 <= start < end <= len(text):
        raise _LineError(f"mention {i}: span {start}-{end} not within the text (0-{len(text)})")
    # A stated surface form catches offsets counted in bytes or UTF-16 units instead of characters.
    said = mention.get("text")
    if isinstance(said, str) and said != text[start:end]:
        raise _LineError(f"mention {i}: text {said!r} != text[{start}:{end}] {text[start:end]!r}")
    return start, end


# -- HTML ----------------------------------------------------------------------------------------

_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)


def _html_document(data: bytes, doc_id: str, path: Path) -> Document:
    """An HTML page's article text (paragraphs separated by blank lines) and metadata."""
    text, warnings = _decode_html(data, path)
    parser = _ArticleParser()
    parser.feed(text)
    parser.close()  # flushes the last paragraph
    body = "\n\n".join(parser.paragraphs)
    published, date_warnings = parser.published()
    return Document(id=doc_id, path=os.fspath(path), title=parser.title(), url=parser.url(),
                    source=parser.meta.get("og:site_name") or None, published=published,
                    text=body, status=_status(body),
                    warnings=warnings + date_warnings + parser.warnings())


def _decode_html(data: bytes, path: Path) -> tuple[str, list[str]]:
    """UTF-8 unless the page declares another charset in a ``<meta>`` near its start."""
    match = _CHARSET.search(data[:4096])
    if not match:
        return _decode(data, path)
    try:
        codec = codecs.lookup(match[1].decode("ascii"))
    except LookupError:
        return _decode(data, path)
    if codec.name == "utf-8":
        return _decode(data, path)
    if b"\x00" in data and "16" not in codec.name and "32" not in codec.name:
        raise InputError(path, "binary data (NUL bytes), not text")
    return data.decode(codec.name, "replace"), []


class _ArticleParser(HTMLParser):
    """Collects visible article text by paragraph, and the page's metadata.

    Text inside boilerplate elements (navigation, header, footer, scripts...) is dropped; block
    elements end a paragraph; whitespace collapses as a browser would, except in ``<pre>``.
    """

    SKIP = frozenset({"script", "style", "nav", "header", "footer", "aside", "form", "noscript",
                      "svg", "template", "iframe", "button", "select"})
    BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
                       "dt", "dd", "tr", "table", "blockquote", "section", "article", "main",
                       "pre", "figure", "figcaption", "hr", "address", "body", "caption"})
    CELL = frozenset({"td", "th"})
    DATE_KEYS = ("article:published_time", "date", "dc.date", "dc.date.issued", "pubdate")
    _BR = "\x00"  # marks <br>; a real NUL never gets here (binary input is rejected first)

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities arrive unescaped
        self.paragraphs: list[str] = []
        self.meta: dict[str, str] = {}
        self._buffer: list[str] = []
        self._skipping: list[str] = []
        self._title: list[str] | None = None
        self._titles: list[str] = []
        self._pre = 0
        self._canonical: str | None = None
        self._time: str | None = None
        self._in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): (v or "").strip() for k, v in attrs}
        self._metadata(tag, values)
        if tag == "head":
            self._in_head = True
        elif tag == "body":
            self._in_head = False
            self._skipping.clear()  # an element left open in <head> must not eat the body
        if tag == "title" and not self._skipping:  # an <svg>'s <title> is not the page's
            self._title = []
        elif tag in self.SKIP:
            self._skipping.append(tag)
        elif tag == "br":
            self._buffer.append(self._BR)
        elif tag in self.CELL:
            self._buffer.append(" ")
        elif tag in self.BLOCK:
            self._in_head = False  # body content ends an unclosed <head>, as in a browser
            self._flush()
        self._pre += tag == "pre"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._title is not None:
            self._titles.append(" ".join("".join(self._title).split()))
            self._title = None
        elif tag == "head":
            self._in_head = False
        elif tag in self.SKIP and tag in self._skipping:
            # Close up to the matching open element: tolerates unclosed ones nested inside it.
            del self._skipping[len(self._skipping) - 1 - self._skipping[::-1].index(tag):]
        elif tag in self.BLOCK:
            self._flush()
        self._pre -= tag == "pre" and self._pre > 0

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
        elif not self._skipping and not self._in_head:
            self._buffer.append(data)

    def close(self) -> None:
        super().close()
        self._flush()

    def _flush(self) -> None:
        """End the current paragraph."""
        raw = "".join(self._buffer)
        self._buffer.clear()
        if self._pre:
            lines = raw.replace(self._BR, "\n").strip("\n").splitlines()
        else:
            lines = [" ".join(part.split()) for part in raw.split(self._BR)]
        paragraph = "\n".join(line for line in lines if line.strip())
        if paragraph:
            self.paragraphs.append(paragraph)

    def _metadata(self, tag: str, values: dict[str, str]) -> None:
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and values.get("content") and key not in self.meta:
                self.meta[key] = values["content"]
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self._canonical = self._canonical or values.get("href") or None
        elif tag == "time" and values.get("datetime") and self._time is None:
            self._time = values["datetime"]

    def title(self) -> str | None:
        return next((t for t in self._titles if t), None) or self.meta.get("og:title") or None

    def url(self) -> str | None:
        return self._canonical or self.meta.get("og:url") or None

    def published(self) -> tuple[dt.date | None, list[str]]:
        """The first readable date among the meta tags, then ``<time datetime>``."""
        warnings = []
        stated = [(f"<meta {k}>", self.meta[k]) for k in self.DATE_KEYS if k in self.meta]
        for where, value in stated + ([("<time datetime>", self._time)] if self._time else []):
            match = _ISO_DATE_START.match(value)
            try:
                if match:
                    return dt.date.fromisoformat(match[1]), warnings
            except ValueError:
                pass
            day = dates.written_date(value)  # "Mon, 28 Sep 2020 10:00:00 GMT"
            if day is not None:
                return day, warnings
            warnings.append(f"unreadable date in {where}: {value!r}")
        return None, warnings

    def warnings(self) -> list[str]:
        if not self._skipping:
            return []
        return [f"unclosed <{self._skipping[0]}>: the text after it was dropped"]
