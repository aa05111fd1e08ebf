# Invalid UTF-8 (tests/data/bad-inputs/README.md). Default: the document is
# skipped, naming the file, line, byte offset in the file, the field and
# what the bad bytes are. --repair-utf8: each bad sequence becomes U+FFFD
# and a warning says where. Exit 1 only when no document is left.

$ tussen corpus tests/data/bad-inputs/invalid-utf8.jsonl
| {"id":"ok-1","text":"Goed."}
| {"id":"ok-2","text":"Ook goed: café."}
! tussen: skipped: tests/data/bad-inputs/invalid-utf8.jsonl:2: byte 55: document "latin1": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: tests/data/bad-inputs/invalid-utf8.jsonl:3: byte 87: document "ff": invalid UTF-8 in "title": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: tests/data/bad-inputs/invalid-utf8.jsonl:4: byte 148: document "cut": invalid UTF-8 in "text": byte 0xE2 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: tests/data/bad-inputs/invalid-utf8.jsonl:5: byte 183: document "lone-cont": invalid UTF-8 in "text": a continuation byte 0x80 without a lead byte; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 6 documents from 1 file: used 2, skipped 4 (4 invalid UTF-8)
$ tussen corpus --repair-utf8 tests/data/bad-inputs/invalid-utf8.jsonl
| {"id":"ok-1","text":"Goed."}
| {"id":"latin1","text":"caf� au lait"}
| {"id":"ff","title":"�","text":"Titel met byte FF."}
| {"id":"cut","text":"afgekapt �"}
| {"id":"lone-cont","text":"los � vervolgbyte"}
| {"id":"ok-2","text":"Ook goed: café."}
! tussen: warning: tests/data/bad-inputs/invalid-utf8.jsonl:2: byte 55: document "latin1": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: tests/data/bad-inputs/invalid-utf8.jsonl:3: byte 87: document "ff": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xFF, which never occurs in UTF-8, in "title"
! tussen: warning: tests/data/bad-inputs/invalid-utf8.jsonl:4: byte 148: document "cut": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE2 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: tests/data/bad-inputs/invalid-utf8.jsonl:5: byte 183: document "lone-cont": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: a continuation byte 0x80 without a lead byte, in "text"
! tussen: corpus: read 6 documents from 1 file: used 6, skipped 0; repaired invalid UTF-8 in 4 documents

# Overlong encodings and code points above U+10FFFF are invalid too.
$ tussen corpus tests/data/bad-inputs/overlong.jsonl
! tussen: skipped: tests/data/bad-inputs/overlong.jsonl:1: byte 44: document "slash": invalid UTF-8 in "text": an overlong encoding (0xC0 0xAF); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: tests/data/bad-inputs/overlong.jsonl:2: byte 95: document "three": invalid UTF-8 in "text": an overlong encoding (0xE0 0x80); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: tests/data/bad-inputs/overlong.jsonl:3: byte 146: document "four": invalid UTF-8 in "text": an overlong encoding (0xF0 0x80); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: tests/data/bad-inputs/overlong.jsonl:4: byte 189: document "big": invalid UTF-8 in "text": a code point above U+10FFFF (0xF4); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 4 documents from 1 file: used 0, skipped 4 (4 invalid UTF-8)
! tussen: no documents to analyse; check the paths and the messages above
? 1
$ tussen corpus --repair-utf8 tests/data/bad-inputs/overlong.jsonl
| {"id":"slash","text":"overlong / als C0 AF: ��"}
| {"id":"three","text":"overlong in drie bytes: ���"}
| {"id":"four","text":"overlong in vier bytes: ����"}
| {"id":"big","text":"boven U+10FFFF: ����"}
! tussen: warning: tests/data/bad-inputs/overlong.jsonl:1: byte 44: document "slash": replaced 2 invalid UTF-8 sequences by U+FFFD (--repair-utf8); the first: an overlong encoding (0xC0 0xAF), in "text"
! tussen: warning: tests/data/bad-inputs/overlong.jsonl:2: byte 95: document "three": replaced 3 invalid UTF-8 sequences by U+FFFD (--repair-utf8); the first: an overlong encoding (0xE0 0x80), in "text"
! tussen: warning: tests/data/bad-inputs/overlong.jsonl:3: byte 146: document "four": replaced 4 invalid UTF-8 sequences by U+FFFD (--repair-utf8); the first: an overlong encoding (0xF0 0x80), in "text"
! tussen: warning: tests/data/bad-inputs/overlong.jsonl:4: byte 189: document "big": replaced 4 invalid UTF-8 sequences by U+FFFD (--repair-utf8); the first: a code point above U+10FFFF (0xF4), in "text"
! tussen: corpus: read 4 documents from 1 file: used 4, skipped 0; repaired invalid UTF-8 in 4 documents

