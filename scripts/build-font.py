#!/usr/bin/python3
"""Builds the app's fonts: a Hangul subset of NanumGothic holding every character the Korean and English
UI and the data may draw, and one small extra font per other UI language (Vietnamese, Chinese), which the
app fetches and adds to its glyph atlas only when that language is chosen.

    /usr/bin/python3 scripts/build-font.py --font /usr/share/fonts/truetype/nanum/NanumGothic.ttf \\
        --extra-font /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc --data-root ../shared/data \\
        --strings web/model/strings.cc --out build/wasm/web/site/fonts/bokji-hangul.ttf
    # also writes fonts/bokji-vi.ttf and fonts/bokji-zh.ttf beside --out, each with its licence (.txt)

The Hangul subset holds:
  * every KS X 1001 character except Hanja: the 2,350 Hangul syllables and 987 symbols (punctuation,
    compatibility jamo, circled numbers, arrows, box drawing, Greek, units), from Python's euc_kr codec;
  * printable ASCII and the whole Hangul compatibility jamo block (typing shows jamo while composing);
  * every character in the shared data's text files (--data-root: *.csv, *.tsv, *.xml, and the strings of
    *.json), which the importer turns into the bundle, and in the --text files;
  * the Korean and English columns of the string table (--strings: web/model/strings.cc) and its other
    literals (the language chooser's names "Tiếng Việt", "中文(简体)"): the few of those NanumGothic lacks are
    copied in from --extra-font (outlines converted to TrueType quadratics), so the chooser never shows a box.
Characters the font lacks are listed (the app draws look-alikes for them, see web/font.cc).

Each extra font (bokji-vi.ttf, bokji-zh.ttf: Noto Sans CJK SC, face 2 of Debian's fonts-noto-cjk collection,
which covers Vietnamese too) holds printable ASCII and every non-Hangul character of its language's column;
the app puts it first in the atlas for that language (Latin and Chinese in one design) and takes Hangul
(place and facility names) from the Hangul subset. Korean and English visits never download them.

Outlines only: no hinting (stb_truetype ignores it), no OpenType layout tables (ImGui does not shape text).
NanumGothic's licence (SIL OFL 1.1) reserves its names for the original, so the subset is renamed
"Bokji Hangul"; its copyright and licence travel in the font's name table and in a text file beside it.
Prints what it wrote; exit status 1 on bad input.
"""
import argparse
import json
import re
import logging
import os
import sys

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.transformPen import TransformPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont

FAMILY = "Bokji Hangul"
POSTSCRIPT_NAME = "BokjiHangul-Regular"
OFL_NOTICE_SOURCE = "/usr/share/doc/fonts-nanum/copyright"
NOTO_NOTICE_SOURCE = "/usr/share/doc/fonts-noto-cjk/copyright"
# The string table's columns (web/model/strings.h, Language) and the extra font each non-Korean one needs.
COLUMNS = ("ko", "en", "vi", "zh")
EXTRA_FONTS = {"vi": ("bokji-vi", "Bokji Vietnamese", "BokjiVietnamese-Regular"),
               "zh": ("bokji-zh", "Bokji Chinese", "BokjiChinese-Regular")}
NOTO_CJK_SC_FACE = 2  # NotoSansCJK-Regular.ttc: JP, KR, SC, TC, HK


def is_hangul(c):
    o = ord(c)
    return 0xAC00 <= o <= 0xD7A3 or 0x1100 <= o <= 0x11FF or 0x3130 <= o <= 0x318F


def c_literals(source):
    """(offset, text) of every string literal of C++ source, comments skipped; adjacent literals are kept apart."""
    out = []
    i, n = 0, len(source)
    while i < n:
        if source.startswith("//", i):
            i = source.find("\n", i)
            i = n if i < 0 else i
        elif source.startswith("/*", i):
            i = source.find("*/", i) + 2
        elif source[i] == "'":
            i = source.find("'", i + 2) + 1  # a char literal ('"' included)
        elif source[i] == '"':
            j, text = i + 1, []
            while source[j] != '"':
                if source[j] == "\\":
                    text.append({"n": "\n", "t": "\t"}.get(source[j + 1], source[j + 1]))
                    j += 2
                else:
                    text.append(source[j])
                    j += 1
            out.append((i, "".join(text)))
            i = j + 1
        else:
            i += 1
    return out


