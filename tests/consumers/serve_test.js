// gklint serve, end to end: plain HTTP requests (bad uploads get a clear message and the server
// keeps serving), then a person's path in headless Chromium (puppeteer-core, the system Chromium):
// open the page, choose a .docx made by LibreOffice, wait for the findings, check the rendered DOM
// against gklint's JSON for the same file, click a finding, download the annotated .docx.
//
//   node serve_test.js URL DOCX FINDINGS.json DOWNLOAD_DIR [--screenshot FILE.png]
//
// Exits 1 naming what failed. Asserts on the DOM; the screenshot is for a person (README).
"use strict";
const fs = require("fs");
const path = require("path");
const puppeteer = require("puppeteer-core");

const [url, docx, findingsPath, downloads] = process.argv.slice(2, 6);
const shotAt = process.argv.indexOf("--screenshot");
const screenshot = shotAt > 0 ? process.argv[shotAt + 1] : null;
const want = JSON.parse(fs.readFileSync(findingsPath, "utf8")).files[0].diagnostics;
const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };

async function post(route, form) {
  const res = await fetch(url + route, { method: "POST", body: form });
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  return { status: res.status, body };
}
function fileForm(name, bytes) {
  const form = new FormData();
  form.append("file", new Blob([bytes]), name);
  return form;
}

async function http() {
  const page = await fetch(url);
  check(page.status === 200 && (await page.text()).includes('id="findings"'), "GET / does not serve the page");
  const en = await (await fetch(url + "?lang=en")).text();
  check(en.includes('<html lang="en">'), "?lang=en does not serve the English page");
  let r = await post("api/lint", fileForm("empty.docx", new Uint8Array(0)));
  check(r.status === 400 && /文件为空/.test(r.body && r.body.error), `a 0-byte file: ${r.status} ${JSON.stringify(r.body)}`);
  r = await post("api/lint", fileForm("report.docx", fs.readFileSync(path.join(path.dirname(docx), "bad", "scanned.pdf"))));
  check(r.status === 422 && /OCR/.test(r.body && r.body.error), `a scanned PDF named .docx: ${r.status} ${JSON.stringify(r.body)}`);
  r = await post("api/lint", fileForm("big.txt", new Uint8Array(21 * 1024 * 1024)));
  check(r.status === 413 && /20 MB/.test(r.body && r.body.error), `a 21 MB upload: ${r.status} ${JSON.stringify(r.body)}`);
  r = await post("api/lint?lang=en", new FormData());
  check(r.status === 400 && /choose a file or paste text/.test(r.body && r.body.error), `no file: ${r.status} ${JSON.stringify(r.body)}`);
  r = await post("api/annotate", fileForm("a.txt", "某县2020年政府信息公开工作年度报告"));
  check(r.status === 422 && /docx/.test(r.body && r.body.error), `annotate a .txt: ${r.status} ${JSON.stringify(r.body)}`);
  // A path in the file name is only a name: nothing is opened, the extension still says the format.
  r = await post("api/lint", fileForm("../../etc/passwd.txt", "某县2020年政府信息公开工作年度报告\n"));
  check(r.status === 200 && r.body.name === "passwd.txt", `a path as file name: ${r.status} ${JSON.stringify(r.body && r.body.name)}`);
  // Ten at once: each gets its own findings.
  const bytes = fs.readFileSync(docx);
  const all = await Promise.all([...Array(10)].map((_, i) =>
    i % 2 ? post("api/lint", fileForm("d.docx", bytes)) : post("api/lint", fileForm("t.txt", "某县2020年政府信息公开工作年度报告\n"))));
  all.forEach((x, i) => check(x.status === 200 && x.body.findings.length === (i % 2 ? want.length : x.body.findings.length) &&
    x.body.name === (i % 2 ? "d.docx" : "t.txt"), `concurrent request ${i}: ${x.status}`));
  // Still serving after all that.
  r = await post("api/lint", fileForm("d.docx", bytes));
  check(r.status === 200 && r.body.findings.length === want.length, `after the bad uploads: ${r.status}`);
}

