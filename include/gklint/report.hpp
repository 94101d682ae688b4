// What gklint reads out of a report: its facts (title, year, agency) and its outline of headings.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gklint/diagnostic.hpp"
#include "gklint/pattern.hpp"
#include "gklint/table.hpp"

namespace gklint {

class Source;
class View;

// What a web page or a crawler wraps around a report: compiled from a rule set's `chrome:`.
struct Chrome {
  // A whole line of a metadata block (标题: …, 发布时间: …, ==== 正文 ====); group "title", when the
  // pattern has it, is the value of a title field (the title without its label).
  std::vector<Regex> header;
  // A piece of page furniture where the text starts (当前位置: 首页…, 来源: 时间: …, 微信 微博):
  // matched at the current position, within one line.
  std::vector<Regex> leading;
  // A piece where the text ends (附件下载, 打印本页, 主办单位: …): must end where the text ends
  // (the loader anchors it there), within one line.
  std::vector<Regex> trailing;
};

// How to find the facts and the headings: compiled from a rule set's `facts:`, `outline:` and
// `chrome:`.
struct DocumentModel {
  Chrome chrome;
  std::vector<Regex> title_standalone;  // a whole line that is the title
  std::vector<Regex> title_embedded;    // group "title" inside a line
  int title_search_lines = 30;
  Regex year;                          // group "year": a year mention
  Regex period;                        // groups "start", optional "end", optional "day"
  std::vector<Regex> agency_in_title;  // group "agency"
  Regex agency_line;                   // group "agency", on the line before the title
  Regex year_typo;                     // group "digits": e.g. 20120年度
  int bare_heading_max_chars = 40;
  // Is a line without a number (normalized, blanks removed) a heading this rule set knows?
  std::function<bool(std::string_view)> known_heading;
  // The bytes of `text` (normalized) taken by the longest section heading wording it starts with
  // (a section's title or one of its `headings:`), blanks inside it included; 0 when none. A
  // heading number followed by such a wording is a heading wherever it stands, and its title ends
  // where the wording ends ("…万元三、收到和处理政府信息公开申请情况（本列数据…").
  std::function<size_t(std::string_view)> known_title_length;
  // Words that end an unknown heading title run into its paragraph ("…诉讼情况行政复议…" ends at 情况).
  std::vector<std::string> title_ends;
};

struct YearMention {
  int year = 0;
  Span span;
};

struct Facts {
  // The report itself: after the crawler header and leading page chrome, before trailing page
  // chrome; the whole text when there is none. The title, period and years are read inside it
  // (the title falls back to a header's title value), and headings are read between the title
  // and its end.
  Span body;
  std::optional<Span> title;  // the title text
  std::optional<YearMention> title_year;
  std::optional<Span> period;  // the whole 统计期限 phrase
  std::optional<YearMention> period_start;
  std::optional<YearMention> period_end;
  bool period_end_has_day = true;         // "至2018年12月31" lacks 日
  std::optional<YearMention> first_year;  // first "XXXX年" anywhere
  std::optional<Span> agency;
  struct Digits {
    Span span;
    std::string digits;  // normalized (ASCII) digits
  };
  std::vector<Digits> year_typos;  // digit runs that look like a year, e.g. "20120年度"

  int report_year = 0;      // 0 = not found
  std::string year_source;  // "title" | "period" | "text" | "option" | ""
};

enum class NumberStyle {
  none,          // a bare heading line: 概述
  part,          // 第一部分
  cn_dun,        // 一、
  cn_paren,      // （一）
  arabic_dot,    // 1.  1、  1．
  arabic_paren,  // （1）
};

struct Heading {
  int level = 1;  // part 0, 一、 1, （一） 2, 1. 3, （1） 4; bare headings 1
  NumberStyle style = NumberStyle::none;
  int number = 0;             // 0 for bare headings
  Span span;                  // marker and title, in the Source
  Span title;                 // title only, in the Source
  std::string key;            // title normalized, blanks removed: what rules match against
  bool in_paragraph = false;  // found after a sentence inside a line (crawled one-line text)
  int parent = -1;            // index of the enclosing heading, -1 at the top
};

struct Report {
  Facts facts;
  std::vector<Heading> headings;
  std::vector<Table> tables;  // the rule set's tables found in the text
};

// Title, years, agency. `year_override` (from --year) wins when non-zero.
Facts read_facts(const Source& source, const View& view, const DocumentModel& model, int year_override);
// Headings of every level, in document order, with parents linked. Lines inside `tables` (row
// labels such as 一、本年新收… in a one-cell-per-line table) are not headings.
std::vector<Heading> read_outline(const Source& source, const View& view, const DocumentModel& model,
                                  const Facts& facts, const std::vector<Table>& tables);

// The marker of a heading as printed ("（三）", "五、"), from the Source.
std::string heading_marker(const Source& source, const Heading& h);

}  // namespace gklint
