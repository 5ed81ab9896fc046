#!/usr/bin/env bash
# Hostile and careless inputs, end to end: names and links that would lead outputs out of the
# output folder, links already inside it, names that are not UTF-8 or carry newlines, broken
# links, a full disk, a second batch on the same folder, and a batch parent killed with -9.
#   hostile_inputs_test.sh GRIDLIFT_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'pkill -KILL -f "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
source "$(dirname "$0")/checks.sh"
good="$src/fixtures/narrow/sanmenxia-2023-selfeval-narrow.pdf"
read_opts=(--pages 2 --no-text-check -q)

# Everything below $tmp/world except the output folder, before and after: what a run touched.
outside() { (cd "$tmp/world" && find . -path ./out -prune -o -print | LC_ALL=C sort); }

mkdir -p "$tmp/world/in/sub" "$tmp/world/elsewhere/deep"
cp "$good" "$tmp/world/elsewhere/deep/v.pdf"
ln -s "$tmp/world/elsewhere/deep/v.pdf" "$tmp/world/in/v.pdf"        # a link out of the input tree
ln -s ../v.pdf "$tmp/world/in/sub/inside-link.pdf"                   # a link within it
cp "$good" "$tmp/world/in/...pdf"
cp "$good" "$tmp/world/in/..pdf"
cp "$good" "$tmp/world/in/.pdf"
cp "$good" "$tmp/world/in/sub/a∕b⁄c.pdf"                             # slash look-alikes
cp "$good" "$tmp/world/in/$(printf 'bad\377name.pdf')"              # not UTF-8
cp "$good" "$tmp/world/in/$(printf 'new\nline.pdf')"
ln -s "$tmp/world/nowhere.pdf" "$tmp/world/in/dangling.pdf"
ln -s loop-b.pdf "$tmp/world/in/loop-a.pdf"
ln -s loop-a.pdf "$tmp/world/in/loop-b.pdf"
ln -s self.pdf "$tmp/world/in/self.pdf"
inputs=12
before=$(outside)

# 1. extract over the folder.
"$bin" extract "$tmp/world/in" -o "$tmp/world/out" "${read_opts[@]}" 2>"$tmp/extract.err"
check "extract: broken inputs make exit 1" [ $? -eq 1 ]
check "extract: nothing is written outside -o" [ "$(outside)" = "$before" ]
check "extract: the linked file's results carry the link's name" test -s "$tmp/world/out/v.json" -a -s "$tmp/world/out/v/p002-t1.csv"
check "extract: a name of dots keeps its results inside -o" bash -c "ls '$tmp/world/out' | grep -q '^_\.\.\.json$' && [ -s '$tmp/world/out/_../p002-t1.csv' ]"
check "extract: a file named ..pdf gets its own CSV folder" test -s "$tmp/world/out/_./p002-t1.csv"
check "extract: slash look-alikes stay one name" test -s "$tmp/world/out/sub/a∕b⁄c.json"
check "extract: a dangling link is reported by name" grep -q "dangling.pdf: a symbolic link to a file that does not exist" "$tmp/extract.err"
check "extract: a link loop is reported by name" grep -q "loop-a.pdf: a symbolic link that loops" "$tmp/extract.err"
check "extract: a self-pointing link is reported by name" grep -q "self.pdf: a symbolic link that loops" "$tmp/extract.err"
check "extract: a name that is not UTF-8 is read, its output name made valid" test -s "$tmp/world/out/bad_name.json"
check "extract: a newline in a name cannot forge a log line" bash -c "! grep -q '^line.pdf' '$tmp/extract.err'"
check "extract: nothing partial is left" bash -c "[ -z \"\$(find '$tmp/world/out' -name '*.partial')\" ]"