# Surrogates: raw bytes or a lone \ud800 escape are invalid; a proper
# surrogate pair escape is one code point.
$ tussen corpus tests/data/bad-inputs/surrogates.jsonl
| {"id":"pair","text":"een geldig paar: 😀"}
! tussen: skipped: tests/data/bad-inputs/surrogates.jsonl:1: byte 41: document "raw": invalid UTF-8 in "text": a UTF-16 surrogate (0xED 0xA0: U+D800..U+DFFF); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: tests/data/bad-inputs/surrogates.jsonl:2: byte 47: document "escaped": invalid UTF-8 in "text": a UTF-16 surrogate (0xED 0xA0: U+D800..U+DFFF) (from a \u escape); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 3 documents from 1 file: used 1, skipped 2 (2 invalid UTF-8)
$ tussen corpus --repair-utf8 tests/data/bad-inputs/surrogates.jsonl
| {"id":"raw","text":"surrogaat als bytes: ���"}
| {"id":"escaped","text":"los surrogaat als escape: ���"}
| {"id":"pair","text":"een geldig paar: 😀"}
! tussen: warning: tests/data/bad-inputs/surrogates.jsonl:1: byte 41: document "raw": replaced 3 invalid UTF-8 sequences by U+FFFD (--repair-utf8); the first: a UTF-16 surrogate (0xED 0xA0: U+D800..U+DFFF), in "text"
! tussen: warning: tests/data/bad-inputs/surrogates.jsonl:2: byte 47: document "escaped": replaced 3 invalid UTF-8 sequences by U+FFFD (--repair-utf8); the first: a UTF-16 surrogate (0xED 0xA0: U+D800..U+DFFF) (from a \u escape), in "text"
! tussen: corpus: read 3 documents from 1 file: used 3, skipped 0; repaired invalid UTF-8 in 2 documents

# NUL is never text: a raw NUL in a JSON string is broken JSON; \u0000 is
# decoded and then refused (or repaired) like invalid UTF-8.
$ tussen corpus tests/data/bad-inputs/nul.jsonl
| {"id":"ok","text":"zonder NUL"}
! tussen: skipped: tests/data/bad-inputs/nul.jsonl:1: byte 34: malformed JSON: a NUL byte in a string (write \u0000 if it is meant); fix or remove the line
! tussen: skipped: tests/data/bad-inputs/nul.jsonl:2: byte 38: document "escaped": invalid UTF-8 in "text": a NUL byte (from a \u escape); remove it or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 3 documents from 1 file: used 1, skipped 2 (1 invalid UTF-8, 1 broken record)
$ tussen corpus --repair-utf8 tests/data/bad-inputs/nul.jsonl
| {"id":"escaped","text":"NUL als escape: �"}
| {"id":"ok","text":"zonder NUL"}
! tussen: skipped: tests/data/bad-inputs/nul.jsonl:1: byte 34: malformed JSON: a NUL byte in a string (write \u0000 if it is meant); fix or remove the line
! tussen: warning: tests/data/bad-inputs/nul.jsonl:2: byte 38: document "escaped": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: a NUL byte (from a \u escape), in "text"
! tussen: corpus: read 3 documents from 1 file: used 2, skipped 1 (1 broken record); repaired invalid UTF-8 in 1 document
$ tussen corpus tests/data/bad-inputs/nul.txt
! tussen: skipped: tests/data/bad-inputs/nul.txt:1: byte 17: document "nul": invalid UTF-8 in "text": a NUL byte; remove it or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 1 document from 1 file: used 0, skipped 1 (1 invalid UTF-8)
! tussen: no documents to analyse; check the paths and the messages above
? 1
$ tussen corpus --repair-utf8 tests/data/bad-inputs/nul.txt
| {"id":"nul","text":"Tekst met een NUL� in de tweede regel?\nNee, in de eerste.\n"}
! tussen: warning: tests/data/bad-inputs/nul.txt:1: byte 17: document "nul": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: a NUL byte, in "text"
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0; repaired invalid UTF-8 in 1 document

