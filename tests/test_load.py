"""Tests for index.load: real files in tmp_path, one behaviour per test."""

from __future__ import annotations

import json
import os
import socket
from pathlib import Path

import pytest

from index.load import DEFAULT_MAX_BYTES, SUPPORTED, content_hash, derive_title, load_paths
from index.types import Article, Notice, Skip

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

HTML_PAGE = """<!DOCTYPE html>
<html><head>
<title>Example News | Big storm hits coast</title>
<meta property="og:title" content="Big storm hits coast">
<meta property="article:published_time" content="2021-05-04T10:00:00Z">
<link rel="canonical" href="https://news.example.com/2021/storm">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news menu</a></li></ul></nav>
<script>var tracking = "TRACKME-SCRIPT";</script>
<article><h1>Big storm hits coast</h1>
<p>A powerful storm struck the northern coast on Tuesday, knocking out power to thousands of homes
and flooding several low-lying towns.</p>
<p>Emergency crews worked through the night to clear fallen trees from the main roads, officials said
in a statement on Wednesday morning.</p>
<p>Forecasters expect calmer weather by the weekend, although rivers may keep rising for several more days.</p>
</article>
<footer>Copyright 2021 Example News. All rights reserved. FOOTER-PRIVACY-POLICY.</footer>
</body></html>
"""


def load(*paths: Path | str, **kwargs) -> list[Article | Skip | Notice]:
    return list(load_paths(list(paths), **kwargs))


def articles(records: list) -> list[Article]:
    return [r for r in records if isinstance(r, Article)]


def skips(records: list) -> list[Skip]:
    return [r for r in records if isinstance(r, Skip)]


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8", newline="")
    return path


# --- plain text -------------------------------------------------------------------------------------------


def test_txt_text_is_unchanged_so_offsets_hold(tmp_path: Path) -> None:
    raw = "  Headline here\r\n\r\nFirst paragraph, with trailing spaces.   \n\tIndented line.\n\n\n"
    path = write(tmp_path / "story.txt", raw)
    [art] = load(path)
    assert art.text == raw == path.read_bytes().decode("utf-8")
    assert art.id == "story"
    assert art.source == str(path)
    assert art.content_hash == content_hash(raw)
    assert art.title == "Headline here"


def test_sample_corpus_loads_with_stable_ids_and_titles() -> None:
    records = load(CORPUS)
    by_id = {a.id: a for a in articles(records)}
    expected = {"000_26083794b4a1b5c3", "001_7168465226cfb30f", "002_66587a816fcca4e1"}
    assert expected <= set(by_id)
    assert by_id["001_7168465226cfb30f"].title == "Najaf siege ends in truce"
    for art_id in expected:
        path = CORPUS / f"{art_id}.txt"
        assert by_id[art_id].text == path.read_text(encoding="utf-8")
        assert by_id[art_id].source == str(path)
    # The first line of 000 is a long paragraph: its title is the first sentence cut at a word.
    title0 = by_id["000_26083794b4a1b5c3"].title
    assert title0.startswith("In Iraq, Shi'ite cleric Moqtada al-Sadr") and title0.endswith("\u2026")
    assert len(title0) <= 80


def test_single_file_id_is_relative_to_its_parent() -> None:
    [art] = load(CORPUS / "000_26083794b4a1b5c3.txt")
    assert art.id == "000_26083794b4a1b5c3"


def test_folder_is_walked_recursively_in_sorted_order_with_subfolder_ids(tmp_path: Path) -> None:
    root = tmp_path / "news"
    write(root / "world" / "b.txt", "World B\n\nBody of b.")
    write(root / "world" / "a.md", "# World A\n\nBody of a.")
    write(root / "local" / "deep" / "c.txt", "Local C\n\nBody of c.")
    write(root / "z.txt", "Z story\n\nBody of z.")
    write(root / "notes.csv", "ignored,silently\n")
    write(root / ".hidden.txt", "Hidden\n\nnot loaded")
    write(root / ".git" / "x.txt", "Hidden dir\n\nnot loaded")
    records = load(root)
    assert [a.id for a in articles(records)] == ["local/deep/c", "world/a", "world/b", "z"]
    assert skips(records) == []  # unsupported and hidden files inside folders are silent


def test_markdown_kept_verbatim_and_heading_becomes_title(tmp_path: Path) -> None:
    raw = "# Markets rally on rate cut\n\nStocks *rose* sharply on Friday.\n"
    [art] = load(write(tmp_path / "m.markdown", raw))
    assert art.text == raw
    assert art.title == "Markets rally on rate cut"


