"""geomap.inputs: every input becomes Documents, and a bad one never stops the batch."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geomap import inputs
from geomap.inputs import read_inputs

# Invented sample articles (no real reporting).
HEADED = " date 2031-04-17 Harbour Gazette\n\nFerries stopped at Port Ellery after a storm.\n"
SOURCED = "Two bridges closed near Lake Varn on Tuesday.\n\nSource: Valley Wire\n"


def read(*sources, **kwargs) -> list:
    return list(read_inputs([str(s) for s in sources], **kwargs))


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


# -- plain text ----------------------------------------------------------------------------------

def test_header_line_sets_date_and_source_and_is_removed(tmp_path):
    [doc] = read(write(tmp_path / "storm.txt", HEADED))
    assert (doc.id, doc.status, doc.published) == ("storm", "ok", dt.date(2031, 4, 17))
    assert doc.source == "Harbour Gazette"
    assert doc.text == HEADED.partition("\n")[2]  # offsets count from the line after the header
    assert doc.path == str(tmp_path / "storm.txt")


@pytest.mark.parametrize("first", ["date 2031-04-17", "  DATE\t2031-04-17  ",
                                   "date 2031-04-17\r"])
def test_header_variants(tmp_path, first):
    [doc] = read(write(tmp_path / "a.txt", first + "\nBody.\n"))
    assert doc.published == dt.date(2031, 4, 17) and doc.text == "Body.\n" and doc.source is None


def test_header_with_impossible_date_stays_in_text_with_warning(tmp_path):
    text = "date 2031-02-30 Gazette\nBody.\n"
    [doc] = read(write(tmp_path / "a.txt", text))
    assert doc.published is None and doc.text == text
    assert "2031-02-30 is not a date" in doc.warnings[0]


@pytest.mark.parametrize("text", ["dated 2031-04-17\nx", "date 2031-4-17\nx", "x\ndate 2031-04-17",
                                  "date 2031-04-17x\ny", "date ２０３１-04-17\nx"])
def test_not_a_header(tmp_path, text):
    [doc] = read(write(tmp_path / "a.txt", text))
    assert doc.published is None and doc.text == text


def test_trailing_source_line_kept_in_text(tmp_path):
    [doc] = read(write(tmp_path / "bridges.txt", SOURCED + "\n  \n"))
    assert doc.source == "Valley Wire" and doc.text.startswith(SOURCED) and doc.published is None


def test_source_line_wins_over_header_rest(tmp_path):
    [doc] = read(write(tmp_path / "a.txt", "date 2031-04-17 Gazette\nText.\nSource: Wire"))
    assert doc.source == "Wire"


@pytest.mark.parametrize("name", ["a.text", "a.md", "a.TXT"])
def test_text_extensions(tmp_path, name):
    [doc] = read(write(tmp_path / name, SOURCED))
    assert doc.status == "ok" and doc.warnings == [] and doc.text == SOURCED


def test_utf8_bom_dropped_and_crlf_kept(tmp_path):
    [doc] = read(write(tmp_path / "a.txt", b"\xef\xbb\xbfdate 2031-04-17\r\nLine one.\r\n"))
    assert doc.published == dt.date(2031, 4, 17) and doc.text == "Line one.\r\n"


def test_utf16_with_bom(tmp_path):
    [doc] = read(write(tmp_path / "a.txt", "\ufeffSnow in Kestrel Bay.".encode("utf-16-le")))
    assert doc.status == "ok" and doc.text == "Snow in Kestrel Bay." and doc.warnings


def test_published_default_only_fills_missing_dates(tmp_path):
    day = dt.date(2030, 1, 1)
    docs = read(write(tmp_path / "a.txt", HEADED), write(tmp_path / "b.txt", SOURCED),
                tmp_path / "missing.txt", published=day)
    assert [d.published for d in docs] == [dt.date(2031, 4, 17), day, None]


# -- robustness ----------------------------------------------------------------------------------

def test_binary_file_is_an_error(tmp_path):
    [doc] = read(write(tmp_path / "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
    assert doc.status == "error" and doc.id == "photo"
    assert doc.error == f"{tmp_path / 'photo.txt'}: binary data (NUL bytes), not text"


def test_invalid_utf8_replaced_with_warning(tmp_path):
    [doc] = read(write(tmp_path / "a.txt", b"Caf\xe9 in Orlo. Ok \xff."))
    assert doc.status == "ok" and doc.text == "Caf\ufffd in Orlo. Ok \ufffd."
    assert doc.warnings == ["invalid UTF-8 at byte 3: replaced"]


def test_invalid_utf8_byte_offset_counts_the_bom(tmp_path):
    [doc] = read(write(tmp_path / "a.txt", b"\xef\xbb\xbfab\xc3"))
    assert doc.warnings == ["invalid UTF-8 at byte 5: replaced"] and doc.text == "ab\ufffd"


@pytest.mark.parametrize("data", [b"", b"   \n\t\r\n", " date 2031-04-17 Gazette\n\n".encode(),
                                  "\u3000\n".encode()])
def test_empty_and_whitespace_files(tmp_path, data):
    [doc] = read(write(tmp_path / "a.txt", data))
    assert doc.status == "empty" and doc.error is None


def test_unknown_extension_text_is_read_with_warning(tmp_path):
    [doc] = read(write(tmp_path / "note.log", SOURCED))
    assert doc.status == "ok" and doc.text == SOURCED
    assert doc.warnings == ["unknown file type '.log': read as plain text"]


@pytest.mark.parametrize("data", [b"PK\x03\x04\x00\x00", b"\xff\xd8\xff\xe0 not utf-8"])
def test_unknown_extension_binary_is_an_error(tmp_path, data):
    [doc] = read(write(tmp_path / "archive.bin", data))
    assert doc.error == f"{tmp_path / 'archive.bin'}: unsupported file type (binary)"


def test_nonexistent_path(tmp_path):
    [doc] = read(tmp_path / "gone.txt")
    assert doc.status == "error" and doc.id == "gone" and doc.path == str(tmp_path / "gone.txt")
    assert doc.error == f"{tmp_path / 'gone.txt'}: no such file or folder"


def test_broken_symlink(tmp_path):
    (tmp_path / "link.txt").symlink_to(tmp_path / "target.txt")
    [doc] = read(tmp_path / "link.txt")
    assert doc.error == f"{tmp_path / 'link.txt'}: broken symbolic link"


def test_broken_symlink_inside_folder(tmp_path):
    write(tmp_path / "in" / "a.txt", SOURCED)
    (tmp_path / "in" / "b.txt").symlink_to(tmp_path / "nowhere.txt")
    docs = read(tmp_path / "in")
    assert [(d.id, d.status) for d in docs] == [("a", "ok"), ("b", "error")]
    assert docs[1].error.endswith(": broken symbolic link")


def test_chmod_000(tmp_path):
    path = write(tmp_path / "locked.txt", SOURCED)
    path.chmod(0)
    try:
        [doc] = read(path)
    finally:
        path.chmod(0o644)
    if os.geteuid() == 0:  # root reads through file modes; the simulated test below covers it
        assert doc.status == "ok"
    else:
        assert doc.error == f"{path}: permission denied"


def test_permission_denied_simulated(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", SOURCED)
    ok = write(tmp_path / "ok.txt", SOURCED)

    def deny(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied", str(name))
        return open(name, *args, **kwargs)

    monkeypatch.setattr(inputs, "open", deny, raising=False)
    docs = read(path, ok, tmp_path / "locked.jsonl")
    assert docs[0].error == f"{path}: permission denied" and docs[1].status == "ok"


def test_read_error_mid_jsonl_reports_the_rest_lost(tmp_path, monkeypatch):
    path = write(tmp_path / "d.jsonl", '{"text": "a"}\n{"text": "b"}\n')

    class Failing(io.BytesIO):
        def __iter__(self):
            yield b'{"text": "a"}\n'
            raise OSError(5, "Input/output error")

    monkeypatch.setattr(inputs, "open", lambda *a, **k: Failing(), raising=False)
    docs = read(path)
    assert [d.status for d in docs] == ["ok", "error"]
    assert docs[1].error == (f"{path}:2: cannot read: Input/output error; "
                             "the rest of the file was not read")


def test_glob_matching_nothing(tmp_path):
    pattern = str(tmp_path / "*.txt")
    [doc] = read(pattern)
    assert doc.status == "error" and doc.id == pattern
    assert doc.error == f"{pattern}: pattern matched no files"


def test_empty_folder_is_reported(tmp_path):
    (tmp_path / "none").mkdir()
    [doc] = read(tmp_path / "none")
    assert doc.error == f"{tmp_path / 'none'}: no files in folder"


def test_unlistable_folders_are_reported(tmp_path, monkeypatch):
    write(tmp_path / "in" / "a.txt", SOURCED)
    real_walk = os.walk

    def walk(top, onerror=None, **kwargs):  # root reads through modes: simulate EACCES
        if Path(top) == tmp_path / "locked":
            onerror(PermissionError(13, "Permission denied", str(top)))
            return
        for here, dirs, files in real_walk(top, onerror=onerror, **kwargs):
            onerror(PermissionError(13, "Permission denied", str(Path(here, "secret"))))
            yield here, dirs, files

    monkeypatch.setattr(os, "walk", walk)
    (tmp_path / "locked").mkdir()
    docs = read(tmp_path / "in", tmp_path / "locked")
    assert [(d.id, d.status) for d in docs] == [("a", "ok"), ("secret", "error"),
                                                (str(tmp_path / "locked"), "error")]
    assert docs[2].error == f"{tmp_path / 'locked'}: permission denied"


def test_empty_path_does_not_read_the_working_folder():
    [doc] = read("")
    assert doc.status == "error" and doc.error == "'': empty path"


def test_fifo_in_folder_does_not_block(tmp_path):
    write(tmp_path / "in" / "a.txt", SOURCED)
    os.mkfifo(tmp_path / "in" / "pipe.txt")
    docs = read(tmp_path / "in")
    assert docs[1].error == f"{tmp_path / 'in' / 'pipe.txt'}: not a regular file"


def test_too_large_file_is_an_error(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_DOCUMENT_BYTES", 2**20)
    [doc] = read(write(tmp_path / "big.txt", b"a" * (2**20 + 1)))
    assert doc.status == "error" and "too large" in doc.error


def test_bad_inputs_never_stop_the_batch(tmp_path):
    good = write(tmp_path / "good.txt", SOURCED)
    bad = write(tmp_path / "bad.txt", b"\x00\x01")
    docs = read(tmp_path / "nope.txt", bad, tmp_path / "*.none", good)
    assert [d.status for d in docs] == ["error", "error", "error", "ok"]


def test_ten_megabyte_document(tmp_path):
    paragraph = "Convoys moved from Port Ellery to Varn at dawn, officials said. " * 16 + "\n\n"
    body = paragraph * (10 * 2**20 // len(paragraph) + 1)
    path = write(tmp_path / "long.txt", "date 2031-04-17 Gazette\n" + body)
    [doc] = read(path)  # speed and memory: bench/inputs_bench.py
    assert doc.status == "ok" and len(doc.text) == len(body) and doc.published


# -- folders, globs, ids, stdin ------------------------------------------------------------------

def test_folder_is_recursive_sorted_and_skips_hidden(tmp_path):
    for name in ["b.txt", "a.txt", "sub/c.txt", "sub/deeper/0.txt", ".hidden.txt", ".git/x.txt"]:
        write(tmp_path / "in" / name, f"Article {name}.")
    docs = read(tmp_path / "in")
    assert [d.id for d in docs] == ["a", "b", "c", "0"]
    assert [d.path for d in docs][2] == str(tmp_path / "in" / "sub" / "c.txt")


def test_colliding_stems_use_relative_paths(tmp_path):
    for name in ["east/report.txt", "west/report.txt", "west/brief.txt", "west/brief.md"]:
        write(tmp_path / "in" / name, f"Article {name}.")
    assert [d.id for d in read(tmp_path / "in")] == [
        "east/report", "west/brief.md", "west/brief.txt", "west/report"]


def test_same_file_twice_gets_a_suffixed_id(tmp_path):
    path = write(tmp_path / "a.txt", SOURCED)
    docs = read(path, path)
    assert [d.id for d in docs] == ["a", "a#2"] and "duplicate id" in docs[1].warnings[0]


def test_glob_pattern_and_its_root(tmp_path):
    for name in ["x/a.txt", "y/a.txt", "y/b.html", "z/c.md"]:
        write(tmp_path / name, "<p>Text.</p>" if name.endswith("html") else "Text.")
    docs = read(tmp_path / "*" / "*.txt")
    assert [d.id for d in docs] == ["x/a", "y/a"]
    assert [d.id for d in read(str(tmp_path) + "/**")] == ["x/a", "y/a", "b", "c"]


def test_symlink_loop_in_folder_terminates(tmp_path):
    write(tmp_path / "in" / "a.txt", SOURCED)
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in")
    assert [d.id for d in read(tmp_path / "in")] == ["a"]


def test_stdin_plain_text_and_twice():
    stream = io.StringIO(HEADED)
    docs = read("-", "-", stdin=stream)
    assert [(d.id, d.status, d.path) for d in docs] == [("stdin", "ok", "-"),
                                                        ("stdin#2", "empty", "-")]
    assert docs[0].published == dt.date(2031, 4, 17)


def test_stdin_bytes_with_bad_utf8():
    stream = io.TextIOWrapper(io.BytesIO(b"Rain in Orl\xf3.\n"), encoding="utf-8")
    [doc] = read("-", stdin=stream)
    assert doc.text == "Rain in Orl\ufffd.\n"
    assert doc.warnings == ["invalid UTF-8 at byte 11: replaced"]


def test_path_objects_accepted(tmp_path):
    path = write(tmp_path / "a.txt", SOURCED)
    assert [d.id for d in read_inputs([path])] == ["a"]


# -- JSON lines ----------------------------------------------------------------------------------

def jsonl(tmp_path: Path, *lines: object, name: str = "batch.jsonl") -> Path:
    rows = [line if isinstance(line, str) else json.dumps(line) for line in lines]
    return write(tmp_path / name, "\n".join(rows) + "\n")


def test_jsonl_fields(tmp_path):
    text = "Shelling hit Varn and Orlo overnight."
    path = jsonl(tmp_path, {"id": "n1", "text": text, "published": "2031-04-17", "source": "Wire",
                            "url": "https://example.org/n1", "title": "Night",
                            "mentions": [{"start": 13, "end": 17, "text": "Varn"},
                                         {"start": 22, "end": 26}]},
                 {"text": "No metadata."}, {"id": 42, "text": "x", "mentions": []}, name="n.ndjson")
    a, b, c = read(path)
    assert (a.id, a.published, a.source, a.url, a.title) == (
        "n1", dt.date(2031, 4, 17), "Wire", "https://example.org/n1", "Night")
    assert a.text == text and a.only_spans == [(13, 17), (22, 26)]
    assert (b.id, b.only_spans, b.published, b.path) == ("n:2", None, None, str(path))
    assert (c.id, c.only_spans) == ("42", [])


@pytest.mark.parametrize("value, day", [("2031-04-17T23:30:00+05:00", dt.date(2031, 4, 17)),
                                        ("2031-04-17T01:00:00Z", dt.date(2031, 4, 17)),
                                        ("2031-04-17 08:15", dt.date(2031, 4, 17)), (None, None),
                                        # as feeds and pages write dates
                                        ("Thu, 17 Apr 2031 23:30:00 +0500", dt.date(2031, 4, 17)),
                                        ("April 17, 2031", dt.date(2031, 4, 17)),
                                        ("Thursday, 17 April 2031", dt.date(2031, 4, 17))])
def test_jsonl_datetimes_keep_the_stated_date(tmp_path, value, day):
    [doc] = read(jsonl(tmp_path, {"text": "x", "published": value}))
    assert doc.published == day


INTEGERS = "mention 0: 'start' and 'end' must be integers"
BAD_LINES = [
    ('{"text": "x"', "bad JSON: Expecting ',' delimiter at column 13"),
    ('"just a string"', "expected a JSON object, got str"),
    ('{"id": "a"}', "missing 'text'"),
    ('{"text": 5}', "'text' must be a string"),
    ('{"text": "x", "published": "17/04/2031"}', "bad 'published' '17/04/2031'"),
    ('{"text": "x", "published": 2031}', "bad 'published' 2031"),
    ('{"text": "abc", "mentions": [{"start": 2, "end": 4}]}', "mention 0: span 2-4 not within"),
    ('{"text": "abc", "mentions": [{"start": 1, "end": 1}]}', "mention 0: span 1-1"),
    ('{"text": "abc", "mentions": [{"start": -1, "end": 1}]}', "mention 0: span -1-1"),
    ('{"text": "abc", "mentions": [{"start": "0", "end": 1}]}', INTEGERS),
    ('{"text": "abc", "mentions": [{"start": true, "end": 2}]}', INTEGERS),
    ('{"text": "abc", "mentions": [[0, 1]]}', "mention 0: expected an object"),
    ('{"text": "abc", "mentions": {"start": 0}}', "'mentions' must be a list"),
    ('{"text": "añb", "mentions": [{"start": 1, "end": 3, "text": "ñ"}]}',
     "mention 0: text 'ñ'"),
]


def test_jsonl_malformed_lines_reported_with_file_and_line(tmp_path):
    good = {"id": "g", "text": "Rain in Varn."}
    path = jsonl(tmp_path, good, *[line for line, _ in BAD_LINES], "", "   ", good | {"id": "h"})
    docs = read(path)
    assert [d.id for d in docs] == ["g", *[f"batch:{n}" for n in range(2, 16)], "h"]
    for doc, (_, message), number in zip(docs[1:], BAD_LINES, range(2, 16)):
        assert doc.status == "error", doc
        assert doc.error.startswith(f"{path}:{number}: {message}"), doc.error


def test_jsonl_wrong_metadata_types_warn_and_keep_the_article(tmp_path):
    [doc] = read(jsonl(tmp_path, {"id": [1], "text": "x", "source": 3, "title": None}))
    assert doc.status == "ok" and doc.id == "batch:1" and doc.source is None
    assert len(doc.warnings) == 2


def test_jsonl_empty_text_and_empty_file(tmp_path):
    [doc] = read(jsonl(tmp_path, {"text": "  "}))
    assert doc.status == "empty"
    [doc] = read(write(tmp_path / "none.jsonl", "\n\n"))
    assert (doc.id, doc.status) == ("none", "empty")


def test_jsonl_duplicate_ids_renamed(tmp_path):
    docs = read(jsonl(tmp_path, {"id": "a", "text": "x"}, {"id": "a", "text": "y"}))
    assert [d.id for d in docs] == ["a", "a#2"]


def test_jsonl_invalid_utf8_and_bom(tmp_path):
    path = write(tmp_path / "d.jsonl", b'\xef\xbb\xbf{"text": "a"}\n{"text": "b\xff"}\n')
    docs = read(path)
    assert [d.text for d in docs] == ["a", "b\ufffd"]
    assert docs[1].warnings == ["invalid UTF-8 at byte 28: replaced"]


def test_jsonl_binary_lines_are_errors_not_a_crash(tmp_path):
    docs = read(write(tmp_path / "d.jsonl", b"\x00\x01\x02\n\x89PNG\x00\n"))
    assert [d.status for d in docs] == ["error", "error"]


def test_hundred_thousand_jsonl_documents(tmp_path):
    path = tmp_path / "many.jsonl"
    with path.open("w") as fh:
        for n in range(100_000):
            fh.write(json.dumps({"id": f"d{n}", "text": f"Rain in Varn, day {n}.",
                                 "published": "2031-04-17"}) + "\n")
    docs = read_inputs([path])  # speed: bench/inputs_bench.py
    assert sum(1 for doc in docs if doc.status == "ok") == 100_000


# -- HTML ----------------------------------------------------------------------------------------

PAGE = """<!doctype html><html><head><meta charset="utf-8">
<title>Floods reach Orlo &mdash; Valley Post</title>
<meta property="og:title" content="Floods reach Orlo">
<meta property="article:published_time" content="2031-04-17T06:00:00+02:00">
<meta property="og:site_name" content="Valley Post">
<link rel="canonical" href="https://example.org/floods"><style>p {color: red}</style></head>
<body><header><a href="/">Valley Post</a></header><nav><ul><li>Home</li><li>World</li></ul></nav>
<main><article><h1>Floods reach Orlo</h1>
<p>The river rose   two metres
 in Orlo &amp; Varn.</p><p>Residents left<br>by boat.</p>
