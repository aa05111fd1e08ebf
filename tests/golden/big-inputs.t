# Large inputs, generated here (never committed): a 50 MB single JSON line
# and a 10 MB token load in linear time and keep every byte.

$ awk 'BEGIN { printf "{\"id\":\"groot\",\"text\":\""; s = "abcdefghij klmnopqrst uvwxyz éë, en nog wat woorden "; for (i = 0; i < 20; i++) s = s s; printf "%s", s; printf "\"}\n" }' > $T/line.jsonl && wc -c < $T/line.jsonl
| 56623129
$ tussen corpus $T/line.jsonl | cmp - $T/line.jsonl && echo identical
| identical
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0

# A 10 MB token (no space at all) in a text file.
$ head -c 10485760 /dev/zero | tr '\0' a > $T/token.txt && tussen corpus $T/token.txt | wc -c
| 10485785
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0

# The long line cut before its end: the error is at the right offset.
$ head -c 55574550 $T/line.jsonl > $T/cut.jsonl && tussen corpus --check $T/cut.jsonl
! tussen: skipped: $T/cut.jsonl:1: byte 55574550: malformed JSON: unterminated string; fix or remove the line
! tussen: corpus: read 1 document from 1 file: used 0, skipped 1 (1 broken record)
! tussen: no documents to analyse; check the paths and the messages above
? 1

# An invalid byte near the end of the long line is found at its offset.
$ { head -c 55574500 $T/line.jsonl; printf '\351"}\n'; } > $T/late.jsonl && tussen corpus --check $T/late.jsonl
! tussen: skipped: $T/late.jsonl:1: byte 55574500: document "groot": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 1 document from 1 file: used 0, skipped 1 (1 invalid UTF-8)
! tussen: no documents to analyse; check the paths and the messages above
? 1

# A 30 MB quoted CSV cell with doubled quotes, commas and line breaks: each
# 30-byte piece of the cell is 28 bytes of text, 31 in JSON (two escaped
# quotes, one escaped newline), so 31 * 2^20 + 21 bytes with the id.
$ awk 'BEGIN { printf "id,text\nx,\""; s = "woord \"\"citaat\"\" en, nog\nmeer "; for (i = 0; i < 20; i++) s = s s; printf "%s\"\n", s }' > $T/big.csv && tussen corpus $T/big.csv | wc -c
| 32505877
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0
