#include "cli/inspect.hpp"

#include "cli/messages.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>
#include <vector>

#include "gklint/emit.hpp"
#include "gklint/tool_rules.hpp"

namespace gklint {

namespace {

const char* style_name(NumberStyle s) {
  switch (s) {
    case NumberStyle::none: return "bare";
    case NumberStyle::part: return "part";
    case NumberStyle::cn_dun: return "一、";
    case NumberStyle::cn_paren: return "（一）";
    case NumberStyle::arabic_dot: return "1.";
    case NumberStyle::arabic_paren: return "（1）";
  }
  return "";
}

// A PDF's positions are a page and the line on it; other files' a line of the file.
uint32_t line_of(const Position& p) { return p.page ? p.page_line : p.line; }
std::string place_of(const Position& p) {
  return (p.page ? std::to_string(p.page) + ":" : "") + std::to_string(line_of(p)) + ":" + std::to_string(p.column);
}

std::string csv_field(const std::string& v) {
  if (v.find_first_of(",\"\n\r") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

}  // namespace

int list_rules(Catalog& catalog, const std::string& rules_id, Lang lang) {
  std::vector<std::string> ids = rules_id.empty() ? catalog.builtin_ids() : std::vector<std::string>{rules_id};
  for (const std::string& id : ids) {
    std::vector<RuleError> errors;
    auto set = catalog.get(id, &errors);
    if (!set) {
      for (const auto& e : errors) std::cerr << "gklint: " << e.file << ": " << e.message << "\n";
      return 2;
    }
    if (set->abstract && rules_id.empty()) continue;
    std::cout << set->id << "  " << set->title.in(lang);
    if (set->year_from || set->year_to) {
      std::cout << "  [" << (set->year_from ? std::to_string(set->year_from) : "") << "–"
                << (set->year_to ? std::to_string(set->year_to) : "") << "]";
    } else {
      std::cout << (lang == Lang::en ? "  [only with --rules]" : "  [仅在 --rules 指定时使用]");
    }
    std::cout << "\n";
    if (set->lineage.size() > 1) {
      std::cout << "  extends:";
      for (size_t i = 0; i + 1 < set->lineage.size(); ++i) std::cout << " " << set->lineage[i];
      std::cout << "\n";
    }
    std::cout << (lang == Lang::en ? "  sections:\n" : "  章节：\n");
    for (const Section& s : set->sections) {
      std::cout << "    " << s.id << "  " << s.title.in(lang)
                << (s.required ? "" : (lang == Lang::en ? " (optional)" : "（可选）")) << "\n";
    }
    std::cout << (lang == Lang::en ? "  rules:\n" : "  规则：\n");
    for (const Rule& r : set->rules) {
      std::cout << "    " << r.id << "  " << severity_name(r.severity) << "  " << r.summary.in(lang) << "\n";
    }
  }
  return 0;
}

int explain(Catalog& catalog, const std::string& id, Lang lang) {
  for (const ToolRule& t : kToolRules) {
    if (id == t.id) {
      std::cout << t.id << "  (kind: " << t.kind << ", " << severity_name(t.severity) << ")\n\n"
                << (lang == Lang::en ? t.en : t.zh) << "\n";
      return 0;
    }
  }
  const Rule* first = nullptr;
  std::vector<std::pair<std::string, const Rule*>> uses;  // rule set id -> rule
  std::vector<std::string> all_ids;
  for (const std::string& set_id : catalog.builtin_ids()) {
    std::vector<RuleError> errors;
    auto set = catalog.get(set_id, &errors);
    if (!set || set->abstract) continue;
    for (const Rule& r : set->rules) {
      all_ids.push_back(r.id);
      if (r.id == id) {
        if (!first) first = &r;
        uses.emplace_back(set->id, &r);
      }
    }
  }
  if (!first) {
    std::sort(all_ids.begin(), all_ids.end());
    all_ids.erase(std::unique(all_ids.begin(), all_ids.end()), all_ids.end());
    std::cerr << "gklint: " << msg::text(lang, msg::kNoRuleNamed, {id});
    for (size_t i = 0; i < all_ids.size(); ++i) std::cerr << (i ? ", " : "") << all_ids[i];
    for (const ToolRule& t : kToolRules) std::cerr << ", " << t.id;
    std::cerr << "\n";
    return 2;
  }
  const bool en = lang == Lang::en;
  std::cout << first->id << "  (kind: " << first->kind << ", " << severity_name(first->severity) << ")\n";
  if (!first->summary.zh.empty()) std::cout << first->summary.in(lang) << "\n";
  std::cout << "\n" << first->doc.in(lang) << "\n";
  if (!first->example.empty()) std::cout << (en ? "Example:\n" : "示例：\n") << first->example << "\n";
  std::cout << (en ? "Basis, by rule set:\n" : "依据（按规则集）：\n");
  for (const auto& [set_id, r] : uses) {
    std::cout << "  " << set_id << ": " << (r->cite.empty() ? "-" : r->cite) << "  (" << r->defined_at << ")\n";
  }
  return 0;
}

// What gklint read from a report: the facts and every heading, with positions, so a user can see
// why a section was or was not recognised.
void print_outline(const FileResult& r, bool en) {
  const Source& src = *r.source;
  const auto where = [&](Span s) { return place_of(src.position(s.begin)); };
  const Facts& f = r.report.facts;
  std::cout << (en ? "rule set:     " : "规则集：  ") << r.ruleset << "\n";
  // Where the report starts and ends inside the page (the end just after its last character, as in
  // the JSON output's end_line/end_column); the whole text when there is no page or crawler chrome.
  const bool whole = f.body.begin == 0 && f.body.end == src.text().size();
  std::cout << (en ? "body:         " : "正文：    ") << where(f.body) << " – " << where(Span{f.body.end, f.body.end})
            << (whole ? (en ? "  (the whole text)" : "  （全文）") : "") << "\n";
  std::cout << (en ? "title:        " : "标题：    ")
            << (f.title ? where(*f.title) + "  " + std::string(span_text(src, *f.title)) : "-") << "\n";
  std::cout << (en ? "report year:  " : "报告年度：") << (r.report_year ? std::to_string(r.report_year) : "-")
            << (r.year_source.empty() ? "" : " (" + r.year_source + ")") << "\n";
  std::cout << (en ? "period:       " : "统计期限：")
            << (f.period ? where(*f.period) + "  " + std::string(span_text(src, *f.period)) : "-") << "\n";
  std::cout << (en ? "agency:       " : "机关：    ")
            << (f.agency ? where(*f.agency) + "  " + std::string(span_text(src, *f.agency)) : "-") << "\n";
  std::cout << (en ? "headings:\n" : "标题层级：\n");
  for (const Heading& h : r.report.headings) {
    std::string pos = where(h.span);
    pos.resize(std::max<size_t>(pos.size(), 8), ' ');
    std::cout << "  " << pos << std::string(static_cast<size_t>(h.level) * 2, ' ') << span_text(src, h.span) << "  ["
              << style_name(h.style) << (h.in_paragraph ? (en ? ", in a paragraph" : "，段落中") : "") << "]\n";
  }
}

// The tables as data: one record per cell with its value (null when not a number), the text as
// printed, and its line and column; for researchers, and for seeing what the table reader read.
void extract(const FileResult& r, bool csv, bool* first, std::ostream& out) {
  const Source& src = *r.source;
  nlohmann::ordered_json file;
  file["path"] = r.path;
  file["ruleset"] = r.ruleset.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(r.ruleset);
  file["report_year"] = r.report_year ? nlohmann::ordered_json(r.report_year) : nlohmann::ordered_json(nullptr);
  file["tables"] = nlohmann::ordered_json::array();
  for (const Table& t : r.report.tables) {
    const TableDef& def = *t.def;
    nlohmann::ordered_json table;
    table["table"] = def.id;
    table["title"] = def.title;
    table["readable"] = t.unreadable.empty();
    // Rows that could not be read have no cells here: named, so nothing is lost silently.
    table["unreadable_rows"] = nlohmann::ordered_json::array();
    for (const auto& u : t.unreadable) {
      const Position p = src.position(u.at.begin);
      nlohmann::ordered_json unread = {{"row_label", u.row}};
      if (p.page) unread["page"] = p.page;
      unread["line"] = line_of(p);
      unread["column"] = p.column;
      table["unreadable_rows"].push_back(std::move(unread));
      if (csv) {
        std::cerr << "gklint: " << r.path << ":" << place_of(p) << ": " << def.title << " “" << u.row
                  << "”: cannot be read reliably; left out of the CSV\n";
      }
    }
    table["cells"] = nlohmann::ordered_json::array();
    for (const ReadRow& row : t.rows) {
      const RowDef& rd = def.rows[row.def];
      if (rd.group) continue;
      for (size_t c = 0; c < row.cells.size(); ++c) {
        const Cell& cell = row.cells[c];
        const Position p = src.position(cell.span.begin);
        const std::string column_label = c < def.columns.size() ? def.columns[c].label : "";
        const std::string column_id = c < def.columns.size() ? def.columns[c].id : std::to_string(c + 1);
        const std::string row_label = rd.unlabeled && c < def.columns.size() ? def.columns[c].group : rd.name;
        const std::string printed(span_text(src, cell.span));
        nlohmann::ordered_json value = nullptr;
        if (cell.state == Cell::State::number) {
          value = cell.decimals == 0 ? nlohmann::ordered_json(cell.units) : nlohmann::ordered_json(cell.value);
        }
        if (csv) {
          out << csv_field(r.path) << ',' << def.id << ',' << rd.id << ',' << csv_field(row_label) << ',' << column_id
              << ',' << csv_field(column_label) << ',' << (value.is_null() ? "" : value.dump()) << ','
              << csv_field(printed) << ',' << line_of(p) << ',' << p.column << ',' << (cell.inferred ? "1" : "0") << ','
              << (p.page ? std::to_string(p.page) : "") << '\n';
        } else {
          nlohmann::ordered_json c_json = {{"row_id", rd.id},        {"row_label", row_label},
                                           {"column_id", column_id}, {"column_label", column_label},
                                           {"value", value},         {"text", printed}};
          if (p.page) c_json["page"] = p.page;
          c_json["line"] = line_of(p);
          c_json["column"] = p.column;
          c_json["inferred"] = cell.inferred;
          table["cells"].push_back(std::move(c_json));
        }
      }
    }
    file["tables"].push_back(std::move(table));
  }
  if (!csv) {
    out << (*first ? "\n" : ",\n") << file.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    *first = false;
  }
}

// The text as gklint reads it, each line led by where it is in the user's file, so any position in
// a finding can be followed: for a .docx, every paragraph with its number (and its table cell); for
// a PDF, every line and table row with its page:line; for a page, each line of extracted text with
// the HTML line:column it starts at.
void print_cat(const FileResult& r) {
  const Source& src = *r.source;
  if (src.format() == "docx" || src.format() == "pdf") {
    // A paragraph's table cell, from the origins of its text.
    std::vector<GridRef> grid(src.display_line_count() + 1);
    for (const Origin& o : src.origins()) {
      if (o.line < grid.size() && o.grid.table && !grid[o.line].table) grid[o.line] = o.grid;
    }
    const int width = static_cast<int>(std::to_string(src.display_line_count()).size());
    const auto& pages = src.display_pages();
    for (uint32_t n = 1; n <= src.display_line_count(); ++n) {
      if (n <= pages.size()) {
        // A PDF: page:line, the line counted on its page.
        const std::string at = std::to_string(pages[n - 1].first) + ":" + std::to_string(pages[n - 1].second);
        std::cout << std::string(std::max<int>(0, 7 - static_cast<int>(at.size())), ' ') << at << " | ";
      } else {
        std::cout << std::string(width - std::to_string(n).size(), ' ') << n << " | ";
      }
      if (grid[n].table) {
        std::cout << "[表" << grid[n].table << " 行" << grid[n].row << " 列" << grid[n].column << "] ";
      }
      std::cout << src.display_line(n) << "\n";
    }
    return;
  }
  for (uint32_t line = 1; line <= src.line_count(); ++line) {
    const std::string_view t = src.line_text(line);
    if (line == src.line_count() && t.empty()) break;  // after the final line end
    const Position p = src.position(static_cast<uint32_t>(t.data() - src.text().data()));
    std::cout << p.line;
    // Printed piece by piece: ":" + std::to_string(…) here trips a g++ 12 -Wrestrict false positive at -O3.
    if (src.format() == "html") std::cout << ":" << p.column;
    std::cout << " | " << t << "\n";
  }
}

// What every output format needs from the command line; exit statuses stay the same in all of them.

}  // namespace gklint
