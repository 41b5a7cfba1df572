/**
 * Reads a QR code drawn as the qrcode library's SVG (one path of "M x y", "m dx 0", "h n"
 * commands over a module grid): rasterizes that path to a PNG with pngjs and decodes the
 * picture with jsQR, so a test checks what a phone would read from the page itself.
 */
import jsQR from 'jsqr';
import { PNG } from 'pngjs';

export function qrSvgToPng(svg: string, scale = 8): PNG {
  const size = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
  const path = /<path[^>]*stroke="#000000"[^>]*d="([^"]+)"/.exec(svg)?.[1];
  if (!size || !path) throw new Error('not a qrcode SVG');
  const dark = new Uint8Array(size * size);
  let x = 0;
  let row = 0;
  for (const [, cmd, a, b] of path.matchAll(/([Mmh])(-?\d+(?:\.\d+)?)(?: (-?\d+(?:\.\d+)?))?/g)) {
    if (cmd === 'M') {
      x = Number(a);
      row = Math.floor(Number(b));
    } else if (cmd === 'm') {
      x += Number(a);
    } else {
      for (let i = 0; i < Number(a); i += 1) dark[row * size + x + i] = 1;
      x += Number(a);
    }
  }
  const png = new PNG({ width: size * scale, height: size * scale });
  for (let py = 0; py < png.height; py += 1) {
    for (let px = 0; px < png.width; px += 1) {
      const on = dark[Math.floor(py / scale) * size + Math.floor(px / scale)] === 1;
      const at = (py * png.width + px) * 4;
      png.data[at] = png.data[at + 1] = png.data[at + 2] = on ? 0 : 255;
      png.data[at + 3] = 255;
    }
  }
  return png;
}

/** The text a QR code in qrcode-library SVG encodes, or null when it does not decode. */
export function decodeQrSvg(svg: string): string | null {
  const png = qrSvgToPng(svg);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** The text of a QR code in a PNG screenshot, or null. */
export function decodeQrPng(bytes: Buffer): string | null {
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
