// The command line's own messages (usage, files it cannot write, what it did), in Chinese and
// English, in one place. Rule messages are the rule files'; a stage's problems (InputProblem,
// ReadError, a config's errors) carry both languages themselves.
#pragma once

#include <string>
#include <vector>

#include "gklint/diagnostic.hpp"

namespace gklint::msg {

struct Message {
  const char* zh;
  const char* en;
  // A refusal a portal's log may be read for in either language: a Chinese run shows the English
  // after it, in parentheses.
  bool with_english = false;
};

// The message in `lang`, each {} replaced by the next argument. `en_args`, when given, fill the
// English instead (a word that differs between the languages).
std::string text(Lang lang, const Message& m, const std::vector<std::string>& args = {},
                 const std::vector<std::string>* en_args = nullptr);

// Usage
inline constexpr Message kNoInputFiles{"没有输入文件；用法见 gklint --help", "no input files; see gklint --help"};
inline constexpr Message kFilesFromUnreadable{"--files-from {}: 无法读取", "--files-from {}: cannot read"};
inline constexpr Message kFilesFromTooLarge{"--files-from {}: 超过 256 MiB 或 4194304 个路径，不读取",
                                            "--files-from {}: more than 256 MiB or 4,194,304 paths; not read"};
inline constexpr Message kDidYouMean{"`{}` 既不是文件也不是子命令；是否要用 gklint {}？",
                                     "`{}` is neither a file nor a subcommand; did you mean `gklint {}`?"};
inline constexpr Message kStdinFilenameAlone{
    "--stdin-filename 只用于标准输入：请同时给出 -（例如 git show :a.txt | gklint --stdin-filename a.txt -）",
    "--stdin-filename names standard input: give - too (git show :a.txt | gklint --stdin-filename a.txt -)"};
inline constexpr Message kPreviousOneReport{
    "只能与一份本年度报告一起使用（现有 {} 份）：gklint --previous 上年报告 本年报告",
    "goes with one report of this year (there are {}): gklint --previous LAST_YEAR THIS_YEAR"};
inline constexpr Message kPaired{"{} 份报告（共 {} 份）与本机关上一年度的报告核对；gklint pairs 说明配对情况",
                                 "{} of {} reports checked against the agency's report of the year before; gklint "
                                 "pairs shows the pairing"};
inline constexpr Message kSumsChecked{
    "{} 份合计报告（.gklint.yaml 的 sums）与本批次中的 {} 份下级报告核对（cross.sum）",
    "totals declared in .gklint.yaml sums: {}, checked against their parts in this batch: {} (cross.sum)"};
inline constexpr Message kCopiesCompared{
    "{} 份报告（共 {} 份）与本批次中其他机关同年度、共有句子最多的报告对照（cross.copy）",
    "{} of {} reports compared with the report of another agency and the same year that shares the most sentences "
    "(cross.copy)"};
inline constexpr Message kNoRuleNamed{"没有名为 `{}` 的规则；已有规则：", "no rule named `{}`; rules: "};

// A command-line mistake CLI11 found (`what`: its English message), said in `lang`: in Chinese, with
// the English after it. `help` is the command whose --help to point to ("gklint", "gklint extract").
std::string usage_error(Lang lang, const std::string& what, const std::string& help);

// Files written
inline constexpr Message kConfigExists{"{}：已存在（用 --force 覆盖）", "{}: already exists (--force replaces it)"};
inline constexpr Message kConfigCannotWrite{"{}：无法写入", "{}: cannot write"};
inline constexpr Message kConfigWritten{"已写入 {}", "wrote {}"};
inline constexpr Message kBaselineWritten{"已写入基线：{} ({} 条)", "baseline written: {} ({} findings)"};
inline constexpr Message kSameAsBaseline{"与 --write-baseline 是同一个文件", "the same file as --write-baseline", true};
inline constexpr Message kCannotWrite{"无法写入：{}", "cannot write: {}"};
inline constexpr Message kLinkToNothing{"是指向不存在的文件的符号链接，不写入",
                                        "a symbolic link to nothing: not written", true};
inline constexpr Message kIsAnInput{"是要检查的输入文件，不覆盖", "one of the input files: not overwritten", true};
inline constexpr Message kNotRegular{"{}，不是普通文件，不写入；标准输出用 -",
                                     "{}, not a regular file: not written; - writes to standard output", true};

// gklint fix
inline constexpr Message kFixNotText{
    "gklint fix 只修改纯文本和 Markdown 文件；这是 {} 文件：请按检查结果中的“修正”手动修改",
    "gklint fix edits plain text and Markdown files only; this is a {} file: make the fixes the findings show by "
    "hand"};
inline constexpr Message kFixStdin{"gklint fix 需要文件路径，不读标准输入",
                                   "gklint fix needs a file, not standard input"};
inline constexpr Message kFixBadBytes{"含有编码 {} 中无效的字节，为免损坏不改写",
                                      "has bytes that are not valid {}: not rewritten, so nothing is damaged"};
inline constexpr Message kFixCannotEncode{"修正后的文字无法按原编码 {} 原样写回，不改写",
                                          "the fixed text cannot be written back in its encoding {} as it was: not "
                                          "rewritten"};
inline constexpr Message kFixChanged{"检查后文件已被修改，未写入修正；请重新运行",
                                     "the file changed after it was checked: no fix written; run again"};
inline constexpr Message kFixNothing{"没有可自动修正的问题（{} 条检查结果需人工判断）",
                                     "nothing to fix automatically ({} findings need a person's judgement)"};
inline constexpr Message kFixSkipped{"未修正：与前一处修正重叠", "not fixed: overlaps the fix before it"};
inline constexpr Message kFixWritten{"已写入 {}（{} 处修正；其余 {} 条检查结果需人工判断）",
                                     "wrote {} ({} fixes; {} other findings need a person's judgement)"};
inline constexpr Message kFixBackup{"原文件已备份为 {}", "the original is kept as {}"};

// gklint annotate
inline constexpr Message kAnnotateNotDocx{
    "gklint annotate 把检查结果作为批注写入 .docx 文件；这是 {} 文件：请用 gklint 查看检查结果",
    "gklint annotate writes findings as comments into a .docx; this is a {} file: run gklint on it to see them"};
inline constexpr Message kAnnotateStdin{"gklint annotate 需要 .docx 文件路径，不读标准输入",
                                        "gklint annotate needs a .docx file, not standard input"};
inline constexpr Message kAnnotateWritten{"已写入 {}（{} 条批注）", "wrote {} ({} comments)"};

// Linting
inline constexpr Message kInternalError{"gklint 检查该文件时出错（内部错误：{}），请报告此问题",
                                        "gklint failed on this file (internal error: {}); please report it"};

}  // namespace gklint::msg
