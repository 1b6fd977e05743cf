// dashboard_test.mjs: the dashboard in a real headless Chromium (Debian's, driven by
// playwright-core): the page loads with no console error and no request leaving the server,
// the network shows the demo's actors, selecting Russia and North Korea draws their series,
// coding a pasted sentence shows its events. Screenshots go to OUTDIR.
// usage: node dashboard_test.mjs URL OUTDIR
import { existsSync } from "node:fs";
import { chromium } from "playwright-core";

const [url, outdir] = process.argv.slice(2);
const exe = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p)) || "/usr/bin/chromium";
let failures = 0, n = 0;
function check(name, ok) {
  n++;
  console.log(`${ok ? "ok" : "not ok"} ${n} - ${name}`);
  if (!ok) failures++;
}

const browser = await chromium.launch({ executablePath: exe, args: ["--no-sandbox", "--disable-gpu"] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
  const errors = [], outside = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("request", (r) => { if (!r.url().startsWith(url) && !r.url().startsWith("data:")) outside.push(r.url()); });
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => window.entente.ready);
  await page.waitForFunction(() => window.entente.pending === 0);
  const ids = await page.evaluate(() => window.entente.cy.nodes().map((n) => n.id()));
  check(`the network shows the demo's actors (${ids.length}: ${ids.slice(0, 12).join(" ")}...)`,
        ["RUS", "PRK", "CHN", "USA", "IGOGOS"].every((a) => ids.includes(a)));
  const blocs = await page.evaluate(() => window.entente.cy.nodes().map((n) => [n.id(), n.data("bloc")]));
  const bloc = Object.fromEntries(blocs);
  check("Russia and North Korea share a bloc, the G7 is in another",
        bloc.RUS === bloc.PRK && bloc.RUS > 0 && bloc.IGOGOS !== bloc.RUS);
  const rows = await page.locator("#events tbody tr").count();
  check(`the events table is filled (${rows} rows)`, rows > 10);
  const marks = await page.locator("#events tbody mark.trig").count();
  check("triggers are highlighted in the sentences", marks > 5);
  await page.screenshot({ path: `${outdir}/dashboard.png`, fullPage: true });

  await page.selectOption("#dyad-source", "RUS");
  await page.selectOption("#dyad-target", "PRK");
  await page.click("#dyad-form button[type=submit]");
  await page.waitForFunction(() => window.entente.dyad && window.entente.dyad.source === "RUS" && window.entente.pending === 0);
  const dyad = await page.evaluate(() => ({ periods: window.entente.dyad.periods,
                                            series: window.entente.plot.series.length,
                                            points: window.entente.plot.data[0].length }));
  const canvas = await page.locator("#dyad-chart canvas").count();
  check(`selecting Russia and North Korea draws their series (${dyad.points} periods, ${dyad.series - 1} series)`,
        canvas > 0 && dyad.points >= 3 && dyad.series === 6);
  await page.locator("#dyad-panel").screenshot({ path: `${outdir}/dashboard-dyad.png` });

  await page.fill("#code-text", "Vladimir Poutine a rencontré Kim Jong-un mercredi à Pyongyang. Les deux dirigeants ont signé un accord de partenariat stratégique.");
  await page.fill("#code-date", "2024-06-19");
  await page.click("#code-form button[type=submit]");
  await page.waitForFunction(() => window.entente.coded !== undefined && window.entente.pending === 0);
  const coded = await page.locator("#code-events tbody tr").allInnerTexts();
  check(`coding a pasted sentence shows its events (${coded.length})`,
        coded.some((t) => t.includes("RUSGOV") && t.includes("PRKGOV") && t.includes("040")));
  const explain = await page.evaluate(() => document.querySelector("#code-explain pre").textContent);
  check("the explanation is shown", explain.includes("trigger") && explain.includes("EVENT"));
  await page.locator("#code-panel").screenshot({ path: `${outdir}/dashboard-code.png` });

  check(`no console error (${errors.join(" | ")})`, errors.length === 0);
  check(`nothing loaded from outside the server (${outside.join(" ")})`, outside.length === 0);
} finally {
  await browser.close();
}
console.log(`${n} tests, ${failures} failed`);
process.exit(failures ? 1 : 0);
