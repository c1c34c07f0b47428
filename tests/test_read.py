"""Readers: each format, ids, discovery order, metadata from JSONL records."""

from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

import pytest

from storydesk.errors import InputError
from storydesk.model import Skipped
from storydesk.steps.read import read_paths

BODY = "The ferry resumed service on Tuesday after the storm damaged its landing stage."
HTML = f"<!DOCTYPE html><html><body><article><p>{BODY}</p></article></body></html>"


def read(*paths: Path | str) -> tuple[list, list[Skipped]]:
    skipped: list[Skipped] = []
    return list(read_paths(list(paths), skipped)), skipped


@pytest.mark.parametrize(
    ("name", "content", "expected_format"),
    [
        ("note.txt", BODY, "text"),
        ("page.html", HTML, "html"),
        ("page.htm", HTML, "html"),
        ("saved.txt", HTML, "html"),  # sniffed by content
        ("noextension", HTML, "html"),
        ("notes.data", BODY, "text"),
    ],
)
def test_read_single_file_formats(tmp_path: Path, name: str, content: str, expected_format: str):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    articles, skipped = read(path)
    assert skipped == []
    assert len(articles) == 1
    article = articles[0]
    assert article.raw == content
    assert article.raw_format == expected_format
    assert article.source == str(path)


def test_read_file_id_is_the_stem(samples_dir: Path):
    articles, skipped = read(samples_dir)
    assert skipped == []
    assert [a.id for a in articles] == [
        "000_3d464986793c0652",
        "001_984ae6cfd211bded",
        "002_05a474fa00d23fc9",
        "003_55104b8a635bbc9b",
        "004_63aaf968c558762d",
    ]


def test_read_jsonl_records_keep_metadata(tmp_path: Path):
    records = [
        {"id": "r1", "text": BODY, "url": "https://example.org/a", "title": "Ferry back",
         "published": "2024-03-05T09:30:00Z", "outlet": "Gazette"},
        {"html": HTML, "published": "March 6, 2024"},
        {"id": 7, "text": "Second report."},
    ]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n\n", encoding="utf-8")
    articles, skipped = read(path)
    assert skipped == []
    first, second, third = articles
    assert (first.id, first.source, first.title, first.outlet) == (
        "r1", "https://example.org/a", "Ferry back", "Gazette")
    assert first.published == dt.date(2024, 3, 5)
    assert first.raw_format == "text" and first.raw == BODY
    assert second.raw_format == "html" and second.published == dt.date(2024, 3, 6)
    assert len(second.id) == 16  # content hash: no id, and a file holds many records
    assert third.id == "7"


def test_read_jsonl_gz(tmp_path: Path):
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": BODY}) + "\n")
    articles, skipped = read(path)
    assert skipped == [] and [a.id for a in articles] == ["g1"]


def test_read_content_hash_id_is_stable(tmp_path: Path):
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"text": BODY}) + "\n")
    first, _ = read(path)
    second, _ = read(path)
    assert first[0].id == second[0].id


def test_read_ids_unique_on_collision(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "story.txt").write_text(BODY)
    (tmp_path / "b" / "story.txt").write_text(BODY + " More.")
    feed = tmp_path / "c.jsonl"
    feed.write_text(json.dumps({"id": "story", "text": "x y z"}) + "\n")
    articles, _ = read(tmp_path)
    assert [a.id for a in articles] == ["story", "story-2", "story-3"]


def test_read_folder_recursive_sorted_hidden_skipped(tmp_path: Path):
    (tmp_path / "z.txt").write_text(BODY)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text(BODY)
    (tmp_path / "a.txt").write_text(BODY)
    (tmp_path / ".hidden.txt").write_text(BODY)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text(BODY)
    articles, skipped = read(tmp_path)
    assert [Path(a.source).relative_to(tmp_path).as_posix() for a in articles] == [
        "a.txt", "z.txt", "sub/b.txt"]
    assert skipped == []


def test_read_same_file_twice_reads_it_once(tmp_path: Path):
    path = tmp_path / "a.txt"
    path.write_text(BODY)
    articles, _ = read(path, tmp_path)
    assert len(articles) == 1


def test_read_missing_path_raises_input_error_with_hint(tmp_path: Path):
    with pytest.raises(InputError) as info:
        read_paths([tmp_path / "nope"], [])
    assert "does not exist" in str(info.value)
    assert info.value.hint


GERMAN = (
    "Die Stra\u00dfe in M\u00fcnchen wurde f\u00fcr den Verkehr ge\u00f6ffnet, sagte der "
    "B\u00fcrgermeister am Montag vor der Presse."
)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"\xef\xbb\xbf" + "Caf\u00e9 opens.".encode(), "Caf\u00e9 opens."),  # UTF-8 BOM
        ("\ufeffCaf\u00e9 opens.".encode("utf-16-le"), "Caf\u00e9 opens."),  # UTF-16 LE BOM
        ("\ufeffCaf\u00e9 opens.".encode("utf-16-be"), "Caf\u00e9 opens."),  # UTF-16 BE BOM
        (GERMAN.encode("cp1252"), GERMAN),  # legacy encoding: charset-normalizer's guess
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "cp1252"],
)
def test_read_decodes_encodings(tmp_path: Path, data: bytes, expected: str):
    path = tmp_path / "enc.txt"
    path.write_bytes(data)
    articles, skipped = read(path)
    assert skipped == []
    assert articles[0].raw == expected