# 2. batch over the same folder.
rm -rf "$tmp/world/out"
"$bin" batch "$tmp/world/in" -o "$tmp/world/out" -j 2 "${read_opts[@]}" 2>"$tmp/batch.err"
check "batch: broken inputs make exit 1" [ $? -eq 1 ]
check "batch: nothing is written outside -o" [ "$(outside)" = "$before" ]
check "batch: one manifest line per input" [ "$(wc -l <"$tmp/world/out/manifest.jsonl")" -eq "$inputs" ]
check "batch: the broken links are in the manifest" [ "$(grep -c '"status":"failed"' "$tmp/world/out/manifest.jsonl")" -eq 4 ]
check "batch: one error line per failed input" [ "$(grep -c '^error:' "$tmp/batch.err")" -eq 4 ]
check "batch: a newline in a name is escaped in the manifest's path" grep -q 'new\\nline.pdf' "$tmp/world/out/manifest.jsonl"

# 3. Links already inside the output tree are replaced, never followed.
mkdir -p "$tmp/world/victim" "$tmp/o3"
ln -s "$tmp/world/victim" "$tmp/o3/sanmenxia-2023-selfeval-narrow"
ln -s "$tmp/world/victim/stolen.json" "$tmp/o3/sanmenxia-2023-selfeval-narrow.json.partial"
ln -s "$tmp/world/victim/stolen.md" "$tmp/o3/sanmenxia-2023-selfeval-narrow.md.partial"
"$bin" extract "$good" -o "$tmp/o3" "${read_opts[@]}" 2>/dev/null
check "a link at OUT/NAME is not followed" bash -c "[ -z \"\$(ls -A '$tmp/world/victim')\" ]"
check "it is replaced by the CSV folder" bash -c "[ ! -L '$tmp/o3/sanmenxia-2023-selfeval-narrow' ] && [ -s '$tmp/o3/sanmenxia-2023-selfeval-narrow/p002-t1.csv' ]"

# 4. A full disk (a file-size limit stands in for it): the report does not fit, so the document
# is failed and leaves nothing of itself; --resume with room redoes it.
mkdir -p "$tmp/o4"
(ulimit -f 64 && "$bin" extract "$good" -o "$tmp/o4" --report "${read_opts[@]}" 2>"$tmp/full.err")
check "a full disk fails the document (exit 1)" [ $? -eq 1 ]
check "and names the document and the cause" grep -q "sanmenxia-2023-selfeval-narrow.pdf: not written, .*(File too large)" "$tmp/full.err"
check "and leaves none of its outputs" bash -c "[ -z \"\$(ls -A '$tmp/o4')\" ]"
(ulimit -f 64 && "$bin" batch "$good" -o "$tmp/o4b" --report "${read_opts[@]}" 2>/dev/null)
check "batch: a full disk records the document failed" grep -q '"status":"failed"' "$tmp/o4b/manifest.jsonl"
"$bin" batch "$good" -o "$tmp/o4b" --report --resume "${read_opts[@]}" 2>/dev/null
check "batch --resume redoes it: its report is written" test -s "$tmp/o4b/sanmenxia-2023-selfeval-narrow.report.html"

# 5. A second batch on an output folder a live batch holds is refused.
mkdir -p "$tmp/in5"
for i in 1 2 3 4; do cp "$good" "$tmp/in5/hang-$i.pdf"; done
GRIDLIFT_TEST_FAULT=hang:hang- "$bin" batch "$tmp/in5" -o "$tmp/o5" -j 2 "${read_opts[@]}" 2>/dev/null &
first=$!
for _ in $(seq 1 100); do [ -f "$tmp/o5/manifest.jsonl.lock" ] && break; sleep 0.05; done
sleep 0.5
"$bin" batch "$tmp/in5" -o "$tmp/o5" -j 1 --resume "${read_opts[@]}" 2>"$tmp/second.err"
check "a second batch on a held folder exits 3" [ $? -eq 3 ]
check "and names the holder's pid" grep -q "held by gridlift batch (pid $first)" "$tmp/second.err"

