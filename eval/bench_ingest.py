"""Benchmark: ingesting a guide from DOCX and PDF, per page.

    python eval/bench_ingest.py [--repeat 5]

For each fixture guide (tests/fixtures/guides/: Word files with automatic numbering and
LibreOffice's PDF renderings of them), times reading the file into text and parsing it into
the clause tree, median of `--repeat` runs. The page count is the PDF's. The floor, measured
in the same run, is the same guide's .txt read and parsed the same way: what ingestion costs
when there is no format to undo. Prints milliseconds a page and the ratio to the floor.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from assistant.ingest.docx_reader import read_docx  # noqa: E402
from assistant.ingest.manifest import load_manifest  # noqa: E402
from assistant.ingest.parse import parse_guide  # noqa: E402
from assistant.ingest.pdf_reader import read_pdf  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "guides"
GUIDES = ("2024-protection-zone", "2023-policy-measures")


def timed(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def page_count(pdf: Path) -> int:
    import pdfplumber

    with pdfplumber.open(str(pdf)) as document:
        return len(document.pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    manifest = load_manifest(ROOT / "knowledge" / "manifest.yaml")
    entries = {entry.id: entry.to_guide() for entry in manifest.guides}
    read_pdf(FIXTURES / f"{GUIDES[0]}.pdf")  # imports and font tables warm, as in a long-running process
    print(f"{'guide':24} {'pages':>5} {'format':>6} {'ms/page':>8} {'floor ms/page':>14} {'ratio':>6}")
    for guide_id in GUIDES:
        guide = entries[guide_id]
        pages = page_count(FIXTURES / f"{guide_id}.pdf")
        text = ROOT / "knowledge" / "guides" / f"{guide_id}.txt"
        floor = timed(lambda: parse_guide(guide, text.read_text(encoding="utf-8")), args.repeat)  # noqa: B023
        readers = {"docx": read_docx, "pdf": read_pdf}
        for fmt, reader in readers.items():
            path = FIXTURES / f"{guide_id}.{fmt}"
            seconds = timed(lambda: parse_guide(guide, reader(path)), args.repeat)  # noqa: B023
            print(
                f"{guide_id:24} {pages:5d} {fmt:>6} {1000 * seconds / pages:8.1f} "
                f"{1000 * floor / pages:14.2f} {seconds / floor:6.1f}"
            )


if __name__ == "__main__":
    main()