<svg><title>icon</title><path d="M0 0"/></svg><script>track("x < y")</script>
<form><input name="q"><button>Search</button></form><noscript>Enable JS</noscript>
<aside>Related: other news</aside><pre>  kept
  as is</pre></article></main><footer>Contact us</footer></body></html>
"""


def test_html_article_text_and_metadata(tmp_path):
    [doc] = read(write(tmp_path / "floods.html", PAGE))
    assert doc.text == ("Floods reach Orlo\n\nThe river rose two metres in Orlo & Varn.\n\n"
                        "Residents left\nby boat.\n\n  kept\n  as is")
    assert (doc.title, doc.published, doc.url, doc.source) == (
        "Floods reach Orlo \u2014 Valley Post", dt.date(2031, 4, 17),
        "https://example.org/floods", "Valley Post")
    assert doc.status == "ok" and doc.warnings == []


@pytest.mark.parametrize("head, title, day, url", [
    ('<meta property="og:title" content="OG"><meta property="og:url" content="https://e.org/o">'
     '<meta name="date" content="2031-05-01">', "OG", dt.date(2031, 5, 1), "https://e.org/o"),
    ('<title></title><meta name="DATE" content="junk">', None, dt.date(2031, 6, 2), None),
])
def test_html_metadata_fallbacks(tmp_path, head, title, day, url):
    page = f"<html><head>{head}</head><body><p><time datetime='2031-06-02T10:00'>Friday</time>" \
           f" storms.</p></body></html>"
    [doc] = read(write(tmp_path / "p.htm", page))
    assert (doc.title, doc.published, doc.url, doc.text) == (title, day, url, "Friday storms.")


def test_html_date_as_feeds_write_it(tmp_path):
    page = '<meta name="date" content="Thu, 17 Apr 2031 08:00:00 GMT"><p>x</p>'
    [doc] = read(write(tmp_path / "p.html", page))
    assert (doc.published, doc.warnings) == (dt.date(2031, 4, 17), [])


def test_html_unreadable_date_warns(tmp_path):
    [doc] = read(write(tmp_path / "p.html", '<meta name="date" content="soon"><p>x</p>'))
    assert doc.published is None and doc.warnings == ["unreadable date in <meta date>: 'soon'"]


def test_html_unclosed_boilerplate_warns(tmp_path):
    [doc] = read(write(tmp_path / "p.html", "<body><p>Kept.</p><nav>menu<p>Lost.</p></body>"))
    assert doc.text == "Kept." and "unclosed <nav>" in doc.warnings[0]


def test_html_without_head_or_body_tags_and_empty(tmp_path):
    [doc] = read(write(tmp_path / "p.html", "<head><title>T</title><p>Bare text."))
    assert (doc.title, doc.text) == ("T", "Bare text.")
    [doc] = read(write(tmp_path / "e.html", "<html><script>x()</script></html>"))
    assert doc.status == "empty"


def test_html_declared_charset(tmp_path):
    data = '<meta charset="iso-8859-1"><p>Caf\xe9 in Orlo</p>'.encode("latin-1")
    [doc] = read(write(tmp_path / "p.html", data))
    assert doc.text == "Café in Orlo" and doc.warnings == []


# -- the round-trip property ---------------------------------------------------------------------

ORACLE_HEADER = re.compile(r"[ \t]*date[ \t]+([0-9]{4}-[0-9]{2}-[0-9]{2})([ \t][^\n]*)?", re.I)


def expected_text(text: str) -> str:
    """The independent rule: drop a leading BOM, then a first line that is a valid date header."""
    text = text.removeprefix("\ufeff")
    first, _, rest = text.partition("\n")
    match = ORACLE_HEADER.fullmatch(first.removesuffix("\r"))
    if match:
        try:
            dt.date.fromisoformat(match[1])
            return rest
        except ValueError:
            pass
    return text


headed = st.builds(lambda d, rest, body: f"{' ' * (d.day % 2)}date {d.isoformat()}{rest}\n{body}",
                   st.dates(), st.sampled_from(["", " Gazette", "\tX\r"]), st.text())


# NUL is excluded: by rule a NUL byte makes a file binary (an error document), not text.
@given(st.one_of(st.text(st.characters(codec="utf-8", blacklist_characters="\x00")),
                 headed.filter(lambda s: "\x00" not in s)))
@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_any_text_round_trips(tmp_path, text):
    path = tmp_path / "prop.txt"
    path.write_bytes(text.encode("utf-8"))
    [doc] = read(path)
    assert doc.status in ("ok", "empty") and doc.error is None
    assert doc.text == expected_text(text)
    assert (doc.status == "empty") == (doc.text.strip() == "")
