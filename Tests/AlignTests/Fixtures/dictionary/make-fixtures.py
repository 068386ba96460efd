#!/usr/bin/env python3
"""Writes the binary fixtures of InflateTests and BilingualDictionaryTests into this folder.

Run once from anywhere: python3 make-fixtures.py. The output is committed, so the tests never
need Python (except the live round-trip test, which runs when python3 is installed). Everything is
deterministic: fixed seeds, mtime 0. Different zlib versions may pick different encodings, which
is fine: the tests check decoded content, not compressed bytes.
"""
import gzip
import os
import random
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as file:
        file.write(data)
    print(f"{name}: {len(data)} bytes")


def raw_deflate(data, level=9, strategy=zlib.Z_DEFAULT_STRATEGY):
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15, 9, strategy)
    return compressor.compress(data) + compressor.flush()


def first_block_type(deflate):
    return (deflate[0] >> 1) & 3


class BitWriter:
    """Packs bits least significant first, as RFC 1951 does; Huffman codes go most significant first."""

    def __init__(self):
        self.bytes = bytearray()
        self.value = 0
        self.count = 0

    def bits(self, value, count):
        self.value |= value << self.count
        self.count += count
        while self.count >= 8:
            self.bytes.append(self.value & 0xFF)
            self.value >>= 8
            self.count -= 8

    def code(self, code, length):
        reversed_code = int(format(code, f"0{length}b")[::-1], 2) if length else 0
        self.bits(reversed_code, length)

    def finish(self):
        if self.count:
            self.bytes.append(self.value & 0xFF)
        return bytes(self.bytes)


LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
             4097, 6145, 8193, 12289, 16385, 24577]
DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]


def fixed_symbol(writer, symbol):
    if symbol < 144:
        writer.code(0x30 + symbol, 8)
    elif symbol < 256:
        writer.code(0x190 + symbol - 144, 9)
    elif symbol < 280:
        writer.code(symbol - 256, 7)
    else:
        writer.code(0xC0 + symbol - 280, 8)


def fixed_match(writer, length, distance):
    index = max(i for i, base in enumerate(LENGTH_BASE) if base <= length)
    fixed_symbol(writer, 257 + index)
    writer.bits(length - LENGTH_BASE[index], LENGTH_EXTRA[index])
    index = max(i for i, base in enumerate(DIST_BASE) if base <= distance)
    writer.code(index, 5)
    writer.bits(distance - DIST_BASE[index], DIST_EXTRA[index])


def long_distance_stream():
    """One fixed block: 300 random bytes R, 'a' up to byte 32768, then R again copied from
    exactly 32768 bytes back (the largest distance DEFLATE can express)."""
    rng = random.Random(32768)
    block = bytes(rng.randrange(256) for _ in range(300))
    writer = BitWriter()
    writer.bits(1, 1)
    writer.bits(1, 2)
    for byte in block:
        fixed_symbol(writer, byte)
    fixed_symbol(writer, ord("a"))
    remaining = 32768 - 301
    while remaining:
        length = min(258, remaining)
        if 0 < remaining - length < 3:
            length = remaining - 3
        fixed_match(writer, length, 1)
        remaining -= length
    fixed_match(writer, 258, 32768)
    fixed_match(writer, 42, 32768)
    fixed_symbol(writer, 256)
    stream = writer.finish()
    expected = block + b"a" * (32768 - 300) + block
    assert zlib.decompress(stream, -15) == expected
    return stream


def bad_distance_stream():
    """A fixed block with the literal 'a' then a match 2 bytes back: only 1 byte exists."""
    writer = BitWriter()
    writer.bits(1, 1)
    writer.bits(1, 2)
    fixed_symbol(writer, ord("a"))
    fixed_match(writer, 3, 2)
    fixed_symbol(writer, 256)
    return writer.finish()


