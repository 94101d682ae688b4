// Rule kinds across reports about the text: cross-reuse (a large share of this year's sentences
// repeated from last year's report) and cross-identical (last year's report published again: almost
// every sentence and every table figure the same), which find nothing without a previous report of
// the year before (--previous, --pair-years); and cross-copy (most sentences the same as another
// agency's report of the same year in the batch, --find-copies).
#include <re2/re2.h>

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "gklint/utf8.hpp"
#include "rules/check.hpp"

namespace gklint {

namespace {

// A sentence of the prose: where it is (view offsets) and what it says, as compared.
struct Sentence {
  size_t begin = 0, end = 0;
  std::string key;  // blanks removed, digits as '#': "2019年我局…" and "2020年我局…" are one sentence
};

// Sentences are read on the view, where ！？； are already ! ? ; (normalization folds the full-width
// forms), so those are what end a sentence besides 。.
bool ends_sentence(char32_t c) { return c == U'。' || c == '!' || c == '?' || c == ';'; }

// The prose's sentences of at least `min_hans` Chinese characters, in order, less the title and those
// holding one of the template's fixed phrases (`ignore`): what an office writes, not what the
// format prints. A sentence ends with its punctuation; text cut off by a line end, a heading or a
// table without it (a table's header words in a crawled page, a title) is not one.
std::vector<Sentence> sentences_of(const View& view, const Report& report, const Prose& prose, size_t min_hans,
                                   const std::vector<Regex>& ignore) {
  size_t title_from = 0, title_to = 0;  // view offsets
  if (report.facts.title) {
    title_from = view.view_offset(report.facts.title->begin);
    title_to = view.view_offset(report.facts.title->end);
  }
  std::vector<Sentence> out;
  const std::string& text = view.text();
  Sentence s;
  size_t hans = 0;
  const auto finish = [&](size_t end, bool keep) {
    s.end = end;
    const bool fixed = std::any_of(ignore.begin(), ignore.end(), [&](const auto& re) {
      return RE2::PartialMatch(std::string_view(text).substr(s.begin, s.end - s.begin), *re);
    });
    const bool title = s.begin < title_to && s.end > title_from;
    if (keep && hans >= min_hans && !fixed && !title) out.push_back(s);
    s = Sentence{};
    s.begin = end;
    hans = 0;
  };
  size_t gap = 0;  // the next gap (heading or table) not yet passed
  s.begin = prose.from;
  for (size_t i = prose.from; i < prose.to && i < text.size();) {
    while (gap < prose.gaps.size() && prose.gaps[gap].second <= i) ++gap;
    if (gap < prose.gaps.size() && prose.gaps[gap].first <= i) {  // a heading or table ends the sentence
      finish(i, false);
      i = std::max(i + 1, prose.gaps[gap].second);
      s.begin = i;
      continue;
    }
    const size_t at = i;
    const char32_t c = utf8_next_valid(text, i);
    if (c >= 0x3400 && c <= 0x9FFF) ++hans;
    if (c >= '0' && c <= '9')
      s.key += '#';
    else if (c != ' ' && c != '\t' && c != '\n')
      s.key.append(text, at, i - at);
    if (ends_sentence(c) || c == '\n') finish(i, c != '\n');
  }
  return out;
}

// Another report's sentences (last year's, another agency's), read as this one's are.
std::vector<Sentence> other_sentences(const FileResult& prev, size_t min_hans, const std::vector<Regex>& ignore,
                                      View* view) {
  *view = View::build(prev.source->text(), /*valid=*/true);
  return sentences_of(*view, prev.report, prose_of(*view, prev.report), min_hans, ignore);
}

struct Reuse {
  size_t total = 0, reused = 0;
  // Runs of consecutive reused sentences: [first, last] indices into this year's sentences, and
  // where the first of them is in last year's.
  struct Run {
    size_t first = 0, last = 0, previous = 0;
    size_t length() const { return last - first + 1; }
  };
  std::vector<Run> runs;
  int percent() const { return total ? static_cast<int>(reused * 100 / total) : 0; }
};

Reuse compare(const std::vector<Sentence>& now, const std::vector<Sentence>& then) {
  std::unordered_map<std::string_view, size_t> seen;  // key -> first index in last year's
  for (size_t i = 0; i < then.size(); ++i) seen.emplace(then[i].key, i);
  Reuse r;
  r.total = now.size();
  for (size_t i = 0; i < now.size(); ++i) {
    const auto it = seen.find(now[i].key);
    if (it == seen.end()) continue;
    ++r.reused;
    if (!r.runs.empty() && r.runs.back().last + 1 == i)
      r.runs.back().last = i;
    else
      r.runs.push_back({i, i, it->second});
  }
  return r;
}

// Sentence-level settings both kinds share (params `sentence_min`, `ignore`).
struct TextParams {
  size_t sentence_min = 15;
  size_t least_sentences = 10;
  std::vector<Regex> ignore;
};

bool read_text_params(const RuleNode& params, const ParamError& error, TextParams* out) {
  if (!param_int(params, "sentence_min", 1, 1000, error, out->sentence_min) ||
      !param_int(params, "least_sentences", 1, 100000, error, out->least_sentences))
    return false;
  if (const RuleNode n = params["ignore"]) {
    if (!n.IsSequence()) {
      error(n, "ignore 应为正则表达式列表 (ignore is a list of RE2 patterns)");
      return false;
    }
    for (const RuleNode& p : n) {
      auto re = param_regex(p, error);
      if (!re) return false;
      out->ignore.push_back(std::move(re));
    }
  }
  return true;
}

// This report's sentences against another report's, as cross-reuse and cross-copy report them.
struct Shared {
  std::vector<Sentence> now, there;
  View there_view;
  Reuse reuse;  // its runs sorted longest first
};

// The sentences shared with `other`, when `percent`% or more of this report's are; nothing when
// fewer are, or when this report has fewer than `least_sentences`.
std::optional<Shared> shared_sentences(const CheckContext& ctx, const TextParams& text, const FileResult& other,
                                       int percent) {
  Shared s;
  s.now = sentences_of(ctx.view, ctx.report, *ctx.prose, text.sentence_min, text.ignore);
  if (s.now.size() < text.least_sentences) return std::nullopt;
  s.there = other_sentences(other, text.sentence_min, text.ignore, &s.there_view);
  Reuse& r = s.reuse;
  r = compare(s.now, s.there);
  if (r.reused * 100 < static_cast<size_t>(percent) * r.total || r.runs.empty()) return std::nullopt;
  std::stable_sort(r.runs.begin(), r.runs.end(),
                   [](const Reuse::Run& a, const Reuse::Run& b) { return a.length() > b.length(); });
  return s;
}

// Where a run of shared sentences is in this report.
Span run_span(const CheckContext& ctx, const Shared& s, const Reuse::Run& run) {
  return ctx.view.source_span(static_cast<uint32_t>(s.now[run.first].begin),
                              static_cast<uint32_t>(s.now[run.last].end));
}

// The first `passages` runs in `related`: each here, labelled with its number of sentences, then
// where it starts in `other`, labelled `label`.
void add_passages(const CheckContext& ctx, const Shared& s, const FileResult& other, const std::string& label,
                  size_t passages, Diagnostic* d) {
  // A passage's opening as the value: its first 60 bytes or so (20 Chinese characters), cut
  // between characters.
  const auto opening = [](const Source& source, Span span) {
    const std::string_view text = source.text();
    uint32_t end = std::min(span.end, span.begin + 60);
    while (end > span.begin && end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return std::string(span_text(source, Span{span.begin, end}));
  };
  for (size_t k = 0; k < s.reuse.runs.size() && k < passages; ++k) {
    const Reuse::Run& run = s.reuse.runs[k];
    const Sentence& first = s.there[run.previous];
    const Span here = run_span(ctx, s, run);
    const Span there = s.there_view.source_span(static_cast<uint32_t>(first.begin), static_cast<uint32_t>(first.end));
    d->related.emplace_back(here, std::to_string(run.length()), opening(ctx.source, here));
    d->related.emplace_back(there, label, opening(*other.source, there), other.source);
  }
}

// ---- cross-reuse ---------------------------------------------------------------------------

class CrossReuse : public Check {
 public:
  CrossReuse(TextParams text, int percent, size_t passages)
      : text_(std::move(text)), percent_(percent), passages_(passages) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const FileResult* prev = previous_of_year_before(ctx);
    if (!prev || !ctx.prose) return;
    const std::optional<Shared> shared = shared_sentences(ctx, text_, *prev, percent_);
    if (!shared) return;
    const Reuse& r = shared->reuse;
    const Reuse::Run& longest = r.runs.front();
    Diagnostic d = make_diagnostic(rule, ctx, "cross-reuse", "default", run_span(ctx, *shared, longest),
                                   {{"share", std::to_string(r.percent())},
                                    {"reused", std::to_string(r.reused)},
                                    {"total", std::to_string(r.total)},
                                    {"threshold", std::to_string(percent_)},
                                    {"longest", std::to_string(longest.length())},
                                    {"previous_year", std::to_string(prev->report_year)}});
    d.fields = {{"share", std::to_string(r.percent())},
                {"reused", std::to_string(r.reused)},
                {"total", std::to_string(r.total)},
                {"previous_year", std::to_string(prev->report_year)}};
    add_passages(ctx, *shared, *prev, std::to_string(prev->report_year), passages_, &d);
    out.push_back(std::move(d));
  }

 private:
  TextParams text_;
  int percent_;
  size_t passages_;
};

// ---- cross-copy ----------------------------------------------------------------------------

// Another agency's report of the same year in the batch (--find-copies picks the one that shares
// the most sentences): `percent`% or more of this report's sentences are in it too.
class CrossCopy : public Check {
 public:
  CrossCopy(TextParams text, int percent, size_t passages)
      : text_(std::move(text)), percent_(percent), passages_(passages) {}

