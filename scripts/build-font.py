#!/usr/bin/python3
"""Builds the app's Hangul font: a subset of NanumGothic holding every character the app may draw.

    /usr/bin/python3 scripts/build-font.py --font /usr/share/fonts/truetype/nanum/NanumGothic.ttf \\
        --data-root ../shared/data --text web/model/strings.cc --out build/wasm/web/site/fonts/bokji-hangul.ttf

The subset holds:
  * every KS X 1001 character except Hanja: the 2,350 Hangul syllables and 987 symbols (punctuation,
    compatibility jamo, circled numbers, arrows, box drawing, Greek, units), from Python's euc_kr codec;
  * printable ASCII and the whole Hangul compatibility jamo block (typing shows jamo while composing);
  * every character in the shared data's text files (--data-root: *.csv, *.tsv, *.xml, and the strings of
    *.json), which the importer turns into the bundle, and in the --text files (the UI's string table).
Characters the font lacks are listed (the app draws look-alikes for them, see web/font.cc).

Outlines only: no hinting (stb_truetype ignores it), no OpenType layout tables (ImGui does not shape text).
NanumGothic's licence (SIL OFL 1.1) reserves its names for the original, so the subset is renamed
"Bokji Hangul"; its copyright and licence travel in the font's name table and in a text file beside it.
Prints what it wrote; exit status 1 on bad input.
"""
import argparse
import json
import logging
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

FAMILY = "Bokji Hangul"
POSTSCRIPT_NAME = "BokjiHangul-Regular"
OFL_NOTICE_SOURCE = "/usr/share/doc/fonts-nanum/copyright"


def ks_x_1001_non_hanja():
    """Every character of KS X 1001 (EUC-KR rows 0xA1..0xFE) except the Hanja block."""
    chars = set()
    for lead in range(0xA1, 0xFF):
        for trail in range(0xA1, 0xFF):
            try:
                c = bytes([lead, trail]).decode("euc_kr")
            except UnicodeDecodeError:
                continue
            if not ("\u4e00" <= c <= "\u9fff" or "\uf900" <= c <= "\ufaff"):
                chars.add(c)
    return chars


def json_strings(value, out):
    if isinstance(value, str):
        out.append(value)
    elif isinstance(value, dict):
        for k, v in value.items():
            out.append(k)
            json_strings(v, out)
    elif isinstance(value, list):
        for v in value:
            json_strings(v, out)


def data_characters(root):
    chars = set()
    files = 0
    for folder, _, names in os.walk(root):
        for name in sorted(names):
            path = os.path.join(folder, name)
            if name.endswith((".csv", ".tsv", ".xml")):
                with open(path, encoding="utf-8-sig") as f:
                    chars.update(f.read())
            elif name.endswith(".json"):
                with open(path, encoding="utf-8-sig") as f:
                    strings = []
                    json_strings(json.load(f), strings)
                for s in strings:
                    chars.update(s)
            else:
                continue
            files += 1
    return chars, files


def licence_text(source_font):
    """The copyright notice and OFL text, from the font's name table and Debian's copyright file."""
    parts = []
    names = source_font["name"]
    for name_id in (0, 13, 14):
        record = names.getDebugName(name_id)
        if record:
            parts.append(record)
    if os.path.exists(OFL_NOTICE_SOURCE):
        with open(OFL_NOTICE_SOURCE, encoding="utf-8") as f:
            text = f.read()
        start = text.find("License: OFL-1.1")
        if start >= 0:
            block = []
            for line in text[start:].splitlines()[1:]:
                if line and not line.startswith(" "):
                    break
                block.append(line[1:] if line.startswith(" ") else line)
            parts.append("\n".join("" if l.strip() == "." else l for l in block).strip())
    return ("Bokji Hangul is a subset of NanumGothic (Debian package fonts-nanum), renamed as the SIL Open\n"
            "Font License 1.1 requires of modified versions that do not keep the Reserved Font Names.\n\n"
            + "\n\n".join(parts) + "\n")


def rename(font):
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22):
            names.removeNames(nameID=record.nameID)
    for name_id, value in ((1, FAMILY), (2, "Regular"), (3, POSTSCRIPT_NAME + ";subset"), (4, FAMILY),
                           (6, POSTSCRIPT_NAME)):
        names.setName(value, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English
        names.setName(value, name_id, 1, 0, 0)      # Macintosh, Roman, English


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--font", required=True)
    parser.add_argument("--data-root", required=True)
    parser.add_argument("--text", action="append", default=[], help="a UTF-8 file whose characters to keep")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    if not os.path.isdir(args.data_root):
        print(f"build-font: no data folder {args.data_root}", file=sys.stderr)
        return 1
    wanted = ks_x_1001_non_hanja()
    wanted.update(chr(c) for c in range(0x20, 0x7F))
    wanted.update(chr(c) for c in range(0x3131, 0x318F))
    data_chars, data_files = data_characters(args.data_root)
    wanted |= data_chars
    for path in args.text:
        with open(path, encoding="utf-8") as f:
            wanted.update(f.read())
    wanted = {c for c in wanted if ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF}

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "TSI0 NOT subset": hinting sources, dropped
    source = TTFont(args.font)
    cmap = source.getBestCmap()
    present = sorted(ord(c) for c in wanted if ord(c) in cmap)
    absent = sorted(ord(c) for c in wanted if ord(c) not in cmap)

    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "DSIG", "gasp", "hdmx", "LTSH", "VDMX"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.name_languages = [0x409, 0]
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_bounds = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=present)
    font = TTFont(args.font)
    subsetter.subset(font)
    rename(font)

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    font.save(args.out)
    licence_path = os.path.splitext(args.out)[0] + ".txt"
    with open(licence_path, "w", encoding="utf-8") as f:
        f.write(licence_text(source))

    hangul = sum(1 for c in present if 0xAC00 <= c <= 0xD7A3)
    print(f"build-font: {len(present)} characters ({hangul} Hangul syllables) from {data_files} data files "
          f"-> {args.out} ({os.path.getsize(args.out)} bytes)")
    if absent:
        listed = " ".join(f"U+{c:04X}" for c in absent)
        print(f"build-font: {len(absent)} characters are not in {os.path.basename(args.font)} "
              f"(the app draws look-alikes): {listed}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