def bad_code_lengths_stream():
    """A dynamic block whose 19 code-length codes are all one bit long: over-subscribed."""
    writer = BitWriter()
    writer.bits(1, 1)
    writer.bits(2, 2)
    writer.bits(0, 5)
    writer.bits(0, 5)
    writer.bits(15, 4)
    for _ in range(19):
        writer.bits(1, 3)
    writer.bits(0, 16)
    return writer.finish()


def gzip_member(data, name=None, comment=None, extra=None, header_crc=False, level=9):
    flags = (0x04 if extra is not None else 0) | (0x08 if name else 0) | (0x10 if comment else 0) | (0x02 if header_crc else 0)
    header = bytearray(b"\x1f\x8b\x08" + bytes([flags]) + struct.pack("<I", 0) + b"\x02\x03")
    if extra is not None:
        header += struct.pack("<H", len(extra)) + extra
    if name:
        header += name + b"\0"
    if comment:
        header += comment + b"\0"
    if header_crc:
        header += struct.pack("<H", zlib.crc32(header) & 0xFFFF)
    trailer = struct.pack("<II", zlib.crc32(data), len(data) & 0xFFFFFFFF)
    return bytes(header) + raw_deflate(data, level) + trailer


def dictzip(data, name, chunk_length):
    """A dictzip file as dictzip(1) writes it: each chunk flushed with Z_FULL_FLUSH, the sizes of
    the compressed chunks in an "RA" FEXTRA subfield (VER, CHLEN, CHCNT, sizes)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunks = []
    for start in range(0, len(data), chunk_length):
        chunks.append(compressor.compress(data[start:start + chunk_length]) + compressor.flush(zlib.Z_FULL_FLUSH))
    chunks.append(compressor.flush(zlib.Z_FINISH))
    sizes = [len(chunk) for chunk in chunks[:-1]]
    field = struct.pack("<HHH", 1, chunk_length, len(sizes)) + b"".join(struct.pack("<H", size) for size in sizes)
    extra = b"RA" + struct.pack("<H", len(field)) + field
    header = b"\x1f\x8b\x08\x0c" + struct.pack("<I", 0) + b"\x02\x03" + struct.pack("<H", len(extra)) + extra + name + b"\0"
    return header + b"".join(chunks) + struct.pack("<II", zlib.crc32(data), len(data))


BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


def dictd_number(value):
    digits = ""
    while True:
        digits = BASE64[value % 64] + digits
        value //= 64
        if value == 0:
            return digits


def text_fixture():
    """About 4 KB of French and English words in pseudo-random order: repetitive enough to
    compress, varied enough for dynamic Huffman codes."""
    words = ("le la les un une des et de du à au aux œuvre maison fenêtre été déjà très où "
             "the a an of and to in house window summer already very where work "
             "cessez-le-feu négociation accord traité paix guerre peace war treaty agreement").split()
    rng = random.Random(1951)
    lines = []
    for _ in range(80):
        lines.append(" ".join(rng.choice(words) for _ in range(rng.randrange(4, 12))) + ".")
    return ("\n".join(lines) + "\n").encode("utf-8")


DICT_ENTRIES = [
    # (index headword, body)
    ("00databaseinfo", "This is a test dictionary, made by make-fixtures.py.\n"),
    ("00databaseshort", "Tiny French-English test dictionary\n"),
    ("00databaseutf8", "\n"),
    ("abaisser", "abaisser /abɛse/ <v>\n1. cry down, cut up, demolish\n2. abase\n"),
    ("abandonner", "abandonner /abɑ̃dɔne/ <v>\n1. give up, yield\n2. abandon, forsake\n"),
    ("abandonner", "abandonner /abɑ̃dɔne/ <v>\nabandon, desert\n"),
    ("abaque", "abaque /abak/ <n, masc>\nabacus, ball-frame, counting-frame\n"),
    ("abattis", "abattis /abati/ <n, masc>\n1. debris, rubbish\n2.  [cul] giblets\n"),
    ("café", "cafe\u0301 /kafe/ <n, masc>\ncoffee, café\n"),
    ("cane", "cane /kan/ <n, fem>\n(female) duck\n"),
    ("chargement", "chargement /ʃaʀʒəmɑ̃/ <n, masc>\n1. load, cargo\n2. (act of) loading\n"),
    ("comme ci comme ça", "comme ci, comme ça /kɔmsikɔmsa/ <adv>\nso so\n"),
    ("falloir", "falloir /falwaʀ/ <v>\n1.\n      \"Il faut quelque chose\"\n We need something\n\n"),
    ("quatrevingtdix", "quatre-vingt-dix /kˈatʁ vˈɛ̃ dˈis/ <num>\nninety\n"),
    ("rognon", "rognon /ʀɔɲɔ̃/ <n, masc>\n1.  [cul]\n2. kidney\n"),
    ("victoria", "Victoria /viktɔʀja/ <n>\nVictoria\n"),
    ("œuvre", "œuvre /œvʀ/ <n, fem>\nwork\n"),
]


def dictd_fixture():
    data = bytearray()
    index = []
    for headword, body in DICT_ENTRIES:
        encoded = body.encode("utf-8")
        index.append(f"{headword}\t{dictd_number(len(data))}\t{dictd_number(len(encoded))}\n")
        data += encoded
    return "".join(index).encode("utf-8"), bytes(data)


def main():
    text = text_fixture()
    write("text.txt", text)
    for level in (0, 1, 9):
        write(f"text-level{level}.gz", gzip.compress(text, level, mtime=0))
    stored = raw_deflate(text, 0)
    fixed = raw_deflate(text, 9, zlib.Z_FIXED)
    dynamic = raw_deflate(text, 9)
    assert (first_block_type(stored), first_block_type(fixed), first_block_type(dynamic)) == (0, 1, 2)
    write("text-stored.deflate", stored)
    write("text-fixed.deflate", fixed)
    write("text-dynamic.deflate", dynamic)

    write("long-distance.deflate", long_distance_stream())
    # zlib finds the second copy of `block` 32,500 bytes back (its window reaches 32,506).
    rng = random.Random(32500)
    block = bytes(rng.randrange(32, 127) for _ in range(512))
    far = block + b"a" * (32500 - 512) + block
    compressed = gzip.compress(far, 9, mtime=0)
    assert len(compressed) < 800, "the repeat was not found: no long distance in the stream"
    write("long-distance.gz", compressed)

    write("bad-distance.deflate", bad_distance_stream())
    write("bad-code-lengths.deflate", bad_code_lengths_stream())
    write("empty.gz", gzip.compress(b"", mtime=0))
    write("bomb.gz", gzip.compress(b"\0" * (2 << 20), 9, mtime=0))
    write("multi-member.gz",
          gzip_member("première partie\n".encode("utf-8"), name=b"part1.txt", comment=b"a comment",
                      extra=b"AP\x04\x00abcd", header_crc=True)
          + gzip_member(b"second member\n", level=1)
          + gzip_member(b"")
          + gzip_member(b"third member, stored\n", level=0))

    index, data = dictd_fixture()
    write("tiny.index", index)
    write("tiny.dict.dz", dictzip(data, b"tiny.dict", 64))
    assert gzip.decompress(open(os.path.join(HERE, "tiny.dict.dz"), "rb").read()) == data
    os.makedirs(os.path.join(HERE, "plain"), exist_ok=True)
    write("plain/tiny.index", index)
    write("plain/tiny.dict", data)

    write("hunalign.dic", "\n".join([
        "work @ œuvre",
        "house @ maison",
        "  the European Union   @   l'Union européenne  ",
        "house @ maison",
        "",
        " @ vide",
        "coffee @ cafe\u0301",
    ]).encode("utf-8") + b"\n")
    write("french-english.tsv", "\r\n".join([
        "# French\tEnglish",
        "maison\thouse",
        "œuvre\twork",
        "",
        "  # an indented comment",
        "chat\tcat",
        "  chien  \t  dog  ",
        "maison\thouse",
        "vide\t",
    ]).encode("utf-8") + b"\r\n")


if __name__ == "__main__":
    main()