def test_date_line_in_plain_text_is_parsed(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", "Truce agreed\nPublished: March 30, 2008\n\nThe fighting stopped.")
    b = write(tmp_path / "b.txt", "Truce agreed\nDate: 2008-03-31\n\nThe fighting stopped.")
    c = write(tmp_path / "c.txt", "Truce agreed\n\nThe fighting stopped in 2008.")
    assert [x.date for x in articles(load(a, b, c))] == ["2008-03-30", "2008-03-31", None]


# --- HTML ------------------------------------------------------------------------------------------------


def test_html_main_text_title_date_and_url(tmp_path: Path) -> None:
    [art] = load(write(tmp_path / "storm.html", HTML_PAGE))
    assert "powerful storm struck the northern coast" in art.text
    assert "rivers may keep rising" in art.text
    for boilerplate in ("TRACKME-SCRIPT", "World news menu", "FOOTER-PRIVACY-POLICY"):
        assert boilerplate not in art.text
    assert art.title == "Big storm hits coast"
    assert art.date == "2021-05-04"
    assert art.url == "https://news.example.com/2021/storm"
    assert art.id == "storm"


def test_html_extraction_needs_no_network(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    assert len(articles(load(write(tmp_path / "p.htm", HTML_PAGE)))) == 1


def test_html_without_article_text_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "empty.html", "<html><head><title>x</title></head><body><nav></nav></body></html>")
    assert load(path) == [Skip(str(path), "no article text found in HTML")]


# --- JSON / JSONL ----------------------------------------------------------------------------------------


def test_json_list_of_records(tmp_path: Path) -> None:
    data = [
        {"id": "a1", "title": "First", "text": "Body one.", "url": "https://x.example/1", "date": "30 March 2008"},
        {"content": "Second body, no id. Another sentence.", "date": "not a date"},
    ]
    path = write(tmp_path / "feed.json", json.dumps(data))
    records = load(path)
    a, b = articles(records)
    assert (a.id, a.title, a.text, a.url, a.date) == ("feed#a1", "First", "Body one.", "https://x.example/1", "2008-03-30")
    assert (b.id, b.title, b.date, b.source) == ("feed#2", "Second body, no id.", None, str(path))


def test_json_single_object_uses_file_id_and_invalid_json_is_one_skip(tmp_path: Path) -> None:
    one = write(tmp_path / "one.json", json.dumps({"id": "ignored", "body": "Just one.", "title": "Solo"}))
    bad = write(tmp_path / "bad.json", '[{"text": "unterminated"')
    records = load(one, bad)
    assert [(a.id, a.title) for a in articles(records)] == [("one", "Solo")]
    [skip] = skips(records)
    assert skip.source == str(bad) and skip.reason.startswith("not valid JSON")


def test_jsonl_malformed_line_is_skipped_and_the_rest_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": 7, "text": "Record seven."}),
        "{not json",
        "",
        json.dumps({"text": "Record on line four."}),
    ]
    path = write(tmp_path / "stream.jsonl", "\n".join(lines) + "\n")
    records = load(path)
    assert [a.id for a in articles(records)] == ["stream#7", "stream#4"]
    [skip] = skips(records)
    assert skip.source == f"{path}:2"
    assert skip.reason.startswith("line 2: not valid JSON")


def test_record_without_text_names_line_and_field(tmp_path: Path) -> None:
    path = write(tmp_path / "s.jsonl", json.dumps({"title": "No body"}) + "\n" + json.dumps({"text": "ok"}) + "\n")
    records = load(path)
    [skip] = skips(records)
    assert skip.source == f"{path}:1"
    assert "line 1" in skip.reason and '"text"' in skip.reason
    assert [a.id for a in articles(records)] == ["s#2"]


def test_jsonl_record_over_max_bytes_is_skipped(tmp_path: Path) -> None:
    path = write(tmp_path / "big.jsonl", json.dumps({"text": "x" * 500}) + "\n" + json.dumps({"text": "small"}) + "\n")
    records = load(path, max_bytes=100)
    assert [a.text for a in articles(records)] == ["small"]
    [skip] = skips(records)
    assert skip.reason.startswith("line 1: text is 500 bytes, over the 100-byte limit")


# --- things that are not ingested -------------------------------------------------------------------------


def test_empty_and_whitespace_only_files_are_skipped(tmp_path: Path) -> None:
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.md", " \n\t\r\n  \n")
    blank_jsonl = write(tmp_path / "blank.jsonl", "\n\n  \n")
    assert load(empty, blank, blank_jsonl) == [
        Skip(str(empty), "empty file"),
        Skip(str(blank), "empty file"),
        Skip(str(blank_jsonl), "empty file"),
    ]


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    png = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    no_nul = write(tmp_path / "control.md", b"\x01\x02\x03\x04abc\x05\x06\x07\x08\x0e\x0f" * 10)
    records = load(png, no_nul)
    assert [s.source for s in records] == [str(png), str(no_nul)]
    assert all(isinstance(s, Skip) and s.reason.startswith("binary file (not text)") for s in records)


