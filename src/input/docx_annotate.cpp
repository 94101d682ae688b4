// Writing comments into a .docx (gklint annotate). The main part is opened and walked as the
// reader walks it (docx::map_body), so a finding's paragraph and column lead to the w:t and the
// character they were read from. A comment's start and end go where the text is: a run is split
// there (its properties copied to both halves) and, inside a w:t, the text too. The places are
// written from the last to the first, so each split leaves the places still to come where the
// map says they are.
//
// The parts written: the main part; the comments part (word/comments.xml, created, or the one the
// document has, extended); the main part's relationships; [Content_Types].xml. Everything else is
// copied through libzip as it is.
#include <zip.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <map>
#include <sstream>
#include <utility>

#include "gklint/annotate.hpp"
#include "gklint/utf8.hpp"
#include "input/docx.hpp"

namespace gklint {

using namespace docx;

namespace {

constexpr size_t kMaxPartBytes = size_t{16} << 20;  // relationships, content types, comments
constexpr size_t kMaxComments = 100'000;

const char* const kMainTransitional = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const char* const kMainStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
const char* const kCommentsType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments";
const char* const kCommentsTypeStrict = "http://purl.oclc.org/ooxml/officeDocument/relationships/comments";
const char* const kCommentsContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";
const char* const kRelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";

InputProblem problem(std::string zh, std::string en) { return InputProblem{std::move(zh), std::move(en), 0}; }

// Where a marker goes: before `next` in `parent`, or at its end when `next` is null.
struct Place {
  pugi::xml_node parent;
  pugi::xml_node next;
};

// One end of a comment's range, as the writing goes through them: from the last place to the first.
struct Mark {
  uint32_t paragraph;  // 0-based index into the map
  uint32_t column;     // in the paragraph's body
  bool start;
  bool empty;  // the range has no text (an empty paragraph)
  uint32_t id;
  // Where it goes among the marks at its place, first to last: ranges that end there, then empty
  // ranges (each start before its end), then ranges that begin there.
  int rank() const { return empty ? (start ? 1 : 2) : (start ? 3 : 0); }
};

class Marker {
 public:
  explicit Marker(const Ns& ns) : w_(ns.w.empty() ? "" : ns.w + ":"), ns_(ns) {}

  // The place right before column `k` of a paragraph's body, splitting the run (and the w:t) that
  // holds it.
  Place place(ParagraphXml& para, uint32_t k) const {
    if (k == 0 || para.pieces.empty()) return {para.p, first_content(para.p)};
    if (k >= para.columns) return {para.p, pugi::xml_node()};
    // The piece that holds column k: the last one starting at or before it.
    const auto it = std::upper_bound(para.pieces.begin(), para.pieces.end(), k,
                                     [](uint32_t col, const Piece& pc) { return col < pc.begin; });
    const Piece& pc = *(it - 1);
    pugi::xml_node node = pc.node;
    const uint32_t offset = k - pc.begin;
    if (offset > 0 && offset < pc.length) {
      if (pugi::xml_node after = split_text(node, offset)) node = after;
    }
    return before(para.p, node);
  }

  pugi::xml_node element(pugi::xml_node parent, pugi::xml_node next, const char* local, uint32_t id) const {
    pugi::xml_node n =
        next ? parent.insert_child_before(pugi::node_element, next) : parent.append_child(pugi::node_element);
    n.set_name((w_ + local).c_str());
    n.append_attribute((w_ + "id").c_str()).set_value(id);
    return n;
  }

  // <w:r><w:commentReference w:id/></w:r> after `end`: the mark Word shows the comment at.
  void reference(pugi::xml_node end, uint32_t id) const {
    pugi::xml_node r = end.parent().insert_child_after(pugi::node_element, end);
    r.set_name((w_ + "r").c_str());
    pugi::xml_node ref = r.append_child((w_ + "commentReference").c_str());
    ref.append_attribute((w_ + "id").c_str()).set_value(id);
  }

 private:
  // The first child of a paragraph after its properties.
  pugi::xml_node first_content(pugi::xml_node p) const {
    pugi::xml_node c = p.first_child();
    while (c && ns_.is(c, "pPr")) c = c.next_sibling();
    return c;
  }