# In CSV the offset and line are those of the bad byte, even inside a
# quoted field that spans lines.
$ tussen corpus tests/data/bad-inputs/latin1.csv
| {"id":"2","text":"goed"}
! tussen: skipped: tests/data/bad-inputs/latin1.csv:3: byte 29: document "1": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 2 documents from 1 file: used 1, skipped 1 (1 invalid UTF-8)

# A UTF-8 BOM is skipped; UTF-16 (or UTF-32) is refused with the command
# that converts it.
$ tussen corpus tests/data/bad-inputs/bom.jsonl
| {"id":"met-bom","text":"Een UTF-8 BOM vooraan wordt overgeslagen."}
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0
$ tussen corpus tests/data/bad-inputs/utf16.jsonl
! tussen: tests/data/bad-inputs/utf16.jsonl: the file is UTF-16LE (it starts with that byte order mark); tussen reads UTF-8: convert it with iconv -f UTF-16LE -t UTF-8
? 1

# A BOM in the middle of a JSON Lines file (files joined with cat) breaks
# the line it starts, and says so.
$ tussen corpus tests/data/bad-inputs/bom-inside.jsonl
| {"id":"a","text":"eerste bestand"}
! tussen: skipped: tests/data/bad-inputs/bom-inside.jsonl:2: byte 35: malformed JSON: a byte order mark (U+FEFF) before the object (were files joined with cat?); fix or remove the line
! tussen: corpus: read 2 documents from 1 file: used 1, skipped 1 (1 broken record)

# Invalid UTF-8 at every position of a line: each is found at its offset.
$ for i in 0 1 2 3 4 5 6 7 8 9; do printf '{"id":"p%d","text":"' $i; head -c $i /dev/zero | tr '\0' x; printf '\377'; head -c $((9 - i)) /dev/zero | tr '\0' y; printf '"}\n'; done > $T/positions.jsonl
$ tussen corpus --check $T/positions.jsonl
! tussen: skipped: $T/positions.jsonl:1: byte 19: document "p0": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/positions.jsonl:2: byte 52: document "p1": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/positions.jsonl:3: byte 85: document "p2": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/positions.jsonl:4: byte 118: document "p3": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/positions.jsonl:5: byte 151: document "p4": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/positions.jsonl:6: byte 184: document "p5": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/positions.jsonl:7: byte 217: document "p6": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/positions.jsonl:8: byte 250: document "p7": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/positions.jsonl:9: byte 283: document "p8": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/positions.jsonl:10: byte 316: document "p9": invalid UTF-8 in "text": byte 0xFF, which never occurs in UTF-8; fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: corpus: read 10 documents from 1 file: used 0, skipped 10 (10 invalid UTF-8)
! tussen: no documents to analyse; check the paths and the messages above
? 1

