// gklint --format html, in a real browser: headless Chromium (puppeteer-core, the system Chromium)
// opens the overview page from disk and the rendered DOM is checked against gklint's JSON for the
// same run: a row per report with its agency, year and counts; a click (and the keyboard) opens a
// report's findings with each location and marked span; filters by agency, year, rule, severity and
// status; sorting; the rules table; the pairs across years; print layout; no request leaves the page.
//
//   node html_test.js PAGE.html FINDINGS.json [--screenshot FILE.png]
//
// Exits 1 naming what failed. Asserts on the DOM; the screenshot is for a person.
"use strict";
const fs = require("fs");
const path = require("path");
const puppeteer = require("puppeteer-core");

const [pagePath, findingsPath] = process.argv.slice(2, 4);
const shotAt = process.argv.indexOf("--screenshot");
const screenshot = shotAt > 0 ? process.argv[shotAt + 1] : null;
const files = JSON.parse(fs.readFileSync(findingsPath, "utf8")).files;
const problems = [];
const check = (ok, what) => { if (!ok) problems.push(what); };
const count = (f, sev) => f.diagnostics.filter((d) => d.severity === sev).length;

async function main() {
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    // Self-contained: the page asks for nothing beyond itself.
    const url = "file://" + path.resolve(pagePath);
    await page.setRequestInterception(true);
    page.on("request", (req) => {
      if (req.url().split("#")[0] !== url) problems.push(`the page requested ${req.url()}`);
      req.url().split("#")[0] === url ? req.continue() : req.abort();
    });
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: "load" });

    // The overview first, in the document and on the screen.
    check(await page.$eval("body", (b) => b.firstElementChild.id === "overview"), "the overview is not the first thing on the page");
    const rows = await page.$$eval("#reports tbody tr", (trs) => trs.map((tr) => ({
      report: tr.dataset.report, path: tr.cells[0].textContent, agency: tr.cells[1].textContent, year: tr.cells[2].textContent,
      status: tr.cells[4].className, errors: +tr.cells[5].textContent, warnings: +tr.cells[6].textContent, infos: +tr.cells[7].textContent,
    })));
    check(rows.length === files.length, `${rows.length} rows for ${files.length} files`);
    files.forEach((f, i) => {
      const r = rows[i] || {};
      check(r.path === f.path, `row ${i + 1}: path ${r.path}, JSON ${f.path}`);
      check(r.agency === (f.agency || ""), `${f.path}: agency ${r.agency}, JSON ${f.agency}`);
      check(r.year === (f.report_year ? String(f.report_year) : ""), `${f.path}: year ${r.year}, JSON ${f.report_year}`);
      check(r.errors === count(f, "error") && r.warnings === count(f, "warning") && r.infos === count(f, "info"),
        `${f.path}: counts ${r.errors}/${r.warnings}/${r.infos}, JSON ${count(f, "error")}/${count(f, "warning")}/${count(f, "info")}`);
      const status = f.status === "unreadable" ? "unreadable" : f.diagnostics.length ? "findings" : "clean";
      check(r.status === `status-${status}`, `${f.path}: status ${r.status}, expected ${status}`);
    });
    const visible = (sel) => page.$eval(sel, (e) => getComputedStyle(e).display !== "none" && e.offsetHeight > 0);
    check(!(await visible("#r1")), "a report's findings are shown before they are opened");

    // A click opens one report's findings: each with its location, rule, message and marked span.
    const target = files.findIndex((f) => f.status === "checked" && f.diagnostics.length >= 2 &&
      f.diagnostics.some((d) => d.related && d.related.some((r) => r.path)));
    const pick = target >= 0 ? target : files.findIndex((f) => f.diagnostics.length >= 2);
    const id = `r${pick + 1}`;
    await page.click(`#reports a[href="#${id}"]`);
    check(await visible(`#${id}`), `a click on ${files[pick].path} does not open its findings`);
    check(await page.evaluate((id) => document.activeElement && document.activeElement.id === id, id),
      "the opened report does not take the focus");
    const shown = await page.$$eval(`#${id} li.finding`, (lis) => lis.map((li) => ({
      rule: li.dataset.rule, loc: li.querySelector(".loc").textContent, sev: li.querySelector(".sev").textContent,
      mark: li.querySelector("mark") ? li.querySelector("mark").textContent : null,
      related: Array.from(li.querySelectorAll(".related li")).map((x) => x.textContent),
    })));
    const want = files[pick].diagnostics;
    check(shown.length === want.length, `${files[pick].path}: ${shown.length} findings shown, JSON ${want.length}`);
    want.forEach((d, k) => {
      const s = shown[k] || {};
      check(s.rule === d.rule && s.loc === `${d.line}:${d.column}`, `${files[pick].path} finding ${k + 1}: ${s.rule} at ${s.loc}, JSON ${d.rule} at ${d.line}:${d.column}`);
      check(s.mark !== null, `${files[pick].path} finding ${k + 1} (${d.rule}): no marked source text`);
      if (d.line === d.end_line && d.end_column > d.column && d.end_column - d.column < 50 && s.mark !== null) {
        check([...s.mark].length === d.end_column - d.column,
          `${files[pick].path} finding ${k + 1}: marked "${s.mark}" is not columns ${d.column}–${d.end_column}`);
      }
      for (const r of d.related || []) {
        if (r.path) check(s.related.some((t) => t.includes(r.path)), `${files[pick].path} finding ${k + 1}: related ${r.path} not named`);
      }
    });
    if (target < 0) problems.push("no finding with a place in last year's report in this run");

    // The keyboard: from a row's link, Enter opens that report.
    const second = files.findIndex((f, i) => i !== pick && f.diagnostics.length > 0);
    await page.focus(`#reports a[href="#r${second + 1}"]`);
    await page.keyboard.press("Enter");
    await page.waitForFunction((id) => location.hash === "#" + id, {}, `r${second + 1}`);
    check(await visible(`#r${second + 1}`), "Enter on a row's link does not open its findings");
    check(!(await visible(`#${id}`)), "the report opened before stays open");

    // Filters.
    const shownRows = () => page.$$eval("#reports tbody tr", (trs) => trs.filter((tr) => !tr.hidden).map((tr) => tr.cells[0].textContent));
    const select = async (sel, value) => { await page.select(sel, value); };
    const rule = files.flatMap((f) => f.diagnostics.map((d) => d.rule)).find((r) => r !== undefined);
    await select("#f-rule", rule);
    let got = await shownRows();
    let expect = files.filter((f) => f.diagnostics.some((d) => d.rule === rule)).map((f) => f.path);
    check(JSON.stringify(got) === JSON.stringify(expect), `rule ${rule}: rows ${got.length}, expected ${expect.length}`);
    check((await page.$eval("#shown", (e) => e.textContent)).includes(String(expect.length)), "the count of shown rows is not updated");
    await select("#f-rule", "");
    await select("#f-severity", "error");
    got = await shownRows();
    expect = files.filter((f) => count(f, "error") > 0).map((f) => f.path);
    check(JSON.stringify(got) === JSON.stringify(expect), `severity error: rows ${got.length}, expected ${expect.length}`);
    await select("#f-severity", "");
    const year = files.find((f) => f.report_year).report_year;
    await select("#f-year", String(year));
    got = await shownRows();
    expect = files.filter((f) => f.report_year === year).map((f) => f.path);
    check(JSON.stringify(got) === JSON.stringify(expect), `year ${year}: rows ${got.length}, expected ${expect.length}`);
    await select("#f-year", "");
    await select("#f-status", "unreadable");
    got = await shownRows();
    expect = files.filter((f) => f.status === "unreadable").map((f) => f.path);
    check(expect.length > 0 && JSON.stringify(got) === JSON.stringify(expect), `status unreadable: rows ${got.length}, expected ${expect.length}`);
    await select("#f-status", "");
    const agency = files.find((f) => f.agency).agency;
    await page.type("#f-agency", agency);
    got = await shownRows();
    expect = files.filter((f) => (f.agency || "").includes(agency) || f.path.includes(agency)).map((f) => f.path);
    check(JSON.stringify(got) === JSON.stringify(expect), `agency ${agency}: rows ${got.length}, expected ${expect.length}`);
    // Reports filtered out are not printed.
    await page.emulateMediaType("print");
    const printed = await page.$$eval("section.report", (ss) => ss.filter((s) => getComputedStyle(s).display !== "none").length);
    check(printed === expect.length, `print: ${printed} reports printed, ${expect.length} shown in the overview`);
    await page.emulateMediaType("screen");
    await page.$eval("#f-agency", (e) => { e.value = ""; e.dispatchEvent(new Event("input")); });
    check((await shownRows()).length === files.length, "clearing the filters does not show every row again");

    // Sorting: errors, most first on the second click; then by year, unknown years last.
    await page.click('#reports th[data-key="errors"] button');
    await page.click('#reports th[data-key="errors"] button');
    const errs = await page.$$eval("#reports tbody tr", (trs) => trs.map((tr) => +tr.cells[5].textContent));
    check(errs.every((e, i) => i === 0 || errs[i - 1] >= e), `sorted by errors, descending: ${errs}`);
    check(await page.$eval('#reports th[data-key="errors"]', (th) => th.getAttribute("aria-sort")) === "descending", "aria-sort not set");
    await page.click('#reports th[data-key="year"] button');
    const years = await page.$$eval("#reports tbody tr", (trs) => trs.map((tr) => tr.cells[2].textContent));
    const known = years.filter((y) => y !== "");
    check(known.every((y, i) => i === 0 || known[i - 1] <= y) && years.slice(known.length).every((y) => y === ""),
      `sorted by year: ${years}`);

    // Rules by the reports they hit.
    const ruleRows = await page.$$eval("#rules tbody tr", (trs) => trs.map((tr) => ({ rule: tr.dataset.rule, reports: +tr.cells[2].textContent, findings: +tr.cells[3].textContent })));
    const byRule = {};
    for (const f of files) for (const r of new Set(f.diagnostics.map((d) => d.rule))) byRule[r] = (byRule[r] || 0) + 1;
    check(ruleRows.length === Object.keys(byRule).length, `${ruleRows.length} rules listed, ${Object.keys(byRule).length} fired`);
    for (const r of ruleRows) check(byRule[r.rule] === r.reports, `rule ${r.rule}: ${r.reports} reports, JSON ${byRule[r.rule]}`);
    check(ruleRows.every((r, i) => i === 0 || ruleRows[i - 1].reports >= r.reports), "rules are not ordered by the reports they hit");

    // The pairs across years.
    const pairs = await page.$$eval("#pairs tbody tr", (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[2].textContent]));
    const wantPairs = files.filter((f) => f.previous).map((f) => [f.path, f.previous.path]);
    check(wantPairs.length > 0 && JSON.stringify(pairs) === JSON.stringify(wantPairs), `pairs ${JSON.stringify(pairs)}, JSON ${JSON.stringify(wantPairs)}`);

    // The reports compared with another agency's (--find-copies).
    const copies = await page.$$eval("#copies tbody tr", (trs) => trs.map((tr) => [tr.cells[0].textContent, tr.cells[1].textContent]));
    const wantCopies = files.filter((f) => f.copy_of).map((f) => [f.path, f.copy_of.path]);
    check(JSON.stringify(copies) === JSON.stringify(wantCopies), `copies ${JSON.stringify(copies)}, JSON ${JSON.stringify(wantCopies)}`);

    check(errors.length === 0, `script errors: ${errors.join("; ")}`);
    if (screenshot) {
      await page.goto(url + "#" + id, { waitUntil: "load" });
      await page.screenshot({ path: screenshot, fullPage: true });
    }
  } finally {
    await browser.close();
  }
}

main().then(() => {
  if (problems.length) {
    for (const p of problems) console.log("html: " + p);
    process.exit(1);
  }
  console.log(`html: ${files.length} reports, overview, findings, filters, sorting and print checked in ${process.env.CHROMIUM_VERSION || "Chromium"}`);
}, (e) => { console.log("html: " + (e && e.stack || e)); process.exit(1); });
