// usage: node zoom.tmp.mjs in.png out.png x y w h factor
import fs from 'node:fs';
import {launchBrowser} from './harness.mjs';
const [inp, out, x, y, w, h, f] = process.argv.slice(2);
const browser = await launchBrowser();
const page = await browser.newPage({viewport: {width: w * f, height: h * f}});
const data = fs.readFileSync(inp).toString('base64');
await page.setContent(`<body style="margin:0;overflow:hidden"><div style="width:${w*f}px;height:${h*f}px;overflow:hidden;position:relative"><img src="data:image/png;base64,${data}" style="position:absolute;left:${-x*f}px;top:${-y*f}px;image-rendering:pixelated;transform-origin:0 0;transform:scale(${f})"></div></body>`);
await page.waitForTimeout(200);
await page.screenshot({path: out});
await browser.close();