async function browser() {
  const b = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await b.newPage();
    await page.setViewport({ width: 1400, height: 900 });
    const cdp = await page.target().createCDPSession();
    await cdp.send("Page.setDownloadBehavior", { behavior: "allow", downloadPath: downloads });
    await page.goto(url, { waitUntil: "load" });
    check((await page.$eval("#check", (e) => e.textContent)) === "检查", "the page is not in Chinese");
    const input = await page.$("#file");
    await input.uploadFile(docx);  // its change event starts the check
    await page.waitForSelector("#findings li.finding", { timeout: 20000 });
    const shown = await page.$$eval("#findings li.finding", (els) => els.map((e) => ({
      rule: e.dataset.rule, severity: e.dataset.severity, text: e.querySelector(".msg").textContent })));
    check(shown.length === want.length, `${shown.length} findings shown, gklint reports ${want.length}`);
    want.forEach((d, i) => check(shown[i] && shown[i].rule === d.rule && shown[i].text === d.message,
      `finding ${i}: shown ${JSON.stringify(shown[i])}, gklint says ${d.rule} ${d.message}`));
    // The year typo is highlighted on its very characters; the sum's cell on its figure.
    const marks = await page.$$eval("#doc mark.hl", (els) => els.map((e) => ({ f: e.dataset.finding.split(" "), text: e.textContent })));
    const typo = want.findIndex((d) => d.rule === "year.typo");
    check(typo >= 0 && marks.some((m) => m.f.includes(String(typo)) && m.text === "20120"),
      `no highlight on 20120 for the year typo: ${JSON.stringify(marks.filter((m) => m.f.includes(String(typo))))}`);
    want.forEach((d, i) => check(marks.some((m) => m.f.includes(String(i))), `finding ${i} (${d.rule}) has no highlight`));
    const summary = await page.$eval("#summary", (e) => e.textContent);
    const errors = want.filter((d) => d.severity === "error").length;
    check(summary.includes(`错误 ${errors} 条`), `summary: ${summary}`);
    // Explain and fix are shown with the finding.
    const typoItem = await page.$(`#findings li.finding[data-index="${typo}"]`);
    check(/20120/.test(await typoItem.$eval(".fix", (e) => e.textContent)), "the year typo's fix is not shown");
    check((await typoItem.$eval("details pre", (e) => e.textContent)).length > 20, "the rule is not explained");
    // Clicking a finding brings its highlight into view, flashed.
    await typoItem.click();
    await page.waitForSelector("#doc mark.hl.flash", { timeout: 5000 });
    if (screenshot) await page.screenshot({ path: screenshot });
    // The annotated .docx downloads.
    await page.click("#download-docx");
    const name = path.basename(docx).replace(/\.docx$/, ".gklint.docx");
    const target = path.join(downloads, name);
    for (let i = 0; i < 100 && !fs.existsSync(target); i++) await new Promise((r) => setTimeout(r, 100));
    check(fs.existsSync(target) && fs.statSync(target).size > 1000, `the annotated .docx was not downloaded (${name})`);
    // And the HTML report.
    await page.click("#download-html");
    const html = path.join(downloads, path.basename(docx).replace(/\.docx$/, ".gklint.html"));
    for (let i = 0; i < 50 && !fs.existsSync(html); i++) await new Promise((r) => setTimeout(r, 100));
    check(fs.existsSync(html) && fs.readFileSync(html, "utf8").includes("20120"), "the HTML report was not downloaded");
    // Pasted text, checked with the button: the findings are those of the text.
    await page.click("#text");
    await page.keyboard.sendCharacter("某县人民政府\n2022年政府信息公开工作年度报告\n现将20222年度工作报告如下。\n");
    await page.click("#check");
    await page.waitForFunction(() => document.querySelector("#status").textContent.includes("pasted.txt"), { timeout: 20000 });
    const pasted = await page.$$eval("#findings li.finding", (els) => els.map((e) => e.dataset.rule));
    check(pasted.includes("year.typo"), `pasted text: ${JSON.stringify(pasted)}`);
    check(await page.$eval("#download-docx", (e) => e.disabled), "a .docx download offered for pasted text");
    const pastedMarks = await page.$$eval("#doc mark.hl", (els) => els.map((e) => e.textContent));
    check(pastedMarks.includes("20222"), `pasted text: the typo not marked: ${JSON.stringify(pastedMarks)}`);
  } finally {
    await b.close();
  }
}

(async () => {
  try {
    await http();
    await browser();
  } catch (e) {
    problems.push("error: " + (e && e.stack || e));
  }
  for (const p of problems) console.log("serve: " + p);
  if (problems.length) process.exit(1);
  console.log(`serve: ok (HTTP checks; Chromium ${process.env.CHROMIUM_VERSION || ""}: ${want.length} findings shown and highlighted, the annotated .docx and the HTML report downloaded, pasted text checked)`);
})();
