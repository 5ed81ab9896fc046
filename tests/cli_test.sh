#!/usr/bin/env bash
# Smoke tests of the gridlift command line: help, version, a real extraction, bad inputs, exit codes.
#   cli_test.sh GRIDLIFT_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/checks.sh"

check "--help names the subcommands" bash -c "'$bin' --help | grep -q extract"
check "extract --help documents --pages" bash -c "'$bin' extract --help | grep -q -- --pages"
check "--version prints a version" bash -c "'$bin' --version | grep -Eq 'gridlift [0-9]+\.[0-9]+'"
check "no subcommand is a usage error (2)" bash -c "'$bin' >/dev/null 2>&1; [ \$? -eq 2 ]"
check "bad --pages is a usage error (2)" bash -c "'$bin' extract '$src/fixtures/digital/jiaozuo-2023-final.pdf' --pages 5-2 -o '$tmp/x' 2>/dev/null; [ \$? -eq 2 ]"

"$bin" extract "$src/fixtures/digital/jiaozuo-2023-final.pdf" --pages 2-3 -o "$tmp/out" -q
check "extract exits 0 on a good file" [ $? -eq 0 ]
check "writes NAME.json, NAME.md and CSVs" test -s "$tmp/out/jiaozuo-2023-final.json" -a -s "$tmp/out/jiaozuo-2023-final.md" -a -s "$tmp/out/jiaozuo-2023-final/p002-t1.csv"
check "--pages limits the pages" bash -c "! grep -q '\"page\": 4' '$tmp/out/jiaozuo-2023-final.json'"

"$bin" extract "$src/fixtures/bad/encrypted.pdf" "$src/fixtures/narrow/sanmenxia-2023-selfeval-narrow.pdf" -o "$tmp/mixed" 2>"$tmp/err.txt"
check "a failed input makes exit 1" [ $? -eq 1 ]
check "the error line names file and cause" grep -q "encrypted.pdf: encrypted PDF needs a password" "$tmp/err.txt"
check "the good input of the same run is written" test -s "$tmp/mixed/sanmenxia-2023-selfeval-narrow.json"

touch "$tmp/plainfile"
"$bin" extract "$src/fixtures/narrow/sanmenxia-2023-selfeval-narrow.pdf" -o "$tmp/plainfile/out" 2>"$tmp/err2.txt"
check "unwritable output folder exits 3" [ $? -eq 3 ]
check "and says which folder" grep -q "plainfile/out" "$tmp/err2.txt"

"$bin" extract "$src/fixtures/narrow/sanmenxia-2023-selfeval-narrow.pdf" -o "$tmp/overlay" --overlay "$tmp/overlay/png" -q
check "--overlay writes a PNG per page" test -s "$tmp/overlay/png/sanmenxia-2023-selfeval-narrow-p002.png"

"$bin" overlay "$src/fixtures/narrow/sanmenxia-2023-selfeval-narrow.pdf" --pages 2 --layers lines,cells -o "$tmp/drawn" -q
check "overlay exits 0 and draws only the pages asked" bash -c "[ $? -eq 0 ] && ls '$tmp/drawn' | grep -qx 'sanmenxia-2023-selfeval-narrow-p002.png' && [ \$(ls '$tmp/drawn' | wc -l) -eq 1 ]"
check "overlay writes no table files" bash -c "! ls '$tmp/drawn' | grep -q json"
check "an unknown overlay layer is a usage error (2)" bash -c "'$bin' overlay '$src/fixtures/digital/jiaozuo-2023-final.pdf' --layers grid -o '$tmp/y' 2>&1 | grep -q \"unknown overlay layer 'grid'\"; [ \${PIPESTATUS[0]} -eq 2 ]"
check "an unknown --profile is a usage error (2) naming the profiles there are" bash -c "'$bin' extract '$src/fixtures/digital/jiaozuo-2023-final.pdf' --profile nope -o '$tmp/p' 2>&1 | grep -q 'no profile named nope.*found cn-budget, generic'; [ \${PIPESTATUS[0]} -eq 2 ]"
"$bin" extract "$src/fixtures/digital/jiaozuo-2023-final.pdf" --pages 1 --profile generic -o "$tmp/generic" -q
check "--profile generic reads a budget PDF too" test -s "$tmp/generic/jiaozuo-2023-final.json"
"$bin" overlay "$tmp/missing.pdf" -o "$tmp/drawn2" 2>"$tmp/err3.txt"
check "overlay of a missing file exits 1 naming it" bash -c "[ $? -eq 1 ] && grep -q 'missing.pdf' '$tmp/err3.txt'"

"$bin" extract "$src/fixtures/narrow/sanmenxia-2023-selfeval-narrow.pdf" -o "$tmp/report" --report -q
check "--report writes NAME.report.html next to the JSON" test -s "$tmp/report/sanmenxia-2023-selfeval-narrow.report.html" -a -s "$tmp/report/sanmenxia-2023-selfeval-narrow.json"

"$bin" score "$src/fixtures/narrow" "$tmp/mixed" >"$tmp/score.txt"
check "score ends with the machine-readable line" bash -c "tail -1 '$tmp/score.txt' | grep -Eq '^score: tables=[0-9.]+ cell=[0-9.]+ numeric=[0-9.]+ structure=[0-9.]+$'"

# The workbook, read back against the JSON it was written from (tests/xlsx_readback.py): a born-digital
# report with failed totals, a page with cells read by OCR, and PDF text made of markup and formulas.
"$bin" extract "$src/fixtures/digital/jiaozuo-2023-final.pdf" "$src/fixtures/mixed/sanmenxia-2023-final-pasted.pdf" \
  "$src/fixtures/hostile/markup-payloads.pdf" --pages 1-4 --xlsx -o "$tmp/xlsx" -q 2>/dev/null
for name in jiaozuo-2023-final sanmenxia-2023-final-pasted markup-payloads; do
  check "--xlsx: $name.xlsx reads back as its JSON says" \
    /usr/bin/python3 "$src/tests/xlsx_readback.py" "$tmp/xlsx/$name.xlsx" "$tmp/xlsx/$name.json"
done

report_checks
