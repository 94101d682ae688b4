#!/usr/bin/env python3
"""Holds every #include "…" of src/ and include/gklint/ to the stages of docs/layers.txt.

  scripts/check-layers.py [REPO]     exit 0 when every include is allowed; else one line per
                                     offence (file:line: what and why) and exit 1.
"""
import os
import re
import sys

root = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), ".."))
problems = []

stages = {}          # name -> {"folders", "headers", "uses"}
order = []
with open(os.path.join(root, "docs/layers.txt"), encoding="utf-8") as f:
    for number, raw in enumerate(f, 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        # Columns are separated by two or more blanks; lists inside a column by one.
        cols = re.split(r"\s{2,}", line)
        if len(cols) != 4:
            sys.exit(f"docs/layers.txt:{number}: expected 4 columns (stage, folders, headers, uses)")
        name, folders, headers, uses = cols
        listed = lambda s: [] if s == "-" else s.split()
        stages[name] = {"folders": listed(folders), "headers": listed(headers), "uses": listed(uses)}
        order.append(name)

for name in order:
    for used in stages[name]["uses"]:
        if used not in stages or order.index(used) >= order.index(name):
            sys.exit(f"docs/layers.txt: stage {name} uses {used}, which is not a stage listed above it")

# What each stage may see: itself and everything it uses, directly or through another stage.
def below(name, seen=None):
    seen = set() if seen is None else seen
    for used in stages[name]["uses"]:
        if used not in seen:
            seen.add(used)
            below(used, seen)
    return seen

folder_stage = {d: s for s in order for d in stages[s]["folders"]}
header_stage = {h: s for s in order for h in stages[s]["headers"]}

def stage_of(rel):
    parts = rel.split("/")
    if parts[0] == "include":
        return header_stage.get(os.path.splitext(parts[2])[0])
    return folder_stage.get(parts[1]) if len(parts) > 2 else None

files = []
for top in ("src", "include/gklint"):
    for dirpath, _, names in os.walk(os.path.join(root, top)):
        for n in sorted(names):
            if n.endswith((".cpp", ".hpp")):
                files.append(os.path.relpath(os.path.join(dirpath, n), root))

include_re = re.compile(r'^\s*#\s*include\s+"([^"]+)"')
for rel in sorted(files):
    stage = stage_of(rel)
    if stage is None:
        where = "header" if rel.startswith("include/") else "folder"
        problems.append(f"{rel}: its {where} is in no stage of docs/layers.txt")
        continue
    visible = below(stage) | {stage}
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            m = include_re.match(line)
            if not m:
                continue
            target = m.group(1)
            parts = target.split("/")
            if parts[0] == "gklint" and len(parts) == 2:
                owner = header_stage.get(os.path.splitext(parts[1])[0])
                if owner is None:
                    problems.append(f"{rel}:{number}: {target} is in no stage of docs/layers.txt")
                elif owner not in visible:
                    problems.append(f"{rel}:{number}: {target} belongs to stage {owner}, above or beside "
                                    f"{stage} (which may use: {', '.join(sorted(below(stage))) or 'nothing'})")
            elif len(parts) == 2 and parts[0] in folder_stage:
                if folder_stage[parts[0]] != stage:
                    problems.append(f"{rel}:{number}: {target} is internal to stage {folder_stage[parts[0]]}; "
                                    f"from {stage}, use that stage's public headers (include/gklint/)")
            else:
                problems.append(f"{rel}:{number}: {target}: include a header as \"gklint/NAME.hpp\" or \"FOLDER/NAME.hpp\"")

for p in problems:
    print(p)
if problems:
    print(f"check-layers: {len(problems)} include(s) break the layers of docs/layers.txt", file=sys.stderr)
    sys.exit(1)
print(f"check-layers: {len(files)} files, {len(order)} stages: every include allowed")