  void sentence_prints(const CheckContext& ctx, std::vector<uint64_t>* out) const override {
    if (!ctx.prose) return;
    for (const Sentence& s : sentences_of(ctx.view, ctx.report, *ctx.prose, text_.sentence_min, text_.ignore)) {
      out->push_back(std::hash<std::string_view>{}(s.key));
    }
  }

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const FileResult* other = ctx.partners.copy_of;
    if (!other || !ctx.prose || other->unreadable || !other->source) return;
    const std::optional<Shared> shared = shared_sentences(ctx, text_, *other, percent_);
    if (!shared) return;
    const Reuse& r = shared->reuse;
    const std::string agency = other->agency.empty() ? other->path : other->agency;
    Diagnostic d = make_diagnostic(rule, ctx, "cross-copy", "default", run_span(ctx, *shared, r.runs.front()),
                                   {{"share", std::to_string(r.percent())},
                                    {"copied", std::to_string(r.reused)},
                                    {"total", std::to_string(r.total)},
                                    {"threshold", std::to_string(percent_)},
                                    {"agency", agency},
                                    {"other", other->path}});
    d.fields = {{"share", std::to_string(r.percent())},
                {"copied", std::to_string(r.reused)},
                {"total", std::to_string(r.total)},
                {"other", other->path}};
    add_passages(ctx, *shared, *other, agency, passages_, &d);
    out.push_back(std::move(d));
  }

