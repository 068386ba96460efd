#!/usr/bin/env python3
"""Sentence-boundary quality of Align's segmenter beside pysbd, on the same texts.

Test sets:
  seed  the five seed articles (corpus/fr), paragraphs as in the original files; gold boundaries
        from the hand-checked segmentation Tests/AlignTests/Fixtures/normalize/seed-sentences.txt
  gold  the French side of ../shared/align-gold (*/fr.txt), each book's lines joined with a space
        into one running paragraph; gold boundaries are the line ends

Align runs as `aligncli normalize --keep-boilerplate --terms off` (the full pipeline: decoding,
normalization, SRX segmentation), and its boundaries are read back from the original byte ranges
in NAME.segments.jsonl. pysbd runs with language="fr", clean=False, char_span=True on each
paragraph. A boundary is the character offset where a sentence ends (trailing spaces excluded);
precision, recall and F1 count boundaries inside paragraphs (paragraph ends are not scored).

Usage: scripts/segmenter-eval.py [--aligncli PATH] [--srx FILE]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")


def ensure_pysbd():
    try:
        import pysbd  # noqa: F401
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "-q", "--disable-pip-version-check", "pysbd"])
    import pysbd
    return pysbd


def seed_set():
    """Paragraphs of the seed articles with their hand-checked boundaries."""
    fixture = os.path.join(ROOT, "Tests/AlignTests/Fixtures/normalize/seed-sentences.txt")
    documents, current = {}, None
    for line in open(fixture, encoding="utf-8").read().split("\n"):
        if line.startswith("# "):
            continue
        if line.startswith("## "):
            current = line[3:]
            documents[current] = []
        elif current is not None:
            documents[current].append(line)
    paragraphs = []
    for name, lines in documents.items():
        original = open(os.path.join(ROOT, "corpus/fr", name), encoding="utf-8").read().splitlines()
        cursor_line = 0
        groups, group = [], []
        for sentence in lines + [""]:
            if sentence == "":
                if group:
                    groups.append(group)
                group = []
            else:
                group.append(sentence)
        for group in groups:
            # The original line that holds this paragraph's sentences, in order.
            while cursor_line < len(original) and not original[cursor_line].lstrip().startswith(group[0][:20]):
                cursor_line += 1
            text = original[cursor_line]
            cursor_line += 1
            boundaries, position = set(), 0
            for sentence in group[:-1]:
                start = text.index(sentence, position)
                position = start + len(sentence)
                boundaries.add(position)
            paragraphs.append((text, boundaries))
    return paragraphs


def gold_set():
    paragraphs = []
    for path in sorted(glob.glob(os.path.join(SHARED, "align-gold/*/fr.txt"))):
        lines = [l.strip() for l in open(path, encoding="utf-8") if l.strip()]
        text = " ".join(lines)
        boundaries, position = set(), 0
        for line in lines[:-1]:
            position += len(line)
            boundaries.add(position)
            position += 1
        paragraphs.append((text, boundaries))
    return paragraphs


def strip_end(text, end):
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def pysbd_boundaries(pysbd, paragraphs):
    segmenter = pysbd.Segmenter(language="fr", clean=False, char_span=True)
    result = []
    for text, _ in paragraphs:
        spans = segmenter.segment(text)
        result.append({strip_end(text, span.end) for span in spans[:-1]} - {0, len(text)})
    return result


def align_boundaries(aligncli, paragraphs, srx):
    with tempfile.TemporaryDirectory() as work:
        source = os.path.join(work, "input.txt")
        with open(source, "w", encoding="utf-8") as handle:
            handle.write("\n".join(text for text, _ in paragraphs) + "\n")
        out = os.path.join(work, "out")
        command = [aligncli, "normalize", source, "--output", out, "--keep-boilerplate", "--terms", "off"]
        if srx:
            command += ["--srx", srx]
        subprocess.run(command, check=True, cwd=ROOT, stderr=subprocess.DEVNULL)
        raw = open(source, "rb").read()
        line_starts = [0] + [i + 1 for i, b in enumerate(raw) if b == 0x0A]
        by_line = {}
        for line in open(os.path.join(out, "input.segments.jsonl"), encoding="utf-8"):
            segment = json.loads(line)
            by_line.setdefault(segment["line"], []).append(segment)
        result = []
        for number, (text, _) in enumerate(paragraphs, start=1):
            start = line_starts[number - 1]
            ends = set()
            for segment in by_line.get(number, [])[:-1]:
                # Byte offset → character offset within the paragraph.
                ends.add(len(raw[start:segment["end"]].decode("utf-8")))
            result.append({strip_end(text, end) for end in ends} - {0, len(text)})
        return result


def score(paragraphs, predicted):
    gold_count = sum(len(b) for _, b in paragraphs)
    predicted_count = sum(len(p) for p in predicted)
    hits = sum(len(b & p) for (_, b), p in zip(paragraphs, predicted))
    precision = hits / predicted_count if predicted_count else 0.0
    recall = hits / gold_count if gold_count else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, gold_count


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--aligncli", default=None, help="aligncli binary (default: build one with swift build)")
    parser.add_argument("--srx", default=None, help="SRX rules for Align instead of its built-in ones")
    arguments = parser.parse_args()
    aligncli = arguments.aligncli
    if aligncli is None:
        subprocess.check_call(["swift", "build", "--scratch-path", ".build-norm", "--product", "aligncli"], cwd=ROOT, stdout=subprocess.DEVNULL)
        aligncli = os.path.join(ROOT, ".build-norm/debug/aligncli")
    pysbd = ensure_pysbd()
    print(f"{'test set':<8} {'boundaries':>10}  {'segmenter':<22} {'precision':>9} {'recall':>7} {'F1':>7}")
    for name, paragraphs in (("seed", seed_set()), ("gold", gold_set())):
        for label, predicted in (
            (f"pysbd {pysbd.__version__ if hasattr(pysbd, '__version__') else ''}".strip(), pysbd_boundaries(pysbd, paragraphs)),
            ("Align" + (" (" + os.path.basename(arguments.srx) + ")" if arguments.srx else ""), align_boundaries(aligncli, paragraphs, arguments.srx)),
        ):
            precision, recall, f1, count = score(paragraphs, predicted)
            print(f"{name:<8} {count:>10}  {label:<22} {precision:>9.3f} {recall:>7.3f} {f1:>7.3f}")


if __name__ == "__main__":
    main()
