# A file that opens but fails to read (here /proc/self/mem, which gives an
# I/O error at offset 0 even to root) stops the run with the reason.

$ ln -s /proc/self/mem $T/mem.jsonl && tussen corpus $T/mem.jsonl
! tussen: $T/mem.jsonl: read error: Input/output error
? 1