def string_columns(path):
    """The string table's texts by column ("ko", "en", "vi", "zh") and its other literals ("other").

    A column table row is a brace pair holding only string literals and commas: {"노인", "Elderly", ...};
    the n-th comma-separated group of adjacent literals is column n."""
    with open(path, encoding="utf-8") as f:
        source = f.read()
    literals = c_literals(source)
    columns = {c: [] for c in COLUMNS}
    columns["other"] = []
    in_row = set()
    for m in re.finditer(r"\{([^{}]*)\}", source):
        inside = [(o, t) for o, t in literals if m.start() < o < m.end()]
        if not inside:
            continue
        # Group adjacent literals by the commas between them.
        groups, current, last_end = [], [], None
        ok = True
        for o, t in inside:
            if last_end is not None:
                between = source[last_end:o]
                stripped = re.sub(r"\s", "", between)
                if stripped == ",":
                    groups.append(current)
                    current = []
                elif stripped != "":
                    ok = False
            current.append(t)
            close = source.index('"', o + 1)
            while source[close - 1] == "\\":
                close = source.index('"', close + 1)
            last_end = close + 1
        groups.append(current)
        head = re.sub(r"\s", "", source[m.start() + 1:inside[0][0]])
        tail = re.sub(r"\s", "", source[last_end:m.end() - 1])
        if not ok or head or tail or not 2 <= len(groups) <= len(COLUMNS):
            continue
        for column, group in zip(COLUMNS, groups):
            columns[column].append("".join(group))
        in_row.update(o for o, _ in inside)
    columns["other"] = [t for o, t in literals if o not in in_row]
    return columns


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


def licence_text(source_font, family, origin, notice_source, licence_heading):
    """The copyright notice and OFL text, from the font's name table and Debian's copyright file."""
    parts = []
    names = source_font["name"]
    for name_id in (0, 13, 14):
        record = names.getDebugName(name_id)
        if record:
            parts.append(record)
    if os.path.exists(notice_source):
        with open(notice_source, encoding="utf-8") as f:
            text = f.read()
        start = text.find(licence_heading)
        if start >= 0:
            block = []
            for line in text[start:].splitlines()[1:]:
                if line and not line.startswith(" "):
                    break
                block.append(line[1:] if line.startswith(" ") else line)
            parts.append("\n".join("" if l.strip() == "." else l for l in block).strip())
    return (f"{family} is a subset of {origin}, renamed as the SIL Open\n"
            "Font License 1.1 requires of modified versions that do not keep the Reserved Font Names.\n\n"
            + "\n\n".join(parts) + "\n")


def graft(font, source, chars):
    """Copies the outlines of `chars` from `source` (any outline format) into the TrueType `font`."""
    scale = font["head"].unitsPerEm / source["head"].unitsPerEm
    source_glyphs = source.getGlyphSet()
    source_cmap = source.getBestCmap()
    glyf, hmtx = font["glyf"], font["hmtx"]
    order = list(font.getGlyphOrder())
    for c in sorted(chars):
        name = f"uni{ord(c):04X}"
        pen = TTGlyphPen(None)
        source_glyph = source_glyphs[source_cmap[ord(c)]]
        # CFF contours run the other way round from TrueType's.
        source_glyph.draw(Cu2QuPen(TransformPen(pen, (scale, 0, 0, scale, 0, 0)), 1.0, reverse_direction=True))
        glyph = pen.glyph()
        glyph.recalcBounds(glyf)
        order.append(name)
        glyf.glyphs[name] = glyph
        hmtx.metrics[name] = (round(source_glyph.width * scale), getattr(glyph, "xMin", 0))
        for table in font["cmap"].tables:
            if table.isUnicode():
                table.cmap[ord(c)] = name
    font.setGlyphOrder(order)
    glyf.glyphOrder = order
    font["maxp"].numGlyphs = len(order)


def subset_font(path, font_number, unicodes):
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.drop_tables += ["GSUB", "GPOS", "GDEF", "kern", "DSIG", "gasp", "hdmx", "LTSH", "VDMX", "VORG",
                            "vhea", "vmtx", "BASE"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    options.name_languages = [0x409, 0]
    options.notdef_outline = True
    options.glyph_names = False
    options.recalc_bounds = True
    options.font_number = font_number
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=unicodes)
    font = TTFont(path, fontNumber=font_number)
    subsetter.subset(font)
    return font


