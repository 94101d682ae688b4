#include "gklint/tool_rules.hpp"

namespace gklint {

const std::array<ToolRule, 8> kToolRules = {{
    {"input.error", "input-error", Severity::error, "输入文件无法作为报告读取",
     "The input could not be read as a report",
     "输入文件无法作为报告读取：文件不存在或无法读取、为空、是无法读取文字的文件（图片、旧版 .doc、加密文档、"
     "扫描的或文字层无法解读的 PDF），.docx 或 PDF 已损坏或过大，或无法识别其文字编码。该文件的其他内容都没有检查。",
     "The input could not be read as a report: missing or unreadable, empty, a file whose text cannot be read (an "
     "image, a legacy .doc, an encrypted document, a scanned PDF or one whose text layer has no Unicode), a "
     "damaged or oversized .docx or PDF, or text in an encoding that could not be recognised. Nothing else in "
     "that file was checked."},
    {"input.encoding", "input-encoding", Severity::warning, "文件中有不能按其编码解码的字节",
     "The file has bytes that are not valid in its encoding",
     "文件中有不能按其编码（UTF-8、GB18030、Big5 等）解码的字节，已替换为 �。位置指向第一处；文件其余部分照常检查，"
     "但被替换处的文字可能影响检查结果。可用 --encoding 指定编码。",
     "The file has bytes that are not valid in its encoding (UTF-8, GB18030, Big5…); they were replaced by �. "
     "The location is the first one; the rest of the file is checked as usual, but findings near the replaced "
     "text may be affected. Name the encoding with --encoding."},
    {"rule.error", "rule-error", Severity::error, "规则文件有错误", "A rule file has an error",
     "规则文件有错误（YAML 语法、未知的键、错误的类型、无效的正则表达式、extends "
     "指向不存在的规则集）。位置指向规则文件中的行和列。",
     "A rule file has an error (YAML syntax, an unknown key, a wrong type, an invalid pattern, an extends that "
     "names no rule set). The location is the line and column in the rule file."},
    {"ruleset.year", "ruleset-year", Severity::info, "所用规则集并非为该报告年度制定",
     "The rule set was not written for the report's year",
     "用 --rules 指定的规则集并非为该报告年度制定（例如用 gov-2007 检查 2020 年报告），检查结果可能不适用。",
     "The rule set named with --rules was not written for the report's year (e.g. gov-2007 on a 2020 report); "
     "its findings may not apply."},
    {"cross.previous", "cross-previous", Severity::warning, "上一年度报告无法用于跨年度核对",
     "Last year's report could not be compared",
     "用 --previous 指定的上一年度报告不能与本报告核对：它的报告年度不是本报告的前一年，或者无法读取，或者两份报告之一"
     "没有读出年度。跨年度规则（cross.*）都没有检查。",
     "The report named with --previous cannot be compared with this one: its report year is not the year before "
     "this report's, it could not be read, or the year of one of them was not found. No rule across years "
     "(cross.*) was checked."},
    {"config.error", "config-error", Severity::error, "配置文件有错误", "A config file has an error",
     "配置文件（.gklint.yaml 或 --config 指定的文件）有错误：YAML 语法、未知的键、无效的值、未知的规则 "
     "id，或它指定的规则集无法加载。"
     "位置指向配置文件中的行和列；在改正之前不检查任何报告。",
     "A config file (.gklint.yaml, or the file named with --config) has an error: YAML syntax, an unknown key, an "
     "invalid value, an unknown rule id, or a rule set it names that does not load. The location is the line and "
     "column in the config file; no report is checked until it is fixed."},
    {"input.not-report", "input-not-report", Severity::warning, "文件看来不是年度报告，未检查",
     "The file does not look like an annual report; not checked",
     "文件中没有年度报告的标题、年度（“XXXX年”）、章节标题或表格，例如抓取文件夹中的说明文件：不按年度报告检查，"
     "只给出这一条警告，而不是为每个“缺少”的部分报错。用 --year 指定年度时仍按报告检查。",
     "The file has no title, year (XXXX年), section heading or table of an annual report, like a README in a "
     "crawled folder: it is not checked as a report, and this one warning replaces an error for every section "
     "\"missing\" from it. With --year it is checked as a report."},
    {"internal.error", "internal-error", Severity::error, "gklint 内部错误", "An internal error in gklint",
     "检查该文件时 gklint 自身出错（程序缺陷，不是报告的问题）。该文件未检查完，其他文件照常检查，退出状态为 "
     "3。请把该文件和消息报告给 gklint 的维护者。",
     "gklint itself failed while checking this file (a defect in gklint, not in the report). The file was not "
     "fully checked; the other files were, and the exit status is 3. Please report the file and the message."},
}};

}  // namespace gklint
