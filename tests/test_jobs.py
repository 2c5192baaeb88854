"""Job description files, hostile and broken: each is refused or accepted with a clear message."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from feedback import parse_job
from practice.core.jobs import JobFileError, check_job_text, job_warnings, read_job_text

DATA = Path(__file__).parent / "data"
GERMAN = (
    "Wir suchen einen Softwareentwickler (m/w/d) für unser Team in Berlin. Sie entwickeln Backend-Dienste "
    "mit Python und betreiben sie auf Kubernetes. Sie haben mindestens fünf Jahre Erfahrung und arbeiten "
    "gern im Team."
)
JAPANESE = "ソフトウェアエンジニアを募集しています。\n必須条件:\n・Pythonの経験3年以上\n・チームでの開発経験"
PROSE = (
    "We are looking for a nurse who loves people. You will care for patients on a busy ward and must hold a "
    "current license. Experience with electronic health records helps."
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty: paste the job posting"),
        (b" \n\t\n", "is empty: paste the job posting"),
        (b"\x7fELF\x02\x01\x01\x00\x00\x00binary", r"not a text file \(it contains binary data\)"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(200), "is a Word document or another zip file, not plain"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "is a PDF, not plain text. Open it, copy the posting's text"),
        (b"Senior engineer. " * 300_000, "is over 200 KB; a job description is a few KB"),  # 5 MB
    ],
)
def test_unusable_files_say_why(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "job.txt"
    path.write_bytes(content)
    with pytest.raises(JobFileError, match=message) as caught:
        read_job_text(path)
    assert str(path) in str(caught.value)


def test_five_megabytes_are_refused_without_reading_them_all(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(5_000_000_000)  # 5 GB, sparse: reading it whole would take minutes and all memory
    started = time.perf_counter()
    with pytest.raises(JobFileError, match="is over 200 KB"):
        read_job_text(path)
    assert time.perf_counter() - started < 1


def test_folders_devices_and_missing_files(tmp_path: Path) -> None:
    with pytest.raises(JobFileError, match="is a folder"):
        read_job_text(tmp_path)
    with pytest.raises(JobFileError, match="not a regular file"):
        read_job_text("/dev/zero")
    with pytest.raises(JobFileError, match="no such file"):
        read_job_text(tmp_path / "missing.txt")


def test_windows_encodings_are_read(tmp_path: Path) -> None:
    text = "Café manager\nRequirements:\n- 3 years running a café\n"
    for name, raw in {
        "utf8-bom.txt": b"\xef\xbb\xbf" + text.encode("utf-8"),
        "utf16.txt": text.encode("utf-16"),  # Notepad's "Unicode": full of NUL bytes, still text
        "cp1252.txt": text.encode("cp1252"),
    }.items():
        path = tmp_path / name
        path.write_bytes(raw)
        assert read_job_text(path) == text, name


def test_a_posting_without_bullet_points_still_gives_requirements() -> None:
    assert check_job_text(PROSE) == PROSE
    parsed = parse_job(PROSE)
    assert any("license" in r.text for r in parsed.requirements)
    (note,) = job_warnings(PROSE)
    assert "No bullet points or section headings were found" in note
    assert job_warnings((DATA / "backend-job.txt").read_text()) == []


@pytest.mark.parametrize("text", [GERMAN, JAPANESE, "مطلوب مهندس برمجيات لديه خبرة في بايثون"])
def test_other_languages_are_accepted_with_a_warning(text: str) -> None:
    assert check_job_text(text) == text
    parse_job(text)  # no exception, whatever it finds
    assert any("does not look like English" in note for note in job_warnings(text))
