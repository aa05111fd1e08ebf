# Malformed JSON Lines: each broken line is skipped with the line, the byte
# offset in the file of the problem and what was expected; the good lines
# around it are kept and the counts add up (read = used + skipped).

$ tussen corpus tests/data/bad-inputs/malformed.jsonl
| {"id":"ok-1","text":"Goed."}
| {"id":"ok-2","text":"Ook goed."}
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:2: byte 30: malformed JSON: expected a field name in double quotes; fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:3: byte 51: malformed JSON: expected a JSON value (a string in double quotes, a number, true, false, null, [ or {); fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:4: byte 53: malformed JSON: expected a JSON object ('{') at the start of the line; fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:5: byte 95: malformed JSON: text after the end of the JSON object (one object per line); fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:6: byte 125: malformed JSON: expected a field name in double quotes; fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:7: byte 149: malformed JSON: unterminated string; fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:8: byte 179: malformed JSON: unexpected end: missing '}'; fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:9: byte 190: malformed JSON: expected ',' or '}'; fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:10: byte 239: malformed JSON: raw control character in a string; escape it (\t, \n, \u0001); fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:11: byte 284: malformed JSON: field "text" appears twice; fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:12: byte 293: malformed JSON: expected a field name in double quotes; fix or remove the line
! tussen: skipped: tests/data/bad-inputs/malformed.jsonl:14: byte 360: malformed JSON: field "x" appears twice; fix or remove the line
! tussen: corpus: read 14 documents from 1 file: used 2, skipped 12 (12 broken records)

# Line ends: CRLF, and a lone CR (old Mac files), end lines like LF.
$ tussen corpus tests/data/bad-inputs/crlf.jsonl
| {"id":"a","text":"CRLF"}
| {"id":"b","text":"ook CRLF"}
! tussen: corpus: read 2 documents from 1 file: used 2, skipped 0
$ tussen corpus tests/data/bad-inputs/cr-only.jsonl
| {"id":"a","text":"regel 1"}
| {"id":"b","text":"regel 2"}
| {"id":"c","text":"regel 4"}
! tussen: corpus: read 3 documents from 1 file: used 3, skipped 0

# Known fields of the wrong type are skipped ("field of the wrong type");
# null is an absent field; numbers may be ids, parents and dates; other
# metadata may have any type.
$ tussen corpus tests/data/bad-inputs/wrong-types.jsonl
| {"id":"null-kind","text":"null is een ontbrekend veld"}
| {"id":"7.5","date":"20260314","text":"getallen mogen als id en datum"}
| {"id":"meta","views":"12","tags":"a,b","text":"overige velden: elk type"}
! tussen: skipped: tests/data/bad-inputs/wrong-types.jsonl:1: byte 24: document "num-text": field "text" must be a string, not a number
! tussen: skipped: tests/data/bad-inputs/wrong-types.jsonl:2: byte 33: field "id" must be a string or number, not an array
! tussen: skipped: tests/data/bad-inputs/wrong-types.jsonl:3: byte 88: document "obj-title": field "title" must be a string, not an object
! tussen: skipped: tests/data/bad-inputs/wrong-types.jsonl:4: byte 157: document "bool-parent": field "parent" must be a string or number, not a boolean
! tussen: corpus: read 7 documents from 1 file: used 3, skipped 4 (4 fields of the wrong type)

# A document needs text and a non-empty id; without an id it gets FILE:LINE.
$ tussen corpus tests/data/bad-inputs/missing-text.jsonl
| {"id":"missing-text.jsonl:5","text":"geen id: het id wordt bestand:regel"}
! tussen: skipped: tests/data/bad-inputs/missing-text.jsonl:1: document "geen-tekst": document has no text field; give it a "text" (or choose the column with --text-column)
! tussen: skipped: tests/data/bad-inputs/missing-text.jsonl:2: document "leeg": document text is empty (or only white space)
! tussen: skipped: tests/data/bad-inputs/missing-text.jsonl:3: document "wit": document text is empty (or only white space)
! tussen: skipped: tests/data/bad-inputs/missing-text.jsonl:4: document has an empty id; give it one, or leave the field out to get FILE:LINE as its id
! tussen: corpus: read 5 documents from 1 file: used 1, skipped 4 (3 missing text, 1 empty id)