 private:
  TextParams text_;
  int percent_;
  size_t passages_;
};

// ---- cross-identical -----------------------------------------------------------------------

class CrossIdentical : public Check {
 public:
  CrossIdentical(TextParams text, int percent, size_t least_cells)
      : text_(std::move(text)), percent_(percent), least_cells_(least_cells) {}

  void run(const Rule& rule, const CheckContext& ctx, std::vector<Diagnostic>& out) const override {
    const FileResult* prev = previous_of_year_before(ctx);
    if (!prev || !ctx.prose) return;
    // Every figure read in both reports' tables the same, and enough of them to say so.
    size_t cells = 0;
    for (const Table& now : ctx.report.tables) {
      const Table* then = now.def ? table_by_id(prev->report, now.def->id) : nullptr;
      if (!then) continue;
      for (const ReadRow& row : now.rows) {
        if (row.def < 0) continue;
        const int prev_row = row_by_id(*then->def, now.def->rows[static_cast<size_t>(row.def)].id);
        for (size_t c = 0; c < row.cells.size(); ++c) {
          const Cell& a = row.cells[c];
          if (a.state != Cell::State::number) continue;
          const Cell* b = then->cell(prev_row, column_by_id(*then->def, now.def->columns[c].id));
          if (!b || b->state != Cell::State::number) continue;
          if (a.units != b->units || a.decimals != b->decimals) return;  // a figure differs: not a copy
          ++cells;
        }
      }
    }
    if (cells < least_cells_) return;
    const std::optional<Shared> shared = shared_sentences(ctx, text_, *prev, percent_);
    if (!shared) return;
    const Reuse& r = shared->reuse;
    const Span at = ctx.report.facts.title.value_or(ctx.report.facts.body);
    Diagnostic d = make_diagnostic(rule, ctx, "cross-identical", "default", Span{at.begin, at.begin},
                                   {{"share", std::to_string(r.percent())},
                                    {"cells", std::to_string(cells)},
                                    {"previous_year", std::to_string(prev->report_year)},
                                    {"previous", prev->path}});
    d.span = at;
    d.fields = {{"share", std::to_string(r.percent())},
                {"cells", std::to_string(cells)},
                {"previous_year", std::to_string(prev->report_year)}};
    const Span there = prev->report.facts.title.value_or(prev->report.facts.body);
    d.related.emplace_back(there, std::to_string(prev->report_year), std::string(span_text(*prev->source, there)),
                           prev->source);
    out.push_back(std::move(d));
  }