  // Splits a w:t holding one text at `offset` code points: the w:t keeps what comes before, a copy
  // after it the rest (both keep their blanks). The copy, or null when it is not such a w:t.
  pugi::xml_node split_text(pugi::xml_node t, uint32_t offset) const {
    if (!ns_.is(t, "t")) return {};
    pugi::xml_node text = t.first_child();
    if (!text || text.next_sibling() || (text.type() != pugi::node_pcdata && text.type() != pugi::node_cdata))
      return {};
    const std::string value = text.value();
    size_t at = 0;
    for (uint32_t n = 0; n < offset && at < value.size(); ++n) {
      const int len = utf8_sequence_length(value, at);
      at += len > 0 ? static_cast<size_t>(len) : 1;  // an invalid byte is one character, as it was read
    }
    pugi::xml_node after = t.parent().insert_copy_after(t, t);
    text.set_value(value.substr(0, at).c_str());
    after.first_child().set_value(value.substr(at).c_str());
    for (pugi::xml_node half : {t, after}) {
      pugi::xml_attribute space = half.attribute("xml:space");
      if (!space) space = half.append_attribute("xml:space");
      space.set_value("preserve");
    }
    return after;
  }

  // The place before `node` (a child of a run): before the run when nothing of the run's content
  // comes first, else between the two halves of the run split there. A node not in a run (a
  // branch of mc:AlternateContent) is placed before its ancestor that is a child of the paragraph.
  Place before(pugi::xml_node p, pugi::xml_node node) const {
    pugi::xml_node run = node.parent();
    if (!ns_.is(run, "r")) {
      pugi::xml_node top = node;
      while (top.parent() && top.parent() != p) top = top.parent();
      return top.parent() ? Place{p, top} : Place{p, pugi::xml_node()};
    }
    size_t index = 0;
    bool content_before = false;
    for (pugi::xml_node c = run.first_child(); c != node; c = c.next_sibling()) {
      if (!ns_.is(c, "rPr")) content_before = true;
      ++index;
    }
    if (!content_before) return {run.parent(), run};
    pugi::xml_node second = run.parent().insert_copy_after(run, run);
    // The run keeps what comes before `node`; the copy, its properties and the rest.
    for (pugi::xml_node c = node; c;) {
      pugi::xml_node next = c.next_sibling();
      run.remove_child(c);
      c = next;
    }
    size_t k = 0;
    for (pugi::xml_node c = second.first_child(); c && k < index; ++k) {
      pugi::xml_node next = c.next_sibling();
      if (!ns_.is(c, "rPr")) second.remove_child(c);
      c = next;
    }
    return {run.parent(), second};
  }

  std::string w_;  // "w:"
  const Ns& ns_;
};

std::string save(const pugi::xml_document& doc) {
  std::ostringstream out;
  doc.save(out, "", pugi::format_raw, pugi::encoding_utf8);
  return out.str();
}

// The largest comment id an element of `root`'s tree carries (commentRangeStart, commentReference,
// comment): new comments are numbered after it.
int64_t max_comment_id(pugi::xml_node root, const Ns& ns) {
  int64_t most = -1;
  for (pugi::xml_node n = root; n;) {
    if (ns.is(n, "commentRangeStart") || ns.is(n, "commentRangeEnd") || ns.is(n, "commentReference") ||
        ns.is(n, "comment")) {
      if (auto id = to_int(ns.attr(n, "id"))) most = std::max(most, *id);
    }
    // Depth first, without recursion: a hostile document may nest deeply.
    if (n.first_child()) {
      n = n.first_child();
      continue;
    }
    while (n && n != root && !n.next_sibling()) n = n.parent();
    if (!n || n == root) break;
    n = n.next_sibling();
  }
  return most;
}

// The namespace URI `prefix` is bound to on `root` (the WordprocessingML one, for the comments part).
std::string namespace_of(pugi::xml_node root, const std::string& prefix) {
  const std::string attr = prefix.empty() ? "xmlns" : "xmlns:" + prefix;
  return root.attribute(attr.c_str()).value();
}

// A part read for writing it back: "" when missing. False when it is there but cannot be read.
bool read_small(zip_t* za, const std::string& name, std::string& out) {
  out.clear();
  std::string why;
  const Read r = read_part(za, name, kMaxPartBytes, out, why);
  if (r == Read::missing) {
    out.clear();
    return true;
  }
  return r == Read::ok;
}

// The archive `bytes` with `parts` (name -> new content) written in, each replaced or added.
std::optional<std::string> rewrite_zip(std::string_view bytes, const std::map<std::string, std::string>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  // libzip is given a copy of its own to free. When the parts written all lie past the first half of
  // the archive (a picture stored before the document), zip_close keeps the bytes before them and
  // writes after those, cloning the buffer; libzip before 1.10 (Debian 12 has 1.7.3) then frees
  // the first fragment even when it was lent, not given (nih-at/libzip#284): the caller's bytes.
  // Given, that free is libzip's own.
  if (bytes.empty()) return std::nullopt;
  void* copy = std::malloc(bytes.size());
  if (!copy) return std::nullopt;
  std::memcpy(copy, bytes.data(), bytes.size());
  zip_source_t* src = zip_source_buffer_create(copy, bytes.size(), 1, &error);
  if (!src) return std::nullopt;  // out of memory; libzip may have freed the copy, so it is left
  zip_t* za = zip_open_from_source(src, 0, &error);
  if (!za) {
    zip_source_free(src);
    return std::nullopt;
  }
  zip_source_keep(src);  // read back after zip_close, which writes the new archive into it
  bool ok = true;
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    const zip_int64_t existing = zip_name_locate(za, name.c_str(), 0);
    time_t mtime = 0;
    zip_stat_t st;
    zip_stat_init(&st);
    if (existing >= 0 && zip_stat_index(za, static_cast<zip_uint64_t>(existing), 0, &st) == 0 &&
        (st.valid & ZIP_STAT_MTIME)) {
      mtime = st.mtime;
    }
    const zip_int64_t index = s ? zip_file_add(za, name.c_str(), s, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8) : -1;
    if (index < 0) {
      if (s) zip_source_free(s);
      ok = false;
      break;
    }
    // The same time as the part it replaces (a new part: 1980, the zip format's first day), so the
    // same input gives the same bytes.
    if (mtime == 0) mtime = 315532800 + 86400;
    zip_file_set_mtime(za, static_cast<zip_uint64_t>(index), mtime, 0);
  }
  if (!ok || zip_close(za) != 0) {
    zip_discard(za);  // after a failed zip_close the archive is still open
    zip_source_free(src);
    return std::nullopt;
  }
  std::string out;
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && zip_source_open(src) == 0) {
    out.resize(static_cast<size_t>(st.size));
    const zip_int64_t n = zip_source_read(src, out.data(), out.size());
    zip_source_close(src);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) out.clear();
  }
  zip_source_free(src);
  if (out.empty()) return std::nullopt;
  return out;
}

}  // namespace

