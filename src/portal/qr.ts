/** The article's QR code as inline SVG, made by the qrcode library (no image request, prints sharp). */
import QRCode from 'qrcode';
import { escapeHtml, trusted, type Html } from './html';

export async function qrSvg(text: string, label: string): Promise<Html> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
  // Give the picture a name for screen readers; the library's output has no attributes of its own to clash with.
  return trusted(svg.trim().replace(/^<svg /, `<svg role="img" aria-label="${escapeHtml(label)}" focusable="false" class="qr-code" `));
}