 private:
  TextParams text_;
  int percent_;
  size_t least_cells_;
};

}  // namespace

void register_cross_text_kinds(std::vector<RuleKind>& kinds) {
  const std::map<std::string, std::string> text_docs = {
      {"sentence_min", "a sentence counts when it has at least this many Chinese characters (default 15)"},
      {"least_sentences", "fewer sentences than this in this year's report: not judged (default 10)"},
      {"ignore", "RE2 patterns on the normalized sentence: the template's fixed phrases, not counted"}};
  kinds.push_back(
      RuleKind{"cross-reuse",
               {"cross-reuse"},
               {"default"},
               {"percent", "passages", "sentence_min", "least_sentences", "ignore"},
               [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 TextParams text;
                 size_t percent = 50, passages = 3;
                 if (!read_text_params(params, error, &text) || !param_int(params, "percent", 1, 100, error, percent) ||
                     !param_int(params, "passages", 1, 20, error, passages))
                   return nullptr;
                 return std::make_shared<CrossReuse>(std::move(text), static_cast<int>(percent), passages);
               }});
  kinds.back().placeholders = {{"default", {"share", "reused", "total", "threshold", "longest", "previous_year"}}};
  kinds.back().finds =
      "`percent`% or more of this year's sentences (digits aside) written in last year's report too; at the longest "
      "run of such sentences; `related`: the `passages` longest runs, each here (its label the number of sentences) "
      "and where it starts in last year's report";
  kinds.back().param_docs = text_docs;
  kinds.back().param_docs["percent"] = "the share of sentences, in percent (default 50)";
  kinds.back().param_docs["passages"] = "how many of the longest passages `related` names (default 3)";
  kinds.back().needs_previous = true;

  kinds.push_back(
      RuleKind{"cross-copy",
               {"cross-copy"},
               {"default"},
               {"percent", "passages", "sentence_min", "least_sentences", "ignore"},
               [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 TextParams text;
                 size_t percent = 60, passages = 3;
                 if (!read_text_params(params, error, &text) || !param_int(params, "percent", 1, 100, error, percent) ||
                     !param_int(params, "passages", 1, 20, error, passages))
                   return nullptr;
                 return std::make_shared<CrossCopy>(std::move(text), static_cast<int>(percent), passages);
               }});
  kinds.back().placeholders = {{"default", {"share", "copied", "total", "threshold", "agency", "other"}}};
  kinds.back().finds =
      "`percent`% or more of this report's sentences (digits aside) written in another agency's report of the same "
      "year in the batch (--find-copies: the one sharing the most); at the longest run of such sentences; "
      "`related`: the `passages` longest runs, each here and where it starts in the other report";
  kinds.back().param_docs = text_docs;
  kinds.back().param_docs["percent"] = "the share of sentences, in percent (default 60)";
  kinds.back().param_docs["passages"] = "how many of the longest passages `related` names (default 3)";
  kinds.back().needs_other = true;

  kinds.push_back(
      RuleKind{"cross-identical",
               {"cross-identical"},
               {"default"},
               {"percent", "least_cells", "sentence_min", "least_sentences", "ignore"},
               [](const RuleNode& params, const RuleSet&, const ParamError& error) -> std::shared_ptr<const Check> {
                 TextParams text;
                 size_t percent = 95, least_cells = 20;
                 if (!read_text_params(params, error, &text) || !param_int(params, "percent", 1, 100, error, percent) ||
                     !param_int(params, "least_cells", 1, 100000, error, least_cells))
                   return nullptr;
                 return std::make_shared<CrossIdentical>(std::move(text), static_cast<int>(percent), least_cells);
               }});
  kinds.back().placeholders = {{"default", {"share", "cells", "previous_year", "previous"}}};
  kinds.back().finds =
      "last year's report published again: `percent`% or more of the sentences the same (digits aside) and every "
      "figure read in both reports' tables equal, at least `least_cells` of them; at the title";
  kinds.back().param_docs = text_docs;
  kinds.back().param_docs["percent"] = "the share of sentences, in percent (default 95)";
  kinds.back().param_docs["least_cells"] = "table figures that must be compared, all equal (default 20)";
  kinds.back().needs_previous = true;
}

}  // namespace gklint