std::optional<InputProblem> annotate_docx(std::string_view bytes, const std::vector<DocxComment>& comments,
                                          const std::string& author, std::string* out) {
  const auto cannot_write = [](const std::string& what) {
    return problem("无法写入批注：" + what, "cannot write the comments: " + what);
  };
  if (comments.size() > kMaxComments) return cannot_write("more than " + std::to_string(kMaxComments));
  Document d;
  if (auto p = open_document(bytes, d, kParseOptions | pugi::parse_declaration)) return p;
  const pugi::xml_node root = d.xml.document_element();
  std::vector<ParagraphXml> paras;
  if (auto p = body_problem(map_body(d.ns.child(root, "body"), d.ns, d.numbering, paras), d.main)) return p;
  if (paras.empty() && !comments.empty()) return cannot_write(d.main + " has no paragraph to anchor them on");
  zip_t* za = d.zip.get();

  // The comments part: the one the document has, or a new one beside the main part.
  const std::string base = d.main.substr(0, d.main.rfind('/') + 1);
  const std::string rels_name = base + "_rels/" + d.main.substr(base.size()) + ".rels";
  std::string comments_name = relationship(za, rels_name, "comments", base);
  const bool had_comments = !comments_name.empty() && has_entry(za, comments_name);
  pugi::xml_document comments_xml;
  Ns cns;
  if (had_comments) {
    std::string data;
    if (!read_small(za, comments_name, data) ||
        !comments_xml.load_buffer(data.data(), data.size(), kParseOptions | pugi::parse_declaration)) {
      return cannot_write(comments_name + " cannot be read");
    }
    cns = Ns::of(comments_xml.document_element());
    if (!cns.is(comments_xml.document_element(), "comments"))
      return cannot_write(comments_name + " is not a comments part");
  } else {
    comments_name = base + "comments.xml";
    for (int n = 2; has_entry(za, comments_name); ++n) comments_name = base + "comments" + std::to_string(n) + ".xml";
    pugi::xml_node decl = comments_xml.append_child(pugi::node_declaration);
    decl.append_attribute("version").set_value("1.0");
    decl.append_attribute("encoding").set_value("UTF-8");
    decl.append_attribute("standalone").set_value("yes");
    cns = d.ns;
    pugi::xml_node c =
        comments_xml.append_child((cns.w.empty() ? std::string("comments") : cns.w + ":comments").c_str());
    std::string uri = namespace_of(root, d.ns.w);
    if (uri.empty()) uri = kMainTransitional;  // bound further in, if at all: the usual one
    c.append_attribute((cns.w.empty() ? std::string("xmlns") : "xmlns:" + cns.w).c_str()).set_value(uri.c_str());
  }
  pugi::xml_node croot = comments_xml.document_element();
  const std::string cw = cns.w.empty() ? "" : cns.w + ":";
  int64_t next_id = std::max(max_comment_id(root, d.ns), max_comment_id(croot, cns)) + 1;

  // Each comment's range, by the paragraph map; its text into the comments part.
  std::vector<Mark> marks;
  const auto last = static_cast<uint32_t>(paras.size());
  for (const DocxComment& c : comments) {
    const auto id = static_cast<uint32_t>(next_id++);
    const uint32_t pi = std::clamp<uint32_t>(c.paragraph, 1, last) - 1;
    const ParagraphXml& para = paras[pi];
    const auto body_column = [&](uint32_t column) {
      return column <= para.label_columns + 1 ? 0 : std::min(column - 1 - para.label_columns, para.columns);
    };
    uint32_t from = body_column(c.column);
    uint32_t to = c.end_paragraph == c.paragraph ? body_column(c.end_column) : para.columns;
    if (to <= from) from = 0, to = para.columns;  // a point, or in the label: the whole paragraph
    marks.push_back(Mark{pi, from, true, from == to, id});
    marks.push_back(Mark{pi, to, false, from == to, id});

    pugi::xml_node comment = croot.append_child((cw + "comment").c_str());
    comment.append_attribute((cw + "id").c_str()).set_value(id);
    comment.append_attribute((cw + "author").c_str()).set_value(author.c_str());
    comment.append_attribute((cw + "initials").c_str()).set_value(author.substr(0, 2).c_str());
    for (const std::string& line : c.lines) {
      pugi::xml_node t =
          comment.append_child((cw + "p").c_str()).append_child((cw + "r").c_str()).append_child((cw + "t").c_str());
      t.append_attribute("xml:space").set_value("preserve");
      std::string clean;
      append_clean(clean, line);
      t.text().set(clean.c_str());
    }
  }
  // From the last place to the first; at one place in the order they are to stand in (each is
  // put before the same node, after those put there before it).
  std::stable_sort(marks.begin(), marks.end(), [](const Mark& a, const Mark& b) {
    if (a.paragraph != b.paragraph) return a.paragraph > b.paragraph;
    if (a.column != b.column) return a.column > b.column;
    return a.rank() < b.rank();
  });
  const Marker marker(d.ns);
  std::optional<std::pair<uint32_t, uint32_t>> placed_at;
  Place place;
  for (const Mark& m : marks) {
    if (!placed_at || *placed_at != std::make_pair(m.paragraph, m.column)) {
      place = marker.place(paras[m.paragraph], m.column);
      placed_at = std::make_pair(m.paragraph, m.column);
    }
    if (m.start) {
      marker.element(place.parent, place.next, "commentRangeStart", m.id);
    } else {
      marker.reference(marker.element(place.parent, place.next, "commentRangeEnd", m.id), m.id);
    }
  }

  std::map<std::string, std::string> parts;
  parts[d.main] = save(d.xml);
  parts[comments_name] = save(comments_xml);
  if (!had_comments) {
    // The relationship from the main part to the comments part.
    const bool strict = namespace_of(root, d.ns.w) == kMainStrict;
    std::string data;
    if (!read_small(za, rels_name, data)) return cannot_write(rels_name + " cannot be read");
    pugi::xml_document rels;
    if (data.empty()) {
      rels.append_child("Relationships").append_attribute("xmlns").set_value(kRelationshipsNs);
    } else if (!rels.load_buffer(data.data(), data.size(), kParseOptions | pugi::parse_declaration)) {
      return cannot_write(rels_name + " is not well-formed XML");
    }
    pugi::xml_node rroot = rels.document_element();
    std::string rid = "rIdGklint";
    for (int n = 1;; ++n) {
      const std::string candidate = "rIdGklint" + std::to_string(n);
      bool taken = false;
      for (pugi::xml_node r : rroot.children()) taken = taken || candidate == r.attribute("Id").value();
      if (!taken) {
        rid = candidate;
        break;
      }
    }
    pugi::xml_node rel = rroot.append_child("Relationship");
    rel.append_attribute("Id").set_value(rid.c_str());
    rel.append_attribute("Type").set_value(strict ? kCommentsTypeStrict : kCommentsType);
    rel.append_attribute("Target").set_value(comments_name.substr(base.size()).c_str());
    parts[rels_name] = save(rels);

    // Its content type.
    if (!read_small(za, "[Content_Types].xml", data) || data.empty()) {
      return cannot_write("[Content_Types].xml is missing");
    }
    pugi::xml_document types;
    if (!types.load_buffer(data.data(), data.size(), kParseOptions | pugi::parse_declaration)) {
      return cannot_write("[Content_Types].xml is not well-formed XML");
    }
    pugi::xml_node override_node = types.document_element().append_child("Override");
    override_node.append_attribute("PartName").set_value(("/" + comments_name).c_str());
    override_node.append_attribute("ContentType").set_value(kCommentsContentType);
    parts["[Content_Types].xml"] = save(types);
  }
  d.zip.reset();
  std::optional<std::string> written = rewrite_zip(bytes, parts);
  if (!written) return cannot_write("the archive could not be written");
  *out = std::move(*written);
  return std::nullopt;
}

}  // namespace gklint
