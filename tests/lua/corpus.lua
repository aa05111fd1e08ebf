-- tussen.corpus, tussen.Corpus and tussen.Doc, on tests/data/lua/meta.jsonl
-- (loaded by the script) and on the corpus given to the run.
local t = require("testing")

return {
  description = "API test: tussen.corpus, Corpus and Doc",
  run = function(ctx)
    local n = 0
    -- ctx.corpus is the streetwise corpus
    t.eq(#ctx.corpus, 8, "#corpus")
    t.eq(tostring(ctx.corpus), "tussen.Corpus (8 documents)")
    local art = assert(ctx.corpus:doc("artikel"))
    t.eq(art.kind, "article")
    t.eq(art.title, "Streetwise ambtenaren gezocht!")
    t.eq(art.author, "Toby Witte")
    t.eq(art.parent, nil, "article parent")
    t.eq(art.index, 1)
    t.eq(art.meta.views, 3029)
    t.eq(math.type(art.meta.views), "integer")
    t.eq(#art:children(), 7, "children")
    t.eq(art:children()[3].id, "reactie-3")
    t.eq(art:parent_doc(), nil)
    t.eq(tostring(art), "tussen.Doc (artikel)")
    n = n + 12

    -- iteration in order, with filters
    local ids = {}
    for doc in ctx.corpus:docs{kind = "comment"} do ids[#ids + 1] = doc.id end
    t.eq(#ids, 7, "comments")
    t.eq(ids[1], "reactie-1")
    t.eq(ids[7], "reactie-7")
    local all = 0
    for _ in ctx.corpus:docs() do all = all + 1 end
    t.eq(all, 8, "all docs")
    local none = 0
    for _ in ctx.corpus:docs{kind = "nothing"} do none = none + 1 end
    t.eq(none, 0)
    n = n + 5

    -- lookups that fail return nil and a message
    local d, msg = ctx.corpus:doc("nope")
    t.eq(d, nil)
    t.eq(msg, "no document with id 'nope'")
    t.eq(ctx.corpus:doc(2).id, "reactie-1")
    t.eq(ctx.corpus:doc(9), nil)
    n = n + 4

    -- misuse raises, naming the option or field
    t.raises(function() ctx.corpus:docs{knd = "comment"} end,
             "unknown option 'knd'; did you mean 'kind'%?")
    t.raises(function() return art.titel end,
             "tussen.Doc has no field 'titel'; did you mean 'title'%?")
    t.raises(function() art.title = "x" end, "read%-only")
    t.raises(function() ctx.corpus.doc(42) end, "tussen.Corpus expected")
    t.raises(function() return ctx.corpus:dcos() end,
             "tussen.Corpus has no method 'dcos'; did you mean 'docs'%?")
    t.eq(getmetatable(art), false, "Doc metatable is protected")
    t.eq(getmetatable(ctx.corpus), false, "Corpus metatable is protected")
    n = n + 7

    -- a corpus the script loads itself: metadata of every JSON type
    local c = assert(tussen.corpus.load("tests/data/lua/meta.jsonl"))
    t.eq(#c, 4)
    local a = c:doc("a")
    t.eq(a.title, "Één titel")
    t.eq(a.date, "2024-05-01")
    t.eq(a.source, "tests/data/lua/meta.jsonl")
    t.eq(a.line, 1)
    t.eq(a.meta.tags[1], "beleid")
    t.eq(#a.meta.tags, 2)
    t.eq(a.meta.source_info.site, "sociale-vraagstukken")
    t.eq(a.meta.source_info.page, 3)
    t.eq(a.meta.source_info.score, 0.5)
    t.eq(a.meta.source_info.ok, true)
    t.eq(a.meta.source_info.none, nil)
    t.eq(a.meta.ratio, 2.5)
    t.eq(a.meta.flag, false)
    t.eq(a.meta.title, nil, "known fields are not in meta")
    t.eq(a.meta, a.meta, "meta is made once per Doc")
    n = n + 15
    local cdoc = c:doc("c")
    t.eq(cdoc.parent, "b")
    t.eq(cdoc:parent_doc().id, "b")
    t.eq(cdoc:parent_doc():parent_doc().id, "a")
    t.eq(c:doc("b") == cdoc:parent_doc(), true, "Doc equality")
    local kids = {}
    for doc in c:docs{parent = "a"} do kids[#kids + 1] = doc.id end
    t.eq(table.concat(kids, ","), "b,d")
    n = n + 5

    local missing, why = tussen.corpus.load("tests/data/lua/absent.jsonl")
    t.eq(missing, nil)
    t.eq(type(why), "string")
    n = n + 2
    return {passed = n}
  end,
}
