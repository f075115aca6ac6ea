#!/usr/bin/env python3
"""Side-by-side editing of Driehoek's .resx files.

  scripts/resx.py merge BASE.resx strings.json   add or update keys in BASE.resx (Dutch) and BASE.<lang>.resx
  scripts/resx.py table BASE.resx                print every key with all languages (a review or a translator's sheet)
  scripts/resx.py missing                        list keys missing per language for every resource set under src/

strings.json: {"Key": {"nl": "...", "en": "...", "ar": "...", ...}, ...}. Dutch is the neutral resource
(BASE.resx); other languages go to BASE.<lang>.resx. Files are written sorted by key.
"""
import json, os, sys, glob
import xml.etree.ElementTree as ET

LANGS = ["nl", "en", "ar", "tr", "pl", "uk"]
HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def path_for(base, lang):
    return base if lang == "nl" else base[:-5] + "." + lang + ".resx"

def read(path):
    if not os.path.exists(path):
        return {}
    root = ET.parse(path).getroot()
    return {d.get("name"): (d.find("value").text or "") for d in root.findall("data")}

def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

def write(path, data):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for k in sorted(data):
            f.write(f'  <data name="{esc(k)}" xml:space="preserve"><value>{esc(data[k])}</value></data>\n')
        f.write("</root>\n")

def merge(base, src):
    strings = json.load(open(src, encoding="utf-8"))
    for lang in LANGS:
        p = path_for(base, lang)
        data = read(p)
        changed = False
        for key, tr in strings.items():
            if lang in tr:
                data[key] = tr[lang]
                changed = True
        if changed or os.path.exists(p):
            write(p, data)

def table(base):
    sets = {lang: read(path_for(base, lang)) for lang in LANGS}
    for k in sorted(sets["nl"]):
        print(k)
        for lang in LANGS:
            print(f"  {lang}: {sets[lang].get(k, '<MISSING>')}")

def missing():
    for base in sorted(glob.glob("src/**/*.resx", recursive=True)):
        name = os.path.basename(base)
        if name.count(".") != 1:
            continue
        keys = set(read(base))
        for lang in LANGS[1:]:
            p = path_for(base, lang)
            if os.path.exists(p):
                gap = keys - set(read(p))
                if gap:
                    print(f"{p}: {len(gap)} missing: {', '.join(sorted(gap)[:8])}")

if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "merge" and len(sys.argv) == 4:
        merge(sys.argv[2], sys.argv[3])
    elif cmd == "table" and len(sys.argv) == 3:
        table(sys.argv[2])
    elif cmd == "missing":
        missing()
    else:
        print(__doc__)
        sys.exit(2)
