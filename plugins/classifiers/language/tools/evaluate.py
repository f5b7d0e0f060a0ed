#!/usr/bin/env python3
"""Measures the language classifier on the language-ID dev sets through the
real host (`parley classify`), with and without the brand's `languages`.

    plugins/classifiers/language/tools/evaluate.py [BUILD_DIR] [DATA_DIR]

BUILD_DIR defaults to build, DATA_DIR to ../shared/data/dev (next to the
repository). Prints accuracy of the `lang` attribute per set and language,
and texts/s of one worker (process start and model loading excluded as far
as possible: the time of a one-line run is subtracted).
"""
import json
import pathlib
import subprocess
import sys
import tempfile
import time

SETS = ["langid-sentences", "langid-word-pairs", "langid-single-words"]
LANGUAGES = ["en", "el", "ru", "pl", "fi", "ar"]
CONFIGS = {
    "six languages": "{ languages: [en, el, ru, pl, fi, ar] }",
    "any language": "{}",
}


def pipeline(folder: pathlib.Path, config: str) -> pathlib.Path:
    path = folder / "pipeline.yaml"
    path.write_text(
        "client: language-eval\n"
        "connectors:\n  - plugin: replay\n    config: { input: none.jsonl, output: none-actions.jsonl }\n"
        f"classifiers:\n  - plugin: language\n    config: {config}\n"
    )
    return path


def classify(parley: pathlib.Path, pipeline_path: pathlib.Path, events: pathlib.Path):
    start = time.perf_counter()
    result = subprocess.run(
        [str(parley), "classify", str(pipeline_path), "--input", str(events), "--workers", "1"],
        check=True, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    return [json.loads(line) for line in result.stdout.splitlines() if line.strip()], elapsed


def main() -> None:
    root = pathlib.Path(__file__).resolve().parents[4]
    build = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else root / "build"
    data = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else root.parent / "shared" / "data" / "dev"
    parley = build / "bin" / "parley"
    with tempfile.TemporaryDirectory() as scratch:
        folder = pathlib.Path(scratch)
        for name, config in CONFIGS.items():
            pipeline_path = pipeline(folder, config)
            one = folder / "one.jsonl"
            one.write_text(json.dumps({"id": "0", "text": "hello", "author": "a"}) + "\n")
            _, startup = classify(parley, pipeline_path, one)
            print(f"## {name}: {config}")
            print("| set | " + " | ".join(LANGUAGES) + " | all | texts/s |")
            print("|---|" + "---|" * (len(LANGUAGES) + 2))
            for dataset in SETS:
                rows = [json.loads(line) for line in (data / f"{dataset}.jsonl").open(encoding="utf-8")]
                events = folder / "events.jsonl"
                with events.open("w", encoding="utf-8") as out:
                    for index, row in enumerate(rows):
                        out.write(json.dumps({"id": str(index), "text": row["text"], "author": "a"}) + "\n")
                results, elapsed = classify(parley, pipeline_path, events)
                by_id = {result["id"]: result["attributes"].get("lang", "") for result in results}
                right = {language: 0 for language in LANGUAGES}
                total = {language: 0 for language in LANGUAGES}
                for index, row in enumerate(rows):
                    truth = row["labels"]["lang"]
                    total[truth] += 1
                    right[truth] += by_id.get(str(index)) == truth
                cells = [f"{right[l] / total[l]:.3f}" for l in LANGUAGES]
                overall = sum(right.values()) / sum(total.values())
                speed = len(rows) / max(elapsed - startup, 1e-6)
                print(f"| {dataset} | " + " | ".join(cells) + f" | {overall:.3f} | {speed:,.0f} |")
            print()


if __name__ == "__main__":
    main()
