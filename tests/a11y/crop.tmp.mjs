import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const [file, out, y, h] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
await page.setContent(`<body style="margin:0"><img style="display:block" src="data:image/png;base64,${readFileSync(file).toString('base64')}"></body>`);
await page.waitForLoadState('load');
await page.screenshot({ path: out, clip: { x: 0, y: Number(y), width: 320, height: Number(h) }, fullPage: true });
await browser.close();
