-- tussen.log, tussen.table, tussen.record, tussen.data and require.
local t = require("testing")

return {
  description = "API test: tussen.log, tussen.table, tussen.record, tussen.data",
  run = function()
    local n = 0
    -- log writes to stderr and returns nothing; formats like string.format
    t.eq(select("#", tussen.log.info("%d documents", 3)), 0)
    t.eq(select("#", tussen.log.warn("plain message")), 0)
    t.raises(function() tussen.log.info() end, "bad argument #1 to 'info'")
    n = n + 3

    -- table and record mark a table and return it
    local rows = {{a = 1}}
    t.eq(tussen.table(rows, {"a", "b"}), rows)
    t.eq(getmetatable(rows).__name, "tussen.table")
    t.eq(getmetatable(rows).columns[2], "b")
    local rec = {x = 1}
    t.eq(tussen.record(rec, {"x"}), rec)
    t.eq(getmetatable(rec).__name, "tussen.record")
    t.raises(function() tussen.table(rows, {"a", "a"}) end, "'a' is named twice")
    t.raises(function() tussen.table(rows, {}) end, "at least one name")
    t.raises(function() tussen.table(rows, {1}) end, "item 1 is a number")
    t.raises(function() tussen.table("rows", {"a"}) end, "table expected, got string")
    n = n + 9

    -- data: the script's own directory first, then scripts/lexicons/
    local lines = {}
    for line in tussen.data.lines("data/words.txt") do lines[#lines + 1] = line end
    t.eq(#lines, 4, "lines")
    t.eq(lines[1], "één", "CRLF stripped")
    t.eq(lines[3], "", "empty line kept")
    t.eq(lines[4], "drie", "last line without newline")
    t.eq(tussen.data.read("data/words.txt"), "één\r\ntwee\n\ndrie")
    local lex = assert(tussen.data.read("connectives-nl.tsv"))
    t.eq(type(lex), "string")
    local none, msg = tussen.data.read("no-such-file.txt")
    t.eq(none, nil)
    t.eq(msg:find("no data file 'no-such-file.txt'", 1, true) ~= nil, true)
    t.raises(function() tussen.data.lines("no-such-file.txt") end, "no data file")
    t.raises(function() tussen.data.read("../README.md") end, "outside the data directories")
    t.raises(function() tussen.data.read("/etc/hostname") end, "outside the data directories")
    t.raises(function() tussen.data.read("data/../../README.md") end, "outside")
    n = n + 12

    -- require: the script's directory (testing.lua), cached, "tussen" itself
    t.eq(require("testing"), t)
    t.eq(require("tussen"), tussen)
    t.raises(function() require("no_such_module") end, "module 'no_such_module' not found")
    t.raises(function() require("/etc/passwd") end, "bad module name")
    n = n + 4
    t.eq(type(tussen.version), "string")
    n = n + 1
    return {passed = n}
  end,
}
