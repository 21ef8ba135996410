// Draws the installable app's PNG icons from app/icon.svg with sharp (already installed with Next):
//   node scripts/pwa-icons.mjs
// The PNGs are committed; run this again only when the logo changes.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';

const svg = readFileSync(new URL('../app/icon.svg', import.meta.url));
const out = (name) => new URL(`../public/icons/${name}`, import.meta.url).pathname;
const BRAND = '#1f4d3a';

// "any" icons: the logo as drawn, rounded corners and all.
for (const size of [192, 512]) {
  await sharp(svg, { density: (72 * size) / 32 })
    .resize(size, size)
    .png()
    .toFile(out(`icon-${size}.png`));
}

// Maskable and Apple icons are cropped by the system (a circle, a squircle): the mark sits inside the safe zone
// (the middle 80%) on a full-bleed brand background, so nothing of it is cut off.
async function padded(size, scale) {
  const inner = Math.round(size * scale);
  const mark = await sharp(svg, { density: (72 * inner) / 32 })
    .resize(inner, inner)
    .png()
    .toBuffer();
  return sharp({ create: { width: size, height: size, channels: 4, background: BRAND } })
    .composite([{ input: mark, gravity: 'centre' }])
    .png();
}
await (await padded(512, 0.7)).toFile(out('maskable-512.png'));
// iOS home screens: app/apple-icon.png is Next's file convention for <link rel="apple-touch-icon">.
await (await padded(180, 0.8)).toFile(new URL('../app/apple-icon.png', import.meta.url).pathname);
console.log('Wrote public/icons/icon-192.png, icon-512.png, maskable-512.png and app/apple-icon.png');
