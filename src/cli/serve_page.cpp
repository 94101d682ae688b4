// The page `gklint serve` shows: one HTML document, its style and script inline (nothing is fetched
// from elsewhere: it works offline). The script sends the file or the pasted text to /api/lint,
// shows the text read with each finding marked where it is, lists the findings (click one to go
// to its place), explains each rule, and offers the annotated .docx (/api/annotate) and an HTML
// report made from what it shows. Ids and classes the browser test reads: #file #text #check
// #status #summary #findings li.finding[data-rule][data-severity] #doc mark.hl[data-finding]
// #download-docx #download-html.
#include <string>

#include "cli/serve.hpp"

namespace gklint {

namespace {

const char* const kPage = R"PAGE(<!doctype html>
<html lang="@LANG@">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>gklint</title>
<style>
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #222; background: #f6f7f9; }
header { background: #1f4e79; color: #fff; padding: 12px 20px; display: flex; align-items: baseline; gap: 16px; }
header h1 { font-size: 20px; margin: 0; }
header a { color: #cfe3ff; margin-left: auto; }
main { display: grid; grid-template-columns: minmax(320px, 40%) 1fr; gap: 16px; padding: 16px 20px; }
section { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; padding: 12px 14px; }
#input { grid-column: 1 / 3; }
#drop { border: 2px dashed #9bb0c8; border-radius: 6px; padding: 14px; text-align: center; color: #4a5a6a; }
#drop.over { background: #eef5ff; }
textarea { width: 100%; box-sizing: border-box; min-height: 70px; margin-top: 8px; font: inherit; }
button, .button { font: inherit; padding: 6px 14px; border-radius: 4px; border: 1px solid #1f4e79; background: #1f4e79; color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary { background: #fff; color: #1f4e79; }
button:disabled { opacity: .5; cursor: default; }
#actions { margin-top: 8px; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
#status { color: #4a5a6a; }
#status.bad { color: #b00020; font-weight: bold; }
#summary span { margin-right: 12px; }
#findings { list-style: none; padding: 0; margin: 0; max-height: 70vh; overflow: auto; }
li.finding { border-left: 4px solid #999; padding: 6px 8px; margin: 6px 0; background: #fafbfc; cursor: pointer; }
li.finding:focus { outline: 2px solid #1f4e79; }
li.finding.sev-error { border-color: #c62828; }
li.finding.sev-warning { border-color: #ef9a00; }
li.finding.sev-info { border-color: #1976d2; }
.sev { font-weight: bold; margin-right: 6px; }
.sev-error .sev { color: #c62828; } .sev-warning .sev { color: #a86b00; } .sev-info .sev { color: #1976d2; }
.meta { color: #5a6570; font-size: 13px; margin-top: 2px; }
.fix { color: #1b5e20; font-size: 13px; }
details { font-size: 13px; margin-top: 4px; } details pre { white-space: pre-wrap; font-family: inherit; margin: 4px 0; }
#doc { font-family: "Noto Serif CJK SC", "SimSun", serif; max-height: 70vh; overflow: auto; line-height: 1.7; }
.line { display: flex; gap: 10px; white-space: pre-wrap; word-break: break-all; }
.ln { color: #9aa5b1; min-width: 3em; text-align: right; user-select: none; font-family: monospace; font-size: 12px; padding-top: 3px; }
mark.hl { background: #ffe08a; border-bottom: 2px solid #ef9a00; cursor: pointer; }
mark.hl.sev-error { background: #ffd0d0; border-color: #c62828; }
mark.hl.sev-info { background: #d6e9ff; border-color: #1976d2; }
mark.hl.flash, li.finding.flash { outline: 3px solid #1f4e79; }
mark.point::after { content: "◆"; color: #c62828; }
@media print { header a, #input, #actions { display: none; } main { display: block; } #doc, #findings { max-height: none; overflow: visible; } }
</style>
</head>
<body>
<header><h1>gklint</h1><span id="tagline"></span><a id="other-lang" href="#"></a></header>
<main>
<section id="input">
  <div id="drop"><label><span id="drop-label"></span> <input type="file" id="file" accept=".docx,.txt,.md,.html,.htm,.pdf"></label></div>
  <textarea id="text"></textarea>
  <div id="actions">
    <button id="check"></button>
    <button id="download-docx" class="secondary" disabled></button>
    <button id="download-html" class="secondary" disabled></button>
    <span id="status" role="status" aria-live="polite"></span>
  </div>
</section>
<section><div id="summary"></div><ol id="findings"></ol></section>
<section><div id="doc"></div></section>
</main>
<script>
"use strict";
const LANG = document.documentElement.lang.startsWith("en") ? "en" : "zh";
const T = {
  zh: { tagline: "政府信息公开工作年度报告检查", other: "English", drop: "选择或拖入报告文件（.docx .txt .md .html .pdf），或在下面粘贴文字：",
        paste: "在此粘贴报告全文……", check: "检查", docx: "下载带批注的 Word 文件", html: "下载检查报告（HTML）",
        checking: "正在检查……", nothing: "请选择文件或粘贴文字", tooLarge: "文件超过 20 MB 上限，未检查",
        failed: "检查失败：", clean: "没有发现问题", error: "错误", warning: "警告", info: "提示",
        counts: (c) => `错误 ${c.error} 条，警告 ${c.warning} 条，提示 ${c.info} 条`, explain: "说明",
        basis: "依据：", cells: "参与计算：", also: "其他位置：", ruleset: "规则集", checked: (n) => `已检查：${n}`, report: "gklint 检查报告" },
  en: { tagline: "checks government information-disclosure annual reports", other: "中文", drop: "Choose or drop a report (.docx .txt .md .html .pdf), or paste its text below:",
        paste: "Paste the report's text here…", check: "Check", docx: "Download the .docx with comments", html: "Download the report (HTML)",
        checking: "Checking…", nothing: "Choose a file or paste text", tooLarge: "The file is larger than the 20 MB limit: not checked",
        failed: "Could not check: ", clean: "No finding", error: "error", warning: "warning", info: "info",
        counts: (c) => `${c.error} error(s), ${c.warning} warning(s), ${c.info} info`, explain: "Explain",
        basis: "basis: ", cells: "cells: ", also: "also: ", ruleset: "rule set", checked: (n) => `Checked: ${n}`, report: "gklint report" },
}[LANG];
const $ = (id) => document.getElementById(id);
$("tagline").textContent = T.tagline;
$("other-lang").textContent = T.other;
$("other-lang").href = LANG === "en" ? "?lang=zh" : "?lang=en";
$("drop-label").textContent = T.drop;
$("text").placeholder = T.paste;
$("check").textContent = T.check;
$("download-docx").textContent = T.docx;
$("download-html").textContent = T.html;
let last = null;   // the file checked last, for the annotated copy
let result = null;

function status(text, bad) { $("status").textContent = text; $("status").className = bad ? "bad" : ""; }
function el(tag, cls, text) { const e = document.createElement(tag); if (cls) e.className = cls; if (text !== undefined) e.textContent = text; return e; }

async function check() {
  const file = $("file").files[0];
  const text = $("text").value;
  const form = new FormData();
  if (file) form.append("file", file, file.name);
  else if (text.trim()) form.append("text", new Blob([text], { type: "text/plain" }), "pasted.txt");
  else { status(T.nothing, true); return; }
  if (file && file.size > 20 * 1024 * 1024) { status(T.tooLarge, true); return; }
  status(T.checking);
  $("check").disabled = true;
  try {
    const res = await fetch("api/lint?lang=" + LANG, { method: "POST", body: form });
    const body = res.status === 413 ? { error: T.tooLarge } : await res.json().catch(() => ({ error: res.statusText }));
    if (!res.ok || !body.ok) { status(res.status === 413 ? T.tooLarge : T.failed + (body.error || res.status), true); return; }
    last = file || null;
    result = body;
    show(body);
    status(T.checked(body.name) + (body.ruleset ? ` · ${T.ruleset} ${body.ruleset}` : ""));
  } catch (e) {
    status(T.failed + e.message, true);
  } finally {
    $("check").disabled = false;
  }
}

// The text with each finding's range marked: a line is cut where a range begins or ends.
function show(r) {
  const doc = $("doc"), list = $("findings");
  doc.textContent = "";
  list.textContent = "";
  const byLine = new Map();
  r.findings.forEach((f, i) => {
    for (let l = f.line; l <= Math.min(f.end_line, r.lines.length); l++) {
      const text = r.lines[l - 1] || "";
      const len = [...text].length;
      let from = l === f.line ? f.column - 1 : 0;
      let to = l === f.end_line ? f.end_column - 1 : len;
      const point = f.line === f.end_line && to <= from;
      if (!byLine.has(l)) byLine.set(l, []);
      byLine.get(l).push({ i, from: Math.min(from, len), to: point ? Math.min(from, len) : Math.min(to, len), point, sev: f.severity });
      if (point) break;
    }
  });
  const frag = document.createDocumentFragment();
  r.lines.forEach((text, k) => {
    const line = el("div", "line");
    line.id = "L" + (k + 1);
    line.appendChild(el("span", "ln", String(k + 1)));
    const body = el("span", "tx");
    const chars = [...text];
    const marks = byLine.get(k + 1) || [];
    const cuts = new Set([0, chars.length]);
    marks.forEach((m) => { cuts.add(m.from); cuts.add(m.to); });
    const at = [...cuts].sort((a, b) => a - b);
    for (let s = 0; s < at.length; s++) {
      const a = at[s], b = s + 1 < at.length ? at[s + 1] : a;
      for (const m of marks) if (m.point && m.from === a) body.appendChild(markEl([m], "", true));
      if (b <= a) continue;
      const piece = chars.slice(a, b).join("");
      const covering = marks.filter((m) => !m.point && m.from <= a && m.to >= b);
      body.appendChild(covering.length ? markEl(covering, piece, false) : document.createTextNode(piece));
    }
    line.appendChild(body);
    frag.appendChild(line);
  });
  doc.appendChild(frag);

  const c = r.counts;
  $("summary").textContent = r.findings.length ? T.counts(c) : T.clean;
  r.findings.forEach((f, i) => {
    const li = el("li", "finding sev-" + f.severity);
    li.tabIndex = 0;
    li.dataset.rule = f.rule;
    li.dataset.severity = f.severity;
    li.dataset.index = i;
    li.appendChild(el("span", "sev", T[f.severity]));
    li.appendChild(el("span", "msg", f.message));
    li.appendChild(el("div", "meta", `${f.where} · ${f.rule}`));
    if (f.related) li.appendChild(el("div", "meta", T.cells + f.related.join("；")));
    if (f.also) li.appendChild(el("div", "meta", T.also + f.also.slice(0, 12).join("；") + (f.also.length > 12 ? "……" : "")));
    if (f.cite) li.appendChild(el("div", "meta", T.basis + f.cite));
    if (f.fix) li.appendChild(el("div", "fix", f.fix));
    if (f.doc || f.summary) {
      const d = el("details");
      d.appendChild(el("summary", "", T.explain));
      d.appendChild(el("pre", "", (f.summary ? f.summary + "\n\n" : "") + (f.doc || "")));
      li.appendChild(d);
    }
    li.addEventListener("click", (e) => { if (e.target.tagName !== "SUMMARY") go(i); });
    li.addEventListener("keydown", (e) => { if (e.key === "Enter") go(i); });
    list.appendChild(li);
  });
  $("download-docx").disabled = !(last && last.name.toLowerCase().endsWith(".docx"));
  $("download-html").disabled = false;
}

function markEl(ms, text, point) {
  const m = el("mark", "hl sev-" + worst(ms) + (point ? " point" : ""), text);
  m.dataset.finding = ms.map((x) => x.i).join(" ");
  m.addEventListener("click", () => {
    const li = document.querySelector(`li.finding[data-index="${ms[0].i}"]`);
    if (li) { li.scrollIntoView({ block: "nearest" }); flash(li); }
  });
  return m;
}
function worst(ms) { return ms.some((m) => m.sev === "error") ? "error" : ms.some((m) => m.sev === "warning") ? "warning" : "info"; }
function flash(e) { e.classList.add("flash"); setTimeout(() => e.classList.remove("flash"), 1200); }
function go(i) {
  const m = [...document.querySelectorAll("mark.hl")].find((x) => x.dataset.finding.split(" ").includes(String(i)));
  if (m) { m.scrollIntoView({ block: "center" }); flash(m); }
}

function save(blob, name) {
  const a = el("a");
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

async function downloadDocx() {
  if (!last) return;
  const form = new FormData();
  form.append("file", last, last.name);
  const res = await fetch("api/annotate?lang=" + LANG, { method: "POST", body: form });
  if (!res.ok) { const b = await res.json().catch(() => ({})); status(T.failed + (b.error || res.status), true); return; }
  save(await res.blob(), last.name.replace(/\.docx$/i, "") + ".gklint.docx");
}

function downloadHtml() {
  if (!result) return;
  const style = document.querySelector("style").outerHTML;
  const html = `<!doctype html><html lang="${document.documentElement.lang}"><head><meta charset="utf-8"><title>${T.report}</title>${style}</head>` +
    `<body><header><h1>${T.report}</h1><span>${escapeHtml(result.name)}</span></header><main><section>${$("summary").outerHTML}${$("findings").outerHTML}</section>` +
    `<section>${$("doc").outerHTML}</section></main></body></html>`;
  save(new Blob([html], { type: "text/html" }), result.name.replace(/\.[^.]*$/, "") + ".gklint.html");
}
function escapeHtml(s) { return s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c])); }

$("check").addEventListener("click", check);
$("download-docx").addEventListener("click", downloadDocx);
$("download-html").addEventListener("click", downloadHtml);
$("file").addEventListener("change", () => { if ($("file").files[0]) check(); });
$("text").addEventListener("input", () => { $("file").value = ""; });  // pasted text replaces the file
const drop = $("drop");
drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (e) => {
  e.preventDefault();
  drop.classList.remove("over");
  if (e.dataTransfer.files.length) { $("file").files = e.dataTransfer.files; check(); }
});
</script>
</body>
</html>
)PAGE";

}  // namespace

std::string serve_page(Lang lang) {
  std::string page = kPage;
  const std::string tag = "@LANG@";
  page.replace(page.find(tag), tag.size(), lang == Lang::en ? "en" : "zh-CN");
  return page;
}

}  // namespace gklint
