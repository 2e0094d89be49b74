"""The CI gate: floors (shares that must not drop) and ceilings (latencies that must not grow)
recorded in eval/floors.json, checked against a run of the whole set."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .metrics import METRICS


@dataclass(frozen=True)
class Floors:
    config: str
    floors: dict[str, float]
    ceilings: dict[str, float]


def load_floors(path: Path) -> Floors:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"无法读取门槛文件 {path}：{exc}。") from None
    floors, ceilings = data.get("floors", {}), data.get("ceilings", {})
    unknown = sorted((set(floors) | set(ceilings)) - set(METRICS))
    if unknown:
        raise InputError(
            f"门槛文件 {path} 中有未知的指标：{'、'.join(unknown)}（可用：{' / '.join(METRICS)}）。"
        )
    return Floors(data.get("config", "default"), dict(floors), dict(ceilings))


def violations(metrics: Mapping[str, float | None], floors: Floors) -> list[str]:
    """Every metric below its floor or above its ceiling, as a line for people."""
    problems = []
    for name, floor in floors.floors.items():
        value = metrics.get(name)
        if value is None or value < floor:
            problems.append(f"{name} = {value} < floor {floor}")
    for name, ceiling in floors.ceilings.items():
        value = metrics.get(name)
        if value is None or value > ceiling:
            problems.append(f"{name} = {value} > ceiling {ceiling}")
    return problems
