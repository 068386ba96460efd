#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target (Fuzz/corpus/<target>/) from the repository's own
data: the shipped glossaries, the seed articles, the test fixtures and the built-in SRX rules.

Run from the repository root after `swift build`:  python3 Fuzz/make-seeds.py
Seeds stay small (a few KB) so that libFuzzer mutates them quickly; the files are committed and
the script only needs rerunning when a format changes. Files named `regression-*` are inputs that
once broke a target (copied from a fuzz run's crash files); the script leaves them alone.
"""
import os
import re
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Fuzz", "corpus")
CLI = os.path.join(ROOT, ".build", "debug", "aligncli")


def write(target, name, data):
    folder = os.path.join(OUT, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as handle:
        handle.write(data)


def read(path):
    with open(os.path.join(ROOT, path), "rb") as handle:
        return handle.read()


def small_glossaries():
    """Each shipped glossary file cut to its header and first four concepts."""
    result = {}
    for name in sorted(os.listdir(os.path.join(ROOT, "glossaries"))):
        if not name.endswith(".tsv"):
            continue
        lines = read("glossaries/" + name).split(b"\n")
        header = [line for line in lines[:6] if line.startswith(b"#") or line.startswith(b"id\t")]
        rows = [line for line in lines if line and not line.startswith(b"#") and not line.startswith(b"id\t")][:4]
        result[name[:-4]] = b"\n".join(header + rows) + b"\n"
    return result


def export(tsv, fmt):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "g.tsv")
        with open(path, "wb") as handle:
            handle.write(tsv)
        return subprocess.run([CLI, "glossary", "export", "--format", fmt, path], check=True, capture_output=True).stdout


def main():
    # Inputs that once broke a target (`regression-*`) are kept; everything else is rewritten.
    for folder, _, names in os.walk(OUT):
        for name in names:
            if not name.startswith("regression-"):
                os.remove(os.path.join(folder, name))
    glossaries = small_glossaries()

    # glossary: first byte even = native TSV, odd = CSV.
    for name, tsv in glossaries.items():
        write("glossary", name + ".tsv", b"\x00" + tsv)
        write("glossary", name + ".csv", b"\x01" + export(tsv, "csv"))
    for folder in ["clean", "fmt", "report"]:
        base = os.path.join(ROOT, "Tests/AlignTests/Fixtures/glossary", folder)
        for name in sorted(os.listdir(base)):
            if name.endswith(".tsv"):
                write("glossary", folder + "-" + name, b"\x00" + read(os.path.join(base, name)))

    # tbx: both versions of the small glossaries.
    for name, tsv in glossaries.items():
        write("tbx", name + ".tbx", export(tsv, "tbx"))
        write("tbx", name + ".v2.tbx", export(tsv, "tbx2"))
    write("tbx", "entity.tbx", '<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY a "aaaa">]>\n<tbx type="TBX-Basic"><text><body/></text></tbx>\n')

    # srx: the built-in rules (taken from their Swift source) and small hand-written files, each
    # followed by a NUL byte and a text to segment.
    source = read("Sources/Align/Segmentation/BuiltInSegmentationRules.swift").decode("utf-8")
    builtin = re.search(r'static let srx = """\n(.*?)\n\s*"""', source, re.S).group(1)
    builtin = "\n".join(line[8:] for line in builtin.split("\n")).replace("\\\\", "\\")
    text = "M. Dupont est arrivé. Il a dit : « Non ! » Puis il est parti… L'OTAN (cf. p. 3) a répondu.\nThe U.S. Army left. Dr. Smith stayed."
    write("srx", "builtin.srx", builtin + "\x00" + text)
    minimal = ('<?xml version="1.0" encoding="UTF-8"?>\n<srx xmlns="http://www.lisa.org/srx20" version="2.0">'
               '<header segmentsubflows="yes" cascade="{cascade}"/><body><languagerules>'
               '<languagerule languagerulename="R">{rules}</languagerule></languagerules>'
               '<maprules><languagemap languagepattern="{pattern}" languagerulename="R"/></maprules></body></srx>')
    samples = {
        "simple": ("no", '<rule break="yes"><beforebreak>[.!?]</beforebreak><afterbreak>\\s</afterbreak></rule>', "fr.*"),
        "exceptions": ("yes", '<rule break="no"><beforebreak>\\bM\\.</beforebreak><afterbreak>\\s</afterbreak></rule>'
                       '<rule break="yes"><beforebreak>[.?!]+["»]?</beforebreak><afterbreak>\\s+\\p{Lu}</afterbreak></rule>', ".*"),
        "classes": ("no", '<rule break="yes"><beforebreak>(?:[^\\p{L}\\d]{2,}|\\w+?)\\.</beforebreak>'
                    '<afterbreak>(?=\\s)[\\s\\u00A0]*(?![a-z])</afterbreak></rule>', "(fr|en).*"),
        "empty": ("no", "", "fr"),
    }
    for name, (cascade, rules, pattern) in samples.items():
        write("srx", name + ".srx", minimal.format(cascade=cascade, rules=rules, pattern=pattern) + "\x00" + text)

    # normalize: the first byte picks encoding and options; excerpts of the seed articles.
    articles = sorted(os.listdir(os.path.join(ROOT, "corpus/fr")))
    for index, name in enumerate(articles):
        body = read("corpus/fr/" + name)
        # Cut at character boundaries, so the excerpt is valid UTF-8 like the article.
        start = body[:3000].decode("utf-8", "ignore").encode("utf-8")
        write("normalize", "article-%d-start.txt" % index, bytes([index * 37 % 256]) + start)
        middle = body[len(body) // 2:len(body) // 2 + 3000].decode("utf-8", "ignore").encode("utf-8")
        write("normalize", "article-%d-middle.txt" % index, bytes([index * 53 % 256]) + middle)
    write("normalize", "latin1.txt", b"\x01" + "Élysée : « Ça va », dit-il.\r\nDeuxième ligne\u2019 ok.\n".encode("latin-1", "replace"))
    write("normalize", "cp1252.txt", b"\x02" + "L’OTAN – le « Kremlin »… Œuvre.\r\n".encode("cp1252"))
    write("normalize", "bom-crlf.txt", b"\x00\xef\xbb\xbfPremi\xc3\xa8re phrase. Deuxi\xc3\xa8me phrase !\r\n\r\nPartager sur Facebook\r\n")

    # matcher: glossary lines, NUL, text.
    forms = ["=OTAN|l'OTAN\tOtan", "Corée du Nord|Corée", "^ATACMS", "Kim Jong-un|Kim Jong Un",
             "nord-coréen", "missile à longue portée", "système de missiles tactiques", "République de Corée",
             "Département d'État|Département d'État américain", "Volodymyr Zelensky|Zelensky"]
    texts = ["L’OTAN et l'Otan, d'ATACMS (OTAN). « OTAN » OTANIEN.\nKim Jong un, Kim Jong-Un et KIM JONG UN.",
             "Les soldats nord-coréennes et nord-coréens ; des missiles à longue portée.\nLa République de Corée et la Corée du Nord.",
             "Volodomyr Zelensky, Zelenski, ATACM, ATAMCS, Corrée du Nord.\nLe Département d'État américain a dit…"]
    for index, body in enumerate(texts):
        write("matcher", "sample-%d" % index, "\n".join(forms) + "\x00" + body)
    write("matcher", "seed-article", "\n".join(forms) + "\x00" + read("corpus/fr/" + articles[0])[:4000].decode("utf-8", "ignore"))

    # aligner: settings byte, French sentences, NUL, English sentences.
    french = ["Le président a parlé hier.", "Il a annoncé de nouvelles sanctions contre la Russie.", "",
              "Les États-Unis ont livré des missiles ATACMS à l'Ukraine.", "Kiev a salué la décision.", "Fin."]
    english = ["The president spoke yesterday.", "He announced new sanctions against Russia.",
               "The United States delivered ATACMS missiles to Ukraine.", "Kyiv welcomed the decision. It was expected.", "End."]
    for setting in range(3):
        write("aligner", "pair-%d" % setting, bytes([setting]) + "\n".join(french).encode() + b"\x00" + "\n".join(english).encode())
    write("aligner", "one-side", b"\x00" + "\n".join(french).encode())

    # cli: NUL-separated argument lists.
    argument_lists = [
        ["scan", "--glossary", "glossaries", "--format", "json", "corpus"],
        ["report", "--format=sarif", "--fail-on", "warning", "--output", "out.sarif"],
        ["validate", "--strict", "--format", "github", "glossaries/people.tsv"],
        ["normalize", "--output", "out", "--terms", "annotate", "--apostrophe", "typographic", "--", "-odd"],
        ["glossary", "export", "--format", "tbx2"],
        ["glossary", "import", "-"],
        ["align", "a.txt", "b.txt", "--format", "tmx"],
        ["help", "scan"], ["--version"], ["fmt", "--check"], ["scna"], ["scan", "--formt", "tsv"],
    ]
    for index, arguments in enumerate(argument_lists):
        write("cli", "args-%02d" % index, "\x00".join(arguments))


if __name__ == "__main__":
    main()
