#!/usr/bin/env bash
# Usage: scripts/check-score-identical.sh OLD_BINARY NEW_BINARY
#
# Runs `tension score` from both binaries on the same inputs and compares standard output and
# standard error byte for byte (cmp): the 1,000 benchmark articles in /tmp/arts (when present),
# every folder of ../shared/articles (when present) in every format, `--format table` piped, and
# hand-made awkward files (CR LF, lone CR, invalid UTF-8, a byte-order mark, control characters,
# mojibake, curly quotes, non-ASCII white space, combining marks, JSON Lines). Exits 1 on the
# first difference, 0 when everything is identical.
set -u
old=${1:?usage: $0 OLD_BINARY NEW_BINARY}
new=${2:?usage: $0 OLD_BINARY NEW_BINARY}
here=$(cd "$(dirname "$0")/.." && pwd)
model="$here/models/default.tensionmodel"
shared="$here/../shared/articles"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
checks=0

compare() {  # compare NAME ARGS...: runs both binaries with ARGS, cmp stdout and stderr
    local name=$1; shift
    local input=${STDIN_FILE:-/dev/null}
    "$old" score --model "$model" "$@" <"$input" >"$work/old.out" 2>"$work/old.err"; local rold=$?
    "$new" score --model "$model" "$@" <"$input" >"$work/new.out" 2>"$work/new.err"; local rnew=$?
    checks=$((checks + 1))
    if [ "$rold" != "$rnew" ] || ! cmp -s "$work/old.out" "$work/new.out" || ! cmp -s "$work/old.err" "$work/new.err"; then
        echo "DIFFERENT: $name (exit $rold vs $rnew)"; cmp "$work/old.out" "$work/new.out" | head -2
        failures=$((failures + 1))
    fi
}

compare_piped() {  # like compare, with standard output a pipe
    local name=$1; shift
    "$old" score --model "$model" "$@" 2>/dev/null | cat >"$work/old.out"
    "$new" score --model "$model" "$@" 2>/dev/null | cat >"$work/new.out"
    checks=$((checks + 1))
    if ! cmp -s "$work/old.out" "$work/new.out"; then echo "DIFFERENT: $name (piped)"; failures=$((failures + 1)); fi
}

# Hand-made awkward files.
n="$work/nasty"; mkdir -p "$n"
printf 'Talks Resume In Geneva\r\n\r\nMr. Kim said the talks would resume.\r\nThe U.S. delegation arrived at 10 a.m. Monday. It left.\r\n\r\nNo. 5 was next.\r\n' >"$n/2024-06-01-crlf.txt"
printf 'Old Mac file\rFirst line. Second line.\r\rNew paragraph here.\r' >"$n/2024-06-02-cr.txt"
printf '\xef\xbb\xbfWith a BOM\n\nThe minister warned of \xe2\x80\x9cgrave consequences.\xe2\x80\x9d He left. \xe2\x80\x98Fine,\xe2\x80\x99 she said.\n' >"$n/2024-06-03-bom.txt"
printf 'Caf\xe9 na\xefve r\xe9sum\xe9 \x93quoted\x94 text. Another sentence here.\n\nA third \x96 dash.\n' >"$n/2024-06-04-latin1.txt"
printf 'Mojibake \xc3\xa2\xc2\x80\xc2\x9cquoted\xc3\xa2\xc2\x80\xc2\x9d text. It\xc3\xa2\xc2\x80\xc2\x99s here.\n\nMore \xc3\x83\xc2\xa9 text.\n' >"$n/2024-06-05-mojibake.txt"
printf 'Control\x01 chars\x07 in\x1b text. Tab\there.\x0bVertical tab.\x0cForm feed. Next\xc2\x85line.\n' >"$n/2024-06-06-controls.txt"
printf 'Headline\n\n \xcc\x81\n\nA line with a combining\xcc\x81 mark. \xe2\x80\x8bZero width.\xc2\xa0No-break space. Line\xe2\x80\xa8separator. Para\xe2\x80\xa9graph. Done\xe2\x80\xa6 Next one. \xe3\x80\x80Ideographic space.\n\n\xe2\x80\x83\n\n\xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd0\xb0. \xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82. \xf0\x9f\x98\x80 Emoji. Sentence two.\n' >"$n/2024-06-07-unicode.txt"
printf '"Why?" he asked. "Enough!" said Kim. ``Typewriter quotes,'"''"' said Lee. The party'"''"'s line. 1. First item\n2. Second item\nhard wrapped line that goes on and on for a good many characters,\nand continues here. e.g. this. vs. that. Jan. 12 was cold. U.S. The end. 3.5 billion at 15:26 on example.com today.\n' >"$n/2024-06-08-quotes.txt"
printf 'this story is from march 3, 2002\n\nthe police said the u.s. team arrived. however the talks failed. 6 pm on march 3 they met. he said so.the end.\n' >"$n/caseless.txt"
printf 'Dateline: June 9, 2024\nBy A Reporter\nShare this article\nAdvertisement\n\nReal text starts here. It has two sentences.\n\nRead more: something\nCopyright 2024\n' >"$n/boiler.txt"
printf '   \n\t\n' >"$n/2024-06-10-empty.txt"
printf 'binary\x00file\n' >"$n/2024-06-11-binary.txt"
printf '\xff\xfe\xfd\xfc\xfb junk \x80\x81\x82\n' >"$n/2024-06-12-invalid.txt"
printf '{"id":"r1","date":"2024-06-13","text":"First record. It has\\r\\ntwo lines."}\n{"id":"r2","text":"No date. \\"Quoted\\" and \\\\ slash \\u0001 control."}\nnot json\n{"id":"r3","date":"2024-02-30","text":"Bad date."}\n' >"$n/records.jsonl"
printf 'A\x1fB. Escapes "here" and \\ back\\slash, commas, too.\n\nLast.' >"$n/2024-06-14-escape.txt"

for f in "$n"/*; do
    for fmt in jsonl csv table; do compare "$(basename "$f") $fmt" "$f" --format "$fmt"; done
done
for fmt in jsonl csv table; do
    compare "nasty folder $fmt" "$n" --format "$fmt"
    compare "nasty folder + jsonl file $fmt" "$n" "$n/records.jsonl" --format "$fmt"
    compare "nasty --date $fmt" "$n" --date 2024-01-01 --format "$fmt"
done
compare_piped "nasty table" "$n" --format table
for fmt in jsonl csv table; do STDIN_FILE="$n/2024-06-07-unicode.txt" compare "stdin $fmt" - --format "$fmt"; done

if [ -d "$shared" ]; then
    for d in "$shared"/*/; do
        for fmt in jsonl csv table; do compare "$d $fmt" "$d" --format "$fmt"; done
        compare_piped "$d table" "$d" --format table
        compare "$d jsonl --threads 1" "$d" --format jsonl --threads 1
    done
    compare "all shared articles jsonl" "$shared" --format jsonl
else
    echo "note: $shared not found; real articles not compared"
fi

if [ -d /tmp/arts ]; then
    for fmt in jsonl csv table; do compare "/tmp/arts $fmt" /tmp/arts --format "$fmt"; done
else
    echo "note: /tmp/arts not found; benchmark articles not compared"
fi

echo "$checks comparisons, $failures different"
[ "$failures" = 0 ]
