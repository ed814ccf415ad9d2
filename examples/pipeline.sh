#!/bin/sh
# pipeline.sh — the main job of casekit, run on the shipped examples.
# `./quickstart demo` runs it with the freshly built programs on PATH.
# Everything here is synthetic: no real child, no CPR number.
set -eu
here=$(cd "$(dirname "$0")" && pwd)

pretty() {
	if command -v jq >/dev/null 2>&1; then jq .; else cat; fi
}

echo "== A case opened on concern, before any diagnosis (case-new):"
case-new --municipality 101 --pathway rare-disability \
	--team "Børnehandicap Nord" --external-ref DUBU-88213 \
	--child-name "Alma Eksempel" --born 2019-04-03 \
	--concern 2026-09-01 --aware 2026-10-20 \
	--diagnosis-status suspected --diagnosis-code ORPHA:778 \
	--opened 2026-11-02 | pretty

echo
echo "== The example store, open cases by id:"
grep -c '"status":"open"' "$here/cases.jsonl" | sed 's/$/ open cases/'