def rename(font, family=FAMILY, postscript_name=POSTSCRIPT_NAME):
    names = font["name"]
    for record in list(names.names):
        if record.nameID in (1, 3, 4, 6, 16, 17, 18, 21, 22):
            names.removeNames(nameID=record.nameID)
    for name_id, value in ((1, family), (2, "Regular"), (3, postscript_name + ";subset"), (4, family),
                           (6, postscript_name)):
        names.setName(value, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English
        names.setName(value, name_id, 1, 0, 0)      # Macintosh, Roman, English
    if "CFF " in font:
        font["CFF "].cff.fontNames = [postscript_name]


def write_extra_fonts(args, columns, out_dir):
    """bokji-vi.ttf, bokji-zh.ttf: ASCII and every non-Hangul character of the language's column."""
    source = TTFont(args.extra_font, fontNumber=NOTO_CJK_SC_FACE)
    cmap = source.getBestCmap()
    for column, (stem, family, postscript_name) in EXTRA_FONTS.items():
        wanted = {chr(c) for c in range(0x20, 0x7F)}
        for text in columns[column]:
            wanted.update(c for c in text if not is_hangul(c) and ord(c) >= 0x20)
        present = sorted(ord(c) for c in wanted if ord(c) in cmap)
        absent = sorted(ord(c) for c in wanted if ord(c) not in cmap)
        font = subset_font(args.extra_font, NOTO_CJK_SC_FACE, present)
        rename(font, family, postscript_name)
        out = os.path.join(out_dir, stem + ".ttf")
        font.save(out)
        with open(os.path.join(out_dir, stem + ".txt"), "w", encoding="utf-8") as f:
            f.write(licence_text(source, family, "Noto Sans CJK SC (Debian package fonts-noto-cjk)",
                                 NOTO_NOTICE_SOURCE, "License: SIL-1.1"))
        print(f"build-font: {len(present)} characters of the {column} column -> {out} ({os.path.getsize(out)} bytes)")
        if absent:
            print(f"build-font: {len(absent)} {column} characters are not in the extra font: "
                  + " ".join(f"U+{c:04X}" for c in absent))
            return False
    return True


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--font", required=True)
    parser.add_argument("--extra-font", required=True, help="Noto Sans CJK's collection (face 2: SC)")
    parser.add_argument("--data-root", required=True)
    parser.add_argument("--strings", required=True, help="web/model/strings.cc, the string table")
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
    columns = string_columns(args.strings)
    ui_chars = set()
    for column in ("ko", "en", "other"):
        for text in columns[column]:
            ui_chars.update(text)
    wanted |= ui_chars
    wanted = {c for c in wanted if ord(c) >= 0x20 and not 0xD800 <= ord(c) <= 0xDFFF}

    logging.getLogger("fontTools").setLevel(logging.ERROR)  # "TSI0 NOT subset": hinting sources, dropped
    source = TTFont(args.font)
    cmap = source.getBestCmap()
    present = sorted(ord(c) for c in wanted if ord(c) in cmap)
    extra = TTFont(args.extra_font, fontNumber=NOTO_CJK_SC_FACE)
    extra_cmap = extra.getBestCmap()
    # The UI's own characters NanumGothic lacks come from the extra font; the data's are drawn as look-alikes.
    grafted = {c for c in ui_chars if ord(c) >= 0x20 and ord(c) not in cmap and ord(c) in extra_cmap}
    absent = sorted(ord(c) for c in wanted if ord(c) not in cmap and c not in grafted)

    font = subset_font(args.font, 0, present)
    graft(font, extra, grafted)
    rename(font)

    out_dir = os.path.dirname(os.path.abspath(args.out))
    os.makedirs(out_dir, exist_ok=True)
    font.save(args.out)
    licence_path = os.path.splitext(args.out)[0] + ".txt"
    with open(licence_path, "w", encoding="utf-8") as f:
        f.write(licence_text(source, FAMILY, "NanumGothic (Debian package fonts-nanum)", OFL_NOTICE_SOURCE,
                             "License: OFL-1.1"))
        if grafted:
            f.write("\nThe glyphs of " + "".join(sorted(grafted)) + " come from Noto Sans CJK SC:\n\n"
                    + licence_text(extra, "Bokji Hangul", "Noto Sans CJK SC (Debian package fonts-noto-cjk)",
                                   NOTO_NOTICE_SOURCE, "License: SIL-1.1"))

    hangul = sum(1 for c in present if 0xAC00 <= c <= 0xD7A3)
    print(f"build-font: {len(present) + len(grafted)} characters ({hangul} Hangul syllables, "
          f"{len(grafted)} from Noto Sans CJK SC) from {data_files} data files "
          f"-> {args.out} ({os.path.getsize(args.out)} bytes)")
    if absent:
        listed = " ".join(f"U+{c:04X}" for c in absent)
        print(f"build-font: {len(absent)} characters are not in {os.path.basename(args.font)} "
              f"(the app draws look-alikes): {listed}")
    return 0 if write_extra_fonts(args, columns, out_dir) else 1


if __name__ == "__main__":
    sys.exit(main())