# 6. kill -9 of the parent: its workers die with it.
kill -9 "$first"
wait "$first" 2>/dev/null
sleep 5
check "no worker outlives its killed parent (5 s)" bash -c "! pgrep -f '[b]atch-worker -o $tmp/o5' >/dev/null"
"$bin" batch "$tmp/in5" -o "$tmp/o5" -j 1 --resume "${read_opts[@]}" 2>/dev/null
check "after the kill, --resume takes the folder and finishes" [ "$(grep -c '"status":"ok"' "$tmp/o5/manifest.jsonl")" -eq 4 ]

# 7. A file whose name looks like an option.
cp "$good" "$tmp/-x.pdf"
(cd "$tmp" && "$bin" extract -x.pdf -o o7 2>"$tmp/dash.err")
check "a bare -x.pdf is a usage error that says to use --" bash -c "[ $? -eq 2 ] && grep -q -- '--' '$tmp/dash.err' && grep -q 'x.pdf' '$tmp/dash.err'"
(cd "$tmp" && "$bin" extract -o o7 "${read_opts[@]}" -- -x.pdf)
check "after --, -x.pdf is read" test -s "$tmp/o7/-x.json"

# 8. Text from a PDF is data: no live markup in the Markdown (rendered by cmark-gfm with raw HTML
# let through, as a permissive renderer would), no formula in a CSV; real numbers stay numbers.
"$bin" extract "$src/fixtures/hostile/markup-payloads.pdf" -o "$tmp/o8" --ocr never -q
cmark-gfm --unsafe -e table "$tmp/o8/markup-payloads.md" >"$tmp/o8/rendered.html"
check "both payload tables are tables in the Markdown" [ "$(grep -c '<table>' "$tmp/o8/rendered.html")" -eq 2 ]
check "no element from the PDF's text becomes live HTML" bash -c "! grep -Eiq '<(script|img|b |/table><script)' '$tmp/o8/rendered.html'"
check "no javascript: link" bash -c "! grep -qi 'href=\"javascript' '$tmp/o8/rendered.html'"
check "no code span, emphasis or heading from the text" bash -c "! grep -Eq '<(code|em|strong|h1|ul)>' '$tmp/o8/rendered.html'"
check "the payloads read as their text" grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;' "$tmp/o8/rendered.html"
neutralised() {
  local formula
  for formula in "'=HYPERLINK" "'+1+1" "'@SUM(A1)" "'-2+3" "'=cmd|"; do
    grep -qF -- "$formula" "$tmp"/o8/markup-payloads/*.csv || return 1
  done
}
check "CSV: formulas get a leading quote" neutralised
check "CSV: a negative number stays a number" grep -q $'^row 5,-40.42\r$' "$tmp/o8/markup-payloads/p001-t2.csv"

# 9. Pages that ask too much of the renderer: one too large for the usual dpi is drawn coarser and
# says so; one leaving 200,000 graphics states open is refused, with its reason, before it is drawn.
"$bin" extract "$src/fixtures/hostile/huge-page.pdf" -o "$tmp/o9" --report 2>"$tmp/huge.err"
check "a huge page is read" [ $? -eq 0 ]
check "and the log warns it was drawn at a lowered dpi" grep -q "^warning: .*huge-page.pdf page 1: .* drawn at 32 dpi instead of 150" "$tmp/huge.err"
check "and the report says so on its page" grep -q '<p class="warn">page is 5080 × 5080 mm: drawn at 32 dpi' "$tmp/o9/huge-page.report.html"
"$bin" extract "$src/fixtures/hostile/unmatched-saves.pdf" -o "$tmp/o9" 2>"$tmp/saves.err"
check "a page of 200,000 open graphics states fails its document (exit 1)" [ $? -eq 1 ]
check "with one line naming the file and the cause" grep -q "^error: .*unmatched-saves.pdf: no page could be read (page 1: its content leaves 200000 graphics states open" "$tmp/saves.err"
check "and leaves no result of no pages" bash -c "[ ! -e '$tmp/o9/unmatched-saves.json' ]"

report_checks