def test_cp1252_file_gets_notice_before_article(tmp_path: Path) -> None:
    path = write(tmp_path / "legacy.txt", "Caf\u00e9 talk\n\ncaf\u00e9 \u2013 na\u00efve \u201cquotes\u201d\n".encode("cp1252"))
    notice, art = load(path)
    assert notice == Notice(str(path), "not valid UTF-8; decoded as cp1252")
    assert isinstance(art, Article)
    assert "caf\u00e9 \u2013 na\u00efve \u201cquotes\u201d" in art.text


def test_bom_is_removed(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", b"\xef\xbb\xbfHeadline\n\nBody text.\n")
    records = load(path)
    [art] = records  # and no Notice: a BOM is valid UTF-8
    assert art.text == "Headline\n\nBody text.\n"
    assert art.title == "Headline"


def test_file_over_max_bytes_is_skipped_with_hint(tmp_path: Path) -> None:
    path = write(tmp_path / "huge.txt", "word " * 100)
    assert load(path, max_bytes=499) == [
        Skip(str(path), "file is 500 bytes, over the 499-byte limit (set NEWSBOT_MAX_FILE_BYTES to raise it)")
    ]
    assert len(articles(load(path, max_bytes=500))) == 1
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_symlink_loop_terminates_with_one_skip(tmp_path: Path) -> None:
    root = tmp_path / "root"
    write(root / "sub" / "a.txt", "A title\n\nBody.")
    os.symlink("..", root / "sub" / "back")  # root/sub/back -> root
    records = load(root)
    assert [a.id for a in articles(records)] == ["sub/a"]
    [skip] = skips(records)
    assert skip.source == str(root / "sub" / "back") and skip.reason.startswith("symlink loop")


def test_symlinked_folder_is_followed(tmp_path: Path) -> None:
    write(tmp_path / "elsewhere" / "x.txt", "X title\n\nBody.")
    write(tmp_path / "root" / "y.txt", "Y title\n\nBody.")
    os.symlink(tmp_path / "elsewhere", tmp_path / "root" / "linked")
    assert [a.id for a in articles(load(tmp_path / "root"))] == ["linked/x", "y"]


def test_missing_path_is_skipped(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    [skip] = load(missing)
    assert skip.source == str(missing) and "does not exist" in skip.reason


def test_explicit_unsupported_file_names_the_extension(tmp_path: Path) -> None:
    path = write(tmp_path / "report.pdf", b"%PDF-1.4")
    [skip] = load(path)
    assert "'.pdf'" in skip.reason
    assert all(ext in skip.reason for ext in SUPPORTED)


def test_unreadable_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path / "secret.txt", "Secret\n\nBody.")
    ok = write(tmp_path / "open.txt", "Open\n\nBody.")
    real_read_bytes = Path.read_bytes

    # Tests may run as root, where chmod 000 does not stop reads, so the failure is simulated.
    def read_bytes(self: Path) -> bytes:
        if self.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    records = load(path, ok)
    assert records[0] == Skip(str(path), "cannot read file: Permission denied")
    assert [a.id for a in articles(records)] == ["open"]


def test_same_name_with_another_extension_keeps_its_extension_in_the_id(tmp_path: Path) -> None:
    write(tmp_path / "d" / "a.md", "From md\n\nBody.")
    write(tmp_path / "d" / "a.txt", "From txt\n\nBody.")
    records = load(tmp_path / "d")
    assert [(a.id, a.title) for a in articles(records)] == [("a", "From md"), ("a.txt", "From txt")]
    assert skips(records) == []
    [note] = [r for r in records if isinstance(r, Notice)]
    assert note.source == str(tmp_path / "d" / "a.txt") and "'a.txt'" in note.message


def test_an_id_stored_for_another_file_is_never_taken(tmp_path: Path) -> None:
    a, b = write(tmp_path / "A" / "x.txt", "A\n\nBody."), write(tmp_path / "B" / "x.txt", "B\n\nBody.")
    assert [r.id for r in articles(load(b, stored={"x": str(a)}))] == ["B/x"]
    assert [r.id for r in articles(load(b, stored={"x": str(a), "B/x": str(b)}))] == ["B/x"]  # kept, stored
    assert [r.id for r in articles(load(b, stored={"B/x": str(b)}))] == ["B/x"]  # even once "x" is free


# --- titles ----------------------------------------------------------------------------------------------


def test_derive_title_headline_vs_first_sentence() -> None:
    assert derive_title("\n\n  Short headline  \nBody follows.") == "Short headline"
    # Ends like a sentence, so it is not a headline.
    assert derive_title("U.S. troops left Najaf. More later.") == "U.S. troops left Najaf."
    long = "Officials said " + "the talks dragged on " * 10 + "until dawn. Then more."
    title = derive_title(long)
    assert len(title) <= 80 and title.endswith("\u2026") and long.startswith(title[:-1])
    assert derive_title("   \n ") == ""
    assert derive_title("#\n\n## Markdown heading\nBody.") == "Markdown heading"
