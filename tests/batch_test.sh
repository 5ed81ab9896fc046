#!/usr/bin/env bash
# The batch command end to end: good documents as `gridlift extract` writes them, bad ones and a
# crashing or hanging worker recorded in the manifest, kill -9 then --resume, two shards + merge
# equal to one unsharded run.
#   batch_test.sh GRIDLIFT_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/checks.sh"
# A manifest's standing entries without the timings, one per line, sorted: comparable across runs.
standing() { "$bin" manifest merge "$@" -o "$tmp/standing.jsonl" >/dev/null; sed -E 's/"seconds":[^,]*,//' "$tmp/standing.jsonl"; }
# On a difference, says which files differ (stderr), so that a failure can be told from a flake.
same_outputs() { diff -rq --exclude='manifest*.jsonl' --exclude='manifest*.jsonl.lock' "$1" "$2" >&2; }

mkdir -p "$tmp/in/good" "$tmp/in/bad"
cp "$src"/fixtures/digital/*.pdf "$src"/fixtures/narrow/*.pdf "$tmp/in/good/"
cp "$src"/fixtures/bad/*.pdf "$tmp/in/bad/"
cp "$src/fixtures/narrow/sanmenxia-2023-selfeval-narrow.pdf" "$tmp/in/bad/crash-me.pdf"
"$bin" extract -q "$tmp/in/good" -o "$tmp/reference" 2>/dev/null

# 1. Good and bad documents, and one whose worker aborts.
GRIDLIFT_TEST_FAULT=abort:crash-me "$bin" batch -q "$tmp/in/good" "$tmp/in/bad" -o "$tmp/b1" -j 2 2>"$tmp/b1.err"
check "a batch with failures exits 1" [ $? -eq 1 ]
manifest="$tmp/b1/manifest.jsonl"
check "one manifest line per document" [ "$(wc -l <"$manifest")" -eq 11 ]
check "good documents are ok" [ "$(grep -c '"status":"ok"' "$manifest")" -eq 6 ]
check "good documents' outputs equal gridlift extract's" same_outputs "$tmp/b1" "$tmp/reference"
check "encrypted recorded with its cause" grep -q 'encrypted.pdf: encrypted PDF needs a password' "$manifest"
check "zero-byte recorded" grep -q 'zero-bytes.pdf: empty file' "$manifest"
check "truncated recorded" grep -q 'truncated.pdf: damaged PDF' "$manifest"
check "text file named .pdf recorded" grep -q 'text-named-pdf.pdf: not a PDF' "$manifest"
check "the aborting worker is recorded, the batch went on" grep -q 'crash-me.pdf: the worker reading it died (killed by signal 6' "$manifest"
check "failures are also on stderr" grep -q 'crash-me.pdf: the worker reading it died' "$tmp/b1.err"

# 2. A document past --timeout: long enough that the others finish inside it on a busy machine
# (ctest -j runs OCR tests beside this one).
GRIDLIFT_TEST_FAULT=hang:jiaozuo-2023-final.pdf "$bin" batch -q "$tmp/in/good" -o "$tmp/b2" -j 2 --timeout 15 2>/dev/null
check "a timeout exits 1" [ $? -eq 1 ]
check "and is recorded as timeout" grep -q '"status":"timeout".*not done after 15 s' "$tmp/b2/manifest.jsonl"
check "the other documents are ok" [ "$(grep -c '"status":"ok"' "$tmp/b2/manifest.jsonl")" -eq 5 ]
"$bin" batch -q "$tmp/in/good" -o "$tmp/b2" -j 2 --resume 2>/dev/null
check "--resume redoes only the timed-out document" bash -c "[ \$(grep -c '\"status\":\"skipped\"' '$tmp/b2/manifest.jsonl') -eq 5 ]"
check "and then the outputs are complete" same_outputs "$tmp/b2" "$tmp/reference"

# 3. kill -9 of the whole batch (parent and workers) in the middle, then --resume.
for i in 1 2 3; do for f in "$tmp"/in/good/*.pdf; do cp "$f" "$tmp/in/many-$i-$(basename "$f")"; done; done
mkdir -p "$tmp/in/many" && mv "$tmp"/in/many-*.pdf "$tmp/in/many/"
"$bin" extract -q "$tmp/in/many" -o "$tmp/many-reference" 2>/dev/null
setsid "$bin" batch -q "$tmp/in/many" -o "$tmp/b3" -j 2 2>/dev/null &
leader=$!
for _ in $(seq 1 600); do
  [ -f "$tmp/b3/manifest.jsonl" ] && [ "$(wc -l <"$tmp/b3/manifest.jsonl")" -ge 4 ] && break
  sleep 0.05
done
kill -9 -- -"$leader" 2>/dev/null
wait "$leader" 2>/dev/null
done_before=$(wc -l <"$tmp/b3/manifest.jsonl")
check "the kill came mid-run" [ "$done_before" -ge 4 -a "$done_before" -lt 18 ]
"$bin" batch -q "$tmp/in/many" -o "$tmp/b3" -j 2 --resume 2>/dev/null
check "--resume after kill -9 exits 0" [ $? -eq 0 ]
check "finished documents were not redone" bash -c "[ \$(grep -c '\"status\":\"skipped\"' '$tmp/b3/manifest.jsonl') -ge $done_before ]"
check "the outputs are complete and correct" same_outputs "$tmp/b3" "$tmp/many-reference"
check "no partial file is left anywhere" bash -c "[ -z \"\$(find '$tmp/b3' -name '*.partial')\" ]"

# 3b. SIGTERM (as a scheduler sends): exit 130, temporaries removed, --resume finishes.
"$bin" batch -q "$tmp/in/many" -o "$tmp/b4" -j 2 2>/dev/null &
parent=$!
for _ in $(seq 1 600); do
  [ -f "$tmp/b4/manifest.jsonl" ] && [ "$(wc -l <"$tmp/b4/manifest.jsonl")" -ge 2 ] && break
  sleep 0.05
done
kill -TERM "$parent"
wait "$parent"
check "SIGTERM stops the batch with exit 130" [ $? -eq 130 ]
check "and leaves no partial file" bash -c "[ -z \"\$(find '$tmp/b4' -name '*.partial')\" ]"
"$bin" batch -q "$tmp/in/many" -o "$tmp/b4" -j 2 --resume 2>"$tmp/b4-resume.err" || cat "$tmp/b4-resume.err"
check "--resume after SIGTERM completes the outputs" same_outputs "$tmp/b4" "$tmp/many-reference"

# 4. Two shards into one folder + merge = one unsharded run.
"$bin" batch -q "$tmp/in/many" -o "$tmp/sharded" -j 1 --shard 1/2 2>/dev/null
"$bin" batch -q "$tmp/in/many" -o "$tmp/sharded" -j 1 --shard 2/2 2>/dev/null
check "each shard has its own manifest" test -s "$tmp/sharded/manifest.shard-1-of-2.jsonl" -a -s "$tmp/sharded/manifest.shard-2-of-2.jsonl"
check "the shards split the corpus" bash -c "[ \$(wc -l <'$tmp/sharded/manifest.shard-1-of-2.jsonl') -gt 0 ] && [ \$(wc -l <'$tmp/sharded/manifest.shard-2-of-2.jsonl') -gt 0 ]"
"$bin" batch -q "$tmp/in/many" -o "$tmp/unsharded" -j 2 2>/dev/null
standing "$tmp/sharded/manifest.shard-1-of-2.jsonl" "$tmp/sharded/manifest.shard-2-of-2.jsonl" >"$tmp/merged.txt"
standing "$tmp/unsharded/manifest.jsonl" >"$tmp/whole.txt"
check "merged shard manifests equal the unsharded one (timings aside)" cmp -s "$tmp/merged.txt" "$tmp/whole.txt"
check "sharded outputs equal unsharded outputs" same_outputs "$tmp/sharded" "$tmp/unsharded"

# 5. A list file; a bad --shard.
printf '%s\n' "# two reports" "$tmp/in/good/jiaozuo-2023-final.pdf" "" "$tmp/in/good/xinxiang-2024-budget.pdf" >"$tmp/list.txt"
"$bin" batch -q "@$tmp/list.txt" -o "$tmp/b5" 2>/dev/null
check "@list.txt names the inputs" [ "$(grep -c '"status":"ok"' "$tmp/b5/manifest.jsonl")" -eq 2 ]
check "a bad --shard is a usage error (2)" bash -c "'$bin' batch '$tmp/in/good' -o '$tmp/b6' --shard 3/2 2>/dev/null; [ \$? -eq 2 ]"

# 6. Every reading option set: batch's workers read exactly as extract reads (the options are
# declared and forwarded in one place, tools/gridlift/reading_flags.cpp).
one="$tmp/in/good/xinxiang-2024-budget.pdf"
for options in "--pages 2-3 --dpi 200 --no-text-check --report" "--pages 1,4 --ocr never" "--pages 2 --ocr always --dpi 120"; do
  tag=$(echo "$options" | tr -c 'a-z0-9' '_')
  # shellcheck disable=SC2086  # the options are meant to split
  "$bin" extract -q $options "$one" -o "$tmp/opt-extract-$tag" 2>/dev/null
  # shellcheck disable=SC2086
  "$bin" batch -q $options "$one" -o "$tmp/opt-batch-$tag" 2>/dev/null
  check "batch reads as extract with $options" same_outputs "$tmp/opt-extract-$tag" "$tmp/opt-batch-$tag"
done
check "and the options took effect (pages 2-3 only)" bash -c "grep -q '\"page\": 2' '$tmp/opt-batch-__pages_2_3___dpi_200___no_text_check___report_/xinxiang-2024-budget.json' && ! grep -q '\"page\": 1,' '$tmp/opt-batch-__pages_2_3___dpi_200___no_text_check___report_/xinxiang-2024-budget.json'"
check "a bad --pages is a usage error (2) in batch too" bash -c "'$bin' batch '$one' -o '$tmp/b7' --pages 3-1 2>/dev/null; [ \$? -eq 2 ]"

report_checks
