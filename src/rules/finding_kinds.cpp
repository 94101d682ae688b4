// The finding kinds: the `kind` of every diagnostic in the JSON contract (docs/json-output.md,
// written from this list by gklint-docs). Rule kinds name theirs in `diagnostic_kinds`, the tool's
// own rules in kToolRules; a unit test holds both to this list.
#include "rules/check.hpp"

namespace gklint {

const std::vector<FindingKind>& finding_kinds() {
  static const std::vector<FindingKind> kinds = {
      {"section-missing", "", "`section`: section id"},
      {"section-in-body", "info: the content is in a paragraph, without a heading", "`section`"},
      {"section-order", "", "`section`"},
      {"section-empty", "",
       "`section`, `problem`: `empty` (nothing under the heading), `none` (only 无 where substance is asked)"},
      {"heading-numbering", "", "`problem`: `mixed`, `start`, `repeat`, `skip`, `backwards`"},
      {"year-mismatch", "", "`problem`: `missing`, `mismatch` (+ `title_year`, `period_year`), `typo`"},
      {"period-incomplete", "", ""},
      {"period-missing", "warning, once per report: a 统计期限 left blank, at the first", "`problem`: `blank`"},
      {"year-plan", "warning: a plan dated with the report year or earlier", "`year`, `report_year`"},
      {"table-sum", "", "table fields, `expected`, `actual`, `related`"},
      {"table-cell", "",
       "table fields, `problem`: `unfilled`, `not_number`, `negative`, `fraction`; for `unfilled`, one finding per "
       "table: `count` and `related` (below)"},
      {"table-missing", "", "`table`"},
      {"table-all-zero", "info, once per report: at the prose that states applications or cases", ""},
      {"table-unreadable", "warning, one per table: its rows that could not be read",
       "`table`, `row_label` (the first such row), `count`, `related` (every such row)"},
      {"table-layout", "", "table fields, `problem`: `row-missing` (`table-rows`), `template` (`table-template`)"},
      {"statute-name", "", "`right`: the statute's name"},
      {"text-duplicate", "warning",
       "`problem`: `phrase` (doubled in place), `sentence` (+ `count`: sentences in the repeated passage; `related`: "
       "where it first is)"},
      {"text-enumeration", "warning",
       "`problem`: `gap` (a number skipped: + `previous`, `missing`), `repeat` (a number twice in a row), `fewer`, "
       "`more` (items than the count announced before the list: + `announced`; `count`: the items numbered, for "
       "`fewer`); `marker` (the rule's id for the style: `shi` 一是, `di` 第一, `paren` （一）); `found` (the marker, "
       "as `form` writes it); `related` (the previous marker, the announcing words, or each item)"},
      {"text-garbled", "warning, one per kind of garbling per report, at the first",
       "`garbling` (the rule's id for it: `pinyin`, `mojibake`, `markup`), `count`, `related` (the next 20)"},
      {"text-sum", "error when the total is in the list's own sentence, else warning: at the stated total",
       "`unit`, `expected` (the parts' sum), `actual` (the total as stated), `related` (each part: its label and "
       "figure)"},
      {"text-percent", "warning: at the percentage",
       "`expected` (the share the part and base give), `actual` (the percentage as printed), `related` (the part "
       "and the base)"},
      {"text-table", "error, or warning when a cell was cut out of digits that ran together: at the prose figure",
       "`table`, `expected` (the cells' sum), `actual` (the prose figure), `related` (each cell), `inferred`"},
      {"cross-carry", "error, with `--previous`: at this year's cell",
       "table fields (`table`, `row_id`, `column_id`), `previous_year`, `expected` (last year's cell), `actual`, "
       "`related` (last year's cell, with its `path`), `inferred`"},
      {"cross-stock", "warning, with `--previous`: at this year's stock cell",
       "table fields, `previous_year`, `expected` (last year's stock + added − removed), `actual`, `related` (last "
       "year's stock, with its `path`; this year's added and removed)"},
      {"cross-jump", "info, with `--previous`: at this year's cell",
       "table fields, `previous_year`, `related` (last year's cell, with its `path`)"},
      {"cross-reuse", "warning, with `--previous`: at the longest run of sentences repeated from last year's report",
       "`share` (percent), `reused`, `total` (sentences), `previous_year`, `related` (the longest runs: each here, "
       "labelled with its number of sentences, then where it starts in last year's report, with its `path`)"},
      {"cross-copy",
       "warning, with `--find-copies`: at the longest run of sentences also in another agency's report of the same "
       "year",
       "`share` (percent), `copied`, `total` (sentences), `other` (that report's path), `related` (the longest runs: "
       "each here, labelled with its number of sentences, then where it starts in the other report, with its `path`)"},
      {"cross-identical", "error, with `--previous`: at the title",
       "`share` (percent of sentences the same), `cells` (table figures compared, all equal), `previous_year`, "
       "`related` (last year's title, with its `path`)"},
      {"cross-sum", "error, for a total a `.gklint.yaml`'s `sums` declares, linted with its parts: at the total's cell",
       "table fields, `parts` (how many), `expected` (the parts' sum), `actual`, `related` (each part's cell, with "
       "its `path`), `inferred`"},
      {"cross-sum-unchecked",
       "warning, for a declared total: at the title; what keeps the sum, or some of its cells, from being checked "
       "(a part not in the batch, unreadable, of another year, without the table, or with cells blank or unread)",
       "one per reason, naming every part it applies to: `missing` (the globs that matched no report), or `part` "
       "(the parts' paths, listed) with `part_year` (their years, in order) and `year`, `table` or `count` (the "
       "total's cells not checked)"},
      {"cross-previous",
       "warning, with `--previous`: last year's report could not be compared (not the year before, or not read); "
       "nothing across years was checked",
       "`previous_year` (0 when not found)"},
      {"ruleset-year", "info: `--rules` names a set not written for the report's year", ""},
      {"input-error", "", ""},
      {"input-encoding",
       "warning: bytes not valid in the detected encoding, located at the first; the file is still checked",
       "`encoding`"},
      {"rule-error", "the position is in the rule file", ""},
      {"config-error", "the position is in the `.gklint.yaml`; nothing was linted", ""},
      {"input-not-report",
       "warning: no title, year, section heading or table of an annual report, like a README in a crawled folder; "
       "nothing else is checked in that file",
       ""},
      {"internal-error",
       "gklint itself failed on this file: exit status 3; the file is `unreadable`, the rest of the batch is linted",
       ""},
  };
  return kinds;
}

}  // namespace gklint
