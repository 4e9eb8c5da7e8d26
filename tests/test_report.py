"""geomap.report and geomap.atomic: the run report, and writes no reader sees half done."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat

import pytest

from geomap import atomic
from geomap.atomic import write_json_atomic, write_text_atomic
from geomap.models import Document, Event, Evidence, Mention
from geomap.report import RunReport, build_report, write_report

T0 = dt.datetime(2031, 4, 17, 9, 0, tzinfo=dt.timezone.utc)


def documents() -> list[Document]:
    varn = Mention(text="Varn", start=0, end=4)
    return [Document(id="a", path="in/a.txt", mentions=[varn, varn], text="Varn, Varn."),
            Document(id="b", path="in/b.txt", status="empty", warnings=["w"]),
            Document(id="c", path="in/c.bin", status="error", error="in/c.bin: binary")]


def events() -> list[Event]:
    evidence = Evidence(document_id="a", sentence="Varn.", start=0, end=5)
    return [Event(id="e1", type="Battles", subtype="Armed clash", sources=["a"]),
            Event(id="e2", type="Battles", subtype="Armed clash", sources=["a", "b"],
                  evidence=[evidence])]


def test_counts_statuses_and_events():
    finished = T0 + dt.timedelta(seconds=2.5)
    report = build_report(documents(), events(), started=T0, finished=finished)
    assert (report.read, report.ok, report.empty, report.failed) == (3, 1, 1, 1)
    assert report.seconds == 2.5
    rows = {s.id: s for s in report.documents}
    assert (rows["a"].mentions, rows["a"].events) == (2, 2)  # e2 names "a" twice: counted once
    assert (rows["b"].events, rows["b"].warnings, rows["c"].events) == (1, ["w"], 0)
    assert rows["c"].error == "in/c.bin: binary" and rows["c"].path == "in/c.bin"


def test_defaults_without_events_or_times():
    report = build_report([])
    assert (report.read, report.seconds, report.documents) == (0, 0.0, [])
    assert report.finished.tzinfo is not None and report.started == report.finished


def test_accepts_a_generator_and_round_trips_as_json():
    report = build_report((d for d in documents()), started=T0, finished=T0)
    again = RunReport.model_validate_json(report.model_dump_json())
    assert again == report and "text" not in report.model_dump_json()


def test_write_report(tmp_path):
    path = tmp_path / "report.json"
    write_report(path, build_report(documents(), started=T0, finished=T0))
    data = json.loads(path.read_text())
    assert data["failed"] == 1 and data["documents"][2]["status"] == "error"
    assert path.read_text().endswith("}\n")


def test_atomic_write_creates_and_replaces(tmp_path):
    path = tmp_path / "out.json"
    write_json_atomic(path, '{"a": 1}')
    write_json_atomic(path, '{"a": 2}\n')
    assert path.read_text() == '{"a": 2}\n'
    assert os.listdir(tmp_path) == ["out.json"]  # no temporary file left behind


def test_atomic_write_keeps_the_old_file_on_failure(tmp_path, monkeypatch):
    path = tmp_path / "out.json"
    write_text_atomic(path, "old")

    def fail(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", fail)
    with pytest.raises(OSError):
        write_text_atomic(path, "new")
    assert path.read_text() == "old" and os.listdir(tmp_path) == ["out.json"]


def test_atomic_write_permissions(tmp_path):
    path = tmp_path / "out.json"
    write_text_atomic(path, "x")
    umask = os.umask(0o022)
    os.umask(umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask  # not mkstemp's 0600
    path.chmod(0o640)
    write_text_atomic(path, "y")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_atomic_write_needs_the_folder(tmp_path):
    with pytest.raises(FileNotFoundError):
        write_text_atomic(tmp_path / "missing" / "out.json", "x")