# A Windows-1252 CSV as Dutch Excel saves it: every row is bad. The first 10
# messages per file and reason are shown, then how many more (all are in
# the summary); --verbose shows every one. The same for the warnings of
# --repair-utf8.
$ i=0; printf 'id;tekst\r\n' > $T/w1252.csv; while [ $i -lt 25 ]; do printf '%d;caf\351 nummer %d\r\n' $i $i >> $T/w1252.csv; i=$((i + 1)); done
$ tussen corpus --check --text-column=tekst $T/w1252.csv
! tussen: skipped: $T/w1252.csv:2: byte 15: document "0": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/w1252.csv:3: byte 32: document "1": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/w1252.csv:4: byte 49: document "2": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/w1252.csv:5: byte 66: document "3": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/w1252.csv:6: byte 83: document "4": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/w1252.csv:7: byte 100: document "5": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/w1252.csv:8: byte 117: document "6": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/w1252.csv:9: byte 134: document "7": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/w1252.csv:10: byte 151: document "8": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/w1252.csv:11: byte 168: document "9": invalid UTF-8 in "text": byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?); fix the encoding (e.g. iconv -f windows-1252 -t utf-8) or pass --repair-utf8 to replace it by U+FFFD
! tussen: skipped: $T/w1252.csv: 15 more documents (invalid UTF-8) than the 10 shown; --verbose shows every one
! tussen: corpus: read 25 documents from 1 file: used 0, skipped 25 (25 invalid UTF-8)
! tussen: no documents to analyse; check the paths and the messages above
? 1
$ tussen corpus --check --verbose --text-column=tekst $T/w1252.csv 2>&1 | grep -c 'skipped: .*invalid UTF-8 in'
| 25
$ tussen corpus --check --repair-utf8 --text-column=tekst $T/w1252.csv
! tussen: warning: $T/w1252.csv:2: byte 15: document "0": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: $T/w1252.csv:3: byte 32: document "1": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: $T/w1252.csv:4: byte 49: document "2": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: $T/w1252.csv:5: byte 66: document "3": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: $T/w1252.csv:6: byte 83: document "4": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: $T/w1252.csv:7: byte 100: document "5": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: $T/w1252.csv:8: byte 117: document "6": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: $T/w1252.csv:9: byte 134: document "7": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: $T/w1252.csv:10: byte 151: document "8": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: $T/w1252.csv:11: byte 168: document "9": replaced 1 invalid UTF-8 sequence by U+FFFD (--repair-utf8); the first: byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?), in "text"
! tussen: warning: $T/w1252.csv: 15 more warnings than the 10 shown; --verbose shows every one
! tussen: corpus: read 25 documents from 1 file: used 25, skipped 0; repaired invalid UTF-8 in 25 documents

# Invalid UTF-8 in a CSV column name would spoil every document: the run
# stops at the header, unless --repair-utf8; names that become the same
# once repaired are then duplicates like any other.
$ printf 'id,caf\351,text\n1,a,b\n' > $T/name.csv && tussen corpus $T/name.csv
! tussen: $T/name.csv:1: byte 6: the name of column 2 is not valid UTF-8 (byte 0xE9 without its continuation bytes (Latin-1 or Windows-1252 text?)); fix the encoding or pass --repair-utf8
? 1
$ tussen corpus --repair-utf8 $T/name.csv
| {"id":"1","caf�":"a","text":"b"}
! tussen: warning: $T/name.csv:1: the name of column 2 had invalid UTF-8, replaced by U+FFFD (--repair-utf8): "caf�"
! tussen: corpus: read 1 document from 1 file: used 1, skipped 0
$ printf 'id,\377,\376,text\n1,a,b,c\n' > $T/names.csv && tussen corpus --repair-utf8 $T/names.csv
! tussen: warning: $T/names.csv:1: the name of column 2 had invalid UTF-8, replaced by U+FFFD (--repair-utf8): "�"
! tussen: warning: $T/names.csv:1: the name of column 3 had invalid UTF-8, replaced by U+FFFD (--repair-utf8): "�"
! tussen: $T/names.csv:1: the header names column "�" twice (columns 2 and 3); rename one of them
? 1

# In JSON Lines, two field names that become the same once repaired.
$ printf '{"id":"a","\377":1,"\376":2,"text":"t"}\n{"id":"b","text":"goed"}\n' > $T/keys.jsonl && tussen corpus --repair-utf8 $T/keys.jsonl
| {"id":"b","text":"goed"}
! tussen: skipped: $T/keys.jsonl:1: byte 0: two field names become "�" once their invalid UTF-8 is replaced (--repair-utf8); fix the encoding of the names
! tussen: corpus: read 2 documents from 1 file: used 1, skipped 1 (1 invalid UTF-8)
